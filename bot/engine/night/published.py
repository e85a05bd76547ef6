"""The night so far, computed: any question the evaluator answers over the results ("how
many women have been elected", "Reform's share in Wales", "seats with a majority under
1,000"), answered over the seats whose votes are published at that moment, and said to be so.

A seat's row is the knowledge's, which holds the final figures: it is used only where the
feed has published the same figures (verified, or counted and equal to them), so nothing
from later in the night can show. A question only of who won ("how many women have been
elected", "which seats changed hands") needs no votes: it is answered over every seat
declared with the knowledge's winner, and shows no figure. Questions about one person or seat
go to the whole evaluator instead, whose answer is gated like any other (live.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cached_property

from bot.engine.answers.computed.evaluate import Evaluator
from bot.engine.answers.computed.pieces import LIST_LENGTH, plain, refusal
from bot.engine.answers.computed.summaries import counted_summary
from bot.engine.answers.computed.table import CandidacyRow
from bot.engine.model.answer import (
    Answer,
    Block,
    Paragraph,
    Source,
    Span,
    Status,
    bold,
    paragraph,
)
from bot.engine.model.ask import Ask, Measure, Operation, Selection, Unit
from bot.engine.night.results import (
    COMMONS_SEATS,
    NightCandidate,
    NightResults,
    NightSeat,
    Stage,
)
from bot.engine.night.wording import as_of
from bot.engine.results.catalog import Catalog
from bot.engine.wording.phrases import with_party

# The sources an answer over the seats published (or declared) so far names, in place of
# the whole dataset.
SO_FAR_SOURCE = "night:so-far"
DECLARED_SO_FAR_SOURCE = "night:declared-so-far"


@dataclass(frozen=True)
class SeatsOut:
    """The seats (by id) whose published figures are the knowledge's, by how many of them:
    the first figures of a count can be corrected later (an electorate, the rejected
    ballots) while every candidate's votes stand."""

    votes: frozenset[str]  # every candidate's votes and the valid votes
    whole_count: frozenset[str]  # and the electorate: the seat's own answer can show
    verified: frozenset[str]  # every figure, the rejected ballots too


def seats_out(catalog: Catalog, night: NightResults, ons_of: Mapping[str, str]) -> SeatsOut:
    seats = {seat_id: seat for seat_id, ons_id in ons_of.items()
             if (seat := night.seats.get(ons_id)) is not None}  # fmt: skip
    votes = frozenset(i for i, seat in seats.items() if _votes_as_known(catalog, i, seat))
    return SeatsOut(
        votes=votes,
        whole_count=frozenset(i for i in votes if _count_as_known(catalog, i, seats[i])),
        verified=frozenset(i for i, seat in seats.items() if seat.stage is Stage.VERIFIED),
    )


def declared_seats(
    catalog: Catalog, night: NightResults, ons_of: Mapping[str, str]
) -> frozenset[str]:
    """The seats (by id) declared with the winner the knowledge holds."""
    return frozenset(
        seat_id
        for seat_id, ons_id in ons_of.items()
        if (seat := night.seats.get(ons_id)) is not None
        and seat.winner is not None
        and _same_winner(catalog, seat_id, seat.winner)
    )


def elected_person(catalog: Catalog, seat_id: str) -> str | None:
    """The person (by id) the knowledge has elected in the seat."""
    known = catalog.winner(seat_id)
    return known.person if known is not None else None


def _same_winner(catalog: Catalog, seat_id: str, winner: NightCandidate) -> bool:
    """By the person's IDs where both sides have one, else by name and party."""
    known = catalog.winner(seat_id)
    if known is None or known.person is None:
        return False
    person = catalog.people[known.person]
    if person.mnis_id is not None and winner.mnis_id is not None:
        return person.mnis_id == winner.mnis_id
    if person.dc_id is not None and winner.dc_id is not None:
        return person.dc_id == winner.dc_id
    party = catalog.parties.get(known.party or "")
    return (
        person.name == winner.name
        and party is not None
        and (party.abbreviation == winner.party_abbreviation)
    )


def winners_only(ask: Ask) -> bool:
    """Whether the ask needs only who won each seat (and who held it before): no votes."""
    if ask.operation not in {Operation.COUNT, Operation.LIST, Operation.COMPARE, Operation.RANK}:
        return False
    if ask.measure not in (None, Measure.SEATS) or ask.any_row or ask.yes_no:
        return False
    by_seats = ask.measure is Measure.SEATS  # compared or ranked: "seats by party"
    if ask.operation in {Operation.COMPARE, Operation.RANK} and not by_seats:
        return False
    if ask.operation is Operation.RANK and ask.unit is not Unit.PARTY:
        return False
    return all(_of_winners(s, ask.unit) for s in (ask.selection, *(ask.compared or ())))


def _of_winners(selection: Selection, unit: Unit) -> bool:
    if selection.thresholds or selection.placed or selection.position not in (None, 1):
        return False
    if unit is Unit.SEAT:
        return bool(
            selection.won or selection.position == 1 or selection.seat_change
            or selection.gained_from or selection.won_by
        )  # fmt: skip
    return unit in {Unit.CANDIDATE, Unit.PARTY} and bool(selection.won or selection.position == 1)


def _votes_as_known(catalog: Catalog, seat_id: str, seat: NightSeat) -> bool:
    if seat.stage is Stage.VERIFIED:
        return True
    if seat.stage is not Stage.COUNTED or seat.figures is None:
        return False
    if seat.figures.valid_votes != catalog.seats[seat_id].valid_votes:
        return False
    votes = sorted(r.votes or 0 for r in catalog.results_by_seat.get(seat_id, []))
    return votes == sorted(c.votes or 0 for c in seat.candidates)


def _count_as_known(catalog: Catalog, seat_id: str, seat: NightSeat) -> bool:
    published = seat.figures
    return seat.stage is Stage.VERIFIED or (
        published is not None and published.electorate == catalog.seats[seat_id].electorate
    )


# The figures of a seat's whole count, beside its candidates' votes: answered only over the
# seats whose published electorate (rejected ballots: verified figures) is the knowledge's.
_OF_THE_ELECTORATE = frozenset({Measure.TURNOUT, Measure.ELECTORATE})


def _measures(ask: Ask) -> set[Measure | None]:
    selections = (ask.selection, *(ask.compared or ()))
    return {ask.measure, *ask.also, *(t.measure for s in selections for t in s.thresholds)}


def _names_one(selection: Selection) -> bool:
    return bool(selection.people or selection.seats or selection.excluded_seats)


class WinnersEvaluator(Evaluator):
    """The evaluator over the seats declared so far, for questions only of who won: it shows
    no figure (most of these seats' votes are not out) and lists in the order they declared."""

    def __init__(self, whole: Evaluator, declared: frozenset[str], night: NightResults) -> None:
        super().__init__(whole.catalog, whole.table.only(declared))
        turn = {ons_id: i for i, ons_id in enumerate(night.order)}
        self._declared_order = {
            seat.id: turn.get(seat.ons_id or "", 0) for seat in whole.catalog.seats.values()
        }

    def _shown_first(self, rows: list[CandidacyRow], measure: Measure) -> list[CandidacyRow]:
        ordered = sorted(rows, key=lambda r: self._declared_order.get(r.seat.id, 0))
        return ordered[:LIST_LENGTH]

    def _item(self, unit: Unit, row: CandidacyRow, measure: Measure) -> Paragraph:
        who = with_party(self.catalog, row.result)
        if unit is Unit.SEAT:
            return paragraph(bold(row.seat.name), f": {who}")
        return paragraph(bold(who), f", {row.seat.name}")


class SoFarEvaluator(Evaluator):
    """The evaluator over the seats published at one moment of the night."""

    def __init__(
        self, whole: Evaluator, out: SeatsOut, declared: frozenset[str], night: NightResults
    ) -> None:
        super().__init__(whole.catalog, whole.table.only(out.votes))
        self.whole = whole
        self.night = night
        self.out = out
        self.published = out.whole_count  # a seat's own answer shows its electorate
        self.declared_seats = declared
        self.declared = len(night.order)

    @cached_property
    def winners(self) -> WinnersEvaluator:
        return WinnersEvaluator(self.whole, self.declared_seats, self.night)

    @cached_property
    def _of_the_electorate(self) -> Evaluator:
        return Evaluator(self.catalog, self.whole.table.only(self.out.whole_count))

    @cached_property
    def _verified(self) -> Evaluator:
        return Evaluator(self.catalog, self.whole.table.only(self.out.verified))

    def covered(self, source_id: str) -> frozenset[str]:
        """The seats an answer naming this source may rest on."""
        return self.declared_seats if source_id == DECLARED_SO_FAR_SOURCE else self.out.votes

    def answer(self, ask: Ask) -> Answer:
        selections = (ask.selection, *(ask.compared or ()))
        if any(_names_one(s) for s in selections):
            return self.whole.answer(ask)  # one seat or person: published, or not shown
        refused = refusal(ask)
        if refused is not None:
            return plain(Status.NOT_FOUND, refused)
        if winners_only(ask) and self.declared_seats:
            return self._declared_so_far(self.winners.answer(ask))
        if ask.operation is Operation.YES_NO and counted_summary(self.catalog, ask) is not None:
            # "did Labour win a majority": of the whole result, not of the seats so far
            return plain(
                Status.NOT_FOUND,
                "I can’t answer that until every seat has declared: ask “is there a "
                "majority yet” or “how many seats has Labour won so far”.",
            )
        over = self._over(ask)
        if not over.table.seats:
            text = f"No seat’s votes are published yet: {self.declared} of {COMMONS_SEATS} "
            if self.out.votes:
                text = (f"No seat’s {self._figures_of(over)} published as final yet: "
                        f"{self.declared} of {COMMONS_SEATS} ")  # fmt: skip
            return plain(Status.NOT_FOUND, text + f"seats have declared. {as_of(self.night)}.")
        answer = super().answer(ask) if over is self else over.answer(ask)
        return self._so_far(answer, over)

    def _over(self, ask: Ask) -> Evaluator:
        """Over the seats whose published figures the question needs are final."""
        measures = _measures(ask)
        if Measure.INVALID in measures:
            return self._verified
        if measures & _OF_THE_ELECTORATE:
            return self._of_the_electorate
        return self

    def _figures_of(self, over: Evaluator) -> str:
        return "rejected ballots are" if over is self._verified else "electorate is"

    def _why_left_out(self, over: Evaluator) -> str:
        if over is self._verified:
            return "whose rejected ballots are counted here only once verified"
        figures = "votes or electorate" if over is self._of_the_electorate else "votes"
        return f"whose {figures} as first published differ from the final count"

    @cached_property
    def _votes_out(self) -> frozenset[str]:
        """The seats (by id) whose votes the feed has published, in any figures."""
        counted = {seat.ons_id for seat in self.night.declared if seat.counted}
        return frozenset(s.id for s in self.catalog.seats.values() if s.ons_id in counted)

    def _declared_so_far(self, answer: Answer) -> Answer:
        """Of who won: over every seat declared, with no figure and no line of the final
        results as its source (their votes are not all out)."""
        counted = len(self.winners.table.seats)
        over = f"So far ({counted} seats declared): "
        blocks = _led(over, answer.blocks)
        moment = f"{as_of(self.night)}: {self.declared} of {COMMONS_SEATS} seats have declared."
        over_these = Source(DECLARED_SO_FAR_SOURCE, f"the winners of the {counted} seats "
                            "declared so far", "the results feed", False)  # fmt: skip
        return replace(answer, blocks=(*blocks, paragraph(moment)),
                       headline=over + answer.headline, sources=(over_these,))  # fmt: skip

    def _so_far(self, answer: Answer, over: Evaluator) -> Answer:
        """The answer led by what it is over, with the moment it is true of."""
        counted = len(over.table.seats)
        out = self._votes_out
        lead = f"So far ({counted} seats’ votes out): "
        moment = (
            f"{as_of(self.night)}: {self.declared} of {COMMONS_SEATS} seats have declared, "
            f"{len(out)} with their votes published."
        )
        left_out = out - over.table.seats.keys()
        if left_out:  # published, but not as the final count has them
            lead = f"So far ({counted} of the {len(out)} seats whose votes are out): "
            names = sorted(self.catalog.seats[s].name for s in left_out)
            more = f" and {len(names) - 5} more" if len(names) > 5 else ""
            moment += f" Left out here: {', '.join(names[:5])}{more}, {self._why_left_out(over)}."
        blocks = (*_led(lead, answer.blocks), paragraph(moment))
        # Named first, in place of the whole dataset: what the answer is over, and the mark
        # the gate (live.py) knows it by.
        over_these = Source(SO_FAR_SOURCE, f"the {counted} seats with votes published so far",
                            "the results feed", False)  # fmt: skip
        sources = (over_these, *(s for s in answer.sources if not s.fact_id.endswith(":all")))
        return replace(answer, blocks=blocks, headline=lead + answer.headline, sources=sources)


def _led(over: str, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks with what they are over said first."""
    first, *rest = blocks
    if isinstance(first, Paragraph):
        return (Paragraph((Span(over), *first.spans)), *rest)
    return (paragraph(over.rstrip(": ") + ":"), *blocks)
