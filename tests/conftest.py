"""Shared fixtures: the shipped knowledge and one engine over it, loaded once per run."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from knowledge.load import load_knowledge
from knowledge.schema import Knowledge


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    return load_knowledge()


@pytest.fixture(scope="session")
def engine(knowledge: Knowledge) -> Engine:
    return Engine(knowledge)
