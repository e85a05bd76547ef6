"""Every word accounted for: ordinary words are filler, common words are not surnames where
the question reads them, words that would change the answer are refused rather than dropped,
and what the results half-hold (swing, against 2019, a landslide, nations' adjectives) is
answered from the figures, never as a name match."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.understanding import common_words
from bot.render import to_plain
from tests import official_truth as truth


def _first(engine: Engine, question: str) -> str:
    return to_plain(engine.answer(question)).splitlines()[0]


@pytest.mark.parametrize(
    ("question", "about", "says"),
    [
        # "short" is a measure here, not Tommy Short
        ("how many votes short was thangam debbonaire", "person:thangam-debbonaire",
         lambda: f"finished {truth.candidacy('Thangam Debbonaire').behind:,} votes behind"),
        # "little" and "ahead" are words, not Little or a name
        ("was reform a little ahead of the tories in clacton", "seat:clacton",
         lambda: f"Yes: Nigel Farage (Reform UK) finished ahead of Giles Watling (Conservative)"
                 f" in Clacton: {truth.candidacy('Nigel Farage').votes:,} votes"),
        # "receive" is an ordinary verb: nothing is said to be left out
        ("how many votes did Tony Deakin receive", "person:tony-deakin",
         lambda: f"Tony Deakin (Green) got {truth.candidacy('Tony Deakin').votes:,} votes"),
        ("how many people voted for John Stevenson", "person:john-stevenson",
         lambda: f"got {truth.candidacy('John Stevenson').votes:,} votes in Carlisle"),
    ],
)  # fmt: skip
def test_common_words_are_read_as_words(
    shipped_engine: Engine, question: str, about: str, says: object
) -> None:
    answer = shipped_engine.answer(question)
    line = to_plain(answer).splitlines()[0]
    assert callable(says)
    assert says() in line, line
    assert about in answer.entities
    assert "leaves it out" not in to_plain(answer)


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("who is the prime minister", "My sources do not give that (“prime minister”)"),
        ("the young candidates", "My sources do not give that (“young”)"),
        ("when is the next election", "My sources do not give that (“next election”)"),
    ],
)
def test_what_the_results_do_not_hold_is_never_a_name(
    shipped_engine: Engine, question: str, says: str
) -> None:
    answer = shipped_engine.answer(question)
    assert str(answer.status) == "not_found"
    assert _first(shipped_engine, question).startswith(says)
    assert not [k for k in answer.entities if k.startswith("person:")]


def test_a_surname_alone_is_still_a_name(shipped_engine: Engine) -> None:
    answer = shipped_engine.answer("Short")
    assert str(answer.status) == "clarify"
    assert {o.key for o in answer.options} == {"person:tommy-short", "person:jacob-short"}


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("did labour not win clacton", "not"),
        ("which seats had no women candidates", "no"),
        ("how many seats did labour win without a majority", "without"),
        ("why did labour win", "why"),
        ("how did reform do before the election", "before"),
    ],
)
def test_a_word_that_would_change_the_answer_is_refused_not_dropped(
    shipped_engine: Engine, question: str, word: str
) -> None:
    answer = shipped_engine.answer(question)
    assert str(answer.status) == "not_found"
    line = _first(shipped_engine, question)
    assert line.startswith("I can’t"), line
    assert f"“{word}”" in line, line


def test_swing_in_a_seat_is_worked_out_from_the_changes_in_share(shipped_engine: Engine) -> None:
    for seat in ("Aldershot", "North Shropshire", "Chingford and Woodford Green"):
        found = truth.swing(seat)
        line = _first(shipped_engine, f"what was the swing in {seat}")
        if found is None:
            assert line.startswith(f"I can’t work out a swing in {seat}"), line
            continue
        points, before, after = found
        assert line.startswith(f"The swing in {seat} was {points:.1f} points from "), line
        assert truth.party_name(before) in line
        assert truth.party_name(after) in line
        assert "notional 2019" in line


def test_a_party_against_2019_is_its_seats_then_and_now(shipped_engine: Engine) -> None:
    won, before, held, gained, lost = truth.against_2019("Con")
    line = _first(shipped_engine, "how did the tories do compared to 2019")
    assert line == (
        f"The Conservatives won {won} seats, against {before} on the notional 2019 results "
        f"for the same seats: {held} held, {gained} gained, {lost} lost."
    )


def test_a_landslide_is_the_figures_without_the_adjective(shipped_engine: Engine) -> None:
    lines = to_plain(shipped_engine.answer("was it a landslide")).splitlines()
    assert lines[0].startswith("Whether it was “a landslide” is a judgement")
    won, seats = truth.seats_won("Lab")
    assert f"Labour won the most seats: {won} of {seats}" in lines[2]


@pytest.mark.parametrize(
    ("question", "place"),
    [("how many scottish seats did labour win", "Scotland"),
     ("which welsh seats did plaid win", "Wales")],
)  # fmt: skip
def test_a_nation_by_its_adjective(shipped_engine: Engine, question: str, place: str) -> None:
    party = "Lab" if "labour" in question else "PC"
    won, seats = truth.seats_won(party, place)
    assert f"{won} of the {seats} seats in {place}" in _first(shipped_engine, question)


@pytest.mark.parametrize("question", ["where do your figures come from", "is this official"])
def test_questions_about_the_sources_are_about_the_sources(
    shipped_engine: Engine, question: str
) -> None:
    text = to_plain(shipped_engine.answer(question))
    assert text.startswith(
        "I know the UK general election 2024, and the elections since 2010, from 5 sources"
    )
    assert "House of Commons Library" in text


def test_the_common_words_list_is_what_wordfreq_measures() -> None:
    assert common_words.LIST_FILE.read_text(encoding="utf-8") == common_words.generate()


def test_what_each_word_was_read_as_is_shown(shipped_engine: Engine) -> None:
    answer = shipped_engine.answer("how many votes did labour get in narnia")
    assert answer.query is not None
    assert answer.query.understood()["words"] == [
        ["how many", "operation"], ["votes", "measure"], ["did", "yes or no"],
        ["labour", "party"], ["get", "filler"], ["in", "filler"], ["narnia", "not understood"],
    ]  # fmt: skip
    short = shipped_engine.answer("how many votes short was thangam debbonaire").query
    assert short is not None
    read = short.words
    assert ("votes short", "measure") in read
    assert ("thangam debbonaire", "person") in read


def _won(party: str, where: str | None = None) -> set[str]:
    return {
        s.name for s in truth.constituencies()
        if s.winner_party == party and where in {None, s.country, s.region}
    }  # fmt: skip


def test_not_and_except_are_read_where_they_apply(shipped_engine: Engine) -> None:
    scottish = {s.name for s in truth.constituencies() if s.country == "Scotland"}
    not_snp = scottish - _won("SNP")
    line = _first(shipped_engine, "which scottish seats did the snp not win")
    assert line.startswith(f"{len(not_snp)} seats in Scotland not won by the Scottish National")
    outside = _won("Lab") - _won("Lab", "London")
    line = _first(shipped_engine, "how many seats did labour win except london")
    assert line.startswith(f"{len(outside)} seats outside London won by Labour")
    others = [s for s in truth.constituencies()
              if s.region == "North West" and s.winner_party != "Lab"]  # fmt: skip
    line = _first(shipped_engine, "which mps in the north west are not labour")
    assert line.startswith(f"{len(others)} non-Labour MPs elected in the North West")
    votes = truth.votes_of(party="Lab") - truth.votes_of(party="Lab", place="Scotland")
    line = _first(shipped_engine, "how many votes did labour get except in scotland")
    assert f"{votes:,} votes" in line
