"""A question about the results as typed values: which rows (the selection), what about them
(the measure) and how (the operation). The reader (understanding/) builds one and records the
words it used; the evaluator (answers/computed/evaluate.py) computes it; neither re-reads words.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

LAST = -1  # position: "came last"


class Measure(StrEnum):
    VOTES = "votes"
    SHARE = "share"
    CHANGE = "change in share"  # on 2019, notional
    BEHIND = "votes behind the winner"
    AHEAD = "votes ahead of the runner-up"
    POSITION = "position"
    MAJORITY = "majority"
    TURNOUT = "turnout"
    ELECTORATE = "electorate"
    VALID = "valid votes"
    INVALID = "invalid ballots"
    CANDIDATES = "candidates"  # how many stood
    SEATS = "seats"  # how many were won
    SWING = "swing"  # two-party swing in a seat, on 2019 (notional)
    NUMBER = "number"  # how many candidacies: "were more women than men elected"


# What each measure is a figure of: a candidacy, or the seat it was in.
CANDIDATE_MEASURES = frozenset(
    {Measure.VOTES, Measure.SHARE, Measure.CHANGE, Measure.BEHIND, Measure.AHEAD, Measure.POSITION}
)
SEAT_MEASURES = frozenset(
    {
        Measure.MAJORITY,
        Measure.TURNOUT,
        Measure.ELECTORATE,
        Measure.VALID,
        Measure.INVALID,
        Measure.CANDIDATES,
        Measure.SWING,
    }
)
# Measures that add up over many rows ("in total"); the others are ratios or ranks.
ADDITIVE = frozenset(
    {
        Measure.VOTES,
        Measure.ELECTORATE,
        Measure.VALID,
        Measure.INVALID,
        Measure.CANDIDATES,
        Measure.SEATS,
    }
)


class Operation(StrEnum):
    LOOK_UP = "look up"
    YES_NO = "yes or no"
    COUNT = "count"
    LIST = "list"
    RANK = "rank"
    TOTAL = "total"
    COMPARE = "compare"
    AVERAGE = "average"  # the mean over the rows: "average turnout in Wales"


class Unit(StrEnum):
    """What the rows of an answer are."""

    CANDIDATE = "candidates"
    SEAT = "seats"
    PARTY = "parties"
    REGION = "regions"  # England's nine and the three other nations, as the Library groups seats
    NATION = "nations"


class SeatChange(StrEnum):
    HELD = "held"
    GAINED = "gained"  # changed hands


@dataclass(frozen=True)
class Threshold:
    """'majorities under 1,000', 'over 50%': a measure against a figure."""

    measure: Measure
    above: bool
    value: float
    inclusive: bool = False

    def admits(self, figure: float) -> bool:
        if self.above:
            return figure >= self.value if self.inclusive else figure > self.value
        return figure <= self.value if self.inclusive else figure < self.value


@dataclass(frozen=True)
class Selection:
    """Which candidacies or seats: every filter is optional, and they combine freely."""

    people: tuple[str, ...] = ()  # person ids
    seats: tuple[str, ...] = ()  # seat ids
    parties: tuple[str, ...] = ()  # the candidate's party (any of these)
    place: str | None = None  # place id: a nation, region or town
    won: bool | None = None  # elected, or not
    position: int | None = None  # 1, 2, ... or LAST
    gender: str | None = None  # "Female" / "Male", as the data has it
    sitting: bool | None = None
    first_time: bool = False  # winners who were not MPs before
    seat_change: SeatChange | None = None
    gained_from: str | None = None  # party id the seat was won from (notional 2019)
    won_by: str | None = None  # party id that won the seat: "MPs who lost to Reform"
    # (party id, position) of another candidacy in the seat: "where the Tories came second"
    placed: tuple[str, int] | None = None
    # What a question excludes: "except London", "MPs not of Labour", "seats Labour didn't win"
    excluded_parties: tuple[str, ...] = ()
    excluded_place: str | None = None
    excluded_seats: tuple[str, ...] = ()
    not_won_by: tuple[str, ...] = ()  # seats none of these parties won
    thresholds: tuple[Threshold, ...] = ()

    @property
    def candidate_filtered(self) -> bool:
        """Whether it narrows candidacies within a seat, not only seats."""
        return bool(
            self.people
            or self.parties
            or self.won is not None
            or self.position is not None
            or self.gender
            or self.sitting is not None
            or self.first_time
            or bool(self.excluded_parties)
            or any(t.measure in CANDIDATE_MEASURES for t in self.thresholds)
        )


@dataclass(frozen=True)
class Ask:
    operation: Operation
    measure: Measure | None
    unit: Unit
    selection: Selection = field(default_factory=Selection)
    descending: bool = True  # for a ranking: most first
    top: int | None = None  # how many a ranking or list shows
    # For a comparison: the two selections compared (the same measure on each).
    compared: tuple[Selection, Selection] | None = None
    yes_no: bool = False  # "did X get more votes than Y?": the answer starts Yes or No
    against_2019: bool = False  # "how did the Tories do compared to 2019": seats then and now
    # Further measures a look-up asks of the same row: "SNP share in Dundee and change since 2019"
    also: tuple[Measure, ...] = ()
    # "did any Green get over 50%": whether some row qualifies, not the group's own figure
    any_row: bool = False

    def narrowed(self, **changes: object) -> Ask:
        return replace(self, selection=replace(self.selection, **changes))  # type: ignore[arg-type]

    def understood(self) -> dict[str, object]:
        """What was understood, as plain values: for --json and tests."""
        shown: dict[str, object] = {
            "operation": str(self.operation),
            "measure": str(self.measure) if self.measure else None,
            "unit": str(self.unit),
        }
        chosen = {k: v for k, v in vars(self.selection).items() if v not in (None, (), False)}
        if chosen:
            shown["selection"] = {
                k: [vars(t) for t in v] if k == "thresholds" else v for k, v in chosen.items()
            }
        if self.operation is Operation.RANK:
            shown["order"] = "most" if self.descending else "least"
        if self.top:
            shown["top"] = self.top
        if self.against_2019:
            shown["against"] = "notional 2019"
        if self.also:
            shown["also"] = [str(m) for m in self.also]
        return shown
