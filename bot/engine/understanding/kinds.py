"""The kinds of question, each defined once: what it is, the words and phrases that ask it,
and where it stands when a question has words of several kinds.

The trigger words are also the name index's question words (vocabulary.py reads them from
here), so a word that asks a question can never be taken for a name, and the two lists cannot
drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Intent(StrEnum):
    HELP = "help"
    SOURCE = "source"
    COVERAGE = "coverage"
    NOT_HELD = "not_held"  # ages, ministers, postcodes: what the data cannot answer
    SAID = "said"
    DECLARED = "declared"  # when a seat declared its result
    RANKING = "ranking"
    COUNT = "count"  # how many candidates, how many women MPs
    LOST = "lost"  # who lost, who beat whom, seats a party lost
    SEATS = "seats"  # how many seats a party won
    GAINS = "gains"  # seats that changed hands
    TURNOUT = "turnout"
    MAJORITY = "majority"
    PLACE = "place"  # who came Nth
    CHANGE = "change"  # change in share since 2019: the swing to a candidate
    SHARE = "share"
    VOTES = "votes"
    COMPARE = "compare"
    WINNER = "winner"  # who won / did X win
    FINISH = "finish"  # where did X finish
    OVERVIEW = "overview"
    # "who did X beat": those who finished below them. Read by its own reader (relations.py),
    # never by words alone; named so a choice between two of one name can carry it.
    BEATEN = "beaten"


@dataclass(frozen=True)
class QuestionKind:
    intent: Intent
    words: frozenset[str]  # any one of them asks this
    phrases: tuple[str, ...] = ()  # or any of these, within the question's words
    # How specific a match is: where a question has words of several kinds, the most specific
    # that matches is what it asks ("how many votes did he win" asks for votes, not a
    # winner). A number of each entry's own, so the registry's order means nothing.
    specificity: int = 0

    @property
    def phrase_words(self) -> frozenset[str]:
        """Every word of its phrases: a question with none of them asks none of the phrases."""
        return frozenset(word for phrase in self.phrases for word in phrase.split())


def _kind(intent: Intent, words: str, *phrases: str) -> QuestionKind:
    return QuestionKind(intent, frozenset(words.split()), phrases)


def _ranked(*kinds: QuestionKind) -> tuple[QuestionKind, ...]:
    """Each kind given its specificity, most specific written first (the table reads best
    that way; nothing reads its order)."""
    return tuple(
        QuestionKind(k.intent, k.words, k.phrases, len(kinds) - i) for i, k in enumerate(kinds)
    )


# Most specific first: "how many votes did he win" asks for votes, not a winner; "how many
# seats did the Tories lose" asks for losses, not seats won.
KINDS: tuple[QuestionKind, ...] = _ranked(
    _kind(Intent.SOURCE, "source sources cite citation citations evidence proof",
          "where does that come from", "how do you know"),
    _kind(Intent.COVERAGE, "author wrote written writer",
          "where do your figures come from", "where does your data come from",
          "where do your numbers come from", "where are your figures from",
          "where do the figures come from", "is this official", "is it official",
          "are these official", "are the figures official", "are these figures official",
          "your sources", "what are your sources",
          "what do you know", "what do you cover", "which seats do you", "what seats do you",
          "where do you get"),
    _kind(Intent.NOT_HELD, "age aged ages old oldest young youngest minister ministers cabinet "
          "postcode postcodes ethnicity religion born salary expenses spending spent"),
    _kind(Intent.SAID, "said say says saying quote quotes quoted speech told statement campaign"),
    _kind(Intent.DECLARED, "declared declaration declare declares declaring"),
    _kind(Intent.RANKING, "most highest biggest largest best top fewest least lowest smallest "
          "worst bottom closest narrowest tightest safest marginal marginals"),
    _kind(Intent.COUNT, "stood stand standing", "how many candidates", "number of candidates",
          "how many women", "how many men", "how many mps", "how many sitting",
          "how many new", "how many first time"),
    _kind(Intent.LOST, "lose lost loses losing defeat defeated beat beaten unseated ousted"),
    _kind(Intent.GAINS, "gain gains gained gaining hands"),
    _kind(Intent.SEATS, "", "how many seats", "seats by party", "seats for each party",
          "seats per party", "seats each party", "seats of each party"),
    _kind(Intent.TURNOUT, "turnout cast voted voters electorate electors spoiled spoilt invalid "
          "rejected ballots"),
    _kind(Intent.MAJORITY, "majority majorities margin margins close narrow gap", "how much"),
    _kind(Intent.PLACE, "first second third fourth fifth sixth seventh eighth ninth tenth "
          "runner last"),
    _kind(Intent.CHANGE, "change changed fall fell drop dropped previous swing swings"),
    _kind(Intent.SHARE, "share percent percentage proportion"),
    _kind(Intent.VOTES, "vote votes tally", "how many"),
    _kind(Intent.COMPARE, "compare comparison versus vs than"),
    _kind(Intent.WINNER, "won win wins winner winners winning elected victory took mp keep "
          "kept hold held retain retained survive survived"),
    _kind(Intent.FINISH, "finish finished place placed position rank ranked came come do did "
          "happen happened fare fared"),
    _kind(Intent.OVERVIEW, "about who results result info tell"),
)  # fmt: skip

# Words that qualify a question without being a kind of it: filters and measures.
FILTER_WORDS = frozenset(
    """women woman female females men man male males sitting incumbent incumbents new newly
    time notional since candidates candidate electorate every list everyone everybody national
    nationally overall country britain nationwide party parties big bigger large larger small
    smaller size""".split()
)
GREETINGS = frozenset(
    "help start hi hello hey hiya howdy greetings morning evening afternoon thanks thank "
    "cheers yo good ok okay".split()
)


def trigger_words() -> frozenset[str]:
    """Every word that asks or qualifies a question: never a name."""
    words = set(FILTER_WORDS | GREETINGS)
    for kind in KINDS:
        words |= kind.words
        for phrase in kind.phrases:
            words |= set(phrase.split())
    return frozenset(words)
