"""Times of an election night, said the one way: '23:30 on 4 July 2024'."""

from __future__ import annotations

from datetime import datetime


def at_time(when: datetime) -> str:
    """'23:30 on 4 July 2024' (UK time, as the files give it)."""
    return f"{when:%H:%M} on {when.day} {when:%B %Y}"
