"""The counted results (every seat a dataset counts) as flat rows, built once: a row per
seat and per candidacy, each holding every measure the evaluator asks of it, so no answer
rescans the knowledge."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass

from bot.engine.model.ask import LAST, Measure
from bot.engine.results.catalog import Catalog
from knowledge.schema import CandidateResult


@dataclass(frozen=True)
class SeatRow:
    id: str
    name: str
    electorate: int
    valid: int
    invalid: int
    majority: int
    turnout: float  # valid votes / electorate, per cent (shown to 1 decimal place)
    candidates: int
    winner_party: str | None
    previous_party: str | None  # the notional 2019 winner
    facts: tuple[str, ...]
    # Two-party swing on 2019 (notional): half the winner's change in share less the change
    # of the party it was won from (a gain) or of the runner-up (a hold); None where either
    # change is not given (a party that did not stand in 2019).
    swing: float | None = None
    swing_from: str | None = None

    @property
    def changed_hands(self) -> bool:
        return self.previous_party is not None and self.winner_party != self.previous_party


@dataclass(frozen=True)
class CandidacyRow:
    result: CandidateResult
    seat: SeatRow
    votes: int
    behind: int | None  # votes behind the winner (None for the winner)
    ahead: int | None  # votes ahead of the runner-up (None for everyone but the winner)
    first_time: bool  # won, and was neither a sitting nor a former MP
    share: float  # per cent of the seat's valid votes, unrounded: thresholds compare this

    @property
    def position(self) -> int:
        return self.result.place or 0

    @property
    def last(self) -> bool:
        return self.position == self.seat.candidates


class Table:
    def __init__(self, catalog: Catalog) -> None:
        by_seat: dict[str, list[CandidateResult]] = defaultdict(list)
        for result in catalog.counted_results:
            if result.seat is not None and result.votes is not None:
                by_seat[result.seat].append(result)
        self.seats: dict[str, SeatRow] = {}
        self.candidacies: list[CandidacyRow] = []
        for seat in catalog.seats_with_counts:
            standing = sorted(by_seat.get(seat.id, []), key=lambda r: -(r.votes or 0))
            if not standing or not seat.electorate or seat.valid_votes is None:
                continue
            outcome = catalog.outcome(seat.id)
            winner_party = outcome.winner if outcome else standing[0].party
            previous = outcome.previous if outcome else None
            swing, swing_from = _swing(standing, winner_party, previous)
            row = SeatRow(
                seat.id, seat.name, seat.electorate, seat.valid_votes, seat.invalid_votes or 0,
                seat.majority or 0, 100 * seat.valid_votes / seat.electorate,
                len(standing), winner_party, previous, tuple(seat.facts), swing, swing_from,
            )  # fmt: skip
            self.seats[seat.id] = row
            first = standing[0].votes or 0
            second = standing[1].votes or 0 if len(standing) > 1 else 0
            for result in standing:
                votes = result.votes or 0
                won = bool(result.elected)
                self.candidacies.append(
                    CandidacyRow(
                        result, row, votes,
                        None if won else first - votes,
                        first - second if won else None,
                        won and not result.sitting_mp and not result.former_mp,
                        100 * votes / seat.valid_votes if seat.valid_votes else 0.0,
                    )
                )  # fmt: skip
        self._index()

    def only(self, seat_ids: Collection[str]) -> Table:
        """The same rows for these seats alone (an election night's seats published so far)."""
        table = object.__new__(Table)
        table.seats = {i: row for i, row in self.seats.items() if i in seat_ids}
        table.candidacies = [c for c in self.candidacies if c.seat.id in table.seats]
        table._index()
        return table

    def _index(self) -> None:
        self.by_person: dict[str, list[CandidacyRow]] = defaultdict(list)
        for candidacy in self.candidacies:
            if candidacy.result.person:
                self.by_person[candidacy.result.person].append(candidacy)
        self.winners = {c.seat.id: c for c in self.candidacies if c.result.elected}
        self.by_seat: dict[str, list[CandidacyRow]] = defaultdict(list)
        self.by_party: dict[str, list[CandidacyRow]] = defaultdict(list)
        for candidacy in self.candidacies:
            self.by_seat[candidacy.seat.id].append(candidacy)
            if candidacy.result.party:
                self.by_party[candidacy.result.party].append(candidacy)


def _swing(
    standing: list[CandidateResult], winner_party: str | None, previous: str | None
) -> tuple[float | None, str | None]:
    if len(standing) < 2:
        return None, None
    winner = standing[0]
    if previous is not None and previous != winner_party:
        other = next((r for r in standing if r.party == previous), None)
    else:
        other = standing[1]
    if other is None or winner.change is None or other.change is None:
        return None, None
    return round((winner.change - other.change) / 2, 1), other.party


_FIGURES: dict[Measure, Callable[[CandidacyRow], float | None]] = {
    Measure.VOTES: lambda row: row.votes,
    Measure.SHARE: lambda row: row.share,
    Measure.CHANGE: lambda row: row.result.change,
    Measure.BEHIND: lambda row: row.behind,
    Measure.AHEAD: lambda row: row.ahead,
    Measure.POSITION: lambda row: row.position,
    Measure.MAJORITY: lambda row: row.seat.majority,
    Measure.TURNOUT: lambda row: row.seat.turnout,
    Measure.ELECTORATE: lambda row: row.seat.electorate,
    Measure.VALID: lambda row: row.seat.valid,
    Measure.INVALID: lambda row: row.seat.invalid,
    Measure.CANDIDATES: lambda row: row.seat.candidates,
    Measure.SWING: lambda row: row.seat.swing,
}


def figure(row: CandidacyRow, measure: Measure) -> float | None:
    """A candidacy's figure for any measure: its own, or its seat's (None: not a figure of
    a candidacy, such as seats won)."""
    getter = _FIGURES.get(measure)
    return getter(row) if getter is not None else None


def at_position(row: CandidacyRow, position: int) -> bool:
    return row.last if position == LAST else row.position == position
