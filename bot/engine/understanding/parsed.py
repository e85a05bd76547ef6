"""What the reader makes of a question's words: each phrase with its role (Found), each
figure (Figure), and the whole reading (Parsed) that the Ask is built from."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.engine.model.ask import (
    Ask,
    Measure,
    Operation,
)
from bot.engine.model.keys import Kind
from bot.engine.understanding.index import Mention
from bot.engine.understanding.lexicon import Role, Sense

COMPARISONS = frozenset({Role.ABOVE, Role.BELOW, Role.AT_LEAST, Role.AT_MOST})


@dataclass(frozen=True)
class Found:
    """One phrase of the question and what it means."""

    start: int
    end: int
    sense: Sense
    text: str
    role: Role  # the sense's role, kept beside it: read for every phrase many times over


@dataclass(frozen=True)
class Figure:
    """A number in the question: '1,000', '50%', '20k'."""

    start: int
    end: int
    value: float
    percent: bool


@dataclass(frozen=True)
class Parsed:
    ask: Ask | None  # None: not a question the evaluator computes (a name alone, a quote...)
    found: tuple[Found, ...] = ()
    figures: tuple[Figure, ...] = ()
    not_understood: tuple[str, ...] = ()  # words with no role at all
    negations: tuple[str, ...] = ()  # words that would change the answer: "not", "except"
    # What "not"/"except" applies to where it is read: ("party", id), ("place", id), ("won", "")
    negated: tuple[tuple[str, str], ...] = ()
    negated_at: frozenset[int] = frozenset()  # where those targets stand in the question
    not_held: tuple[str, ...] = ()  # words asking what the results do not hold
    unanswerable: tuple[str, ...] = ()  # "why", "before"
    judgement: tuple[str, ...] = ()  # "landslide"
    loose_places: tuple[str, ...] = ()  # "up north": no one region of the results
    earlier: bool = False  # another election than 2024
    since_2019: bool = False  # "compared to 2019"
    existential: bool = False  # "are there": "there" is no seat
    national: bool = False
    yes_no: bool = False
    roles: frozenset[Role] = field(default_factory=frozenset)

    def has(self, role: Role) -> bool:
        return role in self.roles

    @property
    def has_total(self) -> bool:
        """'in total', 'add up': a total asked for in so many words."""
        return any(f.sense.value is Operation.TOTAL for f in self.found)

    def texts(self, role: Role) -> tuple[str, ...]:
        return tuple(f.text for f in self.found if f.role is role)


# --- the Ask -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Subjects:
    people: tuple[str, ...]
    seats: tuple[str, ...]
    parties: tuple[str, ...]
    places: tuple[str, ...]
    genders: tuple[str, ...]

    @property
    def pairs(self) -> bool:
        """Two of a kind: a comparison's two sides."""
        return any(len(v) > 1 for v in (self.people, self.seats, self.places, self.genders))


def sense_measure(sense: Sense) -> tuple[Measure, bool | None]:
    value = sense.value
    if isinstance(value, tuple):  # "closest" is the smallest majority, even in "top 5"
        return value[0], value[1]
    assert isinstance(value, Measure)
    return value, None


def mps(parsed: Parsed) -> bool:
    return any(f.role is Role.WON and f.sense.value == "mps" for f in parsed.found)


def party_at(mentions: tuple[Mention, ...], at: int) -> set[str]:
    """The party named right after a word ("from the SNP": the word, then maybe "the")."""
    return {
        m.keys[0].id for m in mentions if m.keys[0].is_a(Kind.PARTY) and m.start in {at, at + 1}
    }
