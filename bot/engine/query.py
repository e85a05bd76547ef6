"""A resolved request: what is asked and about which entities, after the conversation's
context is applied. Answering a Query needs no conversation, so a button or a link that
carries one gets the same answer after a restart, or when someone else taps it."""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.engine.intents import Intent, Measure, Reading


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

    @classmethod
    def from_reading(cls, reading: Reading, keys: tuple[str, ...]) -> Query:
        return cls(
            reading.intent,
            keys,
            reading.place,
            reading.most,
            reading.measure,
            reading.national,
            reading.yes_no,
            reading.year,
        )

    def about(self, key: str) -> Query:
        """The same question about one entity: a choice made from a 'which one?'."""
        return replace(self, keys=(key,))
