"""Which election a question is about: a year ("in 2017"), a range ("since 2010", "has it
always been Labour"), a by-election, or who holds a seat now ("who is the MP for"). Read from
the question's words alone; the words read here are reported, so no word is both read as an
election and left as not understood."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.model.ask import Measure
from bot.engine.understanding.intents import Intent
from bot.engine.understanding.vocabulary import is_year

ELECTION_YEAR = 2024  # the general election the results of 2024 are
# A year after these is a figure, not an election: "under 2000 votes".
_FIGURE_BEFORE = frozenset("under over than above below least most beneath exceeding".split())
_RANGE_START = frozenset({"since", "from", "after"})
_RANGE_END = frozenset({"to", "until", "till", "and", "through"})
# Words that ask about every election: the seat's or party's record.
_EVERY_WORDS = frozenset("always ever history historically trend".split())
_EVERY_PHRASES: tuple[tuple[str, ...], ...] = (
    ("every", "election"),
    ("every", "elections"),
    ("each", "election"),
    ("all", "elections"),
    ("all", "the", "elections"),
    ("over", "the", "years"),
    ("over", "time"),
    ("used", "to"),
    ("each", "time"),
)
_BY_ELECTION: tuple[tuple[str, ...], ...] = (
    ("by", "election"),
    ("by", "elections"),
    ("byelection",),
    ("byelections",),
)
_NOW_WORDS = frozenset("now currently current today present still".split())
_MP_WORDS = frozenset({"mp", "member", "represents", "represent", "representative"})
_REPRESENTS = frozenset({"represents", "represent", "representative", "representing"})


# Every word read here: known words, so the name index never takes one for part of a name
# ("has Carswell always been UKIP": not a person called "Carswell Always").
ELECTION_WORDS = frozenset(
    _EVERY_WORDS
    | _NOW_WORDS
    | _MP_WORDS
    | _RANGE_START
    | {word for phrase in (*_EVERY_PHRASES, *_BY_ELECTION) for word in phrase}
    | {"record", "results", "elections", "before"}
)


@dataclass(frozen=True)
class ElectionsAsked:
    """The election or elections a question asks about."""

    years: tuple[int, ...] = ()  # the years named, in order
    since: int | None = None  # "since 2010": from that year on
    until: int | None = None  # "2010 to 2017", "before 2024"
    every: bool = False  # "always", "every election", "history", "ever"
    ever: bool = False  # "has Reform ever won it": whether any did, not whether all did
    by_election: bool = False
    now: bool = False  # "who is the MP", "my MP", "currently": the latest result, by-elections too
    before_now: bool = False  # "the MP before", "the previous MP": the one before the MP now
    parliament: int | None = None  # "the 2017 parliament": the by-elections while it sat
    measure: Measure | None = None  # the figure named ("seats"), kept by a follow-up
    used: frozenset[int] = frozenset()  # the positions of the words read here

    @property
    def earlier(self) -> bool:
        """About elections the 2024 results alone cannot answer."""
        other_years = [y for y in self.years if y != ELECTION_YEAR]
        return (
            bool(other_years)
            or self.every
            or self.by_election
            or self.before_now
            or self.since is not None
            or self.parliament is not None
        )

    @property
    def year(self) -> int | None:
        """The one year asked about, where one is."""
        if self.since is not None or self.until is not None or self.every:
            return None
        return self.years[0] if len(self.years) == 1 else None


@dataclass(frozen=True)
class Subjects:
    """What the question names, resolved: ids, and the seat's name as asked."""

    seat: str | None = None  # the id of the seat's name (a 2024 seat or an older one)
    seat_name: str | None = None
    person: str | None = None
    parties: tuple[str, ...] = ()
    place: str | None = None  # a region or nation, by name
    several: bool = False  # two seats or two people named: each is asked alone
    town: str | None = None  # a town naming several 2024 seats ("Leicester"), by name

    @property
    def empty(self) -> bool:
        return not (self.seat or self.person or self.parties or self.place)


@dataclass(frozen=True)
class Question:
    """A question across elections, as its answers read it: what it names, which elections,
    the kind of question and its words."""

    subjects: Subjects
    asked: ElectionsAsked
    intent: Intent | None = None
    place: int | None = None  # "who came second": 2
    yes_no: bool = False
    words: tuple[str, ...] = ()

    @property
    def measure(self) -> Measure | None:
        """The figure named, or the one the question it follows named ("and the tories?")."""
        return measure_of(self.words) or self.asked.measure

    def says(self, words: frozenset[str]) -> bool:
        """Whether any of these words is in the question."""
        return not words.isdisjoint(self.words)


def measure_of(words: tuple[str, ...]) -> Measure | None:
    """The figure a question names: seats, share, majority, turnout or votes."""
    bag = set(words)
    for measure, named in (
        (Measure.SEATS, {"seats", "seat", "mps"}),
        (Measure.SHARE, {"share", "percent", "percentage", "%"}),
        (Measure.MAJORITY, {"majority", "margin"}),
        (Measure.TURNOUT, {"turnout"}),
        (Measure.VOTES, {"votes", "vote"}),
    ):
        if bag & named:
            return measure
    return None


def elections_asked(words: tuple[str, ...]) -> ElectionsAsked:
    used: set[int] = set()
    years: list[int] = []
    since = until = None
    for i, word in enumerate(words):
        if not is_year(word) or (i > 0 and words[i - 1] in _FIGURE_BEFORE):
            continue
        year = int(word)
        years.append(year)
        used.add(i)
        before = words[i - 1] if i > 0 else ""
        if before in _RANGE_START:
            since = year
            used.add(i - 1)
        elif before in _RANGE_END and len(years) > 1:
            until = year
            since = since if since is not None else years[-2]
            used.add(i - 1)
        elif before == "before":
            until = year - 1
            used.add(i - 1)
    every = False
    for i, word in enumerate(words):
        if word in _EVERY_WORDS:
            every = True
            used.add(i)
    for phrase in _EVERY_PHRASES:
        at = _find(words, phrase)
        if at is not None:
            every = True
            used.update(range(at, at + len(phrase)))
    ever = "ever" in words
    by_election = False
    for phrase in _BY_ELECTION:
        at = _find(words, phrase)
        if at is not None:
            by_election = True
            used.update(range(at, at + len(phrase)))
    bag = set(words)
    # "makerfield mp", "who is the MP for", "who represents": the MP now, by-elections too
    # ... but "the last MP", "the previous MP", "the MP before" is the one before that
    earlier_mp = bool(bag & {"last", "previous", "former", "before", "ex"})
    now = bool(bag & _MP_WORDS) and not earlier_mp
    before_now = bool(bag & _MP_WORDS) and earlier_mp and not years
    if now:
        used.update(i for i, w in enumerate(words) if w in _NOW_WORDS | _REPRESENTS)
    if before_now:
        used.update(i for i, w in enumerate(words) if w in {"last", "previous", "before"})
    parliament = next(
        (
            int(words[i])
            for i in used
            if is_year(words[i]) and words[i + 1 : i + 2] == ("parliament",)
        ),
        None,
    )  # "by-elections in the 2017 parliament"
    if parliament is not None:
        used.update(i for i, w in enumerate(words) if w == "parliament")
        years = [y for y in years if y != parliament]
    return ElectionsAsked(
        tuple(years), since, until, every, ever, by_election, now, before_now, parliament,
        measure_of(words), frozenset(used),
    )  # fmt: skip


def _find(words: tuple[str, ...], phrase: tuple[str, ...]) -> int | None:
    for i in range(len(words) - len(phrase) + 1):
        if words[i : i + len(phrase)] == phrase:
            return i
    return None
