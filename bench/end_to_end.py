"""End to end: people asking at once, against the fake Bot API on 127.0.0.1 with a simulated
round trip to Telegram, beside a minimal python-telegram-bot echo bot (sequential, and with
concurrent_updates) in the same run; then a busy group with a private chat asking during it.

Latency is from the question reaching the fake Telegram to the reply being accepted by it.
This bot's replies are what a private chat gets by default: a seat's result is a chart (a
photo upload, drawn once per seat and cached); the echo bots send text.
The bot keeps to Telegram's limits (30 messages a second, 20 a minute per group); the echo
bots have no rate limiter, so their concurrent run shows the round trip alone.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager, suppress
from pathlib import Path
from typing import Any

from telegram import Update
from telegram.ext import AIORateLimiter, ApplicationBuilder, ContextTypes, MessageHandler, filters

from bot.engine import Engine
from bot.settings import Settings
from bot.telegram.app import serve
from tests.fake_bot_api import GROUP_CHAT, GROUP_CHAT_ID, FakeBotApi
from tests.telegram_harness import TOKEN

PEOPLE = 200
ROUND_TRIPS = (0.05, 0.15)
Runner = Callable[[FakeBotApi], AbstractAsyncContextManager[None]]


def our_bot(engine: Engine) -> Runner:
    @asynccontextmanager
    async def run(api: FakeBotApi) -> AsyncIterator[None]:
        inbox = Path(tempfile.mkdtemp(prefix="electionbot-bench-")) / "inbox.sqlite3"
        settings = Settings(
            _env_file=None,
            telegram_bot_token=TOKEN, telegram_api_url=api.base_url, inbox_path=inbox,
        )  # fmt: skip
        stop = asyncio.Event()
        task = asyncio.create_task(serve(settings, engine, stop))
        await asyncio.to_thread(api.wait_for, "getUpdates", 1, 30)
        try:
            yield
        finally:
            stop.set()
            await task

    return run


def echo_bot(concurrent: bool, rate_limited: bool = False) -> Runner:
    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.effective_message and update.effective_message.text:
            await update.effective_message.reply_text(update.effective_message.text)

    @asynccontextmanager
    async def run(api: FakeBotApi) -> AsyncIterator[None]:
        builder = ApplicationBuilder().token(TOKEN).base_url(api.base_url)
        builder = builder.concurrent_updates(concurrent)
        application = (
            builder.rate_limiter(AIORateLimiter()).build() if rate_limited else builder.build()
        )
        application.add_handler(MessageHandler(filters.TEXT, echo))
        async with application:
            await application.start()
            assert application.updater is not None
            await application.updater.start_polling()
            await asyncio.to_thread(api.wait_for, "getUpdates", 1, 30)
            try:
                yield
            finally:
                await application.updater.stop()
                # What it has not reached yet is dropped: stop() would otherwise answer a
                # throttled group's backlog first, minutes of it.
                while not application.update_queue.empty():
                    application.update_queue.get_nowait()
                    application.update_queue.task_done()
                await application.stop()

    return run


def private_chat(number: int) -> tuple[dict[str, Any], dict[str, Any]]:
    user = {"id": 20_000 + number, "is_bot": False, "first_name": f"Voter{number}"}
    return user, {"id": 20_000 + number, "type": "private", "first_name": f"Voter{number}"}


def replied_at(api: FakeBotApi, chat_id: int) -> float | None:
    for call in api.replies():  # a text, or a chart as a photo
        if int(call.params["chat_id"]) == chat_id:
            return call.at
    return None


async def crowd(runner: Runner, round_trip: float, questions: list[str]) -> dict[str, float]:
    """PEOPLE people ask at once, each in a private chat; replies/s and latency."""
    with FakeBotApi(TOKEN) as api:
        api.faults.latency = round_trip
        async with runner(api):
            asked: dict[int, float] = {}
            with api.at_once():
                for number in range(PEOPLE):
                    user, chat = private_chat(number)
                    api.send_text(questions[number % len(questions)], chat=chat, user=user)
                    asked[chat["id"]] = time.monotonic()

            def everyone_answered() -> bool:
                return len({c.params["chat_id"] for c in api.replies()}) >= PEOPLE

            await asyncio.to_thread(api.wait_until, everyone_answered, 300)
        replies = {chat: replied_at(api, chat) for chat in asked}
        waits = sorted(at - asked[chat] for chat, at in replies.items() if at is not None)
    return {
        "per_second": PEOPLE / waits[-1],
        "p50": statistics.median(waits),
        "p99": waits[int(len(waits) * 0.99) - 1],
        "last": waits[-1],
    }


async def busy_group(runner: Runner, questions: list[str], watch: float) -> dict[str, float]:
    """50 people ask twice in a group (10 distinct questions); a private chat asks 1 s later."""
    with FakeBotApi(TOKEN) as api:
        api.faults.latency = 0.05
        async with runner(api):
            with api.at_once():
                for round_ in range(2):
                    for number in range(50):
                        user, _ = private_chat(number)
                        question = questions[(number + round_) % 10]
                        api.send_text(f"@TheBot {question}", chat=GROUP_CHAT, user=user)
            start = time.monotonic()
            await asyncio.sleep(1)
            user, chat = private_chat(999)
            api.send_text(questions[0], chat=chat, user=user)
            asked = time.monotonic()

            def private_answered() -> bool:
                return replied_at(api, chat["id"]) is not None

            with suppress(AssertionError):  # not answered while watched: reported as such
                await asyncio.to_thread(api.wait_until, private_answered, watch)
            private = replied_at(api, chat["id"])
            await asyncio.sleep(max(0.0, watch - (time.monotonic() - start)))
            sent = api.replies()
    group = [c for c in sent if int(c.params["chat_id"]) == GROUP_CHAT_ID]
    return {
        "private_wait": (private - asked) if private else float("inf"),
        "group_replies": len(group),
    }


def run(engine: Engine) -> None:
    seats = [seat.name for seat in engine.catalog.knowledge.constituencies]
    questions = [f"who won {seat}" for seat in seats[:50]]
    print(f"\nEnd to end: {PEOPLE} people ask at once, each in a private chat")
    for round_trip in ROUND_TRIPS:
        print(f"  round trip to Telegram {round_trip * 1000:.0f} ms")
        for name, runner in (
            ("this bot", our_bot(engine)),
            ("echo, sequential", echo_bot(concurrent=False)),
            ("echo, concurrent", echo_bot(concurrent=True)),
        ):
            row = asyncio.run(crowd(runner, round_trip, questions))
            print(
                f"    {name:<17} {row['per_second']:6.1f} replies/s  p50 {row['p50']:5.2f} s  "
                f"p99 {row['p99']:5.2f} s  last {row['last']:5.2f} s"
            )
    watch = 20.0
    print(
        f"\nA busy group (50 people ask twice, 10 questions) and a private chat asking 1 s in, "
        f"watched {watch:.0f} s, 50 ms round trip"
    )
    for name, runner in (
        ("this bot", our_bot(engine)),
        ("echo, sequential, rate-limited", echo_bot(concurrent=False, rate_limited=True)),
    ):
        row = asyncio.run(busy_group(runner, questions, watch))
        waited = row["private_wait"]
        private = f"{waited:.2f} s" if waited != float("inf") else f"not within {watch:.0f} s"
        print(f"    {name:<31} private chat answered in {private}; "
              f"{row['group_replies']:.0f} group replies")  # fmt: skip
