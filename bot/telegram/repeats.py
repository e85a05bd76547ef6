"""A busy group's repeated question, answered once.

When a result comes in, fifty people in a group ask "who won Blackburn?" within seconds, as
"/result blackburn", "/result@TheBot Blackburn" or "@TheBot who won Blackburn", and Telegram
lets a bot post about 20 messages a minute to a group: fifty replies would take minutes and
hold up every other question. So a question whose answer is the same as one the group is
about to get, or got in the last minute, is answered by that one reply, which says how many
asked:

- Before the oldest question of a group is answered, the questions waiting behind it in the
  group's lane are looked at: those with the same answer join this reply.
- A question asked after the reply went, within REPLY_JOINABLE_SECONDS, joins it too: no new
  message, and the reply's "N people asked this." is edited, at most once every few seconds
  (Tuning.renote_seconds), so a burst of askers costs one edit, not one message each.

The same answer, not the same words: "how many votes did he get?" means Farage to one person
and Corbyn to another. Each question is answered from its own asker's conversation (a
waiting one on a copy), and joins only if the answer is the same; its asker's conversation
then moves on as if it had been answered alone, so their next follow-up still follows.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import partial

from telegram import Update
from telegram.error import TelegramError

from bot.answering import Think, at_once
from bot.engine import Answer, Engine
from bot.render import to_html
from bot.telegram.asked import question_of
from bot.telegram.chat_state import ConversationStore, conversation_key
from bot.telegram.lanes import ChatLanes

log = logging.getLogger(__name__)

REPLY_JOINABLE_SECONDS = 60.0  # a reply this recent still answers the same question
KEPT_REPLIES_PER_CHAT = 20  # a group's recent replies remembered, newest kept
MAX_EDITS = 5  # of one reply's count: each edit costs one of the group's messages a minute

Renote = Callable[[int], Awaitable[object]]  # edits a sent reply to say N people asked


@dataclass
class _Reply:
    askers: set[int | None]
    sent_at: float
    renote: Renote
    noted: int  # how many the reply says asked
    edits: int = 0
    editing: asyncio.Task[None] | None = field(default=None)


class Repeats:
    def __init__(
        self,
        engine: Engine,
        conversations: ConversationStore,
        lanes: ChatLanes,
        clock: Callable[[], float] = time.monotonic,
        renote_seconds: float = 10.0,
    ):
        self._engine = engine
        self._conversations = conversations
        self._lanes = lanes
        self._clock = clock
        self._renote_seconds = renote_seconds
        self._replies: dict[int, dict[str, _Reply]] = {}
        self._editing: set[asyncio.Task[None]] = set()

    async def asked_alike(
        self, update: Update, answer: Answer, think: Think = at_once
    ) -> list[tuple[Update, str]]:
        """The questions waiting behind this one in its chat whose answer, each from its own
        asker's conversation (tried on a copy), is this answer: (update, question)."""
        html, alike = to_html(answer), []
        for waiting in self._lanes.waiting_behind(update):
            message = waiting.effective_message
            question = question_of(message) if message is not None else None
            if question is None:
                continue
            trial = copy.deepcopy(self._conversations.get(conversation_key(waiting)))
            if to_html(await think(partial(self._engine.answer, question, trial))) == html:
                alike.append((waiting, question))
        return alike

    async def answered(
        self, update: Update, alike: list[tuple[Update, str]], think: Think = at_once
    ) -> None:
        """The reply to `update` has gone, and answers these too: each is marked done at once
        (a kill now must not answer them again), then its asker's conversation moves on as if
        it had been answered alone, so their next follow-up still follows."""
        for waiting, _ in alike:
            self._lanes.answered_with(waiting, update)
        for waiting, question in alike:
            conversation = self._conversations.get(conversation_key(waiting))
            await think(partial(self._engine.answer, question, conversation))

    def joined(self, update: Update, answer: Answer) -> bool:
        """True if a recent reply in the chat already gives this answer: the asker is added
        to it, and its count edited soon, instead of a reply of their own."""
        chat = update.effective_chat
        reply = self._replies.get(chat.id, {}).get(to_html(answer)) if chat else None
        if reply is None or self._clock() - reply.sent_at > REPLY_JOINABLE_SECONDS:
            return False
        asker = asker_of(update)
        if asker in reply.askers:
            return False  # asking again: they want it again, in view, not a count
        reply.askers.add(asker)
        if reply.editing is None and reply.edits < MAX_EDITS:
            reply.editing = asyncio.create_task(self._renote(reply))
            self._editing.add(reply.editing)
            reply.editing.add_done_callback(self._editing.discard)
        return True

    def sent(self, update: Update, answer: Answer, askers: set[int | None], renote: Renote) -> None:
        """Remember a reply sent to a group, so that the same question asked soon joins it."""
        chat = update.effective_chat
        if chat is None:
            return
        now = self._clock()
        for chat_id, kept in list(self._replies.items()):  # what no one can join any more
            for html, old in list(kept.items()):
                if now - old.sent_at > REPLY_JOINABLE_SECONDS and old.editing is None:
                    del kept[html]
            if not kept:
                del self._replies[chat_id]
        replies = self._replies.setdefault(chat.id, {})
        replies[to_html(answer)] = _Reply(set(askers), now, renote, len(askers))
        while len(replies) > KEPT_REPLIES_PER_CHAT:
            del replies[next(iter(replies))]

    async def settle(self) -> None:
        """At a stop: each reply's count said now, before the connection to Telegram goes."""
        waiting = list(self._editing)
        for task in waiting:
            task.cancel()
        await asyncio.gather(*waiting, return_exceptions=True)
        for replies in self._replies.values():
            for reply in replies.values():
                if reply.noted != len(reply.askers):
                    with contextlib.suppress(TelegramError):
                        await reply.renote(len(reply.askers))

    async def _renote(self, reply: _Reply) -> None:
        """Say the new count, after a pause that lets a burst of askers share one edit. Edits
        count against the group's 20 messages a minute: a few, far apart, per reply."""
        try:
            while reply.noted != len(reply.askers) and reply.edits < MAX_EDITS:
                await asyncio.sleep(self._renote_seconds)
                people = len(reply.askers)
                reply.edits += 1
                await reply.renote(people)
                reply.noted = people
        except TelegramError as error:  # the answer stands; only its count is out of date
            log.warning("could not update how many asked (%s)", error)
        finally:
            reply.editing = None


def asker_of(update: Update) -> int | None:
    return update.effective_user.id if update.effective_user else None
