"""Every seat, year and MP of the issue's kinds of question, asked and checked against the
Library's files read apart (history_truth.py): not samples, the whole of each kind."""

from __future__ import annotations

import csv
from collections import Counter

import pytest

from bot.engine import Engine
from bot.render import to_plain
from tests import history_truth as truth
from tests import official_truth

YEARS = (2010, 2015, 2017, 2019)


def _first(engine: Engine, question: str) -> str:
    return to_plain(engine.answer(question)).splitlines()[0]


@pytest.mark.parametrize("year", YEARS)
def test_who_won_every_seat_in_every_earlier_year(shipped_engine: Engine, year: int) -> None:
    wrong = []
    seats = sorted({c.seat for c in truth.general(year)})
    for seat in seats:
        won = truth.winner(year, seat)
        line = _first(shipped_engine, f"who won {seat} in {year}")
        if not (line.startswith(f"{won.name} (") and f" with {won.votes:,} votes" in line):
            wrong.append(f"{seat}: {line[:90]}")
    assert not wrong, f"{len(wrong)} of {len(seats)} wrong:\n" + "\n".join(wrong[:20])


def test_who_is_the_mp_for_every_2024_seat(shipped_engine: Engine) -> None:
    latest: dict[str, dict[str, str]] = {}
    for row in truth.by_election_seats(2024):
        latest[row["Constituency name"]] = row  # the file is in date order
    wrong = []
    for seat in official_truth.seats():
        name = seat["Constituency name"]
        line = _first(shipped_engine, f"who is the MP for {name}")
        if name in latest:
            row = latest[name]
            expected = f"{row['Member first name']} {row['Member surname']} ("
        else:
            expected = f"{seat['Member first name']} {seat['Member surname']} ("
        if not line.startswith(expected):
            wrong.append(f"{name}: {line[:90]}")
    assert not wrong, f"{len(wrong)} wrong:\n" + "\n".join(wrong[:20])


@pytest.mark.parametrize("year", YEARS)
def test_every_party_s_seats_in_every_earlier_year(shipped_engine: Engine, year: int) -> None:
    won = truth.seats_won(year)
    names = {"Con": "The Conservatives", "Lab": "Labour", "LD": "The Liberal Democrats",
             "SNP": "The Scottish National Party", "PC": "Plaid Cymru",
             "DUP": "The Democratic Unionist Party", "SF": "Sinn Fein"}  # fmt: skip
    for party, subject in names.items():
        question = f"how many seats did {subject.removeprefix('The ')} win in {year}"
        count = won[party]
        said = f"{subject} won {count} seat{'' if count == 1 else 's'}"
        assert _first(shipped_engine, question).startswith(said), question


@pytest.mark.parametrize("year", range(2000, 2031))
def test_every_year_is_answered_truly(shipped_engine: Engine, year: int) -> None:
    line = _first(shipped_engine, f"who won in {year}")
    held = truth.by_elections_in(year)
    if year < 2010:
        assert line.startswith("My results start in 2010")
    elif year in YEARS:
        won = truth.seats_won(year).most_common(1)[0][0]
        assert line.startswith(f"The {'Conservatives' if won == 'Con' else won} won the {year}")
    elif year == 2024:
        assert line.startswith("Labour won")
    elif held:
        assert line.startswith(f"There was no general election in {year}")
        assert f"{len(held)} by-election" in line
    else:
        assert line.startswith(f"I hold no election in {year}")


def test_every_2024_mp_s_record_is_linked_by_their_mnis_id(shipped_engine: Engine) -> None:
    """Each 2024 candidate with an MNIS ID who stood before: as many results as their MNIS ID
    has rows, and by-election rows with no MNIS ID but their Democracy Club ID."""
    path = truth.REPO_ROOT / "seeds" / "hoc-ge2024" / "HoC-GE2024-results-by-candidate.csv"
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    earlier = Counter(c.mnis for year in YEARS for c in truth.general(year) if c.mnis)
    by_dc: Counter[str] = Counter()  # by-election rows with no MNIS ID, linked by DC's ID
    for parliament in (2010, 2015, 2017, 2019, 2024):
        for r in truth.by_election_candidates(parliament):
            if r["Member MNIS ID"]:
                earlier[r["Member MNIS ID"]] += 1
            elif r.get("Democracy Club person ID"):
                by_dc[r["Democracy Club person ID"]] += 1
    names = Counter(p.name for p in shipped_engine.catalog.people.values())
    checked = 0
    for row in rows:
        mnis = row["Member MNIS ID"]
        name = f"{row['Candidate first name']} {row['Candidate surname']}"
        if not mnis or not earlier[mnis] or names[name] > 1:
            continue  # no ID, nothing earlier, or a name two people share ("which one?")
        results = earlier[mnis] + by_dc[row["DC Person ID"]] + 1
        line = _first(shipped_engine, f"{name}'s results since 2010")
        assert line.startswith(f"{name} stood at {results} elections"), (name, line)
        checked += 1
    assert checked > 300
