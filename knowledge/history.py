"""The earlier elections: the House of Commons Library's results of the 2010-2019 general
elections and of every by-election since 2010 (seeds/hoc-history/), read into elections that
each own their contests.

A candidate is linked to a 2024 person only by an ID the files give (Member MNIS ID; DC
person ID in the 2024-Parliament by-elections), never by name. Parties are joined to the 2024
parties by the Library's abbreviation ("Lab" is Labour and Labour and Co-operative, as in
2024); a party that stood only earlier (the Brexit Party) is a party of its own. Every fault
names the file and the line.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from knowledge.errors import BuildError
from knowledge.former import read_overlaps
from knowledge.hoc import file_sha256, reading_csv
from knowledge.ids import slug
from knowledge.merge import ATTRIBUTION, LICENCE, document_path
from knowledge.schema import (
    Candidacy,
    Contest,
    ElectionRecord,
    Knowledge,
    Party,
    Person,
    Predecessor,
    SourceDocument,
)

HISTORY_SEEDS = Path("seeds") / "hoc-history"
GENERAL_ELECTIONS_FILE = "general-elections.csv"
GENERAL_YEARS = (2010, 2015, 2017, 2019)
PARLIAMENTS = (2010, 2015, 2017, 2019, 2024)
# The general election files have no header row: their columns are the 2024 files' first ones.
CANDIDATE_COLUMNS = (
    "ONS ID", "ONS region ID", "Constituency name", "County name", "Region name",
    "Country name", "Constituency type", "Party name", "Party abbreviation",
    "Electoral Commission party ID", "MNIS party ID", "Electoral Commission adjunct party ID",
    "Candidate first name", "Candidate surname", "Candidate gender", "Sitting MP", "Former MP",
    "Member MNIS ID", "Votes", "Share", "Change",
)  # fmt: skip
SEAT_COLUMNS = (
    "ONS ID", "ONS region ID", "Constituency name", "County name", "Region name",
    "Country name", "Constituency type", "Declaration time", "Member first name",
    "Member surname", "Member gender", "Result", "First party", "Second party", "Electorate",
    "Valid votes", "Invalid votes", "Majority",
)  # fmt: skip
# The by-election files' own names for columns the general election files share.
RENAMED = {"ONS ID2": "ONS ID", "Election date": "date", "By-election date": "date"}
NOT_GIVEN = "[x]"
SHARE_TOTAL_TOLERANCE = 0.01


@dataclass(frozen=True)
class _Row:
    path: Path
    line: int
    cells: dict[str, str]

    def text(self, column: str, required: bool = True) -> str:
        value = (self.cells.get(column) or "").strip()
        if required and not value:
            raise BuildError(f"{self.path}:{self.line}: {column} is empty")
        return value

    def whole(self, column: str) -> int:
        text = self.text(column)
        try:
            return int(text.replace(",", ""))
        except ValueError:
            raise BuildError(
                f"{self.path}:{self.line}: {column} {text!r} is not a whole number"
            ) from None

    def maybe_whole(self, column: str) -> int | None:
        """None for a figure the file marks as not available ([x]) or leaves empty."""
        text = self.text(column, required=False)
        return None if text in {"", NOT_GIVEN} else self.whole(column)

    def fraction(self, column: str) -> float:
        text = self.text(column)
        try:
            value = float(text)
        except ValueError:
            raise BuildError(
                f"{self.path}:{self.line}: {column} {text!r} is not a number"
            ) from None
        if not 0 <= value <= 1:
            raise BuildError(f"{self.path}:{self.line}: {column} {text!r} is not a fraction")
        return value

    def day(self, column: str) -> str:
        """An ISO date from the file's DD/MM/YYYY."""
        text = self.text(column)
        try:
            return datetime.strptime(text, "%d/%m/%Y").date().isoformat()
        except ValueError:
            raise BuildError(
                f"{self.path}:{self.line}: {column} {text!r} is not a date (DD/MM/YYYY)"
            ) from None


@dataclass
class History:
    """What the history adds to the knowledge."""

    sources: list[SourceDocument]
    elections: list[ElectionRecord]
    contests: list[Contest]
    parties: list[Party]
    people: list[Person]


def with_history(knowledge: Knowledge, folder: Path, overlaps: Path, root: Path) -> Knowledge:
    """The knowledge with every earlier election in `folder` and where each 2024 seat's
    people were on the 2010 boundaries (from the overlaps file)."""
    history = read_history(knowledge, folder, root)
    predecessors = read_predecessors(overlaps, {seat.id for seat in knowledge.constituencies})
    return knowledge.model_copy(
        update={
            "sources": [*knowledge.sources, *history.sources],
            "elections": history.elections,
            "contests": history.contests,
            "history_parties": history.parties,
            "people": [*knowledge.people, *history.people],
            "predecessors": predecessors,
        }
    )


def read_history(knowledge: Knowledge, folder: Path, root: Path | None = None) -> History:
    reader = _Reader(knowledge, folder, root)
    polling_days = reader.general_elections()
    for year in GENERAL_YEARS:
        reader.general_election(year, polling_days)
    for parliament in PARLIAMENTS:
        reader.by_elections(parliament)
    return History(
        reader.sources,
        sorted(reader.elections, key=lambda e: (e.date, e.id)),
        reader.contests,
        sorted(reader.new_parties.values(), key=lambda p: p.id),
        sorted((person for _, person in reader.new_people.values()), key=lambda p: p.id),
    )


class _Reader:
    def __init__(self, knowledge: Knowledge, folder: Path, root: Path | None) -> None:
        self.folder, self.root = folder, root
        self.sources: list[SourceDocument] = []
        self.elections: list[ElectionRecord] = []
        self.contests: list[Contest] = []
        self.party_of_abbreviation = {
            p.abbreviation: p.id for p in knowledge.parties if p.abbreviation is not None
        }
        self.taken_ids = {p.id for p in knowledge.parties}
        self.new_parties: dict[str, Party] = {}
        self.person_of_mnis = {p.mnis_id: p.id for p in knowledge.people if p.mnis_id}
        self.person_of_dc = {p.dc_id: p.id for p in knowledge.people if p.dc_id}
        # People who did not stand in 2024, known by an ID: (date of their latest name, Person)
        self.new_people: dict[str, tuple[str, Person]] = {}

    # --- files ----------------------------------------------------------------------------

    def _source(self, name: str, title: str) -> tuple[str, Path]:
        path = self.folder / name
        if not path.is_file():
            raise BuildError(f"{path}: missing (the history needs it)")
        source_id = f"hoc-{name.removesuffix('.csv')}"
        self.sources.append(
            SourceDocument(
                id=source_id, kind="history", title=title, publisher="House of Commons Library",
                path=document_path(path, self.root), sha256=file_sha256(path), licence=LICENCE,
                attribution=ATTRIBUTION,
            )
        )  # fmt: skip
        return source_id, path

    def _rows(self, path: Path, columns: tuple[str, ...] | None) -> list[_Row]:
        """Rows by column name: `columns` for a file with no header row, else its header."""
        with reading_csv(path) as stream:
            lines = [(n, row) for n, row in enumerate(csv.reader(stream), 1) if any(row)]
        if columns is None:
            if not lines:
                raise BuildError(f"{path}: empty (a header row was expected)")
            header = [RENAMED.get(name.strip(), name.strip()) for name in lines[0][1]]
            lines = lines[1:]
        else:
            header = list(columns)
        rows = []
        for line, cells in lines:
            if len(cells) < len(header) and columns is not None:
                raise BuildError(f"{path}:{line}: {len(cells)} columns, expected {len(header)}")
            rows.append(_Row(path, line, dict(zip(header, cells, strict=False))))
        return rows

    def general_elections(self) -> dict[int, tuple[str, str]]:
        """Polling day and briefing of each general election, by year."""
        _, path = self._source(GENERAL_ELECTIONS_FILE, "UK general elections since 2010")
        days: dict[int, tuple[str, str]] = {}
        for row in self._rows(path, ("date", "notional", "briefing")):
            if row.text("notional").lower() == "true":
                continue  # the notional 2019 results for the 2024 seats: not an election
            try:
                day = date.fromisoformat(row.text("date"))
            except ValueError:
                raise BuildError(
                    f"{path}:{row.line}: date {row.text('date')!r} is not ISO"
                ) from None
            days[day.year] = (day.isoformat(), row.text("briefing", required=False))
        return days

    def general_election(self, year: int, polling_days: dict[int, tuple[str, str]]) -> None:
        if year not in polling_days:
            raise BuildError(f"{GENERAL_ELECTIONS_FILE}: no polling day for {year}")
        day, briefing = polling_days[year]
        election = ElectionRecord(
            id=f"ge{year}", kind="general", date=day, parliament=year, boundaries=2010,
            briefing=briefing or None,
        )  # fmt: skip
        self.elections.append(election)
        seats_id, seats_path = self._source(
            f"ge{year}-constituencies.csv", f"General election {year} results by constituency"
        )
        candidates_id, candidates_path = self._source(
            f"ge{year}-candidates.csv", f"General election {year} results by candidate"
        )
        seats = self._rows(seats_path, SEAT_COLUMNS)
        candidates = self._rows(candidates_path, CANDIDATE_COLUMNS)
        self._contests({election.id: election}, seats, candidates, seats_id, candidates_id)

    def by_elections(self, parliament: int) -> None:
        stem = f"by-elections-{parliament}-parliament"
        seats_id, seats_path = self._source(
            f"{stem}-constituencies.csv", f"By-elections in the {parliament} Parliament"
        )
        candidates_id, candidates_path = self._source(
            f"{stem}-candidates.csv", f"By-elections in the {parliament} Parliament, by candidate"
        )
        seats = self._rows(seats_path, None)
        elections: dict[str, ElectionRecord] = {}
        for row in seats:
            day = row.day("date")
            election = ElectionRecord(
                id=f"by-{day}-{slug(row.text('Constituency name'))}", kind="by-election",
                date=day, parliament=parliament, boundaries=2024 if parliament >= 2024 else 2010,
            )  # fmt: skip
            elections[election.id] = election
            self.elections.append(election)
        candidates = self._rows(candidates_path, None)
        self._contests(elections, seats, candidates, seats_id, candidates_id)

    # --- contests -------------------------------------------------------------------------

    def _contests(
        self,
        elections: dict[str, ElectionRecord],
        seats: list[_Row],
        candidates: list[_Row],
        seats_id: str,
        candidates_id: str,
    ) -> None:
        by_election = len(elections) > 1 or any(e.kind == "by-election" for e in elections.values())
        standing: dict[tuple[str, str], list[_Row]] = defaultdict(list)
        for row in candidates:
            day = row.day("date") if by_election else ""
            standing[(row.text("ONS ID"), day)].append(row)
        seen: set[tuple[str, str]] = set()
        for row in seats:
            day = row.day("date") if by_election else ""
            key = (row.text("ONS ID"), day)
            if key in seen:
                raise BuildError(f"{row.path}:{row.line}: seat {key[0]} is listed twice")
            seen.add(key)
            election = (
                elections[f"by-{day}-{slug(row.text('Constituency name'))}"]
                if by_election
                else next(iter(elections.values()))
            )
            rows = standing.pop(key, [])
            if not rows:
                raise BuildError(
                    f"{row.path}:{row.line}: no candidates for {row.text('Constituency name')!r} "
                    f"in {candidates[0].path if candidates else 'the candidates file'}"
                )
            self.contests.append(self._contest(election, row, rows, seats_id, candidates_id))
        for (ons_id, _), rows in standing.items():
            raise BuildError(
                f"{rows[0].path}:{rows[0].line}: candidate in seat {ons_id}, which "
                f"{seats[0].path if seats else 'the constituencies file'} does not list"
            )

    def _contest(
        self,
        election: ElectionRecord,
        seat: _Row,
        rows: list[_Row],
        seats_id: str,
        candidates_id: str,
    ) -> Contest:
        ordered = sorted(rows, key=lambda r: (-r.whole("Votes"), r.line))
        total = sum(r.fraction("Share") for r in ordered)
        if abs(total - 1) > SHARE_TOTAL_TOLERANCE:
            raise BuildError(
                f"{ordered[0].path}:{min(r.line for r in ordered)}: the shares in "
                f"{seat.text('Constituency name')!r} add up to {total:.1%}, far from 100%"
            )
        member = f"{seat.text('Member first name')} {seat.text('Member surname')}".strip()
        winner = _name(ordered[0])
        if winner != member:
            raise BuildError(
                f"{seat.path}:{seat.line}: the member is {member!r}, but the most votes went to "
                f"{winner!r} ({ordered[0].path}:{ordered[0].line})"
            )
        candidacies = [
            self._candidacy(row, place == 1, election.date)
            for place, row in enumerate(ordered, start=1)
        ]
        return Contest(
            election=election.id, seat=slug(seat.text("Constituency name")),
            ons_id=seat.text("ONS ID"), name=seat.text("Constituency name"),
            region=seat.text("Region name", required=False) or None,
            country=seat.text("Country name", required=False) or None,
            electorate=seat.whole("Electorate"), valid_votes=seat.whole("Valid votes"),
            invalid_votes=seat.maybe_whole("Invalid votes"), majority=seat.whole("Majority"),
            result=seat.text("Result"),
            declared=seat.text("Declaration time", required=False) or None,
            seats_source=seats_id, row=seat.line, candidates_source=candidates_id,
            candidates=candidacies,
        )  # fmt: skip

    def _candidacy(self, row: _Row, won: bool, day: str) -> Candidacy:
        mnis_id = row.maybe_whole("Member MNIS ID")
        dc_id = row.maybe_whole("Democracy Club person ID")
        person = self.person_of_mnis.get(mnis_id) if mnis_id else None
        if person is None and dc_id:
            person = self.person_of_dc.get(dc_id)
        if person is None and (mnis_id or (dc_id and won)):
            # An MP (or a by-election winner) who did not stand in 2024: a person of their own,
            # by the ID, so "Nick Clegg" is asked about by name
            person = f"mnis-{mnis_id}" if mnis_id else f"dc-{dc_id}"
            known = self.new_people.get(person)
            if known is None or known[0] <= day:
                self.new_people[person] = (
                    day,
                    Person(id=person, name=_name(row), mnis_id=mnis_id, dc_id=dc_id),
                )
        return Candidacy(
            _name(row), self._party(row), row.text("Party name"), row.whole("Votes"),
            round(row.fraction("Share") * 100, 4), won,
            row.text("Candidate gender", required=False) or None, mnis_id, dc_id, person,
            row.line, _yes(row, "Sitting MP"), _yes(row, "Former MP"),
        )  # fmt: skip

    def _party(self, row: _Row) -> str:
        """The 2024 party of the same abbreviation, or a party that stood only earlier."""
        abbreviation = row.text("Party abbreviation")
        known = self.party_of_abbreviation.get(abbreviation)
        if known is not None:
            return known
        name = row.text("Party name")
        party_id = slug(name)
        if party_id in self.taken_ids and party_id not in self.new_parties:
            party_id = f"{party_id}-{slug(abbreviation)}"
        self.party_of_abbreviation[abbreviation] = party_id
        self.taken_ids.add(party_id)
        registration = row.text("Electoral Commission party ID", required=False) or None
        self.new_parties[party_id] = Party(
            id=party_id, name=name, aliases=[abbreviation], abbreviation=abbreviation,
            registration=registration,
        )  # fmt: skip
        return party_id


def _yes(row: _Row, column: str) -> bool:
    return row.text(column, required=False).lower() == "yes"


def _name(row: _Row) -> str:
    first_name = row.text("Candidate first name", required=False)
    return f"{first_name} {row.text('Candidate surname')}".strip()


def read_predecessors(path: Path, current: set[str]) -> dict[str, list[Predecessor]]:
    """Each 2024 seat's seats of the 2010 boundaries, the largest share of its people first."""
    found: dict[str, list[Predecessor]] = defaultdict(list)
    for overlap in read_overlaps(path, current):
        found[overlap.new_id].append(
            Predecessor(
                ons_id=overlap.old_id,
                name=overlap.old_name,
                population=overlap.of_new,
                row=overlap.line,
            )
        )
    return {seat: sorted(rows, key=lambda p: -p.population) for seat, rows in sorted(found.items())}
