"""Read-only lookups over a loaded Knowledge, built once: results by seat and person, the
facts about each entity, and the quoted sentences behind any fact."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.engine.model.answer import Source
from bot.engine.model.keys import Key, Kind
from bot.engine.results.outcomes import Outcome, outcomes
from bot.engine.results.provenance import Provenance
from bot.engine.results.sources import document_name, file_name
from bot.engine.understanding.index import Entity
from bot.engine.understanding.places import places, seat_nicknames
from bot.engine.wording.times import at_time
from knowledge.schema import (
    CandidateResult,
    ChangeFact,
    ComparisonFact,
    DiscrepancyFact,
    Fact,
    Knowledge,
    MajorityFact,
    NoteFact,
    Party,
    RecordedFact,
    ResultFact,
    RoleFact,
    SaidFact,
    SeatFact,
)

# A party standing this many candidates is known by its short code ("LD", "SNP").
KNOWN_PARTY_CANDIDATES = 50


def seat_key(seat_id: str) -> Key:
    return Key.of(Kind.SEAT, seat_id)


def person_key(person_id: str) -> Key:
    return Key.of(Kind.PERSON, person_id)


def party_key(party_id: str) -> Key:
    return Key.of(Kind.PARTY, party_id)


def place_key(place_id: str) -> Key:
    return Key.of(Kind.PLACE, place_id)


@dataclass(frozen=True)
class Majority:
    votes: int
    first: CandidateResult
    second: CandidateResult
    facts: list[str]


class Catalog:
    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.seats = {c.id: c for c in knowledge.constituencies}
        self.people = {p.id: p for p in knowledge.people}
        self.parties = {p.id: p for p in knowledge.parties}
        self.facts: dict[str, Fact] = {f.id: f for f in knowledge.facts}
        self.results = list(knowledge.results)
        self.results_by_id = {r.id: r for r in self.results}
        self.results_by_seat: dict[str, list[CandidateResult]] = defaultdict(list)
        self.results_by_person: dict[str, list[CandidateResult]] = defaultdict(list)
        for result in self.results:
            if result.seat is not None:
                self.results_by_seat[result.seat].append(result)
            if result.person is not None:
                self.results_by_person[result.person].append(result)
        self.majorities = {f.seat: f for f in knowledge.facts if isinstance(f, MajorityFact)}
        self.changes = {f.person: f for f in knowledge.facts if isinstance(f, ChangeFact)}
        self.said: dict[str, list[SaidFact]] = defaultdict(list)
        self.roles: dict[str, list[RoleFact]] = defaultdict(list)
        self.notes: dict[str, list[NoteFact]] = defaultdict(list)
        for fact in knowledge.facts:
            if isinstance(fact, SaidFact):
                self.said[fact.person].append(fact)
            elif isinstance(fact, RoleFact):
                self.roles[fact.person].append(fact)
            elif isinstance(fact, NoteFact):
                for about in fact.about:
                    self.notes[about].append(fact)
        self.comparisons = [f for f in knowledge.facts if isinstance(f, ComparisonFact)]
        # The row of the Library's sheet of recorded times behind each seat's, where loaded
        self.recorded = {f.seat: f for f in knowledge.facts if isinstance(f, RecordedFact)}
        self.discrepancies: dict[str, list[DiscrepancyFact]] = defaultdict(list)
        for fact in knowledge.facts:
            if isinstance(fact, DiscrepancyFact):
                self.discrepancies[fact.subject].append(fact)
        self.provenance = Provenance(knowledge)
        # Results from a whole count (a dataset's rows), not only from what an article tells:
        # totals, rankings and counts over seats add these up.
        self.counted_results = [r for r in self.results if self.is_counted(r)]
        self.counted_by_party: dict[str, list[CandidateResult]] = defaultdict(list)
        for result in self.counted_results:
            if result.party is not None:
                self.counted_by_party[result.party].append(result)
        self.outcomes = outcomes(knowledge.constituencies, knowledge.parties)
        self.gained_by_party: dict[str, set[str]] = defaultdict(set)
        for seat_id, outcome in self.outcomes.items():
            if outcome.changed_hands:
                self.gained_by_party[outcome.winner].add(seat_id)
        self.places = places(knowledge.constituencies)
        self._seatless = [r for r in self.results if r.seat is None]
        # Seats with a whole count (a seat only an article tells of has no full result).
        self.seats_with_counts = [s for s in knowledge.constituencies if s.valid_votes is not None]

    def entities(self) -> list[Entity]:
        seats = [
            Entity(seat_key(s.id), Kind.SEAT, s.name, (*s.aliases, *seat_nicknames(s)))
            for s in self.seats.values()
        ]
        places = [
            Entity(place_key(p.id), Kind.PLACE, p.name, p.aliases) for p in self.places.values()
        ]
        people = [
            Entity(person_key(p.id), Kind.PERSON, p.name, tuple(p.aliases))
            for p in self.people.values()
        ]
        parties = [
            Entity(party_key(p.id), Kind.PARTY, p.name, self._party_aliases(p))
            for p in self.parties.values()
        ]
        return seats + people + parties + places

    def _party_aliases(self, party: Party) -> tuple[str, ...]:
        """A small party's short code in the Library's files ("Pro", "Cli", "HI") is no name
        anyone types, and reads as a word ("pro-Palestine"): only known parties keep theirs."""
        standing = self.counted_by_party.get(party.id, [])
        known = any(r.elected for r in standing) or len(standing) >= KNOWN_PARTY_CANDIDATES
        short = party.abbreviation if party.abbreviation and len(party.abbreviation) <= 3 else None
        return tuple(a for a in party.aliases if known or a != short)

    def name_of(self, key: Key) -> str:
        """The name of any entity, by its key."""
        kind, entity_id = key.kind, key.id
        named: dict[Kind, Callable[[str], str]] = {
            Kind.SEAT: lambda i: self.seats[i].name,
            Kind.PERSON: lambda i: self.people[i].name,
            Kind.PARTY: lambda i: self.parties[i].name,
            Kind.PLACE: lambda i: self.places[i].name,
        }
        return named[kind](entity_id)

    def party_name(self, party_id: str | None) -> str | None:
        return self.parties[party_id].name if party_id in self.parties else None

    def candidate_name(self, result: CandidateResult) -> str:
        if result.person is not None:
            return self.people[result.person].name
        party = self.party_name(result.party)
        return f"the {party} candidate" if party else "a candidate"

    def outcome(self, seat_id: str) -> Outcome | None:
        return self.outcomes.get(seat_id)

    def winner(self, seat_id: str) -> CandidateResult | None:
        return next((r for r in self.results_by_seat.get(seat_id, []) if r.elected), None)

    def at_place(self, seat_id: str, place: int) -> CandidateResult | None:
        return next((r for r in self.results_by_seat.get(seat_id, []) if r.place == place), None)

    def _describe(self, fact: Fact) -> str:
        """A dataset row in words, to show beside the article's quotes."""
        if isinstance(fact, SeatFact):
            seat = self.seats[fact.seat].name
            outcome = self.outcomes.get(fact.seat)
            result = outcome.words() if outcome else fact.result
            return (
                f"{seat}: {result}; electorate {fact.electorate:,}, valid votes "
                f"{fact.valid_votes:,}, invalid {fact.invalid_votes:,}, majority {fact.majority:,}"
            )
        if isinstance(fact, RecordedFact):
            seat = self.seats[fact.seat].name
            if fact.recorded is None:
                return f"{seat}: no result in the sheet"
            return f"{seat}: result recorded at {at_time(datetime.fromisoformat(fact.recorded))}"
        if isinstance(fact, ResultFact) and fact.person and fact.seat:
            share = f" ({fact.share:g}%)" if fact.share is not None else ""
            return (
                f"{self.people[fact.person].name}, {fact.party_label}, "
                f"{self.seats[fact.seat].name}: {fact.votes or 0:,} votes{share}"
            )
        return fact.id

    def seatless_results_mentioning(self, place: str) -> list[CandidateResult]:
        """Results whose seat the article does not name but whose sentence names the place."""
        return [
            r for r in self._seatless if any(place in (f.quote or "") for f in self.result_facts(r))
        ]

    def result_facts(self, result: CandidateResult) -> list[ResultFact]:
        return [f for fid in result.facts if isinstance(f := self.facts[fid], ResultFact)]

    def stated(self, result: CandidateResult, attribute: str) -> ResultFact | None:
        """The first fact of the result that states the attribute (outcome, margin, ...)."""
        return next(
            (f for f in self.result_facts(result) if getattr(f, attribute) is not None), None
        )

    def is_derived(self, result: CandidateResult, attribute: str) -> bool:
        """True when the attribute is known only by derivation: no source states it."""
        stating = [f for f in self.result_facts(result) if getattr(f, attribute) is not None]
        return bool(stating) and all(f.derived_from for f in stating)

    def is_counted(self, result: CandidateResult) -> bool:
        """The result comes from a dataset's row of a whole count (not only from an article)."""
        return any(self.facts[fid].row is not None for fid in result.facts)

    @property
    def counts_every_seat(self) -> bool:
        """Whether a loaded source gives every seat's whole count: what totals, rankings and
        counts over seats need."""
        return self.provenance.counts_every_seat

    def has_count(self, seat_id: str) -> bool:
        return self.seats[seat_id].valid_votes is not None

    def discrepancies_about(self, subjects: list[str]) -> list[DiscrepancyFact]:
        return [d for subject in subjects for d in self.discrepancies.get(subject, [])]

    def majority_of(self, seat_id: str) -> Majority | None:
        """The winner's lead over the runner-up: official where imported, else worked out."""
        seat = self.seats.get(seat_id)
        first, second = self.at_place(seat_id, 1), self.at_place(seat_id, 2)
        if seat is not None and seat.majority is not None and first and second:
            facts = [*seat.facts, first.facts[0], second.facts[0]]
            return Majority(seat.majority, first, second, facts)
        derived = self.majorities.get(seat_id)
        if derived is None:
            return None
        first, second = self.results_by_id[derived.winner], self.results_by_id[derived.runner_up]
        return Majority(derived.majority, first, second, [derived.id])

    def sources_of(self, fact_ids: list[str]) -> tuple[Source, ...]:
        """The sources behind facts, following derived facts to what they use: a quoted
        sentence for an article's fact, the row in words for a dataset's."""
        seen: dict[str, Source] = {}
        pending = list(fact_ids)
        while pending:
            fact = self.facts.get(pending.pop(0))
            if fact is None or fact.id in seen:
                continue
            document = self.provenance.source_of(fact)
            if fact.row is not None and document is not None:
                seen[fact.id] = Source(
                    fact.id, self._describe(fact), document_name(document), False,
                    file_name(document), fact.row,
                )  # fmt: skip
            elif fact.quote is None or document is None:
                pending.extend(fact.derived_from)
            else:
                seen[fact.id] = Source(fact.id, fact.quote, document_name(document))
        unique: dict[str, Source] = {}
        for source in seen.values():
            unique.setdefault(source.text, source)
        return tuple(unique.values())
