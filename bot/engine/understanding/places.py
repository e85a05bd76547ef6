"""Places that cover several seats, built once from the seats' names, regions and countries:
the four nations, the regions, and towns or cities that name two or more seats ("Leicester",
"York", "Richmond", "Durham"); and the short names people use for seats in such towns
("Stoke North", "Hull East", "Newcastle East")."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from knowledge.schema import Constituency


class Level(StrEnum):
    NATION = "nation"
    REGION = "region"
    TOWN = "town"  # seats named after it: not necessarily every seat in the town


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    level: Level
    seats: tuple[str, ...]  # seat ids, by name
    aliases: tuple[str, ...] = ()


# How people name some places besides their official names.
PLACE_ALIASES = {
    # "Scottish seats", "Welsh MPs": the nation's adjective names it as well as its name.
    "Scotland": ("Scottish",),
    "Wales": ("Welsh",),
    "England": ("English",),
    "Northern Ireland": ("NI", "N Ireland", "Northern Irish"),
    "Yorkshire and The Humber": ("Yorkshire", "Yorkshire and Humber"),
    # Two regions answer to "the Midlands": the bot asks which.
    "East Midlands": ("Midlands",),
    "West Midlands": ("Midlands",),
}
# The word a town is called by, where its official name is longer.
TOWN_NICKNAMES = {
    "Kingston upon Hull": "Hull",
    "Stoke-on-Trent": "Stoke",
    "Newcastle upon Tyne": "Newcastle",
}
_COMPASS = {"north", "south", "east", "west", "central", "mid"}
# Words that begin seat names without being a town on their own ("St Helens", "New Forest").
_NEEDS_NEXT_WORD = {"st", "great", "new", "isle", "old", "upper", "the", "vale", "forest", "na"}
_JOINERS = {"of", "upon", "on", "under", "and", "the"}
_MAX_TOWN_WORDS = 3


def _slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def _town_words(name: str) -> list[str]:
    """The words a seat's name may begin its town with: leading compass words and 'City of'
    dropped ("North Durham" and "City of Durham" are both Durham seats)."""
    words = name.replace(",", " ").split()
    while words and words[0].lower() in _COMPASS:
        words = words[1:]
    if len(words) > 2 and words[0].lower() in {"city", "cities"} and words[1] == "of":
        words = words[2:]
    return words


def _town_prefixes(name: str) -> list[str]:
    words = _town_words(name)
    found = []
    for length in range(1, min(_MAX_TOWN_WORDS, len(words)) + 1):
        prefix = words[:length]
        if prefix[-1].lower() in _JOINERS | _COMPASS:
            continue
        if length == 1 and prefix[0].lower() in _NEEDS_NEXT_WORD:
            continue
        found.append(" ".join(prefix))
    return found


def towns(seats: list[Constituency]) -> list[Place]:
    """Each town or city that begins two or more seat names, by its longest common name."""
    by_prefix: dict[str, set[str]] = defaultdict(set)
    leading: set[str] = set()  # prefixes some seat's name really begins with
    for seat in seats:
        for prefix in _town_prefixes(seat.name):
            by_prefix[prefix].add(seat.id)
            if seat.name.startswith(prefix) or seat.name.startswith(f"City of {prefix}"):
                leading.add(prefix)
    # "East Ham" and "West Ham" make no town called Ham: one seat must begin with the name.
    shared = {p: ids for p, ids in by_prefix.items() if len(ids) >= 2 and p in leading}
    # "Isle", "Isle of Wight": the same seats; keep the longest name for them.
    kept = {
        prefix: ids
        for prefix, ids in shared.items()
        if not any(other.startswith(prefix + " ") and shared[other] == ids for other in shared)
    }
    return [
        Place(
            _slug(prefix), prefix, Level.TOWN, tuple(sorted(ids)),
            (TOWN_NICKNAMES[prefix],) if prefix in TOWN_NICKNAMES else (),
        )
        for prefix, ids in sorted(kept.items())
    ]  # fmt: skip


def areas(seats: list[Constituency]) -> list[Place]:
    """The nations and regions the official results name, each with its seats."""
    members: dict[tuple[str, Level], set[str]] = defaultdict(set)
    for seat in seats:
        if seat.country:
            members[(seat.country, Level.NATION)].add(seat.id)
        if seat.region and seat.region != seat.country:
            members[(seat.region, Level.REGION)].add(seat.id)
    return [
        Place(_slug(name), name, level, tuple(sorted(ids)), PLACE_ALIASES.get(name, ()))
        for (name, level), ids in sorted(members.items())
    ]


def places(seats: list[Constituency]) -> dict[str, Place]:
    """Every place, by id; a region's id never clashes with a town's (regions win)."""
    found: dict[str, Place] = {}
    for place in [*towns(seats), *areas(seats)]:
        found[place.id] = place
    return found


def seat_nicknames(seat: Constituency) -> list[str]:
    """'Stoke-on-Trent North' -> 'Stoke North'; 'Kingston upon Hull East' -> 'Hull East'."""
    return [
        f"{nickname}{seat.name[len(town) :]}"
        for town, nickname in TOWN_NICKNAMES.items()
        if seat.name.startswith(town + " ")
    ]
