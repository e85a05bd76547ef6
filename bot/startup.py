"""The engine as the front ends start it: the knowledge loaded and checked, the engine built,
once per process."""

from __future__ import annotations

import gc
from pathlib import Path

from bot.engine import Engine
from knowledge.load import load_knowledge


def start_engine(knowledge_path: Path) -> Engine:
    """Load and build with the cyclic collector paused, then freeze what was built.

    The knowledge and the index are a hundred thousand objects that live as long as the
    process: collecting while they are made only walks them again and again (a third of the
    console's start-up), and frozen afterwards the collector never walks them again, which
    keeps pauses out of answers. KnowledgeFileError passes through for the caller to report.
    """
    gc.disable()
    try:
        engine = Engine(load_knowledge(knowledge_path))
    finally:
        gc.enable()
    gc.freeze()
    return engine


class StartupError(Exception):
    """The bot cannot start: str() is the one line to print, `status` the exit status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status
