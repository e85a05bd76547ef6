"""A seat that is no more ("Bristol West"): what became of it, and which 2024 seat to ask
about instead. The bot holds the 2024 results only: it says so rather than answer about a
2024 seat as though it were the one named."""

from __future__ import annotations

from bot.engine.answers.blocks import seat_choice
from bot.engine.model.answer import Answer, Source, bold, paragraph
from bot.engine.results.catalog import Catalog
from bot.engine.results.sources import document_name, file_name
from knowledge.schema import FormerSeat

SHOWN_FROM = 0.005  # a successor with less than half a percent of its people is not named


def former_seat(catalog: Catalog, seat: FormerSeat) -> Answer:
    shown = [s for s in seat.successors if s.population >= SHOWN_FROM]
    shares = [f"{round(100 * s.population)}% in {catalog.seats[s.seat].name}" for s in shown]
    where = shares[0] if len(shares) == 1 else ", ".join(shares[:-1]) + " and " + shares[-1]
    now = where.replace("% in", "% are now in", 1)
    election = catalog.knowledge.election.name
    asked = paragraph(
        bold(seat.name),
        f" is not a seat of the {election}: it was a seat on the 2010 boundaries, which new "
        f"boundaries replaced in 2024. Of its people, {now}. I hold the {election} results: "
        f"which of {'these' if len(shown) > 1 else 'this'} do you mean?",
    )
    document = catalog.provenance.documents[seat.source]
    source = Source(
        f"{seat.source}:{seat.row}",
        f"{seat.name} ({seat.id}): {where}",
        document_name(document),
        False,
        file_name(document),
        seat.row,
    )
    return seat_choice(
        catalog,
        asked,
        [s.seat for s in shown],
        f"{seat.name}: not a 2024 seat",
        sources=(source,),
    )
