"""What answers over many seats share: the seats and results in a scope, shares, and the
reply when no loaded source counts them."""

from __future__ import annotations

from collections.abc import Sequence

from bot.engine.answers.scope import Scope
from bot.engine.model.answer import Answer, Block, BulletList, Paragraph, Status, paragraph
from bot.engine.results.catalog import Catalog
from bot.engine.wording.phrases import number, percent
from knowledge.schema import CandidateResult, Constituency

LIST_LENGTH = 10


def uncounted(catalog: Catalog) -> str:
    """Why a question over seats' whole counts has no answer: no loaded source counts them."""
    return catalog.provenance.lacks("give every seat’s full count, which that needs.")


def not_counted(catalog: Catalog) -> Answer:
    return Answer(
        Status.NOT_FOUND, (paragraph(uncounted(catalog)),), headline="Needs every seat’s count"
    )


def counted_seats(catalog: Catalog, scope: Scope) -> list[Constituency]:
    """Seats with a whole count in the scope (a seat only an article tells of has none)."""
    if scope.seat_ids is None:
        return catalog.seats_with_counts
    return [seat for seat in catalog.seats_with_counts if seat.id in scope.seat_ids]


def results_in(catalog: Catalog, scope: Scope) -> list[CandidateResult]:
    if scope.seat_ids is None:
        return catalog.counted_results
    return [r for r in catalog.counted_results if r.seat in scope.seat_ids]


def seat_fact_ids(seats: list[Constituency]) -> list[str]:
    return [fid for seat in seats for fid in seat.facts]


def share_of(part: int, whole: int) -> str:
    return percent(round(100 * part / whole, 1)) if whole else "no votes"


def seats_count(count: int) -> str:
    return f"{count} seat" if count == 1 else f"{count} seats"


def seat_name(catalog: Catalog, seat_id: str | None) -> str:
    return catalog.seats[seat_id].name if seat_id else "seat not named"


def turnout_sentence(catalog: Catalog, scope: Scope) -> str:
    seats = [s for s in counted_seats(catalog, scope) if s.electorate]
    if not seats:
        return ""
    cast = sum(s.valid_votes or 0 for s in seats)
    electorate = sum(s.electorate or 0 for s in seats)
    invalid = sum(s.invalid_votes or 0 for s in seats)
    where = scope.where or f" across all {len(seats)} seats"
    return (
        f"Turnout{where} was {share_of(cast, electorate)} ({number(cast)} valid votes of "
        f"{number(electorate)} electors; {number(invalid)} ballots were invalid)."
    )


def capped_list(items: Sequence[Paragraph]) -> list[Block]:
    """The first screenful of a long list, and how many more there are."""
    if not items:
        return []
    blocks: list[Block] = [BulletList(tuple(items[:LIST_LENGTH]))]
    if len(items) > LIST_LENGTH:
        blocks.append(paragraph(f"And {len(items) - LIST_LENGTH} more."))
    return blocks


def side_by_side(answers: Sequence[Answer]) -> Answer:
    """Several answers as one, one after the other (two seats, two places)."""
    return Answer(
        Status.ANSWERED,
        tuple(block for answer in answers for block in answer.blocks),
        headline=" | ".join(answer.headline for answer in answers),
        entities=tuple(key for answer in answers for key in answer.entities),
        sources=tuple(dict.fromkeys(src for answer in answers for src in answer.sources)),
    )
