"""A declared seat's chart as the night has it: its candidates with the winner marked, and
their votes once published. An alert with pictures on starts as this chart and is edited to
the full one when the votes come; an answer about the seat carries it too."""

from __future__ import annotations

from collections.abc import Mapping

from bot.engine.answers.charts import SHOWN_CANDIDATES
from bot.engine.model.chart_data import Bar, BarChart
from bot.engine.night.results import NightCandidate, NightResults, NightSeat, Stage
from bot.engine.night.wording import outcome

_AS_PUBLISHED = "Results as published on election night"


def seat_chart(
    seat: NightSeat, night: NightResults, party_id_of: Mapping[str, str]
) -> BarChart | None:
    """None before the seat declares, or when the night has its winner without the other
    candidates (a lone bar would say one stood)."""
    winner = seat.winner
    if winner is None or not seat.declared or not seat.candidates:
        return None
    if seat.counted:
        ranked = list(seat.candidates)
    else:  # no votes yet: the winner, then the others as the ballot paper lists them
        ranked = sorted(
            seat.candidates, key=lambda c: (c.name != winner.name, c.name.split()[-1], c.name)
        )
    if not any(c.name == winner.name for c in ranked):
        return None

    def bar(candidate: NightCandidate) -> Bar:
        return Bar(
            label=candidate.name,
            detail=candidate.party,
            party_id=party_id_of.get(candidate.party_abbreviation),
            value=candidate.votes or 0,
            share=100 * candidate.share if candidate.share is not None else None,
            marked="Elected" if candidate.name == winner.name else "",
        )

    if seat.figures is not None and seat.counted:
        footer = f"Majority {seat.figures.majority:,}"
    else:
        footer = "The votes are not yet published"
    checked = " and verified" if seat.stage is Stage.VERIFIED else ", not yet verified"
    return BarChart(
        title=seat.name,
        subtitle=outcome(seat, night),
        bars=tuple(bar(c) for c in ranked[:SHOWN_CANDIDATES]),
        footer=footer,
        small_print=_AS_PUBLISHED + (checked if seat.counted else "") + ".",
        more=max(0, len(ranked) - SHOWN_CANDIDATES),
        votes_published=seat.counted,
    )
