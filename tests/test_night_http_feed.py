"""A results feed over HTTP, played by a fake server on 127.0.0.1 that fails, stalls and
serves half a file: the night stays as last read, and says since when."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.engine.night.results import NightResults, Stage
from bot.night.feed import FeedWatcher, HttpFeed
from bot.night.replay import POLLS_CLOSE, ReplayPlan

FIRST = datetime(2024, 7, 4, 23, 30)


class FakeFeed:
    """Serves the replay's files at /NAME; `mode` makes it misbehave."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.mode = "ok"  # ok | error | stall | half
        feed = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body = feed.files.get(self.path.lstrip("/"))
                if body is None:
                    self.send_error(404)
                    return
                if feed.mode == "error":
                    self.send_error(503)
                    return
                if feed.mode == "stall":
                    time.sleep(1.0)  # longer than the watcher waits
                self.send_response(200)
                self.send_header("Content-Type", "text/csv")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                # Half a file: the connection closes before the promised length
                self.wfile.write(body[: len(body) // 2] if feed.mode == "half" else body)

            def log_message(self, format: str, *args: object) -> None:
                """Quiet."""

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def urls(self) -> list[str]:
        port = self.server.server_address[1]
        return [f"http://127.0.0.1:{port}/{name}" for name in sorted(self.files)]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake_feed() -> Iterator[FakeFeed]:
    feed = FakeFeed()
    yield feed
    feed.close()


class ManualTime:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


async def test_an_http_feed_that_fails_stalls_or_is_cut_short_keeps_the_night(
    fake_feed: FakeFeed,
) -> None:
    plan = ReplayPlan()
    fake_feed.files = {n: t.encode() for n, t in plan.files_at(FIRST).items()}
    time_now = ManualTime(FIRST)
    source = HttpFeed(fake_feed.urls(), timeout=0.3)
    watcher = FeedWatcher(source, NightResults({}, POLLS_CLOSE), time_now)
    try:
        await watcher.read_once()
        assert len(watcher.night.order) == 1
        assert watcher.night.as_of == FIRST
        assert watcher.night.trouble == ""
        for mode, why in (
            ("error", "HTTP 503"),
            ("stall", "no whole answer in 0.3 s"),
            ("half", ""),
        ):
            fake_feed.mode = mode
            later = FIRST + timedelta(hours=1)
            fake_feed.files = {n: t.encode() for n, t in plan.files_at(later).items()}
            time_now.moment = later
            await watcher.read_once()
            assert len(watcher.night.order) == 1, mode  # nothing new taken from a bad read
            assert watcher.night.as_of == FIRST, mode  # "as of" the last good read
            assert watcher.night.trouble.startswith("the results feed is unreachable"), mode
            assert why in watcher.night.trouble, mode
        fake_feed.mode = "ok"
        await watcher.read_once()
        assert watcher.night.trouble == ""
        assert watcher.night.as_of == FIRST + timedelta(hours=1)
        assert len(watcher.night.order) > 1
        assert watcher.night.seats[watcher.night.order[0]].stage >= Stage.COUNTED
    finally:
        await source.close()
