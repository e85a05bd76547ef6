"""A figure of a whole party or place, asked plainly ("Labour's votes in Scotland", "the
national turnout", "Labour's majority"): the summary that figure belongs to, which says it
with what a reader would ask next (the party's share and seats, the turnout's valid votes
and electorate), rather than the bare total."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bot.engine.answers import national, rankings
from bot.engine.answers.computed.pieces import plain
from bot.engine.answers.scope import scope_of
from bot.engine.model.answer import Answer, Status, paragraph
from bot.engine.model.ask import Ask, Measure, Operation, Selection
from bot.engine.results.catalog import Catalog
from bot.engine.understanding.intents import Intent


def summary(catalog: Catalog, ask: Ask, rank: Callable[[Ask], Answer]) -> Answer | None:
    """The summary answering a plain total of one party or place; None: not such a total."""
    s, measure = ask.selection, ask.measure
    if ask.operation not in {Operation.LOOK_UP, Operation.TOTAL}:
        return None
    if s != Selection(parties=s.parties, place=s.place) or len(s.parties) > 1:
        return None
    if ask.also and measure is not Measure.CHANGE:  # "its votes and share": each figure asked
        return None
    scope = scope_of(catalog, s.place)
    party = s.parties[0] if s.parties else None
    if party is None:
        return rankings.turnout_total(catalog, scope) if measure is Measure.TURNOUT else None
    if measure in {Measure.VOTES, Measure.SHARE}:
        return national.party_summary(catalog, party, scope, Intent.VOTES)
    if measure is Measure.MAJORITY and s.place is None:
        return national.commons_majority(catalog, party)  # "Labour's majority"
    if measure is Measure.MAJORITY and s.place is not None:
        name, place = catalog.parties[party].name, catalog.places[s.place].name
        text = (
            f"A majority is won in the Commons or in one seat, not in {place}: ask “{name}’s "
            f"majority” for the Commons, or “{name}’s biggest majority in {place}” for its "
            "seats there."
        )
        return plain(Status.NOT_FOUND, text)
    if measure is Measure.CHANGE:
        # The results give each candidate's change in share, not a party's: say so, then those.
        name = catalog.parties[party].name
        lead = paragraph(catalog.provenance.lacks(
            f"give {name}’s change in share{scope.where} as a whole, only each candidate’s. "
            "The biggest rises:"))  # fmt: skip
        ranked = rank(replace(ask, operation=Operation.RANK, descending=True))
        return replace(ranked, blocks=(lead, *ranked.blocks))
    return None
