"""The alerts a follower receives: a declaration as it stands, several merged into one
message when they come faster than the chat may be sent them, and a correction said as one."""

from __future__ import annotations

from bot.engine.model.answer import Answer, Block, Status, bold, paragraph
from bot.engine.night.changes import NightEvent
from bot.engine.night.results import NightResults, NightSeat, Stage
from bot.engine.night.wording import clock, corrections, figures_lines, outcome


def alert(seats: list[NightSeat], night: NightResults) -> Answer:
    """One message for one declaration, or for several that came at once."""
    blocks: list[Block] = []
    if len(seats) > 1:
        blocks.append(paragraph(bold(f"{len(seats)} results:")))
    for seat in seats:
        blocks += _declaration(seat, night, short=len(seats) > 1)
    first = seats[0]
    headline = f"{first.name} declared" if len(seats) == 1 else f"{len(seats)} results"
    return Answer(Status.ANSWERED, tuple(blocks), headline=headline)


def _declaration(seat: NightSeat, night: NightResults, short: bool) -> list[Block]:
    assert seat.winner is not None
    when = f" ({clock(seat.declared_at)})" if seat.declared_at else ""
    lead = paragraph(
        bold(f"{seat.name}"), f"{when}: {seat.winner.name} ({seat.winner.party}) wins, "
        f"{outcome(seat, night)}."
    )  # fmt: skip
    if seat.stage == Stage.WINNER:
        return [lead, paragraph("The votes are not yet published.")]
    lines = figures_lines(seat)
    shown = lines[:1] if short else lines
    return [lead, *(paragraph(line) for line in shown)]


def correction(event: NightEvent, night: NightResults) -> Answer:
    seat = event.seat
    lead = paragraph(bold(f"Correction, {seat.name}: "), "; ".join(corrections(event)) + ".")
    blocks: list[Block] = [lead, *(paragraph(line) for line in figures_lines(seat)[:1])]
    return Answer(Status.ANSWERED, tuple(blocks), headline=f"Correction: {seat.name}")
