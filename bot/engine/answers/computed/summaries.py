"""A figure of a whole party or place, asked plainly ("Labour's votes in Scotland", "the
national turnout", "Labour's majority"): the summary that figure belongs to, which says it
with what a reader would ask next (the party's share and seats, the turnout's valid votes
and electorate), rather than the bare total."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bot.engine.answers import changes, counts, lists, national, rankings, seats
from bot.engine.answers.computed.pieces import plain
from bot.engine.answers.scope import scope_of
from bot.engine.model.answer import Answer, Status, paragraph
from bot.engine.model.ask import Ask, Measure, Operation, SeatChange, Selection, Unit
from bot.engine.results.catalog import Catalog
from bot.engine.understanding.intents import Filters, Intent, Outcome
from bot.engine.wording.phrases import party_as_subject


def summary(catalog: Catalog, ask: Ask, rank: Callable[[Ask], Answer]) -> Answer | None:
    """The summary answering a plain total of one party or place; None: not such a total."""
    s, measure = ask.selection, ask.measure
    if ask.operation not in {Operation.LOOK_UP, Operation.TOTAL}:
        return None
    if measure is Measure.MAJORITY:  # "Labour's majority in the Commons": of its MPs anyway
        s = replace(s, won=None)
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


def counted_summary(catalog: Catalog, ask: Ask) -> Answer | None:
    """A plain count or list of one party's seats, of seats changing hands, of candidates
    (by party, gender, sitting MPs, first-time winners), or which party came Nth: the summary
    that question has always had, with its breakdown; None: not such a question."""
    s = ask.selection
    if ask.operation is Operation.YES_NO and len(s.seats) == 1 and s == Selection(
            seats=s.seats, seat_change=SeatChange.GAINED):  # fmt: skip
        return seats.changed_hands_answer(catalog, s.seats[0])  # "did North East Fife change hands"
    one_party = len(s.parties) == 1 and not ask.any_row
    in_a_place = s in {Selection(parties=s.parties, place=s.place),
                       Selection(parties=s.parties, place=s.place, won=True)}  # fmt: skip
    if ask.operation is Operation.YES_NO and one_party and s.place and in_a_place and (
            ask.measure is Measure.MAJORITY):  # fmt: skip
        return _most_of_the_seats(catalog, s.parties[0], s.place)  # "... of seats in Scotland"
    if ask.operation is Operation.YES_NO and one_party and s in {
            Selection(parties=s.parties), Selection(parties=s.parties, won=True)}:  # fmt: skip
        if ask.measure is Measure.MAJORITY:  # "did the Tories win a majority": in the Commons
            return _yes_or_no(catalog, s.parties[0])
        if ask.measure is None and s.won:
            return _won_the_election(catalog, s.parties[0])
    if ask.operation not in {Operation.COUNT, Operation.LIST} or ask.measure is not None:
        return None
    scope = scope_of(catalog, s.place)
    party = s.parties[0] if len(s.parties) == 1 else None
    if len(s.parties) > 1 or s.people or s.thresholds or s.placed or s.won_by:
        return None
    if s.excluded_parties or s.excluded_place or s.excluded_seats or s.not_won_by:
        return None
    if ask.unit is Unit.PARTY:
        return None  # "which party came second": the kinds of question's (routing.py)
    if ask.unit is Unit.SEAT and not s.seats and s.position is None and not (
            s.gender or s.sitting is not None or s.first_time):  # fmt: skip
        own = party and s.gained_from  # "from the SNP to Labour": the evaluator's own list
        # "which seats changed hands in Wales": the seats, listed, not a party breakdown
        every_seat_listed = ask.operation is Operation.LIST and not (party or s.gained_from)
        if s.seat_change is SeatChange.GAINED and s.won is not False and not own and not (
                every_seat_listed):  # fmt: skip
            return changes.changes(catalog, scope, winner=party, loser=s.gained_from)
        if s.seat_change is SeatChange.HELD and s.gained_from is None:
            return changes.holds(catalog, scope, party)
        if s == Selection(parties=s.parties, place=s.place, won=True) and party is not None:
            return national.party_summary(catalog, party, scope, Intent.SEATS)
        return None
    if ask.unit is Unit.CANDIDATE and len(s.seats) == 1 and s == Selection(seats=s.seats):
        return seats.candidate_count(catalog, s.seats[0])
    plain_people = Selection(parties=s.parties, place=s.place, won=s.won, gender=s.gender,
                             sitting=s.sitting, first_time=s.first_time)  # fmt: skip
    if ask.unit is Unit.CANDIDATE and not s.seats and s == plain_people and (
            s.sitting is not False):  # fmt: skip
        outcome = {True: Outcome.WON, False: Outcome.LOST, None: None}[s.won]
        filters = Filters(s.gender, bool(s.sitting), s.first_time, outcome)
        if s.won is False and not s.sitting:
            return None  # "candidates who lost": every loser, which the count below is not
        if party == "independent" and s == Selection(parties=s.parties, won=True):
            return lists.independents(catalog, None, elected_only=True)  # and the article's five
        if s == Selection(parties=s.parties, place=s.place) and ask.operation is Operation.LIST:
            return None  # "list all the independents": the evaluator's list, most votes first
        listed = ask.operation is Operation.LIST
        return counts.count(catalog, scope, party, filters, listed=listed)
    return None


def _won_the_election(catalog: Catalog, party: str) -> Answer:
    """'did Labour win', 'did the Greens win the election': the party with the most seats
    won it; a party that won some seats did not. Then the party's summary."""
    ranked = national.seats_by_party(catalog)
    summary = national.party_summary(catalog, party, scope_of(catalog, None), Intent.SEATS)
    if not ranked:
        return summary
    top, most = ranked[0]
    name = party_as_subject(catalog.parties[party])
    if top == party:
        lead = f"Yes: {name} won the most seats, {most} of {sum(n for _, n in ranked)}."
    else:
        lead = f"No: {party_as_subject(catalog.parties[top])} won the most seats ({most})."
    return replace(summary, blocks=(paragraph(lead), *summary.blocks), headline=lead)


def _yes_or_no(catalog: Catalog, party: str) -> Answer:
    """The Commons majority answer, led by whether there was one: more seats than all the
    other parties together."""
    majority = national.commons_majority(catalog, party)
    seats = dict(national.seats_by_party(catalog))
    lead = paragraph("Yes." if 2 * seats.get(party, 0) > sum(seats.values()) else "No.")
    return replace(majority, blocks=(lead, *majority.blocks))


def _most_of_the_seats(catalog: Catalog, party: str, place: str) -> Answer:
    """'did Labour win a majority of seats in Scotland': more than half the seats there."""
    scope = scope_of(catalog, place)
    summary = national.party_summary(catalog, party, scope, Intent.SEATS)
    seats = [seat for seat in catalog.seats if scope.holds(seat)]
    won = sum(1 for seat in seats if (w := catalog.winner(seat)) is not None and w.party == party)
    name = party_as_subject(catalog.parties[party])
    said = f"{'Yes' if 2 * won > len(seats) else 'No'}: {name} won {won} of the {len(seats)} " \
        f"seats{scope.where}."  # fmt: skip
    return replace(summary, blocks=(paragraph(said), *summary.blocks[1:]), headline=said)
