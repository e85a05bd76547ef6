"""What a question asks, read from its words once names are taken out.

Which kind of question it is comes from the registry of kinds (kinds.py), most specific
first; this module reads the rest: which place (second, last), which measure a ranking
orders by, the filters (women, sitting MPs, first-time winners, won or lost), the year, yes
or no, and the words that refer back to the conversation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from bot.engine.understanding.index import Resolution
from bot.engine.understanding.kinds import GREETINGS, KINDS, Intent, QuestionKind
from bot.engine.understanding.lexicon import PHRASES, Role
from bot.engine.understanding.vocabulary import is_number, is_year

__all__ = ["HOW_MANY_DECLARED", "LAST_PLACE", "Intent", "Measure", "Reading", "read"]


class Measure(StrEnum):
    """What a ranking orders by."""

    VOTES = "votes"
    SHARE = "share"
    MAJORITY = "majority"
    TURNOUT = "turnout"
    CHANGE = "change"  # change in share since 2019: the swing to a candidate
    SEATS = "seats"  # who won the most seats
    CANDIDATES = "candidates"  # which seat had the most candidates


class Outcome(StrEnum):
    """Which candidates: the winners, or those who lost."""

    WON = "won"
    LOST = "lost"
    HELD = "held"  # won again by the party that won it in 2019 (notional)


@dataclass(frozen=True)
class Filters:
    """Which candidates a count or list is about, beyond party and place."""

    gender: str | None = None  # "Female" or "Male", as the data has it
    sitting: bool = False  # sitting MPs
    first_time: bool = False  # winners who were never MPs before
    outcome: Outcome | None = None


@dataclass(frozen=True)
class Reading:
    intent: Intent | None  # None: no question words, only names (or nothing)
    place: int | None = None  # for PLACE: 2 is "second"
    most: bool = True  # for RANKING: most/highest, or fewest/lowest
    measure: Measure = Measure.VOTES  # for RANKING
    follow_up: bool = False  # "and Blackburn?", "what about ..."
    national: bool = False  # about the election as a whole ("who won the election")
    yes_no: bool = False  # "did ...?", "is ...?": the answer starts with Yes or No
    refers_to_person: bool = False  # he, she, they, his ...
    refers_to_seat: bool = False  # there, that seat, it
    year: int | None = None  # "who won X in 2019": another election than the one known
    filters: Filters = field(default_factory=Filters)
    asks_who: bool = False  # "who beat X": a person, not a yes or no
    asks_party: bool = False  # "which party came second": the party first
    top: int | None = None  # "top 5 majorities": how many to list


ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
FEWEST_WORDS = frozenset("fewest least lowest smallest worst bottom".split())
CLOSE_WORDS = frozenset("closest narrowest tightest close narrow marginal marginals".split())
SAFE_WORDS = frozenset("safest safe".split())  # the largest majorities
HELD_WORDS = frozenset("hold holds held retain retained keep kept".split())
STOOD_WORDS = frozenset("stood stand standing".split())  # "how many sitting MPs stood"
SWING_WORDS = frozenset("swing swings".split())
SHARE_WORDS = frozenset("share percent percentage proportion".split())
MAJORITY_WORDS = frozenset("majority majorities margin margins gap".split())
WIN_WORDS = next(k.words for k in KINDS if k.intent is Intent.WINNER)
LOST_WORDS = next(k.words for k in KINDS if k.intent is Intent.LOST)
FINISH_WORDS = next(k.words for k in KINDS if k.intent is Intent.FINISH)
CHANGE_WORDS = next(k.words for k in KINDS if k.intent is Intent.CHANGE)
# "since 2019", "compared with 2019": the year is a baseline to compare with, not the one asked.
BASELINE_WORDS = frozenset("since from on than vs versus compared with".split())
ELECTION_YEAR = 2024
MAX_TOP = 50
# "who came last" cannot be answered from a partial list: the reading says so to the composer.
LAST_PLACE = -1
# "how many seats have declared": a count, not a place in the order results came in.
HOW_MANY_DECLARED = 0
YES_NO_OPENERS = frozenset("did does do is was were are has had will can".split())
PERSON_PRONOUNS = frozenset("he she him her his hers they them their theirs".split())
SEAT_PRONOUNS = frozenset("there it".split())
# "are there": read from the lexicon, which holds every question phrase once.
EXISTENTIAL_PHRASES = tuple(p for p, sense in PHRASES.items() if sense.role is Role.EXISTENTIAL)
NATIONAL_WORDS = frozenset("national nationally nationwide overall country uk britain".split())
FOLLOW_UP_OPENERS = (("and",), ("what", "about"), ("how", "about"), ("what", "of"), ("also",))
FIRST_TIME_PHRASES = ("first time", "newly elected", "new mps", "new mp")


def read(resolution: Resolution) -> Reading:
    named = {i for m in (*resolution.mentions, *resolution.doubtful) for i in range(m.start, m.end)}
    words = [w for i, w in enumerate(resolution.words) if i not in named]
    text = " ".join(words)
    filters = _filters(words, text)
    if filters.first_time:  # "first-time winners" is no "first place"
        text = " ".join(w for w in text.replace("first time", "").split())
        words = text.split()
    opener = next((o for o in FOLLOW_UP_OPENERS if tuple(resolution.words[: len(o)]) == o), ())
    follow_up = bool(opener)
    if opener and tuple(words[: len(opener)]) == opener:
        # "what about Dwyfor": the opener asks nothing ("about" is no overview); the kind of
        # question is the last one's.
        words = words[len(opener) :]
        text = " ".join(words)
    bag = set(words)
    refs = {
        "refers_to_person": bool(bag & PERSON_PRONOUNS),
        # "how many women MPs are there": "there" is no seat.
        "refers_to_seat": (bool(bag & SEAT_PRONOUNS) or "that seat" in text)
        and not any(phrase in text for phrase in EXISTENTIAL_PHRASES),
        "follow_up": follow_up,
    }
    year, baseline = _year(words)
    intent, place, most, measure = _intent(words, bag, text, baseline)
    narrowed = filters != Filters(outcome=filters.outcome)  # women, sitting MPs, first-timers
    if narrowed and ("how many" in text or intent is None) and intent not in {
        Intent.LOST, Intent.GAINS, Intent.SEATS}:  # fmt: skip
        intent = Intent.COUNT  # "how many women", "women candidates"
    national = ("election" in bag and not resolution.mentions) or bool(bag & NATIONAL_WORDS)
    opening = [w for w in resolution.words if w not in {"and", "so", "but", "then"}][:1]
    yes_no = bool(opening) and opening[0] in YES_NO_OPENERS
    return Reading(
        intent, place, most, measure, national=national, yes_no=yes_no, year=year,
        filters=filters, asks_who=bool(opening) and opening[0] == "who",
        asks_party="party" in bag and bool(bag & {"which", "what"}), top=_top(words), **refs,
    )  # fmt: skip


def _top(words: list[str]) -> int | None:
    """'top 5', 'the 3 closest': how many a ranking lists."""
    for word in words:
        if is_number(word) and not is_year(word) and 0 < int(word) <= MAX_TOP:
            return int(word)
    return None


def _filters(words: list[str], text: str) -> Filters:
    bag = set(words)
    gender = None
    if bag & {"women", "woman", "female", "females"}:
        gender = "Female"
    elif bag & {"men", "man", "male", "males"}:
        gender = "Male"
    outcome = None
    if bag & LOST_WORDS:
        outcome = Outcome.LOST
    elif bag & HELD_WORDS:
        outcome = Outcome.HELD
    elif bag & WIN_WORDS or ("mps" in bag and bag.isdisjoint(STOOD_WORDS)):
        outcome = Outcome.WON
    return Filters(
        gender=gender,
        sitting=bool(bag & {"sitting", "incumbent", "incumbents"}),
        first_time=any(phrase in text for phrase in FIRST_TIME_PHRASES),
        outcome=outcome,
    )


def _year(words: list[str]) -> tuple[int | None, bool]:
    """(the election year asked about, if not this one; whether a year is a baseline)."""
    for position, word in enumerate(words):
        if is_year(word):
            if BASELINE_WORDS.intersection(words[max(0, position - 2) : position]):
                return None, True
            return (None if int(word) == ELECTION_YEAR else int(word)), False
    return None, False


def _measure(bag: set[str]) -> Measure:
    if "candidates" in bag:
        return Measure.CANDIDATES
    if "seats" in bag and not bag & (MAJORITY_WORDS | CLOSE_WORDS | {"turnout"}):
        return Measure.SEATS
    if bag & SHARE_WORDS:
        return Measure.SHARE
    if bag & (MAJORITY_WORDS | CLOSE_WORDS | SAFE_WORDS):
        return Measure.MAJORITY
    if "turnout" in bag:
        return Measure.TURNOUT
    if bag & SWING_WORDS:
        return Measure.CHANGE
    return Measure.VOTES


def _asks(kind: QuestionKind, asked: _Words) -> bool:
    if not asked.bag.isdisjoint(kind.words):
        return True
    # Phrases only where the question has a word of one: most questions have none.
    return not asked.bag.isdisjoint(_phrase_words(kind)) and any(
        p in asked.text for p in kind.phrases
    )


@lru_cache(maxsize=64)
def _phrase_words(kind: QuestionKind) -> frozenset[str]:
    return kind.phrase_words


@dataclass(frozen=True)
class _Words:
    """A question's words, as every kind's matcher reads them."""

    words: list[str]
    bag: set[str]
    text: str
    baseline: bool  # a year to compare with ("since 2019")
    measure: Measure  # what a ranking would order by


Params = tuple[Intent, int | None, bool, Measure]  # kind, place, most, measure


def _intent(
    words: list[str], bag: set[str], text: str, baseline: bool
) -> tuple[Intent | None, int | None, bool, Measure]:
    plain = (None, True, Measure.VOTES)
    if bag and bag <= GREETINGS | {"me", "please", "you", "there", "bot", "can", "what", "do"}:
        return Intent.HELP, *plain
    asked = _Words(words, bag, text, baseline, _measure(bag))
    # The most specific match wins: tried in order of specificity, the first match is it.
    for kind in _by_specificity(KINDS):
        params = _MATCHERS.get(kind.intent, _matched)(kind, asked)
        if params is not None:
            return params
    return None, *plain


@lru_cache(maxsize=4)
def _by_specificity(kinds: tuple[QuestionKind, ...]) -> tuple[QuestionKind, ...]:
    return tuple(sorted(kinds, key=lambda kind: -kind.specificity))


def _matched(kind: QuestionKind, asked: _Words) -> Params | None:
    """A kind asked by any of its words or phrases, with no parameters of its own."""
    return (kind.intent, None, True, Measure.VOTES) if _asks(kind, asked) else None


def _ranking(kind: QuestionKind, asked: _Words) -> Params | None:
    if not _asks(kind, asked):
        return None
    fewest = bool(asked.bag & (FEWEST_WORDS | CLOSE_WORDS))
    return Intent.RANKING, None, not fewest, asked.measure


def _lost(kind: QuestionKind, asked: _Words) -> Params | None:
    if not _asks(kind, asked):
        return None
    if _won_by(asked.words):
        return Intent.MAJORITY, None, True, Measure.VOTES  # "lost by how much": the margin
    return Intent.LOST, None, True, Measure.VOTES


def _majority(kind: QuestionKind, asked: _Words) -> Params | None:
    if not _asks(kind, asked):
        return None
    if asked.bag.isdisjoint(kind.words) and asked.bag & CHANGE_WORDS:
        return None  # "how much did his vote fall": a change, not a majority
    return Intent.MAJORITY, None, True, Measure.VOTES


def _place(kind: QuestionKind, asked: _Words) -> Params | None:
    ordinal = _ordinal(asked.words, asked.bag) if _asks(kind, asked) else None
    return None if ordinal is None else (Intent.PLACE, ordinal, True, Measure.VOTES)


def _change(kind: QuestionKind, asked: _Words) -> Params | None:
    asks = _asks(kind, asked) or asked.baseline  # "share since 2019"
    return (Intent.CHANGE, None, True, Measure.VOTES) if asks else None


def _votes(kind: QuestionKind, asked: _Words) -> Params | None:
    bag = asked.bag
    if not _asks(kind, asked) or ("votes" not in bag and "vote" not in bag and bag & WIN_WORDS):
        return None  # "how many did Labour win" is seats or winners, not votes
    return Intent.VOTES, None, True, Measure.VOTES


def _declared(kind: QuestionKind, asked: _Words) -> Params | None:
    """'when did Clacton declare', 'the first seat to declare', 'which seats declared last':
    the place in the order results came in, if one is asked."""
    if not _asks(kind, asked):
        return None
    order = next((ORDINALS[w] for w in asked.words if w in ORDINALS), None)
    if order is None and _last_place(asked.words):
        order = LAST_PLACE
    if "how many" in asked.text:
        order = HOW_MANY_DECLARED
    return Intent.DECLARED, order, True, Measure.VOTES


# The kinds whose match is more than their words; every other kind is `_matched`.
_MATCHERS: dict[Intent, Callable[[QuestionKind, _Words], Params | None]] = {
    Intent.DECLARED: _declared,
    Intent.RANKING: _ranking,
    Intent.LOST: _lost,
    Intent.MAJORITY: _majority,
    Intent.PLACE: _place,
    Intent.CHANGE: _change,
    Intent.VOTES: _votes,
}


def _ordinal(words: list[str], bag: set[str]) -> int | None:
    ordinal = next((ORDINALS[w] for w in words if w in ORDINALS), None)
    if ordinal is None and "runner" in bag:
        ordinal = 2
    if ordinal is None and _last_place(words) and bag & (FINISH_WORDS | {"who"}):
        ordinal = LAST_PLACE
    return ordinal


# "last" that is no last place: "at last", "last time", "the last MP", "last year"
_NOT_A_PLACE_AFTER = frozenset({"time", "election", "year", "mp", "member", "elections"})


def _last_place(words: list[str]) -> bool:
    return any(
        word == "last"
        and (i == 0 or words[i - 1] != "at")
        and (i + 1 >= len(words) or words[i + 1] not in _NOT_A_PLACE_AFTER)
        for i, word in enumerate(words)
    )


def _won_by(words: list[str]) -> bool:
    """'won by', 'lost by', 'beat ... by': the margin, not the winner or loser."""
    return "by" in words and bool(set(words) & (WIN_WORDS | LOST_WORDS))
