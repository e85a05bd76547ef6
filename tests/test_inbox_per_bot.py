"""One inbox file, several bots: update ids are each bot's own count and collide, so the
inbox keeps them per bot; an inbox from before is converted, its entries the next bot's."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Mapping
from pathlib import Path

from bot.engine import Engine
from bot.telegram.inbox import Inbox
from tests.fake_bot_api import FakeBotApi
from tests.telegram_harness import TOKEN, calls, running, settings_for
from tests.test_inbox_and_retries import MESSAGE, OTHER_BOT, THIS_BOT

OTHER_TOKEN = f"{OTHER_BOT}:ANOTHER-token-not-real-abcdefgh"

# The table as it was before bots had ids in it, byte for byte.
OLD_SCHEMA = """
CREATE TABLE IF NOT EXISTS updates (
    update_id INTEGER PRIMARY KEY,
    body TEXT NOT NULL,
    received REAL NOT NULL,
    done REAL
);
CREATE INDEX IF NOT EXISTS done_updates ON updates (done) WHERE done IS NOT NULL;
"""


def old_inbox(path: Path, pending: Mapping[int, Mapping[str, object]], done: list[int]) -> None:
    """An inbox file as the bot left it before this change, written a moment ago."""
    now = time.time()
    db = sqlite3.connect(path)
    db.executescript(OLD_SCHEMA)
    with db:
        for update_id, body in pending.items():
            db.execute(
                "INSERT INTO updates VALUES (?, ?, ?, NULL)", (update_id, json.dumps(body), now)
            )
        for update_id in done:
            db.execute("INSERT INTO updates VALUES (?, '', ?, ?)", (update_id, now, now))
    db.close()


def test_two_bots_on_one_file_keep_their_own_update_ids(tmp_path: Path) -> None:
    this, other = (
        Inbox(tmp_path / "inbox.sqlite3", THIS_BOT),
        Inbox(tmp_path / "inbox.sqlite3", OTHER_BOT),
    )
    assert this.add(1, {"update_id": 1}) is True
    assert other.add(1, {"update_id": 1}) is True  # the other bot's update 1: not a repeat
    assert this.add(1, {"update_id": 1}) is False  # this bot's own repeat still is
    this.mark_done(1)
    assert [p.update_id for p in this.pending()] == []
    assert [p.update_id for p in other.pending()] == [1]
    assert (this.counts(), other.counts()) == ((0, 1), (1, 0))
    this.close()
    other.close()


def test_an_old_inbox_is_the_next_bots_and_converted_once(tmp_path: Path) -> None:
    path = tmp_path / "inbox.sqlite3"
    left = {n: {"update_id": n, "message": MESSAGE} for n in (7, 9)}
    old_inbox(path, pending=left, done=[5, 6])
    this = Inbox(path, THIS_BOT)
    assert [p.update_id for p in this.pending()] == [7, 9]  # still to be answered, by it
    assert this.pending()[0].body == left[7]
    assert this.add(5, {"update_id": 5}) is False  # answered before the upgrade: recognised
    assert this.counts() == (2, 2)
    this.close()
    other = Inbox(path, OTHER_BOT)  # a second bot, after the conversion: none of it is its
    assert other.counts() == (0, 0)
    assert other.add(5, {"update_id": 5}) is True
    other.close()
    again = Inbox(path, THIS_BOT)
    assert again.counts() == (2, 2)  # not converted twice, nor given away
    again.close()
    db = sqlite3.connect(path)
    columns = [row[1] for row in db.execute("PRAGMA table_info(updates)")]
    indexes = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    db.close()
    assert columns[:2] == ["bot_id", "update_id"]
    assert "done_updates" not in indexes  # the old table's index went with it


async def test_a_question_left_in_an_old_inbox_is_answered_after_the_upgrade(
    api: FakeBotApi, engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "inbox.sqlite3"
    asked = api.new_message("who won blackburn")
    old_inbox(path, pending={40: {"update_id": 40, "message": asked}}, done=[39])
    async with running(settings_for(api, inbox_path=path), engine):
        [answer] = await calls(api, "sendMessage")
    assert "Adnan Hussain" in answer.params["text"]


async def test_a_second_token_on_the_same_inbox_gets_its_own_updates_answered(
    engine: Engine, tmp_path: Path
) -> None:
    shared = tmp_path / "inbox.sqlite3"
    with FakeBotApi(TOKEN) as first, FakeBotApi(OTHER_TOKEN) as second:
        async with running(settings_for(first, inbox_path=shared), engine):
            asked = first.push({"message": first.new_message("who won blackburn")})
            await calls(first, "sendMessage")
        other = settings_for(second, inbox_path=shared, telegram_bot_token=OTHER_TOKEN)
        async with running(other, engine):
            also = second.push({"message": second.new_message("who won leicester south")})
            [answer] = await calls(second, "sendMessage")
    assert asked["update_id"] == also["update_id"]  # each bot's count: they collide
    assert "Shockat Adam" in answer.params["text"]
    assert first.pending_update_ids() == second.pending_update_ids() == []
