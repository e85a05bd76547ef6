"""One evaluator for every Ask: select the rows, then count, list, rank, total, look up or
compare them on the measure asked. A combination that makes no sense is refused here, by
name, in one place (`refusal`); the words come from wording/measures.py."""

from __future__ import annotations

import heapq
import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.engine.answers.scope import scope_of
from bot.engine.answers.select import Selector
from bot.engine.answers.table import CandidacyRow, SeatRow, Table, at_position, figure
from bot.engine.answers.tally import NO_OFFICIAL
from bot.engine.model.answer import (
    Answer,
    Block,
    BulletList,
    Paragraph,
    Source,
    Status,
    bold,
    paragraph,
)
from bot.engine.model.ask import (
    ADDITIVE,
    CANDIDATE_MEASURES,
    SEAT_MEASURES,
    Ask,
    Measure,
    Operation,
    Selection,
    Unit,
)
from bot.engine.model.keys import Key
from bot.engine.results.catalog import Catalog, person_key, place_key, seat_key
from bot.engine.understanding.places import Level
from bot.engine.wording.describe import Describer, singular
from bot.engine.wording.measures import MEASURES, first_line, superlative
from bot.engine.wording.phrases import capitalised, ordinal, party_as_subject, with_party

LIST_LENGTH = 10
RANK_LENGTH = 5
# Figures that mean nothing added up or averaged over many rows.
NOT_ADDABLE = frozenset(
    {
        Measure.POSITION,
        Measure.BEHIND,
        Measure.AHEAD,
        Measure.CHANGE,
        Measure.MAJORITY,
        Measure.SWING,
    }
)
# "more votes", "a larger majority"; any other measure is "a higher" one.
MORE = {
    **dict.fromkeys((Measure.VOTES, Measure.VALID, Measure.INVALID, Measure.CANDIDATES,
                     Measure.SEATS, Measure.BEHIND), "more"),
    **dict.fromkeys((Measure.MAJORITY, Measure.ELECTORATE, Measure.AHEAD), "a larger"),
}  # fmt: skip
PARTY_MEASURES = frozenset(
    {Measure.SEATS, Measure.VOTES, Measure.SHARE, Measure.CANDIDATES, Measure.NUMBER}
)


@dataclass(frozen=True)
class Value:
    """A figure over a selection: a single row's, or many rows' added up."""

    amount: float
    rows: int  # how many rows it is over


class Evaluator:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.table = Table(catalog)
        self.select = Selector(self.table, catalog)
        self.describe = Describer(catalog)

    # --- the rows a selection picks ---------------------------------------------------------

    def candidacies(self, selection: Selection) -> list[CandidacyRow]:
        return self.select.candidacies(selection)

    def seat_rows(self, selection: Selection) -> list[CandidacyRow]:
        return self.select.seat_rows(selection)

    def rows(self, ask: Ask, selection: Selection | None = None) -> list[CandidacyRow]:
        chosen = selection if selection is not None else ask.selection
        if ask.unit is Unit.SEAT:
            return self.seat_rows(chosen)
        return self.candidacies(chosen)

    # --- answering ------------------------------------------------------------------------

    def answer(self, ask: Ask) -> Answer:
        if not self.table.seats:
            return _plain(Status.NOT_FOUND, NO_OFFICIAL)
        refused = refusal(ask)
        if refused is not None:
            return _plain(Status.NOT_FOUND, refused)
        if ask.against_2019:
            return self._against_2019(ask)
        answer_of = {
            Operation.COUNT: self._count,
            Operation.LIST: self._count,
            Operation.RANK: self._rank,
            Operation.TOTAL: self._total,
            Operation.LOOK_UP: self._look_up,
            Operation.COMPARE: self._compare,
            Operation.YES_NO: self._check,
        }
        return answer_of[ask.operation](ask)

    def _count(self, ask: Ask) -> Answer:
        if ask.unit is Unit.PARTY:
            return self._parties_counted(ask)
        rows = self.rows(ask)
        count = len(rows)
        phrase = self.describe.rows(ask.unit, ask.selection)
        phrase = singular(phrase) if count == 1 else phrase
        measure = _shown_measure(ask)
        operation = ask.operation if count else Operation.COUNT
        lead = first_line(operation, None, count=f"{count:,}", phrase=phrase)
        said = self.describe.placed(ask.unit, ask.selection, count, ask.operation)
        said = said or self.describe.gained(ask.unit, ask.selection, count, ask.operation)
        lead = said or lead
        if not count:
            lead = f"No {phrase}." if ask.operation is Operation.LIST else lead
        first = _first_by(rows, measure, LIST_LENGTH)
        items = [self._item(ask.unit, row, measure) for row in first]
        blocks: list[Block] = [paragraph(lead), *_capped(items, LIST_LENGTH, len(rows))]
        return self._answered(ask, blocks, lead, first)

    def _parties_counted(self, ask: Ask) -> Answer:
        by_party = self._by_party(ask)
        phrase = self.describe.parties(ask.selection)
        shown = Measure.SEATS if ask.selection.won else Measure.CANDIDATES
        colon = ":" if ask.operation is Operation.LIST and by_party else "."
        lead = f"{len(by_party)} {phrase}{colon}"
        valid = self._valid_in(ask.selection)
        values = {p: self._party_value(rows, shown, valid) for p, rows in by_party.items()}
        items = [
            paragraph(bold(self.catalog.parties[p].name), f": {MEASURES[shown].show(v)}")
            for p, v in sorted(values.items(), key=lambda item: -item[1])
        ]
        return self._answered(ask, [paragraph(lead), *_capped(items, LIST_LENGTH)], lead, [])

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

    def _rank(self, ask: Ask) -> Answer:
        measure = ask.measure or Measure.VOTES
        if ask.unit is Unit.PARTY:
            return self._rank_parties(ask, measure)
        if ask.unit in {Unit.REGION, Unit.NATION}:
            return self._rank_places(ask, measure)
        pool = self.select.ranked(ask.selection, measure, per_seat=ask.unit is Unit.SEAT)
        phrase = self.describe.rows(ask.unit, ask.selection)
        if not pool:
            lead = f"No {phrase} have a figure for that."
            return _plain(Status.NOT_FOUND, lead)
        ordered = pool if ask.descending else pool[::-1]
        shown = ordered[: ask.top or RANK_LENGTH]
        best_row, best = shown[0]
        words = MEASURES[measure]
        lead = first_line(
            Operation.RANK, measure, label=self._label(ask.unit, best_row),
            superlative=superlative(measure, ask.descending),
            of=f"of the {len(pool):,} {phrase}{self._with_figure(ask, measure, len(pool))}",
            value=words.show(best),
        )  # fmt: skip
        ties = list(itertools.takewhile(lambda item: item[1] == best, ordered[1:]))
        if ties:
            named = "; ".join(self._label(ask.unit, r) for r, _ in ties[:3])
            lead += f" So did {len(ties)} more: {named}" + (" ..." if len(ties) > 3 else ".")
        items = [self._item(ask.unit, row, measure) for row, _ in shown]
        blocks: list[Block] = [paragraph(lead), BulletList(tuple(items))]
        return self._answered(ask, blocks, lead, [row for row, _ in shown])

    def _rank_places(self, ask: Ask, measure: Measure) -> Answer:
        """'which region had the highest turnout': the measure over each region's seats."""
        places = [
            p for p in self.catalog.places.values()
            if (p.level is Level.NATION if ask.unit is Unit.NATION else (
                p.level is Level.REGION or (p.level is Level.NATION and p.name != "England")))
        ]  # fmt: skip
        values = [
            (place, value.amount)
            for place in places
            if (value := self.value(ask, replace(ask.selection, place=place.id))) is not None
        ]
        if not values:
            return _plain(Status.NOT_FOUND, _cannot_combine(ask))
        values.sort(key=lambda item: item[1], reverse=ask.descending)
        words = MEASURES[measure]
        best, top = values[0]
        named = scope_of(self.catalog, best.id).named
        lead = (
            f"{named[:1].upper() + named[1:]} had {superlative(measure, ask.descending)} of the "
            f"{len(values)} {ask.unit.value}{self.describe.qualifier(ask.selection)}: "
            f"{words.show(top)}."
        )
        items = [paragraph(bold(p.name), f": {words.show(v)}") for p, v in values]
        return self._answered(ask, [paragraph(lead), BulletList(tuple(items))], lead, [],
                              whole=True)  # fmt: skip

    def _with_figure(self, ask: Ask, measure: Measure, ranked: int) -> str:
        """' with a change in share on 2019 (notional)': where fewer rows have the figure than
        the selection holds (a party new to a seat has no change on 2019)."""
        if ranked >= len(self.rows(ask)):
            return ""
        return f" with a {MEASURES[measure].noun}"

    def _rank_parties(self, ask: Ask, measure: Measure) -> Answer:
        by_party = self._by_party(ask)
        valid = self._valid_in(ask.selection)
        values = {p: self._party_value(rows, measure, valid) for p, rows in by_party.items()}
        ranked = sorted(values.items(), key=lambda item: item[1], reverse=ask.descending)
        ranked = [(p, v) for p, v in ranked if measure is not Measure.SEATS or v or ask.descending]
        if not ranked:
            return _plain(Status.NOT_FOUND, "No party has a figure for that.")
        shown = ranked[: ask.top or RANK_LENGTH]
        words = MEASURES[measure]
        where = self.describe.where(ask.selection)
        party, value = shown[0]
        if measure is Measure.NUMBER and ask.selection.position is not None:
            # "which party came second most often in Scotland"
            placed = self.describe.placed_word(ask.selection.position)
            lead = (
                f"{party_as_subject(self.catalog.parties[party])} came {placed} "
                f"{'most' if ask.descending else 'least'} often{where}: in {value:,.0f} seats."
            )
            items = [
                paragraph(bold(self.catalog.parties[p].name), f": {v:,.0f} seats") for p, v in shown
            ]
            return self._answered(ask, [paragraph(lead), BulletList(tuple(items))], lead, [])
        lead = (
            f"{party_as_subject(self.catalog.parties[party])} had "
            f"{superlative(measure, ask.descending)}{where}: {words.show(value)}."
        )
        items = [
            paragraph(bold(self.catalog.parties[p].name), f": {words.show(v)}") for p, v in shown
        ]
        return self._answered(ask, [paragraph(lead), BulletList(tuple(items))], lead, [])

    def _party_value(self, rows: list[CandidacyRow], measure: Measure, valid: int) -> float:
        if measure is Measure.SEATS:
            return sum(bool(r.result.elected) for r in rows)
        if measure in {Measure.CANDIDATES, Measure.NUMBER}:
            return len(rows)
        votes = sum(r.votes for r in rows)
        if measure is Measure.SHARE:
            return round(100 * votes / valid, 1) if valid else 0.0
        return votes

    def _seats_in(self, selection: Selection) -> list[SeatRow]:
        seats: list[SeatRow] = list(self.table.seats.values())
        if selection.place:
            inside = set(self.catalog.places[selection.place].seats)
            seats = [s for s in seats if s.id in inside]
        if selection.seats:
            seats = [s for s in seats if s.id in selection.seats]
        if selection.excluded_place:
            outside = set(self.catalog.places[selection.excluded_place].seats)
            seats = [s for s in seats if s.id not in outside]
        if selection.excluded_seats:
            seats = [s for s in seats if s.id not in selection.excluded_seats]
        return seats

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
            return Value(round(100 * valid / electorate, 1), len(rows))
        if measure is Measure.SHARE:
            seats = self.seat_rows(replace(selection, parties=(), won=None, people=()))
            valid = sum(r.seat.valid for r in seats)
            return Value(
                round(100 * sum(r.votes for r in rows) / valid, 1) if valid else 0, len(rows)
            )
        return Value(sum(figure(r, measure) or 0 for r in rows), len(rows))

    def _total(self, ask: Ask) -> Answer:
        measure = ask.measure or Measure.VOTES
        value = self.value(replace(ask, measure=measure), ask.selection)
        if value is None:
            return _plain(Status.NOT_FOUND, _cannot_combine(ask))
        rows = self.rows(ask)
        unit = Unit.SEAT if measure not in CANDIDATE_MEASURES else ask.unit
        phrase = self.describe.rows(unit, ask.selection)
        noun = MEASURES[measure].noun
        total = "Total " if measure in ADDITIVE and value.rows > 1 else ""
        lead = first_line(
            Operation.TOTAL, measure, Noun=(total + noun) if total else noun[:1].upper() + noun[1:],
            of=f"of the {value.rows:,} {phrase}" if value.rows > 1 else self.describe.where(
                ask.selection).strip() or "overall",
            value=MEASURES[measure].show(value.amount),
        )  # fmt: skip
        return self._answered(ask, [paragraph(lead)], lead, rows[:LIST_LENGTH], whole=True)

    def _look_up(self, ask: Ask) -> Answer:
        selection, measure = ask.selection, ask.measure or Measure.VOTES
        if measure is Measure.SWING and selection.seats:
            if len(selection.parties) == 2:
                return self._swing_between(ask)
            ask = replace(ask, selection=replace(selection, parties=()))  # the seat's swing
            selection = ask.selection
        in_seat = selection.parties or selection.won is not None or selection.position is not None
        single = selection.people or (selection.seats and measure not in CANDIDATE_MEASURES) or (
            selection.seats and in_seat)  # fmt: skip
        if not single:
            return self._total(ask)
        rows = self.rows(replace(ask, unit=Unit.CANDIDATE if measure in CANDIDATE_MEASURES
                                 or selection.people else Unit.SEAT))  # fmt: skip
        if not rows:
            missing = self.describe.rows(Unit.CANDIDATE, selection)
            return _plain(Status.NOT_FOUND, f"No {missing}.")
        row = rows[0]
        subject = with_party(self.catalog, row.result)
        if selection.parties and not selection.people:
            subject = party_as_subject(self.catalog.parties[selection.parties[0]])
        lead = self._margin(measure, row, subject)
        value = figure(row, measure)
        if lead is None and value is None and measure is Measure.SWING:
            text = (f"I can’t work out a swing in {row.seat.name}: the results give no change "
                    "in share on 2019 (notional) for one of its two leading parties (a party "
                    "that did not stand there in 2019 has none).")  # fmt: skip
            return _plain(Status.NOT_FOUND, text)
        if lead is None and value is None:
            whose = self._label(Unit.CANDIDATE, row)
            lacks = f"give the {MEASURES[measure].noun} for {whose}."
            return _plain(Status.NOT_FOUND, self.catalog.provenance.lacks(lacks))
        if lead is None and value is not None:
            about_person = bool(selection.people or selection.parties)
            lead = self._sentence(measure, row, value, about_person)
        assert lead is not None
        for more in ask.also:  # "and change since 2019": each further figure of the same row
            further = figure(row, more)
            if further is not None and more in CANDIDATE_MEASURES | SEAT_MEASURES:
                lead += f" {capitalised(MEASURES[more].noun)}: {MEASURES[more].show(further)}."
            else:
                lead += f" {capitalised(MEASURES[more].noun)}: not given."
        return self._answered(ask, [paragraph(lead)], lead, [row])

    def _swing_between(self, ask: Ask) -> Answer:
        """'swing from Con to Lab in Hartlepool': half the second party's change in share less
        the first's, as named, whoever won."""
        seat_id = ask.selection.seats[0]
        before, after = ask.selection.parties
        rows = {r.result.party: r for r in self.table.by_seat.get(seat_id, [])}
        seat = self.catalog.seats[seat_id].name
        names = self._party(before), self._party(after)
        if before not in rows or after not in rows:
            missing = names[0] if before not in rows else names[1]
            return _plain(Status.NOT_FOUND, f"{missing} did not stand in {seat}.")
        changes = rows[before].result.change, rows[after].result.change
        if changes[0] is None or changes[1] is None:
            text = (
                f"I can’t work out a swing from {names[0]} to {names[1]} in {seat}: the results "
                "give no change in share on 2019 (notional) for one of them."
            )
            return _plain(Status.NOT_FOUND, text)
        swing = round((changes[1] - changes[0]) / 2, 1)
        lead = (
            f"The swing from {names[0]} to {names[1]} in {seat} was {swing:.1f} points (two-party "
            f"swing on the notional 2019 results: {names[1]} {_signed(changes[1])}, {names[0]} "
            f"{_signed(changes[0])})."
        )
        return self._answered(ask, [paragraph(lead)], lead, [rows[before], rows[after]])

    def _margin(self, measure: Measure, row: CandidacyRow, subject: str) -> str | None:
        """'Won by' asked of someone who lost, 'how far behind' of the winner: what happened,
        rather than no figure ('Labour did not win Clacton: ...')."""
        seat = row.seat
        winner = self.table.winners.get(seat.id)
        runner_up = self._at(seat.id, 2)
        if winner is None or runner_up is None:
            return None
        won_by = (
            f"{with_party(self.catalog, winner.result)} won it by {seat.majority:,} votes over "
            f"{with_party(self.catalog, runner_up.result)}"
        )
        if measure in {Measure.AHEAD, Measure.MAJORITY} and not row.result.elected:
            return f"{subject} did not win {seat.name}: {won_by}."
        if measure is Measure.MAJORITY:  # a winner's majority: their lead over the runner-up
            runner = with_party(self.catalog, runner_up.result)
            return (f"{with_party(self.catalog, row.result)} won {seat.name} by "
                    f"{seat.majority:,} votes over {runner}.")  # fmt: skip
        if measure is Measure.BEHIND and row.result.elected:
            return f"{subject} won {seat.name}, behind nobody: {seat.majority:,} votes ahead of " \
                f"{with_party(self.catalog, runner_up.result)}."  # fmt: skip
        return None

    def _at(self, seat_id: str, position: int) -> CandidacyRow | None:
        return next((c for c in self.table.by_seat[seat_id] if c.position == position), None)

    def _sentence(self, measure: Measure, row: CandidacyRow, value: float,
                  about_person: bool) -> str:  # fmt: skip
        seat = row.seat.name
        who = with_party(self.catalog, row.result)
        winner = self.table.winners.get(row.seat.id)
        runner_up = self._at(row.seat.id, 2)
        words = MEASURES[measure]
        shown = words.show(value)
        if measure in CANDIDATE_MEASURES or about_person:
            if measure not in CANDIDATE_MEASURES:
                noun = words.noun[:1].upper() + words.noun[1:]
                return f"{noun} in {seat}, where {who} stood: {shown}."
            party = self._party(row.result.party)
            return first_line(
                Operation.LOOK_UP, measure, who=who, seat=seat, value=shown, party=party,
                name=self.catalog.candidate_name(row.result),
                winner=with_party(self.catalog, winner.result) if winner else "",
                runner_up=with_party(self.catalog, runner_up.result) if runner_up else "",
                candidates=str(row.seat.candidates),
            )  # fmt: skip
        if measure is Measure.SWING:
            winner_party = self._party(row.seat.winner_party)
            return first_line(Operation.LOOK_UP, measure, seat=seat, value=shown,
                              swing_from=self._party(row.seat.swing_from),
                              swing_to=winner_party)  # fmt: skip
        return first_line(Operation.LOOK_UP, measure, seat=seat, value=shown)

    def _compare(self, ask: Ask) -> Answer:
        assert ask.compared is not None
        measure = ask.measure
        first, second = ask.compared
        a, b = self.value(ask, first), self.value(ask, second)
        if measure is None or a is None or b is None:
            return _plain(Status.NOT_FOUND, _cannot_combine(ask))
        rows = self.rows(ask, first)[:3] + self.rows(ask, second)[:3]
        higher = a.amount > b.amount
        verdict = ""
        if ask.yes_no:
            verdict = "Yes: " if higher == ask.descending and a.amount != b.amount else "No: "
        one_each = [self._one_candidacy(side) for side in (first, second)]
        if measure is Measure.VOTES and one_each[0] and one_each[1]:
            lead = self._finished(one_each[0], one_each[1])
        elif measure is Measure.NUMBER:
            lead = self._more_of(ask, a.amount, b.amount)
        else:
            lead = self._more(measure, first, second, a.amount, b.amount)
        lead = verdict + lead
        return self._answered(ask, [paragraph(lead)], lead, rows)

    def _one_candidacy(self, selection: Selection) -> CandidacyRow | None:
        if not (selection.people or (selection.parties and selection.seats)):
            return None
        rows = self.candidacies(selection)
        return rows[0] if len(rows) == 1 else None

    def _finished(self, a: CandidacyRow, b: CandidacyRow) -> str:
        """Two candidacies by votes: where each finished in one seat, or each seat's figure."""
        top, low = (a, b) if a.votes >= b.votes else (b, a)
        names = with_party(self.catalog, top.result), with_party(self.catalog, low.result)
        if top.votes == low.votes:
            return f"{names[0]} and {names[1]} got the same number of votes: {top.votes:,}."
        more = f"{top.votes - low.votes:,} more"
        if top.seat is low.seat:
            return (f"{names[0]} finished ahead of {names[1]} in {top.seat.name}: "
                    f"{top.votes:,} votes ({_position_word(top)}) to {low.votes:,} "
                    f"({_position_word(low)}), {more}.")  # fmt: skip
        return (f"{names[0]} got more votes than {names[1]}: {top.votes:,} in {top.seat.name} "
                f"to {low.votes:,} in {low.seat.name}, {more}.")  # fmt: skip

    def _more(self, measure: Measure, first: Selection, second: Selection, a: float,
              b: float) -> str:  # fmt: skip
        words = MEASURES[measure]
        name_a, name_b = self.describe.selection_name(first), self.describe.selection_name(second)
        if a == b:
            return f"{name_a} and {name_b} had the same {words.noun}: {words.show(a)}."
        top, low = (name_a, name_b) if a > b else (name_b, name_a)
        tv, lv = (a, b) if a > b else (b, a)
        difference = ""
        if measure in ADDITIVE or measure in {Measure.MAJORITY, Measure.AHEAD, Measure.BEHIND}:
            difference = f", {round(tv - lv):,} more"
        elif measure in {Measure.SHARE, Measure.TURNOUT, Measure.CHANGE, Measure.SWING}:
            difference = f", {round(tv, 1) - round(lv, 1):.1f} points higher"
        return first_line(
            Operation.COMPARE, measure, first=top, second=low, more=MORE.get(measure, "a higher"),
            noun=words.noun, first_value=words.show(tv), second_value=words.show(lv),
            difference=difference,
        )  # fmt: skip

    def _more_of(self, ask: Ask, a: float, b: float) -> str:
        """'More men than women were elected in Wales: 17 to 15.'"""
        assert ask.compared is not None
        first, second = ask.compared
        noun_a, noun_b = _people_noun(first), _people_noun(second)
        verb = "were elected" if ask.selection.won else "stood"
        where = self.describe.where(ask.selection)
        if a == b:
            return f"As many {noun_a} as {noun_b} {verb}{where}: {round(a):,} each."
        top, low = (noun_a, noun_b) if a > b else (noun_b, noun_a)
        tv, lv = (a, b) if a > b else (b, a)
        return f"More {top} than {low} {verb}{where}: {round(tv):,} to {round(lv):,}."

    def _yes_no(self, ask: Ask) -> bool:
        return ask.yes_no

    def _check(self, ask: Ask) -> Answer:
        """Yes or no: a figure against a threshold ("was turnout in Clacton over 60%"), a
        finishing place ("did Reform come second in Bristol Central"), or whether any row
        qualifies ("did a woman win Clacton"); the figure or what happened follows."""
        s = ask.selection
        subject = bool(s.people or s.seats or s.parties or s.place)
        if s.position is not None and (s.people or (s.parties and s.seats)):
            return self._check_position(ask)
        if s.thresholds and subject:
            return self._check_threshold(ask)
        rows = self.rows(ask)
        phrase = self.describe.rows(ask.unit, s)
        if rows and s.seats and len(rows) == 1:
            lead = f"Yes: {self._happened(rows[0])}"
        elif rows:
            lead = f"Yes: {len(rows):,} {singular(phrase) if len(rows) == 1 else phrase}."
        else:
            anyone = replace(s, gender=None, sitting=None, parties=(), first_time=False)
            other = self.candidacies(anyone) if s.seats else []
            lead = f"No: {self._happened(other[0])}" if other else f"No: no {phrase}."
        return self._answered(ask, [paragraph(lead)], lead, rows[:LIST_LENGTH])

    def _happened(self, row: CandidacyRow) -> str:
        who = with_party(self.catalog, row.result)
        if row.result.elected:
            return f"{who} won {row.seat.name}."
        return f"{who} came {_position_word(row)} in {row.seat.name}."

    def _check_position(self, ask: Ask) -> Answer:
        s = ask.selection
        assert s.position is not None
        rows = self.candidacies(replace(s, position=None, thresholds=()))
        if not rows:
            return _plain(Status.NOT_FOUND, f"No {self.describe.rows(Unit.CANDIDATE, s)}.")
        row = rows[0]
        passed = at_position(row, s.position)
        lead = f"{'Yes' if passed else 'No'}: {self._happened(row)}"
        if not passed and row.result.elected:
            lead = f"No: {with_party(self.catalog, row.result)} won {row.seat.name}."
        return self._answered(ask, [paragraph(lead)], lead, [row])

    def _check_threshold(self, ask: Ask) -> Answer:
        s = ask.selection
        plain = replace(s, thresholds=())
        measure = s.thresholds[0].measure
        value = self.value(replace(ask, measure=measure), plain)
        if value is None and (s.people or s.seats):
            # The figure is not in the results for this one: say so, as a look-up would.
            return self._look_up(replace(ask, operation=Operation.LOOK_UP, measure=measure,
                                         selection=plain))  # fmt: skip
        if value is None:
            return _plain(Status.NOT_FOUND, _cannot_combine(ask))
        passed = all(t.admits(value.amount) for t in s.thresholds if t.measure is measure)
        if measure is Measure.SEATS:
            party = party_as_subject(self.catalog.parties[s.parties[0]]) if s.parties else (
                "They")  # fmt: skip
            said = f"{party} won {MEASURES[measure].show(value.amount)}{self.describe.where(s)}."
            looked = self._answered(ask, [paragraph(said)], said, [])
        elif value.rows > 1 or not (s.people or s.seats):
            looked = self._total(replace(ask, operation=Operation.TOTAL, measure=measure,
                                         selection=plain))  # fmt: skip
        else:
            looked = self._look_up(replace(ask, operation=Operation.LOOK_UP, measure=measure,
                                           selection=plain))  # fmt: skip
        lead = f"{'Yes' if passed else 'No'}: {looked.headline}"
        return replace(looked, blocks=(paragraph(lead),), headline=lead)

    def _against_2019(self, ask: Ask) -> Answer:
        """A party's seats now against the notional 2019 results for the same seats."""
        party = ask.selection.parties[0] if ask.selection.parties else None
        if party is None:
            return _plain(Status.NOT_FOUND, _cannot_combine(ask))
        seats = self._seats_in(ask.selection)
        now = [s for s in seats if s.winner_party == party]
        before = [s for s in seats if s.previous_party == party]
        held = [s for s in now if s.previous_party == party]
        gained = [s for s in now if s.previous_party != party]
        lost = [s for s in before if s.winner_party != party]
        name = party_as_subject(self.catalog.parties[party])
        where = self.describe.where(ask.selection)
        lead = (
            f"{name} won {len(now)} seats{where}, against {len(before)} on the notional 2019 "
            f"results for the same seats: {len(held)} held, {len(gained)} gained, "
            f"{len(lost)} lost."
        )
        blocks: list[Block] = [paragraph(lead)]
        if lost:
            blocks.append(paragraph(f"Lost ({len(lost)}):"))
            blocks += _capped([paragraph(bold(s.name), f" to {self._party(s.winner_party)}")
                               for s in lost[:LIST_LENGTH]], LIST_LENGTH, len(lost))  # fmt: skip
        if gained:
            blocks.append(paragraph(f"Gained ({len(gained)}):"))
            shown = [paragraph(bold(s.name), f" from {self._party(s.previous_party)}")
                     for s in gained[:LIST_LENGTH]]  # fmt: skip
            blocks += _capped(shown, LIST_LENGTH, len(gained))
        sources = self.catalog.provenance.whole_dataset(
            "seat", "seats by party, now and notional 2019, from the Result column"
        )
        return Answer(Status.ANSWERED, tuple(blocks), headline=lead,
                      entities=(Key(f"party:{party}"),), sources=sources)  # fmt: skip

    def _party(self, party: str | None) -> str:
        found = self.catalog.parties.get(party or "")
        return found.name if found else (party or "another party")

    # --- pieces ---------------------------------------------------------------------------

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


def _shown_measure(ask: Ask) -> Measure:
    if ask.measure is not None:
        return ask.measure
    if ask.selection.thresholds:
        return ask.selection.thresholds[0].measure
    return Measure.MAJORITY if ask.unit is Unit.SEAT and not ask.selection.candidate_filtered \
        else Measure.VOTES  # fmt: skip


def _signed(points: float) -> str:
    """'+8.5', '−7.1': a true minus sign, as every change in share is written."""
    return f"{points:+.1f}".replace("-", "\N{MINUS SIGN}")


def _people_noun(selection: Selection) -> str:
    return {"Female": "women", "Male": "men"}.get(selection.gender or "", "candidates")


def _position_word(row: CandidacyRow) -> str:
    return "last" if row.last and row.position > 2 else ordinal(row.position)


def _first_by(rows: list[CandidacyRow], measure: Measure, limit: int) -> list[CandidacyRow]:
    """The rows a list shows: the largest figures first (only those are sorted)."""
    return heapq.nlargest(limit, rows, key=lambda r: figure(r, measure) or 0)


def _capped(items: Sequence[Paragraph], limit: int, total: int | None = None) -> list[Block]:
    if not items:
        return []
    total = len(items) if total is None else total
    blocks: list[Block] = [BulletList(tuple(items[:limit]))]
    if total > limit:
        blocks.append(paragraph(f"And {total - limit:,} more."))
    return blocks


def _plain(status: Status, text: str) -> Answer:
    return Answer(status, (paragraph(text),), headline=text)


def refusal(ask: Ask) -> str | None:
    """Why an Ask cannot be computed, or None: the combinations that make no sense."""
    measure, operation = ask.measure, ask.operation
    if measure is None:
        if operation in {Operation.RANK, Operation.TOTAL, Operation.COMPARE}:
            return _cannot_combine(ask)
        return None
    if ask.unit in {Unit.REGION, Unit.NATION} and operation is not Operation.RANK:
        return (f"I can only rank {ask.unit.value} by a measure (“which region had the highest "
                "turnout”); ask about one by name for the rest.")  # fmt: skip
    if ask.unit in {Unit.REGION, Unit.NATION} and measure in NOT_ADDABLE:
        return (f"I can’t rank {ask.unit.value} by {MEASURES[measure].noun}: it belongs to a "
                "candidate or a seat, not to many seats together.")  # fmt: skip
    if ask.unit is Unit.PARTY and measure not in PARTY_MEASURES:
        return (f"I can’t rank parties by {MEASURES[measure].noun}; I can rank them by seats, "
                "votes, share of the vote or candidates.")  # fmt: skip
    if operation is Operation.RANK and measure is Measure.POSITION:
        return ("I can’t rank by finishing position; ask who came first, second or last, or "
                "where a party came second.")  # fmt: skip
    if operation is Operation.TOTAL and measure in NOT_ADDABLE:
        return (f"I can’t add up {MEASURES[measure].noun} over many candidates; I can rank or "
                "list them (“biggest …”, “which … over …”).")  # fmt: skip
    return None


def _cannot_combine(ask: Ask) -> str:
    measure = MEASURES[ask.measure].noun if ask.measure else "what"
    return (
        f"I can’t answer that ({ask.operation} of {measure}) yet. I can look up, count, list, "
        "rank, total and compare votes, share, majority, turnout, electorate, valid and "
        "invalid votes, change on 2019, votes behind the winner, seats and candidates."
    )
