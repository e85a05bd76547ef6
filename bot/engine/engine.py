"""The engine: a question and its conversation in, an Answer out. Knows nothing of Telegram."""

from __future__ import annotations

from dataclasses import replace

from bot.engine import lists, people, seats
from bot.engine.answer import Answer, Quotation, Status, paragraph
from bot.engine.catalog import Catalog, split_key
from bot.engine.conversation import Conversation
from bot.engine.index import Kind, Mention, NameIndex, Resolution
from bot.engine.intents import Intent, Reading, read
from bot.engine.text import strip_address
from knowledge.schema import Knowledge

# Long pastes are cut: no question needs more, and it bounds the work per message.
MAX_QUESTION_CHARS = 300

PERSON_INTENTS = {Intent.VOTES, Intent.SHARE, Intent.FINISH, Intent.SAID, Intent.CHANGE}
SEAT_INTENTS = {Intent.PLACE, Intent.MAJORITY, Intent.WINNER}


class Engine:
    def __init__(self, knowledge: Knowledge) -> None:
        self.catalog = Catalog(knowledge)
        self.index = NameIndex(self.catalog.entities())

    def answer(self, question: str, conversation: Conversation | None = None) -> Answer:
        conversation = conversation if conversation is not None else Conversation()
        text = strip_address(question)[:MAX_QUESTION_CHARS].strip()
        resolution = self.index.resolve(text)
        reading = read(resolution)
        answer = self._reply_to_pending(text, resolution, reading, conversation)
        if answer is None:
            answer = self._answer(text, resolution, reading, conversation)
        answer = replace(answer, intent=reading.intent)
        conversation.remember(reading, answer)
        return answer

    def answer_about(
        self, key: str, intent: Intent | None = None, place: int | None = None
    ) -> Answer:
        """The answer for one known entity: for buttons and links that carry the choice."""
        if not self._known(key):
            return lists.not_found(self.catalog, key.partition(":")[2].replace("-", " "))
        reading = Reading(intent, place=place)
        return self._compose(reading, [key], Conversation())

    def _known(self, key: str) -> bool:
        return key in self.index.entities

    def _reply_to_pending(
        self, text: str, resolution: Resolution, reading: Reading, conversation: Conversation
    ) -> Answer | None:
        """'Perveen' or '2' after 'which Hussain?': answer what was asked about that one."""
        pending = conversation.pending
        if pending is None or (
            reading.intent is not None
            and resolution.mentions
            and not any(set(m.keys) & set(pending.keys) for m in resolution.mentions)
        ):
            return None
        picked = self.index.options_matching(text, pending.keys)
        if text.isdigit() and 1 <= int(text) <= len(pending.keys):
            picked = (pending.keys[int(text) - 1],)
        if len(picked) != 1:
            return None
        return self._compose(pending.reading, [picked[0]], conversation)

    def _answer(
        self, text: str, resolution: Resolution, reading: Reading, conversation: Conversation
    ) -> Answer:
        mentions = resolution.mentions
        if reading.intent is Intent.HELP and not mentions:
            return lists.help_answer(self.catalog)
        if reading.intent is Intent.COVERAGE and not mentions:
            return lists.coverage(self.catalog)
        if reading.intent is Intent.SOURCE and not mentions:
            return self._sources(conversation)
        ambiguous = next((m for m in mentions if m.ambiguous), None)
        if ambiguous is not None:
            return self._which_one(ambiguous, reading)
        if resolution.doubtful and not mentions:
            return self._did_you_mean(resolution)
        keys = [m.keys[0] for m in mentions]
        if not keys and resolution.unknown:
            return lists.not_found(self.catalog, resolution.unknown_phrase())
        if reading.intent is None and not keys and not reading.follow_up:
            return lists.not_found(self.catalog, "")
        answer = self._compose(self._with_context(reading, keys, conversation), keys, conversation)
        if reading.intent is Intent.SOURCE:
            return self._sources(replace(conversation, sources=answer.sources))
        return answer

    def _with_context(
        self, reading: Reading, keys: list[str], conversation: Conversation
    ) -> Reading:
        """'and Blackburn?' asks the last question again about something else."""
        if reading.intent is None and keys and reading.follow_up and conversation.reading:
            return replace(conversation.reading, follow_up=True)
        return reading

    def _compose(self, reading: Reading, keys: list[str], conversation: Conversation) -> Answer:
        by_kind: dict[Kind, list[str]] = {Kind.SEAT: [], Kind.PERSON: [], Kind.PARTY: []}
        for key in keys:
            kind, entity_id = split_key(key)
            if entity_id not in by_kind[kind]:
                by_kind[kind].append(entity_id)
        seat_ids, person_ids, party_ids = (
            by_kind[Kind.SEAT],
            by_kind[Kind.PERSON],
            by_kind[Kind.PARTY],
        )
        intent = reading.intent
        if not seat_ids and not person_ids:
            person_ids, seat_ids = self._focus(reading, party_ids, conversation)
        if person_ids and (not seat_ids or intent in PERSON_INTENTS | {None, Intent.OVERVIEW}):
            return self._about_people(reading, person_ids)
        if seat_ids:
            return self._about_seat(reading, seat_ids[0], party_ids)
        if party_ids:
            return self._about_party(reading, party_ids[0])
        if intent is Intent.RANKING:
            return lists.ranking(self.catalog, reading.most, reading.by_share, None)
        if intent in {Intent.WINNER, Intent.FINISH} or reading.national:
            return lists.winners(self.catalog, national=reading.national)
        if intent in {Intent.HELP, None}:
            return lists.help_answer(self.catalog)
        return lists.not_found(self.catalog, "")

    @staticmethod
    def _focus(
        reading: Reading, party_ids: list[str], conversation: Conversation
    ) -> tuple[list[str], list[str]]:
        """(people, seats) that a question naming neither is about: the conversation's focus.

        "how many votes did he get" is about the last person, "who came second there" and
        "what did Labour get?" about the last seat; "which independents won" about no one.
        """
        intent = reading.intent
        refers = reading.refers_to_person or reading.refers_to_seat or reading.follow_up
        # Bare "who won?" or "results" is about everything, not the last thing mentioned.
        needs_reference = {None, Intent.RANKING, Intent.HELP, Intent.OVERVIEW, Intent.WINNER}
        if (intent in needs_reference and not refers) or reading.national:
            return [], []
        if party_ids == ["independent"] and not reading.refers_to_seat:
            return [], []
        last_person = [split_key(conversation.person)[1]] if conversation.person else []
        last_seat = [split_key(conversation.seat)[1]] if conversation.seat else []
        if reading.refers_to_person or (intent in PERSON_INTENTS and not party_ids):
            return last_person, []
        if reading.refers_to_seat or intent in SEAT_INTENTS or party_ids:
            return [], last_seat
        return last_person, []

    def _about_people(self, reading: Reading, person_ids: list[str]) -> Answer:
        catalog, intent, first = self.catalog, reading.intent, person_ids[0]
        if len(person_ids) > 1 and intent in {
            None,
            Intent.COMPARE,
            Intent.VOTES,
            Intent.SHARE,
            Intent.RANKING,
            Intent.OVERVIEW,
        }:
            return people.compare_answer(catalog, first, person_ids[1])
        if intent is Intent.VOTES or intent is Intent.RANKING:
            return people.votes_answer(catalog, first)
        if intent is Intent.SHARE:
            return people.share_answer(catalog, first)
        if intent is Intent.SAID:
            return people.said_answer(catalog, first)
        if intent is Intent.CHANGE:
            return people.change_answer(catalog, first)
        if intent is Intent.WINNER:
            return people.finish_answer(catalog, first, asked_place=1)
        if intent is Intent.PLACE:
            return people.finish_answer(catalog, first, asked_place=reading.place)
        if intent is Intent.FINISH:
            return people.finish_answer(catalog, first)
        if intent is Intent.MAJORITY:
            found = catalog.results_by_person.get(first)
            if found and found[0].seat and found[0].elected:
                return seats.majority_answer(catalog, found[0].seat)
            return people.finish_answer(catalog, first)
        return people.overview(catalog, first)

    def _about_seat(self, reading: Reading, seat_id: str, party_ids: list[str]) -> Answer:
        catalog, intent = self.catalog, reading.intent
        party = next(
            (p for p in party_ids if p != "independent" or intent is not Intent.WINNER), None
        )
        if party is not None and intent not in {Intent.MAJORITY, Intent.PLACE}:
            return seats.party_in_seat(catalog, party, seat_id, intent)
        if intent is Intent.PLACE and reading.place is not None:
            return seats.place_answer(catalog, seat_id, reading.place)
        if intent is Intent.MAJORITY:
            return seats.majority_answer(catalog, seat_id)
        return seats.seat_card(catalog, seat_id)

    def _about_party(self, reading: Reading, party_id: str) -> Answer:
        intent = reading.intent
        if intent is Intent.RANKING:
            return lists.ranking(self.catalog, reading.most, reading.by_share, party_id)
        if party_id == "independent":
            if intent in {Intent.WINNER, Intent.FINISH}:
                return lists.independents(self.catalog, None, elected_only=True)
            if intent is Intent.PLACE:
                return lists.independents(self.catalog, reading.place, elected_only=False)
            return lists.independents(self.catalog, None, elected_only=False)
        return lists.party_results(self.catalog, party_id)

    def _which_one(self, mention: Mention, reading: Reading) -> Answer:
        kinds = {split_key(key)[0] for key in mention.keys}
        if kinds == {Kind.SEAT}:
            seat_ids = [split_key(key)[1] for key in mention.keys]
            return seats.place_choice(self.catalog, mention.text, seat_ids, "Which one?")
        return lists.choose(self.catalog, mention.keys, mention.text)

    def _did_you_mean(self, resolution: Resolution) -> Answer:
        keys = tuple(key for m in resolution.doubtful for key in m.keys)
        asked = resolution.unknown_phrase()
        reason = f"I don’t have “{asked}”. Did you mean one of these?"
        return lists.choose(self.catalog, keys, asked, reason)

    def _sources(self, conversation: Conversation) -> Answer:
        if not conversation.sources:
            return Answer(
                Status.HELP,
                (
                    paragraph(
                        "Ask me something first; then “source” shows the sentences behind "
                        "the answer."
                    ),
                ),
                headline="No answer to source yet",
            )
        blocks = tuple(Quotation((s.quote,), s.document) for s in conversation.sources)
        return Answer(
            Status.ANSWERED,
            (paragraph("From the article:"), *blocks),
            headline=f"{len(blocks)} sentences from the article",
            sources=conversation.sources,
        )
