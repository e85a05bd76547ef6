"""Questions about the night so far, read whole: every word is one of the night's or a name.

"has Clacton declared yet", "how many seats has Labour won so far", "how many left to
declare", "is there a majority yet", "which seats are still to declare in Scotland", "when
did Sunderland declare", "what was the first seat to declare", "latest results", "tell me
when Islington North declares". The names are found by the engine's index; what is left is
matched against the shapes below with the names standing as <seat>, <party>, <place>. A
question with a word no shape holds is not the night's: the engine reads it, and what it
answers is shown only if everything behind it has been published (bot/engine/night/live.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.engine.model.keys import Key, Kind
from bot.engine.understanding.index import Mention, Resolution


class NightAsk(StrEnum):
    SEAT = "seat"  # has it declared, and what is known
    WHEN = "when"  # when it declared
    FOLLOW = "follow"  # tell me when it declares
    PARTY_SEATS = "party seats"  # a party's seats so far
    COUNTS = "counts"  # declared and left to declare
    STILL_TO_DECLARE = "still to declare"  # which seats (in a place)
    MAJORITY = "majority"  # has anyone a majority yet
    FIRST = "first"  # the first seats to declare
    LATEST = "latest"  # the latest results
    TALLY = "tally"  # the seats so far, every party
    CHART = "chart"  # the Commons so far, a picture


@dataclass(frozen=True)
class NightQuestion:
    ask: NightAsk
    subjects: tuple[Mention, ...] = ()  # the seat, party or place asked about

    def keys_of(self, kind: Kind) -> list[Key]:
        return [key for m in self.subjects for key in m.keys if key.is_a(kind)]


# Words of the night that are never names here ("still" is not Andrew Still, "left" no one).
_NIGHT_WORDS = frozenset(
    "yet so far still left declared declare declares declaring declaration latest first "
    "counted in come go majority tally score".split()
)
_ENDINGS = r"(?: (?:so far|yet|now|tonight|at the moment|right now))*"
_SEAT = r"(?:<seat>|<place>|<person>)"
_SHAPES: tuple[tuple[NightAsk, str], ...] = (
    (NightAsk.FOLLOW, rf"(?:please )?(?:tell|let) me (?:know )?when {_SEAT} (?:declares|is in|"
                      rf"comes in|has declared)|(?:alert|notify) me when {_SEAT} declares"),
    (NightAsk.WHEN, rf"(?:when|what time) (?:did|was|has) {_SEAT} (?:declare|declared|in)"),
    (NightAsk.SEAT, rf"(?:has|have|is|did) {_SEAT} (?:declared|declare|in|counted|been declared|"
                    rf"been counted|called)(?: its result)?|{_SEAT} (?:declared|result|in)"
                    rf"|(?:is there )?(?:a |any )?results? (?:from|in|for) {_SEAT}"),
    (NightAsk.PARTY_SEATS, r"how many(?: seats)? (?:has|have|did) <party> (?:won|got|taken|win|"
                           r"get|take)|<party>(?: seats)?(?: so far)?|how (?:are|is) <party> "
                           r"doing|how many seats (?:for|has) <party>"),
    (NightAsk.COUNTS, r"how many(?: seats| results)?(?: are| have)?(?: still| yet)? (?:left|to "
                      r"declare|to come|to go|left to declare|still to declare|still to come|"
                      r"declared|in)|how many (?:are |have )?(?:declared|in)"),
    (NightAsk.STILL_TO_DECLARE, r"(?:which|what) (?:seats|constituencies|results) (?:are |have |"
                                r"are still |have still |are yet |have yet |haven't |have not |"
                                r"are not )?(?:still |yet )?(?:to declare|to come|left to declare|"
                                r"declared|not declared|left|not in|outstanding)(?: in <place>)?"
                                r"|what(?: is)? (?:still )?(?:left|to come|outstanding)"
                                r"(?: to declare)?"
                                r"(?: in <place>)?"),
    (NightAsk.MAJORITY, r"(?:is there|has anyone got|has anyone won|does anyone have|has any "
                        r"party (?:got|won)) a majority|(?:has|have) <party> (?:got|won|reached)"
                        r" a majority|how many (?:more )?(?:seats )?(?:does|do) <party> need"
                        r"(?: for a majority)?|majority"),
    (NightAsk.FIRST, r"(?:what|which) (?:was|were) the first (?:seat|seats|result|results|"
                     r"constituency|constituencies)(?: to declare)?|(?:the )?first (?:seat |"
                     r"seats |result |results )?to declare|who declared first"),
    (NightAsk.LATEST, r"(?:what are |what were )?(?:the )?(?:latest|most recent|last|newest)"
                      r"(?: results?| declarations?| seats?)?|what(?:'s| has) just declared"),
    (NightAsk.TALLY, r"(?:the |what are the |what's the |what is the )?(?:results|seats|score|"
                     r"tally|state of the parties)(?: so far)?|how is it going|who is winning|"
                     r"who's winning|who is ahead|who's ahead"),
    (NightAsk.CHART, r"(?:show |draw )?(?:me )?(?:the )?(?:commons|house of commons|chart)"
                     r"(?: chart| so far)?"),
)  # fmt: skip
_COMPILED = tuple((ask, re.compile(rf"(?:{shape}){_ENDINGS}")) for ask, shape in _SHAPES)


def read_night(resolution: Resolution) -> NightQuestion | None:
    """The night's question the words make, or None if any word is not the night's."""
    mentions = [m for m in resolution.mentions if not _night_word(resolution, m)]
    pattern, subjects = _with_names(resolution.words, mentions)
    for ask, shape in _COMPILED:
        if shape.fullmatch(pattern):
            return NightQuestion(ask, tuple(subjects))
    return None


def _night_word(resolution: Resolution, mention: Mention) -> bool:
    """ "still", "first", "left": words of the night, not the names they could be."""
    words = resolution.words[mention.start : mention.end]
    return len(words) == 1 and words[0] in _NIGHT_WORDS


def _with_names(words: tuple[str, ...], mentions: list[Mention]) -> tuple[str, list[Mention]]:
    """The question with each name as its kind ("has <seat> declared yet")."""
    starts = {m.start: m for m in mentions}
    out: list[str] = []
    subjects: list[Mention] = []
    i = 0
    while i < len(words):
        mention = starts.get(i)
        if mention is None:
            out.append(words[i])
            i += 1
            continue
        kinds = {key.kind for key in mention.keys}
        kind = next(iter(kinds)) if len(kinds) == 1 else Kind.SEAT
        out.append(f"<{kind}>")
        subjects.append(mention)
        i = max(mention.end, i + 1)
    text = " ".join(out).replace(" '", "'")
    return re.sub(r"[?!.]+$", "", text).strip(), subjects
