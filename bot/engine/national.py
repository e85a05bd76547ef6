"""Answers across the whole election, from the official results: seats and votes by party,
seats that changed hands, seats ranked by majority or turnout."""

from __future__ import annotations

from collections import Counter, defaultdict

from bot.engine.answer import Answer, Block, BulletList, Status, bold, paragraph
from bot.engine.catalog import Catalog, party_key, seat_key
from bot.engine.intents import Measure
from bot.engine.wording import capitalised, number, party_as_subject, percent, with_party
from knowledge.schema import Constituency

LIST_LENGTH = 10
NO_OFFICIAL = "That needs the official results, which this knowledge does not include."


def _no_official() -> Answer:
    return Answer(Status.NOT_FOUND, (paragraph(NO_OFFICIAL),), headline="Needs official results")


def _counted_seats(catalog: Catalog) -> list[Constituency]:
    """Seats with an official result (an article-only seat has no full count)."""
    return [seat for seat in catalog.seats.values() if seat.valid_votes is not None]


def _seat_sources(catalog: Catalog, seats: list[Constituency]) -> list[str]:
    return [fid for seat in seats for fid in seat.facts]


def seat_totals(catalog: Catalog) -> Answer:
    """Seats won and votes by party, largest first."""
    if not catalog.official:
        return _no_official()
    seats_won: Counter[str] = Counter()
    votes: Counter[str] = Counter()
    for result in catalog.official_results:
        if result.party is None:
            continue
        votes[result.party] += result.votes or 0
        seats_won[result.party] += 1 if result.elected else 0
    total = sum(votes.values())
    ranked = sorted(votes, key=lambda p: (-seats_won[p], -votes[p]))
    items = tuple(
        paragraph(
            bold(catalog.parties[p].name), f": {_seats(seats_won[p])}, {number(votes[p])} votes "
            f"({percent(round(100 * votes[p] / total, 1))})",
        )
        for p in ranked
        if seats_won[p]
    )  # fmt: skip
    lead = f"Seats won by party, of {sum(seats_won.values())}, with their votes:"
    return Answer(
        Status.ANSWERED,
        (paragraph(lead), BulletList(items)),
        headline=f"{catalog.parties[ranked[0]].name} won {seats_won[ranked[0]]} seats",
        entities=tuple(party_key(p) for p in ranked if seats_won[p]),
        sources=catalog.provenance.whole_dataset("result", "votes and winners summed by party"),
    )


def party_summary(catalog: Catalog, party_id: str) -> Answer:
    """A party across the country: seats won, votes, share, gains."""
    if not catalog.official:
        return _no_official()
    party = catalog.parties[party_id]
    standing = [r for r in catalog.official_results if r.party == party_id]
    won = [r for r in standing if r.elected]
    votes = sum(r.votes or 0 for r in standing)
    total = sum(r.votes or 0 for r in catalog.official_results)
    gained = [s for s in _counted_seats(catalog) if _gained_by(catalog, s, party_id)]
    share = percent(round(100 * votes / total, 1))
    counted = len(_counted_seats(catalog))
    blocks: list[Block] = [
        paragraph(
            bold(party_as_subject(party)), f" won {len(won)} of {counted} seats, standing in "
            f"{len(standing)}, with {number(votes)} votes ({share} of all votes cast).",
        )
    ]  # fmt: skip
    if gained:
        were = "was a gain" if len(gained) == 1 else "were gains"
        blocks.append(paragraph(f"Of those, {len(gained)} {were}."))
    if 0 < len(won) <= LIST_LENGTH:
        blocks.append(
            BulletList(
                tuple(paragraph(bold(catalog.candidate_name(r)), f", {_seat(catalog, r.seat)}")
                      for r in won)
            )
        )  # fmt: skip
    return Answer(
        Status.ANSWERED,
        tuple(blocks),
        headline=f"{party.name}: {len(won)} seats, {number(votes)} votes",
        entities=(party_key(party_id), *(seat_key(r.seat) for r in won[:LIST_LENGTH] if r.seat)),
        sources=catalog.provenance.whole_dataset("result", f"{party.name}’s votes and winners")
        + catalog.provenance.whole_dataset("seat", "its gains, from the Result column"),
    )


def _seats(count: int) -> str:
    return f"{count} seat" if count == 1 else f"{count} seats"


def _seat(catalog: Catalog, seat_id: str | None) -> str:
    return catalog.seats[seat_id].name if seat_id else "seat not named"


def _gained_by(catalog: Catalog, seat: Constituency, party_id: str) -> bool:
    outcome = catalog.outcome(seat.id)
    return outcome is not None and outcome.changed_hands and outcome.winner == party_id


def gains(catalog: Catalog, party_id: str | None) -> Answer:
    """Seats that changed hands: by party, or one party's list."""
    if not catalog.official:
        return _no_official()
    changed = [
        (seat, outcome)
        for seat in _counted_seats(catalog)
        if (outcome := catalog.outcome(seat.id)) is not None and outcome.changed_hands
    ]
    if party_id is not None:
        party = catalog.parties[party_id]
        mine = sorted((item for item in changed if item[1].winner == party_id),
                      key=lambda item: item[0].name)  # fmt: skip
        items = tuple(paragraph(bold(seat.name), f": {outcome.words()}") for seat, outcome in mine)
        seats = "seat" if len(mine) == 1 else "seats"
        lead = f"{party_as_subject(party)} gained {len(mine)} {seats}" + (":" if mine else ".")
        return Answer(
            Status.ANSWERED,
            (paragraph(lead), *([BulletList(items)] if items else [])),
            headline=f"{party.name}: {len(mine)} gains",
            entities=(party_key(party_id), *(seat_key(seat.id) for seat, _ in mine)),
            sources=catalog.sources_of(_seat_sources(catalog, [seat for seat, _ in mine])),
        )
    by_winner: dict[str, list[Constituency]] = defaultdict(list)
    names: dict[str, str] = {}
    for seat, outcome in changed:
        by_winner[outcome.winner].append(seat)
        names[outcome.winner] = outcome.winner_name
    items = tuple(
        paragraph(bold(names[who]), f": {len(seats)} gain" + ("s" if len(seats) > 1 else ""))
        for who, seats in sorted(by_winner.items(), key=lambda item: -len(item[1]))
    )
    return Answer(
        Status.ANSWERED,
        (
            paragraph(f"{len(changed)} of {len(_counted_seats(catalog))} seats changed hands:"),
            BulletList(items),
        ),
        headline=f"{len(changed)} seats changed hands",
        sources=catalog.provenance.whole_dataset("seat", "gains counted from the Result column"),
    )


def turnout(seat: Constituency) -> float | None:
    """Valid votes as a share of the electorate, as the Library reports turnout."""
    if not seat.electorate or seat.valid_votes is None:
        return None
    return round(100 * seat.valid_votes / seat.electorate, 1)


def seat_ranking(catalog: Catalog, measure: Measure, most: bool) -> Answer:
    """Seats by majority or turnout."""
    if not catalog.official:
        return _no_official()
    if measure is Measure.MAJORITY:
        pool = [(s, float(s.majority)) for s in _counted_seats(catalog) if s.majority is not None]
        word = "largest majorities" if most else "smallest majorities"
    else:
        pool = [(s, t) for s in _counted_seats(catalog) if (t := turnout(s)) is not None]
        word = "highest turnout" if most else "lowest turnout"
    pool.sort(key=lambda item: item[1], reverse=most)
    top = pool[:LIST_LENGTH]
    items = []
    for seat, value in top:
        winner = catalog.winner(seat.id)
        shown = number(int(value)) if measure is Measure.MAJORITY else percent(value)
        who = f" ({with_party(catalog, winner)})" if winner else ""
        items.append(paragraph(bold(seat.name), f": {shown}{who}"))
    first, value = top[0]
    shown = number(int(value)) if measure is Measure.MAJORITY else percent(value)
    return Answer(
        Status.ANSWERED,
        (paragraph(f"{capitalised(word)} of {len(pool)} seats:"), BulletList(tuple(items))),
        headline=f"{capitalised(word)}: {first.name}, {shown}",
        entities=tuple(seat_key(s.id) for s, _ in top),
        sources=catalog.sources_of(_seat_sources(catalog, [s for s, _ in top])),
    )


def declarations(catalog: Catalog, declared: list[Constituency]) -> Answer:
    """The first seats to declare, as the official results time them."""
    first = sorted(declared, key=lambda s: s.declared or "")[:LIST_LENGTH]
    items = tuple(paragraph(bold(s.name), f": {s.declared}") for s in first)
    return Answer(
        Status.ANSWERED,
        (paragraph(f"The first of {len(declared)} seats with a declaration time:"),
         BulletList(items)),
        headline=f"First to declare: {first[0].name}",
        entities=tuple(seat_key(s.id) for s in first),
        sources=catalog.sources_of(_seat_sources(catalog, first)),
    )  # fmt: skip
