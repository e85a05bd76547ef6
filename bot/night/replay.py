"""The 2024 night again, from its recorded times, written into a folder the feed reads.

Each seat is published as on the night, through the same files a live feed holds: its
candidates from the start; its winner at the time the Commons Library recorded the result;
its full figures (as first published, unverified) COUNT_AFTER later; the verified figures
(the final results, which differ from the first ones in 18 seats: corrections) VERIFY_AFTER
later. `--speed` is how many times faster than real time the night plays.
"""

from __future__ import annotations

import asyncio
import csv
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
NIGHT = SEEDS / "election-night"
STATES = NIGHT / "publication-states-2024"
RECORDED = NIGHT / "winning-members-2024-with-declaration-times.csv"
FINAL = SEEDS / "hoc-ge2024"

POLLS_CLOSE = datetime(2024, 7, 4, 22, 0)
COUNT_AFTER = timedelta(minutes=15)  # winners first, full figures a little later,
VERIFY_AFTER = timedelta(hours=2)  # and the Library's verification after that
REPLAYS = {2024: POLLS_CLOSE}


class NightClock:
    """The night's time, running `speed` times faster than real time from `start`."""

    def __init__(
        self, start: datetime, speed: float, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        self.start = start
        self.speed = speed
        self._monotonic = monotonic
        self._began = monotonic()

    def now(self) -> datetime:
        return self.start + timedelta(seconds=(self._monotonic() - self._began) * self.speed)

    def seconds_until(self, moment: datetime) -> float:
        """Real seconds until the night reaches `moment`."""
        return max(0.0, (moment - self.now()).total_seconds() / self.speed)


@dataclass(frozen=True)
class _Lines:
    header: str
    by_seat: dict[str, list[str]]  # ONS ID -> its rows, as written in the source file


def _lines(path: Path) -> _Lines:
    text = path.read_text(encoding="utf-8")
    header, *rows = text.splitlines(keepends=True)
    by_seat: dict[str, list[str]] = {}
    for row in rows:
        by_seat.setdefault(row.split(",", 1)[0].lstrip("\ufeff"), []).append(row)
    return _Lines(header, by_seat)


class ReplayPlan:
    """Which rows of which file are published at each moment of the night."""

    def __init__(self) -> None:
        self.candidates = (STATES / "1-candidates-candidacies.csv").read_text(encoding="utf-8")
        self.winners = _lines(STATES / "2-winners.csv")
        self.first_seats = _lines(STATES / "3-part-verified-constituencies.csv")
        self.first_votes = _lines(STATES / "3-part-verified-candidacies.csv")
        self.final_seats = _lines(FINAL / "HoC-GE2024-results-by-constituency.csv")
        self.final_votes = _lines(FINAL / "HoC-GE2024-results-by-candidate.csv")
        self.recorded = _recorded_times(RECORDED)

    def moments(self) -> list[datetime]:
        """Every moment something is published, in order."""
        found: set[datetime] = set()
        for at in self.recorded.values():
            found.update((at, at + COUNT_AFTER, at + VERIFY_AFTER))
        return sorted(found)

    def files_at(self, moment: datetime) -> dict[str, str]:
        """The feed's files as they stand at `moment`."""
        declared = [s for s, at in self.recorded.items() if at <= moment]
        counted = [s for s in declared if self.recorded[s] + COUNT_AFTER <= moment]
        verified = {s for s in counted if self.recorded[s] + VERIFY_AFTER <= moment}
        seats, votes = [self.first_seats.header], [self.first_votes.header]
        for ons_id in counted:
            if ons_id in verified:
                seats += [_with_verified(row) for row in self.final_seats.by_seat[ons_id]]
                votes += self.final_votes.by_seat[ons_id]
            else:
                seats += self.first_seats.by_seat[ons_id]
                votes += self.first_votes.by_seat[ons_id]
        winners = [self.winners.header]
        for ons_id in declared:
            winners += self.winners.by_seat.get(ons_id, [])
        return {
            "1-candidates-candidacies.csv": self.candidates,
            "2-winners.csv": "".join(winners),
            "3-part-verified-constituencies.csv": "".join(seats),
            "3-part-verified-candidacies.csv": "".join(votes),
        }


def _with_verified(final_row: str) -> str:
    """A final results row in the part-verified layout: `Verified` TRUE after Majority
    (column 18), as the results site publishes a verified seat."""
    columns = final_row.rstrip("\r\n").split(",")
    # The final file quotes no field with a comma in the first 18 columns except names in
    # quotes; count from the end, whose 14 party columns never hold one.
    return ",".join([*columns[:-14], "TRUE", *columns[-14:]]) + "\n"


def _recorded_times(path: Path) -> dict[str, datetime]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {
            row["ons_id"]: datetime.strptime(row["time_recorded"], "%m/%d/%y %H:%M")
            for row in csv.DictReader(handle)
        }


def write_atomically(folder: Path, files: dict[str, str]) -> None:
    """Each file replaced whole, so the feed never reads half of one written by the replay."""
    for name, text in files.items():
        path = folder / name
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        temporary = folder / f".{name}.writing"
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)


async def play(
    plan: ReplayPlan, folder: Path, clock: NightClock, published: Callable[[], None]
) -> None:
    """Write the night into `folder` as it unfolds; `published` after each write. Each
    moment's files (over a megabyte of text) are made and written off the event loop, so
    the bot's answers never wait for them."""

    async def write(moment: datetime) -> None:
        await asyncio.to_thread(lambda: write_atomically(folder, plan.files_at(moment)))

    await write(clock.now())
    published()
    moments = plan.moments()
    for moment in moments:
        if moment <= clock.now() and moment != moments[-1]:
            continue  # already written with the moment after it; the night's end never is
        await asyncio.sleep(clock.seconds_until(moment))
        await write(max(moment, clock.now()))
        published()
