"""Answering from where someone is: a postcode, an outward code or a shared location, once a
front end has looked it up (the engine does no I/O; see bot/postcode_lookup.py).

A place found in one constituency is answered exactly as if the seat had been named, so the
question's kind and every follow-up work as usual; several constituencies ask which one,
with a button each; a problem with the lookup is said plainly, never guessed past.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.engine.answers.blocks import seat_choice
from bot.engine.model.answer import Answer, Status, paragraph
from bot.engine.results.catalog import Catalog


class LookupProblem(StrEnum):
    INVALID = "invalid"  # not the form of a postcode: refused without a lookup
    NOT_FOUND = "not found"
    TERMINATED = "terminated"
    UNAVAILABLE = "unavailable"  # the service failed, timed out or refused (429, 5xx)
    OFF = "off"  # no lookup service is configured
    NOWHERE = "nowhere"  # a location in no UK constituency


@dataclass(frozen=True)
class Located:
    """What a lookup found: the 2024 constituencies (by name) a place lies in, or why not."""

    seats: tuple[str, ...] = ()
    problem: LookupProblem | None = None


SAY_INSTEAD = "tell me the constituency or town instead"


def problem_answer(place: str, problem: LookupProblem) -> Answer:
    """One plain sentence for each way a lookup can fail."""
    said = {
        LookupProblem.INVALID: f"“{place}” isn’t a UK postcode: a full one looks like SW1A 1AA, "
        "its first half like SW1A or LS6.",
        LookupProblem.NOT_FOUND: f"I can’t find the postcode {place}: is it right? "
        f"Or {SAY_INSTEAD}.",
        LookupProblem.TERMINATED: f"{place} is no longer in use as a postcode; try the current "
        f"one, or {SAY_INSTEAD}.",
        LookupProblem.UNAVAILABLE: f"I can’t look postcodes up just now; {SAY_INSTEAD}.",
        LookupProblem.OFF: f"I can’t look up postcodes or places here; {SAY_INSTEAD}.",
        LookupProblem.NOWHERE: f"That place isn’t in any UK constituency I know of; {SAY_INSTEAD}.",
    }[problem]
    return Answer(Status.NOT_FOUND, (paragraph(said),), headline="place not looked up")


def seats_named(catalog: Catalog, names: tuple[str, ...]) -> list[str]:
    """The seat ids of the names the knowledge has, matched as the ONS writes them."""
    by_name = {seat.name.casefold(): seat.id for seat in catalog.seats.values()}
    return list(dict.fromkeys(by_name[n.casefold()] for n in names if n.casefold() in by_name))


def choice_among(catalog: Catalog, place: str, seat_ids: list[str]) -> Answer:
    """A place covering several constituencies: which one?"""
    asked = paragraph(f"{place} covers parts of {len(seat_ids)} constituencies. Which one?")
    return seat_choice(catalog, asked, seat_ids, f"{place}: {len(seat_ids)} constituencies")
