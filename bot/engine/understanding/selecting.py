"""Which rows a question is about: its Selection (party, place, outcome, position, gender,
sitting, first-time, seats changing hands, what is left out), and a comparison's two sides."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.model.ask import (
    Measure,
    Operation,
    SeatChange,
    Selection,
    Threshold,
    Unit,
)
from bot.engine.model.keys import Kind
from bot.engine.understanding.index import Mention
from bot.engine.understanding.lexicon import Role
from bot.engine.understanding.parsed import Found, Parsed, Subjects, mps, party_at


def read_selection(
    found: tuple[Found, ...],
    parsed: Parsed,
    unit: Unit,
    mentions: tuple[Mention, ...],
    subjects: Subjects,
    thresholds: tuple[Threshold, ...],
    operation: Operation,
    measure: Measure | None = None,
) -> Selection:
    roles = parsed.roles
    parties = subjects.parties
    won: bool | None = None
    sitting: bool | None = True if Role.SITTING in roles else None
    found = tuple(f for f in found if f.start not in parsed.negated_at)
    roles = frozenset(f.role for f in found)
    if any(f.role is Role.WON and not _won_as_got(f, found) for f in found) or _party_seats(
            found, mentions):  # fmt: skip
        won = True  # "Labour MPs", "seats Labour won", "Conservative seats"
    lost_share = any(t.measure is Measure.CHANGE for t in thresholds)
    if Role.LOST in roles and not lost_share:  # "lost more than 30 points" is a fall
        won = False
        if mps(parsed):
            sitting = True  # "MPs who lost": those who were MPs
    position = next((f.sense.value for f in found if f.role is Role.POSITION), None)
    placed = None
    if isinstance(position, int) and len(parties) > 1 and Role.WON in roles:
        # "seats Labour won where the Conservatives came second": the party named just
        # before the place came there; the other won.
        at = next(f.start for f in found if f.role is Role.POSITION)
        before = [m for m in mentions if m.keys[0].is_a(Kind.PARTY) and 0 < at - m.end <= 2]
        if before:
            placed = (before[-1].keys[0].id, position)
            parties = tuple(p for p in parties if p != placed[0])
            position = None
    change = next((f.sense.value for f in found if f.role is Role.SEAT_CHANGE), None)
    gained_from = None
    winners = parties
    if Role.FROM in roles and parties and not _swing_asked(found):
        # "gained from the SNP": the party after "from" lost the seat.
        at = next(f.end for f in found if f.role is Role.FROM)
        after = [p for p in parties if p in party_at(mentions, at)]
        if after:
            gained_from = after[0]
            winners = tuple(p for p in parties if p != gained_from)
            change = SeatChange.GAINED
    won_by = None
    to_at = [f.end for f in found if f.role is Role.TO]
    if Role.LOST in roles and to_at:
        # "lost to Reform": the party after "to" won the seat; the other one lost it.
        after = [p for p in parties if p in party_at(mentions, to_at[0])]
        if after:
            won_by = after[0]
            winners = parties = tuple(p for p in parties if p != won_by)
            if unit is Unit.SEAT:
                parties = winners = (*parties, won_by)
                won_by = None
    if change is SeatChange.GAINED and gained_from is None and to_at and len(parties) == 2:
        # "flipped SNP to Labour": the party after "to" gained, the other lost.
        after = [p for p in parties if p in party_at(mentions, to_at[0])]
        if after:
            gained_from = next(p for p in parties if p != after[0])
            parties = winners = (after[0],)
            won = True
    went = next((f for f in found if f.role is Role.WON and f.sense.value == "went"), None)
    if went is not None and gained_from is None and won_by is None and len(parties) == 2:
        # "Tory seats that have gone Lib Dem": the party after it gained, the other lost.
        after = [p for p in parties if p in party_at(mentions, went.end)]
        if after:
            gained_from = next(p for p in parties if p != after[0])
            parties = winners = (after[0],)
            change, won = SeatChange.GAINED, True
    seat_losses = unit is Unit.SEAT and won is False and parties and change is None
    if seat_losses and not any(t.measure is Measure.BEHIND for t in thresholds):
        # "seats Labour lost": won from Labour by another party.
        gained_from, winners, won, change = parties[0], parties[1:], None, SeatChange.GAINED
        if winners:
            won = True
    if change is not None and winners and won is None:
        won = True  # "seats Labour held": Labour won them
    a_partys_seats = unit is Unit.SEAT and len(winners) == 1 and won is None and not (
        position or placed or change or gained_from or thresholds or _stood(found))  # fmt: skip
    # ... but "Conservative votes in each London seat" are its candidates' votes, won or not
    of_its_candidates = measure in {Measure.VOTES, Measure.SHARE, Measure.CHANGE}
    if a_partys_seats and operation in {Operation.COUNT, Operation.LIST} and not (
            of_its_candidates):  # fmt: skip
        won = True  # "how many seats does Labour have", "which seats did the Greens get"
    if operation is Operation.COMPARE:
        gender = None
    else:
        gender = subjects.genders[0] if subjects.genders else None
    comparing = operation is Operation.COMPARE
    excluded = dict(parsed.negated)
    excluded_parties = tuple(i for kind, i in parsed.negated if kind == "party")
    not_won_by: tuple[str, ...] = ()
    if unit is Unit.SEAT and excluded_parties:
        # "seats in Wales other than Labour's": seats another party won
        not_won_by, excluded_parties = excluded_parties, ()
    if "won" in excluded and unit is Unit.SEAT and winners:
        not_won_by, winners, won = (*not_won_by, winners[0]), winners[1:], None  # "didn't win"
    elif "won" in excluded:
        won = False  # "which Labour candidates did not win"
    if "lost" in excluded:
        won = True
    return Selection(
        people=subjects.people if len(subjects.people) == 1 else (),
        seats=subjects.seats if len(subjects.seats) == 1 else (),
        parties=winners if not (comparing and len(winners) > 1) else (),
        place=subjects.places[0] if len(subjects.places) == 1 else None,
        won=won,
        position=position if isinstance(position, int) else None,
        gender=gender,
        sitting=sitting,
        first_time=Role.FIRST_TIME in roles,
        seat_change=change if isinstance(change, SeatChange) else None,
        gained_from=gained_from,
        won_by=won_by,
        placed=placed,
        excluded_parties=excluded_parties,
        excluded_place=excluded.get("place"),
        excluded_seats=tuple(i for kind, i in parsed.negated if kind == "seat"),
        not_won_by=not_won_by,
        thresholds=thresholds,
    )


def of_winners(measure: Measure | None, thresholds: tuple[Threshold, ...]) -> bool:
    """A majority, or a lead over the runner-up, is a winner's: a party's is where it won."""
    margins = {Measure.MAJORITY, Measure.AHEAD}
    return measure in margins or any(t.measure in margins for t in thresholds)


def _swing_asked(found: tuple[Found, ...]) -> bool:
    """'swing from Con to Lab': the parties of a swing, not a seat won from one by another."""
    return any(f.role is Role.MEASURE and f.sense.value is Measure.SWING for f in found)


def _party_seats(found: tuple[Found, ...], mentions: tuple[Mention, ...]) -> bool:
    """'Conservative seats': a party named right before "seats" is the party that won them."""
    ends = {m.end for m in mentions if m.keys[0].is_a(Kind.PARTY)}
    return any(
        f.role is Role.UNIT and f.sense.value is Unit.SEAT and f.start in ends for f in found
    )


def read_compared(
    operation: Operation, selection: Selection, subjects: Subjects, parties_pair: bool
) -> tuple[Selection, Selection] | None:
    if operation is not Operation.COMPARE:
        return None
    if len(subjects.people) >= 2:
        first, second = subjects.people[:2]
        return replace(selection, people=(first,)), replace(selection, people=(second,))
    if len(subjects.seats) >= 2:
        first, second = subjects.seats[:2]
        return replace(selection, seats=(first,)), replace(selection, seats=(second,))
    if len(subjects.places) >= 2:
        first, second = subjects.places[:2]
        return replace(selection, place=first), replace(selection, place=second)
    if len(subjects.genders) >= 2:
        first, second = subjects.genders[:2]
        return replace(selection, gender=first), replace(selection, gender=second)
    if parties_pair:
        first, second = subjects.parties[:2]
        return replace(selection, parties=(first,)), replace(selection, parties=(second,))
    return None


# What may stand between "won" and the figure it takes: "won the most votes".
_BEFORE_FIGURE = frozenset({Role.FILLER, Role.MOST, Role.LEAST})


def _won_as_got(won: Found, found: tuple[Found, ...]) -> bool:
    """'which party won most votes', 'who won the biggest share': "won" takes the votes as its
    object, meaning got them; not the outcome filter of "who won with the lowest share"."""
    for after in sorted((f for f in found if f.start > won.start), key=lambda f: f.start):
        if after.role in _BEFORE_FIGURE and after.text != "with":
            continue
        return after.role is Role.MEASURE and after.sense.value in {Measure.VOTES, Measure.SHARE}
    return False


# "seats Reform stood in": the seats a party contested, not those it won
_STOOD = frozenset({"stand", "stood", "standing", "ran", "run", "contest", "contested", "fought",
                    "fight", "candidates", "candidate"})  # fmt: skip


def _stood(found: tuple[Found, ...]) -> bool:
    return any(f.text in _STOOD for f in found)
