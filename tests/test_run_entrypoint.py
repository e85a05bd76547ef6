"""`electionbot run` as a person runs it: a subprocess against the fake Bot API."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fake_bot_api import FakeBotApi
from tests.telegram_harness import TOKEN

ELECTIONBOT = str(Path(sys.executable).with_name("electionbot"))


def environment(**settings: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    return {**clean, **settings}


def start(api: FakeBotApi, cwd: Path) -> subprocess.Popen[str]:
    env = environment(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=api.base_url, LOG_LEVEL="DEBUG")
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
            api.wait_for("sendMessage", timeout=30)
        finally:
            output = stop(bot)
        assert "Shockat Adam" in api.calls_to("sendMessage")[0].params["text"]
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
        finally:
            stop(again)
        assert len(api.calls_to("sendMessage")) == 1
        assert len(api.calls_to("setMyCommands")) == 4


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
