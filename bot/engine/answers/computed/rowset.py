"""What every computed answer stands on: the rows a selection picks, a measure over them
(one row's figure, or many rows' combined), and an answer made of them with its sources."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from bot.engine.answers.computed.pieces import (
    NOT_ADDABLE,
    PARTY_MEASURES,
    Value,
)
from bot.engine.answers.computed.select import Selector
from bot.engine.answers.computed.table import CandidacyRow, SeatRow, Table, figure
from bot.engine.model.answer import (
    Answer,
    Block,
    Paragraph,
    Source,
    Status,
    bold,
    paragraph,
)
from bot.engine.model.ask import (
    CANDIDATE_MEASURES,
    SEAT_MEASURES,
    Ask,
    Measure,
    Selection,
    Unit,
)
from bot.engine.model.keys import Key
from bot.engine.results.catalog import Catalog, person_key, place_key, seat_key
from bot.engine.wording.describe import Describer
from bot.engine.wording.measures import MEASURES
from bot.engine.wording.phrases import with_party


class RowSet:
    def __init__(self, catalog: Catalog, table: Table | None = None) -> None:
        self.catalog = catalog
        self.table = table if table is not None else Table(catalog)
        # Summaries are composed over the whole catalog: only a table of every seat has them.
        self.every_seat = table is None
        self.select = Selector(self.table, catalog)
        self.describe = Describer(catalog, self.table.seats)

    def candidacies(self, selection: Selection) -> list[CandidacyRow]:
        return self.select.candidacies(selection)

    def seat_rows(self, selection: Selection) -> list[CandidacyRow]:
        return self.select.seat_rows(selection)

    def rows(self, ask: Ask, selection: Selection | None = None) -> list[CandidacyRow]:
        chosen = selection if selection is not None else ask.selection
        if ask.unit is Unit.SEAT:
            return self.seat_rows(chosen)
        return self.candidacies(chosen)

    def _by_party(self, ask: Ask) -> dict[str, list[CandidacyRow]]:
        """Candidacies by party; thresholds on what a party has (seats, votes, share,
        candidates) apply to the party's totals, the rest to each candidacy."""
        s = ask.selection
        of_party = tuple(t for t in s.thresholds if t.measure in PARTY_MEASURES)
        of_rows = tuple(t for t in s.thresholds if t not in of_party)
        by_party: dict[str, list[CandidacyRow]] = defaultdict(list)
        if any(t.measure is Measure.SEATS for t in of_party):
            s = replace(s, won=None)  # "won fewer than 5 seats" includes those that won none
        for row in self.candidacies(replace(s, thresholds=of_rows)):
            party = row.result.party
            if party is not None and party in self.catalog.parties:
                by_party[party].append(row)
        if not of_party:
            return by_party
        valid = self._valid_in(s)
        return {
            p: rows for p, rows in by_party.items()
            if all(t.admits(self._party_value(rows, t.measure, valid)) for t in of_party)
        }  # fmt: skip

    def _valid_in(self, selection: Selection) -> int:
        return sum(seat.valid for seat in self._seats_in(selection))

    def _party_value(self, rows: list[CandidacyRow], measure: Measure, valid: int) -> float:
        if measure is Measure.SEATS:
            return sum(bool(r.result.elected) for r in rows)
        if measure in {Measure.CANDIDATES, Measure.NUMBER}:
            return len(rows)
        votes = sum(r.votes for r in rows)
        if measure is Measure.SHARE:
            return 100 * votes / valid if valid else 0.0  # rounded only when shown
        return votes

    def _seats_in(self, selection: Selection) -> list[SeatRow]:
        """The seats a selection is over, whatever it narrows within them: the denominator of
        a share ("Labour's share in seats that changed hands" is of all votes there)."""
        seat_level = replace(
            selection, people=(), parties=(), won=None, position=None, gender=None,
            sitting=None, first_time=False, excluded_parties=(),
            thresholds=tuple(t for t in selection.thresholds if t.measure in SEAT_MEASURES),
        )  # fmt: skip
        return [row.seat for row in self.seat_rows(seat_level)]

    def value(self, ask: Ask, selection: Selection) -> Value | None:
        """The measure over a selection: one row's figure, or the rows' figures combined."""
        measure = ask.measure
        if measure is None:
            return None
        if measure is Measure.SEATS:
            won = replace(selection, won=True)
            return Value(len(self.candidacies(won)), 1)
        if measure is Measure.NUMBER:
            return Value(len(self.candidacies(selection)), 1)
        whose = selection.people or selection.parties or selection.candidate_filtered
        if measure in CANDIDATE_MEASURES and measure is not Measure.VOTES and not whose:
            return None  # a share or a change of whom? Every candidate's adds up to nothing
        one_seat = bool(selection.seats) and not selection.candidate_filtered
        rows = self.seat_rows(selection) if measure not in CANDIDATE_MEASURES else (
            self.candidacies(selection))  # fmt: skip
        if measure is Measure.CANDIDATES and not one_seat:
            return Value(sum(r.seat.candidates for r in rows), len(rows))
        if not rows:
            return None
        if len(rows) == 1:
            single = figure(rows[0], measure)
            return None if single is None else Value(single, 1)
        if measure in NOT_ADDABLE:
            return None
        if measure is Measure.TURNOUT:
            valid, electorate = (
                sum(r.seat.valid for r in rows),
                sum(r.seat.electorate for r in rows),
            )
            return Value(100 * valid / electorate, len(rows))  # rounded only when shown
        if measure is Measure.SHARE:
            valid = sum(seat.valid for seat in self._seats_in(selection))
            return Value(100 * sum(r.votes for r in rows) / valid if valid else 0, len(rows))
        return Value(sum(figure(r, measure) or 0 for r in rows), len(rows))

    def _party(self, party: str | None) -> str:
        found = self.catalog.parties.get(party or "")
        return found.name if found else (party or "another party")

    def _label(self, unit: Unit, row: CandidacyRow) -> str:
        if unit is Unit.SEAT:
            return row.seat.name
        return f"{with_party(self.catalog, row.result)}, {row.seat.name}"

    def _item(self, unit: Unit, row: CandidacyRow, measure: Measure) -> Paragraph:
        value = figure(row, measure)
        shown = MEASURES[measure].show(value) if value is not None else "not given"
        if measure is Measure.MAJORITY:
            shown = f"majority of {shown}"  # a seat's figure that says what it is
        if unit is Unit.SEAT:
            who = with_party(self.catalog, row.result)
            return paragraph(bold(row.seat.name), f": {shown}, {who}")
        return paragraph(bold(with_party(self.catalog, row.result)),
                         f", {row.seat.name}: {shown}")  # fmt: skip

    def _answered(
        self, ask: Ask, blocks: list[Block], headline: str, rows: Sequence[CandidacyRow],
        whole: bool = False,
    ) -> Answer:  # fmt: skip
        entities: list[Key] = []
        if ask.selection.place:
            entities.append(place_key(ask.selection.place))
        for party in ask.selection.parties:
            entities.append(Key(f"party:{party}"))
        for row in rows:
            if row.result.person and (ask.unit is Unit.CANDIDATE or ask.selection.people):
                entities.append(person_key(row.result.person))
            entities.append(seat_key(row.seat.id))
        sources: tuple[Source, ...]
        if whole or len(rows) == 0:
            sources = self.catalog.provenance.whole_dataset(
                "seat", f"{ask.measure or 'results'} over the seats asked about"
            )
        else:
            facts = [fid for row in rows for fid in (*row.result.facts, *row.seat.facts)]
            sources = self.catalog.sources_of(facts)
        return Answer(
            Status.ANSWERED, tuple(blocks), headline=headline,
            entities=tuple(dict.fromkeys(entities)), sources=sources,
        )  # fmt: skip

    def _at(self, seat_id: str, position: int) -> CandidacyRow | None:
        return next((c for c in self.table.by_seat[seat_id] if c.position == position), None)
