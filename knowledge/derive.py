"""Facts computed from stated facts, each naming the facts it comes from.

Only arithmetic and strict logic: a winner is derived only when it is forced (someone
out-polled the stated runner-up), and a majority only when both of the top two have votes.
"""

from __future__ import annotations

from collections import defaultdict

from knowledge.results_view import ELECTION_YEAR
from knowledge.schema import CandidateResult, ChangeFact, MajorityFact, ResultFact


def _by_seat(results: list[CandidateResult]) -> dict[str, list[CandidateResult]]:
    seats: dict[str, list[CandidateResult]] = defaultdict(list)
    for result in results:
        if result.seat is not None:
            seats[result.seat].append(result)
    return seats


def derive_forced_winners(results: list[CandidateResult]) -> list[ResultFact]:
    """Where the runner-up is stated and exactly one other candidate out-polled them,
    that candidate came first: only one candidate can finish above second place."""
    derived: list[ResultFact] = []
    for seat, seat_results in _by_seat(results).items():
        if any(r.place == 1 for r in seat_results):
            continue
        runner_up = next((r for r in seat_results if r.place == 2 and r.votes is not None), None)
        if runner_up is None or runner_up.votes is None:
            continue
        ahead = [r for r in seat_results if r.place is None and (r.votes or 0) > runner_up.votes]
        if len(ahead) != 1:
            continue
        winner = ahead[0]
        derived.append(
            ResultFact(
                id=f"derived-winner-{seat}",
                seat=seat,
                person=winner.person,
                party=None,
                place=1,
                elected=True,
                derived_from=[*runner_up.facts, *winner.facts],
            )
        )
    return derived


def derive_majorities(results: list[CandidateResult]) -> list[MajorityFact]:
    """Winner's votes minus runner-up's, where both are known."""
    majorities: list[MajorityFact] = []
    for seat, seat_results in sorted(_by_seat(results).items()):
        first = next((r for r in seat_results if r.place == 1), None)
        second = next((r for r in seat_results if r.place == 2), None)
        if first is None or second is None or first.votes is None or second.votes is None:
            continue
        majorities.append(
            MajorityFact(
                id=f"majority-{seat}",
                seat=seat,
                majority=first.votes - second.votes,
                winner=first.id,
                runner_up=second.id,
                derived_from=[*first.facts, *second.facts],
            )
        )
    return majorities


def derive_changes(facts: list[ResultFact]) -> list[ChangeFact]:
    """A person's votes in an earlier election against this one, in the same seat."""
    earlier: dict[tuple[str | None, str | None], ResultFact] = {
        (f.person, f.seat): f
        for f in facts
        if f.year != ELECTION_YEAR and f.person and f.seat and f.votes is not None
    }
    changes: list[ChangeFact] = []
    for fact in facts:
        before = earlier.get((fact.person, fact.seat))
        if fact.year != ELECTION_YEAR or before is None or fact.votes is None:
            continue
        assert before.votes is not None
        assert fact.person
        assert fact.seat
        change = fact.votes - before.votes
        changes.append(
            ChangeFact(
                id=f"change-{fact.person}-{before.year}-{fact.year}",
                person=fact.person,
                seat=fact.seat,
                from_year=before.year,
                to_year=fact.year,
                votes_before=before.votes,
                votes_after=fact.votes,
                change=change,
                percent_change=round(100 * change / before.votes, 1),
                derived_from=[before.id, fact.id],
            )
        )
    return changes
