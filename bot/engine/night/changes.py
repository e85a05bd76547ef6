"""What changed between two moments of the night: the events alerts and the replay report."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.engine.night.results import NightResults, NightSeat, Stage


class Change(StrEnum):
    DECLARED = "declared"  # the winner is known (perhaps with the figures at once)
    COUNTED = "counted"  # the full figures of a seat already declared
    VERIFIED = "verified"  # the Library checked the figures, and they stand
    CORRECTED = "corrected"  # figures or winner published, then changed


@dataclass(frozen=True)
class NightEvent:
    change: Change
    seat: NightSeat  # as it is now
    before: NightSeat | None  # as it was


def events_between(before: NightResults, after: NightResults) -> list[NightEvent]:
    """Each seat's change, in the order seats declared (new declarations last, in order)."""
    events = []
    for ons_id, seat in after.seats.items():
        old = before.seats.get(ons_id)
        change = _change(old, seat)
        if change is not None:
            events.append(NightEvent(change, seat, old))
    position = {ons_id: i for i, ons_id in enumerate(after.order)}
    return sorted(events, key=lambda e: position.get(e.seat.ons_id, len(position)))


def _change(old: NightSeat | None, new: NightSeat) -> Change | None:
    was = old.stage if old is not None else Stage.NOMINATED
    if new.declared and was < Stage.WINNER:
        return Change.DECLARED
    if old is None or not new.declared:
        return None
    if _winner_name(old) != _winner_name(new) or (new.corrected and not old.corrected):
        return Change.CORRECTED
    if new.corrected and old.counted and _votes(old) != _votes(new):
        return Change.CORRECTED  # corrected again
    if new.stage == Stage.COUNTED and was < Stage.COUNTED:
        return Change.COUNTED
    if new.stage == Stage.VERIFIED and was < Stage.VERIFIED:
        return Change.VERIFIED if was == Stage.COUNTED else Change.COUNTED
    return None


def _winner_name(seat: NightSeat) -> str:
    return seat.winner.name if seat.winner is not None else ""


def _votes(seat: NightSeat) -> list[tuple[str, int | None]]:
    return [(c.name, c.votes) for c in seat.candidates]
