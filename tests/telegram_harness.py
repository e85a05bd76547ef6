"""Running the real bot application against the fake Bot API, for the end-to-end tests."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from bot.engine import Engine
from bot.settings import Settings
from bot.telegram.app import serve
from bot.telegram.polling import PollingBackoff
from bot.telegram.retries import RetryPolicy
from bot.telegram.tuning import Tuning
from tests.fake_bot_api import Call, FakeBotApi

# Shaped like a BotFather token so the settings accept it; obviously not a real one.
TOKEN = "123456789:TEST-token-not-real-abcdefghijk"


def settings_for(api: FakeBotApi, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "telegram_bot_token": TOKEN,
        "telegram_api_url": api.base_url,
        # Each run its own inbox, in a directory the OS cleans, unless a test shares one.
        "inbox_path": Path(tempfile.mkdtemp(prefix="electionbot-test-")) / "inbox.sqlite3",
        "postcodes_api_url": None,  # tests never reach the internet: a fake is passed in
        **overrides,
    }
    return Settings(_env_file=None, **values)


# Telegram's rate limits as they are, retries quicker than in production: a test of a 5xx
# should not wait the 15 s of backoff a real outage gets.
TEST_TUNING = Tuning(
    retry=RetryPolicy(first_delay=0.01, max_delay=0.05),
    polling=PollingBackoff(first_delay=0.01, max_delay=0.05),
    renote_seconds=0.2,
    stop_grace=2.0,
)


@asynccontextmanager
async def running(
    settings: Settings, engine: Engine, tuning: Tuning = TEST_TUNING
) -> AsyncIterator[None]:
    """The bot as `electionbot run` serves it, until the block ends."""
    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings, engine, stop, tuning))
    try:
        yield
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=30)


async def calls(api: FakeBotApi, method: str, count: int = 1) -> list[Call]:
    """Wait (off the event loop) until the bot has made `count` calls to `method`."""
    return await asyncio.to_thread(api.wait_for, method, count)


async def sent_after(api: FakeBotApi, count: int) -> Call:
    """The bot's `count`-th sendMessage."""
    return (await calls(api, "sendMessage", count))[count - 1]
