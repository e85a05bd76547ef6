"""The results feed's files, in the Commons Library formats, read into the night's knowledge.

A feed holds CSV files in any of the states UK Parliament's results site publishes an election
in; each file is known by its header, not its name:
- candidacies: one row per candidate (the 2024 candidate columns); Votes empty until counted;
- winners: ONS code, constituency name, the winner's names and IDs, the result summary;
- constituencies: one row per seat with its figures; a `Verified` column TRUE or FALSE, or
  none at all in the final results (verified).
A file cut short (its last row missing columns) or malformed is a FeedFileError naming the
file and the line; the feed then keeps what it last read of that file. A seat's figures are
taken only when its candidates' votes add up to its valid votes, so a file of votes from
another moment than the seat's row is not mistaken for a result.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Literal

from bot.engine.night.results import Figures, NightCandidate, NightResults, NightSeat, Stage

FileKind = Literal["candidacies", "winners", "constituencies"]
_HEADERS: dict[FileKind, tuple[str, ...]] = {
    "candidacies": ("ONS ID", "Constituency name", "Party name", "Party abbreviation",
                    "Candidate first name", "Candidate surname", "Votes", "DC Person ID"),
    "winners": ("ONS code", "Constituency name", "Family name", "Given name",
                "Democracy Club identifier", "Result summary"),
    "constituencies": ("ONS ID", "Constituency name", "Member first name", "Member surname",
                       "Result", "Electorate", "Valid votes", "Majority"),
}  # fmt: skip


# "Con hold", "Lab gain from SNP", "Spk hold": a winners file's summary of a seat's result
_RESULT = re.compile(r"\S+ (?:hold|gain from \S+)")


class FeedFileError(Exception):
    """A feed file that cannot be read: the message names the file and, where it can, the line."""


@dataclass(frozen=True)
class FeedRow:
    """One row, read once: the seat it is about and, for a candidacy, the candidate."""

    ons_id: str
    seat_name: str
    country: str
    region: str
    row: dict[str, str]
    candidate: NightCandidate | None = None


@dataclass(frozen=True)
class FeedFile:
    name: str
    kind: FileKind
    rows: tuple[tuple[int, FeedRow], ...]  # (line, row)


# Rows already read, by their fields: from one read of the feed to the next most rows are
# the same, and a night's feed is read thousands of times. Cleared when it grows past a
# night's worth, so it stays a few megabytes.
_READ: dict[tuple[str, ...], FeedRow] = {}
_READ_AT_MOST = 40_000


def read_feed_file(name: str, text: str) -> FeedFile:
    """One file of the feed, checked whole; FeedFileError if any of it cannot be used."""
    if not text.strip():
        raise FeedFileError(f"{name}: empty")
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))
    header = tuple(reader.fieldnames or ())
    kind = next((k for k, needed in _HEADERS.items() if set(needed) <= set(header)), None)
    if kind is None:
        raise FeedFileError(f"{name}, line 1: not a results file (its header is unknown)")
    if len(_READ) > _READ_AT_MOST:
        _READ.clear()
    try:
        return FeedFile(name, kind, tuple(_rows(name, kind, header, reader)))
    except csv.Error as error:  # a stray quote: the rest of the file is one field
        raise FeedFileError(f"{name}, line {reader.line_num}: not CSV ({error})") from None


def _rows(
    name: str, kind: FileKind, header: tuple[str, ...], reader: csv.DictReader[str]
) -> list[tuple[int, FeedRow]]:
    rows = []
    for row in reader:
        line = reader.line_num
        if None in row or any(value is None for value in row.values()):
            raise FeedFileError(f"{name}, line {line}: {len(header)} columns expected")
        key = (kind, *row.values())
        read = _READ.get(key)
        if read is None:
            read = _READ[key] = _read_row(kind, row, f"{name}, line {line}")
        rows.append((line, read))
    return rows


def _read_row(kind: FileKind, row: dict[str, str], where: str) -> FeedRow:
    ons_id = row[_HEADERS[kind][0]].strip()
    if not ons_id:
        raise FeedFileError(f"{where}: no ONS ID")
    candidate = None
    if kind == "winners" and not _RESULT.fullmatch(row["Result summary"].strip()):
        # the last column: a file caught half-written can end inside it ("Con ho")
        raise FeedFileError(f"{where}: Result summary is not a result: {row['Result summary']!r}")
    if kind == "constituencies":  # checked now, so a bad figure rejects its file whole
        for column in ("Electorate", "Valid votes", "Majority"):
            _whole(where, column, row[column])
    if kind == "candidacies":
        votes = row["Votes"].strip()
        candidate = NightCandidate(
            name=f"{row['Candidate first name'].strip()} {row['Candidate surname'].strip()}",
            party=row["Party name"].strip(),
            party_abbreviation=row["Party abbreviation"].strip(),
            votes=_whole(where, "Votes", votes) if votes else None,
            share=_fraction(where, row.get("Share", "")),
            dc_id=_optional_id(where, row.get("DC Person ID", "")),
            mnis_id=_optional_id(where, row.get("Member MNIS ID", "")),
        )
    return FeedRow(
        ons_id, row["Constituency name"].strip(), row.get("Country name", "").strip(),
        row.get("Region name", "").strip(), row, candidate,
    )  # fmt: skip


@dataclass
class _SeatRows:
    name: str = ""
    country: str = ""
    region: str = ""
    nominated: list[NightCandidate] = field(default_factory=list)
    # Candidates with votes, by file: a feed may hold the first count and the verified one.
    counted: dict[str, list[NightCandidate]] = field(default_factory=dict)
    winner: dict[str, str] | None = None
    # The seat's rows with figures: (row, verified, file and line), verified first once read.
    figures: list[tuple[dict[str, str], bool, str]] = field(default_factory=list)


def night_from(
    files: Iterable[FeedFile],
    before: NightResults,
    now: datetime,
    known: Mapping[str, datetime] | None = None,
) -> NightResults:
    """The night after reading `files`, which together are the whole feed at `now`.

    A seat never goes back a state: a file rewritten without a seat's row for a moment (or
    a feed that lags) must not undeclare it. Figures that change once published are a
    correction. `known`: when seats were first seen declared by an earlier run (the bot
    restarted mid-night), so the night's order and times survive it.
    """
    by_seat: dict[str, _SeatRows] = defaultdict(_SeatRows)
    for feed_file in files:
        for line, row in feed_file.rows:
            _take(feed_file, line, row, by_seat)
    seats = dict(before.seats)
    order = list(before.order)
    known = known or {}
    newly: list[str] = []
    for ons_id, rows in by_seat.items():
        old = seats.get(ons_id)
        new = _seat(ons_id, rows, old)
        if old is not None and new.stage < old.stage:
            continue
        if new.declared and (old is None or not old.declared):
            new = replace(new, declared_at=known.get(ons_id, now))
            newly.append(ons_id)
        elif old is not None:
            new = replace(new, declared_at=old.declared_at, corrected=_corrects(old, new))
        seats[ons_id] = new
    order += sorted(newly, key=lambda ons_id: seats[ons_id].declared_at or now)
    return NightResults(seats, now, "", tuple(order))


def _take(feed_file: FeedFile, line: int, read: FeedRow, by_seat: dict[str, _SeatRows]) -> None:
    seat = by_seat[read.ons_id]
    seat.name = seat.name or read.seat_name
    seat.country = seat.country or read.country
    seat.region = seat.region or read.region
    if feed_file.kind == "winners":
        seat.winner = read.row
    elif feed_file.kind == "constituencies":
        verified = read.row.get("Verified", "TRUE").strip().upper() == "TRUE"
        seat.figures.append((read.row, verified, f"{feed_file.name}, line {line}"))
    elif read.candidate is not None:
        if read.candidate.votes is None:
            seat.nominated.append(read.candidate)
        else:
            seat.counted.setdefault(feed_file.name, []).append(read.candidate)


def _seat(ons_id: str, rows: _SeatRows, old: NightSeat | None) -> NightSeat:
    nominated = tuple(rows.nominated or (old.candidates if old else ()))
    seat = NightSeat(ons_id, rows.name, rows.country, rows.region, Stage.NOMINATED, nominated)
    counted = _counted(rows)
    if counted is not None:
        row, verified, figures, candidates = counted
        ranked = tuple(sorted(candidates, key=lambda c: -(c.votes or 0)))
        stage = Stage.VERIFIED if verified else Stage.COUNTED
        return replace(seat, stage=stage, candidates=ranked, winner=ranked[0],
                       result=row["Result"].strip(), figures=figures)  # fmt: skip
    if rows.winner is not None:
        return replace(seat, stage=Stage.WINNER, winner=_winner(rows.winner, nominated),
                       result=rows.winner["Result summary"].strip())  # fmt: skip
    if rows.figures:  # the seat's row is out, its candidates' votes not yet
        row = rows.figures[0][0]
        named = {"Given name": row["Member first name"], "Family name": row["Member surname"],
                 "Result summary": row["Result"]}  # fmt: skip
        return replace(seat, stage=Stage.WINNER, winner=_winner(named, nominated),
                       result=row["Result"].strip())  # fmt: skip
    return seat


def _counted(
    rows: _SeatRows,
) -> tuple[dict[str, str], bool, Figures, list[NightCandidate]] | None:
    """The seat's figures and candidates' votes, where a row and a file of votes agree (the
    candidates' votes add up to the valid votes), the verified row first."""
    for row, verified, where in sorted(rows.figures, key=lambda f: not f[1]):
        valid = _whole(where, "Valid votes", row["Valid votes"])
        for candidates in rows.counted.values():
            if sum(c.votes or 0 for c in candidates) == valid:
                figures = Figures(
                    electorate=_whole(where, "Electorate", row["Electorate"]),
                    valid_votes=valid,
                    majority=_whole(where, "Majority", row["Majority"]),
                )
                return row, verified, figures, candidates
    return None


def _winner(row: Mapping[str, str], candidates: tuple[NightCandidate, ...]) -> NightCandidate:
    """The winner as one of the seat's candidates: by Democracy Club ID, else by name."""
    dc_id = (row.get("Democracy Club identifier") or "").strip()
    given, family = row["Given name"].strip(), row["Family name"].strip()
    for candidate in candidates:
        if dc_id and candidate.dc_id is not None and str(candidate.dc_id) == dc_id:
            return candidate
    for candidate in candidates:
        if candidate.name.casefold() == f"{given} {family}".casefold():
            return candidate
    abbreviation = (row.get("Result summary") or "").split(" ")[0]
    return NightCandidate(f"{given} {family}", abbreviation, abbreviation)


def _corrects(old: NightSeat, new: NightSeat) -> bool:
    if old.corrected:
        return True
    if not old.counted or not new.counted:
        return False
    votes = [(c.name, c.votes) for c in old.candidates]
    return old.figures != new.figures or votes != [(c.name, c.votes) for c in new.candidates]


def _whole(where: str, column: str, text: str) -> int:
    try:
        return int(text.strip().replace(",", ""))
    except ValueError:
        raise FeedFileError(f"{where}: {column} is not a whole number: {text!r}") from None


def _fraction(where: str, text: str) -> float | None:
    if not text.strip():
        return None
    try:
        return float(text)
    except ValueError:
        raise FeedFileError(f"{where}: Share is not a number: {text!r}") from None


def _optional_id(where: str, text: str) -> int | None:
    return _whole(where, "an ID", text) if text.strip() else None
