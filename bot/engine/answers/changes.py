"""Seats that changed hands: all of them, those a party gained (from a party), those a
party lost (to a party), for the whole election or a place."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from bot.engine.answers.scope import EVERY_SEAT, Scope
from bot.engine.answers.tally import (
    LIST_LENGTH,
    capped_list,
    counted_seats,
    not_counted,
)
from bot.engine.model.answer import Answer, Block, BulletList, Status, bold, paragraph
from bot.engine.model.keys import Key
from bot.engine.results.catalog import Catalog, party_key, seat_key
from bot.engine.wording.phrases import (
    party_as_object,
    party_as_subject,
)
from knowledge.schema import Constituency


def changes(
    catalog: Catalog,
    scope: Scope = EVERY_SEAT,
    winner: str | None = None,
    loser: str | None = None,
) -> Answer:
    """Seats that changed hands: all of them by who gained, or those a party gained (from a
    party), or those a party lost (to a party)."""
    if not counted_seats(catalog, scope):
        return not_counted(catalog)
    counted = counted_seats(catalog, scope)
    changed = [
        (seat, outcome)
        for seat in counted
        if (outcome := catalog.outcome(seat.id)) is not None
        and outcome.changed_hands
        and (winner is None or outcome.winner == winner)
        and (loser is None or outcome.previous == loser)
    ]
    changed.sort(key=lambda item: item[0].name)
    keys = (
        *(party_key(p) for p in (winner, loser) if p), *scope.keys,
        *(seat_key(seat.id) for seat, _ in changed[:LIST_LENGTH]),
    )  # fmt: skip
    sources = catalog.provenance.whole_dataset("seat", "changes of hands, from the Result column")
    if winner is None and loser is None:
        return _changes_by_winner(catalog, scope, counted, changed, keys, sources)
    lead = _changes_lead(catalog, scope, winner, loser, len(changed))
    items = tuple(paragraph(bold(seat.name), f": {outcome.words()}") for seat, outcome in changed)
    blocks: list[Block] = [paragraph(lead), *capped_list(items)]
    return Answer(
        Status.ANSWERED, tuple(blocks), headline=lead.rstrip(":."), entities=keys, sources=sources
    )


def _changes_lead(
    catalog: Catalog, scope: Scope, winner: str | None, loser: str | None, count: int
) -> str:
    seats = "seat" if count == 1 else "seats"
    end = ":" if count else "."
    if winner is not None:
        gainer = party_as_subject(catalog.parties[winner])
        source = f" from {party_as_object(catalog.parties[loser])}" if loser else ""
        return f"{gainer} gained {count} {seats}{source}{scope.where}{end}"
    assert loser is not None
    return (
        f"{party_as_subject(catalog.parties[loser])} lost {count} {seats}{scope.where} held on "
        f"the notional 2019 results{end}"
    )


def _changes_by_winner(
    catalog: Catalog,
    scope: Scope,
    counted: list[Constituency],
    changed: Sequence[tuple[Constituency, object]],
    keys: tuple[Key, ...],
    sources: tuple[object, ...],
) -> Answer:
    by_winner: dict[str, list[Constituency]] = defaultdict(list)
    names: dict[str, str] = {}
    for seat, _ in changed:
        outcome = catalog.outcome(seat.id)
        assert outcome is not None
        by_winner[outcome.winner].append(seat)
        names[outcome.winner] = outcome.winner_name
    lead = f"{len(changed)} {scope.of_seats(len(counted))} changed hands"
    blocks: list[Block] = [paragraph(lead + ":")]
    if scope.place_id is not None and len(changed) <= LIST_LENGTH:
        blocks.append(
            BulletList(
                tuple(
                    paragraph(bold(seat.name), f": {outcome.words()}")
                    for seat, _ in changed
                    if (outcome := catalog.outcome(seat.id)) is not None
                )
            )
        )
    else:
        blocks.append(
            BulletList(
                tuple(
                    paragraph(bold(names[who]), f": {len(seats)} gain" + "s" * (len(seats) > 1))
                    for who, seats in sorted(by_winner.items(), key=lambda item: -len(item[1]))
                )
            )
        )
    return Answer(
        Status.ANSWERED,
        tuple(blocks),
        headline=lead,
        entities=keys,
        sources=catalog.provenance.whole_dataset("seat", "changes of hands, from Result"),
    )


def holds(catalog: Catalog, scope: Scope, party_id: str | None) -> Answer:
    """Seats won again by the party that won them in 2019 (notional): a party's, or all."""
    if not counted_seats(catalog, scope):
        return not_counted(catalog)
    held = sorted(
        (
            seat
            for seat in counted_seats(catalog, scope)
            if (outcome := catalog.outcome(seat.id)) is not None
            and not outcome.changed_hands
            and party_id in {None, outcome.winner}
        ),
        key=lambda seat: seat.name,
    )
    who = party_as_subject(catalog.parties[party_id]) if party_id else "Parties"
    seats = "seat" if len(held) == 1 else "seats"
    lead = f"{who} held {len(held)} {seats}{scope.where} won in 2019 (notional)"
    blocks: list[Block] = [
        paragraph(lead + (":" if held else ".")),
        *capped_list([paragraph(bold(s.name)) for s in held]),
    ]
    return Answer(
        Status.ANSWERED,
        tuple(blocks),
        headline=lead,
        entities=(*(party_key(p) for p in [party_id] if p), *scope.keys),
        sources=catalog.provenance.whole_dataset("seat", "holds, from the Result column"),
    )
