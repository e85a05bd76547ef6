"""electionbot run: settings, logging and knowledge checked once, then the bot until a signal."""

from __future__ import annotations

import asyncio
import signal
import sys

from bot.engine import Engine
from bot.logs import configure_logging
from bot.night.session import NightPlan
from bot.settings import Settings
from bot.startup import StartupError, start_engine
from bot.telegram.app import serve
from knowledge.errors import KnowledgeFileError

EXIT_USAGE = 2


def run(settings: Settings, replay: int | None = None, speed: float = 1.0) -> int:
    """Serve until a signal; with a night to follow (a replay, or RESULTS_FEED), the engine
    answers from what the night has published so far."""
    configure_logging(settings.log_level, settings.secrets())
    night = None
    if replay is not None or settings.results_feed is not None:
        night = NightPlan(settings.results_feed, settings.feed_poll_seconds, replay, speed)
    try:
        engine = start_engine(settings.knowledge_path, night.starts() if night else None)
    except KnowledgeFileError as error:
        print(f"electionbot: {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        asyncio.run(_until_signalled(settings, engine, night))
    except StartupError as error:
        print(f"electionbot: {error}", file=sys.stderr)
        return error.status
    return 0


async def _until_signalled(settings: Settings, engine: Engine, night: NightPlan | None) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    await serve(settings, engine, stop, night=night)
