"""Questions about another election than the one known ("who won Islington North in 2019?").

The official results give each seat's notional 2019 winner (its `Result`: "Lab hold" was held
from Labour's notional 2019 win) and each candidate's change in share, but no 2019 votes or
candidates; the article gives a few 2019 figures of its own. Answers say which of these they
use and plainly what is not held.
"""

from __future__ import annotations

from collections import Counter

from bot.engine.answers.blocks import result_line, seat_card
from bot.engine.model.answer import Answer, Block, BulletList, Status, bold, paragraph
from bot.engine.model.query import NOTIONAL_YEAR, Query
from bot.engine.results.catalog import Catalog, party_key, person_key, seat_key
from bot.engine.understanding.intents import Intent
from bot.engine.wording.phrases import change_points, party_as_subject, with_party

NOTIONAL = "on the notional 2019 results for the 2024 seats"
COUNTS_WANTED = {Intent.VOTES, Intent.SHARE, Intent.MAJORITY, Intent.TURNOUT, Intent.PLACE}


def answer(
    catalog: Catalog, query: Query, seat_ids: list[str], person_ids: list[str], party_ids: list[str]
) -> Answer:
    year = query.year
    if year != NOTIONAL_YEAR:
        return _only(catalog, f"{year}")
    if person_ids:
        return _person_in_2019(catalog, person_ids[0])
    if seat_ids:
        return _seat_in_2019(catalog, seat_ids[0], query)
    if party_ids:
        return _party_in_2019(catalog, party_ids[0], query)
    if query.intent in COUNTS_WANTED:  # "turnout in 2019": a figure not held, not the seats
        text = _what_is_held(catalog)
        return Answer(Status.NOT_FOUND, (paragraph(text),), headline="No 2019 figures")
    return _notional_totals(catalog)


def not_held(catalog: Catalog) -> Answer:
    """'was his majority bigger than in 2019', 'who won Clacton last year': no figure of
    another election is held beyond what _what_is_held says."""
    text = f"I can’t answer that about an earlier election. {_what_is_held(catalog)}"
    return Answer(Status.NOT_FOUND, (paragraph(text),), headline="No earlier figures")


def _what_is_held(catalog: Catalog) -> str:
    if catalog.outcomes and catalog.knowledge.contests:
        return (
            "On the 2024 seats I have each seat’s notional 2019 winner and each candidate’s "
            "change in share; the 2019 results of the seats of the day are asked with the seat "
            "and the year, as in “who won Islington North in 2019”."
        )
    if catalog.outcomes:
        return (
            "For 2019 I have each seat’s notional winner and each candidate’s change in share, "
            "not 2019 votes or candidates."
        )
    return catalog.provenance.lacks("give 2019 results, apart from any figure quoted.")


def _only(catalog: Catalog, year: str) -> Answer:
    held = f"I only have the {catalog.knowledge.election.name}"
    if catalog.outcomes:
        held += ", with each seat’s notional 2019 winner"
    return Answer(
        Status.NOT_FOUND,
        (paragraph(f"{held}: nothing from {year}."),),
        headline=f"No {year} results",
    )


def _seat_in_2019(catalog: Catalog, seat_id: str, query: Query) -> Answer:
    seat = catalog.seats[seat_id].name
    outcome = catalog.outcome(seat_id)
    if outcome is None:
        card = seat_card(catalog, seat_id)
        lead = paragraph(catalog.provenance.lacks(f"give the 2019 result in {seat}."))
        return Answer(
            Status.ANSWERED,
            (lead, paragraph("In 2024:"), *card.blocks),
            headline=f"{seat}: no 2019 result",
            entities=card.entities,
            sources=card.sources,
        )
    blocks: list[Block] = [
        paragraph(bold(outcome.previous_name), f" won {seat} {NOTIONAL}."),
    ]
    if query.intent in COUNTS_WANTED:
        # A 2019 figure was asked for: that it is not held comes first, then what is.
        blocks.insert(0, paragraph(_what_is_held(catalog)))
    winner = catalog.winner(seat_id)
    if winner is not None:
        blocks.append(
            paragraph(f"In 2024 {with_party(catalog, winner)} won it: {outcome.words()}.")
        )
    return Answer(
        Status.ANSWERED,
        tuple(blocks),
        headline=f"{seat} 2019 (notional): {outcome.previous_name}",
        entities=(seat_key(seat_id),),
        sources=catalog.sources_of(list(catalog.seats[seat_id].facts)),
    )


def _person_in_2019(catalog: Catalog, person_id: str) -> Answer:
    name = catalog.people[person_id].name
    found = catalog.results_by_person.get(person_id, [])
    result = found[0] if found else None
    blocks: list[Block] = [paragraph(_what_is_held(catalog))]
    if result is not None and result.seat is not None:
        seat = catalog.seats[result.seat].name
        outcome = catalog.outcome(result.seat)
        if outcome is not None:
            blocks.append(paragraph(f"{seat} was won by {outcome.previous_name} {NOTIONAL}."))
        if result.change is not None:
            blocks.append(
                paragraph(f"{name}’s share in {seat}: ", bold(change_points(result.change)), ".")
            )
        blocks.append(result_line(catalog, result))
    return Answer(
        Status.ANSWERED,
        tuple(blocks),
        headline=f"{name}: no 2019 result held",
        entities=(person_key(person_id),),
        sources=catalog.sources_of(list(result.facts) if result else []),
    )


def _party_in_2019(catalog: Catalog, party_id: str, query: Query) -> Answer:
    party = catalog.parties[party_id]
    if not catalog.outcomes:
        return _only(catalog, "2019")
    won = sum(o.previous == party_id for o in catalog.outcomes.values())
    now = sum(o.winner == party_id for o in catalog.outcomes.values())
    blocks: list[Block] = [
        paragraph(
            bold(party_as_subject(party)),
            f" won {won} of {len(catalog.outcomes)} seats {NOTIONAL}; in 2024, {now}.",
        )
    ]
    if query.intent in COUNTS_WANTED:
        blocks.append(paragraph(_what_is_held(catalog)))
    return Answer(
        Status.ANSWERED,
        tuple(blocks),
        headline=f"{party.name}: {won} seats in 2019 (notional)",
        entities=(party_key(party_id),),
        sources=catalog.provenance.whole_dataset("seat", "notional 2019 winners, from Result"),
    )


def _notional_totals(catalog: Catalog) -> Answer:
    if not catalog.outcomes:
        return _only(catalog, "2019")
    before = Counter(o.previous for o in catalog.outcomes.values())
    names = {o.previous: o.previous_name for o in catalog.outcomes.values()}
    after = Counter(o.winner for o in catalog.outcomes.values())
    items = tuple(
        paragraph(bold(names[p]), f": {count} (2024: {after[p]})")
        for p, count in sorted(before.items(), key=lambda item: (-item[1], names[item[0]]))
    )
    return Answer(
        Status.ANSWERED,
        (
            paragraph(f"Seats won {NOTIONAL}, of {len(catalog.outcomes)}:"),
            BulletList(items),
            paragraph(_what_is_held(catalog)),
        ),
        headline="2019 (notional) seats by party",
        sources=catalog.provenance.whole_dataset("seat", "notional 2019 winners, from Result"),
        entities=tuple(party_key(p) for p in before if p in catalog.parties),
    )
