"""The engine during an election night: it answers only from what has been published.

The engine's knowledge holds the full results; on a night (or its replay) most are not out
yet. LiveEngine answers the night's own questions from the latest NightResults, and lets an
answer of the engine through only if everything behind it has been published and verified:
each source names the facts it rests on, and each fact its seat. An answer resting on a seat
still to declare, still being checked, or on the whole results (a count over every seat, an
article written after the night) is not shown: the seat as it stands is, or what is known so
far, with the moment it is true of. So a wrong answer from the future cannot leak out.
"""

from __future__ import annotations

import re
import threading
from contextvars import ContextVar
from dataclasses import replace
from functools import cached_property

from bot.engine.answers.computed.evaluate import Evaluator
from bot.engine.conversation import Conversation
from bot.engine.engine import MAX_QUESTION_CHARS, Engine
from bot.engine.model.answer import Answer, BulletList, Status, paragraph
from bot.engine.model.keys import Key, Kind
from bot.engine.model.query import Query
from bot.engine.night.answers import NightAnswers
from bot.engine.night.published import (
    DECLARED_SO_FAR_SOURCE,
    SO_FAR_SOURCE,
    SoFarEvaluator,
    declared_seats,
    elected_person,
    seats_out,
)
from bot.engine.night.reading import NightAsk, NightQuestion, follow_on, read_night
from bot.engine.night.restated import as_computed, winners_asked
from bot.engine.night.results import COMMONS_SEATS, NightResults, Stage
from bot.engine.night.wording import as_of, tally
from bot.engine.understanding.kinds import Intent
from bot.engine.understanding.text import mend_slips, strip_address
from knowledge.schema import Knowledge

# Files of elections before the night: what they say was known before it began.
_EARLIER_FILES = ("ge2010-", "ge2015-", "ge2017-", "ge2019-", "by-elections-2010-",
                  "by-elections-2015-", "by-elections-2017-", "by-elections-2019-")  # fmt: skip
# Once every seat is verified, these still ask about the night itself.
# ("has Davey held Kingston" too: the engine does not answer it as a yes or no.)
_ABOUT_THE_NIGHT = frozenset(
    {NightAsk.WHEN, NightAsk.FIRST, NightAsk.LATEST, NightAsk.COUNTS, NightAsk.STILL_TO_DECLARE,
     NightAsk.PERSON, NightAsk.FOLLOW}
)  # fmt: skip


# Typed without an apostrophe, these read as names ("havent" is Havant): the night's
# questions read them as the words they are.
_CONTRACTIONS = {"havent": "have not", "haven't": "have not", "hasnt": "has not",
                 "hasn't": "has not", "whats": "what is", "what's": "what is",
                 "whos": "who is", "who's": "who is", "r": "are"}  # fmt: skip
# Said under an answer resting on figures the Commons Library has not yet verified
_UNVERIFIED = "Not yet verified by the Commons Library."
# The figure a question of one seat asks for, to say first that it is not out yet
_FIGURE_ASKED = {Intent.MAJORITY: "majority", Intent.TURNOUT: "turnout", Intent.VOTES: "votes",
                 Intent.SHARE: "shares of the vote", Intent.CHANGE: "change in share",
                 Intent.PLACE: "order of the candidates", Intent.FINISH: "order of the "
                 "candidates"}  # fmt: skip
# How an answer held back begins
_NOT_YET = "I can't answer that yet"
# The marks of answers computed over the seats published (or declared) so far
_SO_FAR = frozenset({SO_FAR_SOURCE, DECLARED_SO_FAR_SOURCE})
# The moment the answer being composed reads: its computed part is over that moment's seats.
_ANSWERING: ContextVar[NightResults | None] = ContextVar("night_answering", default=None)

_CONTRACTION = re.compile(r"\b(?:" + "|".join(map(re.escape, _CONTRACTIONS)) + r")(?!\w)", re.I)


def _without_contractions(text: str) -> str:
    return _CONTRACTION.sub(lambda m: _CONTRACTIONS[m.group(0).lower()], text)


class LiveEngine(Engine):
    def __init__(self, knowledge: Knowledge, night: NightResults) -> None:
        super().__init__(knowledge)
        self.night = night
        self.night_answers = NightAnswers(self.catalog)
        self._so_far: SoFarEvaluator | None = None
        self._so_far_lock = threading.Lock()
        self._seat_of_fact = {
            fact.id: seat for fact in knowledge.facts if (seat := getattr(fact, "seat", None))
        }

    @cached_property
    def _whole(self) -> Evaluator:
        return Evaluator(self.catalog)

    @property
    def evaluator(self) -> Evaluator:
        """Over the seats published at the moment being answered; every seat once verified."""
        night = _ANSWERING.get() or self.night
        return self._whole if night.complete else self._so_far_at(night)

    def published(self, night: NightResults) -> frozenset[str]:
        """The seats whose figures the feed has published as the knowledge holds them."""
        return self._so_far_at(night).published

    def _so_far_at(self, night: NightResults) -> SoFarEvaluator:
        """The evaluator of one moment, made once for it (a moment is one feed read)."""
        with self._so_far_lock:
            if self._so_far is None or self._so_far.night is not night:
                ons_of = self.night_answers.ons_of
                out = seats_out(self.catalog, night, ons_of)
                declared = declared_seats(self.catalog, night, ons_of)
                self._so_far = SoFarEvaluator(self._whole, out, declared, night)
            return self._so_far

    def since_then(self, answer: Answer) -> Answer:
        """Nothing of later by-elections until the night is over: they come after it."""
        night = _ANSWERING.get() or self.night
        return super().since_then(answer) if night.complete else answer

    def update(self, night: NightResults) -> None:
        """The feed's latest: one reference swapped, so no answer ever waits for it."""
        self.night = night

    def read_night(self, question: str, last: NightQuestion | None = None) -> NightQuestion | None:
        """The night's question a message asks, if it is one (for /follow's "tell me when");
        `last`: the conversation's last, which "and in Wales?" asks again."""
        text = mend_slips(strip_address(question)[:MAX_QUESTION_CHARS].strip())
        resolution = self.index.resolve(_without_contractions(text))
        return read_night(resolution) or follow_on(resolution, last)

    def answer(self, question: str, conversation: Conversation | None = None) -> Answer:
        night = self.night  # one moment for the whole answer
        moment = _ANSWERING.set(night)
        try:
            return self._answer_at(night, question, conversation)
        finally:
            _ANSWERING.reset(moment)

    def _answer_at(
        self, night: NightResults, question: str, conversation: Conversation | None
    ) -> Answer:
        conversation = conversation if conversation is not None else Conversation()
        asked = self.read_night(question, None if night.complete else conversation.night)
        if asked is not None and (not night.complete or asked.ask in _ABOUT_THE_NIGHT):
            there = conversation.seat.partition(":")[2] if conversation.seat else None
            answer = self.night_answers.answer(asked, night, there)
            if answer.status is Status.ANSWERED:
                # What a follow-up builds on now: this question, not the engine's last
                restated = as_computed(asked)
                conversation.night, conversation.ask, conversation.rows = asked, restated, restated
                conversation.qualifiers = ()
                conversation.seat = next(
                    (k for k in answer.entities if k.is_a(Kind.SEAT)), conversation.seat
                )
            return answer
        conversation.night = None
        # Answered on a copy: an answer not shown must leave nothing in the conversation for
        # a follow-up to reveal ("who is standing there" after a refused ranking).
        trial = replace(conversation)
        full = super().answer(question, trial)
        named = self._named(question)
        shown = self._published(full, night, named)
        if shown is full and not self._held_back(full):
            vars(conversation).update(vars(trial))
            return self._noted(shown, night)
        held = full.query if self._held_back(full) else None
        instead = winners_asked(held) if held is not None else None
        if held is not None and instead is not None:  # "women elected": of the seats declared
            computed = self.evaluator.answer(instead)
            if computed.status is Status.ANSWERED:
                computed = replace(computed, query=replace(held, ask=instead))
                if self._published(computed, night, named) is computed:
                    conversation.ask = conversation.rows = instead
                    conversation.qualifiers = ()
                    return computed
        shown = replace(shown, query=None)  # a refusal: nothing of the question to carry
        seat = next((k for k in shown.entities if k.is_a(Kind.SEAT)), None)
        if seat is not None:
            conversation.seat, conversation.person = seat, None
            if not night.complete and seat.id in self._so_far_at(night).declared_seats:
                # its winner is out: "how many votes did he get" is about them
                person = elected_person(self.catalog, seat.id)
                conversation.person = Key.of(Kind.PERSON, person) if person else None
        return shown

    def answer_query(self, query: Query) -> Answer:
        night = self.night
        moment = _ANSWERING.set(night)
        try:
            full = super().answer_query(query)
            shown = self._published(full, night, set(query.keys))
            # Held back, it keeps the question, so the night may restate it (winners_asked)
            return self._noted(full, night) if shown is full else replace(shown, query=query)
        finally:
            _ANSWERING.reset(moment)

    def _noted(self, answer: Answer, night: NightResults) -> Answer:
        """An answer shown from figures published but not yet verified says so, once."""
        if night.complete or any(s.fact_id in _SO_FAR for s in answer.sources):
            return answer
        if answer.blocks and answer.blocks[-1] == paragraph(_UNVERIFIED):
            return answer
        seats = {self._seat_of_fact.get(s.fact_id) for s in answer.sources}
        seats |= {k.id for k in answer.entities if k.is_a(Kind.SEAT)}
        ons_of = self.night_answers.ons_of
        checking = [
            seat for seat in seats if seat in ons_of
            and (known := night.seats.get(ons_of[seat])) is not None
            and known.stage is Stage.COUNTED
        ]  # fmt: skip
        if not checking:
            return answer
        return replace(answer, blocks=(*answer.blocks, paragraph(_UNVERIFIED)))

    @staticmethod
    def _held_back(answer: Answer) -> bool:
        """The refusal of an answer held back, with the question it was of."""
        return answer.query is not None and answer.headline.startswith(_NOT_YET)

    def _named(self, question: str) -> set[str]:
        """The seats and people a question names, by key."""
        text = mend_slips(strip_address(question)[:MAX_QUESTION_CHARS].strip())
        return {key for m in self.index.resolve(text).mentions for key in m.keys}

    def _published(self, answer: Answer, night: NightResults, named: set[str]) -> Answer:
        """The answer if all it rests on is out and verified; else what is known now."""
        if night.complete or answer.status is Status.HELP:
            return answer
        if answer.status is Status.CLARIFY:
            return self._choice(answer)
        names_any = any(k.startswith(("seat:", "person:")) for k in named)
        if answer.status is Status.NOT_FOUND and not (
            answer.sources or answer.entities or names_any
        ):
            return answer  # "I don't know 'xyz'": it can say nothing of any result
        earlier = answer.query is not None and answer.query.year not in (None, 2024)
        waiting = self._seats_not_verified(answer, night, earlier)
        if waiting is None:
            return answer
        asked = {k for k in named | set(answer.query.keys if answer.query else ()) if k}
        if not any(k.startswith("seat:") for k in asked):  # a person's seat, if no seat named
            for person in [k for k in asked if k.startswith("person:")]:
                asked |= {f"seat:{seat}" for seat in self.night_answers.seats_of_person(person)}
        if len(waiting) == 1 and f"seat:{waiting[0]}" in asked:  # the seat the question named
            intent = answer.query.intent if answer.query else None
            figure = _FIGURE_ASKED.get(intent) if intent else None
            seat_answer = self.night_answers.seat_answer(waiting[0], night, figure)
            if seat_answer is not None:
                return replace(seat_answer, query=answer.query)
        return self._not_yet(night)

    def _choice(self, answer: Answer) -> Answer:
        """ "Which one?" with its options by name alone: the engine's words for a choice can
        hold results (a town's winners), which are not all out."""
        names = BulletList(tuple(paragraph(option.label) for option in answer.options))
        lead = paragraph(f"That could be {len(answer.options)} of them. Which one?")
        return replace(answer, blocks=(lead, names), headline="Which one?", sources=())

    def _seats_not_verified(
        self, answer: Answer, night: NightResults, earlier: bool
    ) -> list[str] | None:
        """The 2024 seats behind the answer not yet verified; None if there are none and
        nothing else behind it is unpublished; [] if it rests on something else unpublished."""
        seats: list[str] = []
        unpublished = not answer.sources and not earlier
        so_far = next((s.fact_id for s in answer.sources if s.fact_id in _SO_FAR), None)
        for source in answer.sources:
            seat = self._seat_of_fact.get(source.fact_id)
            if seat is not None:
                seats.append(seat)
            elif source.fact_id not in _SO_FAR and not source.file.startswith(_EARLIER_FILES):
                unpublished = True  # the whole results, an article, a later by-election
        if not earlier:
            seats += [k.id for k in answer.entities if k.is_a(Kind.SEAT)]
        ons_of = self.night_answers.ons_of
        if so_far:  # computed over the seats published (declared): each of its seats is one
            covered = self._so_far_at(night).covered(so_far)
            waiting = [seat for seat in dict.fromkeys(seats) if seat not in covered]
            return waiting or ([] if unpublished else None)
        # Published: verified, or counted with the figures the knowledge holds (a seat the
        # feed has not yet shown at all is not published either)
        published = self.published(night)
        waiting = [s for s in dict.fromkeys(seats) if s in ons_of and s not in published]
        if waiting:
            return waiting
        return [] if unpublished else None

    def _not_yet(self, night: NightResults) -> Answer:
        declared = len(night.order)
        lead = (
            f"{_NOT_YET}: it needs results not all published. {declared} of "
            f"{COMMONS_SEATS} seats have declared."
        )
        blocks = [paragraph(lead)]
        if declared:
            blocks.append(paragraph(f"So far: {tally(night)}."))
        blocks.append(
            paragraph(f"{as_of(night)}. Ask about a seat, or \u201cthe results so far\u201d.")
        )
        return Answer(Status.NOT_FOUND, tuple(blocks), headline=lead)
