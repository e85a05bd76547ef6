"""Seats in the order their results came in, ties included: what "the first seat to declare"
and "the last" read, whether the times are 2024's recorded times or an earlier election's
declarations (each worded by its own answers)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.engine.model.answer import BulletList, Source, bold, paragraph
from bot.engine.model.keys import Key
from bot.engine.understanding.intents import LAST_PLACE
from bot.engine.wording.phrases import ordinal
from bot.engine.wording.times import at_time


@dataclass(frozen=True)
class Timed:
    """One seat's result and when it came in."""

    name: str
    when: datetime
    keys: tuple[Key, ...]  # the seat, where the knowledge has it as an entity
    sources: tuple[Source, ...]


def in_order(timed: list[Timed], latest_first: bool = False) -> list[Timed]:
    """Earliest first (a tie in seat-name order), or latest first."""
    ordered = sorted(timed, key=lambda t: (t.when, t.name))
    if latest_first:
        return sorted(ordered, key=lambda t: t.when, reverse=True)
    return ordered


def at_place(timed: list[Timed], place: int) -> list[Timed]:
    """The seats at that place in time (1: the first, LAST_PLACE: the last), with every seat
    timed at the same minute: none is first of a tie. Empty beyond the last."""
    ordered = in_order(timed)
    if not ordered or place > len(ordered) or (place < 1 and place != LAST_PLACE):
        return []
    when = ordered[-1].when if place == LAST_PLACE else ordered[place - 1].when
    return [t for t in ordered if t.when == when]


def place_words(place: int) -> str:
    """'first', 'last', '12th'."""
    return "last" if place == LAST_PLACE else ordinal(place)


def joined(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def tie(group: list[Timed]) -> str:
    """How a time is said of a group: 'at', 'both at', 'all at'."""
    return "at" if len(group) == 1 else ("both at" if len(group) == 2 else "all at")


def listed(timed: list[Timed], latest_first: bool, length: int) -> BulletList:
    """The first (or last) seats, each with its time."""
    shown = in_order(timed, latest_first)[:length]
    return BulletList(tuple(paragraph(bold(t.name), f": {at_time(t.when)}") for t in shown))


def sources_of(timed: list[Timed]) -> tuple[Source, ...]:
    return tuple(dict.fromkeys(source for t in timed for source in t.sources))
