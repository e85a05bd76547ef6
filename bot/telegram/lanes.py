"""Updates processed concurrently, in order within a chat: one lane per chat.

python-telegram-bot processes updates one at a time unless given an update processor. This
one lets every chat go at once, so a slow reply or a throttled group holds up only its own
chat, while the messages of one chat are answered one after another, in the order they
came, so a follow-up ("and Blackburn?") is read after the question it follows. Inline
queries and button taps have no lane: they never wait behind messages.

It also keeps the inbox (bot/telegram/inbox.py): an update is marked done once it has been answered,
and the lanes let a busy group's handler see the questions still waiting behind it
(bot/telegram/repeats.py answers a repeated question once).

drain() makes the stop bounded: updates still waiting stay in the inbox for the next start,
and those in progress get a few seconds to finish before they are cancelled.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.telegram.inbox import Inbox

log = logging.getLogger(__name__)

# Updates waiting in lanes cost a few hundred bytes each; the limit only stops a flood from
# growing without bound. Lanes, not this number, decide what runs.
MAX_CONCURRENT_UPDATES = 4096


# How the update being answered is marked done, for the handler to call the moment its reply
# has gone (delivered()): nothing may run between a reply's return and its done mark, or a
# SIGKILL there would send it again on the next start.
_MARK_DONE: ContextVar[Callable[[], None] | None] = ContextVar("mark_done", default=None)


def delivered() -> None:
    """The reply to the update being answered has been sent: mark it done in the inbox now."""
    mark = _MARK_DONE.get()
    if mark is not None:
        mark()


@dataclass(eq=False)
class _Turn:
    update: Update
    ready: asyncio.Event = field(default_factory=asyncio.Event)
    answered_with: int | None = None  # the update whose reply answered this one too


class ChatLanes(BaseUpdateProcessor):
    def __init__(self, inbox: Inbox, max_concurrent_updates: int = MAX_CONCURRENT_UPDATES):
        super().__init__(max_concurrent_updates)
        self._inbox = inbox
        self._lanes: dict[int, deque[_Turn]] = {}
        self._in_progress: set[asyncio.Task[Any]] = set()
        self._closing = False

    async def initialize(self) -> None:
        self._closing = False

    async def shutdown(self) -> None:
        """Nothing to free: drain() has already settled every update."""

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat_id = _lane_of(update)
        if chat_id is None:
            await self._run(update, coroutine)
            return
        assert isinstance(update, Update)
        turn = _Turn(update)
        lane = self._lanes.setdefault(chat_id, deque())
        lane.append(turn)
        try:
            if lane[0] is not turn:
                await turn.ready.wait()
            else:
                # The updates of one getUpdates batch are all made tasks before any runs;
                # yielding once lets the rest of the batch join the lane behind this one, so
                # its handler sees the repeats waiting (bot/telegram/repeats.py).
                await asyncio.sleep(0)
            if turn.answered_with is not None:
                _discard(coroutine)
                log.info("update %s answered with %s", update.update_id, turn.answered_with)
                self._inbox.mark_done(update.update_id)
                return
            await self._run(update, coroutine)
        finally:
            self._leave(chat_id, lane, turn)

    def waiting_behind(self, update: Update) -> list[Update]:
        """The updates of the same chat waiting behind this one, oldest first."""
        chat_id = _lane_of(update)
        lane = self._lanes.get(chat_id) if chat_id is not None else None
        if not lane or lane[0].update is not update:
            return []
        return [turn.update for turn in list(lane)[1:] if turn.answered_with is None]

    def answered_with(self, waiting: Update, answered: Update) -> None:
        """`waiting` needs no reply of its own: the reply to `answered`, sent, was its answer
        too. Marked done now, not when its turn comes: a kill before then must not answer
        it again."""
        self._inbox.mark_done(waiting.update_id)
        chat_id = _lane_of(waiting)
        for turn in self._lanes.get(chat_id, ()) if chat_id is not None else ():
            if turn.update is waiting:
                turn.answered_with = answered.update_id

    async def drain(self, grace: float) -> None:
        """Stop starting updates; give those in progress `grace` seconds, then cancel them.

        Neither kind is marked done, so the next start answers them: a cancelled one may be
        answered twice (if its reply was on its way), a waiting one exactly once.
        """
        self._closing = True
        for lane in self._lanes.values():
            for turn in lane:
                turn.ready.set()
        if self._in_progress:
            _, late = await asyncio.wait(self._in_progress, timeout=grace)
            for task in late:
                task.cancel()
            if late:
                log.warning("stopping: %d updates cut short, kept for the next start", len(late))
                await asyncio.wait(late)

    async def _run(self, update: object, coroutine: Awaitable[Any]) -> None:
        if self._closing:  # left in the inbox: the next start answers it
            _discard(coroutine)
            return
        task = asyncio.current_task()
        assert task is not None
        self._in_progress.add(task)
        if isinstance(update, Update):
            update_id = update.update_id
            _MARK_DONE.set(lambda: self._inbox.mark_done(update_id))
        try:
            await coroutine
        finally:
            self._in_progress.discard(task)
        if isinstance(update, Update):
            self._inbox.mark_done(update.update_id)

    def _leave(self, chat_id: int, lane: deque[_Turn], turn: _Turn) -> None:
        was_first = lane[0] is turn
        lane.remove(turn)
        if not lane:
            if self._lanes.get(chat_id) is lane:
                del self._lanes[chat_id]
        elif was_first:
            lane[0].ready.set()


def _lane_of(update: object) -> int | None:
    """A message's chat; None for what must never wait behind messages (buttons, inline)."""
    if not isinstance(update, Update) or update.callback_query or update.inline_query:
        return None
    chat = update.effective_chat
    return chat.id if chat is not None else None


def _discard(coroutine: Awaitable[Any]) -> None:
    """A coroutine that will never run, closed so that Python does not warn it was forgotten."""
    if isinstance(coroutine, Coroutine):
        with contextlib.suppress(RuntimeError):
            coroutine.close()
