"""Following the night in Telegram, through the fake Bot API: /follow, alerts sent once per
follower and declaration, edited when the figures come, merged when they come faster than a
chat may be sent them, corrections as corrections, a blocked chat forgotten, a scoreboard
kept up to date, and nothing sent twice across a restart.

The feed is a folder the test writes the replay's files into, moment by moment; the bot reads
it as it would a live feed. Each step waits for the call it causes, never a fixed time."""

from __future__ import annotations

import asyncio
import itertools
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.engine.night.live import LiveEngine
from bot.engine.night.results import NightResults
from bot.night.replay import COUNT_AFTER, POLLS_CLOSE, VERIFY_AFTER, ReplayPlan, write_atomically
from bot.night.session import NightPlan
from bot.settings import Settings
from bot.telegram.alerts import Pacing
from bot.telegram.app import serve
from bot.telegram.chat_prefs import PicturePreferences
from bot.telegram.follows import FollowBook
from knowledge.schema import Knowledge
from tests.fake_bot_api import (
    ALICE,
    BOB,
    GROUP_CHAT,
    GROUP_CHAT_ID,
    PRIVATE_CHAT,
    PRIVATE_CHAT_ID,
    FakeBotApi,
    parse_html,
)
from tests.fake_faults import Refused
from tests.night_truth import declared_by, seats_in_alert, true_night
from tests.telegram_harness import TEST_TUNING, TOKEN, settings_for

BOB_ID = 1002  # BOB["id"]: his private chat has the same id
BOB_CHAT = {"id": BOB_ID, "type": "private", "first_name": "Bob"}
# Quicker than Telegram's pacing so a night passes in seconds; the order of things is the same.
FAST = Pacing(private=0.05, group=0.3, scoreboard=0.3, retry=0.05)
TUNING = TEST_TUNING.__class__(**{**TEST_TUNING.__dict__, "pacing": FAST})


def seat(name: str) -> Any:
    return next(s for s in true_night().values() if s.name == name)


CLACTON = seat("Clacton")


@pytest.fixture(scope="module")
def plan() -> ReplayPlan:
    return ReplayPlan()


@asynccontextmanager
async def night_bot(
    api: FakeBotApi, knowledge: Knowledge, feed: Path, settings: Settings | None = None
) -> AsyncIterator[LiveEngine]:
    engine = LiveEngine(knowledge, NightResults({}, POLLS_CLOSE))
    settings = settings or settings_for(api, results_feed=str(feed), feed_poll_seconds=0.05)
    night = NightPlan(str(feed), 0.05)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings, engine, stop, TUNING, night))
    try:
        yield engine
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=30)


def words_only(settings: Settings, chat_id: int) -> None:
    """The chat chose pictures off (/settings), before the bot starts."""
    chosen = PicturePreferences(settings.inbox_path)
    chosen.choose(chat_id, False)
    chosen.close()


async def until(condition: Any, timeout: float = 15.0) -> None:
    """Wait for something the bot does in answer to what the test did."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("the bot did not do it in time")
        await asyncio.sleep(0.02)


def texts(api: FakeBotApi, chat_id: int) -> list[str]:
    return [parse_html(m.get("text", m.get("caption", ""))) for m in api.bot_messages(chat_id)]


async def publish(plan: ReplayPlan, feed: Path, moment: datetime, live: LiveEngine) -> None:
    write_atomically(feed, plan.files_at(moment))
    await until(lambda: live.night.as_of >= moment)


async def test_a_follower_is_told_once_and_the_alert_gains_its_figures(
    plan: ReplayPlan, shipped_knowledge: Knowledge, tmp_path: Path
) -> None:
    write_atomically(tmp_path, plan.files_at(POLLS_CLOSE))
    with FakeBotApi(TOKEN) as api:
        async with night_bot(api, shipped_knowledge, tmp_path) as live:
            await until(lambda: len(live.night.seats) == 650)
            api.send_text("/follow Clacton")
            await until(lambda: len(texts(api, PRIVATE_CHAT_ID)) == 1)
            assert texts(api, PRIVATE_CHAT_ID)[0].startswith("Following Clacton: a message when")
            api.send_text("tell me when Islington North declares", chat=BOB_CHAT, user=BOB)
            await until(lambda: len(texts(api, BOB_ID)) == 1)
            assert texts(api, BOB_ID)[0].startswith("Following Islington North:")
            api.send_text("/following")
            await until(lambda: len(texts(api, PRIVATE_CHAT_ID)) == 2)
            assert "• Clacton" in texts(api, PRIVATE_CHAT_ID)[1]

            await publish(plan, tmp_path, CLACTON.recorded, live)
            await until(lambda: len(texts(api, PRIVATE_CHAT_ID)) == 3)
            alert = texts(api, PRIVATE_CHAT_ID)[2]
            # A live feed's times are when the bot saw each result (here, now)
            assert re.fullmatch(
                r"Clacton \(\d\d:\d\d\): Nigel Farage \(Reform UK\) wins, "
                r"Reform UK gain from Conservative\.",
                alert.splitlines()[0],
            )
            assert "The votes are not yet published." in alert
            sent = len(api.calls_to("sendMessage"))

            await publish(plan, tmp_path, CLACTON.recorded + COUNT_AFTER, live)
            await until(lambda: "Majority" in texts(api, PRIVATE_CHAT_ID)[2])
            alert = texts(api, PRIVATE_CHAT_ID)[2]
            assert f"Majority: {CLACTON.majority:,} votes." in alert
            assert "1. Nigel Farage (Reform UK): 21,225" in alert
            await publish(plan, tmp_path, CLACTON.recorded + VERIFY_AFTER, live)
            # Islington North declared in between: Bob's alert, and no other message to Alice
            corbyn = seat("Islington North")
            if corbyn.recorded <= CLACTON.recorded + VERIFY_AFTER:
                await until(lambda: len(texts(api, BOB_ID)) == 2)
            assert len(texts(api, PRIVATE_CHAT_ID)) == 3
            private_sends = [
                c for c in api.calls_to("sendMessage")[sent:]
                if int(c.params["chat_id"]) == PRIVATE_CHAT_ID
            ]  # fmt: skip
            assert private_sends == []


async def test_every_declaration_reaches_a_group_once_merged_within_its_limit(
    plan: ReplayPlan, shipped_knowledge: Knowledge, tmp_path: Path
) -> None:
    write_atomically(tmp_path, plan.files_at(POLLS_CLOSE))
    two_am = datetime(2024, 7, 5, 2, 0)
    with FakeBotApi(TOKEN) as api:
        async with night_bot(api, shipped_knowledge, tmp_path) as live:
            await until(lambda: len(live.night.seats) == 650)
            api.send_text("@TheBot /follow all", chat=GROUP_CHAT)
            api.send_text("/follow all", chat=GROUP_CHAT)
            await until(lambda: len(texts(api, GROUP_CHAT_ID)) >= 1)
            joined = len(texts(api, GROUP_CHAT_ID))
            truth = declared_by(two_am)
            for moment in sorted({s.recorded for s in truth}):  # each declaration as it came
                write_atomically(tmp_path, plan.files_at(moment))
            await publish(plan, tmp_path, two_am, live)

            def seats_told() -> list[str]:
                return [s for text in texts(api, GROUP_CHAT_ID)[joined:]
                        for s in seats_in_alert(text)]  # fmt: skip

            await until(lambda: len(seats_told()) >= len(truth))
            assert sorted(seats_told()) == sorted(s.name for s in truth)  # each once
            sends = [c.at for c in api.calls_to("sendMessage")
                     if int(c.params["chat_id"]) == GROUP_CHAT_ID
                     and seats_in_alert(parse_html(c.params["text"]))]  # fmt: skip
            assert len(sends) < len(truth)  # merged: fewer messages than declarations
            assert all(b - a >= FAST.group * 0.9 for a, b in itertools.pairwise(sends))


async def test_a_correction_is_sent_as_one_in_reply_to_the_alert(
    plan: ReplayPlan, shipped_knowledge: Knowledge, tmp_path: Path
) -> None:
    houghton = seat("Houghton and Sunderland South")
    write_atomically(tmp_path, plan.files_at(POLLS_CLOSE))
    with FakeBotApi(TOKEN) as api:
        async with night_bot(api, shipped_knowledge, tmp_path) as live:
            await until(lambda: len(live.night.seats) == 650)
            api.send_text("/follow Houghton and Sunderland South")
            await until(lambda: len(texts(api, PRIVATE_CHAT_ID)) == 1)
            await publish(plan, tmp_path, houghton.recorded + COUNT_AFTER, live)
            await until(lambda: len(texts(api, PRIVATE_CHAT_ID)) == 2)
            assert "Sam Woods-Brass" in texts(api, PRIVATE_CHAT_ID)[1]
            await publish(plan, tmp_path, houghton.recorded + VERIFY_AFTER, live)
            await until(lambda: len(texts(api, PRIVATE_CHAT_ID)) == 3)
            correction = api.bot_messages(PRIVATE_CHAT_ID)[2]
            assert parse_html(correction["text"]).startswith(
                "Correction, Houghton and Sunderland South: Sam Woods-Brass is Sam Wood-Brass."
            )
            alert = api.bot_messages(PRIVATE_CHAT_ID)[1]
            assert correction["reply_to_message"]["message_id"] == alert["message_id"]
            await until(lambda: "Sam Wood-Brass" in texts(api, PRIVATE_CHAT_ID)[1])


async def test_a_chat_that_blocked_the_bot_is_forgotten(
    plan: ReplayPlan, shipped_knowledge: Knowledge, tmp_path: Path
) -> None:
    write_atomically(tmp_path, plan.files_at(POLLS_CLOSE))
    with FakeBotApi(TOKEN) as api:
        settings = settings_for(api, results_feed=str(tmp_path), feed_poll_seconds=0.05)
        async with night_bot(api, shipped_knowledge, tmp_path, settings) as live:
            await until(lambda: len(live.night.seats) == 650)
            api.send_text("/follow all")
            await until(lambda: len(texts(api, PRIVATE_CHAT_ID)) == 1)
            api.faults.add(
                "sendMessage",
                Refused(403, "Forbidden: bot was blocked by the user"),
                chat_id=PRIVATE_CHAT_ID,
            )
            await publish(plan, tmp_path, CLACTON.recorded, live)
            book = FollowBook(settings.inbox_path)
            try:
                await until(lambda: book.following(PRIVATE_CHAT_ID) == [])
                assert book.unsent(PRIVATE_CHAT_ID) == []
            finally:
                book.close()


async def test_nothing_is_sent_twice_across_a_restart(
    plan: ReplayPlan, shipped_knowledge: Knowledge, tmp_path: Path
) -> None:
    feed = tmp_path / "feed"
    feed.mkdir()
    write_atomically(feed, plan.files_at(POLLS_CLOSE))
    one_am = datetime(2024, 7, 5, 1, 0)
    with FakeBotApi(TOKEN) as api:
        settings = settings_for(api, results_feed=str(feed), feed_poll_seconds=0.05)
        async with night_bot(api, shipped_knowledge, feed, settings) as live:
            await until(lambda: len(live.night.seats) == 650)
            api.send_text("/follow all")
            await until(lambda: len(texts(api, PRIVATE_CHAT_ID)) == 1)
            await publish(plan, feed, one_am, live)
            await until(lambda: sum(len(seats_in_alert(t)) for t in texts(api, PRIVATE_CHAT_ID))
                        == len(declared_by(one_am)))  # fmt: skip
        before = len(api.calls_to("sendMessage"))
        later = one_am + timedelta(minutes=45)
        write_atomically(feed, plan.files_at(later))
        async with night_bot(api, shipped_knowledge, feed, settings) as live:
            await until(lambda: live.night.as_of >= later)
            await until(lambda: sum(len(seats_in_alert(t)) for t in texts(api, PRIVATE_CHAT_ID))
                        >= len(declared_by(later)))  # fmt: skip
        told = [s for t in texts(api, PRIVATE_CHAT_ID) for s in seats_in_alert(t)]
        assert sorted(told) == sorted(s.name for s in declared_by(later))
        assert len(api.calls_to("sendMessage")) > before


async def test_a_scoreboard_is_kept_up_to_date(
    plan: ReplayPlan, shipped_knowledge: Knowledge, tmp_path: Path
) -> None:
    write_atomically(tmp_path, plan.files_at(POLLS_CLOSE))
    with FakeBotApi(TOKEN) as api:
        async with night_bot(api, shipped_knowledge, tmp_path) as live:
            await until(lambda: len(live.night.seats) == 650)
            api.send_text("/scoreboard", chat=GROUP_CHAT)
            await until(lambda: len(texts(api, GROUP_CHAT_ID)) == 1)
            assert texts(api, GROUP_CHAT_ID)[0].startswith(
                "Election night: 0 of 650 seats declared"
            )
            moment = datetime(2024, 7, 5, 1, 30)
            await publish(plan, tmp_path, moment, live)
            declared = len(declared_by(moment))
            await until(
                lambda: texts(api, GROUP_CHAT_ID)[0].startswith(
                    f"Election night: {declared} of 650 seats declared"
                )
            )
            assert len(texts(api, GROUP_CHAT_ID)) == 1  # edited, not sent again


async def test_following_with_no_night_says_so(shipped_knowledge: Knowledge) -> None:
    from bot.engine import Engine
    from tests.telegram_harness import running

    with FakeBotApi(TOKEN) as api:
        async with running(settings_for(api), Engine(shipped_knowledge)):
            api.send_text("/follow Clacton")
            await until(lambda: len(texts(api, PRIVATE_CHAT_ID)) == 1)
    said = texts(api, PRIVATE_CHAT_ID)[0]
    assert said.startswith("Following Clacton:")
    assert "There’s no election night on just now" in said
    assert ALICE["id"] == PRIVATE_CHAT["id"]
    assert BOB["id"] == BOB_ID


async def test_the_replay_served_tells_a_follower_of_every_declaration_once(
    shipped_knowledge: Knowledge,
) -> None:
    """`electionbot run --replay 2024 --speed N`: the night from its recorded times, through
    the feed, to the alerts; 46 hours at 200,000 times real time."""
    with FakeBotApi(TOKEN) as api:
        settings = settings_for(api)
        book = FollowBook(settings.inbox_path)
        book.follow(PRIVATE_CHAT_ID, "all", "every declaration")
        book.close()
        api.send_text("/following")  # the chat, known to Telegram before the night starts
        engine = LiveEngine(shipped_knowledge, NightResults({}, POLLS_CLOSE))
        stop = asyncio.Event()
        night = NightPlan(replay=2024, speed=200_000)
        task = asyncio.create_task(serve(settings, engine, stop, TUNING, night))
        try:
            await until(lambda: engine.night.complete, timeout=60)

            def told() -> list[str]:
                return [s for t in texts(api, PRIVATE_CHAT_ID) for s in seats_in_alert(t)]

            await until(lambda: len(told()) >= 650, timeout=60)
            book = FollowBook(settings.inbox_path)
            try:
                await until(lambda: book.unsent(PRIVATE_CHAT_ID) == [], timeout=60)
            finally:
                book.close()
        finally:
            stop.set()
            await asyncio.wait_for(task, timeout=30)
    assert sorted(told()) == sorted(s.name for s in true_night().values())
    # Corrections: only of seats whose first figures the feed was read with (at this speed a
    # read often takes in a seat's verified figures at once), each once.
    corrected = [t.split(":")[0] for t in texts(api, PRIVATE_CHAT_ID) if t.startswith("Correction")]
    assert len(corrected) == len(set(corrected)) <= 19


async def test_an_alert_refused_as_html_goes_as_plain_text_and_one_never_taken_is_given_up(
    plan: ReplayPlan, shipped_knowledge: Knowledge, tmp_path: Path
) -> None:
    write_atomically(tmp_path, plan.files_at(POLLS_CLOSE))
    first, second = sorted(true_night().values(), key=lambda s: s.recorded)[:2]
    with FakeBotApi(TOKEN) as api:
        settings = settings_for(api, results_feed=str(tmp_path), feed_poll_seconds=0.05)
        words_only(settings, PRIVATE_CHAT_ID)
        async with night_bot(api, shipped_knowledge, tmp_path, settings) as live:
            await until(lambda: len(live.night.seats) == 650)
            api.send_text("/follow all")
            await until(lambda: len(texts(api, PRIVATE_CHAT_ID)) == 1)
            refused = Refused(400, "Bad Request: can't parse entities")
            api.faults.add("sendMessage", refused, limit=1, chat_id=PRIVATE_CHAT_ID)
            await publish(plan, tmp_path, first.recorded, live)
            await until(lambda: len(texts(api, PRIVATE_CHAT_ID)) == 2)
            plain = api.bot_messages(PRIVATE_CHAT_ID)[1]
            assert seats_in_alert(plain["text"]) == [first.name]  # the same alert, as text
            assert "parse_mode" not in api.calls_to("sendMessage")[-1].params
            api.faults.add("sendMessage", refused, limit=2, chat_id=PRIVATE_CHAT_ID)
            await publish(plan, tmp_path, second.recorded, live)
            await until(lambda: api.faults.injected["sendMessage Refused"] == 3)
            later = second.recorded + timedelta(hours=1)
            await publish(plan, tmp_path, later, live)
            await until(lambda: len(texts(api, PRIVATE_CHAT_ID)) == 3)
            told = seats_in_alert(texts(api, PRIVATE_CHAT_ID)[2])
            assert second.name not in told  # refused twice, given up, not sent again
            assert sorted(told) == sorted(
                s.name for s in declared_by(later) if s.name not in {first.name, second.name}
            )


async def test_an_alert_queued_but_not_sent_before_a_kill_is_sent_after_the_restart(
    plan: ReplayPlan, shipped_knowledge: Knowledge, tmp_path: Path
) -> None:
    """The last run queued Clacton's alert and was killed mid-call: the next start reads the
    feed, then sends it once, with what is known by then (the votes, here)."""
    write_atomically(tmp_path, plan.files_at(CLACTON.recorded + COUNT_AFTER))
    with FakeBotApi(TOKEN) as api:
        settings = settings_for(api, results_feed=str(tmp_path), feed_poll_seconds=0.05)
        book = FollowBook(settings.inbox_path)
        book.follow(PRIVATE_CHAT_ID, f"seat:{CLACTON.ons_id}", "Clacton")
        book.queue(CLACTON.ons_id, "result", [f"seat:{CLACTON.ons_id}"])
        book.sending(book.unsent(PRIVATE_CHAT_ID))  # killed mid-call
        book.close()
        api.send_text("/following")  # the chat, known to Telegram
        async with night_bot(api, shipped_knowledge, tmp_path, settings):
            await until(lambda: any(seats_in_alert(t) for t in texts(api, PRIVATE_CHAT_ID)))
        alerts = [t for t in texts(api, PRIVATE_CHAT_ID) if seats_in_alert(t)]
    assert len(alerts) == 1
    assert seats_in_alert(alerts[0]) == ["Clacton"]
    assert f"Majority: {CLACTON.majority:,} votes." in alerts[0]


async def test_a_channel_follows_every_declaration(
    plan: ReplayPlan, shipped_knowledge: Knowledge, tmp_path: Path
) -> None:
    """A channel's admin posts "/follow all" in the channel: a channel post, not a message."""
    channel = {"id": -1009999, "type": "channel", "title": "Results"}
    write_atomically(tmp_path, plan.files_at(POLLS_CLOSE))
    with FakeBotApi(TOKEN) as api:
        async with night_bot(api, shipped_knowledge, tmp_path) as live:
            await until(lambda: len(live.night.seats) == 650)
            post = api.new_message("/follow all", chat=channel)
            post.pop("from")  # a channel's post is the channel's, not a person's
            post["sender_chat"] = channel
            api.push({"channel_post": post})
            await until(lambda: len(texts(api, -1009999)) == 1)
            assert texts(api, -1009999)[0].startswith("Following every declaration:")
            first = min(true_night().values(), key=lambda s: s.recorded)
            await publish(plan, tmp_path, first.recorded, live)
            await until(lambda: len(texts(api, -1009999)) == 2)
            assert seats_in_alert(texts(api, -1009999)[1]) == [first.name]
