"""What follows the first line of a look-up of one person's or one seat's figure: the rest of
their result, what the article says of the same figure (where it differs, both), and the
seat's chart. The first line is the evaluator's, from the one wording table; this is the
detail a person asking about one candidate or one seat expects beneath it."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.answers.blocks import (
    candidate_table,
    discrepancy_notes,
    result_line,
    seat_card,
    seat_chart_of,
    seat_sources,
)
from bot.engine.answers.people import (
    article_change_line,
    facts_about,
    figures_stated,
    what_happened,
)
from bot.engine.model.answer import Block, CandidateTable, Source, paragraph
from bot.engine.model.ask import Measure
from bot.engine.model.chart_data import Chart
from bot.engine.results.catalog import Catalog
from bot.engine.wording.phrases import percent, votes
from knowledge.schema import CandidateResult


@dataclass(frozen=True)
class Details:
    blocks: tuple[Block, ...]
    sources: tuple[Source, ...]
    chart: Chart | None


def of_person(
    catalog: Catalog, person_id: str, measure: Measure, votes_asked: bool = False
) -> Details | None:
    """A candidate's whole result under their figure (what the first line did not say); the
    article's 2019 vote for a change; the article's own figure where it gives another.
    votes_asked: "how much did her vote fall", where a 2019 vote not held is said so."""
    found = catalog.results_by_person.get(person_id, [])
    seat = found[0].seat if found else None
    if seat is None:
        return None
    result = found[0]
    blocks: list[Block] = [_beneath(catalog, result, measure)]
    change = article_change_line(catalog, person_id)
    if change is not None and measure in {Measure.VOTES, Measure.CHANGE}:
        blocks.append(change)
    if measure is Measure.CHANGE and change is None and votes_asked:
        # "how much did her vote fall": the change in share answers it; her 2019 vote is not held
        name = catalog.people[person_id].name
        blocks.append(paragraph(catalog.provenance.lacks(f"give {name}’s 2019 vote, only the "
                                                         "change in share.")))  # fmt: skip
    if measure is Measure.SHARE:
        blocks += figures_stated(catalog, result)
    blocks += discrepancy_notes(catalog, [result.id])
    facts = facts_about(catalog, person_id) + [
        d.id for d in catalog.discrepancies_about([result.id])
    ]
    seat_facts = catalog.sources_of(seat_sources(catalog, seat))
    chart = seat_chart_of(catalog, seat, seat_facts, asked_about=person_id)
    return Details(tuple(blocks), catalog.sources_of(facts), chart)


def _beneath(catalog: Catalog, result: CandidateResult, measure: Measure) -> Block:
    """What the first line did not say: for votes, the share and the outcome (and the other
    way round); for where they finished, the seat's table; for anything else, the result."""
    other = {Measure.VOTES: result.share, Measure.SHARE: result.votes}.get(measure)
    if other is not None:
        shown = f"{percent(other)} of the vote" if measure is Measure.VOTES else votes(int(other))
        return paragraph(f"That was {shown}. {what_happened(catalog, result)}")
    if measure in {Measure.POSITION, Measure.BEHIND, Measure.AHEAD} and result.seat:
        return candidate_table(catalog, catalog.results_by_seat.get(result.seat, []))
    return result_line(catalog, result)


def of_seat(catalog: Catalog, seat_id: str, measure: Measure) -> Details:
    """The seat's card under its figure: who won, the majority and turnout (unless that was
    the figure), every candidate for a majority, the article's figures where they differ;
    its chart."""
    card = seat_card(catalog, seat_id, lead=[], majority=measure is not Measure.MAJORITY,
                     turnout=measure is not Measure.TURNOUT)  # fmt: skip
    if measure is Measure.MAJORITY:  # a margin is read against every candidate's votes
        return Details(card.blocks, card.sources, card.chart)
    # any other figure of the seat: who won, by how much and the turnout; the chart has the rest
    brief = tuple(b for b in card.blocks if not isinstance(b, CandidateTable))
    return Details(brief, card.sources, card.chart)


__all__ = ["Details", "of_person", "of_seat"]
