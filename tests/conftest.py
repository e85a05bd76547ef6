"""Shared fixtures, each built once per run.

`knowledge` and `engine` are the article's knowledge alone (`python -m knowledge build
--article-only`): the case tables of the article's phrasings run on it, so what the article
says and does not say stays tested. `shipped_knowledge` and `shipped_engine` are what the bot
ships with, knowledge/results.json: the article and the official results of all 650 seats.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.engine import Engine
from knowledge.build import build_article_knowledge
from knowledge.load import load_knowledge
from knowledge.schema import Knowledge
from tests.fake_bot_api import FakeBotApi
from tests.telegram_harness import TOKEN


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    return build_article_knowledge()


@pytest.fixture(scope="session")
def engine(knowledge: Knowledge) -> Engine:
    return Engine(knowledge)


@pytest.fixture(scope="session")
def shipped_knowledge() -> Knowledge:
    return load_knowledge()


@pytest.fixture(scope="session")
def shipped_engine(shipped_knowledge: Knowledge) -> Engine:
    return Engine(shipped_knowledge)


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    """The fake Bot API, checked afterwards: the bot made no call Telegram would refuse."""
    with FakeBotApi(TOKEN) as fake:
        yield fake
    assert fake.refused == [], "the bot made calls Telegram would refuse"
