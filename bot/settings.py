"""The bot's settings, from the environment and .env (the environment wins).

A bad or missing setting is reported as one line naming the setting, never its value: the
token and the webhook secret are SecretStr and stay out of messages and logs.
"""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path
from typing import Literal
from urllib.parse import urlparse

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from knowledge.load import SHIPPED_KNOWLEDGE

# What BotFather issues: the bot's numeric id, a colon, then 30-odd URL-safe characters.
_TOKEN_SHAPE = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{20,}$")
# Telegram accepts 1-256 of these characters as a webhook secret_token.
_SECRET_SHAPE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


DEFAULT_POSTCODES_API = "https://api.postcodes.io"


class SettingsError(Exception):
    """One line naming the setting that is missing or wrong (never its value)."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr
    telegram_api_url: str = "https://api.telegram.org/bot"
    bot_mode: Literal["polling", "webhook"] = "polling"
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    listen: str = "127.0.0.1"
    port: int = Field(default=8443, ge=1, le=65535)
    knowledge_path: Path = SHIPPED_KNOWLEDGE
    inbox_path: Path = Path("electionbot-inbox.sqlite3")
    postcodes_api_url: str | None = DEFAULT_POSTCODES_API
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    # Election night: a folder, or http(s) URLs separated by spaces, of results files in the
    # Commons Library formats, read every feed_poll_seconds. None: no night is followed.
    results_feed: str | None = None
    feed_poll_seconds: float = Field(default=5.0, gt=0, le=3600)

    @field_validator("telegram_bot_token")
    @classmethod
    def _token_shape(cls, token: SecretStr) -> SecretStr:
        if not _TOKEN_SHAPE.match(token.get_secret_value()):
            raise ValueError("does not look like a bot token from BotFather (id:secret)")
        return token

    @field_validator("postcodes_api_url", "results_feed", mode="before")
    @classmethod
    def _empty_is_off(cls, url: object) -> object:
        return None if isinstance(url, str) and not url.strip() else url

    @field_validator("telegram_api_url", "webhook_url", "postcodes_api_url")
    @classmethod
    def _http_url(cls, url: str | None) -> str | None:
        if url is not None and urlparse(url).scheme not in {"http", "https"}:
            raise ValueError("must be an http:// or https:// URL")
        return url

    @field_validator("results_feed")
    @classmethod
    def _feed_where(cls, feed: str | None) -> str | None:
        if feed is None:
            return None
        if feed.startswith(("http://", "https://")):
            bad = [u for u in feed.split() if urlparse(u).scheme not in {"http", "https"}]
            if bad:
                raise ValueError("must be a folder, or http(s) URLs separated by spaces")
        elif not Path(feed).is_dir():
            raise ValueError("is not a folder that exists (or an http(s) URL)")
        return feed

    @field_validator("listen")
    @classmethod
    def _listen_address(cls, listen: str) -> str:
        if listen == "localhost":
            return listen
        try:
            ipaddress.ip_address(listen)
        except ValueError:
            raise ValueError("must be an IP address of this machine, e.g. 127.0.0.1") from None
        return listen

    @field_validator("bot_mode", mode="before")
    @classmethod
    def _mode_any_case(cls, value: object) -> object:
        return value.lower() if isinstance(value, str) else value

    @field_validator("log_level", mode="before")
    @classmethod
    def _level_any_case(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @model_validator(mode="after")
    def _webhook_needs_url_and_secret(self) -> Settings:
        if self.bot_mode != "webhook":
            return self
        if not self.webhook_url:
            raise ValueError("WEBHOOK_URL is required when BOT_MODE=webhook")
        if self.webhook_secret is None:
            raise ValueError("WEBHOOK_SECRET is required when BOT_MODE=webhook")
        if not _SECRET_SHAPE.match(self.webhook_secret.get_secret_value()):
            raise ValueError("WEBHOOK_SECRET must be 1-256 of A-Z a-z 0-9 _ -")
        return self

    def secrets(self) -> list[str]:
        """Values that must never reach a log line."""
        found = [self.telegram_bot_token.get_secret_value()]
        if self.webhook_secret is not None:
            found.append(self.webhook_secret.get_secret_value())
        return found

    def webhook_path(self) -> str:
        return urlparse(self.webhook_url or "").path.lstrip("/")


def load_settings(env_file: Path | None = Path(".env")) -> Settings:
    """Settings from the environment and env_file; SettingsError names what is wrong."""
    try:
        return Settings(_env_file=env_file)
    except ValidationError as error:
        first = error.errors()[0]
        name = "_".join(str(part) for part in first["loc"]).upper()
        problem = first["msg"].removeprefix("Value error, ")
        if first["type"] == "missing":
            raise SettingsError(
                f"setting {name} is required (set it in the environment or .env)"
            ) from None
        if not name:
            raise SettingsError(f"settings: {problem}") from None
        raise SettingsError(f"setting {name}: {problem}") from None
