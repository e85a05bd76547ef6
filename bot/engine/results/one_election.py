"""An earlier general election as knowledge of the same shape as 2024's official results, so
the one evaluator computes any question over it ("biggest majority in 2017", "how many women
MPs in 2015"): seats, results and the facts behind them, each fact the file's row.

People keep the id the build linked them by (a 2024 person, or an MP's MNIS ID), so "Ed
Davey's majority in 2017" selects the same person it does in 2024; an unlinked candidate is
a person of that election alone."""

from __future__ import annotations

from knowledge.ids import slug
from knowledge.schema import (
    CandidateResult,
    Constituency,
    Election,
    Fact,
    Knowledge,
    Person,
    ResultFact,
    SeatFact,
)

# The files write gender "M"/"F" some years, "Male"/"Female" others; the evaluator reads these.
_GENDER = {"M": "Male", "F": "Female"}


def election_knowledge(knowledge: Knowledge, election_id: str) -> Knowledge:
    """One general election of the history as its own knowledge (about 0.3 s, once a year
    asked about: built when first asked, not at start)."""
    record = next(e for e in knowledge.elections if e.id == election_id)
    contests = [c for c in knowledge.contests if c.election == election_id]
    people = {p.id: p for p in knowledge.people}
    seats: list[Constituency] = []
    results: list[CandidateResult] = []
    facts: list[Fact] = []
    named: dict[str, Person] = {}
    for contest in contests:
        seat_fact = SeatFact(
            id=f"{contest.seats_source}-{contest.row}", source=contest.seats_source,
            row=contest.row, seat=contest.seat, electorate=contest.electorate,
            valid_votes=contest.valid_votes, invalid_votes=contest.invalid_votes or 0,
            majority=contest.majority, result=contest.result, declared=contest.declared,
        )  # fmt: skip
        facts.append(seat_fact)
        seats.append(
            Constituency(
                id=contest.seat,
                name=contest.name,
                region=contest.region,
                country=contest.country,
                electorate=contest.electorate,
                valid_votes=contest.valid_votes,
                invalid_votes=contest.invalid_votes,
                majority=contest.majority,
                result=contest.result,
                declared=contest.declared,
                facts=[seat_fact.id],
            )
        )
        for place, candidacy in enumerate(contest.candidates, start=1):
            person_id = candidacy.person or f"{slug(candidacy.name)}--{contest.seat}"
            if person_id not in named:
                known = people.get(person_id)
                named[person_id] = (
                    known.model_copy(update={"name": candidacy.name})
                    if known is not None
                    else Person(id=person_id, name=candidacy.name)
                )
            fact = ResultFact(
                id=f"{contest.candidates_source}-{candidacy.row}",
                source=contest.candidates_source, row=candidacy.row, seat=contest.seat,
                person=person_id, party=candidacy.party, year=int(record.date[:4]),
                votes=candidacy.votes, share=round(candidacy.share, 1), place=place,
                elected=place == 1, sitting_mp=candidacy.sitting, former_mp=candidacy.former,
                gender=_GENDER.get(candidacy.gender or "", candidacy.gender),
                party_label=candidacy.party_label,
            )  # fmt: skip
            facts.append(fact)
            results.append(
                CandidateResult(
                    id=f"{contest.seat}--{person_id}",
                    seat=contest.seat,
                    person=person_id,
                    party=candidacy.party,
                    votes=candidacy.votes,
                    share=fact.share,
                    place=place,
                    elected=place == 1,
                    sitting_mp=candidacy.sitting,
                    former_mp=candidacy.former,
                    gender=fact.gender,
                    party_label=candidacy.party_label,
                    facts=[fact.id],
                )
            )
    sources = [
        document.model_copy(update={"kind": "dataset"})  # whole counts, as 2024's are
        for document in knowledge.sources
        if document.id
        in {c.seats_source for c in contests[:1]} | {c.candidates_source for c in contests[:1]}
    ]
    return Knowledge(
        election=Election(
            id=record.id, name=f"UK general election {record.date[:4]}", date=record.date
        ),
        sources=sources,
        constituencies=seats,
        people=list(named.values()),
        parties=[*knowledge.parties, *knowledge.history_parties],
        results=results,
        facts=facts,
    )
