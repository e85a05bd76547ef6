"""The numbers that shape how the bot meets Telegram, in one place, with why.

Settings (bot/settings.py) are what an operator sets; these are what Telegram and systemd
decide, kept changeable so that the tests and the benchmark can run a minute's throttling in
a second.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.telegram.alerts import Pacing
from bot.telegram.polling import PollingBackoff
from bot.telegram.retries import RetryPolicy


@dataclass(frozen=True)
class Tuning:
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    # getUpdates after an outage: tried again within a second (bot/telegram/polling.py).
    polling: PollingBackoff = field(default_factory=PollingBackoff)
    # Telegram's published limits: about 30 messages a second in all, 20 a minute to a group.
    # The overall one as a bucket of one every 1/30 s: never more than 30 in any second, where
    # a bucket of 30 lets a burst of 30 and then 30 more through within the same second.
    overall_max_rate: float = 1
    overall_time_period: float = 1 / 30
    group_max_rate: float = 20
    group_time_period: float = 60
    # A group's reply that more people asked for is edited to say so at most this often
    # (bot/telegram/repeats.py): a burst of askers shares one edit.
    renote_seconds: float = 3.0
    # On SIGTERM, the seconds updates in progress get to finish before they are cut short
    # (and kept in the inbox). systemd waits 90 s before SIGKILL; a deploy should not.
    stop_grace: float = 5.0
    # Alerts: seconds between two messages to one chat, and between scoreboard edits.
    pacing: Pacing = field(default_factory=Pacing)

    def limits(self) -> dict[str, float]:
        """AIORateLimiter's keyword arguments."""
        return {
            "overall_max_rate": self.overall_max_rate,
            "overall_time_period": self.overall_time_period,
            "group_max_rate": self.group_max_rate,
            "group_time_period": self.group_time_period,
        }


DEFAULT_TUNING = Tuning()
