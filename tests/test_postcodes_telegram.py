"""Postcodes and shared locations on Telegram, against the fake Bot API and a fake
postcodes.io; and the bot's own log, at its most talkative, holds neither."""

from __future__ import annotations

import json
import subprocess
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.engine import Engine
from tests.fake_bot_api import PRIVATE_CHAT_ID, FakeBotApi
from tests.fake_bot_api import parse_html as visible
from tests.fake_postcodes import FakePostcodes
from tests.telegram_harness import TOKEN, calls, running, sent_after, settings_for
from tests.test_run_entrypoint import start, stop
from tests.test_telegram_e2e import buttons


@pytest.fixture
def postcodes_io() -> Iterator[FakePostcodes]:
    with FakePostcodes() as fake:
        yield fake


@pytest.fixture
async def bot(
    api: FakeBotApi, postcodes_io: FakePostcodes, shipped_engine: Engine
) -> AsyncIterator[FakeBotApi]:
    settings = settings_for(api, postcodes_api_url=postcodes_io.base_url)
    async with running(settings, shipped_engine):
        await calls(api, "getUpdates")
        # Text answers, so that each is one sendMessage to read.
        api.send_text("/settings")
        [switch] = await calls(api, "sendMessage")
        api.press(api.bot_messages(PRIVATE_CHAT_ID)[-1], buttons(switch.params)[0][1])
        await calls(api, "editMessageText")
        yield api


def share_location(api: FakeBotApi, latitude: float, longitude: float) -> None:
    message = api.new_message("placeholder")
    del message["text"], message["entities"]
    api.push({"message": {**message, "location": {"latitude": latitude, "longitude": longitude}}})


async def test_a_postcode_question_then_a_follow_up(bot: FakeBotApi) -> None:
    bot.send_text("who is my MP SW1A 1AA")
    mp = visible((await sent_after(bot, 2)).params["text"])
    assert mp.startswith("Rachel Blake (Labour) won Cities of London and Westminster")
    bot.send_text("and who came second?")
    second = visible((await sent_after(bot, 3)).params["text"])
    assert second.startswith("Tim Barnes (Conservative) came second")


async def test_mp_command_and_an_outward_code_with_buttons(bot: FakeBotApi) -> None:
    bot.send_text("/mp M1 1AE")
    assert "won Manchester Central" in (await sent_after(bot, 2)).params["text"]
    bot.send_text("LS6")
    which = await sent_after(bot, 3)
    assert visible(which.params["text"]).startswith("LS6 covers parts of 2 constituencies")
    options = dict(buttons(which.params))
    assert list(options) == ["Leeds Central and Headingley", "Leeds North West"]
    bot.press(bot.bot_messages(PRIVATE_CHAT_ID)[-1], options["Leeds North West"])
    chosen = (await calls(bot, "editMessageText", 2))[1]
    assert visible(chosen.params["text"]).startswith("Katie White (Labour) won Leeds North West")


async def test_a_shared_location_answers_for_where_it_is(bot: FakeBotApi) -> None:
    share_location(bot, 53.4812, -2.2373)
    here = visible((await sent_after(bot, 2)).params["text"])
    assert here.startswith("Lucy Powell (Labour) won Manchester Central")


async def test_start_says_postcodes_and_locations_work(bot: FakeBotApi) -> None:
    bot.send_text("/start")
    started = visible((await sent_after(bot, 2)).params["text"])
    assert "Send your postcode (SW1A 1AA, or just SW1A), or share your location" in started


def test_the_log_never_holds_a_postcode_or_a_location(tmp_path: Path) -> None:
    with FakeBotApi(TOKEN) as api, FakePostcodes() as postcodes_io:
        # LOG_LEVEL=DEBUG: every update and every request is logged.
        process = start(api, tmp_path, POSTCODES_API_URL=postcodes_io.base_url)
        try:
            api.wait_for("getUpdates", timeout=30)
            api.send_text("who is my MP SW1A 1AA")
            share_location(api, 53.4812, -2.2373)
            api.wait_until(lambda: len(api.replies()) >= 2, timeout=30)
        finally:
            output = stop(process)
    assert "won Cities of London and Westminster" in str(api.replies()[0].params)
    assert postcodes_io.asked  # looked up, not answered from anywhere else
    assert "1AA" not in output
    assert "53.48" not in output
    assert "-2.23" not in output
    assert "SW1A ***" in output  # the outward code is all that is kept


async def test_a_slow_lookup_holds_up_no_other_chat(
    bot: FakeBotApi, postcodes_io: FakePostcodes
) -> None:
    postcodes_io.delay = 2.0
    bot.send_text("who is my MP SW1A 1AA")
    other_user = {"id": 4242, "is_bot": False, "first_name": "Other"}
    other_chat = {"id": 4242, "type": "private", "first_name": "Other"}
    bot.send_text("who won clacton", chat=other_chat, user=other_user)
    [other] = await calls(bot, "sendPhoto")  # the other chat takes pictures: a chart
    mp = await sent_after(bot, 2)
    assert visible(mp.params["text"]).startswith("Rachel Blake")
    assert other.at < mp.at  # answered while the lookup was still waiting


def test_the_console_looks_postcodes_up_too(postcodes_io: FakePostcodes) -> None:
    import os
    import sys

    env = {**os.environ, "POSTCODES_API_URL": postcodes_io.base_url}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--json"],
        input="who is my MP SW1A 1AA\nand who came second\n",
        env=env, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    mp, second = (json.loads(line) for line in done.stdout.splitlines())
    assert mp["text"].startswith("Rachel Blake (Labour) won Cities of London and Westminster")
    assert mp["query"]["keys"] == ["seat:cities-of-london-and-westminster"]
    assert second["text"].startswith("Tim Barnes (Conservative) came second")
    assert postcodes_io.asked == ["/postcodes/SW1A%201AA"]
