"""Context never hijacks: a question complete on its own gets the same answer alone and after
each of several different context-setting questions (a seat, a person, a ranking, a party in
a place, a computed list); a follow-up inherits only what it lacks."""

from __future__ import annotations

import pytest

from bot.engine import Conversation, Engine
from bot.render import to_plain
from tests import official_truth as truth
from tests.test_understanding import CASES

CONTEXTS = (
    "who won Clacton",
    "how many votes did Ben Bradley get",
    "which seat had the largest electorate",
    "labour in wales",
    "which labour mps have majorities under 1000",
)

# Complete on their own, of shapes beyond the understanding tables.
STANDALONE = (
    "did Giles Watling lose his seat",
    "how many women MPs are there",
    "what was the national turnout",
    "how many people voted for John Stevenson",
    "how many votes short was thangam debbonaire",
    "how many seats did reform come third in in scotland",
    "where did the snp vote fall most",
    "how did the tories do compared to 2019",
    "who is the prime minister",
    "did farage get more votes than tice",
    "seats with turnout over 70%",
    "which scottish seats did the snp not win",
    "how many seats did labour win except london",
    "which mps in the north west are not labour",
    "seats lab won with a majority over 20000 where con came second",
    "how many seats flipped snp to labour",
)

# Elliptical: after a seat, "which party came second" asks about that seat (tested below).
ELLIPTICAL = frozenset({"which party came second"})
QUESTIONS = tuple(
    q
    for q in dict.fromkeys((*(case.question for case in CASES), *STANDALONE))
    if q not in ELLIPTICAL
)


def _first_line(engine: Engine, question: str, conversation: Conversation) -> str:
    return to_plain(engine.answer(question, conversation)).splitlines()[0]


@pytest.mark.parametrize("question", QUESTIONS)
def test_a_complete_question_is_answered_the_same_in_any_context(
    shipped_engine: Engine, question: str
) -> None:
    alone = _first_line(shipped_engine, question, Conversation())
    for context in CONTEXTS:
        conversation = Conversation()
        shipped_engine.answer(context, conversation)
        after = _first_line(shipped_engine, question, conversation)
        assert after == alone, f"after {context!r}: {after!r}, alone: {alone!r}"


def test_a_person_named_anew_replaces_the_one_in_context(shipped_engine: Engine) -> None:
    conversation = Conversation()
    shipped_engine.answer("how many votes did Ben Bradley get", conversation)
    line = _first_line(shipped_engine, "did Giles Watling lose his seat", conversation)
    assert line.startswith("Yes: he lost Clacton to Nigel Farage (Reform UK) by 8,405 votes")


def test_a_computed_question_follows_on_to_another_place(shipped_engine: Engine) -> None:
    conversation = Conversation()
    first = _first_line(shipped_engine, "how many seats did reform come third in in scotland",
                        conversation)  # fmt: skip
    in_scotland, in_wales = (
        truth.seats_won("RUK", "Scotland")[1],
        truth.seats_won("RUK", "Wales")[1],
    )
    assert first.startswith("Reform UK came third in ")
    assert first.endswith(f"of the {in_scotland} seats in Scotland.")
    wales = _first_line(shipped_engine, "and wales?", conversation)
    assert wales.startswith("Reform UK came third in ")
    assert f"of the {in_wales} seats in Wales" in wales
    assert wales == _first_line(
        shipped_engine, "how many seats did reform come third in in wales", Conversation()
    )


def test_a_follow_up_from_another_party_keeps_the_gainer(shipped_engine: Engine) -> None:
    conversation = Conversation()
    snp = _first_line(shipped_engine, "how many seats did labour take off the snp", conversation)
    gained = len(truth.changed_hands("Lab", "SNP"))
    assert snp == f"Labour gained {gained} seats from the Scottish National Party."
    plaid = _first_line(shipped_engine, "and from plaid?", conversation)
    assert plaid == f"Labour gained {len(truth.changed_hands('Lab', 'PC'))} seats from Plaid Cymru."
    tories = _first_line(shipped_engine, "and from the tories?", conversation)
    assert tories.startswith(f"Labour gained {len(truth.changed_hands('Lab', 'Con'))} seats from")


def test_a_follow_up_takes_the_seat_it_lacks(shipped_engine: Engine) -> None:
    conversation = Conversation()
    shipped_engine.answer("who won Clacton", conversation)
    line = _first_line(shipped_engine, "how many ballots were spoilt there", conversation)
    assert line.startswith("Invalid ballots in Clacton:"), line


def test_an_elliptical_question_takes_the_seat_in_context(shipped_engine: Engine) -> None:
    conversation = Conversation()
    shipped_engine.answer("who won Clacton", conversation)
    line = _first_line(shipped_engine, "which party came second", conversation)
    assert line.startswith("The Conservatives came second in Clacton"), line
