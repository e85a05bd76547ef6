"""A kind of question is one self-contained entry whose matcher returns typed parameters with
a score: the registry's order means nothing, so every question is read the same with the
entries shuffled."""

from __future__ import annotations

import random

import pytest

from bot.engine import Engine
from bot.engine.understanding import intents
from bot.engine.understanding.kinds import KINDS
from tests.cases.questions import ALL_CASES
from tests.test_context import QUESTIONS


def test_every_kind_has_its_own_specificity() -> None:
    scores = [kind.specificity for kind in KINDS]
    assert len(set(scores)) == len(scores)
    assert min(scores) > 0


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_reading_does_not_depend_on_the_order_of_the_registry(
    shipped_engine: Engine, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    questions = [*QUESTIONS, *(case.question for case in ALL_CASES)]
    readings = [intents.read(shipped_engine.index.resolve(q)) for q in questions]
    shuffled = list(KINDS)
    random.Random(seed).shuffle(shuffled)
    assert shuffled != list(KINDS)
    monkeypatch.setattr(intents, "KINDS", tuple(shuffled))
    assert [intents.read(shipped_engine.index.resolve(q)) for q in questions] == readings
