"""When the 2024 results came in: a seat's, and the first or last of them.

The 2024 results files leave the declaration time empty; what the knowledge has is the time
the Commons Library recorded each result on the night, which can be some time after the
declaration. It is said as that, never as the declaration. A results file that does give
declaration times (one a user imports) is said as it gives them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot.engine.answers.blocks import seat_card
from bot.engine.answers.scope import EVERY_SEAT, Scope
from bot.engine.answers.tally import LIST_LENGTH, counted_seats, not_counted, seat_fact_ids
from bot.engine.answers.timed import (
    Timed,
    at_place,
    joined,
    listed,
    place_words,
    sources_of,
    tie,
)
from bot.engine.model.answer import Answer, BulletList, Paragraph, Status, bold, paragraph
from bot.engine.results.catalog import Catalog, seat_key
from bot.engine.understanding.intents import LAST_PLACE
from bot.engine.wording.times import at_time
from knowledge.schema import Constituency

RECORDED_NOTE = (
    "That is when the Commons Library recorded the result, which can be some time after the "
    "declaration itself."
)
RECORDED_NOTES = (
    "These are the times the Commons Library recorded the results, which can be some time "
    "after the declarations themselves."
)
# Seats without a recorded time named one by one, up to this many
NAMED_UNTIMED = 3


def seat_time(catalog: Catalog, seat_id: str) -> Answer:
    """'The Commons Library recorded Clacton’s result at 04:05 on 5 July 2024.', what that
    time is, and who won."""
    seat = catalog.seats[seat_id]
    timed = _timed(catalog, seat)
    row = catalog.recorded.get(seat_id)
    note: tuple[Paragraph, ...] = ()
    if seat.declared:  # a results file that gives declaration times
        lead = paragraph(bold(seat.name), f" declared at {seat.declared}.")
    elif timed is not None:
        lead = paragraph(
            "The Commons Library recorded ", bold(f"{seat.name}’s"),
            f" result at {at_time(timed.when)}.",
        )  # fmt: skip
        note = (paragraph(RECORDED_NOTE),)
    elif row is not None:  # the sheet's row has no result, and so no time
        lead = paragraph(
            f"The Commons Library’s sheet of recorded times has no result for {seat.name}, so "
            "I don’t know when it was declared."
        )
    elif seat.facts:  # the constituency file's row is there, its declaration time empty
        lead = paragraph(
            f"The official results I have leave the declaration time empty for {seat.name}: "
            "I don’t know when it declared."
        )
    else:
        lead = paragraph(catalog.provenance.lacks(f"say when {seat.name} declared."))
    card = seat_card(catalog, seat_id)
    recorded = catalog.sources_of([row.id]) if row is not None else ()
    when = at_time(timed.when) if timed is not None and not seat.declared else None
    return replace(
        card,
        blocks=(lead, *note, *card.blocks[:1]),  # the time, then who won
        headline=f"{seat.name}: "
        + (f"recorded {when}" if when else f"declared {seat.declared or 'time not given'}"),
        sources=(*recorded, *catalog.sources_of(seat.facts)),
    )


def how_many(catalog: Catalog, scope: Scope = EVERY_SEAT) -> Answer:
    """'how many seats have declared': every seat the official results count, outside a night."""
    seats = counted_seats(catalog, scope)
    counting = catalog.provenance.counting()
    if not seats or counting is None:
        return not_counted(catalog)
    said = (
        f"All {len(seats)} seats{scope.where} have declared: {counting.label} I have give "
        "every one’s result."
    )
    return Answer(
        Status.ANSWERED,
        (paragraph(said),),
        headline=f"All {len(seats)} seats{scope.where} declared",
        entities=scope.keys,
        sources=catalog.provenance.whole_dataset("seat", "every seat’s result"),
    )


def not_of_a_party(catalog: Catalog) -> Answer:
    """'when did Labour declare': a seat declares, not a party; said, not a party's summary."""
    said = (
        "A seat declares its result, not a party: ask when a seat declared (“when did Clacton "
        "declare”) or for the first or last seat to declare."
    )
    return Answer(Status.NOT_FOUND, (paragraph(said),), headline="Which seat?")


def in_order(
    catalog: Catalog, place: int | None, scope: Scope = EVERY_SEAT, seat_id: str | None = None
) -> Answer:
    """The first (or last, or Nth) result recorded, every seat of a tie named, then the
    first or last few; `seat_id`: a seat asked about beside it ("was Clacton the first")."""
    place = place or 1
    seats = counted_seats(catalog, scope)
    timed = [t for seat in seats if (t := _timed(catalog, seat)) is not None]
    if not timed:
        return _declared_as_given(catalog, scope)
    group = at_place(timed, place)
    if not group:
        said = f"Only {len(timed)} results{scope.where} have a recorded time."
        return Answer(Status.NOT_FOUND, (paragraph(said),), headline="Not that many")
    untimed = [s.name for s in seats if _timed(catalog, s) is None]
    blocks: list[Paragraph | BulletList] = [_lead(group, place, scope, untimed)]
    asked = catalog.seats.get(seat_id or "")
    asked_time = _timed(catalog, asked) if asked is not None else None
    if asked_time is not None and asked_time not in group:
        blocks.append(paragraph(f"{asked_time.name}’s was recorded at {at_time(asked_time.when)}."))
    latest_first = place == LAST_PLACE
    shown = min(LIST_LENGTH, len(timed))
    blocks += [
        paragraph(RECORDED_NOTES),
        paragraph(f"The {'last' if latest_first else 'first'} {shown} of {len(timed)} results "
                  f"recorded{scope.where}:"),
        listed(timed, latest_first, LIST_LENGTH),
    ]  # fmt: skip
    extra = [asked_time] if asked_time is not None else []
    return Answer(
        Status.ANSWERED,
        tuple(blocks),
        headline=f"{place_words(place).capitalize()} recorded{scope.where}: "
        + joined([t.name for t in group]),
        entities=(*scope.keys, *(key for t in group for key in t.keys)),
        sources=sources_of([*group, *extra]),
    )


def _lead(group: list[Timed], place: int, scope: Scope, untimed: list[str]) -> Paragraph:
    """'The first result the Commons Library recorded was Houghton and Sunderland South’s,
    at 23:30 on 4 July 2024.' The last is said as the last in the sheet where some seat has
    no time there: that seat may have declared later."""
    names = joined([f"{t.name}’s" for t in group])
    when = f"{tie(group)} {at_time(group[0].when)}"
    plural = len(group) > 1
    results = "results" if plural else "result"
    if place == LAST_PLACE and untimed:
        missing = joined(untimed) if len(untimed) <= NAMED_UNTIMED else f"{len(untimed)} seats"
        return paragraph(
            f"The last {results}{scope.where} in the Commons Library’s sheet of recorded times "
            f"{'are' if plural else 'is'} ", bold(names), f", recorded {when}; the sheet has no "
            f"result for {missing}, so I can’t say which seat declared last.",
        )  # fmt: skip
    return paragraph(
        f"The {place_words(place)} {results} the Commons Library recorded{scope.where} "
        f"{'were' if plural else 'was'} ", bold(names), f", {when}.",
    )  # fmt: skip


def _timed(catalog: Catalog, seat: Constituency) -> Timed | None:
    if seat.recorded is None:
        return None
    row = catalog.recorded.get(seat.id)
    return Timed(
        seat.name,
        datetime.fromisoformat(seat.recorded),
        (seat_key(seat.id),),
        catalog.sources_of([row.id]) if row is not None else (),
    )


def _declared_as_given(catalog: Catalog, scope: Scope) -> Answer:
    """Without recorded times: the first declarations as a results file gives them, or that
    none is given."""
    declared = [s for s in counted_seats(catalog, scope) if s.declared]
    if declared:
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
    text = catalog.provenance.lacks("give declaration times.")
    counting = catalog.provenance.counting()
    if counting is not None and counted_seats(catalog, scope):
        # the seats' rows are there, their declaration time empty
        text = f"{counting.label.capitalize()} I have leave every declaration time empty."
    return Answer(Status.NOT_FOUND, (paragraph(text),), headline="No declaration times")
