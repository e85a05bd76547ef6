"""Ground truth for the full-data tests, computed here from the shipped CSV files with the
csv module alone, by code that shares nothing with the bot's import, so a test compares two
independent readings of the Library's files, never a figure typed in."""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

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


# The measures x operations matrix (tests/test_matrix.py): every candidacy and seat with the
# figures a question can ask about, each derived here from the two files' own columns.


@dataclass(frozen=True)
class Candidacy:
    name: str  # "First Surname"
    seat: str  # the constituency file's name for the seat, joined by ONS ID
    country: str
    region: str
    party: str  # abbreviation
    gender: str
    votes: int
    share: float  # per cent of the seat's valid votes, unrounded (the file's fraction x 100)
    change: float | None  # points on 2019 (notional), unrounded; None where the file has none
    position: int  # 1 + how many in the seat got more votes
    last: bool
    behind: int  # votes behind the seat's winner (0 for the winner)
    ahead: int | None  # the winner's votes over the runner-up; None for the others

    @property
    def won(self) -> bool:
        return self.position == 1


@dataclass(frozen=True)
class Constituency:
    name: str
    country: str
    region: str
    electorate: int
    valid: int
    invalid: int
    majority: int
    candidates: int
    winner: str  # the winner's "First Surname"
    winner_party: str
    winner_gender: str

    @property
    def turnout(self) -> float:  # per cent, unrounded
        return 100 * self.valid / self.electorate


@cache
def candidacies() -> tuple[Candidacy, ...]:
    names = {s["ONS ID"]: s["Constituency name"] for s in seats()}
    by_seat: dict[str, list[dict[str, str]]] = {}
    with (REPO_ROOT / OFFICIAL_CANDIDATES).open(encoding="utf-8-sig", newline="") as stream:
        for r in csv.DictReader(stream):
            by_seat.setdefault(r["ONS ID"], []).append(r)
    found = []
    for ons, rows in by_seat.items():
        votes = sorted((int(r["Votes"]) for r in rows), reverse=True)
        for r in rows:
            mine = int(r["Votes"])
            found.append(
                Candidacy(
                    name=f"{r['Candidate first name']} {r['Candidate surname']}",
                    seat=names[ons],
                    country=r["Country name"],
                    region=r["Region name"],
                    party=r["Party abbreviation"],
                    gender=r["Candidate gender"],
                    votes=mine,
                    share=100 * float(r["Share"]),
                    # To the tenth of a point, as the knowledge holds it (the build rounds).
                    change=round(100 * float(r["Change"]), 1) if r["Change"] else None,
                    position=1 + sum(v > mine for v in votes),
                    last=mine == votes[-1],
                    behind=votes[0] - mine,
                    ahead=mine - votes[1] if mine == votes[0] else None,
                )
            )
    return tuple(found)


@cache
def constituencies() -> tuple[Constituency, ...]:
    stood = Counter(c.seat for c in candidacies())
    return tuple(
        Constituency(
            name=s["Constituency name"],
            country=s["Country name"],
            region=s["Region name"],
            electorate=int(s["Electorate"]),
            valid=int(s["Valid votes"]),
            invalid=int(s["Invalid votes"]),
            majority=int(s["Majority"]),
            candidates=stood[s["Constituency name"]],
            winner=f"{s['Member first name']} {s['Member surname']}",
            winner_party=s["First party"],
            winner_gender=s["Member gender"],
        )
        for s in seats()
    )


def candidacy(name: str) -> Candidacy:
    [found] = [c for c in candidacies() if c.name == name]
    return found


def constituency(name: str) -> Constituency:
    [found] = [s for s in constituencies() if s.name == name]
    return found


def _in(row: Candidacy | Constituency, place: str | None) -> bool:
    return place in {None, row.country, row.region}


def _passes(figure: float | None, threshold: tuple[str, float] | None) -> bool:
    """("over", 1000) / ("under", 1000): strictly, as "more than" and "fewer than" read."""
    if threshold is None:
        return True
    if figure is None:
        return False
    side, value = threshold
    return figure > value if side == "over" else figure < value


def chosen_candidacies(
    measure: str | None = None,
    threshold: tuple[str, float] | None = None,
    *,
    party: str | None = None,
    place: str | None = None,
    seat: str | None = None,
    won: bool | None = None,
    gender: str | None = None,
    position: int | None = None,
    last: bool | None = None,
) -> list[Candidacy]:
    """The candidacies that pass every filter given; `measure` names a Candidacy figure
    ("votes", "share", "change", "behind", "ahead") the threshold applies to."""
    return [
        c
        for c in candidacies()
        if party in {None, c.party}
        and _in(c, place)
        and seat in {None, c.seat}
        and won in {None, c.won}
        and gender in {None, c.gender}
        and position in {None, c.position}
        and last in {None, c.last}
        and _passes(getattr(c, measure) if measure else None, threshold if measure else None)
    ]


def chosen_seats(
    measure: str | None = None,
    threshold: tuple[str, float] | None = None,
    *,
    place: str | None = None,
    winner_party: str | None = None,
) -> list[Constituency]:
    """Seats passing every filter; `measure` names a Constituency figure ("majority", "turnout",
    "electorate", "valid", "invalid", "candidates")."""
    return [
        s
        for s in constituencies()
        if _in(s, place)
        and winner_party in {None, s.winner_party}
        and _passes(getattr(s, measure) if measure else None, threshold if measure else None)
    ]


def ranked_candidacies(measure: str, most: bool = True, **filters: Any) -> list[Candidacy]:
    rows = [c for c in chosen_candidacies(**filters) if getattr(c, measure) is not None]
    return sorted(rows, key=lambda c: getattr(c, measure), reverse=most)


def ranked_seats(measure: str, most: bool = True, **filters: Any) -> list[Constituency]:
    rows = chosen_seats(**filters)
    return sorted(rows, key=lambda s: getattr(s, measure), reverse=most)


def seat_total(measure: str, place: str | None = None) -> int:
    return sum(getattr(s, measure) for s in constituencies() if _in(s, place))


def overall_turnout(place: str | None = None) -> float:
    here = [s for s in constituencies() if _in(s, place)]
    return 100 * sum(s.valid for s in here) / sum(s.electorate for s in here)


def votes_of(**filters: Any) -> int:
    return sum(c.votes for c in chosen_candidacies(**filters))


def share_of(party: str, place: str | None = None) -> float:
    """A party's share of all votes cast in a place, per cent, unrounded."""
    return 100 * votes_of(party=party, place=place) / votes_of(place=place)


def seats_by_party(place: str | None = None) -> Counter[str]:
    return Counter(s.winner_party for s in constituencies() if _in(s, place))


# Not parties: an independent or the Speaker winning a seat is not a party winning it.
NOT_PARTIES = frozenset({"Ind", "Spk"})


def parties_winning(more_than: int = 0, place: str | None = None) -> list[str]:
    return sorted(
        party
        for party, won in seats_by_party(place).items()
        if won > more_than and party not in NOT_PARTIES
    )


@cache
def party_name(abbreviation: str) -> str:
    """The name the candidate file gives the party most often ("Lab": "Labour")."""
    with (REPO_ROOT / OFFICIAL_CANDIDATES).open(encoding="utf-8-sig", newline="") as stream:
        names = Counter(
            r["Party name"]
            for r in csv.DictReader(stream)
            if r["Party abbreviation"] == abbreviation
        )
    return names.most_common(1)[0][0]


def swing(seat: str) -> tuple[float, str, str] | None:
    """Two-party swing in a seat: half the winner's change in share less that of the party the
    seat was won from (a gain) or of the runner-up (a hold), with the two parties' codes."""
    row = next(s for s in seats() if s["Constituency name"] == seat)
    result = row["Result"].split()
    standing = sorted((c for c in candidacies() if c.seat == seat), key=lambda c: -c.votes)
    winner = standing[0]
    if "gain" in result:
        other = next((c for c in standing if c.party == result[-1]), None)
    else:
        other = standing[1]
    if other is None or winner.change is None or other.change is None:
        return None
    return round((winner.change - other.change) / 2, 1), other.party, winner.party


def against_2019(party: str) -> tuple[int, int, int, int, int]:
    """(seats won, notional 2019 seats, held, gained, lost) from the Result column."""
    held = gained = lost = 0
    for row in seats():
        result = row["Result"].split()
        winner, before = result[0], result[-1] if "gain" in result else result[0]
        held += winner == party == before
        gained += winner == party != before
        lost += before == party != winner
    return held + gained, held + lost, held, gained, lost
