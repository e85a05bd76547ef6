"""Answers about the night so far, from one NightResults: each says the moment it is true of.

A seat as it stands (with its candidates before it declares), a person's seat (has Farage
won), a party's seats so far (won, gained, lost, held; in a place), every party's tally, the
seats still to declare, the first and latest results, the closest and biggest majorities.
"""

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
from bot.engine.model.chart_data import Bar, BarChart, SeatsChart
from bot.engine.model.keys import Key, Kind
from bot.engine.night.charts import seat_chart
from bot.engine.night.following import stood_in
from bot.engine.night.reading import NightAsk, NightQuestion, Outcome
from bot.engine.night.results import (
    COMMONS_SEATS,
    MAJORITY_LINE,
    NightResults,
    NightSeat,
    Stage,
)
from bot.engine.night.so_far import (
    LIST_LENGTH,
    listed,
    majorities,
    party_seats,
    place_tally,
    whole_tally,
    winner_item,
)
from bot.engine.night.wording import (
    VOTES_NOT_OUT,
    as_of,
    clock,
    figure_as_published,
    outcome,
    state_lines,
    winner_line,
)
from bot.engine.results.catalog import Catalog

NOT_DECLARED = "not-declared"  # the chart's pale grey for seats still to declare


class NightAnswers:
    """The night's questions over the catalog's seats, parties and places (by key) and the
    night's seats (by ONS ID)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.ons_of = {seat.id: seat.ons_id for seat in catalog.seats.values() if seat.ons_id}
        self._stood = stood_in(catalog)  # once: every answer during a night may ask it
        self.abbreviation_of = {p.id: p.abbreviation for p in catalog.parties.values()}
        self.party_id_of: dict[str, str] = {}
        for party in catalog.parties.values():  # "Lab": Labour, not Labour and Co-operative
            if party.abbreviation and party.abbreviation not in self.party_id_of:
                self.party_id_of[party.abbreviation] = party.id

    def answer(
        self, question: NightQuestion, night: NightResults, there: str | None = None
    ) -> Answer:
        """`there`: the seat the conversation is about ("who's standing there")."""
        composers: dict[NightAsk, Callable[[NightQuestion, NightResults], Answer]] = {
            NightAsk.PERSON: self._person,
            NightAsk.PARTY_SEATS: self._party_seats,
            NightAsk.COUNTS: self._counts,
            NightAsk.STILL_TO_DECLARE: self._still_to_declare,
            NightAsk.MAJORITY: self._majority,
            NightAsk.FIRST: self._first,
            NightAsk.LATEST: self._latest,
            NightAsk.CLOSEST: lambda q, n: majorities(n, q.biggest),
            NightAsk.TALLY: self._tally,
            NightAsk.CHART: self._tally,
        }
        if question.ask in composers:
            return composers[question.ask](question, night)
        return self._seat_state(question, night, there)

    def seat_chart(self, seat: NightSeat, night: NightResults) -> BarChart | None:
        """The declared seat's chart as the night has it (an alert's picture)."""
        return seat_chart(seat, night, self.party_id_of)

    def seat_answer(
        self, seat_id: str, night: NightResults, figure: str | None = None
    ) -> Answer | None:
        """One seat as it stands, or None if the night does not have it. Asked for a figure
        ("its majority") it has not published, it says so first."""
        seat = night.seats.get(self.ons_of.get(seat_id, ""))
        if seat is None:
            return None
        lines = state_lines(seat, night, with_candidates=False)
        if figure is not None and seat.declared and not seat.counted:
            first = f"The {figure} in {seat.name} is not yet published: its votes are not out."
            if figure == "votes":
                first = f"The votes in {seat.name} are not yet published."
            lines = [first, *(line for line in lines if line != VOTES_NOT_OUT)]
        elif figure is not None and seat.counted and seat.figures is not None:
            lines = [figure_as_published(seat, figure), *lines]
        blocks: list[Block] = [paragraph(line) for line in lines]
        if seat.counted:
            rows = tuple(
                CandidateRow(c.name, c.party, c.votes, _percent(c.share), place, place == 1)
                for place, c in enumerate(seat.candidates, start=1)
            )
            noted = seat.corrected or seat.stage != Stage.VERIFIED  # its note goes last
            blocks.insert(len(blocks) - noted, CandidateTable(rows))
        elif not seat.declared and seat.candidates:
            blocks.append(BulletList(tuple(
                paragraph(c.name, f" ({c.party})")
                for c in sorted(seat.candidates, key=lambda c: c.name.split()[-1])
            )))  # fmt: skip
        blocks.append(paragraph(f"{as_of(night)}."))
        return Answer(Status.ANSWERED, tuple(blocks), headline=lines[0],
                      entities=(Key.of(Kind.SEAT, seat_id),),
                      chart=seat_chart(seat, night, self.party_id_of))  # fmt: skip

    # --- one seat ---------------------------------------------------------------------

    def _seat_state(
        self, question: NightQuestion, night: NightResults, there: str | None
    ) -> Answer:
        named = self._seats_of(question)
        # "there" only when the question names nothing: a name never means the last seat
        seat_ids = named or ([there] if there and not question.subjects else [])
        if len(seat_ids) > 1:
            return self._which_seat(seat_ids, question)
        answer = self.seat_answer(seat_ids[0], night) if seat_ids else None
        if answer is None:
            return Answer(Status.NOT_FOUND, (paragraph("Which seat? Ask about one by its name."),))
        if question.ask is NightAsk.WHEN:
            seat = night.seats[self.ons_of[seat_ids[0]]]
            if seat.declared_at is not None:
                lead = (f"{seat.name}’s result came in at {clock(seat.declared_at)} (the time it "
                        "reached the results feed).")  # fmt: skip
                return Answer(Status.ANSWERED, (paragraph(lead), *answer.blocks), lead,
                              answer.entities)  # fmt: skip
        return answer

    def seats_of_person(self, person_key: str) -> list[str]:
        """The 2024 seats a person stood in (one, for all but a few)."""
        return self._stood.get(person_key.partition(":")[2], [])

    def _ons_in(self, place_id: str) -> set[str | None]:
        return {self.ons_of.get(s) for s in self.catalog.places[place_id].seats}

    def _seats_of(self, question: NightQuestion) -> list[str]:
        """The seats a name could mean: a seat, a town's seats, a person's seat, or a surname
        that is also a place in seats' names ("Sunderland")."""
        seats = [key.id for key in question.keys_of(Kind.SEAT)]
        for key in question.keys_of(Kind.PLACE):
            seats += list(self.catalog.places[key.id].seats)
        for key in question.keys_of(Kind.PERSON):
            seats += self.seats_of_person(key)
        if not seats or (len(question.subjects) == 1 and question.subjects[0].ambiguous):
            for mention in question.subjects:
                word = mention.text.casefold()
                seats += [
                    s.id for s in self.catalog.seats.values() if word in s.name.casefold().split()
                ]
        return list(dict.fromkeys(seats))

    def _which_person(self, people: list[Key]) -> Answer:
        """ "has Corbyn won": which of them, by full name and where they stood."""
        if not people:
            return Answer(Status.NOT_FOUND, (paragraph("Who? Ask about one candidate."),))
        names = BulletList(tuple(
            paragraph(self.catalog.people[p.id].name, "".join(
                f" ({self.catalog.seats[s].name})" for s in self.seats_of_person(p)[:1]))
            for p in people[:LIST_LENGTH]
        ))  # fmt: skip
        lead = f"That could be {len(people)} candidates. Ask again with the full name:"
        return Answer(Status.NOT_FOUND, (paragraph(lead), names), headline="Which one?")

    def _which_seat(self, seat_ids: list[str], question: NightQuestion) -> Answer:
        stood = {s: self.catalog.people[k.id].name for k in question.keys_of(Kind.PERSON)
                 for s in self.seats_of_person(k)}  # fmt: skip
        options = tuple(
            Option(Key.of(Kind.SEAT, s), self.catalog.seats[s].name
                   + (f" (where {stood[s]} stood)" if s in stood else ""))
            for s in seat_ids
        )  # fmt: skip
        names = BulletList(tuple(paragraph(o.label) for o in options[:LIST_LENGTH]))
        return Answer(
            Status.CLARIFY,
            (paragraph(f"That could be {len(seat_ids)} seats. Which one?"), names),
            headline="Which seat?",
            options=options[:LIST_LENGTH],
        )

    def _person(self, question: NightQuestion, night: NightResults) -> Answer:
        """ "has Farage won", "has Davey held Kingston": Yes or No once the seat declares."""
        people = question.keys_of(Kind.PERSON)
        named = [k.id for k in question.keys_of(Kind.SEAT)]
        if len(people) > 1 and named:  # "did corbyn win islington north": the one who stood
            people = [p for p in people if set(self.seats_of_person(p)) & set(named)] or people
        if len(people) != 1:
            return self._which_person(people)
        person = self.catalog.people[people[0].id]
        stood = self.seats_of_person(people[0])
        if len(stood) != 1:
            return Answer(
                Status.NOT_FOUND, (paragraph(f"I don’t know where {person.name} stood."),)
            )
        if named and stood[0] not in named:  # "did Farage win Leicester South"
            there = self.catalog.seats[named[0]].name
            lead = (f"No: {person.name} is not standing in {there}; "
                    f"{self.catalog.seats[stood[0]].name} is where they stand.")  # fmt: skip
            return Answer(Status.ANSWERED, (paragraph(lead), paragraph(f"{as_of(night)}.")),
                          lead, (people[0],))  # fmt: skip
        card = self.seat_answer(stood[0], night)
        seat = night.seats.get(self.ons_of.get(stood[0], ""))
        if card is None or seat is None or seat.winner is None:
            return card or Answer(Status.NOT_FOUND, (paragraph("Not in the results feed."),))
        won = seat.winner.dc_id == person.dc_id if person.dc_id else seat.winner.name == person.name
        held = won and " hold" in f" {seat.result}"
        if question.outcome is Outcome.LOST:
            yes = not won
        else:
            yes = held if question.outcome is Outcome.HELD else won
        if won and question.outcome is Outcome.HELD and not held:
            said = f"{person.name} won {seat.name}, but as a {outcome(seat, night)}, not a hold"
        elif won:
            said = f"{person.name} won {seat.name}"
        else:
            said = f"{person.name} lost {seat.name} to {seat.winner.name} ({seat.winner.party})"
        lead = f"{'Yes' if yes else 'No'}: {said}."
        return Answer(Status.ANSWERED, (paragraph(lead), *card.blocks), lead,
                      (people[0], *card.entities))  # fmt: skip

    # --- the parties ------------------------------------------------------------------

    def _in_place(
        self, question: NightQuestion, night: NightResults
    ) -> tuple[list[NightSeat], str, int]:
        """The declared seats of the place asked about (all, if none), its name, its size."""
        places = question.keys_of(Kind.PLACE)
        if not places:
            return night.declared, "", COMMONS_SEATS
        place = self.catalog.places[places[0].id]
        ons = self._ons_in(place.id)
        return [s for s in night.declared if s.ons_id in ons], f" in {place.name}", len(ons)

    def _party_seats(self, question: NightQuestion, night: NightResults) -> Answer:
        parties = question.keys_of(Kind.PARTY)
        if len(parties) != 1:
            return self._tally(question, night)
        seats, where, _ = self._in_place(question, night)
        abbreviation = self.abbreviation_of.get(parties[0].id) or ""
        name = self.catalog.parties[parties[0].id].name
        return party_seats(name, abbreviation, question.outcome, seats, where, night,
                           (parties[0],))  # fmt: skip

    def _tally(self, question: NightQuestion, night: NightResults) -> Answer:
        seats, where, in_place = self._in_place(question, night)
        if where:
            return place_tally(seats, in_place, where, night)
        lead = whole_tally(night)
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
            parties += (Bar("Not declared yet", "", NOT_DECLARED, waiting),)
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
        won = night.seats_won()
        if reached is not None:
            party, seat = reached
            when = f" at {clock(seat.declared_at)}" if seat.declared_at else ""
            passed = (f"{night.party_name(party)} passed {MAJORITY_LINE} seats, a majority, "
                      f"with {seat.name}{when}")  # fmt: skip
            if asked is not None and asked != party:
                lead = f"No: {night.party_name(asked)} has {won[asked]} seats; {passed}."
            elif question.opening == "how many":
                lead = f"None: {passed}."
            else:
                plainly = question.opening in {"when", "who"}
                lead = f"{passed}." if plainly else f"Yes: {passed}."
        elif asked is not None:
            have = won[asked]
            more = f"{night.party_name(asked)} has {have} seats; a majority is {MAJORITY_LINE}"
            left = COMMONS_SEATS - len(night.order)
            # "did Labour win a majority" mid-night: not yet, unless it no longer can
            verdict = "Not yet" if have + left >= MAJORITY_LINE else "No"
            out_of_reach = f", and only {left} seats are left to declare" if verdict == "No" else ""
            lead = (f"{MAJORITY_LINE - have} more: {more}." if question.opening == "how many"
                    else f"{'No majority yet' if question.opening == 'when' else verdict}: "
                    f"{more}, {MAJORITY_LINE - have} more{out_of_reach}.")  # fmt: skip
        else:
            leader = night.leader()
            no = "No one yet" if question.opening == "who" else "No"  # "who won the election"
            if leader is not None:
                lead = (f"{no}: {night.party_name(leader[0])} leads with {leader[1]} seats; a "
                        f"majority is {MAJORITY_LINE}.")  # fmt: skip
            else:
                lead = f"{no}: no party has a majority ({MAJORITY_LINE} seats) yet."
        blocks = (paragraph(lead), paragraph(f"{as_of(night)}: {len(night.order)} of "
                                             f"{COMMONS_SEATS} seats declared."))  # fmt: skip
        return Answer(Status.ANSWERED, blocks, headline=lead)

    # --- which seats ------------------------------------------------------------------

    def _counts(self, question: NightQuestion, night: NightResults) -> Answer:
        declared = len(night.order)
        lead = (f"{COMMONS_SEATS - declared} of {COMMONS_SEATS} seats are still to declare; "
                f"{declared} have declared.")  # fmt: skip
        return listed(lead, [], night, winner_item(night))

    def _still_to_declare(self, question: NightQuestion, night: NightResults) -> Answer:
        places = question.keys_of(Kind.PLACE)
        waiting = night.still_to_declare()
        where = ""
        if places:
            place = self.catalog.places[places[0].id]
            ons = self._ons_in(place.id)
            waiting = [s for s in waiting if s.ons_id in ons]
            where = f" in {place.name}"
        if not waiting:
            return listed(f"Every seat{where} has declared.", [], night, winner_item(night))
        lead = f"{len(waiting)} seat{'s' if len(waiting) > 1 else ''}{where} still to declare:"
        return listed(lead, waiting, night, lambda s: paragraph(bold(s.name)))

    def _first(self, question: NightQuestion, night: NightResults) -> Answer:
        if not night.order:
            return listed("No seat has declared yet.", [], night, winner_item(night))
        first = night.declared[0]
        at = f", at {clock(first.declared_at)}" if first.declared_at else ""
        lead = f"The first seat to declare was {first.name}{at}: {winner_line(first, night)}"
        return listed(lead, night.declared, night, self._declared_item)

    def _latest(self, question: NightQuestion, night: NightResults) -> Answer:
        if not night.order:
            return listed("No seat has declared yet.", [], night, winner_item(night))
        latest = list(reversed(night.declared))
        lead = f"The latest: {winner_line(latest[0], night)}"
        return listed(lead, latest, night, self._declared_item)

    def _declared_item(self, seat: NightSeat) -> Paragraph:
        when = f"{clock(seat.declared_at)} " if seat.declared_at else ""
        assert seat.winner is not None
        return paragraph(when, bold(seat.name), f": {seat.winner.name} ({seat.winner.party})")


def _percent(share: float | None) -> float | None:
    return None if share is None else round(100 * share, 1)
