"""electionbot replay: the 2024 night in the console, a line per result as it comes in."""

from __future__ import annotations

import asyncio
import contextlib
from typing import TextIO

from bot.engine.night.changes import NightEvent
from bot.engine.night.results import MAJORITY_LINE, NightResults
from bot.engine.night.wording import event_line, tally
from bot.night.replay import NightClock
from bot.night.session import replayed_night


async def replay_in_console(
    year: int, speed: float, out: TextIO, clock: NightClock | None = None
) -> None:
    """Print the night until every seat is verified."""
    majority_said = False

    async def report(night: NightResults, events: list[NightEvent]) -> None:
        nonlocal majority_said
        for event in events:
            out.write(event_line(event, night) + "\n")
        reached = night.majority_won_by()
        if reached is not None and not majority_said:
            majority_said = True
            party, seat = reached
            out.write(
                f"          {night.party_name(party)} has a majority: {MAJORITY_LINE} seats "
                f"with {seat.name}. So far: {tally(night)}\n"
            )
        out.flush()

    async with replayed_night(year, speed, clock) as (watcher, writing):
        watcher.listen(report)
        reading = asyncio.create_task(watcher.run())
        try:
            await writing
        finally:
            reading.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reading
        await watcher.read_once()  # the last write, read whole before stopping
    night = watcher.night
    out.write(f"Every seat declared and verified. {tally(night, top=10)}\n")
