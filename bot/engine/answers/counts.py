"""Counts of candidates: all who stood, winners and losers narrowed by party, gender, sitting
MPs and first-time winners; where a party came Nth."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from bot.engine.answers.scope import EVERY_SEAT, Scope
from bot.engine.answers.tally import (
    LIST_LENGTH,
    capped_list,
    counted_seats,
    not_counted,
    results_in,
    seat_name,
)
from bot.engine.model.answer import Answer, Block, Status, bold, paragraph
from bot.engine.results.catalog import Catalog, party_key
from bot.engine.understanding.intents import Filters, Outcome
from bot.engine.wording.describe import singular
from bot.engine.wording.phrases import (
    number,
    party_as_subject,
    with_party,
)
from bot.engine.wording.phrases import ordinal as ordinal_word
from knowledge.schema import CandidateResult


def candidate_count(catalog: Catalog, scope: Scope = EVERY_SEAT) -> Answer:
    """How many candidates stood, and where most and fewest did."""
    if not counted_seats(catalog, scope):
        return not_counted(catalog)
    per_seat = Counter(r.seat for r in results_in(catalog, scope) if r.seat)
    total = sum(per_seat.values())
    most = max(per_seat.values())
    busiest = sorted(catalog.seats[s].name for s, n in per_seat.items() if n == most)
    fewest = min(per_seat.values())
    lead = f"{number(total)} candidates stood{scope.where}, in {len(per_seat)} seats."
    detail = (
        f"Most in one seat: {most} ({', '.join(busiest[:3])}"
        + (f" and {len(busiest) - 3} more" if len(busiest) > 3 else "")
        + f"); fewest: {fewest}; {total / len(per_seat):.1f} on average."
    )
    return Answer(
        Status.ANSWERED,
        (paragraph(lead), paragraph(detail)),
        headline=f"{number(total)} candidates{scope.where}",
        entities=scope.keys,
        sources=catalog.provenance.whole_dataset("result", "candidates counted"),
    )


def count(
    catalog: Catalog, scope: Scope, party_id: str | None, filters: Filters, listed: bool = False
) -> Answer:
    """How many candidates: all who stood, or the winners, or those who lost, narrowed by
    party, gender, sitting MPs and first-time winners; the number first."""
    if not counted_seats(catalog, scope):
        return not_counted(catalog)
    plain = filters == Filters() or filters == Filters(outcome=None)
    if plain and party_id is None:
        return candidate_count(catalog, scope)
    pool = [r for r in results_in(catalog, scope) if party_id is None or r.party == party_id]
    everyone = len(pool)
    noun, verb, counted = _counted_as(filters)
    pool = [r for r in pool if counted(r) and filters.gender in {None, r.gender}]
    who = _described(catalog, party_id, filters.gender, noun)
    winners = sum(bool(r.elected) for r in results_in(catalog, scope))
    party = f"{catalog.parties[party_id].name} " if party_id else ""
    of = (
        f", of {winners} MPs{scope.where}" if verb == "were elected"
        # "96 Reform UK women candidates stood, of 609 Reform UK candidates"; all of them: no "of"
        else f", of {everyone:,} {party}candidates{scope.where}" if verb == "stood" and (
            len(pool) != everyone)
        else f"{scope.where}"
    )  # fmt: skip
    if len(pool) == 1:  # "1 Scottish National Party woman MP was elected"
        who, verb = (
            singular(who),
            verb.replace("were ", "was ").replace("their seats", "their seat"),
        )
    lead = f"{number(len(pool))} {who} {verb}{of}."
    shown = sorted(pool, key=lambda r: catalog.seats[r.seat or ""].name if r.seat else "")
    blocks: list[Block] = [paragraph(lead)]
    if listed or len(shown) <= LIST_LENGTH:  # "which women won": the list too
        blocks += capped_list(
            [
                paragraph(bold(with_party(catalog, r)), f", {seat_name(catalog, r.seat)}")
                for r in shown
            ]
        )
    return Answer(
        Status.ANSWERED,
        tuple(blocks),
        headline=lead.rstrip("."),
        entities=(*(party_key(p) for p in [party_id] if p), *scope.keys),
        sources=catalog.provenance.whole_dataset("result", "candidates counted"),
    )


def _counted_as(filters: Filters) -> tuple[str, str, Callable[[CandidateResult], bool]]:
    """Who a count is of, as (noun, verb, test): first-time winners, sitting MPs who lost,
    MPs elected, sitting MPs, or every candidate."""
    sitting = filters.sitting
    if filters.first_time:
        return (
            "first-time winners",
            "were elected",
            lambda r: bool(r.elected and not r.sitting_mp and not r.former_mp),
        )
    if filters.outcome is Outcome.LOST:
        return "sitting MPs", "lost their seats", lambda r: bool(r.sitting_mp and not r.elected)
    if filters.outcome is Outcome.WON:
        noun = "sitting MPs" if sitting else "MPs"
        return noun, "were elected", lambda r: bool(r.elected and (r.sitting_mp or not sitting))
    if sitting:
        return "sitting MPs", "stood", lambda r: bool(r.sitting_mp)
    return "candidates", "stood", lambda r: True


def _described(catalog: Catalog, party_id: str | None, gender_of: str | None, noun: str) -> str:
    party = f"{catalog.parties[party_id].name} " if party_id else ""
    gender = {"Female": "women ", "Male": "men "}.get(gender_of or "", "")
    if gender and noun == "candidates":
        return f"{party}{gender}candidates".strip()
    if gender and noun == "MPs":
        return f"{party}{gender}".strip() if not party else f"{party}{gender}MPs"
    return f"{party}{gender}{noun}"


def placed(catalog: Catalog, party_id: str, place: int, scope: Scope = EVERY_SEAT) -> Answer:
    """Where a party's candidates came Nth ("where did Reform come second")."""
    party = catalog.parties[party_id]
    found = sorted(
        (r for r in results_in(catalog, scope) if r.party == party_id and r.place == place),
        key=lambda r: -(r.votes or 0),
    )
    nth = ordinal_word(place)
    seats = "seat" if len(found) == 1 else "seats"
    lead = f"{party_as_subject(party)} came {nth} in {len(found)} {seats}{scope.where}"
    items = [
        paragraph(bold(seat_name(catalog, r.seat)), f": {catalog.candidate_name(r)}, "
                  f"{number(r.votes or 0)} votes")
        for r in found
    ]  # fmt: skip
    blocks: list[Block] = [
        paragraph(lead + (", most votes first:" if found else ".")),
        *capped_list(items),
    ]
    return Answer(
        Status.ANSWERED,
        tuple(blocks),
        headline=lead,
        entities=(party_key(party_id), *scope.keys),
        sources=catalog.provenance.whole_dataset("result", f"{party.name}’s places"),
    )
