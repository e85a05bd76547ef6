"""Looking a measure up: one candidacy's or seat's figure, a total over many, a swing."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.answers.computed.pieces import (
    LIST_LENGTH,
    cannot_combine,
    plain,
    signed,
)
from bot.engine.answers.computed.ranking import Ranking
from bot.engine.answers.computed.summaries import summary
from bot.engine.answers.computed.table import CandidacyRow, figure
from bot.engine.answers.details import of_person, of_seat
from bot.engine.answers.people import what_happened
from bot.engine.model.answer import (
    Answer,
    Status,
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
from bot.engine.wording.measures import MEASURES, first_line
from bot.engine.wording.phrases import capitalised, party_as_subject, with_party


class LookingUp(Ranking):
    def _total(self, ask: Ask, figure_only: bool = False) -> Answer:
        """The figure over the rows; a plain party or place total as its summary, unless
        `figure_only`: the figure alone, as a yes or no on it needs."""
        summed_up = self.every_seat and not figure_only
        summarised = summary(self.catalog, ask, self._rank) if summed_up else None
        if summarised is not None:
            return summarised
        measure = ask.measure or Measure.VOTES
        value = self.value(replace(ask, measure=measure), ask.selection)
        if value is None:
            return plain(Status.NOT_FOUND, cannot_combine(ask))
        rows = self.rows(ask)
        unit = Unit.SEAT if measure not in CANDIDATE_MEASURES else Unit.CANDIDATE
        phrase = self.describe.rows(unit, ask.selection)
        noun = MEASURES[measure].noun
        total = "Total " if measure in ADDITIVE and value.rows > 1 else ""
        lead = first_line(
            Operation.TOTAL, measure, Noun=(total + noun) if total else noun[:1].upper() + noun[1:],
            of=f"of the {value.rows:,} {phrase}" if value.rows > 1 else self.describe.where(
                ask.selection).strip() or "overall",
            value=MEASURES[measure].show(value.amount),
        )  # fmt: skip
        for more in ask.also:  # "its total vote and its share": each measure asked
            further = self.value(replace(ask, measure=more), ask.selection)
            shown = MEASURES[more].show(further.amount) if further is not None else "not given"
            lead += f" {capitalised(MEASURES[more].noun)}: {shown}."
        return self._answered(ask, [paragraph(lead)], lead, rows[:LIST_LENGTH], whole=True)

    def _look_up(self, ask: Ask) -> Answer:
        selection, measure = ask.selection, ask.measure or Measure.VOTES
        if measure is Measure.SWING and selection.seats:
            if len(selection.parties) == 2:
                return self._swing_between(ask)
            ask = replace(ask, selection=replace(selection, parties=()))  # the seat's swing
            selection = ask.selection
        if measure is Measure.AHEAD and selection.seats and not (
                selection.people or selection.parties or selection.position):  # fmt: skip
            # "by how many votes" of a seat: its winner's lead, the seat's majority
            ask = replace(ask, selection=replace(selection, won=True))
            selection = ask.selection
        in_seat = selection.parties or selection.won is not None or selection.position is not None
        single = selection.people or (selection.seats and measure not in CANDIDATE_MEASURES) or (
            selection.seats and in_seat)  # fmt: skip
        if not single:
            return self._total(ask)
        rows = self.rows(replace(ask, unit=Unit.CANDIDATE if measure in CANDIDATE_MEASURES
                                 or selection.people else Unit.SEAT))  # fmt: skip
        if not rows and len(selection.people) == 1:
            return self._not_among(selection, measure)
        if not rows:
            missing = self.describe.rows(Unit.CANDIDATE, selection)
            return plain(Status.NOT_FOUND, f"No {missing}.")
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
            return plain(Status.NOT_FOUND, text)
        if lead is None and value is None:
            whose = self._label(Unit.CANDIDATE, row)
            lacks = f"give the {MEASURES[measure].noun} for {whose}."
            return plain(Status.NOT_FOUND, self.catalog.provenance.lacks(lacks))
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
        return self._detailed(ask, self._answered(ask, [paragraph(lead)], lead, [row]), row)

    def _detailed(self, ask: Ask, answer: Answer, row: CandidacyRow) -> Answer:
        """One candidate's figure, then their whole result; one seat's, then its card: as
        much as a look-up of one thing should show beneath its first line."""
        measure, s = ask.measure or Measure.VOTES, ask.selection
        if s.thresholds or len(s.people) > 1 or len(s.seats) > 1:
            return answer
        person = row.result.person
        about_candidate = bool(s.people or s.parties or s.won is not None or s.position)
        if measure in CANDIDATE_MEASURES and about_candidate and person is not None:
            details = of_person(self.catalog, person, measure, Measure.VOTES in ask.also)
        elif measure in SEAT_MEASURES:
            details = of_seat(self.catalog, row.seat.id, measure)
        else:
            return answer
        if details is None:
            return answer
        # A candidate's figures are their own row's (and the article's); a seat's, the seat's.
        sources = details.sources or answer.sources
        return replace(answer, blocks=(*answer.blocks, *details.blocks), chart=details.chart,
                       sources=sources)  # fmt: skip

    def _not_among(self, selection: Selection, measure: Measure) -> Answer:
        """No row for the person named: someone the article names who did not stand, or a
        candidate asked about where they did not stand ("Keir Starmer in Wales")."""
        person = selection.people[0]
        name = self.catalog.people[person].name
        stood = self.catalog.results_by_person.get(person, [])
        if not stood:  # their figure is in no source
            lacks = f"give {name}’s {MEASURES[measure].noun}: {name} is not among the candidates."
            return plain(Status.NOT_FOUND, self.catalog.provenance.lacks(lacks))
        asked = self.describe.where(selection).strip() or "as asked"
        text = f"{name} did not stand {asked}. {what_happened(self.catalog, stood[0])}"
        return plain(Status.NOT_FOUND, text)

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
            return plain(Status.NOT_FOUND, f"{missing} did not stand in {seat}.")
        changes = rows[before].result.change, rows[after].result.change
        if changes[0] is None or changes[1] is None:
            text = (
                f"I can’t work out a swing from {names[0]} to {names[1]} in {seat}: the results "
                "give no change in share on 2019 (notional) for one of them."
            )
            return plain(Status.NOT_FOUND, text)
        swing = round((changes[1] - changes[0]) / 2, 1)
        lead = (
            f"The swing from {names[0]} to {names[1]} in {seat} was {swing:.1f} points (two-party "
            f"swing on the notional 2019 results: {names[1]} {signed(changes[1])}, {names[0]} "
            f"{signed(changes[0])})."
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
        return first_line(
            Operation.LOOK_UP,
            measure,
            seat=seat,
            value=shown,
            valid=f"{row.seat.valid:,}",
            electorate=f"{row.seat.electorate:,}",
        )
