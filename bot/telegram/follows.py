"""What each chat follows, and the outbox of alerts: SQLite, beside the inbox (INBOX_PATH).

Exactly once per follower and declaration: an alert is a row keyed by (chat, seat, what),
written before it is sent (INSERT OR IGNORE, so reading the same declaration again after a
restart queues nothing new), marked `sending` just before the call and `sent` with its
message id the moment Telegram answers. A SIGKILL in between, the only window left, is
counted at start-up and the alert sent again: a duplicate is better than a loss. The message
id is what lets the full figures be edited into the alert later instead of sent again (an
alert Telegram refused outright keeps the id -1, and is neither sent again nor edited).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

RESULT = "result"  # the alert of a declaration; corrections are "correction:<what changed>"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS follows (
    chat_id INTEGER NOT NULL,
    subject TEXT NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (chat_id, subject)
);
CREATE INDEX IF NOT EXISTS follows_by_subject ON follows (subject);
CREATE TABLE IF NOT EXISTS alerts (
    chat_id INTEGER NOT NULL,
    seat TEXT NOT NULL,
    what TEXT NOT NULL,
    queued REAL NOT NULL,
    sending REAL,
    message_id INTEGER,
    shown_stage INTEGER NOT NULL DEFAULT 0, -- what it shows of the seat: a fingerprint
    text TEXT NOT NULL DEFAULT '',
    photo INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (chat_id, seat, what)
);
CREATE INDEX IF NOT EXISTS unsent_alerts ON alerts (chat_id) WHERE message_id IS NULL;
CREATE INDEX IF NOT EXISTS alerts_by_seat ON alerts (seat, what);
CREATE TABLE IF NOT EXISTS group_calls (chat_id INTEGER NOT NULL, at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS group_calls_by_chat ON group_calls (chat_id, at);
CREATE TABLE IF NOT EXISTS scoreboards (
    chat_id INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL,
    shown TEXT NOT NULL DEFAULT ''
);
"""


@dataclass(frozen=True)
class Alert:
    chat_id: int
    seat: str  # ONS ID
    what: str
    message_id: int | None
    shown: int  # what the message shows of the seat, as a fingerprint (0: nothing yet)
    text: str = ""  # a correction's, written when it was queued (what changed is known then)
    photo: bool = False  # sent as the seat's chart with the alert as its caption


class FollowBook:
    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(alerts)")}
        if "photo" not in columns:  # an outbox from before alerts came as charts
            self._db.execute("ALTER TABLE alerts ADD COLUMN photo INTEGER NOT NULL DEFAULT 0")
        self._clock = clock

    # --- follows ----------------------------------------------------------------------

    def follow(self, chat_id: int, subject: str, label: str) -> bool:
        """False if the chat already followed it."""
        added = self._db.execute(
            "INSERT OR IGNORE INTO follows (chat_id, subject, label) VALUES (?, ?, ?)",
            (chat_id, subject, label),
        )
        return added.rowcount == 1

    def unfollow(self, chat_id: int, subject: str | None = None) -> int:
        """Stop following one subject, or everything (None); how many follows ended."""
        if subject is None:
            return self._db.execute("DELETE FROM follows WHERE chat_id = ?", (chat_id,)).rowcount
        return self._db.execute(
            "DELETE FROM follows WHERE chat_id = ? AND subject = ?", (chat_id, subject)
        ).rowcount

    def following(self, chat_id: int) -> list[tuple[str, str]]:
        """(subject, label) of what the chat follows, in the order followed."""
        rows = self._db.execute(
            "SELECT subject, label FROM follows WHERE chat_id = ? ORDER BY rowid", (chat_id,)
        )
        return [(subject, label) for subject, label in rows]

    def move_chat(self, old: int, new: int) -> None:
        """A group that became a supergroup: its follows, alerts and scoreboard go with it."""
        with self._db:
            self._db.execute("BEGIN")
            for table in ("follows", "alerts", "scoreboards"):
                self._db.execute(
                    f"UPDATE OR IGNORE {table} SET chat_id = ? WHERE chat_id = ?", (new, old)
                )
                self._db.execute(f"DELETE FROM {table} WHERE chat_id = ?", (old,))

    def forget_chat(self, chat_id: int) -> None:
        """A chat that blocked the bot or is gone: its follows, alerts and scoreboard."""
        with self._db:
            self._db.execute("BEGIN")
            for table in ("follows", "alerts", "scoreboards"):
                self._db.execute(f"DELETE FROM {table} WHERE chat_id = ?", (chat_id,))

    # --- the outbox -------------------------------------------------------------------

    def queue(self, seat: str, what: str, subjects: Iterable[str], text: str = "") -> set[int]:
        """Queue an alert for every chat following any of `subjects`, once each; the chats
        that have one newly queued."""
        subjects = list(subjects)
        marks = ",".join("?" * len(subjects))
        with self._db:
            self._db.execute("BEGIN")
            chats = [
                int(chat_id)
                for (chat_id,) in self._db.execute(
                    f"SELECT DISTINCT chat_id FROM follows WHERE subject IN ({marks})",
                    subjects,
                )
            ]
            now = self._clock()
            queued = set()
            for chat_id in chats:
                added = self._db.execute(
                    "INSERT OR IGNORE INTO alerts (chat_id, seat, what, queued, text) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (chat_id, seat, what, now, text),
                )
                if added.rowcount == 1:
                    queued.add(chat_id)
        return queued

    def unsent(self, chat_id: int) -> list[Alert]:
        rows = self._db.execute(
            "SELECT seat, what, shown_stage, text FROM alerts "
            "WHERE chat_id = ? AND message_id IS NULL ORDER BY queued, rowid",
            (chat_id,),
        )
        return [Alert(chat_id, seat, what, None, shown, text) for seat, what, shown, text in rows]

    def message_of(self, chat_id: int, seat: str) -> int | None:
        """The message that announced the seat's result in the chat, if sent."""
        row = self._db.execute(
            "SELECT message_id FROM alerts WHERE chat_id = ? AND seat = ? AND what = ?",
            (chat_id, seat, RESULT),
        ).fetchone()
        return None if row is None or row[0] is None or row[0] <= 0 else int(row[0])

    def chats_alerted(self, seat: str) -> list[int]:
        """Chats sent an alert of the seat's result: those whose alert may need an edit."""
        rows = self._db.execute(
            "SELECT chat_id FROM alerts WHERE seat = ? AND what = ? AND message_id > 0",
            (seat, RESULT),
        )
        return [int(chat_id) for (chat_id,) in rows]

    def to_edit(
        self, chat_id: int, shown_now: Callable[[str], int | None]
    ) -> dict[int, list[Alert]]:
        """Sent result alerts whose seat would now be shown otherwise (`shown_now`: what it
        would show; None, not known yet): by message, every seat in it, in its order."""
        rows = self._db.execute(
            "SELECT seat, message_id, shown_stage, photo FROM alerts "
            "WHERE chat_id = ? AND what = ? AND message_id > 0 ORDER BY queued, rowid",
            (chat_id, RESULT),
        )
        by_message: dict[int, list[Alert]] = {}
        for seat, message_id, shown, photo in rows:
            by_message.setdefault(message_id, []).append(
                Alert(chat_id, seat, RESULT, message_id, shown, photo=bool(photo))
            )
        return {
            message_id: alerts
            for message_id, alerts in by_message.items()
            if any((now := shown_now(a.seat)) is not None and now != a.shown for a in alerts)
        }

    def sending(self, alerts: list[Alert]) -> None:
        now = self._clock()
        with self._db:
            self._db.execute("BEGIN")
            for a in alerts:
                self._db.execute(
                    "UPDATE alerts SET sending = ? WHERE chat_id = ? AND seat = ? AND what = ?",
                    (now, a.chat_id, a.seat, a.what),
                )

    def sent(
        self, alerts: list[Alert], message_id: int, stages: dict[str, int], photo: bool = False
    ) -> None:
        """The alerts went out in one message (a photo: the seat's chart): its id, and the
        state of each seat shown."""
        with self._db:
            self._db.execute("BEGIN")
            for a in alerts:
                self._db.execute(
                    "UPDATE alerts SET message_id = ?, shown_stage = ?, photo = ? "
                    "WHERE chat_id = ? AND seat = ? AND what = ?",
                    (message_id, stages.get(a.seat, 0), int(photo), a.chat_id, a.seat, a.what),
                )

    def called(self, chat_id: int) -> None:
        """A message or an edit went to a group: kept a minute, across restarts."""
        now = self._clock()
        self._db.execute("INSERT INTO group_calls (chat_id, at) VALUES (?, ?)", (chat_id, now))
        self._db.execute("DELETE FROM group_calls WHERE at < ?", (now - 120.0,))

    def called_since(self, chat_id: int, since: float) -> list[float]:
        """When the group was sent a message or an edit since `since`, oldest first: what it
        has had of its 20 a minute, whether or not this process sent it."""
        rows = self._db.execute(
            "SELECT at FROM group_calls WHERE chat_id = ? AND at >= ? ORDER BY at",
            (chat_id, since),
        )
        return [float(at) for (at,) in rows]

    def chats_waiting(self) -> list[int]:
        """Chats with an alert not yet sent (after a restart: what to send first)."""
        rows = self._db.execute("SELECT DISTINCT chat_id FROM alerts WHERE message_id IS NULL")
        return [int(chat_id) for (chat_id,) in rows]

    def cut_short(self) -> int:
        """Alerts whose sending was cut short by a crash: they are sent again."""
        row = self._db.execute(
            "SELECT COUNT(*) FROM alerts WHERE sending IS NOT NULL AND message_id IS NULL"
        ).fetchone()
        return int(row[0])

    def counts(self) -> dict[str, int]:
        """For the logs and the benchmark."""
        row = self._db.execute(
            "SELECT COUNT(*), COUNT(message_id), COUNT(DISTINCT chat_id || ':' || message_id) "
            "FROM alerts"
        ).fetchone()
        follows = self._db.execute("SELECT COUNT(*) FROM follows").fetchone()[0]
        return {"alerts": row[0], "sent": row[1], "messages": row[2], "follows": follows}

    # --- scoreboards ------------------------------------------------------------------

    def scoreboard(self, chat_id: int, message_id: int) -> None:
        self._db.execute(
            "INSERT INTO scoreboards (chat_id, message_id) VALUES (?, ?) "
            "ON CONFLICT (chat_id) DO UPDATE SET message_id = excluded.message_id, shown = ''",
            (chat_id, message_id),
        )

    def scoreboards(self) -> list[tuple[int, int, str]]:
        rows = self._db.execute("SELECT chat_id, message_id, shown FROM scoreboards")
        return [(int(c), int(m), str(s)) for c, m, s in rows]

    def forget_scoreboard(self, chat_id: int) -> None:
        self._db.execute("DELETE FROM scoreboards WHERE chat_id = ?", (chat_id,))

    def scoreboard_shown(self, chat_id: int, shown: str) -> None:
        self._db.execute("UPDATE scoreboards SET shown = ? WHERE chat_id = ?", (shown, chat_id))

    def close(self) -> None:
        self._db.close()
