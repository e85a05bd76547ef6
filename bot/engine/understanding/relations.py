"""Readings that turn on one word's relation to the names around it: "who did X beat" (the
one named before "beat", asking who) and "last time" (the 2019 result of a seat or a
person asked plainly)."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.model.keys import Kind
from bot.engine.model.query import NOTIONAL_YEAR
from bot.engine.results.catalog import Catalog
from bot.engine.understanding.index import Resolution
from bot.engine.understanding.intents import Intent, Reading
from bot.engine.understanding.lexicon import Role
from bot.engine.understanding.reader import Parsed


def who_they_beat(parsed: Parsed, resolution: Resolution, catalog: Catalog) -> str | None:
    """The person asked about in 'who did X beat': named before "beat", asking who; two of
    one name are told apart by the seat named too ("... beat in Leeds West and Pudsey")."""
    beat_at = [f.start for f in parsed.found if f.role is Role.BEAT]
    if not beat_at or parsed.yes_no or not parsed.has(Role.ASKS_WHO):
        return None
    seats = {k.id for m in resolution.mentions for k in m.keys if k.is_a(Kind.SEAT)}
    named: list[str] = []
    for mention in resolution.mentions:
        people = [k.id for k in mention.keys if k.is_a(Kind.PERSON)]
        if mention.end > beat_at[0] or not people:
            continue
        if len(people) > 1 and seats:
            people = [p for p in people if {r.seat for r in catalog.results_by_person[p]} & seats]
        named += people
    return named[0] if len(named) == 1 else None


def last_time(reading: Reading, parsed: Parsed, resolution: Resolution) -> Reading:
    """'who won Clacton last time': the last election is 2019, as the results hold it (the
    notional result on the 2024 boundaries, which the 2019 answers say). Only a seat's or a
    person's, asked plainly: a comparison, a place or a count over seats is not read so."""
    said = parsed.texts(Role.EARLIER)
    if not parsed.earlier or reading.year is not None or not said:
        return reading
    if not all("time" in t or "election" in t for t in said):
        return reading  # "last year" is no election the results hold
    kinds = {k.kind for m in resolution.mentions for k in m.keys}
    plain = not parsed.roles & {Role.ABOVE, Role.BELOW, Role.THAN, Role.BASELINE}
    pointed = reading.refers_to_seat or reading.refers_to_person  # "who won it last time"
    if not plain or not (kinds & {Kind.SEAT, Kind.PERSON} or pointed) or Kind.PLACE in kinds:
        return reading
    if reading.intent is Intent.CHANGE and parsed.has(Role.WON):
        reading = replace(reading, intent=Intent.WINNER)  # "previous" is no change asked for
    if reading.intent not in {Intent.WINNER, Intent.PLACE, None}:
        return reading
    # (the "last" of "last time" is no last place: intents._last_place leaves it)
    return replace(reading, year=NOTIONAL_YEAR)
