"""Every phrasing in the case tables gets the answer it must, and not the wrong one."""

from __future__ import annotations

import pytest

from bot.engine import Engine, Intent
from tests.cases.questions import (
    ALL_CASES,
    FINISHES,
    MAJORITIES,
    PLACES,
    RANKINGS,
    SAID,
    SHARES,
    VOTES,
    WINNERS,
    Case,
    assert_answers,
)


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


# What each table asks: a phrasing in it must be understood as one of these kinds of
# question, not merely answered with a card that happens to hold the figure.
UNDERSTOOD_AS: dict[str, tuple[list[Case], set[Intent | None]]] = {
    "votes": (VOTES, {Intent.VOTES}),
    "shares": (SHARES, {Intent.SHARE}),
    "places": (PLACES, {Intent.PLACE}),
    "majorities": (MAJORITIES, {Intent.MAJORITY}),
    "rankings": (RANKINGS, {Intent.RANKING}),
    "said": (SAID, {Intent.SAID}),
    "finishes": (FINISHES, {Intent.FINISH, Intent.WINNER, Intent.LOST, Intent.PLACE}),
    "winners": (WINNERS, {Intent.WINNER, Intent.OVERVIEW, None}),
}


@pytest.mark.parametrize(
    ("table", "case"),
    [(name, c) for name, (cases, _) in UNDERSTOOD_AS.items() for c in cases],
    ids=lambda value: value if isinstance(value, str) else value.question,
)
def test_each_table_is_understood_as_its_kind(engine: Engine, table: str, case: Case) -> None:
    answer = engine.answer(case.question)
    if answer.query is None:  # a "which one?" or "did you mean": nothing to check yet
        return
    assert answer.query.intent in UNDERSTOOD_AS[table][1], answer.query.understood()
