"""The seats of the 2010 boundaries that no 2024 seat is named after ("Bristol West",
"Morley and Outwood"), from the House of Commons Library's overlaps of 2010 and 2024 seats:
so a question naming one is told what became of it, not "I don't know"."""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from knowledge.errors import BuildError
from knowledge.hoc import file_sha256, reading_csv
from knowledge.ids import slug
from knowledge.merge import ATTRIBUTION, LICENCE, document_path
from knowledge.schema import FormerSeat, Knowledge, SourceDocument, Successor

OVERLAPS_SOURCE = "hoc-overlaps-2010-2024"
# The file has no header row: these are its columns, in order (see its README).
COLUMNS = (
    "codes", "from ONS ID", "from name", "to ONS ID", "to name",
    "residential (old)", "residential (new)", "geographic (old)", "geographic (new)",
    "population (old)", "population (new)",
)  # fmt: skip
POPULATION_OF_OLD = COLUMNS.index("population (old)")
POPULATION_OF_NEW = COLUMNS.index("population (new)")


def with_former_seats(knowledge: Knowledge, overlaps: Path, root: Path) -> Knowledge:
    """The knowledge with the former seats whose names no 2024 seat has, and their source."""
    current = {seat.id for seat in knowledge.constituencies}
    names = {slug(seat.name) for seat in knowledge.constituencies}
    former = [seat for seat in read_former_seats(overlaps, current) if slug(seat.name) not in names]
    document = SourceDocument(
        id=OVERLAPS_SOURCE,
        kind="boundaries",
        title="Constituency area overlaps, 2010 and 2024 boundaries",
        publisher="House of Commons Library",
        path=document_path(overlaps, root),
        sha256=file_sha256(overlaps),
        licence=LICENCE,
        attribution=ATTRIBUTION,
    )
    return knowledge.model_copy(
        update={"sources": [*knowledge.sources, document], "former_seats": former}
    )


@dataclass(frozen=True)
class Overlap:
    """One row of the overlaps file: a 2010-boundary seat and a 2024 seat it overlaps."""

    line: int
    old_id: str  # ONS ID
    old_name: str
    new_id: str  # the 2024 seat's id
    of_old: float  # share of the old seat's people in the new seat
    of_new: float  # share of the new seat's people from the old seat


def read_overlaps(path: Path, current: set[str]) -> list[Overlap]:
    """Every row, checked: a row naming a 2024 seat the knowledge does not hold, or a share
    that is no fraction, is refused by file and line."""
    overlaps = []
    for line, row in _rows(path):
        if len(row) != len(COLUMNS):
            raise BuildError(f"{path}:{line}: {len(row)} columns, expected {len(COLUMNS)}")
        new_name = row[4].strip()
        if slug(new_name) not in current:
            raise BuildError(f"{path}:{line}: no 2024 seat is called {new_name!r}")
        shares = [
            _share(path, line, row[column]) for column in (POPULATION_OF_OLD, POPULATION_OF_NEW)
        ]
        overlaps.append(
            Overlap(line, row[1].strip(), row[2].strip(), slug(new_name), shares[0], shares[1])
        )
    return overlaps


def _share(path: Path, line: int, text: str) -> float:
    try:
        share = float(text)
    except ValueError:
        raise BuildError(f"{path}:{line}: population share {text!r} is not a number") from None
    if not 0 <= share <= 1:
        raise BuildError(f"{path}:{line}: population share {share} is not a fraction")
    return share


def read_former_seats(path: Path, current: set[str]) -> list[FormerSeat]:
    """Every 2010-boundary seat with the 2024 seats its people are in, largest share first."""
    names: dict[str, str] = {}
    first_row: dict[str, int] = {}
    shares: dict[str, list[Successor]] = defaultdict(list)
    for overlap in read_overlaps(path, current):
        names.setdefault(overlap.old_id, overlap.old_name)
        first_row.setdefault(overlap.old_id, overlap.line)
        shares[overlap.old_id].append(Successor(seat=overlap.new_id, population=overlap.of_old))
    return [
        FormerSeat(
            id=old_id,
            name=name,
            successors=sorted(shares[old_id], key=lambda s: -s.population),
            source=OVERLAPS_SOURCE,
            row=first_row[old_id],
        )
        for old_id, name in names.items()
    ]


def _rows(path: Path) -> list[tuple[int, list[str]]]:
    with reading_csv(path) as stream:
        return [(number, row) for number, row in enumerate(csv.reader(stream), 1) if row]
