"""Inline keyboards and what their buttons carry.

Buttons are stateless: callback_data holds the whole resolved query (at most 64 bytes), so a
button works after a restart and for anyone in a group. Entity keys too long to fit travel
as a short hash that the knowledge maps back, which is as stable as the knowledge itself.
A query too long even so (a question naming many seats) gets no Source button: typing
"source" shows the same, and Telegram refuses a whole message for one oversized button.
"""

from __future__ import annotations

import base64
import re
import zlib
from dataclasses import dataclass
from enum import StrEnum

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.engine import Answer, Intent, Status
from bot.engine.model.ask import Ask
from bot.engine.model.ask_text import ask_from_text, ask_to_text
from bot.engine.model.query import Query
from bot.engine.routing import ask_keys
from bot.engine.understanding.intents import Filters, Measure, Outcome

CALLBACK_DATA_LIMIT = 64
_FIELD = "|"
_MEASURE_CODE = {
    Measure.VOTES: "", Measure.SHARE: "s", Measure.MAJORITY: "m", Measure.TURNOUT: "t",
    Measure.CHANGE: "c", Measure.SEATS: "e", Measure.CANDIDATES: "d",
}  # fmt: skip
_OUTCOME_CODE = {Outcome.WON: "V", Outcome.LOST: "L", Outcome.HELD: "H"}
_NO_INTENT = "-"
_ASK = "!"  # what follows is a computed question's Ask, as model/ask_text.py writes it


class Action(StrEnum):
    CHOOSE = "c"  # an option of a "which one?": answer the question about it
    SOURCE = "s"  # show the answer with the sources behind it (rows, quoted sentences)
    ANSWER = "a"  # show the answer alone again
    ASK = "q"  # an example question from /start
    DETAILS = "t"  # under a chart: the answer's whole text, as a message
    PICTURES = "p"  # /settings: "p|on" or "p|off"


@dataclass(frozen=True)
class Pressed:
    action: Action
    query: Query | None = None
    question: str | None = None
    pictures: bool | None = None  # PICTURES: the choice made


def short_key(key: str) -> str:
    """'#' and the key's CRC-32 in URL-safe base64: 7 characters, none of them '|'."""
    checksum = zlib.crc32(key.encode()).to_bytes(4, "big")
    return "#" + base64.urlsafe_b64encode(checksum).rstrip(b"=").decode()


class ButtonCodec:
    """Query <-> callback_data, for the entity keys of one knowledge."""

    def __init__(self, keys: list[str]) -> None:
        self._by_short: dict[str, str] = {}
        clashing: set[str] = set()
        for key in keys:
            short = short_key(key)
            if short in self._by_short:
                clashing.add(short)
            self._by_short[short] = key
        for short in clashing:  # never shortened, so a hash never decodes to the wrong key
            del self._by_short[short]

    def encode(self, action: Action, query: Query) -> str | None:
        """The callback_data, or None if the query cannot fit in Telegram's 64 bytes.

        A computed question (query.ask) travels whole, as the Ask's own short text after
        "!": replaying a kind and keys would answer another question."""
        if query.ask is not None:
            return self._computed(action, query.ask)
        flags = ("f" if not query.most else "") + _MEASURE_CODE[query.measure]
        flags += ("n" if query.national else "") + ("y" if query.yes_no else "")
        flags += f"Y{query.year}" if query.year else ""
        flags += "O" if query.old_seats else ""
        flags += f"T{query.top}" if query.top else ""
        flags += ("h" if query.asks_who else "") + ("p" if query.asks_party else "")
        found = query.filters
        flags += {"Female": "W", "Male": "E"}.get(found.gender or "", "")
        flags += ("S" if found.sitting else "") + ("N" if found.first_time else "")
        flags += _OUTCOME_CODE.get(found.outcome, "") if found.outcome else ""
        head = [action, query.intent or _NO_INTENT, str(query.place or ""), flags]
        data = _FIELD.join([*head, *query.keys])
        if len(data.encode()) > CALLBACK_DATA_LIMIT:
            data = _FIELD.join([*head, *(self._shortened(key) for key in query.keys)])
        return data if len(data.encode()) <= CALLBACK_DATA_LIMIT else None

    def _computed(self, action: Action, ask: Ask) -> str | None:
        data = _FIELD.join([action, _ASK + ask_to_text(ask)])
        if len(data.encode()) > CALLBACK_DATA_LIMIT:
            data = _FIELD.join([action, _ASK + ask_to_text(ask, self._shortened)])
        return data if len(data.encode()) <= CALLBACK_DATA_LIMIT else None

    def _shortened(self, key: str) -> str:
        short = short_key(key)
        return short if self._by_short.get(short) == key else key

    def decode(self, data: str) -> Pressed | None:
        """What a button asks for, or None for data this version cannot read."""
        action_code, _, rest = data.partition(_FIELD)
        try:
            action = Action(action_code)
        except ValueError:
            return None
        if action is Action.ASK:
            return Pressed(action, question=rest) if rest else None
        if action is Action.PICTURES:
            return Pressed(action, pictures=rest == "on") if rest in {"on", "off"} else None
        if rest.startswith(_ASK):
            ask = ask_from_text(rest[len(_ASK) :], lambda key: self._by_short.get(key, key))
            return None if ask is None else Pressed(action, Query(None, ask_keys(ask), ask=ask))
        parts = rest.split(_FIELD)
        if len(parts) < 3:
            return None
        intent_code, place, flags, *keys = parts
        try:
            intent = None if intent_code == _NO_INTENT else Intent(intent_code)
            number = int(place) if place else None
        except ValueError:
            return None
        full_keys = [self._by_short.get(key, key) for key in keys]
        query = Query(
            intent,
            tuple(full_keys),
            number,
            most="f" not in flags,
            measure=next(
                (m for m, code in _MEASURE_CODE.items() if code and code in flags), Measure.VOTES
            ),
            national="n" in flags,
            yes_no="y" in flags,
            year=int(year[1]) if (year := re.search(r"Y(\d+)", flags)) else None,
            old_seats="O" in flags,
            top=int(top[1]) if (top := re.search(r"T(\d+)", flags)) else None,
            filters=Filters(
                gender="Female" if "W" in flags else "Male" if "E" in flags else None,
                sitting="S" in flags,
                first_time="N" in flags,
                outcome=next((o for o, code in _OUTCOME_CODE.items() if code in flags), None),
            ),
            asks_who="h" in flags,
            asks_party="p" in flags,
        )
        return Pressed(action, query)


def ask_data(question: str) -> str | None:
    data = f"{Action.ASK}{_FIELD}{question}"
    return data if len(data.encode()) <= CALLBACK_DATA_LIMIT else None


def answer_keyboard(
    codec: ButtonCodec, answer: Answer, showing_sources: bool = False, details: bool = False
) -> InlineKeyboardMarkup | None:
    """One button per option for a clarify; a Source (or Hide source) button for an answer,
    and beside it (details: under a chart) a Details button for the whole text."""
    if answer.status is Status.CLARIFY and answer.query is not None:
        asked = answer.query
        choices = [
            (option.label, codec.encode(Action.CHOOSE, asked.about(option.key)))
            for option in answer.options
        ]
        rows = [
            [InlineKeyboardButton(label, callback_data=data)] for label, data in choices if data
        ]
        return InlineKeyboardMarkup(rows) if rows else None
    if answer.status is Status.ANSWERED and answer.query is not None:
        action, label = (
            (Action.ANSWER, "Hide source") if showing_sources else (Action.SOURCE, "Source")
        )
        wanted = [(label, action)] if answer.sources else []
        wanted += [("Details", Action.DETAILS)] if details else []
        row = [
            InlineKeyboardButton(text, callback_data=data)
            for text, button in wanted
            if (data := codec.encode(button, answer.query)) is not None
        ]
        return InlineKeyboardMarkup([row]) if row else None
    return None


def pictures_keyboard(on: bool) -> InlineKeyboardMarkup:
    """/settings: the one switch."""
    label, data = ("Turn pictures off", "off") if on else ("Turn pictures on", "on")
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=f"{Action.PICTURES}{_FIELD}{data}")]]
    )


def examples_keyboard(questions: tuple[str, ...]) -> InlineKeyboardMarkup:
    rows = [
        [InlineKeyboardButton(question, callback_data=data)]
        for question in questions
        if (data := ask_data(question)) is not None
    ]
    return InlineKeyboardMarkup(rows)


def key_from_payload(payload: str) -> str:
    """t.me/Bot?start=seat-leicester-south -> 'seat:leicester-south' (a start payload allows
    only [A-Za-z0-9_-], so the kind is joined to the id by a dash)."""
    kind, _, entity_id = payload.partition("-")
    return f"{kind}:{entity_id}"
