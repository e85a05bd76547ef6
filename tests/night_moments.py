"""The 2024 night as the feed reads it at each moment of the replay, made once for every
test of the night's answers."""

from __future__ import annotations

from datetime import datetime
from functools import cache

from bot.engine.night.results import NightResults
from bot.night.feed_format import night_from, read_feed_file
from bot.night.replay import POLLS_CLOSE, ReplayPlan


@cache
def nights_of_the_replay() -> dict[datetime, NightResults]:
    """The night as read at each moment of the replay up to a day after the polls closed."""
    plan = ReplayPlan()
    night = NightResults({}, POLLS_CLOSE)
    found = {}
    for moment in [POLLS_CLOSE, *plan.moments()]:
        files = [read_feed_file(name, text) for name, text in plan.files_at(moment).items()]
        night = night_from(files, night, moment)
        found[moment] = night
    return found


def night_at(moment: datetime) -> NightResults:
    nights = nights_of_the_replay()
    return nights[max(m for m in nights if m <= moment)]
