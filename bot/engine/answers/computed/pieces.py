"""The small pieces computed answers share: list lengths, what adds up, a value over rows,
and the plain answer, list and refusal every kind of computed answer may give."""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass

from bot.engine.answers.computed.table import CandidacyRow, figure
from bot.engine.model.answer import (
    Answer,
    Block,
    BulletList,
    Paragraph,
    Status,
    paragraph,
)
from bot.engine.model.ask import (
    Ask,
    Measure,
    Operation,
    Selection,
    Unit,
)
from bot.engine.wording.measures import MEASURES
from bot.engine.wording.phrases import ordinal

LIST_LENGTH = 10
RANK_LENGTH = 5
# Figures that mean nothing added up or averaged over many rows.
NOT_ADDABLE = frozenset(
    {
        Measure.POSITION,
        Measure.BEHIND,
        Measure.AHEAD,
        Measure.CHANGE,
        Measure.MAJORITY,
        Measure.SWING,
    }
)
# "more votes", "a larger majority"; any other measure is "a higher" one.
MORE = {
    **dict.fromkeys((Measure.VOTES, Measure.VALID, Measure.INVALID, Measure.CANDIDATES,
                     Measure.SEATS, Measure.BEHIND), "more"),
    **dict.fromkeys((Measure.MAJORITY, Measure.ELECTORATE, Measure.AHEAD), "a larger"),
}  # fmt: skip
PARTY_MEASURES = frozenset(
    {Measure.SEATS, Measure.VOTES, Measure.SHARE, Measure.CANDIDATES, Measure.NUMBER}
)


@dataclass(frozen=True)
class Value:
    """A figure over a selection: a single row's, or many rows' added up."""

    amount: float
    rows: int  # how many rows it is over


def shown_measure(ask: Ask) -> Measure:
    if ask.measure is not None:
        return ask.measure
    if ask.selection.thresholds:
        return ask.selection.thresholds[0].measure
    return Measure.MAJORITY if ask.unit is Unit.SEAT and not ask.selection.candidate_filtered \
        else Measure.VOTES  # fmt: skip


def signed(points: float) -> str:
    """'+8.5', '−7.1': a true minus sign, as every change in share is written."""
    return f"{points:+.1f}".replace("-", "\N{MINUS SIGN}")


def people_noun(selection: Selection) -> str:
    return {"Female": "women", "Male": "men"}.get(selection.gender or "", "candidates")


def position_word(row: CandidacyRow) -> str:
    return "last" if row.last and row.position > 2 else ordinal(row.position)


def first_by(rows: list[CandidacyRow], measure: Measure, limit: int) -> list[CandidacyRow]:
    """The rows a list shows: the largest figures first (only those are sorted)."""
    return heapq.nlargest(limit, rows, key=lambda r: figure(r, measure) or 0)


def capped(items: Sequence[Paragraph], limit: int, total: int | None = None) -> list[Block]:
    if not items:
        return []
    total = len(items) if total is None else total
    blocks: list[Block] = [BulletList(tuple(items[:limit]))]
    if total > limit:
        blocks.append(paragraph(f"And {total - limit:,} more."))
    return blocks


def plain(status: Status, text: str) -> Answer:
    return Answer(status, (paragraph(text),), headline=text)


# A mean of these says nothing: a place in a seat, seats of a party, a seat's two-party swing.
NOT_AVERAGED = frozenset({Measure.POSITION, Measure.SEATS, Measure.SWING, Measure.NUMBER})


def refusal(ask: Ask) -> str | None:
    """Why an Ask cannot be computed, or None: the combinations that make no sense."""
    measure, operation = ask.measure, ask.operation
    if measure is None:
        if operation in {Operation.RANK, Operation.TOTAL, Operation.COMPARE, Operation.AVERAGE}:
            return cannot_combine(ask)
        return None
    if ask.unit in {Unit.REGION, Unit.NATION} and operation is not Operation.RANK:
        return (f"I can only rank {ask.unit.value} by a measure (“which region had the highest "
                "turnout”); ask about one by name for the rest.")  # fmt: skip
    if ask.unit in {Unit.REGION, Unit.NATION} and measure in NOT_ADDABLE:
        return (f"I can’t rank {ask.unit.value} by {MEASURES[measure].noun}: it belongs to a "
                "candidate or a seat, not to many seats together.")  # fmt: skip
    if ask.unit is Unit.PARTY and measure not in PARTY_MEASURES:
        return (f"I can’t rank parties by {MEASURES[measure].noun}; I can rank them by seats, "
                "votes, share of the vote or candidates.")  # fmt: skip
    if operation is Operation.RANK and measure is Measure.POSITION:
        return ("I can’t rank by finishing position; ask who came first, second or last, or "
                "where a party came second.")  # fmt: skip
    if operation is Operation.AVERAGE and measure in NOT_AVERAGED:
        return (f"I can’t average {MEASURES[measure].noun}; I can average votes, share, "
                "majority, turnout, electorate, valid and invalid votes, candidates, change on "
                "2019 and votes behind or ahead.")  # fmt: skip
    if operation is Operation.TOTAL and measure in NOT_ADDABLE:
        return (f"I can’t add up {MEASURES[measure].noun} over many candidates; I can rank or "
                "list them (“biggest …”, “which … over …”).")  # fmt: skip
    return None


def cannot_combine(ask: Ask) -> str:
    measure = MEASURES[ask.measure].noun if ask.measure else "what"
    return (
        f"I can’t answer that ({ask.operation} of {measure}) yet. I can look up, count, list, "
        "rank, total, average and compare votes, share, majority, turnout, electorate, valid and "
        "invalid votes, change on 2019, votes behind the winner, seats and candidates."
    )
