"""Replaying a resolved query (what buttons and links carry), and inline search."""

from __future__ import annotations

import pytest

from bot.engine import Conversation, Engine, Status
from bot.render import to_plain
from tests.cases.questions import ALL_CASES


@pytest.mark.parametrize("question", [c.question for c in ALL_CASES])
def test_an_answer_replays_from_its_query_alone(engine: Engine, question: str) -> None:
    answer = engine.answer(question)
    if answer.status is Status.ANSWERED and answer.query is not None:
        assert to_plain(engine.answer_query(answer.query)) == to_plain(answer)


def test_a_followup_replays_without_the_conversation(engine: Engine) -> None:
    conversation = Conversation()
    engine.answer("who won Leicester South", conversation)
    followup = engine.answer("and what share?", conversation)
    assert followup.query is not None
    assert "35.2%" in to_plain(engine.answer_query(followup.query))


def test_each_option_of_a_clarify_replays_the_question_about_it(engine: Engine) -> None:
    asked = engine.answer("how many votes did hussain get")
    assert asked.status is Status.CLARIFY
    assert asked.query is not None
    texts = [to_plain(engine.answer_query(asked.query.about(o.key))) for o in asked.options]
    assert any("10,518" in text for text in texts)
    assert any("1,367" in text for text in texts)


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("leic", "seat:leicester-east"),
        ("leicester s", "seat:leicester-south"),
        ("corb", "person:jeremy-corbyn"),
        ("perry b", "seat:birmingham-perry-barr"),
        ("shockat", "person:shockat-adam"),
        ("feinstien", "person:andrew-feinstein"),
    ],
)
def test_search_finds_from_the_first_letters(engine: Engine, typed: str, first: str) -> None:
    assert engine.search.find(typed, limit=10)[0] == first


def test_search_offers_every_match_and_nothing_for_nonsense(engine: Engine) -> None:
    assert set(engine.search.find("leicester", 10)) >= {
        "seat:leicester-south",
        "seat:leicester-east",
    }
    assert engine.search.find("xqzv", 10) == []
    assert engine.search.find("", 10) == []
    assert len(engine.search.find("a", 3)) == 3
