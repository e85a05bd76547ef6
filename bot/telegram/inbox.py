"""The durable inbox: every update is on disk before Telegram is told it arrived.

Polling confirms updates by asking for the next offset, and a webhook by answering 200; both
happen only after the update is put on the application's queue. DurableUpdateQueue writes
each update to SQLite as it is put, so a crash or SIGKILL after the confirmation loses
nothing: the next start replays what is not marked done. The same table de-duplicates by
update_id, so an update Telegram delivers twice (a webhook retried, getUpdates after a
crash) is answered once.

SQLite in WAL mode with synchronous=NORMAL: a commit survives the process being killed (it
is in the OS's hands), though not a power cut, at about a tenth of a millisecond per update.
Done entries are kept a day, as long as Telegram keeps an update it might redeliver, then
pruned, so the file stays small; what they said is blanked as soon as they are answered.

Update ids are each bot's own count, so two bots' ids collide: entries are kept per bot (the
bot's id, the number a token starts with), and one file shared by two tokens (INBOX_PATH
left at its default in one working directory) answers each bot's updates, not the first's
only.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from telegram import Bot, Update

log = logging.getLogger(__name__)

KEEP_DONE_SECONDS = 24 * 60 * 60  # Telegram keeps an unconfirmed update for at most 24 hours
KEEP_DONE_ENTRIES = 50_000  # and however busy a day was, the file stays a few megabytes
PRUNE_EVERY = 500  # done marks between prunes
# An inline query's answer is shown only while the person is typing: replaying one later
# would answer no one.
INLINE_QUERY_LIFETIME = 10.0

_TABLE = """
CREATE TABLE IF NOT EXISTS {name} (
    bot_id INTEGER NOT NULL,
    update_id INTEGER NOT NULL,
    body TEXT NOT NULL,
    received REAL NOT NULL,
    done REAL,
    PRIMARY KEY (bot_id, update_id)
)"""
_DONE_INDEX = (
    "CREATE INDEX IF NOT EXISTS done_updates_per_bot ON updates (bot_id, done) "
    "WHERE done IS NOT NULL"
)


class InboxError(Exception):
    """The inbox file cannot be opened or used; one line naming the file."""


@dataclass(frozen=True)
class Pending:
    update_id: int
    body: dict[str, object]
    received: float


class Inbox:
    """One bot's updates in the inbox file, which other bots may share."""

    def __init__(self, path: Path, bot_id: int, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self.bot_id = bot_id
        self._clock = clock
        self._marked = 0
        try:
            self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._create_or_migrate()
        except sqlite3.Error as error:
            raise InboxError(f"inbox {path}: cannot open it: {error}") from error
        self.prune()

    def _create_or_migrate(self) -> None:
        """The table, made per bot; an inbox from before bots had ids in it is converted.

        Its entries are given to the bot opening it now. Until then one inbox served one
        token (two bots on one file swallowed each other's updates, the fault this mends), so
        what it holds is almost surely this bot's: questions received and not yet answered,
        which the first start after the upgrade must still answer, and the ids Telegram may
        deliver again. Kept under no bot instead, they would be lost to every bot. Done in one
        transaction, taken before looking, so a kill midway leaves the old table whole and
        two processes opening the file at once convert it once.
        """
        db = self._db
        db.execute("BEGIN IMMEDIATE")  # waits for another process's write, as any write does
        try:
            columns = {row[1] for row in db.execute("PRAGMA table_info(updates)")}
            if columns and "bot_id" not in columns:
                db.execute(_TABLE.format(name="updates_per_bot"))
                db.execute(
                    "INSERT INTO updates_per_bot (bot_id, update_id, body, received, done) "
                    "SELECT ?, update_id, body, received, done FROM updates",
                    (self.bot_id,),
                )
                db.execute("DROP TABLE updates")  # its index goes with it
                db.execute("ALTER TABLE updates_per_bot RENAME TO updates")
                log.info("inbox %s: now kept per bot; what it held is bot %s's",
                         self.path, self.bot_id)  # fmt: skip
            db.execute(_TABLE.format(name="updates"))
            db.execute(_DONE_INDEX)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def now(self) -> float:
        return self._clock()

    def add(self, update_id: int, body: dict[str, object]) -> bool:
        """Keep an update; False if it was already received (pending or done)."""
        added = self._db.execute(
            "INSERT OR IGNORE INTO updates (bot_id, update_id, body, received) VALUES (?, ?, ?, ?)",
            (self.bot_id, update_id, json.dumps(body, ensure_ascii=False), self._clock()),
        )
        return added.rowcount == 1

    def mark_done(self, update_id: int) -> None:
        # The update's body goes once it is answered: it may hold a postcode or a location,
        # and only its id is needed to recognise it if Telegram sends it again.
        self._db.execute(
            "UPDATE updates SET done = ?, body = '' WHERE bot_id = ? AND update_id = ?",
            (self._clock(), self.bot_id, update_id),
        )
        self._marked += 1
        if self._marked % PRUNE_EVERY == 0:
            self.prune()

    def pending(self) -> list[Pending]:
        """Updates received and not yet answered, oldest first."""
        rows = self._db.execute(
            "SELECT update_id, body, received FROM updates WHERE bot_id = ? AND done IS NULL "
            "ORDER BY update_id",
            (self.bot_id,),
        )
        return [
            Pending(update_id, json.loads(body), received) for update_id, body, received in rows
        ]

    def counts(self) -> tuple[int, int]:
        """(pending, done) entries, for the logs and the tests."""
        row = self._db.execute(
            "SELECT COUNT(*) - COUNT(done), COUNT(done) FROM updates WHERE bot_id = ?",
            (self.bot_id,),
        ).fetchone()
        return int(row[0]), int(row[1])

    def prune(self) -> None:
        """Forget done entries older than a day, whichever bot's (Telegram would not send
        them again to any), and all but this bot's newest KEEP_DONE_ENTRIES."""
        self._db.execute(
            "DELETE FROM updates WHERE done IS NOT NULL AND (done < ? OR (bot_id = ? AND "
            "update_id NOT IN (SELECT update_id FROM updates WHERE bot_id = ? AND "
            "done IS NOT NULL ORDER BY update_id DESC LIMIT ?)))",
            (self._clock() - KEEP_DONE_SECONDS, self.bot_id, self.bot_id, KEEP_DONE_ENTRIES),
        )

    def close(self) -> None:
        self.prune()
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._db.close()


class DurableUpdateQueue(asyncio.Queue[object]):
    """The application's update queue, writing each update to the inbox as it is put.

    python-telegram-bot's updater (polling or webhook) puts updates here; the application
    takes them off and the processor marks them done once answered (bot/telegram/lanes.py).
    """

    def __init__(self, inbox: Inbox) -> None:
        super().__init__()
        self.inbox = inbox

    async def put(self, item: object) -> None:
        if isinstance(item, Update) and not self.inbox.add(item.update_id, item.to_dict()):
            log.info("update %s arrived again; it is answered once", item.update_id)
            return
        await super().put(item)

    def replay(self, bot: Bot) -> int:
        """Queue what the last run received and did not answer; how many."""
        now = self.inbox.now()
        replayed = 0
        for pending in self.inbox.pending():
            update = Update.de_json(pending.body, bot)
            if update.inline_query is not None and now - pending.received > INLINE_QUERY_LIFETIME:
                self.inbox.mark_done(pending.update_id)
                continue
            self.put_nowait(update)
            replayed += 1
        return replayed
