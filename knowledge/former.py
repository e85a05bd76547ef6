"""The seats of the 2010 boundaries that no 2024 seat is named after ("Bristol West",
"Morley and Outwood"), from the House of Commons Library's overlaps of 2010 and 2024 seats:
so a question naming one is told what became of it, not "I don't know"."""

from __future__ import annotations

import csv
from collections import defaultdict
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


def read_former_seats(path: Path, current: set[str]) -> list[FormerSeat]:
    """Every 2010-boundary seat with the 2024 seats its people are in, largest share first.
    A row naming a 2024 seat the knowledge does not hold is refused by file and line."""
    names: dict[str, str] = {}
    first_row: dict[str, int] = {}
    shares: dict[str, list[Successor]] = defaultdict(list)
    for line, row in _rows(path):
        if len(row) != len(COLUMNS):
            raise BuildError(f"{path}:{line}: {len(row)} columns, expected {len(COLUMNS)}")
        old_id, old_name, new_name = row[1].strip(), row[2].strip(), row[4].strip()
        new_id = slug(new_name)
        if new_id not in current:
            raise BuildError(f"{path}:{line}: no 2024 seat is called {new_name!r}")
        try:
            population = float(row[POPULATION_OF_OLD])
        except ValueError:
            raise BuildError(
                f"{path}:{line}: population share {row[POPULATION_OF_OLD]!r} is not a number"
            ) from None
        if not 0 <= population <= 1:
            raise BuildError(f"{path}:{line}: population share {population} is not a fraction")
        names.setdefault(old_id, old_name)
        first_row.setdefault(old_id, line)
        shares[old_id].append(Successor(seat=new_id, population=population))
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
