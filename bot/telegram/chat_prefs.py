"""Whether a chat gets answers as pictures: a choice each chat makes with /settings, kept.

Defaults: pictures in private chats (the person asked, a chart is the quickest read);
compact text in groups, where a photo per answer would push the conversation off the
screen. Either can be switched, and the choice survives restarts: it lives in the same
SQLite file as the inbox (INBOX_PATH), in its own table.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

_SCHEMA = "CREATE TABLE IF NOT EXISTS chat_pictures (chat_id INTEGER PRIMARY KEY, on_ INTEGER)"


class PicturePreferences:
    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.execute(_SCHEMA)
        rows = self._db.execute("SELECT chat_id, on_ FROM chat_pictures")
        self._chosen = {int(chat_id): bool(on) for chat_id, on in rows}

    def pictures(self, chat_id: int, group: bool) -> bool:
        return self._chosen.get(chat_id, not group)

    def choose(self, chat_id: int, on: bool) -> None:
        self._chosen[chat_id] = on
        self._db.execute(
            "INSERT INTO chat_pictures (chat_id, on_) VALUES (?, ?) "
            "ON CONFLICT (chat_id) DO UPDATE SET on_ = excluded.on_",
            (chat_id, int(on)),
        )

    def close(self) -> None:
        self._db.close()
