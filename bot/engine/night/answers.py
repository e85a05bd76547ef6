"""Answers about the night so far, from one NightResults: each says the moment it is true of."""

from __future__ import annotations

from collections.abc import Callable

from bot.engine.model.answer import (
    Answer,
    Block,
    BulletList,
    CandidateRow,
    CandidateTable,
    Option,
    Paragraph,
    Status,
    bold,
    paragraph,
)
from bot.engine.model.chart_data import Bar, SeatsChart
from bot.engine.model.keys import Key, Kind
from bot.engine.night.reading import NightAsk, NightQuestion
from bot.engine.night.results import (
    COMMONS_SEATS,
    MAJORITY_LINE,
    NightResults,
    NightSeat,
    Stage,
)
from bot.engine.night.wording import as_of, clock, state_lines, tally, winner_line
from bot.engine.results.catalog import Catalog

LIST_LENGTH = 10  # a list on a phone: the first ten, then how many more


class NightAnswers:
    """The night's questions over the catalog's seats, parties and places (by key) and the
    night's seats (by ONS ID)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.ons_of = {seat.id: seat.ons_id for seat in catalog.seats.values() if seat.ons_id}
        self.abbreviation_of = {p.id: p.abbreviation for p in catalog.parties.values()}
        self.party_id_of: dict[str, str] = {}
        for party in catalog.parties.values():  # "Lab": Labour, not Labour and Co-operative
            if party.abbreviation and party.abbreviation not in self.party_id_of:
                self.party_id_of[party.abbreviation] = party.id

    def answer(self, question: NightQuestion, night: NightResults) -> Answer:
        composers: dict[NightAsk, Callable[[NightQuestion, NightResults], Answer]] = {
            NightAsk.SEAT: self._seat_state,
            NightAsk.WHEN: self._seat_state,
            NightAsk.FOLLOW: self._seat_state,
            NightAsk.PARTY_SEATS: self._party_seats,
            NightAsk.COUNTS: self._counts,
            NightAsk.STILL_TO_DECLARE: self._still_to_declare,
            NightAsk.MAJORITY: self._majority,
            NightAsk.FIRST: self._first,
            NightAsk.LATEST: self._latest,
            NightAsk.TALLY: self._tally,
            NightAsk.CHART: self._tally,
        }
        return composers[question.ask](question, night)

    def seat_answer(self, seat_id: str, night: NightResults) -> Answer | None:
        """One seat as it stands, or None if the night does not have it."""
        seat = night.seats.get(self.ons_of.get(seat_id, ""))
        if seat is None:
            return None
        lines = state_lines(seat, night, with_candidates=False)
        blocks: list[Block] = [paragraph(line) for line in lines]
        if seat.counted:
            rows = tuple(
                CandidateRow(c.name, c.party, c.votes, _percent(c.share), place, place == 1)
                for place, c in enumerate(seat.candidates, start=1)
            )
            noted = seat.corrected or seat.stage != Stage.VERIFIED  # its note goes last
            blocks.insert(len(blocks) - noted, CandidateTable(rows))
        blocks.append(paragraph(f"{as_of(night)}."))
        return Answer(Status.ANSWERED, tuple(blocks), headline=lines[0],
                      entities=(Key.of(Kind.SEAT, seat_id),))  # fmt: skip

    # --- one seat ---------------------------------------------------------------------

    def _seat_state(self, question: NightQuestion, night: NightResults) -> Answer:
        seat_ids = self._seats_of(question)
        if len(seat_ids) == 1:
            answer = self.seat_answer(seat_ids[0], night)
            if answer is not None:
                return answer
        if len(seat_ids) > 1:
            return self._which_seat(seat_ids)
        return Answer(Status.NOT_FOUND, (paragraph("Which seat? Ask about one by its name."),))

    def _seats_of(self, question: NightQuestion) -> list[str]:
        """The seats a name could mean: a seat, a town's seats, or a surname that is also a
        place in seats' names ("Sunderland")."""
        seats = [key.id for key in question.keys_of(Kind.SEAT)]
        for key in question.keys_of(Kind.PLACE):
            seats += list(self.catalog.places[key.id].seats)
        if not seats:
            for mention in question.subjects:
                word = mention.text.casefold()
                seats += [
                    s.id for s in self.catalog.seats.values() if word in s.name.casefold().split()
                ]
        return list(dict.fromkeys(seats))

    def _which_seat(self, seat_ids: list[str]) -> Answer:
        options = tuple(Option(Key.of(Kind.SEAT, s), self.catalog.seats[s].name) for s in seat_ids)
        names = BulletList(tuple(paragraph(o.label) for o in options[:LIST_LENGTH]))
        return Answer(
            Status.CLARIFY,
            (paragraph(f"That could be {len(seat_ids)} seats. Which one?"), names),
            headline="Which seat?",
            options=options[:LIST_LENGTH],
        )

    # --- the parties ------------------------------------------------------------------

    def _party_seats(self, question: NightQuestion, night: NightResults) -> Answer:
        parties = question.keys_of(Kind.PARTY)
        if len(parties) != 1:
            return self._tally(question, night)
        abbreviation = self.abbreviation_of.get(parties[0].id) or ""
        name = self.catalog.parties[parties[0].id].name
        won = night.seats_won()[abbreviation]
        declared = len(night.order)
        lead = f"{name} has won {won} of the {declared} seats declared so far."
        blocks = [paragraph(lead)]
        gains = sum(
            1
            for s in night.declared
            if s.gained and s.winner and s.winner.party_abbreviation == abbreviation
        )
        if won:
            gained = "is a gain" if gains == 1 else "are gains"
            blocks.append(paragraph(f"Of those, {gains} {gained}."))
        waiting = COMMONS_SEATS - declared
        blocks.append(paragraph(f"{as_of(night)}: {waiting} seats still to declare."))
        return Answer(Status.ANSWERED, tuple(blocks), headline=lead, entities=tuple(parties))

    def _tally(self, question: NightQuestion, night: NightResults) -> Answer:
        declared = len(night.order)
        if not declared:
            lead = "No seat has declared yet."
            return Answer(Status.ANSWERED, (paragraph(lead), paragraph(f"{as_of(night)}.")), lead)
        lead = f"After {declared} of {COMMONS_SEATS} seats: {tally(night)}."
        return Answer(
            Status.ANSWERED,
            (paragraph(lead), paragraph(f"{as_of(night)}.")),
            headline=lead,
            chart=self._commons(night),
        )

    def _commons(self, night: NightResults) -> SeatsChart:
        """The Commons so far: each party's seats in its colour, the undeclared grey."""
        parties = tuple(
            Bar(night.party_name(abbreviation), "", self.party_id_of.get(abbreviation), seats)
            for abbreviation, seats in night.seats_won().most_common()
        )
        waiting = COMMONS_SEATS - len(night.order)
        if waiting:
            parties += (Bar("Not declared yet", "", None, waiting),)
        return SeatsChart(
            title=f"The Commons after {len(night.order)} of {COMMONS_SEATS} declarations",
            parties=parties,
            total=COMMONS_SEATS,
            majority=MAJORITY_LINE,
            small_print=f"{as_of(night)}. Results as published on the night.",
        )

    def _majority(self, question: NightQuestion, night: NightResults) -> Answer:
        reached = night.majority_won_by()
        parties = question.keys_of(Kind.PARTY)
        asked = self.abbreviation_of.get(parties[0].id) if parties else None
        if reached is not None and (asked is None or asked == reached[0]):
            party, seat = reached
            when = f" at {clock(seat.declared_at)}" if seat.declared_at else ""
            lead = (f"Yes: {night.party_name(party)} passed {MAJORITY_LINE} seats, a majority, "
                    f"with {seat.name}{when}.")  # fmt: skip
        else:
            won = night.seats_won()
            leader = night.leader()
            if asked is not None:
                have = won[asked]
                lead = (f"No: {night.party_name(asked)} has {have} seats; a majority is "
                        f"{MAJORITY_LINE}, {MAJORITY_LINE - have} more.")  # fmt: skip
            elif leader is not None:
                lead = (f"No: {night.party_name(leader[0])} leads with {leader[1]} seats; a "
                        f"majority is {MAJORITY_LINE}.")  # fmt: skip
            else:
                lead = f"No: no party has a majority ({MAJORITY_LINE} seats) yet."
        blocks = (paragraph(lead), paragraph(f"{as_of(night)}: {len(night.order)} of "
                                             f"{COMMONS_SEATS} seats declared."))  # fmt: skip
        return Answer(Status.ANSWERED, blocks, headline=lead)

    # --- which seats ------------------------------------------------------------------

    def _counts(self, question: NightQuestion, night: NightResults) -> Answer:
        declared = len(night.order)
        lead = (f"{COMMONS_SEATS - declared} of {COMMONS_SEATS} seats are still to declare; "
                f"{declared} have declared.")  # fmt: skip
        return Answer(Status.ANSWERED, (paragraph(lead), paragraph(f"{as_of(night)}.")), lead)

    def _still_to_declare(self, question: NightQuestion, night: NightResults) -> Answer:
        places = question.keys_of(Kind.PLACE)
        waiting = night.still_to_declare()
        where = ""
        if places:
            place = self.catalog.places[places[0].id]
            ons = {self.ons_of.get(s) for s in place.seats}
            waiting = [s for s in waiting if s.ons_id in ons]
            where = f" in {place.name}"
        if not waiting:
            lead = f"Every seat{where} has declared."
            return Answer(Status.ANSWERED, (paragraph(lead), paragraph(f"{as_of(night)}.")), lead)
        lead = f"{len(waiting)} seat{'s' if len(waiting) > 1 else ''}{where} still to declare:"
        return self._listed(lead, waiting, night, lambda s: paragraph(bold(s.name)))

    def _first(self, question: NightQuestion, night: NightResults) -> Answer:
        if not night.order:
            lead = "No seat has declared yet."
            return Answer(Status.ANSWERED, (paragraph(lead), paragraph(f"{as_of(night)}.")), lead)
        first = night.declared[0]
        at = f", at {clock(first.declared_at)}" if first.declared_at else ""
        lead = f"The first seat to declare was {first.name}{at}: {winner_line(first, night)}"
        return self._listed(lead, night.declared[:LIST_LENGTH], night, self._declared_item)

    def _latest(self, question: NightQuestion, night: NightResults) -> Answer:
        if not night.order:
            lead = "No seat has declared yet."
            return Answer(Status.ANSWERED, (paragraph(lead), paragraph(f"{as_of(night)}.")), lead)
        latest = list(reversed(night.declared))
        lead = f"The latest: {winner_line(latest[0], night)}"
        return self._listed(lead, latest[:LIST_LENGTH], night, self._declared_item)

    def _declared_item(self, seat: NightSeat) -> Paragraph:
        when = f"{clock(seat.declared_at)} " if seat.declared_at else ""
        assert seat.winner is not None
        return paragraph(when, bold(seat.name), f": {seat.winner.name} ({seat.winner.party})")

    def _listed(
        self,
        lead: str,
        seats: list[NightSeat],
        night: NightResults,
        item: Callable[[NightSeat], Paragraph],
    ) -> Answer:
        shown = seats[:LIST_LENGTH]
        blocks: list[Block] = [paragraph(lead), BulletList(tuple(item(s) for s in shown))]
        if len(seats) > LIST_LENGTH:
            blocks.append(paragraph(f"And {len(seats) - LIST_LENGTH} more."))
        blocks.append(paragraph(f"{as_of(night)}."))
        return Answer(Status.ANSWERED, tuple(blocks), headline=lead)


def _percent(share: float | None) -> float | None:
    return None if share is None else round(100 * share, 1)
