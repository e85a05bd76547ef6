"""The seats an answer is about: every seat, or a place's (a nation, a region, a town)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.model.keys import Key
from bot.engine.results.catalog import Catalog, place_key
from bot.engine.understanding.places import Level

COMPASS_NAMES = frozenset({"North", "South", "East", "West"})


@dataclass(frozen=True)
class Scope:
    """The seats an answer is about: every seat, or a place's."""

    place_id: str | None = None
    place_name: str = ""
    level: Level | None = None
    seat_ids: frozenset[str] | None = None  # None: every seat

    def holds(self, seat_id: str | None) -> bool:
        return self.seat_ids is None or seat_id in self.seat_ids

    @property
    def where(self) -> str:
        """' in Wales', ' in London', ' in the North East', '' for the whole election."""
        if not self.place_name:
            return ""
        return f" in {self.named}"

    @property
    def named(self) -> str:
        """'Wales', 'London', 'the North East': a region named by its compass point takes 'the'."""
        compass = self.level is Level.REGION and self.place_name.split()[0] in COMPASS_NAMES
        return f"the {self.place_name}" if compass else self.place_name

    def of_seats(self, count: int) -> str:
        """'of 650 seats', 'of the 32 seats in Wales', 'of the 3 Leicester seats'."""
        if self.place_id is None:
            return f"of {count} seats"
        if self.level is Level.TOWN:
            return f"of the {count} {self.place_name} seats"
        return f"of the {count} seats in {self.named}"

    @property
    def keys(self) -> tuple[Key, ...]:
        return (place_key(self.place_id),) if self.place_id else ()


def scope_of(catalog: Catalog, place_id: str | None) -> Scope:
    if place_id is None:
        return Scope()
    place = catalog.places[place_id]
    return Scope(place_id, place.name, place.level, frozenset(place.seats))


EVERY_SEAT = Scope()  # the whole election
