"""Reading the House of Commons Library's 2024 results files, refusing bad ones whole.

Candidates are grouped by ONS ID, the seat's stable code, not by name: the published
candidate file has a row whose seat name is misspelt, and joining on the code puts it in the
right seat (the name mismatch is reported as a warning). Every refusal names the file, the
line and the problem.
"""

from __future__ import annotations

import csv
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from knowledge.errors import BuildError

CANDIDATE_COLUMNS = (
    "ONS ID", "Constituency name", "Region name", "Country name", "Party name",
    "Party abbreviation", "Candidate first name", "Candidate surname", "Sitting MP",
    "Former MP", "Votes", "Share", "Change",
)  # fmt: skip
SEAT_COLUMNS = (
    "ONS ID", "Constituency name", "Member first name", "Member surname", "Result",
    "Electorate", "Valid votes", "Invalid votes", "Majority",
)  # fmt: skip
# Shares are rounded to six places in the file; a seat's can be a little off 1.
SHARE_TOTAL_TOLERANCE = 0.01


@dataclass(frozen=True)
class OfficialCandidate:
    line: int
    ons_id: str
    seat_name: str
    region: str
    country: str
    party_name: str
    party_abbreviation: str
    first_name: str
    surname: str
    sitting_mp: bool
    former_mp: bool
    gender: str | None  # as published: "Female", "Male"
    votes: int
    share: float  # a fraction, as published
    change: float | None  # change in share since 2019, a fraction
    mended: bool = False  # the name was mojibake in the file, mended (see _mended)
    mnis_id: int | None = None  # Member MNIS ID: the same MP across elections
    dc_id: int | None = None  # Democracy Club person ID
    registration: str | None = None  # Electoral Commission party ID: "PP7931"

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.surname}".strip()


@dataclass(frozen=True)
class OfficialSeat:
    line: int | None  # None: no constituency file, built from the candidates
    ons_id: str
    name: str
    region: str
    country: str
    electorate: int | None
    valid_votes: int
    invalid_votes: int | None
    majority: int
    result: str | None
    member: str  # the winner's name
    declared: str | None = None  # declaration time, where the file gives one


@dataclass
class OfficialData:
    candidates_file: Path
    constituencies_file: Path | None
    seats: dict[str, OfficialSeat]
    candidates: dict[str, list[OfficialCandidate]]  # by ONS ID, most votes first
    warnings: list[str] = field(default_factory=list)


def read_official(candidates_path: Path, constituencies_path: Path | None = None) -> OfficialData:
    candidates = _read_candidates(candidates_path)
    repairs = [
        f"{candidates_path}:{c.line}: name {c.name!r} was UTF-8 read as Latin-1; mended"
        for c in candidates
        if c.mended
    ]
    by_seat: dict[str, list[OfficialCandidate]] = defaultdict(list)
    for candidate in candidates:
        by_seat[candidate.ons_id].append(candidate)
    for rows in by_seat.values():
        rows.sort(key=lambda c: -c.votes)
    warnings = repairs + _check_candidates(candidates_path, by_seat)
    if constituencies_path is None:
        seats = {ons: _seat_from_candidates(rows) for ons, rows in by_seat.items()}
    else:
        seats = _read_seats(constituencies_path)
        _check_files_agree(constituencies_path, candidates_path, seats, by_seat, warnings)
    return OfficialData(candidates_path, constituencies_path, seats, dict(by_seat), warnings)


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@contextmanager
def reading_csv(path: Path) -> Iterator[TextIO]:
    """A Library CSV file open for reading; any fault in it is a BuildError naming it."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            yield stream
    except OSError as error:
        raise BuildError(f"{path}: cannot read: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise BuildError(f"{path}: not UTF-8 text ({error.reason})") from error
    except csv.Error as error:
        raise BuildError(f"{path}: not a CSV file: {error}") from error


def _rows(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    with reading_csv(path) as stream:
        reader = csv.DictReader(stream)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise BuildError(f"{path}:1: missing column {missing[0]!r}")
        return [(reader.line_num, row) for row in reader]


def _whole(path: Path, line: int, column: str, text: str) -> int:
    try:
        return int(text.replace(",", ""))
    except ValueError:
        raise BuildError(f"{path}:{line}: {column} {text!r} is not a whole number") from None


def _fraction(path: Path, line: int, column: str, text: str, low: float) -> float:
    try:
        value = float(text)
    except ValueError:
        raise BuildError(f"{path}:{line}: {column} {text!r} is not a number") from None
    if not low <= value <= 1:
        raise BuildError(f"{path}:{line}: {column} {text!r} is not a fraction ({low} to 1)")
    return value


def _optional_id(path: Path, line: int, row: dict[str, str], column: str) -> int | None:
    """A person's ID where the file has the column and gives one (files users bring may not)."""
    text = (row.get(column) or "").strip()
    return _whole(path, line, column, text) if text else None


def _text(path: Path, line: int, row: dict[str, str], column: str) -> str:
    value = (row.get(column) or "").strip()
    if not value:
        raise BuildError(f"{path}:{line}: {column} is empty")
    return value


def _mended(text: str) -> str:
    """Text whose UTF-8 bytes were once read as Latin-1 and written out again, as it was
    meant: the Library's file has "Ã\x81ine" for "Áine". Anything else is left as it is."""
    if not any("\x80" <= char <= "\xff" for char in text):
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def _read_candidates(path: Path) -> list[OfficialCandidate]:
    candidates = []
    for line, row in _rows(path, CANDIDATE_COLUMNS):
        change = (row["Change"] or "").strip()
        first_name = row["Candidate first name"].strip()
        surname = _text(path, line, row, "Candidate surname")
        candidates.append(
            OfficialCandidate(
                line=line,
                ons_id=_text(path, line, row, "ONS ID"),
                seat_name=_text(path, line, row, "Constituency name"),
                region=row["Region name"].strip(),
                country=row["Country name"].strip(),
                party_name=_text(path, line, row, "Party name"),
                party_abbreviation=_text(path, line, row, "Party abbreviation"),
                first_name=_mended(first_name),
                surname=_mended(surname),
                mended=(_mended(first_name), _mended(surname)) != (first_name, surname),
                sitting_mp=row["Sitting MP"].strip().lower() == "yes",
                former_mp=row["Former MP"].strip().lower() == "yes",
                gender=(row.get("Candidate gender") or "").strip() or None,
                mnis_id=_optional_id(path, line, row, "Member MNIS ID"),
                dc_id=_optional_id(path, line, row, "DC Person ID"),
                registration=(row.get("Electoral Commission party ID") or "").strip() or None,
                votes=_whole(path, line, "Votes", row["Votes"]),
                share=_fraction(path, line, "Share", row["Share"], 0),
                change=_fraction(path, line, "Change", change, -1) if change else None,
            )
        )
    if not candidates:
        raise BuildError(f"{path}: no candidates")
    return candidates


def _check_candidates(path: Path, by_seat: dict[str, list[OfficialCandidate]]) -> list[str]:
    warnings = []
    for ons_id, rows in by_seat.items():
        names = Counter(c.seat_name for c in rows)
        usual = names.most_common(1)[0][0]
        for odd in (c for c in rows if c.seat_name != usual):
            warnings.append(
                f"{path}:{odd.line}: seat named {odd.seat_name!r}, elsewhere {usual!r} "
                f"(ONS ID {ons_id}): counted in {usual!r}"
            )
        # Two people may share a name in one seat (two Greg Smiths stood in Mid
        # Buckinghamshire), so a candidate is a name for a party.
        seen: dict[tuple[str, str], int] = {}
        for candidate in sorted(rows, key=lambda c: c.line):
            key = (candidate.name, candidate.party_name)
            if key in seen:
                raise BuildError(
                    f"{path}:{candidate.line}: candidate {candidate.name!r} "
                    f"({candidate.party_name}) is listed twice in {usual!r} (also line {seen[key]})"
                )
            seen[key] = candidate.line
        total = sum(c.share for c in rows)
        if abs(total - 1) > SHARE_TOTAL_TOLERANCE:
            first = min(c.line for c in rows)
            raise BuildError(
                f"{path}:{first}: the shares in {usual!r} add up to {total:.1%}, far from 100%"
            )
    return warnings


def _seat_from_candidates(rows: list[OfficialCandidate]) -> OfficialSeat:
    name = Counter(c.seat_name for c in rows).most_common(1)[0][0]
    majority = rows[0].votes - (rows[1].votes if len(rows) > 1 else 0)
    return OfficialSeat(
        None, rows[0].ons_id, name, rows[0].region, rows[0].country, None,
        sum(c.votes for c in rows), None, majority, None, rows[0].name,
    )  # fmt: skip


def _read_seats(path: Path) -> dict[str, OfficialSeat]:
    seats: dict[str, OfficialSeat] = {}
    for line, row in _rows(path, SEAT_COLUMNS):
        ons_id = _text(path, line, row, "ONS ID")
        if ons_id in seats:
            raise BuildError(f"{path}:{line}: seat {ons_id} is listed twice")
        seats[ons_id] = OfficialSeat(
            line=line,
            ons_id=ons_id,
            name=_text(path, line, row, "Constituency name"),
            region=(row.get("Region name") or "").strip(),
            country=(row.get("Country name") or "").strip(),
            electorate=_whole(path, line, "Electorate", row["Electorate"]),
            valid_votes=_whole(path, line, "Valid votes", row["Valid votes"]),
            invalid_votes=_whole(path, line, "Invalid votes", row["Invalid votes"]),
            majority=_whole(path, line, "Majority", row["Majority"]),
            result=_text(path, line, row, "Result"),
            member=f"{row['Member first name']} {row['Member surname']}".strip(),
            declared=(row.get("Declaration time") or "").strip() or None,
        )
    return seats


def _check_files_agree(
    seats_path: Path,
    candidates_path: Path,
    seats: dict[str, OfficialSeat],
    by_seat: dict[str, list[OfficialCandidate]],
    warnings: list[str],
) -> None:
    """The two files must tell the same story: same seats, winner, votes and majority."""
    for ons_id, seat in seats.items():
        where = f"{seats_path}:{seat.line}"
        rows = by_seat.get(ons_id)
        if not rows:
            raise BuildError(f"{where}: seat {seat.name!r} has no candidates in {candidates_path}")
        top = rows[0]
        if seat.member != top.name:
            raise BuildError(
                f"{where}: the winner of {seat.name!r} is {seat.member!r} here but {top.name!r} "
                f"has the most votes in {candidates_path} (line {top.line})"
            )
        counted = sum(c.votes for c in rows)
        if counted != seat.valid_votes:
            raise BuildError(
                f"{where}: {seat.name!r} has {seat.valid_votes} valid votes here but its "
                f"candidates' votes in {candidates_path} add up to {counted}"
            )
        runner_up = rows[1].votes if len(rows) > 1 else 0
        if top.votes - runner_up != seat.majority:
            raise BuildError(
                f"{where}: {seat.name!r} has a majority of {seat.majority} here but "
                f"{top.votes - runner_up} from the votes in {candidates_path}"
            )
        usual = Counter(c.seat_name for c in rows).most_common(1)[0][0]
        if usual != seat.name:
            warnings.append(f"{where}: seat {seat.name!r} is {usual!r} in {candidates_path}")
    for ons_id, rows in by_seat.items():
        if ons_id not in seats:
            raise BuildError(
                f"{candidates_path}:{rows[0].line}: seat {rows[0].seat_name!r} ({ons_id}) is not "
                f"in {seats_path}"
            )
