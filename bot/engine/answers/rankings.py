"""Seats ranked by majority, turnout or number of candidates; turnout over many seats."""

from __future__ import annotations

from collections import Counter

from bot.engine.answers.blocks import turnout
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
from bot.engine.understanding.intents import Measure
from bot.engine.wording.phrases import (
    capitalised,
    number,
    percent,
    with_party,
)
from bot.engine.wording.phrases import votes as votes_word


def seat_ranking(
    catalog: Catalog,
    measure: Measure,
    most: bool,
    scope: Scope = EVERY_SEAT,
    party_id: str | None = None,
    limit: int | None = None,
) -> Answer:
    """Seats by majority or turnout, in a place, or those a party won."""
    if not counted_seats(catalog, scope):
        return not_counted(catalog)
    seats = counted_seats(catalog, scope)
    if party_id is not None:
        seats = [s for s in seats if (w := catalog.winner(s.id)) and w.party == party_id]
    if measure is Measure.MAJORITY:
        pool = [(s, float(s.majority)) for s in seats if s.majority is not None]
        word = "largest majorities" if most else "smallest majorities"
    elif measure is Measure.CANDIDATES:
        counted = Counter(r.seat for r in catalog.counted_results)
        pool = [(s, float(counted[s.id])) for s in seats if counted[s.id]]
        word = "most candidates" if most else "fewest candidates"
    else:
        pool = [(s, t) for s in seats if (t := turnout(s)) is not None]
        word = "highest turnout" if most else "lowest turnout"
    if not pool:
        return not_counted(catalog)
    pool.sort(key=lambda item: item[1], reverse=most)
    top = pool[: limit or LIST_LENGTH]
    items = []
    for seat, value in top:
        winner = catalog.winner(seat.id)
        shown = percent(value) if measure is Measure.TURNOUT else number(int(value))
        who = f" ({with_party(catalog, winner)})" if winner else ""
        items.append(paragraph(bold(seat.name), f": {shown}{who}"))
    first, value = top[0]
    shown = {
        Measure.MAJORITY: votes_word(int(value)),
        Measure.CANDIDATES: f"{int(value)} candidates",
    }.get(measure, percent(value))
    whose = f"{catalog.parties[party_id].name} " if party_id else ""
    winner = catalog.winner(first.id)
    by = f", {with_party(catalog, winner)}" if winner else ""
    ties = [s.name for s, v in pool if v == value and s is not first]
    also = f" (as have {', '.join(ties[:3])}" + (" and more" if len(ties) > 3 else "") + ")"
    lead = paragraph(
        bold(first.name), f" has the {word.split()[0]} {whose}{_measure_noun(measure)}"
        f"{scope.where}: {shown}{by}" + (also if ties else "") + ".",
    )  # fmt: skip
    of = f"{capitalised(word)} of {len(pool)} {whose}seats{scope.where}:"
    return Answer(
        Status.ANSWERED,
        (lead, paragraph(of), BulletList(tuple(items))),
        headline=f"{capitalised(word)}{scope.where}: {first.name}, {shown}",
        entities=(*scope.keys, *(seat_key(s.id) for s, _ in top)),
        sources=catalog.sources_of(seat_fact_ids([s for s, _ in top])),
    )


def _measure_noun(measure: Measure) -> str:
    return {Measure.MAJORITY: "majority", Measure.CANDIDATES: "candidates"}.get(measure, "turnout")


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
