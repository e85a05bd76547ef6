"""What one conversation remembers between questions, so follow-ups work.

Fixed-size by design: the focus (last person, last seat), the last reading, an open
"which one?" and the last answer's sources. One per chat; nothing grows with its length.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.engine.model.answer import Answer, Source, Status
from bot.engine.model.ask import Ask
from bot.engine.model.keys import Key, Kind
from bot.engine.model.query import Query
from bot.engine.night.reading import NightQuestion
from bot.engine.understanding.elections import ElectionsAsked, Subjects
from bot.engine.understanding.intents import Intent, Reading


@dataclass(frozen=True)
class Pending:
    """An open clarify question: the options offered and what was being asked."""

    keys: tuple[Key, ...]
    query: Query


QUALIFIER_KINDS = frozenset({Kind.PARTY, Kind.PLACE})


@dataclass
class Conversation:
    person: str | None = None
    seat: str | None = None
    reading: Reading | None = None
    pending: Pending | None = None
    sources: tuple[Source, ...] = ()
    # The party and place the last answer was about: "Labour in Wales" then "and Scotland?"
    qualifiers: tuple[Key, ...] = ()
    # The last computed question ("which Labour MPs have majorities under 1,000"), so "and
    # Scotland?" asks it again there.
    ask: Ask | None = None
    # What the last answered question was read as, whoever answered it: "how many of them
    # were women" narrows those rows.
    rows: Ask | None = None
    # The elections and subjects the last answer across elections was about: "and in 2010?"
    # asks it again for 2010, "and Blackburn?" for Blackburn in the same year.
    elections: ElectionsAsked | None = None
    across: Subjects | None = None
    # The question computed over an earlier election's results: "and in 2010?" asks it again
    across_ask: Ask | None = None
    # The last question about an election night so far: "and in Wales?" asks it there
    night: NightQuestion | None = None

    def remember(
        self, reading: Reading, answer: Answer, ask: Ask | None = None, rows: Ask | None = None
    ) -> None:
        if answer.status is Status.CLARIFY:
            asked = answer.query or Query.from_reading(reading, ())
            self.pending = Pending(tuple(o.key for o in answer.options), asked)
            self.sources = answer.sources  # "source" now means this answer's, or none
            if len(answer.options) == 1 and answer.options[0].key.is_a(Kind.SEAT):
                self.seat = answer.options[0].key  # "Dudley North" is all in Dudley: "there"
            return
        self.pending = None
        if answer.status is not Status.ANSWERED:
            return
        self.elections = self.across = self.across_ask = None
        self.ask = ask
        self.rows = rows
        about = tuple(Key(k) for k in answer.query.keys) if answer.query else ()
        qualifiers = tuple(k for k in about if k.kind in QUALIFIER_KINDS)
        self.qualifiers = qualifiers
        ranked = reading.intent is Intent.RANKING
        if qualifiers and len(qualifiers) == len(about) and not ranked:
            # A summary of a party or a place: the seats it lists are not "there". A ranking's
            # first seat is what it answered ("smallest majority in Scotland", then "there").
            return self._remember_reading(reading, answer)
        people = [key for key in answer.entities if key.is_a(Kind.PERSON)]
        seats = [key for key in answer.entities if key.is_a(Kind.SEAT)]
        if len(seats) > 1 and not ranked:
            # A list of seats ("which seats changed hands"): no one of them is "there", and
            # "what about Reform" is not about its first seat or its winner.
            self.seat = self.person = None
            return self._remember_reading(reading, answer)
        if people:
            self.person = people[0]
        if seats:
            self.seat = seats[0]
        self._remember_reading(reading, answer)

    def remember_across(
        self,
        reading: Reading,
        answer: Answer,
        asked: ElectionsAsked,
        subjects: Subjects,
        computed: Ask | None = None,
    ) -> None:
        """An answer across elections: its elections, subjects and the question computed
        (if one was) are kept for follow-ups. The reading is kept without its year: 2024's
        follow-ups ("and the greens in 2024") must not inherit an earlier one."""
        self.remember(replace(reading, year=None), answer)
        if answer.status is Status.ANSWERED:
            self.elections, self.across, self.across_ask = asked, subjects, computed

    def _remember_reading(self, reading: Reading, answer: Answer) -> None:
        if reading.intent is not None:
            self.reading = reading
        if answer.sources:
            self.sources = answer.sources
