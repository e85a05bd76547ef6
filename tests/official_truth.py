"""Ground truth for the full-data tests, computed here from the shipped CSV files with the
csv module alone, by code that shares nothing with the bot's import, so a test compares two
independent readings of the Library's files, never a figure typed in."""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from functools import cache

from knowledge.build import REPO_ROOT
from knowledge.full import OFFICIAL_CANDIDATES, OFFICIAL_CONSTITUENCIES


@dataclass(frozen=True)
class Row:
    seat: str
    region: str
    country: str
    party: str  # abbreviation
    first: str
    surname: str
    gender: str
    sitting: bool
    former: bool
    votes: int


@cache
def candidates() -> tuple[Row, ...]:
    with (REPO_ROOT / OFFICIAL_CANDIDATES).open(encoding="utf-8-sig", newline="") as stream:
        return tuple(
            Row(
                r["ONS ID"], r["Region name"], r["Country name"], r["Party abbreviation"],
                r["Candidate first name"], r["Candidate surname"], r["Candidate gender"],
                r["Sitting MP"] == "Yes", r["Former MP"] == "Yes", int(r["Votes"]),
            )
            for r in csv.DictReader(stream)
        )  # fmt: skip


@cache
def seats() -> tuple[dict[str, str], ...]:
    with (REPO_ROOT / OFFICIAL_CONSTITUENCIES).open(encoding="utf-8-sig", newline="") as stream:
        return tuple(csv.DictReader(stream))


def winners() -> list[Row]:
    best: dict[str, Row] = {}
    for row in candidates():
        if row.seat not in best or row.votes > best[row.seat].votes:
            best[row.seat] = row
    return list(best.values())


def seats_won(party: str, where: str | None = None) -> tuple[int, int]:
    """(seats the party won, seats in all) in a country or region, or everywhere."""
    here = [w for w in winners() if where in {None, w.region, w.country}]
    return sum(w.party == party for w in here), len(here)


def votes_share(party: str, where: str | None = None) -> tuple[int, float]:
    here = [r for r in candidates() if where in {None, r.region, r.country}]
    mine = sum(r.votes for r in here if r.party == party)
    return mine, round(100 * mine / sum(r.votes for r in here), 1)


def changed_hands(gainer: str | None = None, loser: str | None = None) -> list[str]:
    found = []
    for seat in seats():
        won, _, rest = seat["Result"].partition(" gain from ")
        if rest and (gainer in {None, won}) and (loser in {None, rest}):
            found.append(seat["Constituency name"])
    return found


def turnout(name: str | None = None) -> tuple[float, int, int]:
    rows = [s for s in seats() if name in {None, s["Constituency name"]}]
    valid = sum(int(s["Valid votes"]) for s in rows)
    electorate = sum(int(s["Electorate"]) for s in rows)
    return round(100 * valid / electorate, 1), valid, electorate


def placed(party: str, place: int) -> int:
    by_seat: dict[str, list[Row]] = {}
    for row in candidates():
        by_seat.setdefault(row.seat, []).append(row)
    return sum(
        1
        for rows in by_seat.values()
        if len(rows) >= place and sorted(rows, key=lambda r: -r.votes)[place - 1].party == party
    )


def women_elected(where: str | None = None) -> int:
    return sum(w.gender == "Female" for w in winners() if where in {None, w.region, w.country})


def first_time_winners() -> int:
    return sum(not w.sitting and not w.former for w in winners())


def sitting_lost(party: str) -> int:
    won = {(w.seat, w.first, w.surname) for w in winners()}
    return sum(
        r.sitting and r.party == party and (r.seat, r.first, r.surname) not in won
        for r in candidates()
    )


def candidates_in(name: str | None = None) -> int:
    ids = {s["ONS ID"] for s in seats() if name in {None, s["Constituency name"]}}
    return sum(r.seat in ids for r in candidates())


def most_candidates() -> int:
    return max(Counter(r.seat for r in candidates()).values())


def holds(party: str) -> int:
    return sum(seat["Result"] == f"{party} hold" for seat in seats())


def invalid(name: str) -> str:
    return next(f"{int(s['Invalid votes']):,}" for s in seats() if s["Constituency name"] == name)
