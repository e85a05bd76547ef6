"""What people read stays true: every command and setting is documented."""

from __future__ import annotations

from pathlib import Path

from bot.settings import Settings
from bot.telegram.app import PRIVATE_COMMANDS

ROOT = Path(__file__).resolve().parent.parent


def test_every_bot_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in PRIVATE_COMMANDS:
        assert f"`/{command.command}" in readme, command.command


def test_every_setting_is_in_env_example() -> None:
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    for name in Settings.model_fields:
        assert f"{name.upper()}=" in example, name


def test_readme_gives_the_quick_start_and_ci_runs_it() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme
    assert "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
