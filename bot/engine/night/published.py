"""The night so far, computed: any question the evaluator answers over the results ("how
many women have been elected", "Reform's share in Wales", "seats with a majority under
1,000"), answered over the seats whose votes are published at that moment, and said to be so.

A seat's row is the knowledge's, which holds the final figures: it is used only where the
feed has published the same figures (verified, or counted and equal to them), so nothing
from later in the night can show. Questions about one person or seat go to the whole
evaluator instead, whose answer is gated like any other (live.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from bot.engine.answers.computed.evaluate import Evaluator
from bot.engine.answers.computed.pieces import plain, refusal
from bot.engine.answers.computed.summaries import counted_summary
from bot.engine.model.answer import Answer, Paragraph, Source, Span, Status, paragraph
from bot.engine.model.ask import Ask, Operation, Selection
from bot.engine.night.results import COMMONS_SEATS, NightResults, NightSeat, Stage
from bot.engine.night.wording import as_of
from bot.engine.results.catalog import Catalog

# The source an answer over the seats published so far names, in place of the whole dataset.
SO_FAR_SOURCE = "night:so-far"


def published_seats(
    catalog: Catalog, night: NightResults, ons_of: Mapping[str, str]
) -> frozenset[str]:
    """The seats (by id) whose published figures are the knowledge's."""
    return frozenset(
        seat_id
        for seat_id, ons_id in ons_of.items()
        if (seat := night.seats.get(ons_id)) is not None and _as_known(catalog, seat_id, seat)
    )


def _as_known(catalog: Catalog, seat_id: str, seat: NightSeat) -> bool:
    if seat.stage is Stage.VERIFIED:
        return True
    if seat.stage is not Stage.COUNTED or seat.figures is None:
        return False
    known = catalog.seats[seat_id]
    if seat.figures.valid_votes != known.valid_votes or seat.figures.electorate != (
        known.electorate
    ):
        return False
    votes = sorted(r.votes or 0 for r in catalog.results_by_seat.get(seat_id, []))
    return votes == sorted(c.votes or 0 for c in seat.candidates)


def _names_one(selection: Selection) -> bool:
    return bool(selection.people or selection.seats or selection.excluded_seats)


class SoFarEvaluator(Evaluator):
    """The evaluator over the seats published at one moment of the night."""

    def __init__(self, whole: Evaluator, published: frozenset[str], night: NightResults) -> None:
        super().__init__(whole.catalog, whole.table.only(published))
        self.whole = whole
        self.night = night
        self.published = published
        self.declared = len(night.order)

    def answer(self, ask: Ask) -> Answer:
        selections = (ask.selection, *(ask.compared or ()))
        if any(_names_one(s) for s in selections):
            return self.whole.answer(ask)  # one seat or person: published, or not shown
        refused = refusal(ask)
        if refused is not None:
            return plain(Status.NOT_FOUND, refused)
        if ask.operation is Operation.YES_NO and counted_summary(self.catalog, ask) is not None:
            # "did Labour win a majority": of the whole result, not of the seats so far
            return plain(
                Status.NOT_FOUND,
                "I can’t answer that until every seat has declared: ask “is there a "
                "majority yet” or “how many seats has Labour won so far”.",
            )
        if not self.table.seats:
            text = f"No seat’s votes are published yet: {self.declared} of {COMMONS_SEATS} "
            return plain(Status.NOT_FOUND, text + f"seats have declared. {as_of(self.night)}.")
        return self._so_far(super().answer(ask))

    def _so_far(self, answer: Answer) -> Answer:
        """The answer led by what it is over, with the moment it is true of."""
        counted = len(self.table.seats)
        over = f"So far ({counted} seats’ votes out): "
        first, *rest = answer.blocks
        if isinstance(first, Paragraph):
            blocks = (Paragraph((Span(over), *first.spans)), *rest)
        else:
            blocks = (paragraph(over.rstrip(": ") + ":"), *answer.blocks)
        moment = (
            f"{as_of(self.night)}: {self.declared} of {COMMONS_SEATS} seats have declared, "
            f"{counted} with their votes published."
        )
        blocks = (*blocks, paragraph(moment))
        # Named first, in place of the whole dataset: what the answer is over, and the mark
        # the gate (live.py) knows it by.
        over_these = Source(SO_FAR_SOURCE, f"the {counted} seats with votes published so far",
                            "the results feed", False)  # fmt: skip
        sources = (over_these, *(s for s in answer.sources if not s.fact_id.endswith(":all")))
        return replace(answer, blocks=blocks, headline=over + answer.headline, sources=sources)
