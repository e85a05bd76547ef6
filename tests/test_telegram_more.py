"""The bot under harder conditions: very long answers, a failing engine, webhook mode."""

from __future__ import annotations

import asyncio
import logging
import socket
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from bot.engine import Conversation, Engine
from bot.engine.model.answer import Answer
from knowledge.hoc import read_official
from knowledge.merge import merge
from knowledge.schema import CandidateResult, Knowledge, Person
from tests.fake_bot_api import FakeBotApi, parse_html
from tests.official_data import write_official
from tests.telegram_harness import calls, running, sent_after, settings_for


def with_many_independents(knowledge: Knowledge, count: int) -> Knowledge:
    """The knowledge plus made-up independents in Preston: test load, not facts."""
    people = [Person(id=f"test-person-{n}", name=f"Testperson Number{n}") for n in range(count)]
    results = [
        CandidateResult(
            id=f"preston--test-person-{n}", seat="preston", person=f"test-person-{n}",
            party="independent", votes=100 + n, share=0.1, place=None, elected=False,
            facts=["list-michael-lavalette"],
        )
        for n in range(count)
    ]  # fmt: skip
    return knowledge.model_copy(
        update={"people": [*knowledge.people, *people], "results": [*knowledge.results, *results]}
    )


async def test_a_very_long_answer_is_split_and_its_source_trimmed(
    api: FakeBotApi, knowledge: Knowledge
) -> None:
    big = Engine(with_many_independents(knowledge, 400))
    async with running(settings_for(api), big):
        api.send_text("list all the independents")

        def last_part_sent() -> bool:
            return any("reply_markup" in m for m in api.bot_messages())

        await asyncio.to_thread(api.wait_until, last_part_sent)
        sent = api.calls_to("sendMessage")
        assert len(sent) >= 4
        first_text = parse_html(sent[0].params["text"])
        assert first_text.startswith("The article gives results for 423 independent candidates")
        parts = api.bot_messages()
        assert all(len(parse_html(m["text"])) <= 4096 for m in parts)
        shown = "\n".join(parse_html(m["text"]) for m in parts)
        assert "Testperson Number399" in shown
        assert "reply_markup" in parts[-1]
        assert "reply_markup" not in parts[0]
        [[source]] = parts[-1]["reply_markup"]["inline_keyboard"]
        api.press(parts[-1], source["callback_data"])
        edited = (await calls(api, "editMessageText"))[0].params["text"]
        assert "Trimmed to fit one message" in edited


class BrokenEngine(Engine):
    """Fails on one question, as a bug would."""

    def answer(self, question: str, conversation: Conversation | None = None) -> Answer:
        if "boom" in question:
            raise RuntimeError("a bug, for the test")
        return super().answer(question, conversation)


async def test_a_failure_gets_an_apology_and_the_bot_keeps_going(
    api: FakeBotApi, knowledge: Knowledge, caplog: pytest.LogCaptureFixture
) -> None:
    async with running(settings_for(api), BrokenEngine(knowledge)):
        boom = api.push({"message": api.new_message("boom")})
        apology = await sent_after(api, 1)
        assert "Sorry, something went wrong" in apology.params["text"]
        api.send_text("who won blackburn")
        assert "Adnan Hussain" in (await sent_after(api, 2)).params["text"]
    failures = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert any(f"update {boom['update_id']} failed" in r.getMessage() for r in failures)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
async def webhook_bot(api: FakeBotApi, engine: Engine) -> AsyncIterator[tuple[FakeBotApi, str]]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram-hook"
    settings = settings_for(
        api, bot_mode="webhook", webhook_url=url, webhook_secret="test-secret_1",
        listen="127.0.0.1", port=port,
    )  # fmt: skip
    async with running(settings, engine):
        await calls(api, "setWebhook")  # Telegram is told before the server listens: wait
        await asyncio.to_thread(wait_for_listener, port)
        yield api, url


def wait_for_listener(port: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


async def test_webhook_updates_with_the_secret_are_answered(
    webhook_bot: tuple[FakeBotApi, str],
) -> None:
    api, url = webhook_bot
    assert api.webhook is not None
    assert api.webhook["url"] == url
    assert api.webhook["secret_token"] == "test-secret_1"
    update = {"update_id": 41, "message": api.new_message("who won Leicester South")}
    async with httpx.AsyncClient() as client:
        accepted = await client.post(
            url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "test-secret_1"}
        )
    assert accepted.status_code == 200
    assert "Shockat Adam" in (await sent_after(api, 1)).params["text"]


@pytest.mark.parametrize("secret", [None, "wrong-secret"])
async def test_webhook_updates_without_the_secret_are_refused(
    webhook_bot: tuple[FakeBotApi, str], secret: str | None
) -> None:
    api, url = webhook_bot
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
    update = {"update_id": 42, "message": api.new_message("who won Leicester South")}
    async with httpx.AsyncClient() as client:
        refused = await client.post(url, json=update, headers=headers)
    assert refused.status_code == 403
    assert api.calls_to("sendMessage") == []


async def test_buttons_and_inline_work_the_same_with_official_data(
    api: FakeBotApi, knowledge: Knowledge, tmp_path: Path
) -> None:
    merged, _ = merge(knowledge, read_official(*write_official(tmp_path)))
    async with running(settings_for(api), Engine(merged)):
        api.send_text("greg smith")
        asked = await sent_after(api, 1)
        rows = asked.params["reply_markup"]["inline_keyboard"]
        labels = [row[0]["text"] for row in rows]
        assert labels == ["Greg Smith (Conservative, Testford)", "Greg Smith (Green, Testford)"]
        api.press(api.bot_messages()[-1], rows[1][0]["callback_data"])
        edited = (await calls(api, "editMessageText"))[0].params["text"]
        assert "3,000" in edited
        assert "Green" in edited
        api.inline("ynys")
        results = (await calls(api, "answerInlineQuery"))[0].params["results"]
        assert results[0]["title"] == "Ynys Môn"
        card = results[0]["input_message_content"]["message_text"]
        assert "Plaid Cymru gain from Conservative" in card


async def test_shipped_bot_tells_its_sources_in_one_message_and_shows_rows_as_rows(
    api: FakeBotApi, shipped_engine: Engine
) -> None:
    async with running(settings_for(api), shipped_engine):
        api.send_text("/sources")
        sources = (await sent_after(api, 1)).params["text"]
        assert len(parse_html(sources)) <= 4096
        assert "Contains Parliamentary information licensed under the Open Parliament" in sources
        assert "650 seats and 4,515 candidates" in sources
        api.send_text("who won Clacton?")
        [answer] = await calls(api, "sendPhoto")  # a chart, in a private chat
        [row] = answer.params["reply_markup"]["inline_keyboard"]
        assert row[0]["text"] == "Source"
        api.press(api.bot_messages()[-1], row[0]["callback_data"])
        shown = (await sent_after(api, 2)).params["text"]
        assert "(HoC-GE2024-results-by-candidate.csv):" in shown
        assert "line " in shown
        assert "<blockquote>" not in shown  # official rows are not quotations
    assert len(api.calls_to("sendMessage")) == 2
