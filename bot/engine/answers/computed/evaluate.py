"""One evaluator for every Ask: select the rows (rowset.py), then count or list them (here),
rank them (ranking.py), look a measure up or total it (looking_up.py), or compare (comparing.py).
A plain total, count or list of one party or place is answered as its summary first
(summaries.py): "how many seats did Labour win" has always had its breakdown.
A combination that makes no sense is refused by name, in one place (`pieces.refusal`); the
words come from wording/measures.py and wording/describe.py."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.answers.computed.comparing import Comparing
from bot.engine.answers.computed.pieces import (
    LIST_LENGTH,
    cannot_combine,
    capped,
    first_by,
    plain,
    refusal,
    shown_measure,
)
from bot.engine.answers.computed.summaries import counted_summary
from bot.engine.answers.computed.table import CandidacyRow
from bot.engine.answers.tally import uncounted
from bot.engine.model.answer import (
    Answer,
    Block,
    Paragraph,
    Status,
    bold,
    paragraph,
)
from bot.engine.model.ask import CANDIDATE_MEASURES, Ask, Measure, Operation, SeatChange, Unit
from bot.engine.model.keys import Key
from bot.engine.wording.describe import singular
from bot.engine.wording.measures import MEASURES, first_line
from bot.engine.wording.phrases import party_as_subject, with_party


class Evaluator(Comparing):
    def answer(self, ask: Ask) -> Answer:
        if not self.table.seats:
            return plain(Status.NOT_FOUND, uncounted(self.catalog))
        if ask.yes_no and ask.operation is Operation.RANK:
            return self._is_top(ask)  # "did the SNP win most seats in Scotland": refused there
        refused = refusal(ask)
        if refused is not None:
            return plain(Status.NOT_FOUND, refused)
        if ask.yes_no and len(ask.selection.people) == 1 and ask.measure is None:
            # "did Wes Streeting hold his seat": whether it happened, not a list of one
            ask = replace(ask, operation=Operation.YES_NO)
        summarised = counted_summary(self.catalog, ask) if self.every_seat else None
        if summarised is not None:  # "how many seats did Labour win": its summary
            return summarised
        if ask.against_2019:
            return self._against_2019(ask)
        answer_of = {
            Operation.COUNT: self._count,
            Operation.LIST: self._count,
            Operation.RANK: self._rank,
            Operation.TOTAL: self._total,
            Operation.AVERAGE: self._average,
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
        measure = shown_measure(ask)
        operation = ask.operation if count else Operation.COUNT
        lead = first_line(operation, None, count=f"{count:,}", phrase=phrase)
        said = self.describe.placed(ask.unit, ask.selection, count, ask.operation)
        said = said or self.describe.gained(ask.unit, ask.selection, count, ask.operation)
        lead = said or lead
        if not count:
            lead = f"No {phrase}." if ask.operation is Operation.LIST else lead
        first = self._shown_first(rows, measure)
        items = [self._item(ask.unit, row, measure) for row in first]
        if ask.unit is Unit.SEAT and ask.selection.seat_change is SeatChange.GAINED:
            items = [self._changed_hands(row) for row in first]
        blocks: list[Block] = [paragraph(lead), *capped(items, LIST_LENGTH, len(rows))]
        return self._answered(ask, blocks, lead, first)

    def _shown_first(self, rows: list[CandidacyRow], measure: Measure) -> list[CandidacyRow]:
        """The rows a list shows: the largest figures first."""
        return first_by(rows, measure, LIST_LENGTH)

    def _changed_hands(self, row: CandidacyRow) -> Paragraph:
        """'Bridgend: Labour gain from Conservative, Chris Elmore (Labour)'."""
        gain = (
            f"{self._party(row.seat.winner_party)} gain from {self._party(row.seat.previous_party)}"
        )
        return paragraph(bold(row.seat.name), f": {gain}, {with_party(self.catalog, row.result)}")

    def _average(self, ask: Ask) -> Answer:
        """The mean of a figure over the rows: each seat's (turnout, majority) or each
        candidate's (votes, share), said as such, with how many it is over."""
        assert ask.measure is not None
        per_seat = ask.measure not in CANDIDATE_MEASURES
        pool = self.select.ranked(ask.selection, ask.measure, per_seat=per_seat)
        phrase = self.describe.rows(Unit.SEAT if per_seat else Unit.CANDIDATE, ask.selection)
        if not pool:
            return plain(Status.NOT_FOUND, f"No {phrase} have a figure for that.")
        mean = sum(value for _, value in pool) / len(pool)
        words = MEASURES[ask.measure]
        noun, shown = words.noun, words.show(mean)
        if ask.measure is Measure.CANDIDATES:  # a count per seat: a whole number says too little
            noun, shown = "number of candidates", f"{mean:.1f} per seat"
        lead = first_line(
            Operation.AVERAGE, ask.measure, noun=noun, value=shown,
            of=f"of the {len(pool):,} {phrase}" if len(pool) > 1 else f"of the one {phrase}",
        )  # fmt: skip
        if ask.measure is Measure.TURNOUT:  # the mean of seats' turnouts is not the turnout
            lead = lead.removesuffix(".") + " (each seat counted once, whatever its size)."
        return self._answered(ask, [paragraph(lead)], lead, [row for row, _ in pool[:1]])

    def _parties_counted(self, ask: Ask) -> Answer:
        by_party = self._by_party(ask)
        phrase = self.describe.parties(ask.selection)
        shown = Measure.SEATS if ask.selection.won else Measure.CANDIDATES
        if ask.measure in {Measure.VOTES, Measure.SHARE, Measure.SEATS}:
            shown = ask.measure  # "list parties by vote share": each party's share
        colon = ":" if ask.operation is Operation.LIST and by_party else "."
        lead = f"{len(by_party)} {phrase}{colon}"
        valid = self._valid_in(ask.selection)
        values = {p: self._party_value(rows, shown, valid) for p, rows in by_party.items()}
        items = [
            paragraph(bold(self.catalog.parties[p].name), f": {MEASURES[shown].show(v)}")
            for p, v in sorted(values.items(), key=lambda item: -item[1])
        ]
        return self._answered(ask, [paragraph(lead), *capped(items, LIST_LENGTH)], lead, [])

    def _against_2019(self, ask: Ask) -> Answer:
        """A party's seats now against the notional 2019 results for the same seats."""
        party = ask.selection.parties[0] if ask.selection.parties else None
        if party is None:
            return plain(Status.NOT_FOUND, cannot_combine(ask))
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
            blocks += capped([paragraph(bold(s.name), f" to {self._party(s.winner_party)}")
                               for s in lost[:LIST_LENGTH]], LIST_LENGTH, len(lost))  # fmt: skip
        if gained:
            blocks.append(paragraph(f"Gained ({len(gained)}):"))
            shown = [paragraph(bold(s.name), f" from {self._party(s.previous_party)}")
                     for s in gained[:LIST_LENGTH]]  # fmt: skip
            blocks += capped(shown, LIST_LENGTH, len(gained))
        sources = self.catalog.provenance.whole_dataset(
            "seat", "seats by party, now and notional 2019, from the Result column"
        )
        return Answer(Status.ANSWERED, tuple(blocks), headline=lead,
                      entities=(Key(f"party:{party}"),), sources=sources)  # fmt: skip
