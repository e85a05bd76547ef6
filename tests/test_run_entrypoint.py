"""`electionbot run` as a person runs it: a subprocess against the fake Bot API."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.fake_bot_api import BOT_ID, GROUP_CHAT, FakeBotApi
from tests.fake_faults import Garbled, ServerError
from tests.telegram_harness import TOKEN
from tests.test_telegram_more import free_port

ELECTIONBOT = str(Path(sys.executable).with_name("electionbot"))


def environment(**settings: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    return {**clean, "POSTCODES_API_URL": "", **settings}  # never the real postcodes.io


def start(
    api: FakeBotApi, cwd: Path, level: str = "DEBUG", **settings: str
) -> subprocess.Popen[str]:
    env = environment(
        TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=api.base_url, LOG_LEVEL=level, **settings
    )
    return subprocess.Popen(
        [ELECTIONBOT, "run"], cwd=cwd, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip


def stop(process: subprocess.Popen[str]) -> str:
    process.send_signal(signal.SIGTERM)
    output, _ = process.communicate(timeout=30)
    assert process.returncode == 0, output
    return output


def polls(api: FakeBotApi) -> int:
    return len(api.calls_to("getUpdates"))


def test_run_serves_stops_cleanly_and_never_logs_the_token(tmp_path: Path) -> None:
    with FakeBotApi(TOKEN) as api:
        bot = start(api, tmp_path)
        try:
            api.wait_for("getUpdates", timeout=30)
            api.send_text("who won Leicester South")
            api.wait_for("sendPhoto", timeout=30)  # a chart: a private chat takes pictures
        finally:
            output = stop(bot)
        assert "Shockat Adam" in api.calls_to("sendPhoto")[0].params["caption"]
        assert "serving @TheBot by polling" in output
        assert "DEBUG" in output  # the whole output, at the most talkative level
        assert TOKEN not in output
        assert TOKEN.split(":")[1] not in output
        assert "[REDACTED]" in output  # httpx logged URLs; the token in them was hidden
        # Stopping confirmed what was fetched: a restart does not answer it again.
        assert api.pending_update_ids() == []
        again = start(api, tmp_path)
        try:
            seen = polls(api)
            api.wait_until(lambda: polls(api) >= seen + 2, timeout=30)
            api.wait_for("setMyCommands", count=4, timeout=30)  # set beside answering
        finally:
            stop(again)
        assert len(api.replies()) == 1


@pytest.mark.parametrize(
    ("settings", "named"),
    [
        ({}, "TELEGRAM_BOT_TOKEN is required"),
        ({"TELEGRAM_BOT_TOKEN": "12345:short"}, "TELEGRAM_BOT_TOKEN"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "KNOWLEDGE_PATH": "/nonexistent/k.json"},
         "/nonexistent/k.json"),
    ],
)  # fmt: skip
def test_run_refuses_bad_settings_in_one_line(
    tmp_path: Path, settings: dict[str, str], named: str
) -> None:
    done = subprocess.run(
        [ELECTIONBOT, "run"], cwd=tmp_path, env=environment(**settings),
        capture_output=True, text=True, timeout=30, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert named in done.stderr
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr
    assert TOKEN not in done.stderr
    assert "12345:short" not in done.stderr


def test_run_says_plainly_when_telegram_refuses_the_token(tmp_path: Path) -> None:
    with FakeBotApi("987654321:the-only-token-this-fake-accepts") as api:
        env = environment(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=api.base_url)
        done = subprocess.run(
            [ELECTIONBOT, "run"], cwd=tmp_path, env=env,
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
    assert done.returncode == 2
    assert "Telegram refused TELEGRAM_BOT_TOKEN" in done.stderr
    assert "Traceback" not in done.stderr
    assert TOKEN not in done.stderr + done.stdout


def run_once(tmp_path: Path, **settings: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [ELECTIONBOT, "run"], cwd=tmp_path, env=environment(TELEGRAM_BOT_TOKEN=TOKEN, **settings),
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


def assert_one_line(done: subprocess.CompletedProcess[str], status: int, says: str) -> None:
    assert done.returncode == status, done.stderr
    *logged, said = done.stderr.splitlines()
    # One line for the person; before it, at most the log's own timestamped lines.
    assert said.startswith("electionbot: ")
    assert says.casefold() in said.casefold()
    assert all(line[:4].isdigit() for line in logged), done.stderr
    assert "Traceback" not in done.stderr
    assert TOKEN.split(":")[1] not in done.stderr


def webhook_settings(api: FakeBotApi, port: int, listen: str = "127.0.0.1") -> dict[str, str]:
    return {
        "TELEGRAM_API_URL": api.base_url, "BOT_MODE": "webhook", "LISTEN": listen,
        "PORT": str(port), "WEBHOOK_URL": f"https://bot.example.org:{port}/hook",
        "WEBHOOK_SECRET": "s3cret",
    }  # fmt: skip


def test_a_port_in_use_is_one_line_naming_port(tmp_path: Path) -> None:
    with FakeBotApi(TOKEN) as api, socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run_once(tmp_path, **webhook_settings(api, port))
    assert_one_line(done, 2, f"cannot listen on 127.0.0.1:{port}: the port is in use (PORT)")


def test_listen_on_an_address_not_of_this_machine_is_one_line(tmp_path: Path) -> None:
    with FakeBotApi(TOKEN) as api:
        done = run_once(tmp_path, **webhook_settings(api, 8443, listen="192.0.2.1"))
    assert_one_line(done, 2, "192.0.2.1:8443: not an address of this machine (LISTEN)")


def test_listen_that_is_no_address_is_refused_with_the_settings(tmp_path: Path) -> None:
    with FakeBotApi(TOKEN) as api:
        done = run_once(tmp_path, **webhook_settings(api, 8443, listen="every-interface"))
    assert_one_line(done, 2, "setting LISTEN: must be an IP address of this machine")


def test_a_webhook_url_telegram_refuses_is_one_line(tmp_path: Path) -> None:
    with FakeBotApi(TOKEN) as api:
        api.webhook_refusal = "bad webhook: Failed to resolve host: Name or service not known"
        done = run_once(tmp_path, **webhook_settings(api, free_port()))
    assert_one_line(done, 2, "Telegram refused WEBHOOK_URL: bad webhook: Failed to resolve host")


def test_a_getme_answer_that_cannot_be_read_is_one_line_naming_it(tmp_path: Path) -> None:
    with FakeBotApi(TOKEN) as api:
        me = {"id": BOT_ID, "first_name": "Election Results", "username": "TheBot"}  # no is_bot
        api.faults.add("getMe", Garbled(json.dumps({"ok": True, "result": me}).encode()))
        done = run_once(tmp_path, TELEGRAM_API_URL=api.base_url)
    assert_one_line(done, 1, "Telegram's answer to getMe could not be read: ")
    assert "'is_bot'" in done.stderr.splitlines()[-1]


def test_a_bot_api_502_once_at_start_is_retried_and_serves(tmp_path: Path) -> None:
    with FakeBotApi(TOKEN) as api:
        api.faults.add("getMe", ServerError(502, html=True), limit=1)
        api.commands_refusal = "BOT_COMMAND_INVALID"
        bot = start(api, tmp_path, level="INFO")  # DEBUG shows what PTB could not parse
        try:
            api.send_text("who won Leicester South")
            api.wait_for("sendPhoto", timeout=30)
        finally:
            output = stop(bot)
    assert len(api.calls_to("getMe")) == 1  # the accepted one, after the 502
    assert api.faults.injected["getMe ServerError"] == 1
    assert "Telegram refused the command menu (setMyCommands: Bot_command_invalid)" in output
    assert "Traceback" not in output


def questions_in_a_group(count: int) -> dict[str, str]:
    """'who won SEAT' for `count` seats of the shipped knowledge: question -> seat name."""
    from knowledge.load import load_knowledge

    seats = [seat.name for seat in load_knowledge().constituencies[:count]]
    return {f"@TheBot who won {seat}": seat for seat in seats}


def pending_in_inbox(cwd: Path) -> set[int]:
    inbox = sqlite3.connect(cwd / "electionbot-inbox.sqlite3")
    try:
        return {row[0] for row in inbox.execute("SELECT update_id FROM updates WHERE done IS NULL")}
    finally:
        inbox.close()


def test_sigkill_mid_stream_loses_no_question(tmp_path: Path) -> None:
    with FakeBotApi(TOKEN) as api:
        api.faults.latency = 0.1
        bot = start(api, tmp_path, level="INFO")
        api.wait_for("getUpdates", timeout=30)
        chat_of: dict[int, int] = {}
        with api.at_once():
            for number in range(90):
                chat = {"id": 7000 + number, "type": "private", "first_name": f"V{number}"}
                user = {"id": 7000 + number, "is_bot": False, "first_name": f"V{number}"}
                update = api.push({"message": api.new_message("who won Clacton", chat, user)})
                chat_of[update["update_id"]] = 7000 + number
        api.wait_until(lambda: len(api.replies()) >= 40, timeout=30)
        bot.send_signal(signal.SIGKILL)
        # Sent, and not yet answered by Telegram or answered in the last half second (the bot
        # may still be reading it: a loaded machine reads slower).
        in_flight = api.replies_in_flight(reading=0.5)
        bot.communicate(timeout=30)

        def answered() -> Counter[int]:
            return Counter(int(c.params["chat_id"]) for c in api.replies())

        # Not marked done when the process died: not yet answered, or a reply on its way.
        unfinished = {chat_of[update] for update in pending_in_inbox(tmp_path)}
        again = start(api, tmp_path, level="INFO")  # DEBUG would fill the unread pipe
        try:
            api.wait_until(lambda: set(answered()) >= set(chat_of.values()), timeout=60)
        finally:
            output = stop(again)
    counts = answered()
    duplicated = {chat for chat, count in counts.items() if count > 1}
    assert set(chat_of.values()) - set(counts) == set()  # 0 lost
    assert 0 < len(unfinished) < len(chat_of)  # the kill was mid-stream
    assert duplicated <= unfinished  # nothing marked done was answered again
    assert max(counts.values()) <= 2
    # Only replies on their way at the kill are sent twice: each is marked done the moment
    # Telegram answers its send, with no work of the engine's in between.
    assert len(duplicated) <= in_flight
    assert "updates received before the last stop" in output


def test_sigterm_in_a_throttled_group_stops_within_seconds_and_keeps_the_rest(
    tmp_path: Path,
) -> None:
    questions = questions_in_a_group(30)
    with FakeBotApi(TOKEN) as api:
        bot = start(api, tmp_path, level="INFO")
        api.wait_for("getUpdates", timeout=30)
        with api.at_once():
            for number, question in enumerate(questions):
                user = {"id": 8000 + number, "is_bot": False, "first_name": f"V{number}"}
                api.send_text(question, chat=GROUP_CHAT, user=user)
        # Telegram allows a group 20 messages a minute: the 21st waits for the limiter.
        api.wait_for("sendMessage", count=20, timeout=30)
        began = time.monotonic()
        output = stop(bot)
        took = time.monotonic() - began
        inbox = sqlite3.connect(tmp_path / "electionbot-inbox.sqlite3")
        [(waiting,)] = inbox.execute("SELECT COUNT(*) FROM updates WHERE done IS NULL")
        inbox.close()
        answered_before = len(api.calls_to("sendMessage"))
        again = start(api, tmp_path, level="INFO")
        try:
            api.wait_for("sendMessage", count=len(questions), timeout=60)
        finally:
            stop(again)
    assert took < 15, output
    assert waiting >= len(questions) - answered_before
    texts = [c.params["text"] for c in api.calls_to("sendMessage")]
    for question, seat in questions.items():
        assert sum(seat in text for text in texts) >= 1, question
    assert len(texts) <= len(questions) + 1  # at most the one cut short is sent twice
