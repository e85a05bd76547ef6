"""The busiest night, measured with the same seeded faults as the election-night tests, each
beside a baseline in the same run (issue 16):

- a busy group: 50 people ask one question in five bursts over two seconds, typed three ways;
  this bot against a rate-limited echo bot (one reply each, as the bot did before);
- an outage: six failed getUpdates in a row (502, 500, a dropped connection, twice each);
  seconds from the last failure to the first answer, this bot's polling against
  python-telegram-bot's default;
- a SIGKILL while 100 private questions are answered, then a restart: answers lost, answered
  twice, and replies on their way when the process died;
- memory: RSS after 500 private conversations (the one-time caches), then its growth per
  1,000 more.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import tempfile
import time
from collections import Counter
from functools import partial
from pathlib import Path

from bench.end_to_end import Runner, echo_bot, our_bot, private_chat
from bot.engine import Engine
from tests.fake_bot_api import GROUP_CHAT, GROUP_CHAT_ID, FakeBotApi, parse_html
from tests.fake_faults import Dropped, ServerError
from tests.telegram_harness import TOKEN
from tests.test_run_entrypoint import start, stop

FORMS = ("/result blackburn", "/result@TheBot Blackburn", "@TheBot who won Blackburn")


async def busy_group(runner: Runner, watch: float) -> dict[str, float]:
    with FakeBotApi(TOKEN) as api:
        api.faults.latency = 0.05
        async with runner(api):
            began = time.monotonic()
            for burst in range(5):
                with api.at_once():
                    for number in range(burst * 10, burst * 10 + 10):
                        user, _ = private_chat(number)
                        api.send_text(FORMS[number % 3], chat=GROUP_CHAT, user=user)
                await asyncio.sleep(0.5)
            await asyncio.sleep(max(0.0, watch - (time.monotonic() - began)))
            replies = [c for c in api.replies() if int(c.params["chat_id"]) == GROUP_CHAT_ID]
            edits = len(api.calls_to("editMessageText"))
            shown = api.bot_messages(GROUP_CHAT_ID)
    covered = 0
    for message in shown:  # "N people asked this." or one asker per reply
        text = parse_html(message.get("text", ""))
        said = text.rsplit("\n", 1)[-1]
        covered += int(said.split()[0]) if said.endswith("people asked this.") else 1
    return {
        "replies": len(replies),
        "edits": edits,
        "covered": covered,
        "first": (replies[0].at - began) if replies else float("inf"),
    }


async def outage(runner: Runner) -> float:
    with FakeBotApi(TOKEN) as api:
        for fault in (ServerError(502, html=True), ServerError(500), Dropped()):
            api.faults.add("getUpdates", fault, limit=2)
        api.send_text("who won blackburn")
        async with runner(api):
            await asyncio.to_thread(api.wait_until, lambda: bool(api.replies()), 120)
            answered = api.replies()[0].at
        last_failure = max(at for method, at in api.faults.injected_at if method == "getUpdates")
    return answered - last_failure


def sigkill(people: int = 100) -> dict[str, int]:
    with FakeBotApi(TOKEN) as api, tempfile.TemporaryDirectory() as folder:
        cwd = Path(folder)
        api.faults.latency = 0.1
        bot = start(api, cwd, level="WARNING")
        api.wait_for("getUpdates", timeout=30)
        chats = []
        with api.at_once():
            for number in range(people):
                user, chat = private_chat(number)
                api.send_text("who won Clacton", chat=chat, user=user)
                chats.append(chat["id"])
        api.wait_until(lambda: len(api.replies()) >= people // 2, timeout=60)
        bot.send_signal(signal.SIGKILL)
        in_flight = api.replies_in_flight()
        bot.communicate(timeout=30)
        again = start(api, cwd, level="WARNING")

        def answered() -> Counter[int]:
            return Counter(int(c.params["chat_id"]) for c in api.replies())

        try:
            api.wait_until(lambda: set(answered()) >= set(chats), timeout=120)
        finally:
            stop(again)
        counts = answered()
    return {
        "lost": len(set(chats) - set(counts)),
        "twice": sum(1 for c in counts.values() if c > 1),
        "in_flight": in_flight,
    }


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def memory(engine: Engine) -> dict[str, float]:
    """The bot's own process (`electionbot run`), apart from the fake Telegram's memory."""
    sizes = (500, 1000, 1000)
    with FakeBotApi(TOKEN) as api, tempfile.TemporaryDirectory() as folder:
        # ERROR, not WARNING: under this load the fake Telegram times out some uploads, and a
        # warning per retry would fill the output pipe no one reads here, and stall the bot
        bot = start(api, Path(folder), level="ERROR")
        try:
            api.wait_for("getUpdates", timeout=30)
            started = rss_mb(bot.pid)
            marks = []
            for batch, size in enumerate(sizes):
                first = sum(sizes[:batch])
                with api.at_once():
                    for number in range(first, first + size):
                        user, chat = private_chat(number)
                        api.send_text(f"who won {_seat(engine, number)}", chat=chat, user=user)
                api.wait_until(partial(_all_answered, api, first + size), timeout=300)
                marks.append(rss_mb(bot.pid))
        finally:
            stop(bot)
    return {
        "started": started,
        "one_time": marks[0] - started,
        "per_1000": (marks[2] - marks[0]) / 2,
    }


def _seat(engine: Engine, number: int) -> str:
    seats = engine.catalog.knowledge.constituencies
    return seats[number % len(seats)].name


def _all_answered(api: FakeBotApi, chats: int) -> bool:
    return len({c.params["chat_id"] for c in api.replies()}) >= chats


def run(engine: Engine) -> None:
    # The echo bot's polling logs each failure with a traceback: the figures are the point.
    logging.disable(logging.CRITICAL)
    try:
        _run(engine)
    finally:
        logging.disable(logging.NOTSET)


def _run(engine: Engine) -> None:
    print("\nThe busiest night (issue 16), seeded faults as in tests/test_election_night.py")
    watch = 15.0
    print(f"  a group: 50 ask who won Blackburn in 5 bursts over 2.5 s; watched {watch:.0f} s")
    for name, runner in (
        ("this bot", our_bot(engine)),
        ("echo, rate-limited", echo_bot(concurrent=False, rate_limited=True)),
    ):
        row = asyncio.run(busy_group(runner, watch))
        print(f"    {name:<19} {row['replies']:.0f} replies, {row['edits']:.0f} edits, "
              f"{row['covered']:.0f} askers covered; first reply {row['first']:.2f} s")  # fmt: skip
    print("  six failed getUpdates in a row: seconds from the last failure to the first answer")
    for name, runner in (
        ("this bot", our_bot(engine)),
        ("python-telegram-bot's default polling", echo_bot(concurrent=False)),
    ):
        print(f"    {name:<38} {asyncio.run(outage(runner)):.2f} s")
    killed = sigkill()
    print(
        f"  SIGKILL while 100 private questions are answered, then a restart: "
        f"{killed['lost']} lost, {killed['twice']} answered twice, "
        f"{killed['in_flight']} replies on their way at the kill"
    )
    grown = memory(engine)
    print(
        f"  memory of the bot's process: {grown['started']:.0f} MB serving, "
        f"+{grown['one_time']:.0f} MB over the first 500 private conversations (one-time "
        f"caches), then +{grown['per_1000']:.1f} MB per 1,000 more"
    )
