"""A question the kinds of question answer over the whole results ("women elected", "which
independents won", "compare Labour and Reform"), restated during a night as the computed
question it is, so it can be answered over the seats declared so far instead of refused."""

from __future__ import annotations

from bot.engine.model.ask import Ask, Measure, Operation, Selection, Unit
from bot.engine.model.keys import Key, Kind
from bot.engine.model.query import Query
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
