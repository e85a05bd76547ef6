"""The Bot API calls at start-up: an answer the bot cannot read ends the start in one line
naming the call; the command menu, a convenience, never holds up answering."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace

import pytest

from bot.engine import Engine
from bot.startup import StartupError
from bot.telegram.app import serve
from bot.telegram.retries import RetryPolicy
from tests.fake_bot_api import BOT_ID, FakeBotApi
from tests.fake_faults import Garbled, ServerError
from tests.telegram_harness import TEST_TUNING, TOKEN, calls, running, settings_for

ME_WITHOUT_IS_BOT = {"id": BOT_ID, "first_name": "Election Results", "username": "TheBot"}
UNREADABLE = {
    "getMe without is_bot": (
        Garbled(json.dumps({"ok": True, "result": ME_WITHOUT_IS_BOT}).encode()),
        "Telegram's answer to getMe could not be read: User.__init__() missing 1 required "
        "positional argument: 'is_bot'",
    ),
    "a page, not JSON": (
        Garbled(b"<html><body>Welcome to the hotel Wi-Fi</body></html>", "text/html"),
        "Telegram's answer to getMe could not be read: Invalid server response (not JSON: "
        "Expecting value: line 1 column 1 (char 0))",
    ),
    "JSON without a result": (
        Garbled(b'{"ok": true}'),
        "Telegram's answer to getMe could not be read: 'result' is missing",
    ),
}


@pytest.mark.parametrize(("answer", "said"), UNREADABLE.values(), ids=list(UNREADABLE))
async def test_a_getme_answer_that_cannot_be_read_is_one_startup_error_naming_it(
    api: FakeBotApi, engine: Engine, answer: Garbled, said: str
) -> None:
    api.faults.add("getMe", answer)
    with pytest.raises(StartupError) as failed:
        await serve(settings_for(api), engine, asyncio.Event(), TEST_TUNING)
    assert str(failed.value) == said
    assert failed.value.status == 1
    assert api.faults.injected["getMe Garbled"] == 1  # not asked again: it would say the same
    assert api.calls_to("getUpdates") == []


async def test_a_command_menu_failing_with_5xx_does_not_hold_up_answering(
    api: FakeBotApi, engine: Engine
) -> None:
    api.faults.add("setMyCommands", ServerError(500))
    production = replace(TEST_TUNING, retry=RetryPolicy())  # about 15 s of backoff in all
    async with running(settings_for(api), engine, production):
        api.send_text("who won Leicester South?")
        [answer] = await calls(api, "sendMessage")
        # Answered while the menu is still being tried: it waited for none of its retries.
        assert api.faults.injected["setMyCommands ServerError"] < RetryPolicy().attempts
    assert "Shockat Adam" in answer.params["text"]
    assert api.commands == {}


async def test_a_command_menu_refused_is_logged_and_answering_goes_on(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    with FakeBotApi(TOKEN) as api:
        api.commands_refusal = "BOT_COMMAND_INVALID"
        async with running(settings_for(api), engine):
            api.send_text("who won Leicester South?")
            [answer] = await calls(api, "sendMessage")
    assert "Shockat Adam" in answer.params["text"]
    [refused] = [r for r in caplog.records if "command menu" in r.getMessage()]
    assert "(setMyCommands: Bot_command_invalid); serving without" in refused.getMessage()
    assert refused.exc_info is None


async def test_a_command_menu_after_a_blip_is_set_in_the_background(
    api: FakeBotApi, engine: Engine
) -> None:
    api.faults.add("setMyCommands", ServerError(502, html=True), limit=2)
    async with running(settings_for(api), engine):
        await calls(api, "setMyCommands", 2)
    assert api.faults.injected["setMyCommands ServerError"] == 2
    assert {"all_private_chats", "all_group_chats"} <= set(api.commands)
