"""When the Commons Library recorded each 2024 result on election night, from its "Winning
members" sheet (seeds/election-night/). Joined to the 2024 seats by ONS ID.

The sheet's `time_recorded` is when the Library recorded a result, which can be some time after
the declaration: it is kept as that, never as a declaration time. A row with no result (the
sheet's Inverness, Skye and West Ross-shire) has a time that is no result's, so none is kept.
Every fault names the file and the line.
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

from knowledge.errors import BuildError
from knowledge.hoc import file_sha256, reading_csv
from knowledge.ids import slug
from knowledge.merge import ATTRIBUTION, LICENCE, document_path
from knowledge.schema import Constituency, Knowledge, RecordedFact, SourceDocument

RECORDED_SOURCE = "hoc-ge2024-recorded"
RECORDED_TIMES = (
    Path("seeds") / "election-night" / "winning-members-2024-with-declaration-times.csv"
)
COLUMNS = ("ons_id", "constituency_name", "time_recorded", "result")
TIME_FORMAT = "%m/%d/%y %H:%M"  # "7/5/24 4:05": 04:05 on 5 July 2024, UK time


def with_recorded_times(knowledge: Knowledge, path: Path, root: Path | None = None) -> Knowledge:
    """The knowledge with each 2024 seat's recorded time, its fact and the sheet as a source."""
    polling_day = date.fromisoformat(knowledge.election.date)
    by_ons = {seat.ons_id: seat for seat in knowledge.constituencies if seat.ons_id}
    facts = _read(path, by_ons, polling_day)
    missing = sorted(ons for ons in by_ons if ons not in facts)
    if missing:
        seat = by_ons[missing[0]]
        raise BuildError(f"{path}: no row for {seat.name} ({seat.ons_id})")
    document = SourceDocument(
        id=RECORDED_SOURCE,
        kind="recorded",
        title="Winning members, with the time each result was recorded",
        publisher="House of Commons Library",
        path=document_path(path, root),
        sha256=file_sha256(path),
        licence=LICENCE,
        attribution=ATTRIBUTION,
    )
    recorded = {fact.seat: fact.recorded for fact in facts.values()}
    return knowledge.model_copy(
        update={
            "sources": [*knowledge.sources, document],
            "constituencies": [_timed(seat, recorded) for seat in knowledge.constituencies],
            "facts": [*knowledge.facts, *facts.values()],
        }
    )


def _timed(seat: Constituency, recorded: dict[str, str | None]) -> Constituency:
    return seat.model_copy(update={"recorded": recorded.get(seat.id)})


def _read(
    path: Path, by_ons: dict[str, Constituency], polling_day: date
) -> dict[str, RecordedFact]:
    """Each seat's fact, by ONS ID."""
    found: dict[str, RecordedFact] = {}
    lines: dict[str, int] = {}
    with reading_csv(path) as stream:
        reader = csv.DictReader(stream)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise BuildError(f"{path}:1: missing column {missing[0]!r}")
        for row in reader:
            line = reader.line_num
            cells = {column: (row.get(column) or "").strip() for column in COLUMNS}
            ons, name = cells["ons_id"], cells["constituency_name"]
            if not ons:
                raise BuildError(f"{path}:{line}: ons_id is empty")
            if ons in lines:
                raise BuildError(
                    f"{path}:{line}: seat {ons} is listed twice (also line {lines[ons]})"
                )
            seat = by_ons.get(ons)
            if seat is None:
                raise BuildError(f"{path}:{line}: seat {ons} ({name}) is not a 2024 seat")
            if slug(name) != slug(seat.name):  # "Glyndwr" for "Glyndŵr" is the same name
                raise BuildError(
                    f"{path}:{line}: seat {ons} is {name!r} here, {seat.name!r} in 2024"
                )
            # A row with no result has a time that is no result's: none is kept
            when = (
                _time(path, line, cells["time_recorded"], polling_day) if cells["result"] else None
            )
            lines[ons] = line
            found[ons] = RecordedFact(
                id=f"recorded-{seat.id}", source=RECORDED_SOURCE, row=line, seat=seat.id,
                recorded=when,
            )  # fmt: skip
    return found


def _time(path: Path, line: int, text: str, polling_day: date) -> str:
    """The time as ISO; refused where it is no M/D/YY H:MM time, or before polling day (a
    day and month read the wrong way round)."""
    try:
        when = datetime.strptime(text, TIME_FORMAT)
    except ValueError:
        raise BuildError(
            f"{path}:{line}: time_recorded {text!r} is not a time (M/D/YY H:MM)"
        ) from None
    if when.date() < polling_day:
        raise BuildError(
            f"{path}:{line}: time_recorded {text!r} is before polling day ({polling_day})"
        )
    return when.isoformat(timespec="minutes")
