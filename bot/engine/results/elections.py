"""Every election the knowledge holds, each owning its results: the 2010-2019 general elections
and the by-elections (the history's contests), and the 2024 general election (the catalog's
counted results, seen as contests too). Questions across elections read this one interface.

Seats are matched by the id of their name, as 2024 seats are; an ONS ID says which seat it
really was. A seat of the 2010 boundaries and a 2024 seat of the same name are different
seats: `boundaries` says which a contest was fought on."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from bot.engine.results.catalog import Catalog
from knowledge.schema import Candidacy, Contest, ElectionRecord, Party, Predecessor

GENERAL = "general"
BY_ELECTION = "by-election"


@dataclass(frozen=True)
class Race:
    """One seat's result at one election, whichever source holds it."""

    election: ElectionRecord
    seat: str  # the id of its name
    name: str
    boundaries: int  # 2010 or 2024
    electorate: int
    valid_votes: int
    majority: int
    result: str  # as published: "Lab hold", "RUK gain from Lab"
    candidates: tuple[Candidacy, ...]  # most votes first
    region: str | None
    country: str | None
    # Where its figures are: the seat's row, and the file its candidates' rows are in
    seat_row: tuple[str, int] | None
    candidates_source: str | None
    declared: datetime | None = None  # when it declared, where the file says

    @property
    def winner(self) -> Candidacy:
        return self.candidates[0]

    @property
    def runner_up(self) -> Candidacy | None:
        return self.candidates[1] if len(self.candidates) > 1 else None

    @property
    def year(self) -> int:
        return int(self.election.date[:4])

    @property
    def gain(self) -> bool:
        return "gain" in self.result.lower()


@dataclass(frozen=True)
class PartyTotal:
    party: str
    seats: int
    votes: int
    share: float  # percent of every valid vote cast
    candidates: int


class Elections:
    def __init__(self, catalog: Catalog) -> None:
        knowledge = catalog.knowledge
        self.catalog = catalog
        self.records = {e.id: e for e in knowledge.elections}
        self.parties: dict[str, Party] = {
            **{p.id: p for p in knowledge.history_parties},
            **catalog.parties,
        }
        self.predecessors: dict[str, list[Predecessor]] = knowledge.predecessors
        self._contests: list[Contest] = knowledge.contests
        self._national: dict[str, list[PartyTotal]] = {}

    @cached_property
    def general_2024(self) -> ElectionRecord:
        day = self.catalog.knowledge.election.date
        return ElectionRecord(
            id="ge2024", kind="general", date=day, parliament=2024, boundaries=2024
        )

    @cached_property
    def races(self) -> list[Race]:
        """Every race, oldest first (built on the first question across elections)."""
        found = [self._race(contest) for contest in self._contests]
        found += self._races_of_2024()
        return sorted(found, key=lambda r: (r.election.date, r.name))

    @cached_property
    def by_seat(self) -> dict[str, list[Race]]:
        seats: dict[str, list[Race]] = defaultdict(list)
        for race in self.races:
            seats[race.seat].append(race)
        return seats

    @cached_property
    def by_election_id(self) -> dict[str, list[Race]]:
        found: dict[str, list[Race]] = defaultdict(list)
        for race in self.races:
            found[race.election.id].append(race)
        return found

    @cached_property
    def by_person_id(self) -> dict[str, list[tuple[Race, Candidacy]]]:
        """Candidacies by the IDs that say who someone is: "mnis:172", "dc:1120", and the
        2024 person id the build linked by one of them."""
        found: dict[str, list[tuple[Race, Candidacy]]] = defaultdict(list)
        for race in self.races:
            for candidacy in race.candidates:
                ids = {
                    f"mnis:{candidacy.mnis_id}" if candidacy.mnis_id is not None else "",
                    f"person:{candidacy.person}" if candidacy.person else "",
                } - {""}
                for id_ in ids:
                    found[id_].append((race, candidacy))
        return found

    def registered_as(self, party_id: str) -> list[str]:
        """The other names the same registered party stood under (Reform UK: the Brexit
        Party, one Electoral Commission registration)."""
        party = self.parties.get(party_id)
        if party is None or party.registration is None:
            return []
        return [
            other.id
            for other in self.parties.values()
            if other.registration == party.registration and other.id != party_id
        ]

    def parties_of(self, person_id: str) -> set[str]:
        """Every party a person stood for, at any election held."""
        return {c.party for _, c in self.by_person_id.get(f"person:{person_id}", [])}

    def general_years(self) -> list[int]:
        held = [*self.records.values(), self.general_2024]
        return sorted(int(e.date[:4]) for e in held if e.kind == GENERAL)

    def general(self, year: int) -> ElectionRecord | None:
        if year == int(self.general_2024.date[:4]):
            return self.general_2024
        return self.records.get(f"ge{year}")

    def first_year(self) -> int:
        return min(self.general_years())

    def by_elections(self) -> list[Race]:
        return [r for r in self.races if r.election.kind == BY_ELECTION]

    def race(self, election: ElectionRecord, seat: str) -> Race | None:
        return next((r for r in self.by_election_id[election.id] if r.seat == seat), None)

    def party_name(self, party_id: str) -> str:
        party = self.parties.get(party_id)
        return party.name if party else party_id

    def totals(self, election: ElectionRecord, seats: set[str] | None = None) -> list[PartyTotal]:
        """Each party's seats, votes and share at a general election, most seats first;
        `seats`: only these seats (a region or nation). The whole country's, once each."""
        if seats is None:
            if election.id not in self._national:
                self._national[election.id] = self._totals(election, None)
            return self._national[election.id]
        return self._totals(election, seats)

    def _totals(self, election: ElectionRecord, seats: set[str] | None) -> list[PartyTotal]:
        races = [r for r in self.by_election_id[election.id] if seats is None or r.seat in seats]
        valid = sum(r.valid_votes for r in races)
        seats_won: dict[str, int] = defaultdict(int)
        votes: dict[str, int] = defaultdict(int)
        standing: dict[str, int] = defaultdict(int)
        for race in races:
            seats_won[race.winner.party] += 1
            for candidacy in race.candidates:
                votes[candidacy.party] += candidacy.votes
                standing[candidacy.party] += 1
        found = [
            PartyTotal(p, seats_won[p], votes[p], 100 * votes[p] / valid if valid else 0.0, n)
            for p, n in standing.items()
        ]
        return sorted(found, key=lambda t: (-t.seats, -t.votes))

    def seats_in(self, election: ElectionRecord, place_names: set[str]) -> set[str]:
        """The seats of a general election in a region or nation, by its name."""
        return {
            r.seat
            for r in self.by_election_id[election.id]
            if r.region in place_names or r.country in place_names
        }

    @cached_property
    def _since_2024(self) -> dict[str, Race]:
        """Each 2024 seat's latest by-election: read apart from every other race, as every
        answer about a 2024 seat asks for it."""
        latest: dict[str, Race] = {}
        for contest in self._contests:
            election = self.records[contest.election]
            if election.kind == BY_ELECTION and election.boundaries == 2024:
                race = self._race(contest)
                if contest.seat not in latest or latest[contest.seat].election.date < election.date:
                    latest[contest.seat] = race
        return latest

    def latest_by_election(self, seat: str) -> Race | None:
        """The latest by-election in a 2024 seat since the 2024 general election."""
        return self._since_2024.get(seat)

    # --- building ---------------------------------------------------------------------------

    def _race(self, contest: Contest) -> Race:
        election = self.records[contest.election]
        return Race(
            election, contest.seat, contest.name, election.boundaries, contest.electorate,
            contest.valid_votes, contest.majority, contest.result, tuple(contest.candidates),
            contest.region, contest.country, (contest.seats_source, contest.row),
            contest.candidates_source, _declared(contest.declared),
        )  # fmt: skip

    def _races_of_2024(self) -> list[Race]:
        """The 2024 results as races: what the catalog counts, with each person's IDs."""
        catalog = self.catalog
        found = []
        for seat in catalog.seats_with_counts:
            standing = sorted(
                (r for r in catalog.results_by_seat.get(seat.id, []) if r.votes is not None),
                key=lambda r: -(r.votes or 0),
            )
            if not standing or seat.electorate is None or seat.valid_votes is None:
                continue
            candidates = []
            candidates_source = None
            for result in standing:
                person = catalog.people.get(result.person or "")
                fact = catalog.stated(result, "votes")
                candidates_source = fact.source if fact is not None else candidates_source
                candidates.append(
                    Candidacy(
                        person.name if person else catalog.candidate_name(result),
                        result.party or "", result.party_label or "", result.votes or 0,
                        result.share or 0.0, bool(result.elected), result.gender,
                        person.mnis_id if person else None, person.dc_id if person else None,
                        result.person, fact.row or 0 if fact is not None else 0,
                    )
                )  # fmt: skip
            seat_fact = catalog.facts.get(seat.facts[0]) if seat.facts else None
            seat_row = (
                (seat_fact.source, seat_fact.row)
                if seat_fact is not None and seat_fact.source and seat_fact.row
                else None
            )
            found.append(
                Race(
                    self.general_2024,
                    seat.id,
                    seat.name,
                    2024,
                    seat.electorate,
                    seat.valid_votes,
                    seat.majority or 0,
                    seat.result or "",
                    tuple(candidates),
                    seat.region,
                    seat.country,
                    seat_row,
                    candidates_source,
                )
            )
        return found


# How the Library's files give a declaration time: "13/12/2019 03:05", UK time
DECLARED_FORMAT = "%d/%m/%Y %H:%M"


def _declared(text: str | None) -> datetime | None:
    """The declaration time; None where the file gives none, or none that reads as a time
    (no time is guessed)."""
    try:
        return datetime.strptime(text, DECLARED_FORMAT) if text else None
    except ValueError:
        return None
