"""Ground truth for the tests of earlier elections, read here from the shipped history files
with the csv module alone (sharing nothing with knowledge/history.py), so each test compares
two independent readings of the Library's files, never a figure typed in."""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from functools import cache

from knowledge.build import REPO_ROOT

__all__ = ["REPO_ROOT"]

HISTORY = REPO_ROOT / "seeds" / "hoc-history"


@dataclass(frozen=True)
class Candidate:
    line: int
    seat: str  # name
    party: str  # abbreviation
    name: str
    votes: int
    mnis: str


@cache
def general(year: int) -> tuple[Candidate, ...]:
    path = HISTORY / f"ge{year}-candidates.csv"
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return tuple(
            Candidate(n, r[2], r[8], f"{r[12]} {r[13]}".strip(), int(r[18]), r[17])
            for n, r in enumerate(csv.reader(stream), 1)
        )


@cache
def general_seats(year: int) -> tuple[list[str], ...]:
    """The constituency rows of a general election, as published (no header row)."""
    path = HISTORY / f"ge{year}-constituencies.csv"
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return tuple(csv.reader(stream))


@cache
def by_election_seats(parliament: int) -> tuple[dict[str, str], ...]:
    path = HISTORY / f"by-elections-{parliament}-parliament-constituencies.csv"
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return tuple(csv.DictReader(stream))


def winner(year: int, seat: str) -> Candidate:
    return max((c for c in general(year) if c.seat == seat), key=lambda c: c.votes)


def seats_won(year: int) -> Counter[str]:
    seats = {c.seat for c in general(year)}
    return Counter(winner(year, seat).party for seat in seats)


def share(year: int, party: str) -> float:
    rows = general(year)
    return 100 * sum(c.votes for c in rows if c.party == party) / sum(c.votes for c in rows)


def by_elections_in(year: int) -> list[dict[str, str]]:
    return [
        row
        for parliament in (2010, 2015, 2017, 2019, 2024)
        for row in by_election_seats(parliament)
        if row["By-election date"].endswith(str(year))
    ]


@cache
def by_election_candidates(parliament: int) -> tuple[dict[str, str], ...]:
    path = HISTORY / f"by-elections-{parliament}-parliament-candidates.csv"
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return tuple(csv.DictReader(stream))
