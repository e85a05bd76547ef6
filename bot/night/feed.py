"""Where the results feed comes from, and the watcher that reads it while the bot runs.

A feed is a folder or one or more HTTP(S) URLs, each a file in the Commons Library formats
(bot/night/feed_format.py). The watcher reads it every few seconds, or at once when poked
(the replay pokes it after each write), and hands each new NightResults to its listeners.
A feed that cannot be reached, or a file that is half-written or malformed, never costs
what the bot knows: the night stays as last read, its `trouble` says why, and answers say
"as of" the last good read.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

import httpx

from bot.engine.night.changes import NightEvent, events_between
from bot.engine.night.results import NightResults
from bot.night.feed_format import FeedFile, FeedFileError, night_from, read_feed_file

log = logging.getLogger(__name__)

Listener = Callable[[NightResults, list[NightEvent]], Awaitable[None]]


class FeedUnreachable(Exception):
    """The feed could not be read at all this time; the message says why."""


class FeedSource(Protocol):
    async def fetch(self) -> dict[str, str]:
        """Every file of the feed, by name: its text."""
        ...

    async def close(self) -> None: ...


class FolderFeed:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    async def fetch(self) -> dict[str, str]:
        return await asyncio.to_thread(self._read)

    def _read(self) -> dict[str, str]:
        if not self.folder.is_dir():  # gone, or not mounted: not an empty night
            raise FeedUnreachable(f"{self.folder} is not a folder that can be read")
        try:
            paths = sorted(self.folder.glob("*.csv"))
            return {path.name: path.read_text(encoding="utf-8", errors="replace") for path in paths}
        except OSError as error:
            raise FeedUnreachable(f"cannot read {self.folder}: {error.strerror}") from None

    async def close(self) -> None:
        """Nothing held open."""


class HttpFeed:
    """Files served over HTTP(S). A slow server is cut off after `timeout` seconds."""

    def __init__(self, urls: list[str], timeout: float = 10.0) -> None:
        self.urls = urls
        self.timeout = timeout
        self._client = httpx.AsyncClient(timeout=timeout, follow_redirects=True)

    async def fetch(self) -> dict[str, str]:
        files = {}
        for url in self.urls:
            try:
                # The whole of each file within the timeout: a server that trickles bytes
                # would otherwise hold the read for ever (httpx times each read, not the whole)
                async with asyncio.timeout(self.timeout):
                    response = await self._client.get(url)
            except TimeoutError:
                raise FeedUnreachable(f"{url}: no whole answer in {self.timeout:g} s") from None
            except httpx.HTTPError as error:
                raise FeedUnreachable(f"{url}: {type(error).__name__}") from None
            if response.status_code != 200:
                raise FeedUnreachable(f"{url}: HTTP {response.status_code}")
            files[url] = response.content.decode("utf-8", errors="replace")
        return files

    async def close(self) -> None:
        await self._client.aclose()


def feed_source(where: str) -> FeedSource:
    """RESULTS_FEED: URLs (space-separated) or a folder."""
    if where.startswith(("http://", "https://")):
        return HttpFeed(where.split())
    return FolderFeed(Path(where))


NIGHT_KEPT = timedelta(days=2)


class DeclaredTimes:
    """When each seat was first seen declared, kept beside the inbox (SQLite): a bot that
    restarts mid-night reads the feed from an empty night, and without these would take
    every seat already in as declared at the moment it restarted, in the file's order."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS night_declared (ons_id TEXT PRIMARY KEY, at TEXT NOT NULL)"
        )
        # A night's times are forgotten two days on: the next election is another night.
        since = (datetime.now() - NIGHT_KEPT).isoformat()
        self._db.execute("DELETE FROM night_declared WHERE at < ?", (since,))
        rows = self._db.execute("SELECT ons_id, at FROM night_declared")
        self._times = {ons_id: datetime.fromisoformat(at) for ons_id, at in rows}

    def times(self) -> dict[str, datetime]:
        return dict(self._times)

    def keep(self, declared: dict[str, datetime]) -> None:
        if not declared:
            return
        self._times.update(declared)
        with self._db:
            self._db.executemany(
                "INSERT OR IGNORE INTO night_declared (ons_id, at) VALUES (?, ?)",
                [(ons_id, at.isoformat()) for ons_id, at in declared.items()],
            )

    def close(self) -> None:
        self._db.close()


class FeedWatcher:
    def __init__(
        self,
        source: FeedSource,
        night: NightResults,
        clock: Callable[[], datetime],
        every: float = 5.0,
        memory: DeclaredTimes | None = None,
    ) -> None:
        self.source = source
        self.memory = memory
        self.night = night
        self._clock = clock
        self._every = every
        self._listeners: list[Listener] = []
        self._last_good: dict[str, FeedFile] = {}  # by file name
        self._texts: dict[str, str] = {}  # the text each was read from
        self._poked = asyncio.Event()

    def listen(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def poke(self) -> None:
        """Read the feed now rather than at the next tick."""
        self._poked.set()

    async def read_once(self) -> list[NightEvent]:
        """Read the feed, make the new night, tell the listeners; the events it brought."""
        now = self._clock()
        try:
            texts = await self.source.fetch()
        except FeedUnreachable as error:
            self._trouble(f"the results feed is unreachable ({error})")
            await self._tell(self.night, [])  # answers say it cannot be read just now
            return []
        after, problems = await asyncio.to_thread(self._read, texts, now)  # off the loop:
        # a full read of the night's files takes a tenth of a second, answers must not wait
        if problems:
            self._trouble("; ".join(problems))
            after = replace(after, as_of=self.night.as_of, trouble=self.night.trouble)
        events = events_between(self.night, after)
        self.night = after
        await self._tell(after, events)
        return events

    async def _tell(self, night: NightResults, events: list[NightEvent]) -> None:
        for listener in self._listeners:
            try:
                await listener(night, events)
            except Exception:  # a listener's bug must not stop the night being followed
                log.exception("results feed: a listener failed on this read")

    def _read(self, texts: dict[str, str], now: datetime) -> tuple[NightResults, list[str]]:
        problems = []
        for name, text in texts.items():
            if self._texts.get(name) == text:
                continue  # read before: most files do not change from one read to the next
            try:
                self._last_good[name] = read_feed_file(name, text)
                self._texts[name] = text
            except FeedFileError as error:
                problems.append(str(error))
        known = self.memory.times() if self.memory is not None else {}
        try:
            after = night_from(self._last_good.values(), self.night, now, known)
        except FeedFileError as error:
            return self.night, [*problems, str(error)]
        if self.memory is not None:
            self.memory.keep({o: s.declared_at for o, s in after.seats.items()
                              if s.declared_at is not None and o not in known})  # fmt: skip
        return after, problems

    async def run(self) -> None:
        """Read the feed until cancelled."""
        while True:
            self._poked.clear()  # before reading: a write during the read pokes again
            try:
                await self.read_once()
            except Exception as error:  # a bug must not end the night: said, and read again
                log.exception("results feed: this read failed")
                self._trouble(f"the results feed could not be read ({type(error).__name__})")
            # asyncio.timeout, not wait_for: wait_for (3.11) can swallow a cancellation that
            # arrives as the poke does, and the watcher would never stop.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self._every):
                    await self._poked.wait()

    def _trouble(self, why: str) -> None:
        if why != self.night.trouble:
            log.warning("results feed: %s; answering from what was read before", why)
        self.night = replace(self.night, trouble=why)
