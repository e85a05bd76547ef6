"""A resolved request: what is asked and about which entities, after the conversation's
context is applied. Answering a Query needs no conversation, so a button or a link that
carries one gets the same answer after a restart, or when someone else taps it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum

from bot.engine.model.ask import Ask
from bot.engine.understanding.intents import Filters, Intent, Measure, Reading

# The election before the one the knowledge holds, as its results hold it: notional figures for
# the 2024 seats (what "last time" and "in 2019" are read as).
NOTIONAL_YEAR = 2019


class Operation(StrEnum):
    """How the question wants its answer."""

    LOOK_UP = "look up"
    YES_NO = "yes or no"
    COUNT = "count"
    RANK = "rank"
    COMPARE = "compare"
    LIST = "list"
    TOTAL = "total"


@dataclass(frozen=True)
class Query:
    intent: Intent | None
    keys: tuple[str, ...] = ()  # entity keys, most important first
    place: int | None = None
    most: bool = True
    measure: Measure = Measure.VOTES
    national: bool = False
    yes_no: bool = False
    year: int | None = None  # another election than the one the knowledge holds
    filters: Filters = field(default_factory=Filters)
    asks_who: bool = False  # "who beat X": a person first, not a yes or no
    asks_party: bool = False  # "which party came second": the party first
    top: int | None = None  # how many a ranking lists
    # The typed question, where the evaluator computed the answer: what was understood,
    # beyond the kind of question. Buttons carry it whole, as its short text (keyboards.py).
    ask: Ask | None = None
    # Each phrase of the question and what it was read as ("short": "measure", "narnia":
    # "not understood"): every word accounted for, shown by --json. Not carried by buttons.
    words: tuple[tuple[str, str], ...] = ()
    # That year's own results, on the seats of its day (the history), not the notional 2019
    # results of the 2024 seats
    old_seats: bool = False

    def __post_init__(self) -> None:
        # "Clacton and Clacton" asks about Clacton: a key named twice would only lengthen
        # the answer and every button that carries the query.
        object.__setattr__(self, "keys", tuple(dict.fromkeys(self.keys)))

    @classmethod
    def from_reading(cls, reading: Reading, keys: tuple[str, ...], ask: Ask | None = None) -> Query:
        return cls(
            reading.intent,
            keys,
            reading.place,
            reading.most,
            reading.measure,
            reading.national,
            reading.yes_no,
            reading.year,
            reading.filters,
            reading.asks_who,
            reading.asks_party,
            reading.top,
            ask,
        )

    def about(self, key: str) -> Query:
        """The same question about one entity: a choice made from a 'which one?'. A computed
        question gets the one chosen in the place of the one it was read with."""
        kind, _, entity = key.partition(":")
        ask, s = self.ask, self.ask.selection if self.ask else None
        if ask is not None and s is not None and ask.compared is None:
            if kind == "person" and len(s.people) == 1:
                ask = ask.narrowed(people=(entity,))
            elif kind == "seat" and len(s.seats) == 1 and not s.people:
                ask = ask.narrowed(seats=(entity,))
            else:
                ask = None
        return replace(self, keys=(key,), ask=ask)

    @property
    def operation(self) -> Operation:
        if self.ask is not None:
            return Operation(str(self.ask.operation))
        if self.yes_no and not self.asks_who:
            return Operation.YES_NO
        if self.intent is Intent.COUNT:
            return Operation.COUNT
        if self.intent is Intent.RANKING:
            return Operation.RANK
        if self.intent is Intent.COMPARE or (len(self.keys) > 1 and self.intent is None):
            return Operation.COMPARE
        if self.intent in {Intent.GAINS, Intent.SEATS}:
            return Operation.LIST
        return Operation.LOOK_UP

    def understood(self) -> dict[str, object]:
        """What the bot understood, as plain values: for --json and for tests."""
        defaults = asdict(Query(None))
        shown: dict[str, object] = {"intent": self.intent, "keys": list(self.keys)}
        shown |= {
            k: v
            for k, v in asdict(self).items()
            if v != defaults[k] and k not in shown and k not in {"ask", "words"}
        }
        if self.ask is not None:
            shown["ask"] = self.ask.understood()
        if self.words:
            shown["words"] = [list(pair) for pair in self.words]
        shown["operation"] = str(self.operation)
        shown["filters"] = {k: v for k, v in asdict(self.filters).items() if v}
        return shown
