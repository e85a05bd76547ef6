"""The engine as the front ends start it: the knowledge loaded and checked, the engine built,
once per process."""

from __future__ import annotations

import gc
from datetime import datetime
from pathlib import Path

from bot.engine import Engine
from bot.engine.night.live import LiveEngine
from bot.engine.night.results import NightResults
from knowledge.load import load_knowledge


def start_engine(knowledge_path: Path, night_from: datetime | None = None) -> Engine:
    """Load and build with the cyclic collector paused, then freeze what was built.

    The knowledge and the index are a hundred thousand objects that live as long as the
    process: collecting while they are made only walks them again and again (a third of the
    console's start-up), and frozen afterwards the collector never walks them again, which
    keeps pauses out of answers. KnowledgeFileError passes through for the caller to report.
    `night_from`: the start of an election night the engine follows (a LiveEngine).
    """
    gc.disable()
    try:
        knowledge = load_knowledge(knowledge_path)
        # On an election night, the engine answers only from what has been published.
        engine = (
            Engine(knowledge)
            if night_from is None
            else LiveEngine(knowledge, NightResults({}, night_from))
        )
    finally:
        gc.enable()
    gc.freeze()
    return engine


class StartupError(Exception):
    """The bot cannot start: str() is the one line to print, `status` the exit status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status
