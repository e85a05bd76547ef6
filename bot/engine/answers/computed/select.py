"""The rows a Selection picks: candidacies, or one row per seat. Starts from the smallest
index that holds every row the selection can admit (a person's, a seat's, a place's, a
party's, the winners, one gender), then checks only the filters the selection sets, so a
question over one party or one region reads hundreds of rows, not thousands."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

from bot.engine.answers.computed.table import CandidacyRow, Table, at_position, figure
from bot.engine.model.ask import Measure, SeatChange, Selection, Threshold
from bot.engine.results.catalog import Catalog

Check = Callable[[CandidacyRow], bool]
_CACHED_SELECTIONS = 128  # bounded: a tuple of every candidacy is 36 kB


class Selector:
    def __init__(self, table: Table, catalog: Catalog) -> None:
        self.table = table
        self.catalog = catalog
        self._winners = list(table.winners.values())
        self._by_gender: dict[str | None, list[CandidacyRow]] = defaultdict(list)
        self._sitting: list[CandidacyRow] = []
        self._winners_of: dict[str | None, list[CandidacyRow]] = defaultdict(list)
        for row in table.candidacies:
            self._by_gender[row.result.gender].append(row)
            if row.result.sitting_mp:
                self._sitting.append(row)
            if row.result.elected:
                self._winners_of[row.result.party].append(row)

        # The table never changes: a selection's rows are the same on every question, and
        # an answer asks for the same selection several times (its rows, its total, its list).
        self._selected = lru_cache(maxsize=_CACHED_SELECTIONS)(self._select)
        self._per_seat = lru_cache(maxsize=_CACHED_SELECTIONS)(self._one_per_seat)
        self.ranked = lru_cache(maxsize=_CACHED_SELECTIONS)(self._ranked)

    def candidacies(self, s: Selection) -> list[CandidacyRow]:
        return list(self._selected(s))

    def seat_rows(self, s: Selection) -> list[CandidacyRow]:
        """One row per seat: the candidacy the filters pick there, or the winner."""
        return list(self._per_seat(s))

    def _ranked(
        self, s: Selection, measure: Measure, per_seat: bool
    ) -> tuple[tuple[CandidacyRow, float], ...]:
        """The rows with a figure for the measure, largest first (ties in the table's order)."""
        rows = self._per_seat(s) if per_seat else self._selected(s)
        pool = [(row, value) for row in rows if (value := figure(row, measure)) is not None]
        pool.sort(key=lambda item: -item[1])
        return tuple(pool)

    def _select(self, s: Selection) -> tuple[CandidacyRow, ...]:
        pool = self._pool(s)
        checks = _checks(s, set(self.catalog.places[s.place].seats) if s.place else None)
        if s.excluded_place is not None:
            outside = set(self.catalog.places[s.excluded_place].seats)
            checks.append(lambda row: row.seat.id not in outside)
        if s.placed is not None:
            checks.append(self._placed(*s.placed))
        if not checks:
            return tuple(pool)
        return tuple(row for row in pool if all(check(row) for check in checks))

    def _placed(self, party: str, position: int) -> Check:
        """Whether the seat's candidacy at a position stood for a party."""
        by_seat = self.table.by_seat

        def check(row: CandidacyRow) -> bool:
            return any(
                r.result.party == party and at_position(r, position) for r in by_seat[row.seat.id]
            )

        return check

    def _one_per_seat(self, s: Selection) -> tuple[CandidacyRow, ...]:
        if not s.candidate_filtered:
            return self._selected(replace(s, won=True))
        seen: set[str] = set()
        unique = []
        for row in self._selected(s):
            if row.seat.id not in seen:
                seen.add(row.seat.id)
                unique.append(row)
        return tuple(unique)

    def _pool(self, s: Selection) -> Sequence[CandidacyRow]:
        table = self.table
        seats: Sequence[str] | None = s.seats or None
        if seats is None and s.place:
            seats = self.catalog.places[s.place].seats
        pools: list[Sequence[CandidacyRow]] = []
        if s.people:
            pools.append([c for p in s.people for c in table.by_person.get(p, [])])
        if seats is not None:
            if s.won:  # a seat's winner: one row a seat
                pools.append([table.winners[i] for i in seats if i in table.winners])
            else:
                pools.append([c for i in seats for c in table.by_seat.get(i, [])])
        if s.parties:
            pools.append([c for p in s.parties for c in table.by_party.get(p, [])])
        if s.won:
            pools.append(self._winners)
            if s.parties:
                pools.append([c for p in s.parties for c in self._winners_of.get(p, [])])
        if s.gender is not None:
            pools.append(self._by_gender[s.gender])
        if s.sitting:
            pools.append(self._sitting)
        return min(pools, key=len) if pools else table.candidacies


def _checks(s: Selection, in_place: set[str] | None) -> list[Check]:
    """Only the checks a selection sets: most set one or two."""
    checks: list[Check] = []
    if s.people:
        people = set(s.people)
        checks.append(lambda row: row.result.person in people)
    if s.seats:
        seats = set(s.seats)
        checks.append(lambda row: row.seat.id in seats)
    if in_place is not None:
        checks.append(lambda row: row.seat.id in in_place)
    if s.parties:
        parties = set(s.parties)
        checks.append(lambda row: row.result.party in parties)
    if s.won is not None:
        won = s.won
        checks.append(lambda row: bool(row.result.elected) == won)
    if s.position is not None:
        position = s.position
        checks.append(lambda row: at_position(row, position))
    if s.gender is not None:
        gender = s.gender
        checks.append(lambda row: row.result.gender == gender)
    if s.sitting is not None:
        sitting = s.sitting
        checks.append(lambda row: bool(row.result.sitting_mp) == sitting)
    if s.first_time:
        checks.append(lambda row: row.first_time)
    if s.seat_change is not None:
        gained = s.seat_change is SeatChange.GAINED
        checks.append(lambda row: row.seat.changed_hands == gained)
    if s.gained_from is not None:
        loser = s.gained_from
        checks.append(lambda row: row.seat.changed_hands and row.seat.previous_party == loser)
    if s.excluded_seats:
        left_out = set(s.excluded_seats)
        checks.append(lambda row: row.seat.id not in left_out)
    if s.excluded_parties:
        excluded = set(s.excluded_parties)
        checks.append(lambda row: row.result.party not in excluded)
    if s.not_won_by:
        not_winners = set(s.not_won_by)
        checks.append(lambda row: row.seat.winner_party not in not_winners)
    if s.won_by is not None:
        winner = s.won_by
        checks.append(lambda row: row.seat.winner_party == winner)
    checks += [_passes(threshold) for threshold in s.thresholds]
    return checks


def _passes(threshold: Threshold) -> Check:
    def check(row: CandidacyRow) -> bool:
        value = figure(row, threshold.measure)
        return value is not None and threshold.admits(value)

    return check
