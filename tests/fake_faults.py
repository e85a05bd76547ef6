"""What Telegram does on a bad night, for the fake Bot API to do on purpose.

Each fault is drawn per call from a seeded random generator, so a test's counts are the same on
every run. The faults are what the Bot API and the proxies in front of it really answer:
429 with parameters.retry_after, 5xx as Telegram's JSON or as a gateway's HTML page, a
connection closed without a reply (before or after the call took effect), slow replies,
refusals the fake cannot reach on its own (a group's media rights, an image Telegram's
servers cannot process), and a 200 whose body the bot cannot read.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True)
class TooManyRequests:
    """429: the call did nothing; try again after retry_after seconds."""

    retry_after: int = 1


@dataclass(frozen=True)
class ServerError:
    """A 5xx: as Telegram's JSON ({"ok": false, ...}) or as a proxy's HTML page."""

    status: int = 500
    html: bool = False


@dataclass(frozen=True)
class Dropped:
    """The connection closes with no reply. after=True: the call took effect first (a message
    was sent), which the bot cannot tell from a call that never arrived."""

    after: bool = False


@dataclass(frozen=True)
class Slow:
    """The reply comes, but only after this many seconds."""

    seconds: float = 2.0


@dataclass(frozen=True)
class Refused:
    """Telegram refuses the call with its own error body, e.g. 400 "Bad Request: not enough
    rights to send photos to the chat" (a group that forbids media) or "Bad Request:
    PHOTO_INVALID_DIMENSIONS". The call did nothing."""

    status: int
    description: str


@dataclass(frozen=True)
class Garbled:
    """A 200 whose body is not what the Bot API promises: not JSON at all (a proxy's page),
    or JSON missing what the call returns (getMe's user without is_bot)."""

    body: bytes
    content_type: str = "application/json"


Fault = TooManyRequests | ServerError | Dropped | Slow | Refused | Garbled


@dataclass
class Rule:
    method: str
    fault: Fault
    rate: float  # the share of calls to `method` that get it
    limit: int | None = None  # at most this many times, then never again
    chat_id: int | None = None  # only calls about this chat


@dataclass
class Faults:
    """The faults to inject, drawn per call; `injected` counts what was injected."""

    seed: int = 2912
    latency: float = 0.0  # seconds added to every call: the round trip to Telegram
    rules: list[Rule] = field(default_factory=list)
    injected: Counter[str] = field(default_factory=Counter)
    injected_at: list[tuple[str, float]] = field(default_factory=list)  # (method, monotonic)

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)
        self._lock = threading.Lock()

    def add(
        self,
        method: str,
        fault: Fault,
        rate: float = 1.0,
        limit: int | None = None,
        chat_id: int | None = None,
    ) -> None:
        with self._lock:
            self.rules.append(Rule(method, fault, rate, limit, chat_id))

    def draw(self, method: str, chat_id: int | None = None) -> Fault | None:
        with self._lock:
            for rule in self.rules:
                if rule.method != method or rule.limit == 0:
                    continue
                if rule.chat_id is not None and rule.chat_id != chat_id:
                    continue
                if self._random.random() < rule.rate:
                    if rule.limit is not None:
                        rule.limit -= 1
                    self.injected[f"{method} {type(rule.fault).__name__}"] += 1
                    self.injected_at.append((method, time.monotonic()))
                    return rule.fault
            return None


@dataclass
class TelegramLimits:
    """Telegram's published limits on what a bot sends, enforced as Telegram does, with a 429
    and retry_after: about 30 messages a second in all, one a second to a private chat, 20 a
    minute to a group (negative chat ids). Edits count as messages here: Telegram does not say
    they are free, and a bot that spends a group's budget on edits delays its alerts."""

    overall_per_second: int = 30
    group_per_minute: int = 20
    refused: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._overall: list[float] = []
        self._per_chat: dict[int, list[float]] = {}

    def check(self, chat_id: int, now: float) -> int | None:
        """Seconds to wait if this message is over a limit (and it is refused), else None."""
        with self._lock:
            self._overall = [t for t in self._overall if now - t < 1.0]
            if len(self._overall) >= self.overall_per_second:
                self.refused["overall"] += 1
                return 1
            sent = [t for t in self._per_chat.get(chat_id, []) if now - t < 60.0]
            if chat_id < 0 and len(sent) >= self.group_per_minute:
                self.refused["group"] += 1
                return max(1, int(60.0 - (now - sent[0])) + 1)
            if chat_id > 0 and sent and now - sent[-1] < 1.0:
                self.refused["private"] += 1
                return 1
            sent.append(now)
            self._per_chat[chat_id] = sent
            self._overall.append(now)
            return None
