"""A fake Telegram Bot API: a real HTTP server on 127.0.0.1 that the tests start.

It speaks what python-telegram-bot speaks (POST to /bot<token>/<method>, form-encoded bodies
whose complex values are JSON, empty bodies for calls without parameters) and answers as
Telegram does: {"ok": true, "result": ...}, or a real HTTP status with
{"ok": false, "error_code", "description", "parameters"}. It refuses what Telegram refuses
(bad HTML, text too long or empty, oversized callback data, too many inline results, invalid
command names), so a test passes only if Telegram would have accepted the same calls.

Tests drive it from their side: push updates (a user's message, a button press, an inline
query), then wait for the bot's calls and inspect them. `faults` makes it misbehave as
Telegram does on a bad night (tests/fake_faults.py): a round trip, 429s, 5xx, dropped
connections, slow replies.
"""

from __future__ import annotations

import contextlib
import html
import itertools
import json
import re
import struct
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

from tests.fake_faults import (
    Dropped,
    Faults,
    Garbled,
    Refused,
    ServerError,
    Slow,
    TelegramLimits,
    TooManyRequests,
)

TEXT_LIMIT = 4096
CALLBACK_DATA_LIMIT = 64
CAPTION_LIMIT = 1024
PHOTO_BYTES_LIMIT = 10 * 1024 * 1024  # Telegram's limit for a photo sent by upload
INLINE_RESULTS_LIMIT = 50
RESULT_ID_LIMIT = 64
TELEGRAM_TAGS = frozenset(
    "b strong i em u ins s strike del a code pre blockquote tg-spoiler span tg-emoji".split()
)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s[^<>]*)?)>")
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")
_COMMAND_NAME = re.compile(r"^[a-z0-9_]{1,32}$")
# Parameters python-telegram-bot sends JSON-encoded; everything else arrives as a plain string.
_JSON_PARAMETERS = frozenset(
    "reply_markup results commands scope allowed_updates entities reply_parameters "
    "link_preview_options button caption_entities media".split()
)
_INT_PARAMETERS = frozenset("offset limit message_id cache_time".split())

BOT_ID = 777000
_LIMITED = frozenset(
    {"sendMessage", "sendPhoto", "editMessageText", "editMessageCaption", "editMessageMedia"}
)
ALICE = {"id": 1001, "is_bot": False, "first_name": "Alice", "username": "alice"}
BOB = {"id": 1002, "is_bot": False, "first_name": "Bob", "username": "bob"}
PRIVATE_CHAT_ID = 1001
GROUP_CHAT_ID = -100500
PRIVATE_CHAT = {"id": PRIVATE_CHAT_ID, "type": "private", "first_name": "Alice"}
GROUP_CHAT = {"id": GROUP_CHAT_ID, "type": "supergroup", "title": "Election night"}


class ApiError(Exception):
    def __init__(self, status: int, description: str, parameters: dict[str, Any] | None = None):
        super().__init__(description)
        self.status, self.description, self.parameters = status, description, parameters


def bad_request(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


def parse_html(text: str) -> str:
    """The visible text of Telegram HTML, or ApiError where Telegram would refuse it."""
    visible: list[str] = []
    open_tags: list[str] = []
    at = 0
    while at < len(text):
        char = text[at]
        if char == "<":
            tag = _TAG.match(text, at)
            name = tag.group(2).lower() if tag else ""
            if tag is None or name not in TELEGRAM_TAGS:
                offset = len(text[:at].encode())
                raise bad_request(
                    f'can\'t parse entities: Unsupported start tag "{name}" at byte offset {offset}'
                )
            if name == "span" and "tg-spoiler" not in tag.group(3):
                raise bad_request("can't parse entities: Unsupported span without class")
            if tag.group(1):
                if not open_tags or open_tags[-1] != name:
                    raise bad_request(f'can\'t parse entities: Unmatched end tag "{name}"')
                open_tags.pop()
            else:
                open_tags.append(name)
            at = tag.end()
        elif char == "&":
            entity = _ENTITY.match(text, at)
            if entity is None:
                raise bad_request("can't parse entities: Character '&' is reserved")
            visible.append(html.unescape(entity.group(0)))
            at = entity.end()
        else:
            visible.append(char)
            at += 1
    if open_tags:
        unclosed = open_tags[-1]
        raise bad_request(
            f"can't parse entities: Can't find end tag corresponding to start tag \"{unclosed}\""
        )
    return "".join(visible)


def check_text(text: str | None, parse_mode: str | None) -> str:
    """Visible text of a message as Telegram would accept it."""
    visible = parse_html(text or "") if parse_mode == "HTML" else (text or "")
    if not visible.strip():
        raise bad_request("message text is empty")
    if len(visible.encode("utf-16-le")) // 2 > TEXT_LIMIT:
        raise bad_request("message is too long")
    return visible


def check_caption(caption: str, parse_mode: str | None) -> None:
    visible = parse_html(caption) if parse_mode == "HTML" else caption
    if len(visible.encode("utf-16-le")) // 2 > CAPTION_LIMIT:
        raise bad_request("message caption is too long")


def check_photo(photo: bytes) -> tuple[int, int]:
    """(width, height) of a PNG or JPEG Telegram would take as a photo, else ApiError."""
    if len(photo) > PHOTO_BYTES_LIMIT:
        raise ApiError(400, "Bad Request: file is too big")
    if photo.startswith(b"\x89PNG\r\n\x1a\n") and photo[12:16] == b"IHDR":
        width, height = struct.unpack(">II", photo[16:24])
    elif photo.startswith(b"\xff\xd8"):
        width, height = _jpeg_size(photo)
    else:
        raise bad_request("IMAGE_PROCESS_FAILED")
    if width + height > 10_000 or max(width, height) > 20 * min(width, height):
        raise bad_request("PHOTO_INVALID_DIMENSIONS")
    return width, height


def _jpeg_size(photo: bytes) -> tuple[int, int]:
    at = 2
    while at + 9 < len(photo):
        marker, size = photo[at + 1], struct.unpack(">H", photo[at + 2 : at + 4])[0]
        if marker in {0xC0, 0xC1, 0xC2}:
            height, width = struct.unpack(">HH", photo[at + 5 : at + 9])
            return width, height
        at += 2 + size
    raise bad_request("IMAGE_PROCESS_FAILED")


def check_markup(markup: Any) -> None:
    if markup is None:
        return
    for row in markup.get("inline_keyboard", []):
        for button in row:
            if not button.get("text"):
                raise bad_request("BUTTON_TEXT_INVALID")
            data = button.get("callback_data")
            if data is not None and not 1 <= len(data.encode()) <= CALLBACK_DATA_LIMIT:
                raise bad_request("BUTTON_DATA_INVALID")


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)  # when it was accepted


class FakeBotApi:
    def __init__(self, token: str, username: str = "TheBot") -> None:
        self.token = token
        self.username = username
        self.calls: list[Call] = []  # accepted calls, in order
        self.refused: list[tuple[Call, str]] = []  # calls Telegram would have refused, and why
        self.webhook: dict[str, Any] | None = None
        self.faults = Faults()
        self.limits: TelegramLimits | None = None  # Telegram's rate limits, when a test sets them
        self.webhook_refusal: str | None = None  # e.g. "bad webhook: Failed to resolve host"
        self.commands_refusal: str | None = None  # e.g. "BOT_COMMAND_INVALID"
        self.peak_sending = 0  # the most replies in progress at once
        self._sending = 0
        self._replied_at: list[float] = []  # when each reply's answer went back to the bot
        self.commands: dict[str, list[dict[str, str]]] = {}
        self.photos: dict[tuple[int, int], bytes] = {}  # the bytes of each photo sent
        self.uploads = 0  # photos sent as bytes; a file id sends one again without them
        self._files: dict[str, bytes] = {}  # by file id
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._callback_ids = itertools.count(1)
        self._messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._chats: dict[int, dict[str, Any]] = {}
        self._open_callbacks: set[str] = set()
        self._changed = threading.Condition(threading.RLock())
        self._closing = False
        self._server = _Server(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    # --- running -----------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/bot"

    def __enter__(self) -> FakeBotApi:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        with self._changed:
            self._closing = True
            self._changed.notify_all()
        self._server.shutdown()  # polls every 0.05 s (see _thread): no half-second wait per test
        self._server.server_close()

    # --- what users do ---------------------------------------------------------------------

    def push(self, update: dict[str, Any]) -> dict[str, Any]:
        with self._changed:
            update = {"update_id": next(self._update_ids), **update}
            self._updates.append(update)
            self._changed.notify_all()
        return update

    @contextlib.contextmanager
    def at_once(self) -> Iterator[None]:
        """Updates pushed inside the block reach the bot in one getUpdates, as they do when
        many people ask within the same moment."""
        with self._changed:
            yield

    def send_text(
        self,
        text: str,
        chat: dict[str, Any] = PRIVATE_CHAT,
        user: dict[str, Any] = ALICE,
        reply_to: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """A user's message, delivered to the bot; returns the message."""
        message = self.new_message(text, chat, user, reply_to)
        self.push({"message": message})
        return message

    def new_message(
        self,
        text: str,
        chat: dict[str, Any] = PRIVATE_CHAT,
        user: dict[str, Any] = ALICE,
        reply_to: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """A user's message with the entities Telegram would mark, not yet delivered."""
        message = self._store(chat, user, text, reply_to=reply_to)
        message["entities"] = _entities(text)
        return message

    def press(
        self, bot_message: dict[str, Any], callback_data: str, user: dict[str, Any] = ALICE
    ) -> str:
        """A tap on a button under one of the bot's messages; returns the callback query id."""
        query_id = f"cb{next(self._callback_ids)}"
        with self._changed:
            self._open_callbacks.add(query_id)
        current = self._messages[(bot_message["chat"]["id"], bot_message["message_id"])]
        self.push(
            {
                "callback_query": {
                    "id": query_id,
                    "from": user,
                    "chat_instance": "ci1",
                    "message": current,
                    "data": callback_data,
                }
            }
        )
        return query_id

    def inline(self, query: str, user: dict[str, Any] = ALICE) -> dict[str, Any]:
        inline_id = f"iq{next(self._callback_ids)}"
        return self.push(
            {"inline_query": {"id": inline_id, "from": user, "query": query, "offset": ""}}
        )

    # --- what the bot did ------------------------------------------------------------------

    def replies(self) -> list[Call]:
        """The bot's messages to chats, text or photo, in the order Telegram took them."""
        with self._changed:
            return [call for call in self.calls if call.method in {"sendMessage", "sendPhoto"}]

    def calls_to(self, method: str) -> list[Call]:
        with self._changed:
            return [call for call in self.calls if call.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[Call]:
        """Block until the bot has made `count` calls to `method`; all of them."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [call for call in self.calls if call.method == method]
                if len(found) >= count:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    made = [c.method for c in self.calls]
                    raise AssertionError(f"no {count}x {method} within {timeout}s; calls: {made}")
                self._changed.wait(remaining)

    def wait_until(self, condition: Callable[[], bool], timeout: float = 10.0) -> None:
        """Block until condition() holds, checking each time the bot calls the API."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not condition():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"condition not met within {timeout}s")
                self._changed.wait(remaining)

    def bot_messages(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        """The bot's messages as they stand now (after any edits), oldest first."""
        with self._changed:
            return [
                dict(m)
                for (chat, _), m in sorted(self._messages.items(), key=lambda item: item[0][1])
                if m["from"]["id"] == BOT_ID and chat_id in {None, chat}
            ]

    def message(self, chat_id: int, message_id: int) -> dict[str, Any]:
        with self._changed:
            return self._messages[(chat_id, message_id)]

    def replies_in_flight(self, reading: float = 0.1) -> int:
        """Replies on their way: asked for and not yet answered, or answered in the last
        `reading` seconds, which the bot may still be reading when it dies."""
        with self._changed:
            now = time.monotonic()
            return self._sending + sum(now - at <= reading for at in self._replied_at)

    def pending_update_ids(self) -> list[int]:
        with self._changed:
            return [u["update_id"] for u in self._updates]

    @contextlib.contextmanager
    def sending(self, method: str) -> Iterator[None]:
        """Count the replies (sendMessage, sendPhoto) in progress: whether the bot sends
        concurrently, and how many were on their way when it was killed."""
        if method not in {"sendMessage", "sendPhoto"}:
            yield
            return
        with self._changed:
            self._sending += 1
            self.peak_sending = max(self.peak_sending, self._sending)
        try:
            yield
        finally:
            with self._changed:
                self._sending -= 1
                self._replied_at.append(time.monotonic())

    # --- the API -----------------------------------------------------------------------------

    def handle(self, token: str, method: str, params: dict[str, Any]) -> Any:
        if token != self.token:
            raise ApiError(401, "Unauthorized")
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            raise ApiError(404, "Not Found")
        try:
            result = handler(params)
        except ApiError as error:
            with self._changed:
                self.refused.append((Call(method, params), error.description))
            raise
        if method != "getUpdates":  # recorded as it starts waiting, see _api_getUpdates
            with self._changed:
                self.calls.append(Call(method, params))
                self._changed.notify_all()
        return result

    def _api_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Election Results",
            "username": self.username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }

    def _api_deleteWebhook(self, params: dict[str, Any]) -> bool:
        with self._changed:
            self.webhook = None
            if params.get("drop_pending_updates") in {"true", "True", True}:
                self._updates.clear()
        return True

    def _api_setWebhook(self, params: dict[str, Any]) -> bool:
        if self.webhook_refusal:
            raise bad_request(self.webhook_refusal)
        if not str(params.get("url", "")).startswith(("http://", "https://")):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        self.webhook = dict(params)
        return True

    def _api_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        if self.webhook is not None:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use "
                "deleteWebhook to delete the webhook first",
            )
        offset = int(params.get("offset", 0) or 0)
        timeout = float(params.get("timeout", 0) or 0)
        limit = int(params.get("limit", 100) or 100)
        deadline = time.monotonic() + timeout
        with self._changed:
            self.calls.append(Call("getUpdates", params))
            self._changed.notify_all()
            if offset:  # confirming: everything before the offset is gone for good
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
            while not self._updates and not self._closing:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._changed.wait(remaining)
            return list(self._updates[:limit])

    def _api_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        if chat_id not in self._chats:
            raise bad_request("chat not found")
        check_text(params.get("text"), params.get("parse_mode"))
        check_markup(params.get("reply_markup"))
        reply_to = self._replied(chat_id, params)
        return self._store(
            self._chats[chat_id], self._bot_user(), params["text"], params.get("reply_markup"),
            reply_to,
        )  # fmt: skip

    def _replied(self, chat_id: int, params: dict[str, Any]) -> dict[str, Any] | None:
        if not params.get("reply_parameters"):
            return None
        replied = self._messages.get((chat_id, int(params["reply_parameters"]["message_id"])))
        if replied is None:
            raise bad_request("message to be replied not found")
        return replied

    def _bot_user(self) -> dict[str, Any]:
        return {"id": BOT_ID, "is_bot": True, "first_name": "Election Results",
                "username": self.username}  # fmt: skip

    def _api_sendPhoto(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        if chat_id not in self._chats:
            raise bad_request("chat not found")
        photo = self._photo_of(params.get("photo"))
        width, height = check_photo(photo)
        caption = params.get("caption")
        if caption is not None:
            check_caption(caption, params.get("parse_mode"))
        check_markup(params.get("reply_markup"))
        reply_to = self._replied(chat_id, params)
        message = self._store(
            self._chats[chat_id], self._bot_user(), "", params.get("reply_markup"), reply_to
        )
        with self._changed:
            stored = self._messages[(chat_id, message["message_id"])]
            del stored["text"]
            self._put_photo(stored, photo, width, height)
            if caption is not None:
                stored["caption"] = caption
            return dict(stored)

    def _photo_of(self, sent: Any) -> bytes:
        """A photo's bytes: uploaded, or a file id this server gave out."""
        if isinstance(sent, bytes):
            with self._changed:
                self.uploads += 1
            return sent
        if isinstance(sent, str) and sent in self._files:
            return self._files[sent]
        if isinstance(sent, str):
            raise bad_request("wrong file identifier/HTTP URL specified")
        raise bad_request("there is no photo in the request")

    def _put_photo(self, stored: dict[str, Any], photo: bytes, width: int, height: int) -> None:
        key = (stored["chat"]["id"], stored["message_id"])
        file_id = f"photo{len(self._files) + 1}"
        self._files[file_id] = photo
        size = {"width": width, "height": height, "file_size": len(photo)}
        stored["photo"] = [{"file_id": file_id, "file_unique_id": file_id, **size}]
        self.photos[key] = photo

    def _bot_message(self, params: dict[str, Any]) -> dict[str, Any]:
        key = (int(params.get("chat_id", 0)), int(params.get("message_id", 0)))
        message = self._messages.get(key)
        if message is None or message["from"]["id"] != BOT_ID:
            raise bad_request("message to edit not found")
        return message

    def _api_editMessageCaption(self, params: dict[str, Any]) -> dict[str, Any]:
        caption = params.get("caption", "")
        check_caption(caption, params.get("parse_mode"))
        check_markup(params.get("reply_markup"))
        with self._changed:
            message = self._bot_message(params)
            if "photo" not in message:
                raise bad_request("there is no caption in the message to edit")
            markup = params.get("reply_markup")
            if message.get("caption") == caption and message.get("reply_markup") == markup:
                raise bad_request("message is not modified")
            message["caption"] = caption
            message["reply_markup"] = markup
            return dict(message)

    def _api_editMessageMedia(self, params: dict[str, Any]) -> dict[str, Any]:
        media = params.get("media")
        if not isinstance(media, dict) or media.get("type") != "photo":
            raise bad_request("can't parse InputMedia: media not found")
        photo = self._photo_of(media.get("media"))
        width, height = check_photo(photo)
        caption = media.get("caption", "")
        check_caption(caption, media.get("parse_mode"))
        with self._changed:
            message = self._bot_message(params)
            if "photo" not in message:
                raise bad_request("there is no media in the message to edit")
            if self.photos.get((message["chat"]["id"], message["message_id"])) == photo and (
                message.get("caption") == caption
            ):
                raise bad_request("message is not modified")
            self._put_photo(message, photo, width, height)
            message["caption"] = caption
            return dict(message)

    def _api_editMessageText(self, params: dict[str, Any]) -> dict[str, Any] | bool:
        check_text(params.get("text"), params.get("parse_mode"))
        check_markup(params.get("reply_markup"))
        if "inline_message_id" in params:
            return True
        key = (int(params.get("chat_id", 0)), int(params.get("message_id", 0)))
        with self._changed:
            message = self._messages.get(key)
            if message is None or message["from"]["id"] != BOT_ID:
                raise bad_request("message to edit not found")
            if "text" not in message:
                raise bad_request("there is no text in the message to edit")
            markup = params.get("reply_markup")
            if message["text"] == params["text"] and message.get("reply_markup") == markup:
                raise bad_request(
                    "message is not modified: specified new message content and reply markup "
                    "are exactly the same as a current content and reply markup of the message"
                )
            message["text"] = params["text"]
            message["reply_markup"] = markup
            return dict(message)

    def _api_answerCallbackQuery(self, params: dict[str, Any]) -> bool:
        with self._changed:
            if params.get("callback_query_id") not in self._open_callbacks:
                raise bad_request(
                    "query is too old and response timeout expired or query ID is invalid"
                )
            self._open_callbacks.discard(params["callback_query_id"])
        if len(params.get("text", "")) > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        return True

    def _api_answerInlineQuery(self, params: dict[str, Any]) -> bool:
        results = params.get("results", [])
        if len(results) > INLINE_RESULTS_LIMIT:
            raise bad_request("RESULTS_TOO_MUCH")
        ids = [str(r.get("id", "")) for r in results]
        if any(not 1 <= len(i.encode()) <= RESULT_ID_LIMIT for i in ids):
            raise bad_request("RESULT_ID_INVALID")
        if len(set(ids)) != len(ids):
            raise bad_request("RESULT_ID_DUPLICATE")
        for result in results:
            content = result.get("input_message_content", {})
            check_text(content.get("message_text"), content.get("parse_mode"))
            check_markup(result.get("reply_markup"))
        return True

    def _api_setMyCommands(self, params: dict[str, Any]) -> bool:
        if self.commands_refusal:
            raise bad_request(self.commands_refusal)
        commands = params.get("commands", [])
        for command in commands:
            if not _COMMAND_NAME.match(command.get("command", "")):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(command.get("description", "")) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        scope = (params.get("scope") or {"type": "default"})["type"]
        self.commands[scope] = commands
        return True

    # --- bookkeeping ---------------------------------------------------------------------------

    def _store(
        self,
        chat: dict[str, Any],
        user: dict[str, Any],
        text: str,
        reply_markup: Any = None,
        reply_to: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        with self._changed:
            self._chats[chat["id"]] = chat
            message: dict[str, Any] = {
                "message_id": next(self._message_ids),
                "date": int(time.time()),
                "chat": chat,
                "from": user,
                "text": text,
            }
            if reply_markup is not None:
                message["reply_markup"] = reply_markup
            if reply_to is not None:
                message["reply_to_message"] = {
                    k: v for k, v in reply_to.items() if k != "reply_to_message"
                }
            self._messages[(chat["id"], message["message_id"])] = message
            return dict(message)


class _Server(ThreadingHTTPServer):
    # Telegram takes a crowd's connections at once; the default backlog of 5 would reset
    # them and make the bot's retries, not its concurrency, the thing under test.
    request_queue_size = 1024


def _entities(text: str) -> list[dict[str, Any]]:
    found = []
    for match in re.finditer(r"(?:^/[A-Za-z0-9_]+(?:@\w+)?)|(?:@\w+)", text):
        kind = "bot_command" if match.group(0).startswith("/") else "mention"
        offset = len(text[: match.start()].encode("utf-16-le")) // 2
        length = len(match.group(0).encode("utf-16-le")) // 2
        found.append({"type": kind, "offset": offset, "length": length})
    return found


def _decode_multipart(content_type: str, raw: bytes) -> dict[str, Any]:
    """A multipart/form-data body as python-telegram-bot uploads files: fields as strings
    (JSON where Telegram expects JSON), files as bytes; "attach://name" points at a file."""
    message = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + raw
    )
    assert isinstance(message, EmailMessage)
    fields: dict[str, list[str]] = {}
    files: dict[str, bytes] = {}
    for part in message.iter_parts():
        assert isinstance(part, EmailMessage)
        name = str(part.get_param("name", header="content-disposition"))
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        if part.get_filename() is not None:
            files[name] = payload
        else:
            fields[name] = [payload.decode()]
    params = _decode(fields)
    for name, value in list(params.items()):
        if isinstance(value, str) and value.startswith("attach://"):
            params[name] = files[value.removeprefix("attach://")]
        media = value.get("media") if isinstance(value, dict) else None
        if isinstance(media, str) and media.startswith("attach://"):  # editMessageMedia's
            params[name] = {**value, "media": files[media.removeprefix("attach://")]}
    return {**files, **params}


def _decode(params: dict[str, list[str]]) -> dict[str, Any]:
    decoded: dict[str, Any] = {}
    for name, values in params.items():
        value: Any = values[-1]
        if name in _JSON_PARAMETERS:
            value = json.loads(value)
        elif name in _INT_PARAMETERS:
            value = int(value)
        decoded[name] = value
    return decoded


def _handler_for(api: FakeBotApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            match = re.fullmatch(r"/bot([^/]+)/(\w+)", self.path)
            if match is None:
                self._reply(404, {"ok": False, "error_code": 404, "description": "Not Found"})
                return
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            content_type = self.headers.get("Content-Type", "")
            if content_type.startswith("multipart/form-data"):
                params = _decode_multipart(content_type, raw)
            elif not raw or content_type.startswith("application/x-www-form-urlencoded"):
                params = _decode(parse_qs(raw.decode()))
            else:
                error = bad_request(f"unsupported content type {content_type}")
                self._refuse(error)
                return
            method = match.group(2)
            chat_id = params.get("chat_id")
            fault = api.faults.draw(method, int(chat_id) if chat_id is not None else None)
            with api.sending(method):  # the round trip is when calls overlap
                time.sleep(api.faults.latency + (fault.seconds if isinstance(fault, Slow) else 0))
            if api.limits is not None and chat_id is not None and method in _LIMITED:
                wait = api.limits.check(int(chat_id), time.monotonic())
                if wait is not None:
                    self._refuse(ApiError(429, f"Too Many Requests: retry after {wait}",
                                          {"retry_after": wait}))  # fmt: skip
                    return
            if isinstance(fault, TooManyRequests):
                wait = fault.retry_after
                self._refuse(ApiError(429, f"Too Many Requests: retry after {wait}",
                                      {"retry_after": wait}))  # fmt: skip
                return
            if isinstance(fault, ServerError):
                self._fail(fault)
                return
            if isinstance(fault, Refused):
                self._refuse(ApiError(fault.status, fault.description))
                return
            if isinstance(fault, Garbled):
                self._send(200, fault.content_type, fault.body)
                return
            if isinstance(fault, Dropped) and not fault.after:
                self.close_connection = True
                return
            try:
                result = api.handle(match.group(1), method, params)
            except ApiError as error:
                self._refuse(error)
                return
            if isinstance(fault, Dropped):
                self.close_connection = True
                return
            self._reply(200, {"ok": True, "result": result})

        def _fail(self, fault: ServerError) -> None:
            if not fault.html:
                self._refuse(ApiError(fault.status, "Internal Server Error"))
                return
            page = f"<html><body><h1>{fault.status} Bad Gateway</h1></body></html>".encode()
            self.send_response(fault.status)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        do_GET = do_POST

        def _refuse(self, error: ApiError) -> None:
            body: dict[str, Any] = {
                "ok": False,
                "error_code": error.status,
                "description": error.description,
            }
            if error.parameters:
                body["parameters"] = error.parameters
            self._reply(error.status, body)

        def _reply(self, status: int, body: dict[str, Any]) -> None:
            self._send(status, "application/json", json.dumps(body).encode())

        def _send(self, status: int, content_type: str, data: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            # The client may have given up waiting (a long poll cut short at shutdown).
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the tests inspect calls, not access logs."""

    return Handler
