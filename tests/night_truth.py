"""The 2024 night read apart from the bot: each seat's recorded time and its final result,
straight from the CSVs, for the night's tests to compare the bot's answers with."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@dataclass(frozen=True)
class TrueSeat:
    ons_id: str
    name: str
    country: str
    recorded: datetime
    winner: str  # as the final results name them
    party_abbreviation: str
    majority: int


@cache
def true_night() -> dict[str, TrueSeat]:
    times = {}
    with (SEEDS / "election-night/winning-members-2024-with-declaration-times.csv").open(
        encoding="utf-8-sig", newline=""
    ) as handle:
        for row in csv.DictReader(handle):
            times[row["ons_id"]] = datetime.strptime(row["time_recorded"], "%m/%d/%y %H:%M")
    seats = {}
    with (SEEDS / "hoc-ge2024/HoC-GE2024-results-by-constituency.csv").open(
        encoding="utf-8-sig", newline=""
    ) as handle:
        for row in csv.DictReader(handle):
            seats[row["ONS ID"]] = TrueSeat(
                row["ONS ID"], row["Constituency name"], row["Country name"],
                times[row["ONS ID"]], f"{row['Member first name']} {row['Member surname']}",
                row["First party"], int(row["Majority"]),
            )  # fmt: skip
    return seats


def declared_by(moment: datetime) -> list[TrueSeat]:
    return [s for s in true_night().values() if s.recorded <= moment]


_ALERT_LINE = re.compile(r"^(?P<seat>[^()]+?) \(\d\d:\d\d\): .+ wins, ")


def seats_in_alert(text: str) -> list[str]:
    """The seats an alert (or a merged one) announces: "Clacton (04:05): ... wins, ..."."""
    return [m.group("seat") for line in text.splitlines() if (m := _ALERT_LINE.match(line))]


@cache
def first_figures_differ() -> dict[str, set[str]]:
    """By ONS ID, which of a seat's whole-count figures ("Valid votes", "Electorate",
    "Invalid votes") as first published (part-verified) differ from the final results."""

    def by_seat(path: Path) -> dict[str, dict[str, str]]:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return {row["ONS ID"]: row for row in csv.DictReader(handle)}

    first = by_seat(SEEDS / "election-night/publication-states-2024/"
                    "3-part-verified-constituencies.csv")  # fmt: skip
    final = by_seat(SEEDS / "hoc-ge2024/HoC-GE2024-results-by-constituency.csv")
    figures = ("Valid votes", "Electorate", "Invalid votes")
    return {ons_id: {f for f in figures if row[f] != final[ons_id][f]}
            for ons_id, row in first.items()}  # fmt: skip
