"""What "/follow Clacton", "/follow Reform", "/follow Jeremy Corbyn" and "/follow all" mean,
and which declarations reach whom: the subjects a chat follows, as text a store can keep.

Subjects: "all" (every declaration), "seat:<ONS ID>", "party:<abbreviation>" (each seat the
party wins), "person:<Democracy Club ID>" (the seat they stand in). IDs, not names, so that a
follow made before the night still matches the feed's rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.model.keys import Kind
from bot.engine.night.results import NightSeat
from bot.engine.results.catalog import Catalog
from bot.engine.understanding.index import NameIndex
from bot.engine.understanding.text import mend_slips, strip_address

HOW_TO_FOLLOW = (
    "Follow a seat, a party or a candidate: /follow Clacton, /follow Reform, "
    "/follow Jeremy Corbyn, or /follow all."
)
EVERYTHING = frozenset({"all", "everything", "every seat", "all seats", "all results"})


@dataclass(frozen=True)
class Target:
    subject: str  # "seat:E14000633"
    label: str  # "Clacton", said back to the chat


@dataclass(frozen=True)
class Unclear:
    """Not one thing to follow: what to say instead."""

    text: str
    options: tuple[str, ...] = ()


def stood_in(catalog: Catalog) -> dict[str, list[str]]:
    """The 2024 seats each person stood in (one, for all but a few), by person id."""
    seats: dict[str, set[str]] = {}
    for result in catalog.results:
        if result.person and result.seat:
            seats.setdefault(result.person, set()).add(result.seat)
    return {person: sorted(where) for person, where in seats.items()}


def subjects_of(seat: NightSeat) -> list[str]:
    """Every subject a declaration in this seat reaches."""
    found = ["all", f"seat:{seat.ons_id}"]
    if seat.winner is not None:
        found.append(f"party:{seat.winner.party_abbreviation}")
    found += [f"person:{c.dc_id}" for c in seat.candidates if c.dc_id is not None]
    return found


def target_of(catalog: Catalog, index: NameIndex, text: str) -> Target | Unclear:
    """What a chat asks to follow, or why it is not clear."""
    cleaned = mend_slips(strip_address(text)).strip().rstrip("?!.").strip()
    if cleaned.casefold() in EVERYTHING:
        return Target("all", "every declaration")
    resolution = index.resolve(cleaned)
    if resolution.unknown or len(resolution.mentions) != 1:
        named = " ".join(resolution.unknown) or cleaned
        return Unclear(f"I don’t know what “{named}” is. {HOW_TO_FOLLOW}")
    mention = resolution.mentions[0]
    if mention.ambiguous:
        names = tuple(catalog.name_of(key) for key in mention.keys)
        return Unclear(f"“{mention.text}” could be more than one. Which?", names)
    return _target(catalog, mention.keys[0])


def _target(catalog: Catalog, key: str) -> Target | Unclear:
    kind, _, entity_id = key.partition(":")
    if kind == Kind.SEAT:
        seat = catalog.seats[entity_id]
        if seat.ons_id is None:
            return Unclear(f"I have no results code for {seat.name}, so I can’t follow it.")
        return Target(f"seat:{seat.ons_id}", seat.name)
    if kind == Kind.PARTY:
        party = catalog.parties[entity_id]
        if not party.abbreviation:
            return Unclear(f"I can’t follow {party.name}: the results don’t name it by code.")
        return Target(f"party:{party.abbreviation}", party.name)
    if kind == Kind.PERSON:
        person = catalog.people[entity_id]
        if person.dc_id is None:
            return Unclear(f"I can’t follow {person.name}: the results give no ID for them.")
        seats = stood_in(catalog).get(entity_id, [])
        if not seats:  # an MP of the past, say: no declaration would ever be theirs
            return Unclear(f"{person.name} is not standing in this election, so there is "
                           "nothing of theirs to follow.")  # fmt: skip
        where = f" ({catalog.seats[seats[0]].name})" if len(seats) == 1 else ""
        return Target(f"person:{person.dc_id}", person.name + where)
    place = catalog.places[entity_id]
    return Unclear(f"{place.name} has {len(place.seats)} seats. Follow one of them by name.",
                   tuple(catalog.seats[s].name for s in place.seats))  # fmt: skip
