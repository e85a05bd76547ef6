"""Totals over many seats from the official results, for the whole election or a place:
seats and votes by party, one party's results, a party across places, two parties."""

from __future__ import annotations

from collections import Counter

from bot.engine.answers.charts import seats_chart, two_parties_chart
from bot.engine.answers.scope import EVERY_SEAT, Scope
from bot.engine.answers.tally import (
    LIST_LENGTH,
    counted_seats,
    not_counted,
    results_in,
    seat_name,
    seats_count,
    share_of,
    turnout_sentence,
)
from bot.engine.model.answer import Answer, Block, BulletList, Status, bold, paragraph
from bot.engine.results.catalog import Catalog, party_key, seat_key
from bot.engine.understanding.intents import Intent
from bot.engine.understanding.places import Level
from bot.engine.wording.phrases import (
    number,
    party_as_subject,
)
from bot.engine.wording.phrases import ordinal as ordinal_word


def seat_totals(catalog: Catalog, scope: Scope = EVERY_SEAT, by_votes: bool = False) -> Answer:
    """Who won: seats won and votes by party, largest first; for the whole election, the
    winner's majority in the Commons over all other parties together. By votes: "which party
    won the most votes", every party that stood, most votes first."""
    if not counted_seats(catalog, scope):
        return not_counted(catalog)
    seats_won: Counter[str] = Counter()
    votes: Counter[str] = Counter()
    for result in results_in(catalog, scope):
        if result.party is None:
            continue
        votes[result.party] += result.votes or 0
        seats_won[result.party] += 1 if result.elected else 0
    total = sum(votes.values())
    seats = sum(seats_won.values())
    ranked = sorted(votes, key=lambda p: (-seats_won[p], -votes[p]))
    if by_votes:
        ranked = sorted(votes, key=lambda p: -votes[p])
    first = catalog.parties[ranked[0]]
    items = tuple(
        paragraph(
            bold(catalog.parties[p].name), f": {seats_count(seats_won[p])}, "
            f"{number(votes[p])} votes ({share_of(votes[p], total)})",
        )
        for p in (ranked[:LIST_LENGTH] if by_votes else ranked)
        if seats_won[p] or by_votes
    )  # fmt: skip
    won = seats_won[ranked[0]]
    lead = f"{party_as_subject(first)} won the most seats{scope.where}: {won} of {seats}"
    over = won - (seats - won)
    if by_votes:
        lead = (
            f"{party_as_subject(first)} won the most votes{scope.where}: "
            f"{number(votes[ranked[0]])} ({share_of(votes[ranked[0]], total)})"
        )
    elif scope.place_id is None and over > 0:
        lead += f", a majority of {over} over all other parties together"
    sources = catalog.provenance.whole_dataset("result", "votes and winners summed by party")
    chart = None
    if not by_votes:
        title = f"{catalog.knowledge.election.name}: seats won{scope.where}"
        won_by = [(party, seats_won[party]) for party in ranked]
        chart = seats_chart(catalog, title, won_by, scope.place_id is None, sources)
    return Answer(
        Status.ANSWERED,
        (paragraph(lead + "."), BulletList(items)),
        headline=f"{first.name} won {won} seats{scope.where}",
        entities=(*scope.keys, *(party_key(p) for p in ranked if seats_won[p])),
        sources=sources,
        chart=chart,
    )


def party_summary(
    catalog: Catalog, party_id: str, scope: Scope = EVERY_SEAT, intent: Intent | None = None
) -> Answer:
    """A party across the country or a place: seats won, votes, share, gains; votes first
    when votes or share are asked."""
    if not counted_seats(catalog, scope):
        return not_counted(catalog)
    party = catalog.parties[party_id]
    standing = [r for r in catalog.counted_by_party.get(party_id, []) if scope.holds(r.seat)]
    won = [r for r in standing if r.elected]
    votes = sum(r.votes or 0 for r in standing)
    seats = counted_seats(catalog, scope)
    # The import checks each seat's valid votes are its candidates' votes added up.
    total = sum(seat.valid_votes or 0 for seat in seats)
    gains = catalog.gained_by_party.get(party_id, set())
    gained = [s for s in seats if s.id in gains]
    cast = "all votes cast" if scope.place_id is None else "the votes cast there"
    if intent in {Intent.VOTES, Intent.SHARE}:
        lead = paragraph(
            bold(party_as_subject(party)), f" got {number(votes)} votes{scope.where}, "
            f"{share_of(votes, total)} of {cast}, and won {len(won)} "
            f"{scope.of_seats(len(seats))}.",
        )  # fmt: skip
    else:
        lead = paragraph(
            bold(party_as_subject(party)), f" won {len(won)} {scope.of_seats(len(seats))}, "
            f"standing in {len(standing)}, with {number(votes)} votes ({share_of(votes, total)} of "
            f"{cast}).",
        )  # fmt: skip
    blocks: list[Block] = [lead]
    if gained:
        were = "was a gain" if len(gained) == 1 else "were gains"
        blocks.append(paragraph(f"Of those, {len(gained)} {were}."))
    if 0 < len(won) <= LIST_LENGTH:
        blocks.append(
            BulletList(
                tuple(paragraph(bold(catalog.candidate_name(r)), f", {seat_name(catalog, r.seat)}")
                      for r in won)
            )
        )  # fmt: skip
    return Answer(
        Status.ANSWERED,
        tuple(blocks),
        headline=f"{party.name}{scope.where}: {len(won)} seats, {number(votes)} votes",
        entities=(
            party_key(party_id),
            *scope.keys,
            *(seat_key(r.seat) for r in won[:LIST_LENGTH] if r.seat),
        ),
        sources=catalog.provenance.whole_dataset("result", f"{party.name}’s votes and winners")
        + catalog.provenance.whole_dataset("seat", "its gains, from the Result column"),
    )


def place_summary(catalog: Catalog, scope: Scope) -> Answer:
    """A nation or region: seats by party, then turnout."""
    totals = seat_totals(catalog, scope)
    turnout_line = turnout_sentence(catalog, scope)
    blocks = (*totals.blocks, paragraph(turnout_line)) if turnout_line else totals.blocks
    return Answer(
        Status.ANSWERED,
        blocks,
        headline=totals.headline,
        entities=totals.entities,
        sources=totals.sources,
        chart=totals.chart,
    )


def compare_parties(catalog: Catalog, first: str, second: str, scope: Scope = EVERY_SEAT) -> Answer:
    """Two parties side by side: seats, then votes."""
    if not counted_seats(catalog, scope):
        return not_counted(catalog)
    everyone = results_in(catalog, scope)
    total = sum(r.votes or 0 for r in everyone)
    figures = {}
    for party_id in (first, second):
        mine = [r for r in everyone if r.party == party_id]
        figures[party_id] = (sum(bool(r.elected) for r in mine), sum(r.votes or 0 for r in mine))
    (a_seats, a_votes), (b_seats, b_votes) = figures[first], figures[second]
    a, b = catalog.parties[first], catalog.parties[second]
    lead = paragraph(
        bold(party_as_subject(a)), f" won {a_seats} seats{scope.where} to {b.name}’s {b_seats}, "
        f"with {number(a_votes)} votes ({share_of(a_votes, total)}) to {number(b_votes)} "
        f"({share_of(b_votes, total)}).",
    )  # fmt: skip
    sources = catalog.provenance.whole_dataset("result", "votes and winners summed by party")
    nations = [
        (place.name, frozenset(place.seats))
        for place in catalog.places.values()
        if place.level is Level.NATION and scope.place_id is None
    ]
    return Answer(
        Status.ANSWERED,
        (lead,),
        headline=f"{a.name} {a_seats} v {b.name} {b_seats}{scope.where}",
        entities=(party_key(first), party_key(second), *scope.keys),
        sources=sources,
        chart=two_parties_chart(catalog, first, second, nations, sources) if nations else None,
    )


def party_across(catalog: Catalog, party_id: str, scopes: list[Scope]) -> Answer:
    """One party in two or more places, side by side: seats won and share of the vote."""
    if not catalog.counted_results:
        return not_counted(catalog)
    party = catalog.parties[party_id]
    parts = []
    for scope in scopes:
        everyone = results_in(catalog, scope)
        mine = [r for r in everyone if r.party == party_id]
        won = sum(bool(r.elected) for r in mine)
        votes = sum(r.votes or 0 for r in mine)
        total = sum(r.votes or 0 for r in everyone)
        seats = len(counted_seats(catalog, scope))
        share = share_of(votes, total)
        parts.append(f"in {scope.named}, {won} of {seats} seats and {share} of the vote")
    lead = paragraph(bold(party_as_subject(party)), " won " + "; ".join(parts) + ".")
    return Answer(
        Status.ANSWERED,
        (lead,),
        headline=f"{party.name}: " + " v ".join(s.place_name for s in scopes),
        entities=(party_key(party_id), *(k for s in scopes for k in s.keys)),
        sources=catalog.provenance.whole_dataset("result", f"{party.name}’s votes and winners"),
    )


def seats_by_party(catalog: Catalog) -> list[tuple[str, int]]:
    won: dict[str, int] = {}
    for result in catalog.counted_results:
        if result.elected and result.party:
            won[result.party] = won.get(result.party, 0) + 1
    return sorted(won.items(), key=lambda item: -item[1])


def commons_majority(catalog: Catalog, party_id: str) -> Answer:
    """A party's majority in the Commons: its seats over all the others together, or none."""
    party = catalog.parties[party_id]
    seats = dict(seats_by_party(catalog))
    total = sum(seats.values())
    won = seats.get(party_id, 0)
    over = won - (total - won)
    if over > 0:
        lead = paragraph(
            bold(party_as_subject(party)), f" won a majority of {over} in the Commons: {won} of "
            f"{total} seats, against {total - won} for all other parties together.",
        )  # fmt: skip
    else:
        lead = paragraph(
            bold(party_as_subject(party)), f" won no majority in the Commons: {won} of {total} "
            "seats.",
        )  # fmt: skip
    return Answer(
        Status.ANSWERED,
        (lead,),
        headline=f"{party.name}: majority {max(over, 0)}",
        entities=(party_key(party_id),),
        sources=catalog.provenance.whole_dataset("result", "winners counted by party"),
    )


def party_placed(catalog: Catalog, place: int) -> Answer:
    """The party with the Nth most seats ("which party came second")."""
    ranked = seats_by_party(catalog)
    if place > len(ranked):
        return seat_totals(catalog)
    party_id, won = ranked[place - 1]
    party = catalog.parties[party_id]
    totals = seat_totals(catalog)
    lead = paragraph(
        bold(party_as_subject(party)), f" came {ordinal_word(place)} in seats, with {won}."
    )
    return Answer(
        Status.ANSWERED,
        (lead, *totals.blocks[1:]),
        headline=f"{party.name} {ordinal_word(place)}: {won} seats",
        entities=(party_key(party_id), *totals.entities),
        sources=totals.sources,
    )
