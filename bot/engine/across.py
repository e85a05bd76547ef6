"""Questions across elections, between reading and answering: which elections and subjects a
question (or the conversation it follows) is about, the answer from the earlier elections
(answers/history/) or from one earlier general election computed by the one evaluator, and
the "Since then" line under a 2024 answer about a seat that has had a by-election since.

The engine asks here first; None means the question is about the 2024 results alone."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from functools import cached_property

from bot.engine.answers import lists
from bot.engine.answers.computed.evaluate import Evaluator
from bot.engine.answers.history.asked import NOT_YET, across_elections, one_at_a_time
from bot.engine.answers.history.seats import since_then
from bot.engine.conversation import Conversation
from bot.engine.model.answer import Answer, BulletList, Paragraph, Span, Status, paragraph
from bot.engine.model.ask import Ask, Measure, Operation, Selection
from bot.engine.model.keys import Key, Kind
from bot.engine.model.query import Query
from bot.engine.results.catalog import Catalog, party_key, person_key, seat_key
from bot.engine.results.elections import Elections
from bot.engine.results.one_election import election_knowledge
from bot.engine.routing import follow_up_ask, ranked_again, referenced_keys
from bot.engine.understanding.elections import (
    ELECTION_YEAR,
    ElectionsAsked,
    Question,
    Subjects,
    elections_asked,
    measure_of,
)
from bot.engine.understanding.index import Entity, Mention, Resolution
from bot.engine.understanding.intents import Intent, Reading
from bot.engine.understanding.places import Level
from bot.engine.understanding.reader import read_words
from bot.engine.understanding.text import phrase
from bot.engine.understanding.vocabulary import is_year
from knowledge.ids import slug
from knowledge.schema import FormerSeat, Knowledge

# Measures that are changes on the notional 2019 results, which only 2024's results have.
_AGAINST_2019 = frozenset({Measure.CHANGE, Measure.SWING})
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
_POINTING = frozenset({"they", "them", "their", "he", "she", "his", "her", "him", "it", "there"})
# About the bot or the last answer, never about an election: "source", "help".
_ABOUT_THE_BOT = frozenset({Intent.SOURCE, Intent.HELP, Intent.COVERAGE})


# A party that stood only before 2024 is named in questions if it won a seat or stood this
# many candidates at one general election (the Brexit Party, the BNP, Respect), as 2024's are.
KNOWN_EARLIER_PARTY = 50


def earlier_parties(knowledge: Knowledge) -> list[Entity]:
    """The parties of the earlier elections people name: "the Brexit Party", "BNP"."""
    earlier = {party.id: party for party in knowledge.history_parties}
    standing: Counter[tuple[str, str]] = Counter()
    won: set[str] = set()
    for contest in knowledge.contests:
        for place, candidacy in enumerate(contest.candidates):
            if candidacy.party in earlier:
                standing[(candidacy.party, contest.election)] += 1
                if place == 0:
                    won.add(candidacy.party)
    known = won | {party for (party, _), count in standing.items() if count >= KNOWN_EARLIER_PARTY}
    return [
        Entity(
            party_key(party.id),
            Kind.PARTY,
            party.name,
            (*party.aliases, party.name.removeprefix("The ")),
        )
        for party_id, party in sorted(earlier.items())
        if party_id in known
    ]


class AcrossElections:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._evaluators: dict[str, Evaluator] = {}  # an earlier election's, built when asked

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
        if 2019 in asked.years and set(asked.years) <= {2019, 2024}:
            notional = read_words(resolution).since_2019
            if notional and not (asked.by_election or _a_trend_since(resolution.words)):
                return None  # "lost in 2024 compared with 2019": the notional 2019 results
        asked, subjects = self._followed(resolution, reading, former, conversation, asked)
        if not (asked.earlier or (asked.now and subjects.seat) or self._earlier_only(subjects)):
            return None
        old = self._old_seat(resolution) if subjects.seat in self._old_seat_ids else None
        unsure = [
            m for m in (*resolution.mentions, *resolution.doubtful)
            if (m.ambiguous or m in resolution.doubtful)
            and not (old and old[2].start <= m.start and m.end <= old[2].stop)
        ]  # fmt: skip
        if former is None and unsure:
            return self._which_person(unsure[0], reading, asked)  # "which Mike Wood?"
        if subjects.several:  # "who won Clacton and Islington North in 2019"
            return one_at_a_time()
        answer, computed = self._answered(resolution, reading, asked, subjects, conversation)
        if answer is None:
            return None
        if answer.status is Status.ANSWERED and asked.year is not None and former is None:
            answer = replace(answer, query=_replayable(reading, asked, subjects))
        stray = self._stray_words(resolution, asked, former)
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
        if resolution.mentions or [w for w in words if is_year(w)] != [str(ELECTION_YEAR)]:
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
        before 2024); None for anything else unsure, which the usual path asks about."""
        if not mention.ambiguous or not all(k.is_a(Kind.PERSON) for k in mention.keys):
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
        subjects = self._subjects(resolution, former, earlier_year or asked.every)
        last = conversation.elections
        words = resolution.words
        # "who won the election" is about the country; "what was the majority" and "when was
        # the by-election" are about what was asked last
        national = reading.national and not asked.by_election and "election" in words
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
        elif last is None and subjects.empty and reading.follow_up and asked.earlier:
            subjects = self._last_subjects(conversation)  # "and in 2019?" after a 2024 answer
        return asked, subjects

    @cached_property
    def _old_seat_names(self) -> dict[str, tuple[str, str]]:
        """The seats of the 2010 boundaries by their names' words: (id of the name, name)."""
        records = {e.id: e for e in self.catalog.knowledge.elections}
        return {
            phrase(contest.name): (contest.seat, contest.name)
            for contest in self.catalog.knowledge.contests
            if records[contest.election].boundaries == 2010
        }

    @cached_property
    def _old_seat_ids(self) -> frozenset[str]:
        return frozenset(seat for seat, _ in self._old_seat_names.values())

    def _old_seat(self, resolution: Resolution) -> tuple[str, str, range] | None:
        """A seat of the 2010 boundaries named whole ("Middlesbrough", "Copeland", "Wells"),
        unless a longer name of 2024 holds its words ("Bangor Aberconwy")."""
        words = resolution.words
        longest = max((len(name.split()) for name in self._old_seat_names), default=0)
        for length in range(min(longest, len(words)), 0, -1):
            for start in range(len(words) - length + 1):
                found = self._old_seat_names.get(" ".join(words[start : start + length]))
                span = range(start, start + length)
                inside_longer = any(
                    m.start <= start and start + length <= m.end and m.end - m.start > length
                    for m in resolution.mentions
                )
                if found is not None and not inside_longer:
                    return found[0], found[1], span
        return None

    def _subjects(
        self, resolution: Resolution, former: FormerSeat | None, earlier: bool = False
    ) -> Subjects:
        """What the question names, for the answers across elections; `earlier`: about an
        earlier election, where a seat of its day named whole is that seat ("who won
        Middlesbrough in 2010"), not a 2024 place or a person of the same name."""
        old = self._old_seat(resolution) if earlier and former is None else None
        if old is not None:
            old_id, old_name, span = old
            others = [
                m for m in resolution.mentions
                if not m.ambiguous and (m.end <= span.start or m.start >= span.stop)
            ]  # fmt: skip
            parties = tuple(
                dict.fromkeys(m.keys[0].id for m in others if m.keys[0].is_a(Kind.PARTY))
            )
            named = [m.keys[0].id for m in others if m.keys[0].is_a(Kind.PERSON)]
            # "Clacton and Islington North in 2019": another seat besides, asked alone
            several = (
                any(k.is_a(Kind.SEAT) for m in others for k in m.keys)
                or self._old_seat(_without(resolution, span)) is not None
            )
            return Subjects(old_id, old_name, named[0] if named else None, parties, None, several)
        keys = [m.keys[0] for m in resolution.mentions if not m.ambiguous]
        seats = [k.id for k in keys if k.is_a(Kind.SEAT)]
        people = [k.id for k in keys if k.is_a(Kind.PERSON)]
        parties = tuple(dict.fromkeys(k.id for k in keys if k.is_a(Kind.PARTY)))
        places = [self.catalog.places[k.id] for k in keys if k.is_a(Kind.PLACE)]
        place = next((p.name for p in places if p.level is not Level.TOWN), None)
        if former is not None:
            return Subjects(slug(former.name), former.name, None, parties, place)
        seat = seats[0] if seats else None
        if seat is None and places and places[0].level is Level.TOWN and len(places[0].seats) == 1:
            seat = places[0].seats[0]
        name = self.catalog.seats[seat].name if seat else None
        several = len(set(seats)) > 1 or len(set(people)) > 1
        return Subjects(seat, name, people[0] if people else None, parties, place, several)

    def _last_subjects(self, conversation: Conversation) -> Subjects:
        """What the last answer about 2024 was about: its party or place, else its seat or
        person."""
        parties = tuple(k.id for k in conversation.qualifiers if k.is_a(Kind.PARTY))
        places = [self.catalog.places[k.id] for k in conversation.qualifiers if k.is_a(Kind.PLACE)]
        place = next((p.name for p in places if p.level is not Level.TOWN), None)
        if parties or place:
            return Subjects(parties=parties, place=place)
        if conversation.seat is not None:
            seat = Key(conversation.seat).id
            return Subjects(seat, self.catalog.seats[seat].name)
        if conversation.person is not None:
            return Subjects(person=Key(conversation.person).id)
        return Subjects()

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

    def _stray_words(
        self, resolution: Resolution, asked: ElectionsAsked, former: FormerSeat | None
    ) -> list[str]:
        """Words no reading understood, besides those read as elections or a former seat."""
        parsed = read_words(resolution)
        read_here = {resolution.words[i] for i in asked.used}
        if former is not None:
            read_here |= set(phrase(former.name).split())
        stray = (*resolution.unknown, *parsed.not_understood)
        return list(dict.fromkeys(w for w in stray if w not in read_here))

    # --- answering -----------------------------------------------------------------------------

    def _answered(
        self,
        resolution: Resolution,
        reading: Reading,
        asked: ElectionsAsked,
        subjects: Subjects,
        conversation: Conversation,
    ) -> tuple[Answer | None, Ask | None]:
        """The answer, and the question computed for it over one election, if it was."""
        last = conversation.across_ask or _computed_over_rows(conversation.ask)
        followed = self._computed_follow_up(last, resolution) if last is not None else None
        if followed is not None:  # "and in 2010?", "what about the tories", "and the fewest?"
            answer = self._computed_in(asked, resolution, followed)
            if answer is not None:
                return answer, followed
        if subjects.seat is None and subjects.person is None and not subjects.empty:
            # "how many seats did UKIP come second in in 2015": more than a party's totals
            ask = self._ask_beyond_totals(resolution)
            answer = self._computed_in(asked, resolution, ask) if ask is not None else None
            if answer is not None:
                return answer, ask
        question = Question(
            subjects,
            asked,
            reading.intent,
            reading.place,
            _yes_no(resolution, reading),
            _unnamed(resolution),
        )
        answer = across_elections(self.elections, question)
        if answer is not None and answer.headline == NOT_YET:  # "biggest majority in 2017"
            ask = read_words(resolution, any_year=True).ask
            computed = self._computed_in(asked, resolution, ask) if ask is not None else None
            if computed is not None:
                return computed, ask
        return answer, None

    @staticmethod
    def _computed_follow_up(last: Ask, resolution: Resolution) -> Ask | None:
        """The last computed question asked again: in another year (a year alone), of another
        party or place ("what about the tories"), or ranked the other way ("and the fewest?")."""
        parsed = read_words(resolution, any_year=True)
        if parsed.ask is not None:
            return ranked_again(last, parsed.ask, resolution)
        if not resolution.mentions:
            named_only_a_year = not parsed.not_understood and any(
                is_year(w) for w in resolution.words
            )
            return last if named_only_a_year else None
        return follow_up_ask(last, parsed, resolution)

    @staticmethod
    def _ask_beyond_totals(resolution: Resolution) -> Ask | None:
        ask = read_words(resolution, any_year=True).ask
        return None if ask is None or _a_party_total(ask) else ask

    def _computed_in(
        self, asked: ElectionsAsked, resolution: Resolution, ask: Ask
    ) -> Answer | None:
        """The question computed by the evaluator over one earlier general election's
        results; None where it is not one (a comparison with another election, a range)."""
        year = asked.year
        if year is None or year == ELECTION_YEAR or asked.by_election or asked.now:
            return None
        words = resolution.words
        if "than" in words and str(year) in words[words.index("than") :]:
            return None  # "bigger than in 2019": one election against another
        election = self.elections.general(year)
        if election is None:
            return None
        if ask.measure in _AGAINST_2019 or ask.against_2019:
            return None  # changes and swings are on the notional 2019 results: 2024's alone
        evaluator = self._evaluator(election.id)
        if not all(_held_in(evaluator.catalog, k) for k in referenced_keys(ask)):
            return None  # a seat or person of 2024 that the year did not have
        answer = evaluator.answer(ask)
        if answer.status is not Status.ANSWERED or "notional" in _words_of(answer):
            # A last guard: an answer whose words speak of the notional 2019 results (a seat
            # "held", said of 2024's) is no answer about that year; "not yet" is said instead
            return None
        first, *rest = answer.blocks
        if isinstance(first, Paragraph):
            first = Paragraph((Span(f"{year}: ", bold=True), *first.spans))
        note = paragraph(f"On the seats of {year}: the 2010 boundaries, not today’s.")
        # No query: a button carries an Ask without its year, which would replay 2024's
        return replace(answer, blocks=(first, *rest, note), query=None)

    def _evaluator(self, election_id: str) -> Evaluator:
        evaluator = self._evaluators.get(election_id)
        if evaluator is None:
            knowledge = election_knowledge(self.catalog.knowledge, election_id)
            evaluator = self._evaluators[election_id] = Evaluator(Catalog(knowledge))
        return evaluator


def _without(resolution: Resolution, span: range) -> Resolution:
    """The question with the words of one name blanked out, to look for another."""
    words = tuple("" if i in span else w for i, w in enumerate(resolution.words))
    return replace(resolution, words=words, mentions=(), doubtful=())


def _yes_no(resolution: Resolution, reading: Reading) -> bool:
    """A yes or no question, unless its opening word is a name's ("Will Forster's results")."""
    opens_a_name = any(m.start == 0 for m in (*resolution.mentions, *resolution.doubtful))
    return reading.yes_no and not opens_a_name


def _unnamed(resolution: Resolution) -> tuple[str, ...]:
    """The question's words outside its names: "fell" asks of a change, Simon Fell does not."""
    named = {i for m in (*resolution.mentions, *resolution.doubtful) for i in range(m.start, m.end)}
    return tuple(word for i, word in enumerate(resolution.words) if i not in named)


def _computed_over_rows(ask: Ask | None) -> Ask | None:
    """A computed 2024 question over many rows ("the smallest majority"), which "and in
    2010?" asks again of that year; a look-up of one seat has its own answer across years."""
    return ask if ask is not None and ask.operation is not Operation.LOOK_UP else None


def _a_trend_since(words: tuple[str, ...]) -> bool:
    """'Labour's share since 2019': its share at each election since, not a change on the
    notional 2019 results ("how many seats did Labour gain since 2019")."""
    return measure_of(words) in {Measure.SHARE, Measure.VOTES} and not _CHANGING & set(words)


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


def _held_in(catalog: Catalog, key: str) -> bool:
    """Whether an election's results have the seat, person, party or place a key names."""
    kind, _, entity = key.partition(":")
    held: dict[str, Mapping[str, object]] = {
        "seat": catalog.seats, "person": catalog.people, "party": catalog.parties,
        "place": catalog.places,
    }  # fmt: skip
    return kind in held and entity in held[kind]


def _words_of(answer: Answer) -> str:
    """The text of an answer's paragraphs and lists, to check a word it uses."""
    paragraphs = [b for b in answer.blocks if isinstance(b, Paragraph)]
    paragraphs += [p for b in answer.blocks if isinstance(b, BulletList) for p in b.items]
    return " ".join(span.text for p in paragraphs for span in p.spans)


def _a_party_total(ask: Ask) -> bool:
    """A party's (or a place's) seats, votes or share, which the answers across elections give
    with the other parties and the Commons majority of that year."""
    plain = Selection(parties=ask.selection.parties, place=ask.selection.place, won=True)
    return (
        ask.operation in {Operation.COUNT, Operation.TOTAL, Operation.LOOK_UP}
        and ask.measure in {None, Measure.SEATS, Measure.VOTES, Measure.SHARE}
        and ask.selection in {plain, replace(plain, won=None)}
        and ask.compared is None
    )
