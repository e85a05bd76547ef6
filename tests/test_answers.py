"""Every phrasing in the case tables gets the answer it must, and not the wrong one."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.cases.questions import ALL_CASES, Case, assert_answers


@pytest.mark.parametrize("case", ALL_CASES, ids=lambda c: c.question)
def test_answer(engine: Engine, case: Case) -> None:
    assert_answers(engine, case)


def test_tables_are_big_enough_and_distinct() -> None:
    questions = [c.question for c in ALL_CASES]
    assert len(questions) >= 150
    assert len(set(questions)) == len(questions)


def test_tables_cover_every_person_and_seat(engine: Engine) -> None:
    covered = {key for c in ALL_CASES for key in engine.answer(c.question).entities}
    everyone = {key for key in engine.index.entities if not key.startswith(("party:", "place:"))}
    assert everyone - covered == set()
