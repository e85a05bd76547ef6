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


def former_seat(catalog: Catalog, seat: FormerSeat, named_besides: bool = False) -> Answer:
    """Where its people are now, and its 2024 seats to pick from; `named_besides`: the
    question named more than this seat, which this answer leaves for later."""
    shown = [s for s in seat.successors if s.population >= SHOWN_FROM]
    names = [catalog.seats[s.seat].name for s in shown]
    percents = [round(100 * s.population) for s in shown]
    shares = [f"{pct}% in {name}" for pct, name in zip(percents, names, strict=True)]
    where = shares[0] if len(shares) == 1 else ", ".join(shares[:-1]) + " and " + shares[-1]
    election = catalog.knowledge.election.name
    which = f"do you mean {names[0]}?" if len(names) == 1 else "which of these do you mean?"
    if catalog.knowledge.contests:  # its own results, 2010 to 2019, are in the history
        which = (
            f"{which} Its own results, 2010 to 2019, are on its old boundaries: ask with a "
            f"year, as in “who won {seat.name} in 2019”."
        )
    held = (
        f"For the {election}, "
        if catalog.knowledge.contests
        else f"I hold the {election} results: "
    )
    rest = " This answers only about it, not the rest of your question." if named_besides else ""
    asked = paragraph(
        bold(seat.name),
        f" is not a seat of the {election}: it was a seat on the 2010 boundaries, which new "
        f"boundaries replaced in 2024.{rest} Of its people, "
        f"{where.replace('% in', '% are now in', 1)}. {held}{which}",
    )
    document = catalog.provenance.documents[seat.source]
    rows = f"{len(seat.successors)} rows from this line" if len(seat.successors) > 1 else ""
    source = Source(
        f"{seat.source}:{seat.row}",
        f"{seat.name} ({seat.id}){', ' + rows if rows else ''}: {where} of its people",
        document_name(document),
        False,
        file_name(document),
        seat.row,
    )
    return seat_choice(
        catalog, asked, [s.seat for s in shown], f"{seat.name}: not a 2024 seat", sources=(source,)
    )
