"""Settings: from the environment and .env; a bad one is one line naming it, never its value."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import SettingsError, load_settings
from tests.telegram_harness import TOKEN

SETTINGS = [
    "TELEGRAM_BOT_TOKEN", "TELEGRAM_API_URL", "BOT_MODE", "WEBHOOK_URL", "WEBHOOK_SECRET",
    "LISTEN", "PORT", "KNOWLEDGE_PATH", "LOG_LEVEL", "INBOX_PATH", "POSTCODES_API_URL",
]  # fmt: skip


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in SETTINGS:
        monkeypatch.delenv(name, raising=False)


def test_defaults_with_only_a_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    settings = load_settings(env_file=None)
    assert settings.telegram_api_url == "https://api.telegram.org/bot"
    assert settings.bot_mode == "polling"
    assert settings.log_level == "INFO"
    assert settings.knowledge_path.name == "results.json"
    assert settings.inbox_path == Path("electionbot-inbox.sqlite3")
    assert settings.postcodes_api_url == "https://api.postcodes.io"
    assert TOKEN not in repr(settings)


def test_an_empty_postcodes_url_turns_lookups_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("POSTCODES_API_URL", "")
    assert load_settings(env_file=None).postcodes_api_url is None
    monkeypatch.setenv("POSTCODES_API_URL", "ftp://postcodes.example")
    with pytest.raises(SettingsError, match="setting POSTCODES_API_URL: must be an http"):
        load_settings(env_file=None)


def test_reads_dot_env_and_the_environment_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\nLOG_LEVEL=warning\nPORT=9000\n")
    from_file = load_settings(env_file)
    assert from_file.telegram_bot_token.get_secret_value() == TOKEN
    assert from_file.log_level == "WARNING"
    monkeypatch.setenv("PORT", "9100")
    assert load_settings(env_file).port == 9100


@pytest.mark.parametrize(
    ("environment", "named"),
    [
        ({}, "setting TELEGRAM_BOT_TOKEN is required"),
        ({"TELEGRAM_BOT_TOKEN": "not-a-token-but-a-secret"}, "setting TELEGRAM_BOT_TOKEN:"),
        ({"BOT_MODE": "carrier-pigeon"}, "setting BOT_MODE:"),
        ({"PORT": "99999"}, "setting PORT:"),
        ({"LOG_LEVEL": "chatty"}, "setting LOG_LEVEL:"),
        ({"TELEGRAM_API_URL": "ftp://example"}, "setting TELEGRAM_API_URL:"),
        ({"BOT_MODE": "webhook"}, "WEBHOOK_URL is required"),
        ({"BOT_MODE": "webhook", "WEBHOOK_URL": "https://bot.example/hook"},
         "WEBHOOK_SECRET is required"),
        ({"BOT_MODE": "webhook", "WEBHOOK_URL": "https://bot.example/hook",
          "WEBHOOK_SECRET": "has spaces in it"}, "WEBHOOK_SECRET must be"),
    ],
)  # fmt: skip
def test_a_bad_setting_is_named_without_its_value(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], named: str
) -> None:
    if "TELEGRAM_BOT_TOKEN" not in environment and environment:
        monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as refused:
        load_settings(env_file=None)
    message = str(refused.value)
    assert named in message
    assert "\n" not in message
    assert TOKEN not in message
    for value in environment.values():
        assert value not in message or value in {"webhook"}
