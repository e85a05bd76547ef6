"""Words of questions, as opposed to words of names.

Words here never match a name, so "who won" cannot resolve to a candidate. Intent detection
reads them; the name index refuses partial aliases that collide with them.
"""

from __future__ import annotations

import re

from bot.engine.understanding.kinds import trigger_words

STOPWORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing done down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more my myself no nor not now of off on once only or other our ours out
    over own same she should so some such than that the their theirs them then there these they
    this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours please tell me know like ok okay pls plz thx ta
    mr mrs ms miss dr sir dame candidate candidates person people seat seats constituency
    constituencies result results election general 2024 uk mp mps get got go went going say
    anything something someone anyone give show find let us see look looking want wanted need
    then also again really actually happen happened happening one ones whole full info
    information detail details what whats how hows the article paper bot thing much many
    get gets getting was well
    """.split()
)

QUESTION_WORDS = frozenset(
    """
    who won win wins winner winners winning elected elect victory victorious took take holds
    hold held keep kept retain retained lose lost loses losing defeat defeated beat beaten
    vote votes voted tally count counted number total share percent percentage proportion
    finish finished finishing place placed position rank ranked came come coming
    first second third fourth fifth sixth seventh eighth ninth tenth runner runners last
    majority margin close closest narrow narrowest gap lead ahead behind difference
    most fewest least highest lowest biggest largest smallest best worst top bottom
    compare comparison versus vs against better worse
    said say says saying quote quotes quoted speech words told statement statements comment
    source sources cite citation evidence proof prove where from
    help start hi hello hey hiya howdy greetings morning evening afternoon thanks thank cheers

    change changed fall fell drop dropped rise rose compared 2019 previous before
    list every everyone everybody
    turnout electorate gain gains gained gaining swing swings majorities margins tightest
    declared declaration declare declares declaring time notional since
    """.split()
)

# Every word a kind of question is asked with (kinds.py) is a question word too.
QUESTION_WORDS = QUESTION_WORDS | trigger_words()
NON_NAME_WORDS = STOPWORDS | QUESTION_WORDS


# A figure as the reader reads it: "1000", "20d5" (20.5, as tokens() writes it), "8k".
_FIGURE = re.compile(r"^\d+(?:d\d+)?k?$")


def is_figure(word: str) -> bool:
    """A figure, never a name, a typo of one, or an unknown word."""
    return bool(_FIGURE.match(word))


def is_number(word: str) -> bool:
    """'7', '2019': ASCII digits only. str.isdigit() is true of '²' and '⑦' too, which int()
    refuses, and a superscript is no choice nor count anyone means."""
    return word.isascii() and word.isdigit()


def is_year(word: str) -> bool:
    """'2019', '1997': a question word (which election), never a name nor an unknown word."""
    return len(word) == 4 and is_number(word) and 1800 <= int(word) <= 2100
