"""Comparisons and yes or no: two selections on a measure, a figure against a threshold,
a finishing place, whether any row qualifies."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.answers.computed.looking_up import LookingUp
from bot.engine.answers.computed.pieces import (
    LIST_LENGTH,
    MORE,
    cannot_combine,
    people_noun,
    plain,
    position_word,
)
from bot.engine.answers.computed.table import CandidacyRow, at_position
from bot.engine.answers.people import what_happened
from bot.engine.model.answer import (
    Answer,
    Status,
    paragraph,
)
from bot.engine.model.ask import (
    ADDITIVE,
    Ask,
    Measure,
    Operation,
    SeatChange,
    Selection,
    Unit,
)
from bot.engine.wording.describe import singular
from bot.engine.wording.measures import MEASURES, first_line
from bot.engine.wording.phrases import capitalised, party_as_subject, with_party


class Comparing(LookingUp):
    def _compare(self, ask: Ask) -> Answer:
        assert ask.compared is not None
        measure = ask.measure
        first, second = ask.compared
        a, b = self.value(ask, first), self.value(ask, second)
        if measure is None or a is None or b is None:
            return plain(Status.NOT_FOUND, cannot_combine(ask))
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
                    f"{top.votes:,} votes ({position_word(top)}) to {low.votes:,} "
                    f"({position_word(low)}), {more}.")  # fmt: skip
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
        shown_top, shown_low = words.show(tv), words.show(lv)
        if shown_top == shown_low and measure in {Measure.SHARE, Measure.TURNOUT}:
            # 51.405% and 51.379% both show as 51.4%: two places say which is higher, and how.
            shown_top, shown_low = f"{tv:.2f}%", f"{lv:.2f}%"
            difference = f", {round(tv, 2) - round(lv, 2):.2f} points higher"
        return first_line(
            Operation.COMPARE, measure, first=top, second=low, more=MORE.get(measure, "a higher"),
            noun=words.noun, first_value=shown_top, second_value=shown_low,
            difference=difference,
        )  # fmt: skip

    def _more_of(self, ask: Ask, a: float, b: float) -> str:
        """'More men than women were elected in Wales: 17 to 15.'"""
        assert ask.compared is not None
        first, second = ask.compared
        noun_a, noun_b = people_noun(first), people_noun(second)
        verb = "were elected" if ask.selection.won else "stood"
        where = self.describe.where(ask.selection)
        if a == b:
            return f"As many {noun_a} as {noun_b} {verb}{where}: {round(a):,} each."
        top, low = (noun_a, noun_b) if a > b else (noun_b, noun_a)
        tv, lv = (a, b) if a > b else (b, a)
        return f"More {top} than {low} {verb}{where}: {round(tv):,} to {round(lv):,}."

    def _check(self, ask: Ask) -> Answer:
        """Yes or no: a figure against a threshold ("was turnout in Clacton over 60%"), a
        finishing place ("did Reform come second in Bristol Central"), or whether any row
        qualifies ("did a woman win Clacton"); the figure or what happened follows."""
        s = ask.selection
        # "did any Green get over 50%" asks of the rows; "did the Greens get over 5%" of them all
        subject = bool(s.people or s.seats or s.parties or s.place) and not ask.any_row
        if s.position is not None and (s.people or (s.parties and s.seats)):
            return self._check_position(ask)
        if s.thresholds and subject:
            return self._check_threshold(ask)
        if len(s.people) == 1 and not ask.any_row:
            return self._check_outcome(ask)
        if ask.measure is not None and not s.thresholds:
            return plain(Status.NOT_FOUND, _NO_YES_NO)  # "did the Tories win a majority"
        rows = self.rows(ask)
        phrase = self.describe.rows(ask.unit, s)
        if rows and s.seats and len(rows) == 1:
            lead = f"Yes: {self._happened(rows[0])}"
        elif rows:  # "did any Greens win in Scotland": a sentence, with how many
            lead = (f"Yes: there was 1 {singular(phrase)}." if len(rows) == 1
                    else f"Yes: there were {len(rows):,} {phrase}.")  # fmt: skip
        else:
            anyone = replace(s, gender=None, sitting=None, parties=(), first_time=False)
            other = self.candidacies(anyone) if s.seats else []
            lead = f"No: {self._happened(other[0])}" if other else f"No: no {phrase}."
            party_alone = s == Selection(seats=s.seats, parties=s.parties, won=s.won)
            theirs = self.candidacies(Selection(seats=s.seats, parties=s.parties)) if (
                len(s.seats) == 1 and len(s.parties) == 1 and other and party_alone
            ) else []  # fmt: skip
            if theirs:  # "did Labour win Islington North": where Labour came, and who won
                party = self._party(s.parties[0])
                winner = with_party(self.catalog, other[0].result)
                lead = (f"No: {party} came {position_word(theirs[0])} in {theirs[0].seat.name}; "
                        f"{winner} won it.")  # fmt: skip
        return self._answered(ask, [paragraph(lead)], lead, rows[:LIST_LENGTH])

    def _happened(self, row: CandidacyRow) -> str:
        who = with_party(self.catalog, row.result)
        if row.result.elected:
            return f"{who} won {row.seat.name}."
        return f"{who} came {position_word(row)} in {row.seat.name}."

    def _check_outcome(self, ask: Ask) -> Answer:
        """'did Liz Truss lose', 'did Wes Streeting hold his seat': whether it happened to
        them, then what did, and their seat's table."""
        s = ask.selection
        checked = Selection(people=s.people, seats=s.seats, parties=s.parties, won=s.won,
                            gender=s.gender, sitting=s.sitting, first_time=s.first_time,
                            seat_change=s.seat_change, won_by=s.won_by)  # fmt: skip
        if ask.measure is not None or s != checked:
            # "did Liz Truss get the most votes", "did Farage win in Wales": not a yes or no
            # this can check of one person yet; said, not answered Yes for want of a check
            return plain(Status.NOT_FOUND, _NO_YES_NO)
        rows = self.candidacies(Selection(people=s.people, seats=s.seats))
        if not rows:
            return self._stood_elsewhere(ask)
        row = rows[0]
        elected = bool(row.result.elected)
        winner = self.table.winners.get(row.seat.id)
        checks = [
            s.won is None or s.won == elected,
            # "did he hold his seat": he won it again; "gain": won it from another party
            s.seat_change is None or (elected and (s.seat_change is SeatChange.HELD
                                                   or row.seat.changed_hands)),
            s.won_by is None or (winner is not None and winner.result.party == s.won_by),
            s.gender is None or row.result.gender == s.gender,
            s.sitting is None or bool(row.result.sitting_mp) == s.sitting,
            not s.first_time or row.first_time,
            not s.parties or row.result.party in s.parties,
        ]  # fmt: skip
        happened = what_happened(self.catalog, row.result)
        if s.won is False and not elected and winner is not None and row.behind is not None:
            # "did Liz Truss lose": to whom, and by how much
            pronoun = {"Female": "she", "Male": "he"}.get(row.result.gender or "")
            who = pronoun or capitalised(self.catalog.candidate_name(row.result))
            happened = (f"{who} lost "
                        f"{row.seat.name} to {with_party(self.catalog, winner.result)} by "
                        f"{row.behind:,} votes.")  # fmt: skip
        lead = f"{'Yes' if all(checks) else 'No'}: {happened}"
        answer = self._answered(ask, [paragraph(lead)], lead, [row])
        return self._detailed(replace(ask, measure=Measure.POSITION), answer, row)

    def _stood_elsewhere(self, ask: Ask) -> Answer:
        """'did Farage win Islington North': No, he stood elsewhere; what happened there."""
        person = ask.selection.people[0]
        name = self.catalog.people[person].name
        rows = self.candidacies(Selection(people=(person,)))
        if not rows:
            lacks = self.catalog.provenance.lacks(f"say {name} stood in this election.")
            return plain(Status.NOT_FOUND, lacks)
        seats = " or ".join(self.catalog.seats[i].name for i in ask.selection.seats)
        lead = f"No: {name} did not stand in {seats}. {what_happened(self.catalog, rows[0].result)}"
        return self._answered(ask, [paragraph(lead)], lead, [rows[0]])

    def _check_position(self, ask: Ask) -> Answer:
        s = ask.selection
        assert s.position is not None
        rows = self.candidacies(replace(s, position=None, thresholds=()))
        if not rows and len(s.people) == 1 and s.seats:
            return self._stood_elsewhere(ask)  # "did Liz Truss come second in Clacton"
        if not rows:
            return plain(Status.NOT_FOUND, f"No {self.describe.rows(Unit.CANDIDATE, s)}.")
        row = rows[0]
        passed = at_position(row, s.position)
        lead = f"{'Yes' if passed else 'No'}: {self._happened(row)}"
        if not passed and row.result.elected:
            lead = f"No: {with_party(self.catalog, row.result)} won {row.seat.name}."
        if s.people:  # "did Farage come first": what happened to him, with the margin
            happened = what_happened(self.catalog, row.result)
            lead = f"{'Yes' if passed else 'No'}: {happened}"
            answer = self._answered(ask, [paragraph(lead)], lead, [row])
            return self._detailed(replace(ask, measure=Measure.POSITION), answer, row)
        return self._answered(ask, [paragraph(lead)], lead, [row])

    def _check_threshold(self, ask: Ask) -> Answer:
        s = ask.selection
        bare = replace(s, thresholds=())
        measure = s.thresholds[0].measure
        value = self.value(replace(ask, measure=measure), bare)
        if value is None and (s.people or s.seats):
            # The figure is not in the results for this one: say so, as a look-up would.
            return self._look_up(replace(ask, operation=Operation.LOOK_UP, measure=measure,
                                         selection=bare))  # fmt: skip
        if value is None:
            return plain(Status.NOT_FOUND, cannot_combine(ask))
        passed = all(t.admits(value.amount) for t in s.thresholds if t.measure is measure)
        if measure is Measure.SEATS:
            party = party_as_subject(self.catalog.parties[s.parties[0]]) if s.parties else (
                "They")  # fmt: skip
            said = f"{party} won {MEASURES[measure].show(value.amount)}{self.describe.where(s)}."
            looked = self._answered(ask, [paragraph(said)], said, [])
        elif value.rows > 1 or not (s.people or s.seats):
            looked = self._total(replace(ask, operation=Operation.TOTAL, measure=measure,
                                         selection=bare), figure_only=True)  # fmt: skip
        else:
            looked = self._look_up(replace(ask, operation=Operation.LOOK_UP, measure=measure,
                                           selection=bare))  # fmt: skip
        lead = looked.headline
        # "over 40% and more than 30,000 votes": every figure asked is checked, and said.
        for other in dict.fromkeys(t.measure for t in s.thresholds if t.measure is not measure):
            more = self.value(replace(ask, measure=other), bare)
            if more is None:
                return plain(Status.NOT_FOUND, cannot_combine(ask))
            passed = passed and all(t.admits(more.amount) for t in s.thresholds
                                    if t.measure is other)  # fmt: skip
            lead += f" {capitalised(MEASURES[other].noun)}: {MEASURES[other].show(more.amount)}."
        lead = f"{'Yes' if passed else 'No'}: {lead}"
        return replace(looked, blocks=(paragraph(lead),), headline=lead)


_NO_YES_NO = (
    "I can’t answer that as a yes or no yet. Ask for the figure (“how many votes did Liz "
    "Truss get”), two candidates against each other (“did Farage beat Giles Watling”) or what "
    "happened (“did Liz Truss lose”)."
)
