"""Questions across elections, between reading and answering: which elections and subjects a
question (or the conversation it follows) is about, the answer from the earlier elections
(answers/history/) or from one earlier general election computed by the one evaluator, and
the "Since then" line under a 2024 answer about a seat that has had a by-election since.

The engine asks here first; None means the question is about the 2024 results alone."""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property

from bot.engine.across_computed import ComputedAcross, beyond_totals, computed_over_rows
from bot.engine.across_subjects import NamedAcross, unnamed, yes_no
from bot.engine.answers import lists
from bot.engine.answers.history.asked import NOT_YET, across_elections, one_at_a_time
from bot.engine.answers.history.seats import since_then
from bot.engine.conversation import Conversation
from bot.engine.model.answer import Answer, Status, paragraph
from bot.engine.model.ask import Ask, Measure
from bot.engine.model.keys import Key, Kind
from bot.engine.model.query import Query
from bot.engine.results.catalog import Catalog, person_key, seat_key
from bot.engine.results.elections import Elections
from bot.engine.understanding.elections import (
    ELECTION_YEAR,
    ElectionsAsked,
    Question,
    Subjects,
    elections_asked,
    measure_of,
)
from bot.engine.understanding.index import Mention, Resolution
from bot.engine.understanding.intents import Intent, Reading
from bot.engine.understanding.parsed import Parsed
from bot.engine.understanding.reader import read_words
from bot.engine.understanding.text import phrase
from bot.engine.understanding.vocabulary import is_year
from knowledge.schema import FormerSeat

# Words asking for a change on the notional 2019 results, not each election's figures.
_CHANGING = frozenset(
    "lose lost gain gained gains change changed compared compare swing fall fell rise rose "
    "than vs versus held hold kept up down".split()
)
# What a fragment asks of the one result asked about last: "who came second?", "turnout?"
_OF_ONE_RESULT = frozenset(
    {None, Intent.PLACE, Intent.MAJORITY, Intent.TURNOUT, Intent.FINISH, Intent.WINNER,
     Intent.VOTES, Intent.SHARE, Intent.LOST}
)  # fmt: skip
# Words that point back at what was asked last: its year and subject are kept.
_POINTING = frozenset(
    {"they", "them", "their", "he", "she", "his", "her", "him", "it", "there", "ones", "those"}
)
# About the bot or the last answer, never about an election: "source", "help".
_ABOUT_THE_BOT = frozenset({Intent.SOURCE, Intent.HELP, Intent.COVERAGE})


class AcrossElections:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.named = NamedAcross(catalog)
        self.computed = ComputedAcross(catalog, lambda: self.elections)

    @cached_property
    def elections(self) -> Elections:
        """Every election's results, built on the first question across elections."""
        return Elections(self.catalog)

    def answer(
        self,
        resolution: Resolution,
        reading: Reading,
        former: FormerSeat | None,
        conversation: Conversation,
    ) -> Answer | None:
        """The answer from the elections before 2024 and the by-elections since, where the
        question asks about them (or follows one that did); None: the 2024 results answer."""
        if reading.intent in _ABOUT_THE_BOT or "notional" in resolution.words:
            return None  # "notional 2019": the 2024 seats' figures, never the old seats'
        asked = elections_asked(resolution.words)
        if not self._maybe_across(resolution, asked, conversation):
            return None  # most questions: 2024's, decided without reading them again
        # Read once here, for every part below: the Ask is made whatever the year asked
        parsed = read_words(resolution, any_year=True)
        notional = parsed.since_2019 and 2019 in asked.years and set(asked.years) <= {2019, 2024}
        if notional and not (asked.by_election or _a_trend_since(resolution.words)):
            return None  # "lost in 2024 compared with 2019": the notional 2019 results
        asked, subjects = self._followed(resolution, reading, former, conversation, asked)
        now = asked.now and bool(subjects.seat or subjects.person)  # "is Starmer still an MP"
        if not (asked.earlier or now or self._earlier_only(subjects)):
            return None
        old = self.named.old_seat(resolution) if subjects.seat in self.named.old_seat_ids else None
        unsure = [
            m for m in (*resolution.mentions, *resolution.doubtful)
            if (m.ambiguous or m in resolution.doubtful)
            and not (old and old[2].start <= m.start and m.end <= old[2].stop)
        ]  # fmt: skip
        if former is None and unsure:
            choice = self._which_person(unsure[0], reading, asked)  # "which Mike Wood?"
            if choice is not None:  # kept, so a reply of a name or a number is the choice
                conversation.remember(reading, choice)
            return choice
        if subjects.several:  # "who won Clacton and Islington North in 2019"
            return one_at_a_time()
        answer, computed = self._answered(
            resolution, parsed, reading, asked, subjects, conversation
        )
        if answer is None:
            return None
        if answer.status is Status.ANSWERED and asked.year is not None and former is None:
            answer = replace(answer, query=_replayable(reading, asked, subjects))
        stray = self._stray_words(resolution, parsed, asked, former)
        if stray and answer.status is Status.ANSWERED and not (subjects.seat or subjects.person):
            # "Labour's majority in Barrow in 2017": the unknown word may be what it is about,
            # so the country's figure is no answer
            return _unknown(stray)
        if stray and answer.status is Status.ANSWERED:
            left_out = paragraph(f"I don’t know “{' '.join(stray)}”, so this leaves it out:")
            answer = replace(answer, blocks=(left_out, *answer.blocks))
        conversation.remember_across(reading, answer, asked, subjects, computed)
        return answer

    def in_2024(
        self, resolution: Resolution, reading: Reading, conversation: Conversation
    ) -> str | Ask | None:
        """'and in 2024?' after a question about an earlier year: that question about 2024,
        in words the engine answers afresh (or the computed question, for the evaluator);
        None for any other question."""
        last, subjects = conversation.elections, conversation.across
        words = resolution.words
        if last is None or subjects is None or not reading.follow_up:
            return None
        known = {subjects.seat, subjects.person, *subjects.parties}
        if any(m.keys[0].id not in known for m in resolution.mentions):
            return None  # something new named: a question of its own
        if [w for w in words if is_year(w)] != [str(ELECTION_YEAR)]:
            return None
        if conversation.across_ask is not None:
            return conversation.across_ask  # "biggest majority in 2017", then "and in 2024?"
        if subjects.seat and subjects.seat in self.catalog.seats:
            return f"who won {self.catalog.seats[subjects.seat].name}"
        if subjects.person and subjects.person in self.catalog.people:
            return self.catalog.people[subjects.person].name
        parties = [
            self.catalog.parties[p].name for p in subjects.parties if p in self.catalog.parties
        ]
        if parties:
            where = f" in {subjects.place}" if subjects.place else ""
            return f"how many seats did {parties[0]} win{where}"
        return None

    def _which_person(
        self, mention: Mention, reading: Reading, asked: ElectionsAsked
    ) -> Answer | None:
        """Which of the people a name may be, the choice to be answered across elections
        ("Mike Wood's results since 2010": the MP for Dudley, or the MP for Batley and Spen
        before 2024), or which of people and seats ("Sunderland in 2019": James Sunderland,
        Sunderland Central ...); None for anything else unsure, which the usual path asks
        about."""
        people = [k for k in mention.keys if k.is_a(Kind.PERSON)]
        others = [k for k in mention.keys if not k.is_a(Kind.PERSON)]
        if not mention.ambiguous or not people or not all(k.is_a(Kind.SEAT) for k in others):
            return None
        question = replace(
            Query.from_reading(reading, tuple(mention.keys)), year=asked.year, old_seats=True
        )
        return replace(lists.choose(self.catalog, mention.keys, mention.text), query=question)

    def replay(self, query: Query) -> Answer:
        """A button's question about an earlier year, or a person's record, asked again from
        its keys."""
        kinds = {key.partition(":")[0]: key.partition(":")[2] for key in query.keys}
        seat = kinds.get("seat")
        subjects = Subjects(
            seat, self.catalog.seats[seat].name if seat in self.catalog.seats else None,
            kinds.get("person"),
            tuple(k.partition(":")[2] for k in query.keys if k.startswith("party:")),
        )  # fmt: skip
        # The measure a button cannot carry, from the kind of question it can
        words = {Intent.VOTES: ("votes",), Intent.SHARE: ("share",)}
        said = words.get(query.intent, ()) if query.intent else ()
        years = (query.year,) if query.year is not None else ()
        asked = ElectionsAsked(years=years, every=query.year is None)
        question = Question(subjects, asked, query.intent, query.place, query.yes_no, said)
        answer = across_elections(self.elections, question)
        if answer is None:
            return lists.not_found(self.catalog, str(query.year or "that"))
        return replace(answer, query=query) if answer.status is Status.ANSWERED else answer

    def since_then(self, answer: Answer) -> Answer:
        """An answer about one 2024 seat that has had a by-election since says so."""
        seats = [k for k in answer.entities if k.is_a(Kind.SEAT)]
        if answer.status is not Status.ANSWERED or len(set(seats)) != 1:
            return answer
        latest = self.elections.latest_by_election(seats[0].id)
        if latest is None:
            return answer
        said = since_then(self.elections, latest)
        if said in answer.blocks:  # a button's answer, replayed through answer()
            return answer
        return replace(answer, blocks=(*answer.blocks, said))

    def parties_of(self, person_id: str) -> set[str]:
        """Every party a person stood for, at any election held."""
        return self.elections.parties_of(person_id)

    # --- which elections and subjects ----------------------------------------------------------

    def _followed(
        self,
        resolution: Resolution,
        reading: Reading,
        former: FormerSeat | None,
        conversation: Conversation,
        asked: ElectionsAsked,
    ) -> tuple[ElectionsAsked, Subjects]:
        """The elections and subjects asked about, with what a follow-up leaves out taken from
        the conversation: "and in 2010?" keeps the seat, "who came second?" the year too."""
        earlier_year = any(is_year(w) and int(w) < ELECTION_YEAR for w in resolution.words)
        subjects = self.named.subjects(resolution, former, earlier_year or asked.every)
        if reading.refers_to_person and subjects.person is None and conversation.person:
            subjects = replace(subjects, person=Key(conversation.person).id)  # "did she win"
        last = conversation.elections
        words = resolution.words
        # "who won the election" is about the country; "what was the majority" and "when was
        # the by-election" are about what was asked last
        national = reading.national and not asked.by_election and "election" in words
        if last is not None and last.year is not None and _last_time(words):
            # "did she win last time", after 2019: the general election before that one
            earlier = [y for y in self.elections.general_years() if y < last.year]
            if earlier:
                asked = replace(last, years=(earlier[-1],), used=asked.used | _last_time(words))
        that_year = _that_year(words)
        if last is not None and last.years and not asked.years and that_year:
            used = asked.used | that_year
            asked = replace(asked, years=last.years, used=used)  # "any by-elections that year?"
        if last is not None and not (
            asked.years or asked.every or asked.by_election or asked.before_now or asked.now
        ):
            pointing = reading.follow_up or reading.refers_to_seat or reading.refers_to_person
            pointing = pointing or bool(_POINTING & set(words))  # "how many votes did they get"
            # a seat gone in 2024, named in a conversation about by-elections ("by-elections
            # in 2016", "who won batley and spen?"), is that year's by-election
            by_elections_then = former is not None and last.by_election
            # a fragment of what was asked ("who came second?", "turnout?"), not a question
            # complete on its own ("who won the most seats")
            fragment = subjects.empty and not national and reading.intent in _OF_ONE_RESULT
            if pointing or by_elections_then or fragment:
                asked = replace(last, used=asked.used)
        before = conversation.across
        # "by-elections since 2019" is about seats, whatever party was asked about before
        seats_only = asked.by_election and before is not None and before.seat is None
        if last is not None and subjects.empty and not national and not seats_only:
            subjects = before or subjects
        elif (
            before is not None
            and (before.seat or before.place)
            and reading.follow_up
            and _parties_only(subjects)
        ):  # "what about the tories", after a seat or "Labour's seats in Wales"
            subjects = replace(before, parties=subjects.parties)  # "what about the tories"
        elif (
            last is None
            and subjects.empty
            and ((reading.follow_up and asked.earlier) or asked.before_now)
        ):  # "and in 2019?", "who was the MP before", after a 2024 answer
            subjects = self.named.last_subjects(conversation)
        return asked, subjects

    def _maybe_across(
        self, resolution: Resolution, asked: ElectionsAsked, conversation: Conversation
    ) -> bool:
        """Whether the question may be about the earlier elections or the MP now: it names
        them, follows a question that did, or names a person or party of them alone."""
        if asked.earlier or asked.now or asked.before_now or conversation.elections is not None:
            return True
        for mention in resolution.mentions:
            key = mention.keys[0]
            if key.is_a(Kind.PARTY) and key.id not in self.catalog.parties:
                return True
            if key.is_a(Kind.PERSON) and not self.catalog.results_by_person.get(key.id):
                return True
        return False

    def _earlier_only(self, subjects: Subjects) -> bool:
        """A person who stood before 2024 but not in it ("Nick Clegg"), or a party of the
        earlier elections alone ("the Brexit Party")."""
        if any(party not in self.catalog.parties for party in subjects.parties):
            return True
        return (
            subjects.person is not None
            and not self.catalog.results_by_person.get(subjects.person)
            and bool(self.elections.by_person_id.get(f"person:{subjects.person}"))
        )

    def _names_or_points(self, resolution: Resolution, reading: Reading) -> bool:
        """Whether the question names a seat or person, or points back at one ("was it")."""
        named = any(k.kind in {Kind.SEAT, Kind.PERSON} for m in resolution.mentions for k in m.keys)
        pointing = reading.refers_to_seat or reading.refers_to_person
        return named or pointing or self.named.old_seat(resolution) is not None

    @staticmethod
    def _stray_words(
        resolution: Resolution, parsed: Parsed, asked: ElectionsAsked, former: FormerSeat | None
    ) -> list[str]:
        """Words no reading understood, besides those read as elections or a former seat."""
        read_here = {resolution.words[i] for i in asked.used}
        if former is not None:
            read_here |= set(phrase(former.name).split())
        stray = (*resolution.unknown, *parsed.not_understood)
        return list(dict.fromkeys(w for w in stray if w not in read_here))

    # --- answering -----------------------------------------------------------------------------

    def _answered(
        self,
        resolution: Resolution,
        parsed: Parsed,
        reading: Reading,
        asked: ElectionsAsked,
        subjects: Subjects,
        conversation: Conversation,
    ) -> tuple[Answer | None, Ask | None]:
        """The answer, and the question computed for it over one election, if it was."""
        if reading.intent is Intent.DECLARED:  # times the evaluator does not compute
            if reading.place is not None and not self._names_or_points(resolution, reading):
                # "the first seat to declare in 2019", after Clacton: every seat's order alone
                subjects = replace(subjects, seat=None, seat_name=None, person=None)
            question = Question(subjects, asked, reading.intent, reading.place,
                                yes_no(resolution, reading), unnamed(resolution))  # fmt: skip
            return across_elections(self.elections, question), None
        last = conversation.across_ask or computed_over_rows(conversation.ask)
        followed = self.computed.follow_up(last, resolution, parsed) if last else None
        if followed is not None:  # "and in 2010?", "what about the tories", "and the fewest?"
            answer = self.computed.over_one_election(asked, resolution, followed)
            if answer is not None:
                return answer, followed
        if subjects.seat is None and subjects.person is None and not subjects.empty:
            # "how many seats did UKIP come second in in 2015": more than a party's totals
            ask = beyond_totals(parsed.ask)
            answer = self.computed.over_one_election(asked, resolution, ask)
            if answer is not None:
                return answer, ask
        question = Question(
            subjects,
            asked,
            reading.intent,
            reading.place,
            yes_no(resolution, reading),
            unnamed(resolution),
        )
        answer = across_elections(self.elections, question)
        if answer is not None and answer.headline == NOT_YET:  # "biggest majority in 2017"
            computed = self.computed.over_one_election(asked, resolution, parsed.ask)
            if computed is not None:
                return computed, parsed.ask
        return answer, None


def _unknown(stray: list[str]) -> Answer:
    said = (
        f"I don’t know “{' '.join(stray)}”, and the question may be about it: ask with the "
        "seat’s full name, as in “who won Islington North in 2019”."
    )
    return Answer(Status.NOT_FOUND, (paragraph(said),), headline="Not understood")


def _a_trend_since(words: tuple[str, ...]) -> bool:
    """'Labour's share since 2019': its share at each election since, not a change on the
    notional 2019 results ("how many seats did Labour gain since 2019")."""
    return measure_of(words) in {Measure.SHARE, Measure.VOTES} and not _CHANGING & set(words)


def _last_time(words: tuple[str, ...]) -> frozenset[int]:
    """Where 'last time', 'the last election', 'the previous election' stand."""
    return frozenset(
        j
        for i in range(1, len(words))
        if words[i] in {"time", "election"} and words[i - 1] in {"last", "previous"}
        for j in (i - 1, i)
    )


def _that_year(words: tuple[str, ...]) -> frozenset[int]:
    """Where 'that year', 'the same year' stand: the year asked about last."""
    return frozenset(
        j
        for i in range(1, len(words))
        if words[i] == "year" and words[i - 1] in {"that", "same"}
        for j in (i - 1, i)
    )


def _parties_only(subjects: Subjects) -> bool:
    return bool(subjects.parties) and not (subjects.seat or subjects.person or subjects.place)


def _replayable(reading: Reading, asked: ElectionsAsked, subjects: Subjects) -> Query:
    """The question as a button carries it: its kind, its keys and the year's own results."""
    keys = (
        *((seat_key(subjects.seat),) if subjects.seat else ()),
        *((person_key(subjects.person),) if subjects.person else ()),
        *(f"party:{party}" for party in subjects.parties),
    )
    return replace(Query.from_reading(reading, keys), year=asked.year, old_seats=True)
