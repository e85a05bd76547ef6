"""The engine: a question and its conversation in, an Answer out. Knows nothing of Telegram.

A question's names are found (understanding/index.py) and its words read twice: into a typed
Ask (understanding/reader.py), which the evaluator computes (answers/computed/evaluate.py), and into
the kind of question the older composers answer (answers/dispatch.py). routing.py decides
which answers; what a follow-up leaves out is filled in from the conversation here.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property

from rapidfuzz import fuzz

from bot.engine.across import AcrossElections
from bot.engine.across_subjects import earlier_parties
from bot.engine.answers import earlier, lists, people, seats
from bot.engine.answers.blocks import seat_card
from bot.engine.answers.computed.evaluate import Evaluator
from bot.engine.answers.dispatch import PERSON_INTENTS, SEAT_INTENTS, answer_query
from bot.engine.answers.former import former_seat
from bot.engine.answers.located import (
    Located,
    LookupProblem,
    choice_among,
    problem_answer,
    seats_named,
)
from bot.engine.conversation import Conversation
from bot.engine.model.answer import (
    Answer,
    Source,
    Status,
    paragraph,
)
from bot.engine.model.ask import Ask, Measure, Operation, SeatChange, Selection, Unit
from bot.engine.model.keys import Key, Kind
from bot.engine.model.query import NOTIONAL_YEAR, Query
from bot.engine.results.catalog import Catalog, seat_key
from bot.engine.results.provenance import sources_view
from bot.engine.results.search import Search
from bot.engine.routing import (
    ask_keys,
    compared_with_the_last,
    follow_up_ask,
    narrows_the_last,
    of_the_last,
    outcome_again,
    points_back,
    ranked_again,
    referenced_keys,
    refusal_of_words,
    takes,
)
from bot.engine.understanding.elections import (
    ELECTION_WORDS,
    ELECTION_YEAR,
)
from bot.engine.understanding.former import FormerNames, named_besides
from bot.engine.understanding.index import Mention, NameIndex, Resolution, Tier
from bot.engine.understanding.intents import Intent, Reading, read
from bot.engine.understanding.lexicon import Role, words_of_the_lexicon
from bot.engine.understanding.names import words_not_names
from bot.engine.understanding.places import Level
from bot.engine.understanding.postcodes import PostcodeMention, find_postcode
from bot.engine.understanding.reader import Parsed, read_words, words_read
from bot.engine.understanding.relations import last_time, who_they_beat
from bot.engine.understanding.text import mend_slips, phrase, strip_address
from bot.engine.understanding.vocabulary import is_number
from knowledge.schema import Knowledge

# Words that ask about a winner: a name shared by several candidates means the one elected.
_WINNER_WORDS = frozenset({"majority", "majorities", "mp", "margin"})
# A typed name this close to a candidate's is a misspelling of it, not someone else.
NEAR_NAME = 80
# Long pastes are cut: no question needs more, and it bounds the work per message.
MAX_QUESTION_CHARS = 300


class Engine:
    def __init__(self, knowledge: Knowledge) -> None:
        self.catalog = Catalog(knowledge)
        self.index = NameIndex(
            [*self.catalog.entities(), *earlier_parties(knowledge)],
            words_of_the_lexicon() | ELECTION_WORDS,
            frozenset(w for seat in knowledge.former_seats for w in phrase(seat.name).split()),
        )
        self.across = AcrossElections(self.catalog)  # elections before 2024, the MP now
        self.former = FormerNames(
            knowledge.former_seats,
            (
                name
                for entity in self.index.entities.values()
                if entity.kind in {Kind.SEAT, Kind.PLACE}
                for name in (entity.name, *entity.aliases)
            ),
        )

    @cached_property
    def evaluator(self) -> Evaluator:
        """The rows every computed answer reads, built on the first question that needs them."""
        return Evaluator(self.catalog)

    @cached_property
    def search(self) -> Search:
        """Inline search, built on first use: the console never needs it, and it would add a
        third to the console's start-up."""
        return Search(self.index)

    # --- the front ends' interface ---------------------------------------------------------

    def answer(self, question: str, conversation: Conversation | None = None) -> Answer:
        conversation = conversation if conversation is not None else Conversation()
        text = mend_slips(strip_address(question)[:MAX_QUESTION_CHARS].strip())
        resolution = self._winners_asked_of(words_not_names(self.index.resolve(text)))
        mentions, mismatched = self._party_mismatches(
            self._narrowed_by_seat(resolution.mentions, keep_seats=True), resolution.words
        )  # "how many votes did Jones get in Bristol North West": the Jones who stood there
        # "Reform votes in Essex": not Jonathan Essex, a Green; a word not known
        unknown = (*resolution.unknown, *mismatched)
        resolution = replace(resolution, mentions=mentions, unknown=unknown)
        resolution = self._they_the_party(resolution, conversation)
        reading = read(resolution)
        former = self.former.named_in(resolution)
        restated = self.across.in_2024(resolution, reading, conversation)
        if isinstance(restated, str):  # "and in 2024?" after an earlier year: that question
            return self.answer(restated, conversation)
        if restated is not None:  # ... a computed one, over the 2024 results
            now = self.evaluator.answer(restated)
            conversation.remember(reading, now, restated, restated)
            return now
        across = self.across.answer(resolution, reading, former, conversation)
        if across is not None:  # "who won Islington North in 2019", "who is the MP for X now"
            return across
        if former is not None:  # "Bristol West": gone in 2024, said so before any guess
            gone = former_seat(self.catalog, former, named_besides(resolution, former))
            gone = replace(gone, query=Query.from_reading(reading, ()))
            conversation.remember(reading, gone)
            return gone
        parsed = read_words(resolution)
        reading = last_time(reading, parsed, resolution)
        answer = self._reply_to_pending(text, resolution, reading, conversation)
        computed = None
        if answer is None:
            answer, computed = self._understood(resolution, reading, parsed, conversation)
            if answer.query is not None:
                answer = replace(answer, query=replace(answer.query, words=words_read(
                    resolution, parsed)))  # fmt: skip
        conversation.remember(reading, answer, computed, computed or _rows_asked(parsed))
        return self.since_then(answer)

    def _understood(
        self, resolution: Resolution, reading: Reading, parsed: Parsed, conversation: Conversation
    ) -> tuple[Answer, Ask | None]:
        """Words nothing can read are said, never dropped; a question over the results the
        evaluator computes goes there; the rest to the kinds of question in dispatch.py."""
        refused = refusal_of_words(self.catalog, parsed)
        if refused is not None:
            return refused, None
        beater = who_they_beat(parsed, resolution, self.catalog)
        if beater is not None:  # "who did Farage beat": those below him, not who beat him
            return people.beaten_by_them(self.catalog, beater), None
        if parsed.earlier and reading.year is None:
            return earlier.not_held(self.catalog), None  # "bigger than in 2019": no 2019 count held
        if parsed.earlier and reading.year == NOTIONAL_YEAR:
            return self._answer(resolution, reading, conversation), None  # "last time"
        ask, followed = parsed.ask, False
        narrowed = None
        if conversation.rows is not None:  # "how many of them were women", "how many were Tories"
            implicit = narrows_the_last(ask, parsed)
            narrowed = of_the_last(conversation.rows, ask, resolution, pointed=implicit)
        elif points_back(resolution) and (not resolution.mentions or _over_rows(ask)):
            # "them" with no rows to point at (the last answer was a summary, not a list):
            # asked anew, it would be about everyone
            narrowed = (
                "I can’t tell who “them” are from the last answer: ask the whole question, for "
                "example “how many Green MPs are women”."
            )
        if isinstance(narrowed, str):
            return Answer(Status.NOT_FOUND, (paragraph(narrowed),), headline="Not yet"), None
        if narrowed is None and ask is None and conversation.ask is not None:
            narrowed = follow_up_ask(conversation.ask, parsed, resolution)  # "and Wales?"
            narrowed = narrowed or outcome_again(conversation.ask, parsed, resolution)
            narrowed = narrowed or compared_with_the_last(conversation.ask, parsed, resolution)
        if narrowed is None and ask is not None and conversation.ask is not None:
            narrowed = ranked_again(conversation.ask, ask, resolution)  # "and highest?"
        if narrowed is not None:
            ask, followed = narrowed, True
        if any(m.ambiguous for m in resolution.mentions) or (
                resolution.doubtful and not resolution.mentions):  # fmt: skip
            chosen = self._asked_of_one(resolution, reading)  # "which one?" first
            return self._answer(resolution, reading, conversation, chosen), None
        if ask is not None and not followed:
            ask = _kept_from_the_last(ask, parsed, resolution, conversation)
            referred = _with_referents(ask, reading, conversation, resolution)
            if isinstance(referred, Kind):  # "how far behind was the Labour candidate"
                return lists.who_is_meant(referred), None  # ... with no seat asked about yet
            ask, by_role = referred if referred is not None else (None, False)
            followed = by_role  # a role in the seat in context: only the evaluator reads it
        if (
            ask is None
            or not (
                followed
                or takes(parsed, ask, reading, self.catalog.counts_every_seat, self._a_town(ask))
            )
            or (not self.catalog.counts_every_seat and _named_look_up(ask))
        ):
            # Without every seat's count, a look-up of someone named is the article's to answer.
            return self._answer(resolution, reading, conversation), None
        several = _several_named(resolution, parsed)
        if several and ask.compared is None and not followed:
            return _one_at_a_time(several), None
        answer = self.evaluator.answer(ask)
        nothing_named = ask.selection == Selection() and ask.operation is Operation.LOOK_UP
        stray = resolution.unknown or reading.follow_up
        if answer.status is not Status.ANSWERED and nothing_named and stray:
            # "and what share?" with nothing before it, a stray "%": whose figure is not said
            return self._answer(resolution, reading, conversation), None
        if answer.status is Status.ANSWERED:
            answer = replace(answer, query=Query.from_reading(reading, ask_keys(ask), ask))
        if resolution.unknown and answer.status is Status.ANSWERED:
            left_out = paragraph(
                f"I don’t know “{resolution.unknown_phrase()}”, so this leaves it out:"
            )
            answer = replace(answer, blocks=(left_out, *answer.blocks))
        return answer, ask if answer.status is Status.ANSWERED else None

    def postcode_in(self, question: str) -> PostcodeMention | None:
        """The postcode or outward code a question holds, for a front end to look up."""
        return find_postcode(question[:MAX_QUESTION_CHARS])

    def answer_located(
        self,
        question: str,
        place: str,
        where: Located,
        conversation: Conversation | None = None,
        written: str | None = None,
    ) -> Answer:
        """The question answered for the place a front end looked up. `written`: the postcode
        as it stands in the question (None: a shared location, with no question). One
        constituency: as if its name had been written there; several: which one?"""
        conversation = conversation if conversation is not None else Conversation()
        if where.problem is not None:
            return problem_answer(place, where.problem)
        seat_ids = seats_named(self.catalog, where.seats)
        if not seat_ids:
            return problem_answer(place, LookupProblem.NOWHERE)
        if len(seat_ids) == 1:
            name = self.catalog.seats[seat_ids[0]].name
            return self.answer(question.replace(written, name) if written else name, conversation)
        rest = strip_address(question.replace(written, " ") if written else "")
        reading = read(self.index.resolve(rest))
        asked = Query.from_reading(reading, ())
        answer = replace(choice_among(self.catalog, place, seat_ids), query=asked)
        conversation.remember(reading, answer)
        return answer

    def answer_query(self, query: Query) -> Answer:
        """The answer to a resolved query, as a button or link carries it (its keys as text)."""
        return self.since_then(self._answer_of_query(query))

    def since_then(self, answer: Answer) -> Answer:
        """A seat's answer with its by-election since 2024, if it had one."""
        return self.across.since_then(answer)

    def _answer_of_query(self, query: Query) -> Answer:
        if query.ask is not None:  # a computed question, carried whole
            return self._computed(query)
        if query.old_seats and query.year != ELECTION_YEAR:
            return self.across.replay(query)  # an earlier year's, or a person's record
        unknown = [key for key in query.keys if key not in self.index.entities]
        if unknown:
            _, _, entity_id = unknown[0].partition(":")
            return lists.not_found(self.catalog, entity_id.replace("-", " "))
        keys = tuple(self.index.entities[key].key for key in query.keys)  # typed Keys
        return answer_query(self.catalog, replace(query, keys=keys))

    def _computed(self, query: Query) -> Answer:
        assert query.ask is not None
        unknown = [key for key in referenced_keys(query.ask) if key not in self.index.entities]
        if unknown:
            _, _, entity_id = unknown[0].partition(":")
            return lists.not_found(self.catalog, entity_id.replace("-", " "))
        answer = self.evaluator.answer(query.ask)
        return replace(answer, query=query) if answer.status is Status.ANSWERED else answer

    def answer_about(self, key: str, intent: Intent | None = None) -> Answer:
        return self.answer_query(Query(intent, (key,)))

    def help(self) -> Answer:
        return lists.help_answer(self.catalog)

    def examples(self) -> tuple[str, ...]:
        return lists.examples(self.catalog)

    def coverage(self) -> Answer:
        return lists.coverage(self.catalog)

    def winners(self) -> Answer:
        return self.answer_query(Query(Intent.WINNER))

    def elected_independents(self) -> Answer:
        return self.answer_query(Query(Intent.WINNER, ("party:independent",)))

    # --- reading a question ----------------------------------------------------------------

    def _reply_to_pending(
        self, text: str, resolution: Resolution, reading: Reading, conversation: Conversation
    ) -> Answer | None:
        """'Perveen' or '2' after 'which Hussain?': answer what was asked about that one."""
        pending = conversation.pending
        described = self._described(resolution, reading, pending.keys) if pending else ()
        if len(described) == 1 and pending is not None:  # "the tory one", "Bradford West"
            return self.answer_query(pending.query.about(described[0]))
        if pending is None or (
            reading.intent is not None
            and resolution.mentions
            and not any(set(m.keys) & set(pending.keys) for m in resolution.mentions)
        ):
            return None
        picked = self.index.options_matching(text, pending.keys)
        if is_number(text) and 1 <= int(text) <= len(pending.keys):
            picked = (pending.keys[int(text) - 1],)
        if len(picked) != 1:
            return None
        return self.answer_query(pending.query.about(picked[0]))

    def _described(
        self, resolution: Resolution, reading: Reading, options: tuple[Key, ...]
    ) -> tuple[Key, ...]:
        """The options a reply of a party or a seat alone describes: "the green one" of two
        Rachel Reeves is the Green candidate, "Bradford West" of two Khalid Mahmoods the one who
        stood there. Not a question of its own ("how did the Greens do")."""
        kinds = {k.kind for m in resolution.mentions for k in m.keys}
        if reading.intent is not None or not kinds or not kinds <= {Kind.PARTY, Kind.SEAT}:
            return ()
        named = {k.id for m in resolution.mentions for k in m.keys}
        return tuple(
            option for option in options
            if option.is_a(Kind.PERSON) and any(
                {r.party, r.seat} & named for r in self.catalog.results_by_person[option.id])
        )  # fmt: skip

    def _asked_of_one(self, resolution: Resolution, reading: Reading) -> Query | None:
        """'how many votes did Rachel Reeves get': the question as the evaluator would read it
        of the first of the two, for a choice between them to put the one chosen in her place,
        so a choice is answered as the question asked of that one by name would be."""
        ambiguous = [m for m in resolution.mentions if m.ambiguous]
        if len(ambiguous) != 1 or resolution.doubtful:
            return None
        mention = ambiguous[0]
        first = replace(mention, keys=mention.keys[:1])
        mentions = tuple(first if m is mention else m for m in resolution.mentions)
        narrowed = replace(resolution, mentions=mentions)
        parsed = read_words(narrowed)
        if who_they_beat(parsed, narrowed, self.catalog) is not None:
            return Query(Intent.BEATEN)  # "who did Rachel Reeves beat": below the one chosen
        ask = parsed.ask
        counted = self.catalog.counts_every_seat
        if ask is None or ask.compared is not None or parsed.not_understood:
            return None
        if refusal_of_words(self.catalog, parsed) is not None:
            return None
        if not takes(parsed, ask, reading, counted, self._a_town(ask)):
            return None
        if (*ask.selection.people, *ask.selection.seats) != (first.keys[0].id,):
            return None
        return Query.from_reading(reading, (), ask)

    def _answer(
        self,
        resolution: Resolution,
        reading: Reading,
        conversation: Conversation,
        chosen: Query | None = None,
    ) -> Answer:
        absent = self._none_stood_there(resolution.mentions)
        if absent is not None:  # "how far behind was Smith in Clacton": no Smith stood there
            return absent
        mentions = self._narrowed_by_seat(self._places_over_their_seats(resolution.mentions))
        if reading.intent is Intent.HELP and not mentions:
            return self.help()
        if reading.intent is Intent.COVERAGE and not mentions:
            return self.coverage()
        if reading.intent is Intent.SOURCE and not mentions:
            return _sources(conversation.sources)
        ambiguous = next((m for m in mentions if m.ambiguous), None)
        if ambiguous is not None:
            return self._which_one(ambiguous, chosen or Query.from_reading(reading, ()))
        if resolution.doubtful and not mentions:
            return self._did_you_mean(resolution, Query.from_reading(reading, ()))
        keys = [m.keys[0] for m in mentions]
        if not keys and resolution.unknown:
            return lists.not_found(self.catalog, resolution.unknown_phrase())
        if reading.intent is None and not keys and not reading.follow_up:
            return lists.not_found(self.catalog, "")
        if (
            reading.refers_to_person
            and not keys
            and conversation.person is None
            and reading.intent is not Intent.COUNT  # "how many MPs lost their seats"
            and not (reading.asks_who and reading.refers_to_seat)  # "who ... there, their share"
        ):
            return lists.who_is_meant(Kind.PERSON)  # "who beat him?" with no one asked about yet
        if reading.refers_to_seat and not keys and conversation.seat is None:
            return lists.who_is_meant(Kind.SEAT)
        answer = self.answer_query(_resolve(reading, keys, conversation))
        if reading.intent is Intent.SOURCE:
            return _sources(answer.sources)
        if resolution.unknown and answer.status is Status.ANSWERED:
            # Never drop part of a question silently: say what was left out.
            left_out = paragraph(
                f"I don’t know “{resolution.unknown_phrase()}”, so this leaves it out:"
            )
            answer = replace(answer, blocks=(left_out, *answer.blocks))
        return answer

    def _winners_asked_of(self, resolution: Resolution) -> Resolution:
        """'Hunt's majority': only a winner has a majority, so a surname shared by several
        candidates, one of them elected, names the one elected."""
        if not _WINNER_WORDS & set(resolution.words):
            return resolution
        narrowed = []
        for mention in resolution.mentions:
            if mention.ambiguous and all(k.is_a(Kind.PERSON) for k in mention.keys):
                elected = [k for k in mention.keys if self._elected(k)]
                if len(elected) == 1:
                    mention = replace(mention, keys=(elected[0],))
            narrowed.append(mention)
        return replace(resolution, mentions=tuple(narrowed))

    def _they_the_party(self, resolution: Resolution, conversation: Conversation) -> Resolution:
        """'how many did they hold', after Plaid's seats: "they" is the party asked about, read
        as if named there. Only after a question of one party, and naming nobody else."""
        last = _last_asked(conversation)
        if last is None or last.compared is not None or last.selection.people:
            return resolution
        s = last.selection
        parties = s.parties or ((s.gained_from,) if s.gained_from else ())
        named = {k.kind for m in resolution.mentions for k in m.keys}
        if len(parties) != 1 or s.seats or named & {Kind.PARTY, Kind.PERSON, Kind.SEAT}:
            return resolution
        at = next((i for i, w in enumerate(resolution.words) if w in {"they", "their"}), None)
        entity = self.index.entities.get(f"party:{parties[0]}")
        if at is None or entity is None:
            return resolution
        they = Mention(at, at + 1, entity.name, (entity.key,), Tier.FULL, corrected=False)
        mentions = tuple(sorted((*resolution.mentions, they), key=lambda m: m.start))
        return replace(resolution, mentions=mentions)

    def _a_town(self, ask: Ask) -> bool:
        place = ask.selection.place
        return place is not None and self.catalog.places[place].level is Level.TOWN

    def _elected(self, person: Key) -> bool:
        return any(r.elected for r in self.catalog.results_by_person.get(person.id, []))

    def _party_mismatches(
        self, mentions: tuple[Mention, ...], words: tuple[str, ...]
    ) -> tuple[tuple[Mention, ...], tuple[str, ...]]:
        """'Reform votes in Essex': a surname (Jonathan Essex, a Green) beside a party he did
        not stand for is not what was meant; it is an unknown word, said to be left out. Not
        where the question sets one against another ("did Farage beat the Conservative"):
        the party is the other side."""
        parties = {k.id for m in mentions for k in m.keys if k.is_a(Kind.PARTY)}
        if not parties or _SETS_AGAINST & set(words):
            return mentions, ()
        kept: list[Mention] = []
        dropped: list[str] = []
        for mention in mentions:
            people = [k for k in mention.keys if k.is_a(Kind.PERSON)]
            stood_for = {
                r.party for k in people for r in self.catalog.results_by_person.get(k.id, [])
            } | {party for k in people for party in self.across.parties_of(k.id)}
            if people and mention.tier < Tier.FULL and not stood_for & parties:
                dropped.append(mention.text.lower())
                continue
            kept.append(mention)
        return tuple(kept), tuple(dropped)

    def _places_over_their_seats(self, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
        """'Durham' names the place and, by its short name, North Durham in it: the place,
        which covers that seat, is what was named."""
        narrowed = []
        for mention in mentions:
            places = [k for k in mention.keys if k.is_a(Kind.PLACE)]
            if len(places) == 1:
                inside = {seat_key(s) for s in self.catalog.places[places[0].id].seats}
                if all(k == places[0] or k in inside for k in mention.keys):
                    mention = replace(mention, keys=(places[0],))
            narrowed.append(mention)
        return tuple(narrowed)

    def _narrowed_by_seat(
        self, mentions: tuple[Mention, ...], keep_seats: bool = False
    ) -> tuple[Mention, ...]:
        """'Khan Perry Barr': a seat named beside an ambiguous name picks who stood there
        (keep_seats: the seat stays named, for a reading of the whole question)."""
        people = [m for m in mentions if m.ambiguous and m.keys[0].is_a(Kind.PERSON)]
        seats = [m for m in mentions if all(k.is_a(Kind.SEAT) for k in m.keys)]
        if len(people) != 1 or not seats:
            return mentions
        in_seats = {k.id for m in seats for k in m.keys}
        standing = tuple(key for key in people[0].keys if self._stood_in(key, in_seats))
        if not standing:
            return mentions
        narrowed = replace(people[0], keys=standing)
        return tuple(
            narrowed if m is people[0] else m for m in mentions if keep_seats or m not in seats
        )

    def _none_stood_there(self, mentions: tuple[Mention, ...]) -> Answer | None:
        """A name shared by several candidates beside one seat none of them stood in: said,
        with who did stand there, rather than a choice among people elsewhere."""
        people = [m for m in mentions if m.ambiguous and m.keys[0].is_a(Kind.PERSON)]
        named = [m for m in mentions if not m.ambiguous and m.keys[0].is_a(Kind.SEAT)]
        if len(people) != 1 or len(named) != 1 or named[0].tier < Tier.FULL or named[0].corrected:
            return None  # a seat guessed from a misspelling is no ground to say who did not stand
        if people[0].start == named[0].end + 1:
            return None  # "Salford and Eccles": one name, perhaps, not a person in a seat
        seats = [named[0].keys[0].id]
        if any(self._stood_in(key, set(seats)) for key in people[0].keys):
            return None
        seat = self.catalog.seats[seats[0]].name
        said = f"No candidate called “{people[0].text}” stood in {seat}."
        card = seat_card(self.catalog, seats[0], lead=[paragraph(f"{said} The result there:")])
        return replace(card, status=Status.NOT_FOUND, headline=said)

    def _stood_in(self, person: Key, seat_ids: set[str]) -> bool:
        results = self.catalog.results_by_person.get(person.id, [])
        return any(r.seat in seat_ids for r in results)

    def _which_one(self, mention: Mention, asked: Query) -> Answer:
        kinds = {key.kind for key in mention.keys}
        if kinds == {Kind.SEAT}:
            seat_ids = [key.id for key in mention.keys]
            answer = seats.place_choice(self.catalog, mention.text, seat_ids, "Which one?")
        else:
            answer = lists.choose(self.catalog, mention.keys, mention.text)
        return replace(answer, query=asked)

    def _did_you_mean(self, resolution: Resolution, asked: Query) -> Answer:
        keys = tuple(key for m in resolution.doubtful for key in m.keys)
        unknown = resolution.unknown_phrase()
        reason = f"I don’t have “{unknown}”. Did you mean one of these?"
        names = [phrase(self.catalog.name_of(key)) for key in keys]
        near = any(fuzz.ratio(unknown, name) >= NEAR_NAME for name in names)
        if self.catalog.counts_every_seat and all(k.is_a(Kind.PERSON) for k in keys) and not near:
            # The official results list every candidate: a name not among them, and not a
            # misspelling of one, did not stand.
            reason = (
                f"No candidate called {unknown.title()} stood in the "
                f"{self.catalog.knowledge.election.name}. Did you mean one of these?"
            )
        return replace(lists.choose(self.catalog, keys, unknown, reason), query=asked)


def _resolve(reading: Reading, keys: list[Key], conversation: Conversation) -> Query:
    """The query a reading asks, with what a follow-up leaves out taken from the conversation.

    "and Blackburn?" asks the last question again about Blackburn; "how many votes did he
    get" is about the last person; "who came second there" and "what did Labour get?" about
    the last seat; "which independents won" and a bare "who won?" about no one in particular.
    """
    if reading.intent is None and keys and reading.follow_up and conversation.reading:
        reading = replace(conversation.reading, follow_up=True)
    if (
        reading.follow_up
        and keys
        and conversation.qualifiers
        and not any(k.is_a(Kind.PERSON) for k in keys)
        and not reading.national  # "and how many did Reform win overall": no place kept
    ):
        # "and Scotland?" after "Labour in Wales": the new place, the same party.
        kinds = {k.kind for k in keys}
        keys = [k for k in conversation.qualifiers if k.kind not in kinds] + keys
    if reading.refers_to_person and conversation.person and keys and reading.intent is (
            Intent.COMPARE):  # fmt: skip
        # "compare him with Starmer": him is the last person. "Did Giles Watling lose his
        # seat" names its own person: "his" is his, and nobody joins from the conversation.
        last_person = Key(conversation.person)
        if last_person not in keys and all(k.is_a(Kind.PERSON) for k in keys):
            keys = [last_person, *keys]
    named = [k for k in keys if not k.is_a(Kind.PARTY)]
    if named:
        return Query.from_reading(reading, tuple(keys))
    parties = tuple(keys)
    intent = reading.intent
    refers = reading.refers_to_person or reading.refers_to_seat or reading.follow_up
    # Kinds complete without a subject: about the whole election unless they refer back.
    needs_reference = {
        None, Intent.RANKING, Intent.HELP, Intent.OVERVIEW, Intent.WINNER, Intent.SEATS,
        Intent.GAINS, Intent.COUNT,
    }  # fmt: skip
    # "the first seat to declare": an order of every seat, whatever seat was asked about last
    in_order = intent is Intent.DECLARED and reading.place is not None
    if ((intent in needs_reference or in_order) and not refers) or reading.national:
        return Query.from_reading(reading, parties)
    if parties and not (reading.refers_to_seat or reading.follow_up):
        # "how many votes did Labour get" is about Labour, not Labour in the last seat.
        return Query.from_reading(reading, parties)
    person = (conversation.person,) if conversation.person else ()
    seat = (conversation.seat,) if conversation.seat else ()
    # "who came second there and what was their share": "their" is whoever came second there.
    seat_first = reading.refers_to_seat and reading.asks_who and bool(seat)
    if not seat_first and (reading.refers_to_person or (intent in PERSON_INTENTS and not parties)):
        return Query.from_reading(reading, person + parties)
    if reading.refers_to_seat or intent in SEAT_INTENTS or parties:
        return Query.from_reading(reading, seat + parties)
    return Query.from_reading(reading, person)


# Words that set one candidate against another, so a party beside a person is the other side.
_SETS_AGAINST = frozenset(
    {"than", "beat", "beaten", "beating", "vs", "versus", "against", "behind", "ahead", "from"}
)


def _named_look_up(ask: Ask) -> bool:
    """A figure of people or seats the question names, with nothing counted over seats."""
    s = ask.selection
    named = any(one.people or one.seats for one in (s, *(ask.compared or ())))
    looked_up = ask.operation in {Operation.LOOK_UP, Operation.YES_NO, Operation.COMPARE}
    return named and looked_up and not s.thresholds


def _several_named(resolution: Resolution, parsed: Parsed) -> str:
    """'turnout in Scotland and Wales': several places, seats or people of one kind named
    where a computed question takes one; the kind, or '' (a comparison takes two)."""
    counted: dict[Kind, int] = {}
    for m in resolution.mentions:
        if m.start not in parsed.negated_at and m.keys[0].kind is not Kind.PARTY:
            counted[m.keys[0].kind] = counted.get(m.keys[0].kind, 0) + 1
    return next((kind.value for kind, n in counted.items() if n > 1), "")


def _one_at_a_time(kind: str) -> Answer:
    named = {"place": "places", "seat": "seats", "person": "people"}[kind]
    text = (
        f"I can’t answer that for several {named} at once yet, and answering for one would "
        f"drop the others. Ask about each, or compare two (“Scotland vs Wales”)."
    )
    return Answer(Status.NOT_FOUND, (paragraph(text),), headline="One at a time")


def _last_asked(conversation: Conversation) -> Ask | None:
    """The last question as an Ask: the evaluator's own, or, where a kind of question answered
    it ("Lib Dem gains", "Labour seats in the East Midlands"), the party and place it was
    about, and whether it was of gains."""
    if conversation.ask is not None or not conversation.qualifiers:
        return conversation.ask
    parties = tuple(k.id for k in conversation.qualifiers if k.is_a(Kind.PARTY))
    place = next((k.id for k in conversation.qualifiers if k.is_a(Kind.PLACE)), None)
    gains = conversation.reading is not None and conversation.reading.intent is Intent.GAINS
    return Ask(Operation.LIST, None, Unit.SEAT, Selection(
        parties=parties, place=place, won=True if gains else None,
        seat_change=SeatChange.GAINED if gains else None))  # fmt: skip


def _kept_from_the_last(
    ask: Ask, parsed: Parsed, resolution: Resolution, conversation: Conversation
) -> Ask:
    """What a question about the last one's party keeps of it. "how many did they hold" after
    the Tories in the South West: "they" named the party (Engine._they_the_party), and the
    place is the last question's too. "how many from the SNP" after Lib Dem gains: the Lib
    Dems' gains from the SNP."""
    last = _last_asked(conversation)
    if last is None or last.compared is not None or ask.compared is not None:
        return ask
    s, held = ask.selection, last.selection
    if s.people or s.seats or held.people or held.seats:
        return ask
    words = resolution.words
    # "they" read as the last party (Engine._they_the_party), or "there" pointing at a place
    they = any(words[m.start] in {"they", "their"} for m in resolution.mentions
               if m.keys[0].is_a(Kind.PARTY))  # fmt: skip
    there = "there" in words and not parsed.existential
    if (they or there) and s.place is None and held.place:
        s = replace(s, place=held.place)  # "how many did they hold", "... hold there"
    elliptical = Role.FROM in parsed.roles and Role.UNIT not in parsed.roles  # "how many from"
    if elliptical and s.gained_from and not s.parties and len(held.parties) == 1 and (
            not held.gained_from and held.parties[0] != s.gained_from):  # fmt: skip
        # "how many were gains from the Tories", after the Lib Dems' seats in the South West
        s = replace(s, parties=held.parties, won=True, seat_change=SeatChange.GAINED,
                    place=s.place or held.place)  # fmt: skip
        return replace(ask, selection=s, unit=Unit.SEAT)
    gainer = (
        held.parties if held.seat_change is SeatChange.GAINED and len(held.parties) == 1 else ()
    )
    if s.gained_from and not s.parties and gainer and held.gained_from is None:
        s = replace(s, parties=gainer, won=True, seat_change=SeatChange.GAINED,
                    place=s.place or held.place)  # fmt: skip
        return replace(ask, selection=s, unit=Unit.SEAT)
    return replace(ask, selection=s)


def _over_rows(ask: Ask | None) -> bool:
    """A count or a list: what "them" narrows, when there are rows to narrow."""
    return ask is not None and ask.operation in {Operation.COUNT, Operation.LIST}


def _rows_asked(parsed: Parsed) -> Ask | None:
    """A question over many rows, read whole, whoever answered it: what "them" may narrow."""
    ask = parsed.ask
    if ask is None or parsed.not_understood:
        return None
    many = {Operation.COUNT, Operation.LIST, Operation.RANK}
    return (
        ask if ask.operation in many and not (ask.selection.people or ask.selection.seats) else None
    )


def _with_referents(
    ask: Ask, reading: Reading, conversation: Conversation, resolution: Resolution
) -> tuple[Ask, bool] | Kind | None:
    """'how many spoilt ballots were there', 'how far behind was she': the seat or person the
    pronoun refers to, when the question names none of its own. None: a pronoun with nobody
    to refer to, which the kinds of question ask about; a Kind: a role in a seat ("the
    Labour candidate") with no seat asked about, which only the seat can complete."""
    s = ask.selection
    named = any(
        m.keys[0].kind in {Kind.PERSON, Kind.SEAT}
        and resolution.words[m.start - 1 : m.start] != ("behind",)  # whom they trailed
        for m in resolution.mentions
    )
    if s.people or s.seats or s.place or ask.compared is not None or named:
        return ask, False
    # "did any Green candidate get over 50%", "did anyone win with under 30%": no one seat
    about_one = (
        ask.operation in {Operation.LOOK_UP, Operation.YES_NO} and not s.parties and not ask.any_row
    )
    outcome = s.position is not None or s.won is not None
    national = reading.national or "election" in resolution.words  # "did Labour win the election"
    in_seat = not ask.any_row and not national and conversation.seat is not None
    if ask.operation is Operation.YES_NO and len(s.parties) == 1 and outcome and in_seat:
        assert conversation.seat is not None
        # "was Labour 2nd", after a seat: Labour in that seat, not Labour's seconds everywhere
        return ask.narrowed(seats=(Key(conversation.seat).id,)), False
    # "majority?", "by how many": a figure that is always someone's, asked of no one
    someones = ask.measure in {Measure.MAJORITY, Measure.AHEAD, Measure.BEHIND, Measure.POSITION}
    if (reading.follow_up or someones) and about_one and s == Selection():
        # "and what share?" after a figure: the same question, another measure; after a
        # result, the same person's, or the same seat's
        last = conversation.ask
        if last is not None and last.measure is Measure.MAJORITY and ask.measure in {
                Measure.AHEAD, Measure.MAJORITY} and last.compared is None:  # fmt: skip
            # "by how many", after "did Labour win a majority": that majority
            return replace(last, operation=Operation.LOOK_UP, yes_no=False), False
        if last is not None and last.compared is None and last.selection != Selection() and (
                last.operation in {Operation.LOOK_UP, Operation.TOTAL}):  # fmt: skip
            return replace(last, measure=ask.measure, also=ask.also), False
        held = last.selection if last is not None and last.compared is None else Selection()
        if (held.parties or held.place) and not (held.people or held.seats):
            # "and how many votes", after "how many seats did Reform win": Reform's votes
            return ask.narrowed(parties=held.parties, place=held.place), False
        if conversation.person:
            return ask.narrowed(people=(Key(conversation.person).id,)), False
        if conversation.seat:
            return ask.narrowed(seats=(Key(conversation.seat).id,)), False
    if reading.refers_to_person and about_one:
        person = conversation.person
        return (ask.narrowed(people=(Key(person).id,)), False) if person else None
    # "how far behind was the runner-up", "how many votes did the winner get": a place in a
    # seat, with none named, is in the seat last asked about.
    by_role = about_one and (s.position is not None or s.won is not None)
    # "how far behind was the Labour candidate": one party's candidate, in the seat in context.
    by_role = by_role or (
        not ask.any_row
        and ask.operation in {Operation.LOOK_UP, Operation.YES_NO}
        and len(s.parties) == 1
        and "candidate" in resolution.words
    )
    # "by how many votes", after a result: a margin is always someone's, in a seat
    margin = about_one and ask.measure in {Measure.AHEAD, Measure.BEHIND} and s == Selection()
    if margin and conversation.person:
        return ask.narrowed(people=(Key(conversation.person).id,)), False
    if reading.refers_to_seat or by_role or margin:
        seat = conversation.seat
        if seat:
            return ask.narrowed(seats=(Key(seat).id,)), by_role
        return Kind.SEAT if by_role and not reading.refers_to_seat else None
    return ask, False


def _sources(sources: tuple[Source, ...]) -> Answer:
    if not sources:
        return Answer(
            Status.HELP,
            (paragraph("Ask me something first; then “source” shows where its facts come from."),),
            headline="No answer to source yet",
        )
    rows = sum(not s.quoted for s in sources)
    sentences = len(sources) - rows
    parts = [f"{rows} official row" + ("s" if rows != 1 else "")] if rows else []
    parts += [f"{sentences} sentence" + ("s" if sentences != 1 else "")] if sentences else []
    return Answer(
        Status.ANSWERED,
        sources_view(sources),
        headline="Sources: " + ", ".join(parts),
        sources=sources,
    )
