"""The durable inbox and the retry decisions, piece by piece."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest
from telegram import Bot
from telegram.error import BadRequest, NetworkError, TimedOut

from bot.engine import Engine
from bot.startup import StartupError
from bot.telegram import inbox as inbox_module
from bot.telegram.app import serve
from bot.telegram.inbox import DurableUpdateQueue, Inbox, InboxError
from bot.telegram.retries import may_repeat
from tests.fake_bot_api import FakeBotApi
from tests.fake_faults import ServerError
from tests.telegram_harness import TEST_TUNING, TOKEN, settings_for

THIS_BOT = int(TOKEN.partition(":")[0])  # the bot's id, as getMe would say: the token's prefix
OTHER_BOT = 555555555
MESSAGE = {
    "message_id": 1, "date": 0, "text": "who won blackburn",
    "chat": {"id": 1, "type": "private"}, "from": {"id": 1, "is_bot": False, "first_name": "A"},
}  # fmt: skip


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_an_update_is_kept_once_and_pending_until_done(tmp_path: Path) -> None:
    inbox = Inbox(tmp_path / "inbox.sqlite3", THIS_BOT)
    assert inbox.add(5, {"update_id": 5}) is True
    assert inbox.add(5, {"update_id": 5}) is False  # delivered again: not kept twice
    assert inbox.add(6, {"update_id": 6}) is True
    assert [p.update_id for p in inbox.pending()] == [5, 6]
    inbox.mark_done(5)
    assert [p.update_id for p in inbox.pending()] == [6]
    [(body,)] = inbox._db.execute("SELECT body FROM updates WHERE update_id = 5")
    assert body == ""  # what it said (a postcode, a location) is not kept once answered
    assert inbox.add(5, {"update_id": 5}) is False  # answered, and still recognised
    inbox.close()
    reopened = Inbox(tmp_path / "inbox.sqlite3", THIS_BOT)
    assert [p.update_id for p in reopened.pending()] == [6]
    assert reopened.counts() == (1, 1)
    reopened.close()


def test_done_entries_are_pruned_after_a_day_and_past_a_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock()
    monkeypatch.setattr(inbox_module, "KEEP_DONE_ENTRIES", 100)
    monkeypatch.setattr(inbox_module, "PRUNE_EVERY", 50)
    inbox = Inbox(tmp_path / "inbox.sqlite3", THIS_BOT, clock=clock)
    for update_id in range(1, 301):
        inbox.add(update_id, {"update_id": update_id, "padding": "x" * 500})
        inbox.mark_done(update_id)
    inbox.add(301, {"update_id": 301})  # still waiting: never pruned
    pending, done = inbox.counts()
    assert pending == 1
    assert done <= 100 + 50  # pruned every 50 marks down to the newest 100
    clock.now += 24 * 60 * 60 + 1
    inbox.prune()
    assert inbox.counts() == (1, 0)
    inbox.close()
    assert (tmp_path / "inbox.sqlite3").stat().st_size < 200_000


def test_an_inbox_that_cannot_be_opened_is_one_line_naming_it(tmp_path: Path) -> None:
    not_a_database = tmp_path / "inbox.sqlite3"
    not_a_database.write_text("these are not the bytes of an SQLite file" * 100)
    with pytest.raises(InboxError, match=rf"inbox {not_a_database}: cannot open it"):
        Inbox(not_a_database, THIS_BOT)


async def test_replay_queues_what_was_left_and_drops_stale_inline_queries(tmp_path: Path) -> None:
    clock = Clock()
    inbox = Inbox(tmp_path / "inbox.sqlite3", THIS_BOT, clock=clock)
    inline = {"id": "q1", "from": MESSAGE["from"], "query": "leic", "offset": ""}
    inbox.add(1, {"update_id": 1, "message": MESSAGE})
    inbox.add(2, {"update_id": 2, "inline_query": inline})
    clock.now += 60  # a minute later, the bot starts again
    queue = DurableUpdateQueue(inbox)
    assert queue.replay(Bot(TOKEN)) == 1
    replayed = queue.get_nowait()
    assert getattr(replayed, "update_id", None) == 1
    assert [p.update_id for p in inbox.pending()] == [1]  # the inline query is settled
    inbox.close()


def httpx_error(kind: type[httpx.HTTPError]) -> NetworkError:
    error = TimedOut() if issubclass(kind, httpx.TimeoutException) else NetworkError("failed")
    error.__cause__ = kind("boom")
    return error


@pytest.mark.parametrize(
    ("endpoint", "error", "repeat"),
    [
        ("sendMessage", NetworkError("Internal Server Error (500)"), True),  # a 5xx
        ("sendMessage", httpx_error(httpx.ConnectError), True),  # never reached Telegram
        ("sendMessage", httpx_error(httpx.PoolTimeout), True),
        ("sendMessage", httpx_error(httpx.ReadTimeout), True),  # may duplicate; see retries.py
        ("editMessageText", httpx_error(httpx.ReadTimeout), True),  # same edit: no change
        ("answerCallbackQuery", httpx_error(httpx.RemoteProtocolError), True),
        ("sendPhoto", httpx_error(httpx.ReadTimeout), True),  # an answer: repeated, as a message
        ("forwardMessage", httpx_error(httpx.ReadTimeout), False),  # not ours to repeat blind
        ("sendMessage", BadRequest("message is too long"), False),  # an answer, not a fault
    ],
)
def test_which_failed_calls_are_made_again(
    endpoint: str, error: NetworkError, repeat: bool
) -> None:
    assert may_repeat(endpoint, error) is repeat


async def test_a_bot_api_that_keeps_failing_at_start_is_one_startup_error(
    engine: Engine,
) -> None:
    with FakeBotApi(TOKEN) as api:
        api.faults.add("getMe", ServerError(502, html=True))
        with pytest.raises(StartupError) as failed:
            await serve(settings_for(api), engine, asyncio.Event(), TEST_TUNING)
    assert failed.value.status == 1
    assert str(failed.value).startswith(f"cannot reach the Bot API at {api.base_url}")
    assert "Bad Gateway (502)" in str(failed.value)
    assert api.faults.injected["getMe ServerError"] == TEST_TUNING.retry.attempts
