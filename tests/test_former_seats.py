"""Seats that are no more ("Bristol West"): said so, with where their people are now, and
never taken for a 2024 seat. Shares are read from the Library's overlaps file here, apart
from the build."""

from __future__ import annotations

import csv
import re
from collections import defaultdict

import pytest

from bot.engine import Conversation, Engine
from bot.engine.understanding.text import phrase
from bot.render import to_plain
from knowledge.build import REPO_ROOT
from knowledge.full import OVERLAPS
from knowledge.schema import FormerSeat
from tests import history_truth


def population_shares(old_name: str) -> dict[str, float]:
    """2024 seat name -> share of the old seat's people, straight from the CSV."""
    shares: dict[str, float] = defaultdict(float)
    with (REPO_ROOT / OVERLAPS).open(encoding="utf-8-sig", newline="") as stream:
        for row in csv.reader(stream):
            if row and row[2] == old_name:
                shares[row[4]] = float(row[9])
    return dict(shares)


@pytest.mark.parametrize(
    ("question", "old_name"),
    [
        ("who won Bristol West", "Bristol West"),
        ("bristol west", "Bristol West"),
        ("Morley and Outwood", "Morley and Outwood"),
        ("who won morley & outwood?", "Morley and Outwood"),
        ("how many votes did labour get in batley and spen", "Batley and Spen"),
    ],
)
def test_a_former_seat_is_said_to_be_gone_with_where_its_people_are_now(
    shipped_engine: Engine, question: str, old_name: str
) -> None:
    answer = shipped_engine.answer(question)
    text = to_plain(answer)
    first_line = text.splitlines()[0]
    assert first_line.startswith(f"{old_name} is not a seat of the UK general election 2024")
    shares = population_shares(old_name)
    named = {name: share for name, share in shares.items() if share >= 0.005}
    assert [o.label for o in answer.options] == sorted(named, key=lambda n: -named[n])
    for name, share in named.items():
        assert re.search(rf"{round(100 * share)}% (are now )?in {re.escape(name)}\b", first_line)
    assert answer.status.value == "clarify"  # never answered as one of the 2024 seats


def test_picking_a_2024_seat_after_a_former_one_answers_that_seat(shipped_engine: Engine) -> None:
    conversation = Conversation()
    shipped_engine.answer("who won Bristol West", conversation)
    text = to_plain(shipped_engine.answer("1", conversation))
    assert text.startswith("Carla Denyer (Green) won Bristol Central")


def test_the_source_of_a_former_seat_is_the_overlaps_file_by_line(shipped_engine: Engine) -> None:
    answer = shipped_engine.answer("Bristol West")
    (source,) = answer.sources
    lines = (REPO_ROOT / OVERLAPS).read_text(encoding="utf-8-sig").splitlines()
    first = next(n for n, line in enumerate(lines, 1) if ",Bristol West," in line)
    assert (source.file, source.line) == (OVERLAPS.name, first)
    assert source.document.startswith("the House of Commons Library’s")
    assert not source.quoted


@pytest.mark.parametrize(
    ("question", "seat"),
    [
        ("who won Sheffield Hallam", "Sheffield Hallam"),  # same name in 2010 and 2024
        ("Leeds Central and Headingley", "Leeds Central and Headingley"),  # holds an old name
        ("Rhonda and Ogmore", "Rhondda and Ogmore"),  # misspelt, with "Ogmore" in it
        ("Whitehavn and Workington", "Whitehaven and Workington"),
        ("compare Hitchin and Harpenden and Berkhamsted", "Hitchin"),  # two 2024 seats
    ],
)
def test_a_2024_seat_named_whole_is_the_2024_seat(
    shipped_engine: Engine, question: str, seat: str
) -> None:
    answer = shipped_engine.answer(question)
    assert answer.status.value == "answered"
    assert f"won {seat}" in to_plain(answer).splitlines()[0]


def test_a_person_whose_name_holds_an_old_seat_is_that_person(shipped_engine: Engine) -> None:
    for question in ("Tara Copeland", "how did Copeland do"):
        assert to_plain(shipped_engine.answer(question)).startswith("Tara Copeland (")


@pytest.mark.parametrize(
    ("question", "old_name", "first_choice"),
    [
        # the 2024 seat starting with the old name took 28% of its people; Leeds South 72%
        ("who won Leeds Central", "Leeds Central", "Leeds South"),
        ("Birmingham Hall Green", "Birmingham, Hall Green", "Birmingham Hall Green and Moseley"),
        ("how many votes did labour get in batley and spen", "Batley and Spen", "Spen Valley"),
    ],
)
def test_an_old_name_read_only_in_part_as_a_2024_seat_offers_the_choice(
    shipped_engine: Engine, question: str, old_name: str, first_choice: str
) -> None:
    answer = shipped_engine.answer(question)
    assert answer.headline == f"{old_name}: not a 2024 seat"
    assert answer.options[0].label == first_choice


def test_a_former_seat_with_one_successor_asks_about_that_seat(shipped_engine: Engine) -> None:
    shares = population_shares("Warley")
    (successor,) = shares
    first_line = to_plain(shipped_engine.answer("Warley")).splitlines()[0]
    assert f"do you mean {successor}? Its own results, 2010 to 2019," in first_line


def test_a_former_seat_asked_with_a_year_is_its_own_result_then(shipped_engine: Engine) -> None:
    won = history_truth.winner(2019, "Bristol West")
    first_line = to_plain(shipped_engine.answer("who won Bristol West in 2019")).splitlines()[0]
    assert first_line.startswith(f"{won.name} (Labour) won Bristol West in 2019 with {won.votes:,}")
    assert first_line.endswith("on its old boundaries.")


def test_source_after_a_former_seat_shows_its_rows_not_the_last_answers(
    shipped_engine: Engine,
) -> None:
    conversation = Conversation()
    shipped_engine.answer("who won Clacton", conversation)
    shipped_engine.answer("Bristol West", conversation)
    text = to_plain(shipped_engine.answer("source", conversation))
    assert OVERLAPS.name in text
    assert "Clacton" not in text


def test_no_2024_seat_or_place_is_ever_read_as_a_former_seat(shipped_engine: Engine) -> None:
    catalog = shipped_engine.catalog
    names = [seat.name for seat in catalog.seats.values()]
    names += [place.name for place in catalog.places.values()]
    taken = [name for name in names if _former_in(shipped_engine, f"who won {name}")]
    assert taken == []


def test_every_former_seat_kept_is_answered_as_gone(shipped_engine: Engine) -> None:
    kept = list(shipped_engine.former.by_phrase.values())
    catalog = shipped_engine.catalog
    in_use = {phrase(name) for s in catalog.seats.values() for name in (s.name, *s.aliases)}
    in_use |= {phrase(name) for p in catalog.places.values() for name in (p.name, *p.aliases)}
    for seat in catalog.knowledge.former_seats:  # each one left out has a 2024 name
        if seat not in kept:
            assert phrase(seat.name) in in_use, seat.name
    assert kept
    for seat in kept:
        answer = shipped_engine.answer(f"who won {seat.name}?")
        if answer.headline == f"{seat.name}: not a 2024 seat" or answer.status.value == "clarify":
            continue  # said to be gone, or, where people share the name, "which one?"
        # Else a person of that name ("Copeland"), or the 2024 seat that is most of it
        # ("Aberconwy" is all in Bangor Aberconwy): never a seat that took a minority.
        most = {f"seat:{s.seat}" for s in seat.successors if s.population > 0.5}
        about = {str(key) for key in answer.entities}
        assert any(k.startswith("person:") for k in about) or about & most, seat.name


def test_the_article_alone_knows_no_former_seats(engine: Engine) -> None:
    assert _former_in(engine, "who won Bristol West") is None


def _former_in(engine: Engine, question: str) -> FormerSeat | None:
    return engine.former.named_in(engine.index.resolve(question))
