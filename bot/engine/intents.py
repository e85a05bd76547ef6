"""What a question asks, read from its words once names are taken out.

Rules over small word sets, checked in order of specificity ("how many votes did he win"
asks for votes, not for a winner). The composer decides what an intent means for the entities
found: "who came second" with a seat is that seat's runner-up, with a person it is whether
they did.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.engine.index import Resolution
from bot.engine.vocabulary import is_year


class Intent(StrEnum):
    SEATS = "seats"  # how many seats a party won
    GAINS = "gains"  # seats that changed hands
    TURNOUT = "turnout"
    HELP = "help"
    COVERAGE = "coverage"
    SOURCE = "source"
    SAID = "said"
    MAJORITY = "majority"
    RANKING = "ranking"
    PLACE = "place"  # who came Nth
    CHANGE = "change"
    SHARE = "share"
    VOTES = "votes"
    COMPARE = "compare"
    WINNER = "winner"  # who won / did X win
    FINISH = "finish"  # where did X finish
    OVERVIEW = "overview"
    DECLARED = "declared"  # when a seat declared its result


class Measure(StrEnum):
    """What a ranking orders by."""

    VOTES = "votes"
    SHARE = "share"
    MAJORITY = "majority"
    TURNOUT = "turnout"
    CHANGE = "change"  # change in share since 2019: the swing to a candidate


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


GREETINGS = frozenset(
    "help start hi hello hey hiya howdy greetings morning evening afternoon thanks thank "
    "cheers yo good ok okay".split()
)
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
SOURCE_WORDS = frozenset("source sources cite citation citations evidence proof".split())
SAID_WORDS = frozenset("said say says saying quote quotes quoted speech told statement".split())
MAJORITY_WORDS = frozenset("majority majorities margin margins close narrow gap".split())
CLOSE_WORDS = frozenset("closest narrowest tightest".split())  # the smallest majorities
SWING_WORDS = frozenset("swing swings".split())
GAIN_WORDS = frozenset("gain gains gained gaining".split())
MOST_WORDS = frozenset("most highest biggest largest best top".split())
FEWEST_WORDS = frozenset("fewest least lowest smallest worst bottom".split())
CHANGE_WORDS = frozenset("change changed fall fell drop dropped previous".split())
DECLARED_WORDS = frozenset("declared declaration declare declares declaring".split())
# "since 2019", "compared with 2019": the year is a baseline to compare with, not the one asked.
BASELINE_WORDS = frozenset("since from on than vs versus compared with".split())
ELECTION_YEAR = 2024
SHARE_WORDS = frozenset("share percent percentage proportion".split())
VOTE_WORDS = frozenset("vote votes tally".split())
COMPARE_WORDS = frozenset("compare comparison versus vs than".split())
WIN_WORDS = frozenset(
    """won win wins winner winners winning elected victory took mp keep kept hold held retain
    retained survive survived""".split()
)
FINISH_WORDS = frozenset(
    """finish finished place placed position rank ranked came come lose lost loses losing
    defeat defeated beat beaten do did""".split()
)
AUTHOR_WORDS = frozenset("author wrote written writer".split())
# "who came last" cannot be answered from a partial list: the reading says so to the composer.
LAST_PLACE = -1
COVERAGE_PHRASES = (
    "what do you know", "what do you cover", "which seats do you", "what seats do you",
    "where do you get",
)  # fmt: skip
YES_NO_OPENERS = frozenset("did does do is was were are has had will can".split())
PERSON_PRONOUNS = frozenset("he she him her his hers they them their theirs".split())
SEAT_PRONOUNS = frozenset("there it".split())
FOLLOW_UP_OPENERS = (("and",), ("what", "about"), ("how", "about"), ("what", "of"), ("also",))


def read(resolution: Resolution) -> Reading:
    named = {i for m in (*resolution.mentions, *resolution.doubtful) for i in range(m.start, m.end)}
    words = [w for i, w in enumerate(resolution.words) if i not in named]
    text = " ".join(words)
    bag = set(words)
    follow_up = any(tuple(resolution.words[: len(o)]) == o for o in FOLLOW_UP_OPENERS)
    refs = {
        "refers_to_person": bool(bag & PERSON_PRONOUNS),
        "refers_to_seat": bool(bag & SEAT_PRONOUNS) or "that seat" in text,
        "follow_up": follow_up,
    }
    year, baseline = _year(words)
    intent, place, most, measure = _intent(words, bag, text, baseline)
    national = "election" in bag and not resolution.mentions
    opening = [w for w in resolution.words if w not in {"and", "so", "but", "then"}][:1]
    yes_no = bool(opening) and opening[0] in YES_NO_OPENERS
    return Reading(
        intent, place, most, measure, national=national, yes_no=yes_no, year=year, **refs
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
    if bag & SHARE_WORDS:
        return Measure.SHARE
    if bag & (MAJORITY_WORDS | CLOSE_WORDS):
        return Measure.MAJORITY
    if "turnout" in bag:
        return Measure.TURNOUT
    if bag & SWING_WORDS:
        return Measure.CHANGE
    return Measure.VOTES


def _intent(
    words: list[str], bag: set[str], text: str, baseline: bool
) -> tuple[Intent | None, int | None, bool, Measure]:
    measure = _measure(bag)
    plain = (None, True, Measure.VOTES)
    if bag and bag <= GREETINGS | {"me", "please", "you", "there", "bot", "can", "what", "do"}:
        return Intent.HELP, *plain
    if bag & SOURCE_WORDS or "where does that come from" in text or "how do you know" in text:
        return Intent.SOURCE, *plain
    if any(p in text for p in COVERAGE_PHRASES) or bag & AUTHOR_WORDS:
        return Intent.COVERAGE, *plain
    if bag & SAID_WORDS:
        return Intent.SAID, *plain
    if bag & DECLARED_WORDS:
        return Intent.DECLARED, *plain
    if bag & (MOST_WORDS | FEWEST_WORDS | CLOSE_WORDS):
        fewest = bool(bag & (FEWEST_WORDS | CLOSE_WORDS))
        return Intent.RANKING, None, not fewest, measure
    if "how many seats" in text or ("seats" in bag and bag & WIN_WORDS and "who" not in bag):
        return Intent.SEATS, *plain
    if bag & GAIN_WORDS:
        return Intent.GAINS, *plain
    if "turnout" in bag:
        return Intent.TURNOUT, *plain
    if bag & MAJORITY_WORDS or "how much" in text or _won_by(words):
        return Intent.MAJORITY, *plain
    ordinal = next((ORDINALS[w] for w in words if w in ORDINALS), None)
    if ordinal is None and "runner" in bag:
        ordinal = 2
    if ordinal is None and "last" in bag and bag & (FINISH_WORDS | {"who"}):
        ordinal = LAST_PLACE
    if ordinal is not None:
        return Intent.PLACE, ordinal, True, Measure.VOTES
    if bag & (CHANGE_WORDS | SWING_WORDS) or baseline:
        return Intent.CHANGE, *plain
    if measure is Measure.SHARE:
        return Intent.SHARE, *plain
    if bag & VOTE_WORDS or ("how many" in text and not bag & WIN_WORDS):
        return Intent.VOTES, *plain
    if bag & COMPARE_WORDS:
        return Intent.COMPARE, *plain
    if bag & WIN_WORDS:
        return Intent.WINNER, *plain
    if bag & FINISH_WORDS:
        return Intent.FINISH, *plain
    if bag & {"about", "who", "results", "result", "info", "tell"}:
        return Intent.OVERVIEW, *plain
    return None, *plain


def _won_by(words: list[str]) -> bool:
    """'won by', 'win by', 'beat ... by': the margin, not the winner."""
    return "by" in words and bool(
        set(words) & (WIN_WORDS | {"beat", "beating", "held", "survived", "hold", "lost"})
    )
