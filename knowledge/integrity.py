"""The reference checks a knowledge file passes when it is loaded, not only when it is built.

A file edited by hand or built by an older builder can name a seat, person, party, result or
fact that is not in it. Pydantic checks shapes, not references; without this the file would
load and then fail on the questions that reach the dangling id. The builder's checks
(knowledge.checks) are reused, so build and load agree on what a valid file is.
"""

from __future__ import annotations

from collections.abc import Iterator

from knowledge.checks import check_references, check_unique_ids
from knowledge.errors import BuildError
from knowledge.schema import DiscrepancyFact, Knowledge, MajorityFact, RecordedFact, SeatFact


def check_integrity(knowledge: Knowledge) -> None:
    """BuildError naming the first duplicate id or reference to nothing."""
    seats = {seat.id for seat in knowledge.constituencies}
    people = {person.id for person in knowledge.people}
    parties = {party.id for party in knowledge.parties}
    facts = {fact.id for fact in knowledge.facts}
    results = {result.id for result in knowledge.results}
    check_unique_ids("constituency", (seat.id for seat in knowledge.constituencies))
    check_unique_ids("person", (person.id for person in knowledge.people))
    check_unique_ids("party", (party.id for party in knowledge.parties))
    check_unique_ids("result", (result.id for result in knowledge.results))
    check_unique_ids("fact", (fact.id for fact in knowledge.facts))
    check_references(knowledge.facts, seats, people, parties)
    known = {
        "seat": seats, "person": people, "party": parties, "fact": facts,
        "result": results, "source": {source.id for source in knowledge.sources},
        "subject": results | seats,
    }  # fmt: skip
    known["party"] = parties | {party.id for party in knowledge.history_parties}
    known["election"] = {election.id for election in knowledge.elections}
    check_unique_ids("election", (election.id for election in knowledge.elections))
    for owner, kind, value in _references(knowledge):
        if value is not None and value not in known[kind]:
            raise BuildError(f"{owner}: {kind} {value!r} is not a known id")


def _references(knowledge: Knowledge) -> Iterator[tuple[str, str, str | None]]:
    """(who refers, to what kind, which id) for the references check_references leaves."""
    for result in knowledge.results:
        owner = f"result {result.id!r}"
        yield owner, "seat", result.seat
        yield owner, "person", result.person
        yield owner, "party", result.party
        yield from ((owner, "fact", fact) for fact in result.facts)
    for seat in knowledge.constituencies:
        yield from ((f"constituency {seat.id!r}", "fact", fact) for fact in seat.facts)
    for contest in knowledge.contests:
        owner = f"contest {contest.election}/{contest.seat}"
        yield owner, "election", contest.election
        yield owner, "source", contest.seats_source
        yield owner, "source", contest.candidates_source
        for candidacy in contest.candidates:
            yield owner, "party", candidacy.party
            yield owner, "person", candidacy.person
    for fact in knowledge.facts:
        owner = f"fact {fact.id!r}"
        yield owner, "source", fact.source
        if isinstance(fact, SeatFact | RecordedFact):
            yield owner, "seat", fact.seat
        elif isinstance(fact, MajorityFact):
            yield owner, "seat", fact.seat
            yield owner, "result", fact.winner
            yield owner, "result", fact.runner_up
        elif isinstance(fact, DiscrepancyFact):
            yield owner, "subject", fact.subject
