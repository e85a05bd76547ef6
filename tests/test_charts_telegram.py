"""Charts on Telegram: a photo with a short caption and its buttons, the whole text a tap
away, pictures switched per chat with /settings (and kept across a restart)."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from PIL import Image

from bot.engine import Engine
from bot.telegram.handlers import SORRY
from tests.fake_bot_api import ALICE, BOB, GROUP_CHAT, GROUP_CHAT_ID, PRIVATE_CHAT_ID, FakeBotApi
from tests.fake_bot_api import parse_html as visible
from tests.fake_faults import Dropped, ServerError
from tests.telegram_harness import TEST_TUNING, calls, running, settings_for
from tests.test_telegram_e2e import buttons


@pytest.fixture
async def bot(api: FakeBotApi, shipped_engine: Engine) -> AsyncIterator[FakeBotApi]:
    async with running(settings_for(api), shipped_engine):
        await calls(api, "getUpdates")
        yield api


async def test_a_seat_answer_is_a_chart_with_a_short_caption_and_its_buttons(
    bot: FakeBotApi,
) -> None:
    bot.send_text("who won clacton")
    [sent] = await calls(bot, "sendPhoto")
    caption = visible(sent.params["caption"])
    assert caption.startswith("Nigel Farage (Reform UK) won Clacton: Reform UK gain from")
    assert "Majority: 8,405 votes" in caption
    assert "Jovan Owusu-Nepaul" not in caption  # candidates are in the chart, and in Details
    assert len(caption) <= 1024
    assert [label for label, _ in buttons(sent.params)] == ["Source", "Details"]
    [photo] = [m for m in bot.bot_messages(PRIVATE_CHAT_ID) if "photo" in m]
    image = Image.open(io.BytesIO(bot.photos[(PRIVATE_CHAT_ID, photo["message_id"])]))
    assert image.format == "PNG"
    assert image.width == 1080
    assert 600 < image.height < 2000
    assert bot.calls_to("sendMessage") == []


async def test_details_and_source_under_a_chart_come_as_messages_below_it(
    bot: FakeBotApi,
) -> None:
    bot.send_text("who won clacton")
    [sent] = await calls(bot, "sendPhoto")
    photo = bot.bot_messages(PRIVATE_CHAT_ID)[-1]
    labels = dict(buttons(sent.params))
    bot.press(photo, labels["Details"])
    [details] = await calls(bot, "sendMessage")
    text = visible(details.params["text"])
    assert "Craig Jamieson (Climate Party): 48 votes" in text  # every candidate, in words
    assert details.params["reply_parameters"]["message_id"] == photo["message_id"]
    assert [label for label, _ in buttons(details.params)] == ["Source"]
    bot.press(photo, labels["Source"])
    _, sourced = await calls(bot, "sendMessage", 2)
    assert "HoC-GE2024-results-by-candidate.csv" in visible(sourced.params["text"])


async def test_groups_get_text_until_someone_turns_pictures_on(bot: FakeBotApi) -> None:
    bot.send_text("@TheBot who won clacton", chat=GROUP_CHAT, user=BOB)
    [text_answer] = await calls(bot, "sendMessage")
    assert visible(text_answer.params["text"]).startswith("Nigel Farage (Reform UK) won Clacton")
    bot.send_text("/settings", chat=GROUP_CHAT, user=BOB)
    _, said = await calls(bot, "sendMessage", 2)
    assert visible(said.params["text"]).startswith("Pictures are off in this chat")
    [(label, data)] = buttons(said.params)
    assert label == "Turn pictures on"
    bot.press(bot.bot_messages(GROUP_CHAT_ID)[-1], data, user=BOB)
    [switched] = await calls(bot, "editMessageText")
    assert visible(switched.params["text"]).startswith("Pictures are on in this chat")
    bot.send_text("@TheBot who won blackburn", chat=GROUP_CHAT, user=ALICE)  # Bob's had 3
    [chart] = await calls(bot, "sendPhoto")
    assert visible(chart.params["caption"]).startswith("Adnan Hussain (Independent) won Blackburn")
    assert chart.params["reply_parameters"]["message_id"]  # in a group, a reply to the asker


async def test_pictures_off_is_kept_across_a_restart(
    api: FakeBotApi, shipped_engine: Engine, tmp_path: Path
) -> None:
    settings = settings_for(api, inbox_path=tmp_path / "inbox.sqlite3")
    async with running(settings, shipped_engine):
        api.send_text("/settings")
        [said] = await calls(api, "sendMessage")
        [(label, data)] = buttons(said.params)
        assert label == "Turn pictures off"
        api.press(api.bot_messages(PRIVATE_CHAT_ID)[-1], data)
        await calls(api, "editMessageText")
    async with running(settings, shipped_engine):
        api.send_text("who won clacton")
        _, answer = await calls(api, "sendMessage", 2)
    assert visible(answer.params["text"]).startswith("Nigel Farage (Reform UK) won Clacton")
    assert api.calls_to("sendPhoto") == []


async def test_an_answer_without_a_chart_stays_text(bot: FakeBotApi) -> None:
    bot.send_text("what did jeremy corbyn say?")
    [answer] = await calls(bot, "sendMessage")
    assert "Corbyn" in visible(answer.params["text"])
    assert bot.calls_to("sendPhoto") == []


async def test_a_picture_lost_after_it_was_sent_is_sent_again(
    api: FakeBotApi, shipped_engine: Engine
) -> None:
    api.faults.add("sendPhoto", Dropped(after=True), limit=1)
    async with running(settings_for(api), shipped_engine):
        api.send_text("who won clacton")
        photos = await calls(api, "sendPhoto", 2)
    assert api.faults.injected["sendPhoto Dropped"] == 1
    assert [visible(p.params["caption"]).split(":")[0] for p in photos] == [
        "Nigel Farage (Reform UK) won Clacton"
    ] * 2
    assert api.calls_to("sendMessage") == []  # no apology, no text fallback needed


async def test_a_picture_that_cannot_go_is_replaced_by_its_text_answer(
    api: FakeBotApi, shipped_engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    api.faults.add("sendPhoto", ServerError(502, html=True))  # every try, until retries end
    async with running(settings_for(api), shipped_engine):
        api.send_text("who won clacton")
        [text] = await calls(api, "sendMessage")
    assert visible(text.params["text"]).startswith("Nigel Farage (Reform UK) won Clacton")
    assert api.faults.injected["sendPhoto ServerError"] == TEST_TUNING.retry.attempts
    assert SORRY not in text.params["text"]
    assert any("sendPhoto failed" in r.getMessage() for r in caplog.records)


async def test_a_send_that_fails_for_good_is_logged_in_one_line_then_apologised_for(
    api: FakeBotApi, shipped_engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    api.faults.add("sendPhoto", ServerError(500))
    api.faults.add("sendMessage", ServerError(500), limit=TEST_TUNING.retry.attempts)
    async with running(settings_for(api), shipped_engine):
        api.send_text("who won clacton")
        [apology] = await calls(api, "sendMessage")
    assert apology.params["text"] == SORRY
    [failed] = [r for r in caplog.records if "failed:" in r.getMessage()]
    assert "sendMessage failed" in failed.getMessage()
    assert failed.exc_info is None  # a known failure: one line, no traceback
