"""A question the kinds of question answer over the whole results ("women elected", "which
independents won", "compare Labour and Reform"), restated during a night as the computed
question it is, so it can be answered over the seats declared so far instead of refused."""

from __future__ import annotations

from bot.engine.model.ask import Ask, Measure, Operation, SeatChange, Selection, Unit
from bot.engine.model.keys import Key, Kind
from bot.engine.model.query import Query
from bot.engine.night.reading import NightAsk, NightQuestion
from bot.engine.night.reading import Outcome as NightOutcome
from bot.engine.understanding.intents import Outcome
from bot.engine.understanding.kinds import Intent

# What each word of these questions may have been read as: any other reading (a figure, a
# position, "not") is more than the restated question says, so it is not restated.
_PLAIN_ROLES = frozenset(
    ("gender", "won", "first time", "sitting", "party", "place", "filler", "which", "operation",
     "unit", "who", "list", "count", "each")
)  # fmt: skip


def winners_asked(query: Query | None) -> Ask | None:
    """The question of who won (or of seats compared) that a kinds answer was, if plainly one."""
    if query is None or query.ask is not None or query.year not in (None, 2024):
        return None
    if any(role not in _PLAIN_ROLES for _, role in query.words):
        return None
    keys = [Key(k) for k in query.keys]
    if any(k.kind not in {Kind.PARTY, Kind.PLACE} for k in keys):
        return None
    parties = tuple(k.id for k in keys if k.is_a(Kind.PARTY))
    places = [k.id for k in keys if k.is_a(Kind.PLACE)]
    if len(places) > 1:
        return None
    place = places[0] if places else None
    filters = query.filters
    if query.intent is Intent.COMPARE and len(parties) == 2:
        sides = tuple(Selection(parties=(p,), place=place, won=True) for p in parties)
        return Ask(Operation.COMPARE, Measure.SEATS, Unit.PARTY, Selection(place=place, won=True),
                   compared=(sides[0], sides[1]))  # fmt: skip
    if query.intent is Intent.SEATS and not parties:  # "seats by party"
        return Ask(Operation.RANK, Measure.SEATS, Unit.PARTY, Selection(place=place, won=True))
    if query.intent not in {Intent.WINNER, Intent.COUNT} or filters.outcome is not Outcome.WON:
        return None
    operation = Operation.COUNT if query.intent is Intent.COUNT else Operation.LIST
    return Ask(operation, None, Unit.CANDIDATE, Selection(
        parties=parties, place=place, won=True, gender=filters.gender,
        sitting=True if filters.sitting else None, first_time=filters.first_time))  # fmt: skip


def as_computed(asked: NightQuestion) -> Ask | None:
    """The night's own question as the computed question it is over the seats so far, for
    follow-ups to build on: "how many of them are women" after "Labour gains in the North
    West", "and in Wales?" after "the closest result so far"."""
    places = asked.keys_of(Kind.PLACE)
    parties = asked.keys_of(Kind.PARTY)
    if len(places) > 1 or asked.keys_of(Kind.SEAT) or asked.keys_of(Kind.PERSON):
        return None
    place = places[0].id if places else None
    if asked.ask is NightAsk.CLOSEST and not parties:
        return Ask(Operation.RANK, Measure.MAJORITY, Unit.SEAT, Selection(place=place),
                   descending=asked.biggest)  # fmt: skip
    if asked.ask is not NightAsk.PARTY_SEATS or len(parties) != 1:
        return None
    party = parties[0].id
    if asked.outcome is NightOutcome.LOST:  # won from the party by another
        selection = Selection(place=place, gained_from=party, seat_change=SeatChange.GAINED)
    else:
        change = _CHANGE_OF.get(asked.outcome)
        selection = Selection(parties=(party,), place=place, won=True, seat_change=change)
    return Ask(Operation.COUNT, None, Unit.SEAT, selection)


_CHANGE_OF = {NightOutcome.GAINED: SeatChange.GAINED, NightOutcome.HELD: SeatChange.HELD}
