"""Logging for the running bot, with secrets redacted from every line.

httpx logs request URLs, and the Bot API puts the token in the URL; python-telegram-bot logs
its base URL at DEBUG. Redacting in the formatter covers messages, arguments and tracebacks
alike, at every level, whatever logger they come from.
"""

from __future__ import annotations

import logging
import sys

REDACTED = "[REDACTED]"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactingFormatter(logging.Formatter):
    def __init__(self, secrets: list[str], fmt: str = FORMAT) -> None:
        super().__init__(fmt)
        self._secrets = [s for s in secrets if s]

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text


def configure_logging(level: str, secrets: list[str]) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(RedactingFormatter(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # One line per HTTP request is noise below DEBUG; at DEBUG it is shown, redacted.
    if level != "DEBUG":
        logging.getLogger("httpx").setLevel(logging.WARNING)
