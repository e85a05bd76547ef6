"""Per-chat state the Telegram front end keeps: conversations and the flood guard.

Both are bounded: the least recently used conversations are dropped past a maximum, and the
flood guard remembers only the last few seconds.
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable

from telegram import Update
from telegram.constants import ChatType

from bot.engine import Conversation

MAX_CONVERSATIONS = 10_000


def conversation_key(update: Update) -> tuple[int, int]:
    """One conversation per private chat; in a group, one per person, so follow-ups don't mix."""
    chat, user = update.effective_chat, update.effective_user
    chat_id = chat.id if chat else 0
    user_id = user.id if user and chat and chat.type != ChatType.PRIVATE else 0
    return chat_id, user_id


class ConversationStore:
    """One Conversation per key (a private chat, or one person in a group), LRU-bounded."""

    def __init__(self, limit: int = MAX_CONVERSATIONS) -> None:
        self._limit = limit
        self._conversations: OrderedDict[Hashable, Conversation] = OrderedDict()

    def get(self, key: Hashable) -> Conversation:
        conversation = self._conversations.pop(key, None) or Conversation()
        self._conversations[key] = conversation
        while len(self._conversations) > self._limit:
            self._conversations.popitem(last=False)
        return conversation

    def __len__(self) -> int:
        return len(self._conversations)


class FloodGuard:
    """At most `burst` answers per `window` seconds for one key (a person in a group).

    Past that the bot stays quiet rather than fill the group: one person asking many times in
    a few seconds gets the first answers, not a wall of them.
    """

    def __init__(
        self, burst: int = 3, window: float = 10.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._burst, self._window, self._clock = burst, window, clock
        self._recent: dict[Hashable, deque[float]] = {}

    def allow(self, key: Hashable) -> bool:
        now = self._clock()
        recent = self._recent.setdefault(key, deque())
        while recent and now - recent[0] >= self._window:
            recent.popleft()
        if len(recent) >= self._burst:
            return False
        recent.append(now)
        if len(self._recent) > MAX_CONVERSATIONS:
            self._forget_idle(now)
        return True

    def _forget_idle(self, now: float) -> None:
        idle = [
            k for k, times in self._recent.items() if not times or now - times[-1] >= self._window
        ]
        for key in idle:
            del self._recent[key]
