"""A night being followed: the feed's watcher, and for a replay the writer behind it.

The one place a night is put together, for the console and the bot alike: a replay writes
the 2024 night into a temporary folder that a FolderFeed reads, exactly as a live feed's
folder would be read, so the replay exercises the live path end to end.
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.engine.night.results import NightResults
from bot.night.feed import DeclaredTimes, FeedWatcher, FolderFeed, feed_source
from bot.night.replay import REPLAYS, NightClock, ReplayPlan, play

UK = ZoneInfo("Europe/London")
REPLAY_POLL_SECONDS = 5.0  # the replay pokes the watcher after each write; this is a backstop


def uk_time() -> datetime:
    """The time of a live night: UK local time, as the results are published in."""
    return datetime.now(UK).replace(tzinfo=None)


@contextlib.asynccontextmanager
async def replayed_night(
    year: int, speed: float, clock: NightClock | None = None
) -> AsyncIterator[tuple[FeedWatcher, asyncio.Task[None]]]:
    """The watcher of a replayed night, and the task writing it (done when the night is)."""
    clock = clock or NightClock(REPLAYS[year], speed)
    with tempfile.TemporaryDirectory(prefix="electionbot-replay-") as folder:
        watcher = FeedWatcher(
            FolderFeed(Path(folder)), NightResults({}, clock.start), clock.now,
            REPLAY_POLL_SECONDS,
        )  # fmt: skip
        plan = await asyncio.to_thread(ReplayPlan)
        writing = asyncio.create_task(play(plan, Path(folder), clock, watcher.poke))
        try:
            yield watcher, writing
        finally:
            writing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await writing


def live_watcher(
    where: str, every: float, memory: DeclaredTimes, clock: Callable[[], datetime] = uk_time
) -> FeedWatcher:
    """The watcher of a live feed (RESULTS_FEED)."""
    return FeedWatcher(feed_source(where), NightResults({}, clock()), clock, every, memory)


@dataclass(frozen=True)
class NightPlan:
    """The night `electionbot run` follows: a replay (--replay YEAR --speed N) or a live
    feed (RESULTS_FEED, read every FEED_POLL_SECONDS)."""

    feed: str | None = None
    poll_seconds: float = 5.0
    replay: int | None = None
    speed: float = 1.0

    def starts(self) -> datetime:
        return REPLAYS[self.replay] if self.replay is not None else uk_time()

    @contextlib.asynccontextmanager
    async def watching(self, kept: Path) -> AsyncIterator[FeedWatcher]:
        """`kept`: the SQLite file a live night's declaration times are kept in. (A replay
        starts its night again at each start, so keeps none.)"""
        if self.replay is not None:
            async with replayed_night(self.replay, self.speed) as (watcher, _):
                yield watcher
            return
        assert self.feed is not None
        memory = DeclaredTimes(kept)
        watcher = live_watcher(self.feed, self.poll_seconds, memory)
        try:
            yield watcher
        finally:
            await watcher.source.close()
            memory.close()
