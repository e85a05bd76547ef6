"""Lines added under an answer when how it was sent needs saying: asked by several, or late.

A reply that would arrive minutes after its question (a throttled group, a restart that
replayed the inbox) is still sent: dropping it would lose the question. It goes as a reply
to the question, so Telegram shows what it answers, and says how late it is, so no one reads
it as an answer to whatever the chat is talking about now.
"""

from __future__ import annotations

from datetime import datetime

LATE_AFTER_SECONDS = 60


def asked_by(people: int) -> str | None:
    return f"<i>{people} people asked this.</i>" if people > 1 else None


def lateness(asked: datetime, now: datetime) -> str | None:
    waited = (now - asked).total_seconds()
    if waited < LATE_AFTER_SECONDS:
        return None
    minutes = round(waited / 60)
    if minutes < 60:
        ago = f"{minutes} minute{'s' if minutes != 1 else ''}"
    else:
        hours = round(waited / 3600)
        ago = f"{hours} hour{'s' if hours != 1 else ''}"
    return f"<i>Late answer: you asked {ago} ago. Sorry for the wait.</i>"
