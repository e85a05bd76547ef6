"""Logging for the running bot, with secrets and people's places redacted from every line.

httpx logs request URLs, and the Bot API puts the token in the URL; python-telegram-bot logs
its base URL at DEBUG. Redacting in the formatter covers messages, arguments and tracebacks
alike, at every level, whatever logger they come from. The same goes for postcodes and
locations, which python-telegram-bot (updates at DEBUG) and httpx (request URLs) would
otherwise write: a postcode keeps only its outward code ("SW1A ***"), a coordinate none.
"""

from __future__ import annotations

import logging
import re
import sys

REDACTED = "[REDACTED]"
_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])([A-Za-z]{1,2}[0-9][A-Za-z0-9]?)(?: |%20|\+)?[0-9][A-Za-z]{2}(?![A-Za-z0-9])"
)
_COORDINATE = re.compile(r"((?:latitude|longitude|lat|lon)['\"]?\s*[:=]\s*)-?[0-9]+(?:\.[0-9]+)?")


def without_places(text: str) -> str:
    """Postcodes cut to their outward code, coordinates removed."""
    text = _POSTCODE.sub(lambda found: f"{found.group(1).upper()} ***", text)
    return _COORDINATE.sub(lambda found: f"{found.group(1)}[hidden]", text)


FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactingFormatter(logging.Formatter):
    def __init__(self, secrets: list[str], fmt: str = FORMAT) -> None:
        super().__init__(fmt)
        self._secrets = [s for s in secrets if s]

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return without_places(text)


# What python-telegram-bot logs with a traceback and then raises, for the bot to handle: a
# failed start-up call (reported in one line by bot/telegram/app.py) and a reply that is not
# JSON (a gateway's HTML 5xx page, retried by bot/telegram/retries.py). One line each is
# enough; on a bad night a traceback per 502 would bury everything else.
_HANDLED_ELSEWHERE = ("Retry Loop", "Can not load invalid JSON data")


def _without_retry_traceback(record: logging.LogRecord) -> bool:
    if record.name.startswith("telegram") and any(
        said in str(record.msg) or said in record.getMessage() for said in _HANDLED_ELSEWHERE
    ):
        record.exc_info = None
        record.exc_text = None
    return True


def configure_logging(level: str, secrets: list[str]) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(RedactingFormatter(secrets))
    handler.addFilter(_without_retry_traceback)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # One line per HTTP request is noise below DEBUG; at DEBUG it is shown, redacted.
    if level != "DEBUG":
        logging.getLogger("httpx").setLevel(logging.WARNING)
