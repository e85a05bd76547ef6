"""Merging the result facts of each candidacy into one CandidateResult per candidate.

The article states some results twice (the narrative and the list): the votes must agree,
places and outcomes must agree, and the list's share (one decimal) wins over the narrative's
rounded one. Anything the facts do not state stays None: unknown, never guessed.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import TypeVar

from knowledge.errors import BuildError
from knowledge.schema import CandidateResult, ResultFact

ELECTION_YEAR = 2024
# The narrative rounds shares ("19 percent", "almost 50 percent"); the list gives decimals.
SHARE_ROUNDING_TOLERANCE = 1.0

T = TypeVar("T")


def candidacy_key(fact: ResultFact) -> tuple[str, str]:
    who = fact.person if fact.person is not None else f"party-{fact.party}"
    return (fact.seat or "seat-not-named", who)


def assemble_results(facts: list[ResultFact]) -> list[CandidateResult]:
    """One CandidateResult per candidacy of this election, in seat then place order."""
    groups: dict[tuple[str, str], list[ResultFact]] = defaultdict(list)
    for fact in facts:
        if fact.year == ELECTION_YEAR:
            groups[candidacy_key(fact)].append(fact)
    results = [_merge(key, group) for key, group in groups.items()]
    results.sort(key=lambda r: (r.seat or "~", r.place or 99, -(r.votes or 0), r.id))
    _check_seat_order(results)
    return results


def _merge(key: tuple[str, str], group: list[ResultFact]) -> CandidateResult:
    result_id = "--".join(key)
    place = _agreed(result_id, "place", [f.place for f in group])
    elected = _agreed(result_id, "elected", [f.elected for f in group])
    if place is not None:
        implied = place == 1
        if elected is not None and elected != implied:
            raise BuildError(f"result {result_id!r}: place {place} contradicts elected={elected}")
        elected = implied
    return CandidateResult(
        id=result_id,
        seat=group[0].seat,
        person=group[0].person,
        party=_agreed(result_id, "party", [f.party for f in group]),
        votes=_agreed(result_id, "votes", [f.votes for f in group]),
        share=_share(result_id, group),
        place=place,
        elected=elected,
        facts=[f.id for f in group],
    )


def _agreed(result_id: str, field: str, values: list[T | None]) -> T | None:
    known = [value for value in values if value is not None]
    if any(value != known[0] for value in known):
        raise BuildError(f"result {result_id!r}: the facts disagree on {field}: {known}")
    return known[0] if known else None


def _share(result_id: str, group: list[ResultFact]) -> float | None:
    stated = [f for f in group if f.share is not None]
    if not stated:
        return None
    best = min(stated, key=lambda f: (f.heading is None, f.share_qualifier is not None))
    assert best.share is not None
    for other in stated:
        assert other.share is not None
        if abs(other.share - best.share) > SHARE_ROUNDING_TOLERANCE:
            raise BuildError(
                f"result {result_id!r}: shares {best.share} and {other.share} disagree "
                f"(facts {best.id!r}, {other.id!r})"
            )
    return best.share


def _check_seat_order(results: list[CandidateResult]) -> None:
    """Within a seat, a better place never has fewer votes, and places are not shared."""
    by_seat: dict[str, list[CandidateResult]] = defaultdict(list)
    for result in results:
        if result.seat is not None:
            by_seat[result.seat].append(result)
    for seat, seat_results in by_seat.items():
        placed = [r for r in seat_results if r.place is not None]
        places = [r.place for r in placed]
        if len(places) != len(set(places)):
            raise BuildError(f"seat {seat!r}: two candidates share a place: {places}")
        for better, worse in itertools.pairwise(placed):
            if better.votes is not None and worse.votes is not None and better.votes < worse.votes:
                raise BuildError(
                    f"seat {seat!r}: {better.id!r} placed above {worse.id!r} with fewer votes"
                )
