"""electionbot run: settings, logging and knowledge checked once, then the bot until a signal."""

from __future__ import annotations

import asyncio
import signal
import sys

from bot.engine import Engine
from bot.logs import configure_logging
from bot.settings import Settings
from bot.startup import StartupError, start_engine
from bot.telegram.app import serve
from knowledge.errors import KnowledgeFileError

EXIT_USAGE = 2


def run(settings: Settings) -> int:
    configure_logging(settings.log_level, settings.secrets())
    try:
        engine = start_engine(settings.knowledge_path)
    except KnowledgeFileError as error:
        print(f"electionbot: {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        asyncio.run(_until_signalled(settings, engine))
    except StartupError as error:
        print(f"electionbot: {error}", file=sys.stderr)
        return error.status
    return 0


async def _until_signalled(settings: Settings, engine: Engine) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    await serve(settings, engine, stop)
