"""getUpdates through an outage, tried again within a second.

python-telegram-bot's polling loop waits after each failed getUpdates 1 s, then half as long
again each time, up to 30 s: six failures in a row (a few seconds of 502s) leave the bot
deaf for 21 s after Telegram is back. Its own extension point for the getUpdates connection
(ApplicationBuilder.get_updates_request) takes this request instead, which tries a failed
getUpdates again after 0.25 s, 0.5 s, then every second, so the loop rarely sees a failure
and the first answer after an outage comes at most about a second after it ends.

Repeating getUpdates is always safe: it asks again from the same offset, and an update is
confirmed only by the next offset, after it is in the inbox. A timeout is the long poll
ending with nothing new: the loop asks again at once, as it always does. A refusal (401,
404, 409) is no outage and is left to the loop, which reports it.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

from telegram.error import NetworkError, TimedOut
from telegram.request import HTTPXRequest, RequestData

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PollingBackoff:
    first_delay: float = 0.25  # doubled each time, up to max_delay
    max_delay: float = 1.0  # the longest the bot waits between two tries of getUpdates
    quiet_for: int = 10  # failures in a row before each further one is logged

    def delay(self, retry: int) -> float:
        return float(min(self.first_delay * 2 ** (retry - 1), self.max_delay))


class PatientPolling(HTTPXRequest):
    def __init__(self, backoff: PollingBackoff, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.backoff = backoff

    async def do_request(  # type: ignore[override]  # the timeouts pass through as they are
        self, url: str, method: str, request_data: RequestData | None = None, **kwargs: Any
    ) -> tuple[int, bytes]:
        # At a stop, python-telegram-bot confirms what it fetched with one getUpdates of
        # timeout 0: tried once, as it would be, so an outage cannot hold up the stop.
        parameters = request_data.parameters if request_data is not None else {}
        last_call = parameters.get("timeout") == 0
        retry = 0
        while True:
            try:
                code, payload = await super().do_request(url, method, request_data, **kwargs)
            except TimedOut:
                raise  # the long poll ended: the loop asks again at once
            except NetworkError as error:
                failure = str(error)
            else:
                if code < 500:
                    return code, payload
                failure = f"HTTP {code}"
            if last_call:
                raise NetworkError(f"getUpdates at the stop failed: {failure}")
            retry += 1
            wait = self.backoff.delay(retry)
            if retry == 1 or retry % self.backoff.quiet_for == 0:
                log.warning("getUpdates failed (%s, %d in a row); again in %.2f s",
                            failure, retry, wait)  # fmt: skip
            await asyncio.sleep(wait)
