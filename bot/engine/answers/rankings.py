"""Turnout over many seats; declaration times. (Seats ranked by any figure are the
evaluator's: answers/computed/ranking.py.)"""

from __future__ import annotations

from bot.engine.answers.scope import EVERY_SEAT, Scope
from bot.engine.answers.tally import (
    LIST_LENGTH,
    counted_seats,
    not_counted,
    seat_fact_ids,
    turnout_sentence,
)
from bot.engine.model.answer import Answer, BulletList, Status, bold, paragraph
from bot.engine.results.catalog import Catalog, seat_key
from knowledge.schema import Constituency


def turnout_total(catalog: Catalog, scope: Scope = EVERY_SEAT) -> Answer:
    """Turnout over many seats: their valid votes over their electorates."""
    if not counted_seats(catalog, scope):
        return not_counted(catalog)
    sentence = turnout_sentence(catalog, scope)
    if not sentence:
        return not_counted(catalog)
    return Answer(
        Status.ANSWERED,
        (paragraph(sentence),),
        headline=sentence.split(" (")[0],
        entities=scope.keys,
        sources=catalog.provenance.whole_dataset("seat", "valid votes and electorates summed"),
    )


def declarations(catalog: Catalog, declared: list[Constituency]) -> Answer:
    """The first seats to declare, as the official results time them."""
    first = sorted(declared, key=lambda s: s.declared or "")[:LIST_LENGTH]
    items = tuple(paragraph(bold(s.name), f": {s.declared}") for s in first)
    return Answer(
        Status.ANSWERED,
        (paragraph(f"The first of {len(declared)} seats with a declaration time:"),
         BulletList(items)),
        headline=f"First to declare: {first[0].name}",
        entities=tuple(seat_key(s.id) for s in first),
        sources=catalog.sources_of(seat_fact_ids(first)),
    )  # fmt: skip


def declared(catalog: Catalog, scope: Scope) -> Answer:
    found = [s for s in counted_seats(catalog, scope) if s.declared]
    if found:
        return declarations(catalog, found)
    text = catalog.provenance.lacks("give declaration times.")
    counting = catalog.provenance.counting()
    if counting is not None and counted_seats(catalog, scope):
        # the seats' rows are there, their declaration time empty
        text = f"{counting.label.capitalize()} I have leave every declaration time empty."
    return Answer(Status.NOT_FOUND, (paragraph(text),), headline="No declaration times")
