"""Election night against a fake Bot API that misbehaves as Telegram does: many people at once,
a busy group, 429s, 5xx, dropped connections, slow replies. Each test counts, per question,
whether it was answered once, lost or duplicated."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from typing import Any

import httpx
import pytest

from bot.engine import Engine
from bot.telegram.app import serve
from bot.telegram.handlers import SORRY
from bot.telegram.polling import PollingBackoff
from bot.telegram.tuning import Tuning
from tests.fake_bot_api import GROUP_CHAT, GROUP_CHAT_ID, FakeBotApi, parse_html
from tests.fake_faults import Dropped, ServerError, Slow, TooManyRequests
from tests.telegram_harness import TEST_TUNING, calls, running, settings_for
from tests.test_telegram_more import free_port, wait_for_listener

QUESTIONS = [
    ("who won leicester south", "Shockat Adam"),
    ("who won blackburn", "Adnan Hussain"),
    ("who won dewsbury and batley", "Iqbal Mohamed"),
    ("who won islington north", "Jeremy Corbyn"),
    ("who won birmingham perry barr", "Ayoub Khan"),
]


def person(number: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """A user and their private chat with the bot."""
    user = {"id": 5000 + number, "is_bot": False, "first_name": f"Voter{number}"}
    return user, {"id": 5000 + number, "type": "private", "first_name": f"Voter{number}"}


def ask_everyone(api: FakeBotApi, people: int) -> dict[int, str]:
    """Each person asks one question in their own chat, all at once; chat id -> expected."""
    expected = {}
    with api.at_once():
        for number in range(people):
            user, chat = person(number)
            question, answer = QUESTIONS[number % len(QUESTIONS)]
            api.send_text(question, chat=chat, user=user)
            expected[chat["id"]] = answer
    return expected


def replies_by_chat(api: FakeBotApi) -> Counter[int]:
    return Counter(int(call.params["chat_id"]) for call in api.calls_to("sendMessage"))


async def all_answered(api: FakeBotApi, expected: dict[int, str], timeout: float = 60) -> None:
    def done() -> bool:
        return set(replies_by_chat(api)) >= set(expected)

    await asyncio.to_thread(api.wait_until, done, timeout)


def check_each_answered_once(api: FakeBotApi, expected: dict[int, str]) -> None:
    sent = {int(m["chat"]["id"]): parse_html(m["text"]) for m in api.bot_messages()}
    lost = [chat for chat in expected if chat not in sent]
    duplicated = [chat for chat, count in replies_by_chat(api).items() if count > 1]
    wrong = [chat for chat, text in sent.items() if expected[chat] not in text]
    assert (lost, duplicated, wrong) == ([], [], [])


async def test_a_hundred_people_at_once_are_answered_concurrently_each_once(
    api: FakeBotApi, engine: Engine
) -> None:
    api.faults.latency = 0.05
    async with running(settings_for(api), engine):
        expected = ask_everyone(api, 100)
        await all_answered(api, expected)
    check_each_answered_once(api, expected)
    # Sent side by side, not one round trip after another: the overall limit lets one reply
    # start every 1/30 s, so with a 50 ms round trip two or three are on their way at once
    # (one at a time would be 1).
    assert api.peak_sending >= 2


async def test_429s_lose_no_answer_and_send_no_apology(api: FakeBotApi, engine: Engine) -> None:
    api.faults.add("sendMessage", TooManyRequests(retry_after=1), rate=0.2)
    async with running(settings_for(api), engine):
        expected = ask_everyone(api, 40)
        await all_answered(api, expected)
    assert api.faults.injected["sendMessage TooManyRequests"] >= 4
    check_each_answered_once(api, expected)
    assert not any(SORRY in m["text"] for m in api.bot_messages())


@pytest.mark.parametrize(
    "fault",
    [ServerError(500), ServerError(502, html=True), ServerError(503, html=True), Dropped()],
    ids=["500 json", "502 html", "503 html", "dropped before"],
)
async def test_5xx_and_dropped_connections_lose_no_answer(
    api: FakeBotApi, engine: Engine, fault: ServerError | Dropped
) -> None:
    api.faults.add("sendMessage", fault, rate=0.2)
    async with running(settings_for(api), engine):
        expected = ask_everyone(api, 40)
        await all_answered(api, expected)
    assert sum(api.faults.injected.values()) >= 4
    check_each_answered_once(api, expected)
    assert not any(SORRY in m["text"] for m in api.bot_messages())


async def test_a_reply_lost_after_it_was_sent_is_sent_again_at_most_once_per_loss(
    api: FakeBotApi, engine: Engine
) -> None:
    api.faults.add("sendMessage", Dropped(after=True), rate=0.2)
    async with running(settings_for(api), engine):
        expected = ask_everyone(api, 40)
        await all_answered(api, expected)
    lost_replies = api.faults.injected["sendMessage Dropped"]
    assert lost_replies >= 4
    counts = replies_by_chat(api)
    assert set(counts) == set(expected)  # none lost
    assert sum(counts.values()) - len(expected) <= lost_replies  # and a duplicate only then


async def test_retries_exhausted_give_one_apology_itself_retried(
    api: FakeBotApi, engine: Engine
) -> None:
    attempts = TEST_TUNING.retry.attempts
    api.faults.add("sendMessage", ServerError(500), limit=attempts + 2)
    async with running(settings_for(api), engine):
        api.send_text("who won blackburn")
        [apology] = await calls(api, "sendMessage")
    assert apology.params["text"] == SORRY
    assert api.faults.injected["sendMessage ServerError"] == attempts + 2


async def test_a_slow_reply_holds_up_no_other_chat(api: FakeBotApi, engine: Engine) -> None:
    first_asker = person(0)[1]["id"]
    api.faults.add("sendMessage", Slow(1.0), chat_id=first_asker)
    async with running(settings_for(api), engine):
        expected = ask_everyone(api, 10)
        await all_answered(api, expected)
    check_each_answered_once(api, expected)
    sent_in_order = [int(m["chat"]["id"]) for m in api.bot_messages()]
    # The first asked got the slow reply, and it was the last sent: nobody waited behind it.
    assert api.faults.injected["sendMessage Slow"] == 1
    assert sent_in_order[-1] == first_asker


GROUP_TUNING = Tuning(
    retry=TEST_TUNING.retry, stop_grace=2.0, group_max_rate=2, group_time_period=1
)


async def test_a_busy_group_gets_one_answer_per_question_oldest_first_and_stalls_no_one(
    api: FakeBotApi, engine: Engine
) -> None:
    askers = [person(n)[0] for n in range(12)]
    private_user, private_chat = person(99)
    async with running(settings_for(api), engine, GROUP_TUNING):
        with api.at_once():
            asked = [
                api.send_text(f"@TheBot {QUESTIONS[n % 3][0]}", chat=GROUP_CHAT, user=user)
                for n, user in enumerate(askers)
            ]
            api.send_text("who won islington north", chat=private_chat, user=private_user)

        def group_replies() -> list[dict[str, Any]]:
            return list(api.bot_messages(GROUP_CHAT_ID))

        await asyncio.to_thread(api.wait_until, lambda: len(group_replies()) >= 3, 30)
    replies = group_replies()
    assert len(replies) == 3  # three questions, each asked by four people
    assert [r["reply_to_message"]["message_id"] for r in replies] == [
        asked[0]["message_id"],
        asked[1]["message_id"],
        asked[2]["message_id"],
    ]  # oldest first, each a reply to the first who asked it
    for reply, (_, winner) in zip(replies, QUESTIONS, strict=False):
        assert winner in parse_html(reply["text"])
        assert parse_html(reply["text"]).endswith("4 people asked this.")
    [private] = api.bot_messages(private_chat["id"])
    assert private["message_id"] < replies[-1]["message_id"]  # not behind the group's queue


async def test_an_answer_minutes_late_says_so_and_quotes_its_question(
    api: FakeBotApi, engine: Engine
) -> None:
    async with running(settings_for(api), engine):
        question = api.new_message("who won blackburn")
        question["date"] -= 5 * 60  # asked five minutes ago: a restart replayed it
        api.push({"message": question})
        [late] = await calls(api, "sendMessage")
    text = parse_html(late.params["text"])
    assert text.startswith("Adnan Hussain (Independent) won Blackburn.")
    assert text.endswith("Late answer: you asked 5 minutes ago. Sorry for the wait.")
    assert late.params["reply_parameters"]["message_id"] == question["message_id"]


async def test_a_webhook_update_delivered_twice_is_answered_once(
    api: FakeBotApi, engine: Engine
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    settings = settings_for(
        api, bot_mode="webhook", webhook_url=url, webhook_secret="s3cret", port=port
    )
    headers = {"X-Telegram-Bot-Api-Secret-Token": "s3cret"}
    async with running(settings, engine):
        await calls(api, "setWebhook")
        await asyncio.to_thread(wait_for_listener, port)
        update = {"update_id": 77, "message": api.new_message("who won blackburn")}
        async with httpx.AsyncClient() as client:
            for _ in range(3):  # Telegram retries when our 200 is slow to reach it
                assert (await client.post(url, json=update, headers=headers)).status_code == 200
            await calls(api, "sendMessage")
            after = {"update_id": 78, "message": api.new_message("who won leicester south")}
            assert (await client.post(url, json=after, headers=headers)).status_code == 200
            await calls(api, "sendMessage", 2)
    texts = [parse_html(call.params["text"]) for call in api.calls_to("sendMessage")]
    assert len(texts) == 2
    assert "Adnan Hussain" in texts[0]
    assert "Shockat Adam" in texts[1]


async def test_an_outage_of_get_updates_loses_no_question_and_is_tried_through(
    api: FakeBotApi, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    # Six failed getUpdates in a row, as a short outage gives: gateways' 502s, 500s, drops.
    for fault in (ServerError(502, html=True), ServerError(500), Dropped()):
        api.faults.add("getUpdates", fault, limit=2)
    api.send_text("who won blackburn")  # waiting at Telegram through the outage
    caplog.set_level(logging.DEBUG, logger="telegram.ext")
    async with running(settings_for(api), engine):
        [reply] = await calls(api, "sendMessage")
    assert sum(n for f, n in api.faults.injected.items() if f.startswith("getUpdates")) == 6
    assert "Adnan Hussain" in parse_html(reply.params["text"])
    # Tried again by the bot's own backoff, never python-telegram-bot's growing one.
    loop_failures = [r for r in caplog.records if "Failed run" in r.getMessage()]
    assert loop_failures == []


def test_the_wait_between_tries_of_get_updates_is_at_most_a_second() -> None:
    backoff = PollingBackoff()
    waits = [backoff.delay(retry) for retry in range(1, 7)]
    assert waits == [0.25, 0.5, 1.0, 1.0, 1.0, 1.0]  # six failures: 4.75 s of waiting in all
    assert max(backoff.delay(retry) for retry in range(1, 1000)) == backoff.max_delay == 1.0


async def test_fifty_asking_one_thing_in_a_group_get_one_reply_saying_fifty_asked(
    api: FakeBotApi, engine: Engine
) -> None:
    forms = ["/result blackburn", "/result@TheBot Blackburn", "@TheBot who won Blackburn"]
    askers = [person(n)[0] for n in range(50)]
    async with running(settings_for(api), engine):  # Telegram's own limit: 20 a minute
        for burst in range(5):  # five bursts of ten, a moment apart, as a result comes in
            with api.at_once():
                for n in range(burst * 10, burst * 10 + 10):
                    api.send_text(forms[n % 3], chat=GROUP_CHAT, user=askers[n])
            await asyncio.sleep(0.3)

        def fifty_counted() -> bool:
            replies = api.bot_messages(GROUP_CHAT_ID)
            return bool(replies) and parse_html(replies[-1]["text"]).endswith(
                "50 people asked this."
            )

        await asyncio.to_thread(api.wait_until, fifty_counted, 20)
    [reply] = api.bot_messages(GROUP_CHAT_ID)
    assert parse_html(reply["text"]).startswith("Adnan Hussain (Independent) won Blackburn.")
    assert len(api.calls_to("sendMessage")) == 1  # one reply, not fifty
    assert 1 <= len(api.calls_to("editMessageText")) <= 5  # its count, edited per burst at most


async def test_a_group_question_with_another_answer_is_not_joined(
    api: FakeBotApi, engine: Engine
) -> None:
    async with running(settings_for(api), engine):
        api.send_text("/result blackburn", chat=GROUP_CHAT, user=person(1)[0])
        await calls(api, "sendMessage")
        api.send_text("@TheBot who won dewsbury and batley", chat=GROUP_CHAT, user=person(2)[0])
        api.send_text("/result@TheBot Blackburn", chat=GROUP_CHAT, user=person(3)[0])
        await calls(api, "sendMessage", 2)
        await calls(api, "editMessageText")
    texts = [parse_html(m["text"]) for m in api.bot_messages(GROUP_CHAT_ID)]
    assert [t.split(".")[0] for t in texts] == [
        "Adnan Hussain (Independent) won Blackburn",
        "Iqbal Mohamed (Independent) won Dewsbury and Batley",
    ]
    assert texts[0].endswith("2 people asked this.")
    assert "asked this" not in texts[1]


A_VOTER, B_VOTER = person(1)[0], person(2)[0]


async def test_the_same_words_meaning_different_people_are_not_joined(
    api: FakeBotApi, engine: Engine
) -> None:
    async with running(settings_for(api), engine):
        api.send_text("@TheBot who won islington north", chat=GROUP_CHAT, user=A_VOTER)
        await calls(api, "sendMessage")
        with api.at_once():  # "he" is Corbyn to A, and no one yet to B
            api.send_text("@TheBot how many votes did he get", chat=GROUP_CHAT, user=B_VOTER)
            api.send_text("@TheBot how many votes did he get", chat=GROUP_CHAT, user=A_VOTER)
        await calls(api, "sendMessage", 3)
    texts = [parse_html(m["text"]) for m in api.bot_messages(GROUP_CHAT_ID)]
    assert texts[1].startswith("Who do you mean?")
    assert "people asked" not in texts[1]
    assert texts[2].startswith("Jeremy Corbyn")


async def test_questions_joined_to_a_reply_that_failed_are_answered_on_their_own(
    api: FakeBotApi, engine: Engine
) -> None:
    attempts = TEST_TUNING.retry.attempts
    api.faults.add("sendMessage", ServerError(500), limit=attempts)  # the first reply fails
    async with running(settings_for(api), engine):
        with api.at_once():
            api.send_text("/result blackburn", chat=GROUP_CHAT, user=B_VOTER)
            api.send_text("/result blackburn", chat=GROUP_CHAT, user=A_VOTER)
        sent = await calls(api, "sendMessage", 2)
    texts = [parse_html(call.params["text"]) for call in sent]
    assert texts[0] == SORRY  # to B, whose reply could not go
    assert texts[1].startswith("Adnan Hussain (Independent) won Blackburn.")  # A still answered
    assert api.pending_update_ids() == []


async def test_asking_the_same_again_in_a_group_gets_it_again(
    api: FakeBotApi, engine: Engine
) -> None:
    async with running(settings_for(api), engine):
        api.send_text("/result blackburn", chat=GROUP_CHAT, user=A_VOTER)
        await calls(api, "sendMessage")
        api.send_text("/result leicester south", chat=GROUP_CHAT, user=A_VOTER)
        await calls(api, "sendMessage", 2)
        api.send_text("@TheBot and Blackburn?", chat=GROUP_CHAT, user=A_VOTER)
        third = await calls(api, "sendMessage", 3)
    assert "Blackburn" in parse_html(third[2].params["text"]).split(".")[0]


async def test_a_stop_during_a_get_updates_outage_takes_seconds(
    api: FakeBotApi, engine: Engine
) -> None:
    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings_for(api), engine, stop, TEST_TUNING))
    await calls(api, "getUpdates")
    api.faults.add("getUpdates", ServerError(502, html=True))  # an outage that does not end
    api.send_text("who won blackburn")  # ends the long poll in progress
    await asyncio.sleep(0.3)
    stop.set()
    await asyncio.wait_for(task, timeout=TEST_TUNING.stop_grace + 5)  # not the 30 s it took
    assert api.faults.injected["getUpdates ServerError"] >= 1
