"""When results came in, outside any live night: 2024's as the time the Commons Library
recorded each (never called its declaration), the earlier general elections' declarations, the
first and last of them, a name that is several seats, and a follow-up that names none.

Every expected time is read here from the seed files with the csv module alone, sharing
nothing with knowledge/recorded.py or knowledge/history.py; none is typed in."""

from __future__ import annotations

import csv
import hashlib
import shutil
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.engine.conversation import Conversation
from bot.render import to_plain
from knowledge.build import REPO_ROOT
from knowledge.errors import BuildError
from knowledge.recorded import RECORDED_TIMES, with_recorded_times
from knowledge.schema import Knowledge
from tests import history_truth, official_truth

RECORDED = REPO_ROOT / RECORDED_TIMES
EARLIER_YEARS = (2010, 2015, 2017, 2019)


@dataclass(frozen=True)
class Timed:
    name: str  # as the 2024 constituency file (or the year's file) names it
    when: datetime | None  # None: the row has no result
    line: int


def said(when: datetime | None) -> str:
    assert when is not None
    return f"{when:%H:%M} on {when.day} {when:%B %Y}"


@cache
def recorded_2024() -> tuple[Timed, ...]:
    """Each 2024 seat's recorded time, named as the 2024 results name it (joined by ONS ID)."""
    names = {row["ONS ID"]: row["Constituency name"] for row in official_truth.seats()}
    with RECORDED.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.DictReader(stream)
        found = []
        for row in reader:
            when = None
            if row["result"]:
                when = datetime.strptime(row["time_recorded"], "%m/%d/%y %H:%M")
            found.append(Timed(names[row["ons_id"]], when, reader.line_num))
    return tuple(found)


@cache
def declared(year: int) -> tuple[Timed, ...]:
    """Each seat's declaration at a general election, from column 8 of the year's file."""
    return tuple(
        Timed(row[2], datetime.strptime(row[7], "%d/%m/%Y %H:%M"), line)
        for line, row in enumerate(history_truth.general_seats(year), 1)
    )


def _text(engine: Engine, question: str, conversation: Conversation | None = None) -> str:
    return to_plain(engine.answer(question, conversation))


def _at_the_edge(timed: tuple[Timed, ...], last: bool) -> list[Timed]:
    """The seats at the first (or last) time, ties included."""
    times = [t.when for t in timed if t.when is not None]
    edge = max(times) if last else min(times)
    return [t for t in timed if t.when == edge]


# --- 2024: the time each result was recorded ----------------------------------------------


def test_every_2024_seat_is_answered_with_the_time_its_result_was_recorded(
    shipped_engine: Engine,
) -> None:
    wrong = []
    seats = recorded_2024()
    for seat in seats:
        text = _text(shipped_engine, f"what time did {seat.name} declare")
        first = text.splitlines()[0]
        if seat.when is None:
            right = first.startswith("The Commons Library’s sheet of recorded times has no "
                                     f"result for {seat.name}, so I don’t know when")  # fmt: skip
            right = right and "18:00" not in text  # the sheet's time of a row with no result
        else:
            right = (
                first == f"The Commons Library recorded {seat.name}’s result at {said(seat.when)}."
            )
            right = right and "can be some time after the declaration itself" in text
        if not right or " declared at " in text:
            wrong.append(f"{seat.name}: {first[:100]}")
    assert len(seats) == 650
    assert not wrong, f"{len(wrong)} of {len(seats)} wrong:\n" + "\n".join(wrong[:20])


def test_a_seat_s_recorded_time_shows_its_row_as_the_source(shipped_engine: Engine) -> None:
    seat = next(s for s in recorded_2024() if s.name == "Clacton")
    conversation = Conversation()
    shipped_engine.answer("when did Clacton declare", conversation)
    source = _text(shipped_engine, "source", conversation)
    assert f"({RECORDED.name}):" in source
    assert f"line {seat.line}: Clacton: result recorded at {said(seat.when)}" in source


def test_the_seat_with_no_recorded_result_shows_its_row_without_the_placeholder(
    shipped_engine: Engine,
) -> None:
    missing = [s for s in recorded_2024() if s.when is None]
    assert len(missing) == 1
    conversation = Conversation()
    shipped_engine.answer(f"when did {missing[0].name} declare", conversation)
    source = _text(shipped_engine, "source", conversation)
    assert f"line {missing[0].line}: {missing[0].name}: no result in the sheet" in source
    assert "18:00" not in source


def test_the_first_result_recorded_is_called_that(shipped_engine: Engine) -> None:
    first = _at_the_edge(recorded_2024(), last=False)
    for question in ("what was the first seat to declare", "which seat declared first",
                     "first seat to declare"):  # fmt: skip
        text = _text(shipped_engine, question)
        names = " and ".join(f"{t.name}’s" for t in first)
        assert text.splitlines()[0] == (
            f"The first result the Commons Library recorded was {names}, at {said(first[0].when)}."
        ), question
        assert "can be some time after the declarations themselves" in text


def test_the_last_result_recorded_says_which_seat_the_sheet_has_no_result_for(
    shipped_engine: Engine,
) -> None:
    last = _at_the_edge(recorded_2024(), last=True)
    missing = [s.name for s in recorded_2024() if s.when is None]
    for question in ("the last seat to declare", "which seats declared last",
                     "what was the last seat to declare"):  # fmt: skip
        text = _text(shipped_engine, question)
        first = text.splitlines()[0]
        names = " and ".join(f"{t.name}’s" for t in last)
        assert first.startswith(
            "The last result in the Commons Library’s sheet of recorded times is "
            f"{names}, recorded at {said(last[0].when)}; the sheet has no result for "
            f"{' and '.join(missing)}, so I can’t say which seat declared last."
        ), question
        assert "18:00" not in text


def test_the_first_in_a_nation_is_its_own(shipped_engine: Engine) -> None:
    nation = {row["Constituency name"]: row["Country name"] for row in official_truth.seats()}
    welsh = tuple(t for t in recorded_2024() if nation[t.name] == "Wales")
    first = _at_the_edge(welsh, last=False)
    text = _text(shipped_engine, "first seat to declare in Wales")
    assert text.startswith(
        f"The first result the Commons Library recorded in Wales was {first[0].name}’s, at "
        f"{said(first[0].when)}."
    )


def test_a_seat_asked_beside_the_first_keeps_the_first_and_says_its_own(
    shipped_engine: Engine,
) -> None:
    first = _at_the_edge(recorded_2024(), last=False)[0]
    clacton = next(s for s in recorded_2024() if s.name == "Clacton")
    text = _text(shipped_engine, "was Clacton the first seat to declare")
    assert text.startswith(f"The first result the Commons Library recorded was {first.name}’s")
    assert f"Clacton’s was recorded at {said(clacton.when)}." in text


def test_the_first_to_declare_after_a_seat_is_not_about_that_seat(shipped_engine: Engine) -> None:
    first = _at_the_edge(recorded_2024(), last=False)[0]
    conversation = Conversation()
    shipped_engine.answer("when did Clacton declare", conversation)
    text = _text(shipped_engine, "what was the first seat to declare", conversation)
    assert text.startswith(f"The first result the Commons Library recorded was {first.name}’s")
    assert "Clacton" not in text.splitlines()[0]
    # ... and "it" is then the first seat
    again = _text(shipped_engine, "when did it declare", conversation)
    assert again.startswith(f"The Commons Library recorded {first.name}’s result at")


def test_a_name_several_seats_share_is_asked_about_not_guessed(shipped_engine: Engine) -> None:
    conversation = Conversation()
    text = _text(shipped_engine, "when did Sunderland declare", conversation)
    seats = [s.name for s in recorded_2024() if "Sunderland" in s.name.split()]
    assert len(seats) == 2
    assert text.startswith("“Sunderland” could be more than one. Which did you mean?")
    for seat in seats:
        assert f"• {seat}" in text
    assert "recorded" not in text
    # the choice answers the question asked
    chosen = next(s for s in recorded_2024() if s.name == "Sunderland Central")
    answer = _text(shipped_engine, "Sunderland Central", conversation)
    assert answer.startswith(
        f"The Commons Library recorded Sunderland Central’s result at {said(chosen.when)}."
    )


def test_a_party_is_no_seat_that_declares(shipped_engine: Engine) -> None:
    for question in ("when did Labour declare", "when did Labour declare in Wales"):
        text = _text(shipped_engine, question)
        assert text.startswith("A seat declares its result, not a party"), question
        assert "votes" not in text


def test_how_many_have_declared_is_every_seat_counted(shipped_engine: Engine) -> None:
    seats = official_truth.seats()
    scottish = [s for s in seats if s["Country name"] == "Scotland"]
    assert _text(shipped_engine, "how many seats have declared").startswith(
        f"All {len(seats)} seats have declared"
    )
    assert _text(shipped_engine, "how many seats in Scotland have declared").startswith(
        f"All {len(scottish)} seats in Scotland have declared"
    )


def test_a_town_of_several_seats_is_asked_about(shipped_engine: Engine) -> None:
    text = _text(shipped_engine, "when did Leicester declare")
    assert text.startswith("3 seats have Leicester in their name. Which one?")


# --- the earlier general elections: the declarations themselves ---------------------------


@pytest.mark.parametrize("year", EARLIER_YEARS)
def test_every_earlier_seat_is_answered_with_its_declaration(
    shipped_engine: Engine, year: int
) -> None:
    wrong = []
    seats = declared(year)
    for seat in seats:
        first = _text(shipped_engine, f"when did {seat.name} declare in {year}").splitlines()[0]
        expected = f"{seat.name} declared at {said(seat.when)}"
        if not first.startswith(expected):
            wrong.append(f"{seat.name}: {first[:100]}")
    assert len(seats) == 650
    assert not wrong, f"{len(wrong)} of {len(seats)} wrong:\n" + "\n".join(wrong[:20])


@pytest.mark.parametrize("year", EARLIER_YEARS)
@pytest.mark.parametrize("last", [False, True])
def test_the_first_and_last_seats_to_declare_in_each_earlier_year(
    shipped_engine: Engine, year: int, last: bool
) -> None:
    group = _at_the_edge(declared(year), last)
    which = "last" if last else "first"
    text = _text(shipped_engine, f"which seat declared {which} in {year}")
    names = [t.name for t in group]
    if len(names) == 1:
        said_of = f"seat to declare in {year} was {names[0]}, at"
    else:
        both = "both at" if len(names) == 2 else "all at"
        seats = f"{', '.join(names[:-1])} and {names[-1]}"
        said_of = f"seats to declare in {year} were {seats}, {both}"
    assert text.splitlines()[0] == f"The {which} {said_of} {said(group[0].when)}."


def test_first_seat_to_declare_in_2019_is_no_ranking_of_votes(shipped_engine: Engine) -> None:
    first = _at_the_edge(declared(2019), last=False)[0]
    text = _text(shipped_engine, "first seat to declare in 2019")
    assert text.startswith(f"The first seat to declare in 2019 was {first.name}, at")
    assert "votes" not in text


def test_a_seat_asked_beside_the_first_of_2019_is_answered_yes_or_no(
    shipped_engine: Engine,
) -> None:
    clacton = next(s for s in declared(2019) if s.name == "Clacton")
    text = _text(shipped_engine, "was Clacton the first seat to declare in 2019")
    assert text.splitlines()[0] == "No."
    assert f"Clacton declared at {said(clacton.when)}." in text


def test_a_town_in_an_earlier_year_names_each_of_its_seats(shipped_engine: Engine) -> None:
    seats = [s for s in declared(2019) if "Leicester" in s.name.split()]
    text = _text(shipped_engine, "when did Leicester declare in 2019")
    assert text.startswith(f"{len(seats)} seats had Leicester in their name in 2019")
    for seat in seats:
        assert f"• {seat.name}: {said(seat.when)}" in text


def test_a_name_several_seats_share_in_2019_is_asked_about_and_the_choice_answered(
    shipped_engine: Engine,
) -> None:
    conversation = Conversation()
    text = _text(shipped_engine, "when did Sunderland declare in 2019", conversation)
    assert text.startswith("“Sunderland” could be more than one. Which did you mean?")
    chosen = next(s for s in declared(2019) if s.name == "Sunderland Central")
    answer = _text(shipped_engine, "Sunderland Central", conversation)
    assert answer.startswith(f"Sunderland Central declared at {said(chosen.when)}")


def test_the_first_of_2019_after_a_seat_of_2019_is_not_about_that_seat(
    shipped_engine: Engine,
) -> None:
    first = _at_the_edge(declared(2019), last=False)[0]
    conversation = Conversation()
    shipped_engine.answer("who won Clacton in 2019", conversation)
    text = _text(shipped_engine, "first seat to declare in 2019", conversation)
    assert text.startswith(f"The first seat to declare in 2019 was {first.name}, at")
    assert "Clacton" not in text
    # ... while "it" points back at the seat
    shipped_engine.answer("who won Clacton in 2019", conversation)
    text = _text(shipped_engine, "was it the first seat to declare?", conversation)
    assert text.splitlines()[0] == "No."
    clacton = next(s for s in declared(2019) if s.name == "Clacton")
    assert f"Clacton declared at {said(clacton.when)}." in text


@pytest.mark.parametrize(
    "question",
    ["when did the Clacton by-election declare", "when did Runcorn and Helsby declare in 2025"],
)
def test_a_by_election_s_declaration_is_said_to_be_not_given(
    shipped_engine: Engine, question: str
) -> None:
    text = _text(shipped_engine, question)
    assert (
        "the Library’s by-election file leaves its declaration time empty" in text.splitlines()[0]
    )


# --- the build: the recorded times read, and refused naming file and line -----------------


def test_the_knowledge_has_every_recorded_time_and_the_sheet_as_a_source(
    shipped_knowledge: Knowledge,
) -> None:
    times = {t.name: t.when for t in recorded_2024()}
    for seat in shipped_knowledge.constituencies:
        when = times[seat.name]
        assert seat.recorded == (when.isoformat(timespec="minutes") if when else None), seat.name
        assert seat.declared is None  # the 2024 file's Declaration time column is empty
    source = next(s for s in shipped_knowledge.sources if s.kind == "recorded")
    assert source.path == RECORDED_TIMES.as_posix()
    assert source.sha256 == hashlib.sha256(RECORDED.read_bytes()).hexdigest()


def _copy(tmp_path: Path, old: str, new: str) -> Path:
    copy = tmp_path / RECORDED.name
    shutil.copy(RECORDED, copy)
    text = copy.read_text(encoding="utf-8-sig")
    assert old in text, old
    copy.write_text(text.replace(old, new, 1), encoding="utf-8")
    return copy


def _line_of(text: str) -> int:
    lines = RECORDED.read_text(encoding="utf-8-sig").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (",Clacton,East of England,England,County,7/5/24 4:05,",
         ",Clacton,East of England,England,County,7/5/24 4h05,",
         "time_recorded '7/5/24 4h05' is not a time (M/D/YY H:MM)"),
        (",Clacton,East of England,England,County,7/5/24 4:05,",
         ",Clacton,East of England,England,County,5/7/24 4:05,",
         "time_recorded '5/7/24 4:05' is before polling day (2024-07-04)"),
        ("E14001174,Clacton,", "E99999999,Clacton,", "seat E99999999 (Clacton) is not a 2024 seat"),
        ("E14001174,Clacton,", "E14001174,Clackton,", "seat E14001174 is 'Clackton' here"),
        ("E14001174,Clacton,", "W07000081,Clacton,", "seat W07000081 is listed twice"),
    ],
)  # fmt: skip
def test_a_malformed_row_stops_the_build_naming_file_and_line(
    shipped_knowledge: Knowledge, tmp_path: Path, old: str, new: str, problem: str
) -> None:
    line = _line_of(old.split(",")[0] + "," + old.split(",")[1] + ",")
    copy = _copy(tmp_path, old, new)
    with pytest.raises(BuildError) as refused:
        with_recorded_times(shipped_knowledge, copy)
    assert f"{copy}:{line}: {problem}" in str(refused.value)


def test_a_seat_missing_from_the_sheet_stops_the_build(
    shipped_knowledge: Knowledge, tmp_path: Path
) -> None:
    clacton = next(
        line for line in RECORDED.read_text("utf-8-sig").splitlines() if ",Clacton," in line
    )
    copy = _copy(tmp_path, clacton + "\n", "")
    with pytest.raises(BuildError) as refused:
        with_recorded_times(shipped_knowledge, copy)
    assert f"{copy}: no row for Clacton (E14001174)" in str(refused.value)
