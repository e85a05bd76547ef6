"""The fake Bot API refuses what Telegram refuses, as python-telegram-bot sees it."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
)
from telegram.error import BadRequest, Conflict, InvalidToken

from tests.fake_bot_api import PRIVATE_CHAT_ID, FakeBotApi, parse_html
from tests.telegram_harness import TOKEN


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi(TOKEN) as fake:
        fake.new_message("hello")  # makes the private chat known, as a user's message would
        yield fake


@pytest.fixture
async def bot(api: FakeBotApi) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=api.base_url) as real_bot:
        yield real_bot


CHAT = PRIVATE_CHAT_ID


async def test_accepts_what_telegram_accepts(bot: Bot, api: FakeBotApi) -> None:
    sent = await bot.send_message(CHAT, "<b>bold</b> &amp; <i>it</i>", parse_mode="HTML")
    assert sent.message_id > 0
    assert bot.username == "TheBot"
    assert [c.method for c in api.calls] == ["getMe", "sendMessage"]


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("<div>no</div>", "Unsupported start tag"),
        ("<b>open", "Can't find end tag"),
        ("<b><i>x</b></i>", "Unmatched end tag"),
        ("1 < 2", "Unsupported start tag"),
        ("fish & chips", "Character '&' is reserved"),
        ("<b> </b>", "message text is empty"),
        ("x" * 4097, "message is too long"),
    ],
)
async def test_refuses_bad_html_and_bad_lengths(bot: Bot, text: str, description: str) -> None:
    with pytest.raises(BadRequest, match=f"(?i){re.escape(description)}"):
        await bot.send_message(CHAT, text, parse_mode="HTML")


async def test_counts_length_after_parsing(bot: Bot) -> None:
    await bot.send_message(CHAT, "<b>" + "x" * 4096 + "</b>", parse_mode="HTML")


async def test_refuses_long_callback_data(bot: Bot) -> None:
    button = InlineKeyboardButton("tap", callback_data="x" * 65)
    with pytest.raises(BadRequest, match=r"(?i)BUTTON_DATA_INVALID"):
        await bot.send_message(CHAT, "hi", reply_markup=InlineKeyboardMarkup([[button]]))


def _article(result_id: str) -> InlineQueryResultArticle:
    return InlineQueryResultArticle(result_id, "title", InputTextMessageContent("text"))


async def test_refuses_too_many_inline_results_and_long_ids(bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)RESULTS_TOO_MUCH"):
        await bot.answer_inline_query("q1", [_article(str(n)) for n in range(51)])
    with pytest.raises(BadRequest, match=r"(?i)RESULT_ID_INVALID"):
        await bot.answer_inline_query("q1", [_article("x" * 65)])


async def test_refuses_invalid_command_names(bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand("Result", "capital letters are not allowed")])


async def test_refuses_polling_while_a_webhook_is_set(bot: Bot) -> None:
    await bot.set_webhook("https://example.invalid/hook")
    with pytest.raises(Conflict):
        await bot.get_updates()


async def test_refuses_a_wrong_token(api: FakeBotApi) -> None:
    with pytest.raises(InvalidToken):
        async with Bot("999:wrong-token-for-the-fake-api-xx", base_url=api.base_url):
            pass


async def test_speaks_real_http_status_codes(api: FakeBotApi) -> None:
    async with httpx.AsyncClient() as client:
        missing = await client.post(f"{api.base_url}{TOKEN}/noSuchMethod")
        bad = await client.post(f"{api.base_url}{TOKEN}/sendMessage", data={"chat_id": "424242"})
    assert missing.status_code == 404
    assert missing.json() == {"ok": False, "error_code": 404, "description": "Not Found"}
    assert bad.status_code == 400
    assert bad.json()["description"] == "Bad Request: chat not found"


async def test_get_updates_long_polls_and_confirms_by_offset(bot: Bot, api: FakeBotApi) -> None:
    first = api.push({"message": api.new_message("one")})
    api.push({"message": api.new_message("two")})
    got = await bot.get_updates(timeout=1)
    assert [u.update_id for u in got] == [first["update_id"], first["update_id"] + 1]
    await bot.get_updates(offset=first["update_id"] + 1, timeout=0)
    assert api.pending_update_ids() == [first["update_id"] + 1]
    assert await bot.get_updates(offset=first["update_id"] + 2, timeout=1) == ()


def png_of(width: int, height: int) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(out, format="PNG")
    return out.getvalue()


async def test_takes_a_photo_uploaded_as_python_telegram_bot_uploads_it(
    bot: Bot, api: FakeBotApi
) -> None:
    sent = await bot.send_photo(
        CHAT, png_of(1080, 1200), caption="<b>Clacton</b> &amp; more", parse_mode="HTML"
    )
    assert sent.photo[-1].width == 1080
    assert sent.caption is not None
    assert parse_html(sent.caption) == "Clacton & more"  # kept as sent, as text messages are
    [call] = api.calls_to("sendPhoto")
    assert call.params["photo"] == api.photos[(CHAT, sent.message_id)]


@pytest.mark.parametrize(
    ("photo", "caption", "description"),
    [
        (png_of(1080, 1200), "x" * 1025, "message caption is too long"),
        (png_of(1080, 1200), "<b>open", "Can't find end tag"),
        (png_of(30, 900), "", "PHOTO_INVALID_DIMENSIONS"),  # more than 20 times as tall as wide
        (png_of(6000, 4100), "", "PHOTO_INVALID_DIMENSIONS"),  # width and height over 10,000
        (b"GIF89a not a photo", "", "IMAGE_PROCESS_FAILED"),
    ],
)
async def test_refuses_photos_and_captions_telegram_refuses(
    bot: Bot, photo: bytes, caption: str, description: str
) -> None:
    with pytest.raises(BadRequest, match=f"(?i){re.escape(description)}"):
        await bot.send_photo(CHAT, photo, caption=caption or None, parse_mode="HTML")
