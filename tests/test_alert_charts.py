"""Alerts as charts, where a chat has pictures on: a seat's alert goes as its chart with the
words as the caption, starts as the candidates with the winner marked, and is edited in place
(editMessageMedia) to the chart with the votes when they come. Each chart is uploaded once
and sent to the next chat by its file id. A chat whose pictures are off, or that forbids
media, gets the words; a picture never costs an alert.

Through the fake Bot API, with the feed a folder the test writes the replay's files into."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from PIL import Image

from bot.night.replay import COUNT_AFTER, POLLS_CLOSE, ReplayPlan, write_atomically
from bot.telegram.follows import FollowBook
from knowledge.schema import Knowledge
from tests.fake_bot_api import (
    BOB,
    GROUP_CHAT,
    GROUP_CHAT_ID,
    PRIVATE_CHAT_ID,
    FakeBotApi,
    parse_html,
)
from tests.fake_faults import Refused, Slow
from tests.telegram_harness import TOKEN, settings_for
from tests.test_follow_alerts import (
    BOB_CHAT,
    BOB_ID,
    CLACTON,
    night_bot,
    publish,
    texts,
    until,
    words_only,
)

REFORM = (0x12, 0xB6, 0xCF)  # Reform UK's colour in bot/charts/colours.py


def coloured_pixels(png: bytes, colour: tuple[int, int, int]) -> int:
    """Pixels within a small distance of the colour (the PNG is paletted to 64 colours)."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    near = 0
    for count, pixel in image.getcolors(maxcolors=1 << 16) or []:
        assert isinstance(pixel, tuple)
        if sum(abs(a - b) for a, b in zip(pixel, colour, strict=True)) < 30:
            near += count
    return near


def alert_message(api: FakeBotApi, chat_id: int) -> dict[str, Any]:
    return api.bot_messages(chat_id)[-1]


async def test_an_alert_is_the_seats_chart_edited_in_place_when_the_votes_come(
    shipped_knowledge: Knowledge, tmp_path: Path
) -> None:
    plan = ReplayPlan()
    write_atomically(tmp_path, plan.files_at(POLLS_CLOSE))
    with FakeBotApi(TOKEN) as api:
        async with night_bot(api, shipped_knowledge, tmp_path) as live:
            await until(lambda: len(live.night.seats) == 650)
            api.send_text("/follow Clacton")  # Alice: a private chat, pictures on
            api.send_text("/follow Clacton", chat=BOB_CHAT, user=BOB)
            await until(lambda: len(texts(api, PRIVATE_CHAT_ID)) == 1)
            await until(lambda: len(texts(api, BOB_ID)) == 1)

            await publish(plan, tmp_path, CLACTON.recorded, live)
            await until(lambda: len(texts(api, PRIVATE_CHAT_ID)) == 2)
            await until(lambda: len(texts(api, BOB_ID)) == 2)
            declared = alert_message(api, PRIVATE_CHAT_ID)
            assert "photo" in declared
            caption = parse_html(declared["caption"])
            assert caption.startswith("Clacton (")
            assert "Nigel Farage (Reform UK) wins, Reform UK gain from Conservative." in caption
            assert "The votes are not yet published." in caption
            first = api.photos[(PRIVATE_CHAT_ID, declared["message_id"])]
            assert coloured_pixels(first, REFORM) == 0  # the candidates, no bars yet
            assert api.uploads == 1  # Bob's chart went by the file id of Alice's
            assert api.photos[(BOB_ID, alert_message(api, BOB_ID)["message_id"])] == first

            await publish(plan, tmp_path, CLACTON.recorded + COUNT_AFTER, live)
            await until(lambda: "Majority" in texts(api, PRIVATE_CHAT_ID)[1])
            await until(lambda: "Majority" in texts(api, BOB_ID)[1])
            edited = alert_message(api, PRIVATE_CHAT_ID)
            assert edited["message_id"] == declared["message_id"]  # the same message
            assert f"Majority: {CLACTON.majority:,} votes." in parse_html(edited["caption"])
            assert "1. Nigel Farage (Reform UK): 21,225" in parse_html(edited["caption"])
            counted = api.photos[(PRIVATE_CHAT_ID, declared["message_id"])]
            assert coloured_pixels(counted, REFORM) > 1000  # Farage's bar, and Reform's
            assert len(api.calls_to("editMessageMedia")) == 2
            assert api.uploads == 2
            assert len(api.calls_to("sendPhoto")) == 2  # one per follower, never again
            assert len(api.calls_to("sendMessage")) == 2  # the replies to /follow; no words
            assert len(api.bot_messages(PRIVATE_CHAT_ID)) == 2


async def test_pictures_off_or_media_forbidden_get_the_words(
    shipped_knowledge: Knowledge, tmp_path: Path
) -> None:
    plan = ReplayPlan()
    write_atomically(tmp_path, plan.files_at(POLLS_CLOSE))
    with FakeBotApi(TOKEN) as api:
        settings = settings_for(api, results_feed=str(tmp_path), feed_poll_seconds=0.05)
        words_only(settings, PRIVATE_CHAT_ID)
        async with night_bot(api, shipped_knowledge, tmp_path, settings) as live:
            await until(lambda: len(live.night.seats) == 650)
            api.send_text("/follow Clacton")
            api.send_text("/follow Clacton", chat=GROUP_CHAT)  # a group: words by default
            api.send_text("/follow Clacton", chat=BOB_CHAT, user=BOB)
            for chat_id in (PRIVATE_CHAT_ID, GROUP_CHAT_ID, BOB_ID):
                await until(lambda chat_id=chat_id: len(texts(api, chat_id)) == 1)
            forbidden = Refused(400, "Bad Request: not enough rights to send photos to the chat")
            api.faults.add("sendPhoto", forbidden, chat_id=BOB_ID)

            await publish(plan, tmp_path, CLACTON.recorded, live)
            for chat_id in (PRIVATE_CHAT_ID, GROUP_CHAT_ID, BOB_ID):
                await until(lambda chat_id=chat_id: len(texts(api, chat_id)) == 2)
                alert = alert_message(api, chat_id)
                assert "photo" not in alert
                assert parse_html(alert["text"]).startswith("Clacton (")
            assert api.faults.injected["sendPhoto Refused"] == 1  # Bob's, refused: his words
            await publish(plan, tmp_path, CLACTON.recorded + COUNT_AFTER, live)
            for chat_id in (PRIVATE_CHAT_ID, GROUP_CHAT_ID, BOB_ID):
                await until(lambda chat_id=chat_id: "Majority" in texts(api, chat_id)[1])
            assert not api.calls_to("editMessageMedia")
            assert len(api.bot_messages(BOB_ID)) == 2  # his follow's reply and one alert


async def test_a_stop_lets_an_alert_already_sent_finish_so_it_is_not_sent_again(
    shipped_knowledge: Knowledge, tmp_path: Path
) -> None:
    plan = ReplayPlan()
    feed = tmp_path / "feed"
    feed.mkdir()
    write_atomically(feed, plan.files_at(POLLS_CLOSE))
    with FakeBotApi(TOKEN) as api:
        settings = settings_for(api, results_feed=str(feed), feed_poll_seconds=0.05)
        async with night_bot(api, shipped_knowledge, feed, settings) as live:
            await until(lambda: len(live.night.seats) == 650)
            api.send_text("/follow Clacton")
            await until(lambda: len(texts(api, PRIVATE_CHAT_ID)) == 1)
            api.faults.add("sendPhoto", Slow(1.0), chat_id=PRIVATE_CHAT_ID)
            await publish(plan, feed, CLACTON.recorded, live)
            await until(lambda: api.faults.injected["sendPhoto Slow"] == 1)
        # stopped while Telegram was taking the alert: it went, and is marked as sent
        assert len(api.calls_to("sendPhoto")) == 1
        book = FollowBook(settings.inbox_path)
        assert book.cut_short() == 0
        assert book.chats_waiting() == []
        assert (
            book.message_of(PRIVATE_CHAT_ID, CLACTON.ons_id)
            == alert_message(api, PRIVATE_CHAT_ID)["message_id"]
        )
        book.close()
