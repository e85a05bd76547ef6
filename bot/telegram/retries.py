"""Calls to Telegram retried through its bad moments, on top of python-telegram-bot's limiter.

AIORateLimiter keeps the bot within Telegram's limits (30 messages a second, 20 a minute per
group) and retries a 429 after its retry_after: the call did nothing, so it cannot
duplicate. This subclass also retries, with exponential backoff, the faults that pass:
a 5xx, a timeout, a dropped connection. Whether that is safe depends on the call:

- A call that never reached Telegram (the connection could not be made, or no connection
  was free) did nothing: every call is retried.
- A 5xx is Telegram (or its gateway) answering that the call failed: every call is retried.
- A timeout or a connection dropped after the request was sent is unknown: the call may have
  taken effect. Calls whose repeat changes nothing (SAFE_TO_REPEAT: setting commands or the
  webhook, editing a message to the same text, answering a button or an inline query, getMe)
  are retried. sendMessage and sendPhoto are not idempotent, and are retried anyway: the
  person then may get the answer twice, which they can see, instead of never, which they
  cannot.

Errors that are answers (400 Bad Request, 403, 401) are never retried, and neither is an
answer the bot cannot read (a 200 that is not JSON, or has no result): asking again would
most likely get the same. Whatever a call fails with at the end is noted with the call's
name, so that the log, or a start-up that cannot go on, says which call it was in one line.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

import httpx
from telegram.error import BadRequest, NetworkError
from telegram.ext import AIORateLimiter

log = logging.getLogger(__name__)

SAFE_TO_REPEAT = frozenset(
    "getMe setMyCommands deleteMyCommands setWebhook deleteWebhook getWebhookInfo "
    "editMessageText editMessageReplyMarkup answerCallbackQuery answerInlineQuery".split()
)
# Not idempotent, retried even when it may have taken effect: a lost answer is worse.
REPEATED_EVEN_IF_DUPLICATED = frozenset({"sendMessage", "sendPhoto"})
CALL_NOTE = "Bot API call: "
_NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)

JSONResult = bool | dict[str, Any] | list[dict[str, Any]]


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 6  # in all, first try included: about 15 s of backoff at the defaults
    first_delay: float = 0.5  # doubled each time, up to max_delay
    max_delay: float = 8.0
    retries_after_429: int = 8  # Telegram says when; waiting is always right

    def delay(self, retry: int) -> float:
        """Backoff before retry number `retry` (1, 2, ...), with jitter so that the replies
        held up by one outage don't all try again in the same instant."""
        backoff: float = min(self.first_delay * 2 ** (retry - 1), self.max_delay)
        return backoff * random.uniform(0.5, 1)


def may_repeat(endpoint: str, error: NetworkError) -> bool:
    """Whether a call that failed with this transient error can be made again."""
    if isinstance(error, BadRequest):
        return False
    cause = error.__cause__
    if not isinstance(cause, httpx.HTTPError) or isinstance(cause, _NEVER_SENT):
        return True  # an HTTP status from Telegram (a 5xx), or never sent: nothing happened
    return endpoint in SAFE_TO_REPEAT or endpoint in REPEATED_EVEN_IF_DUPLICATED


def failed_call(error: BaseException, endpoint: str) -> None:
    """Name the Bot API call on the error it gave up with, for the one-line log of it."""
    error.add_note(f"{CALL_NOTE}{endpoint}")


def call_of(error: BaseException) -> str | None:
    """The Bot API call an error came from, where the limiter gave up on it."""
    notes = getattr(error, "__notes__", [])
    return next((n.removeprefix(CALL_NOTE) for n in notes if n.startswith(CALL_NOTE)), None)


class RetryingRateLimiter(AIORateLimiter):
    def __init__(self, policy: RetryPolicy, **limits: float) -> None:
        super().__init__(max_retries=policy.retries_after_429, **limits)
        self.policy = policy

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSONResult]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSONResult:
        attempt = 1
        while True:
            try:
                return await super().process_request(
                    callback, args, kwargs, endpoint, data, rate_limit_args
                )
            except NetworkError as error:
                if attempt >= self.policy.attempts or not may_repeat(endpoint, error):
                    failed_call(error, endpoint)
                    raise
                wait = self.policy.delay(attempt)
                log.warning(
                    "%s failed (%s); try %d of %d in %.1f s",
                    endpoint, error, attempt + 1, self.policy.attempts, wait,
                )  # fmt: skip
                attempt += 1
                await asyncio.sleep(wait)
            except Exception as error:  # 403, a 429 past its retries, an answer not read
                failed_call(error, endpoint)
                raise
