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
from dataclasses import dataclass, replace
from enum import StrEnum

from bot.engine.model.keys import Key, Kind
from bot.engine.understanding.index import Mention, Resolution


class NightAsk(StrEnum):
    SEAT = "seat"  # has it declared, and what is known
    CANDIDATES = "candidates"  # who is standing there
    WHEN = "when"  # when it declared
    FOLLOW = "follow"  # tell me when it declares
    PERSON = "person"  # has Farage won, has Davey held Kingston
    PARTY_SEATS = "party seats"  # a party's seats so far (in a place; won, gained, lost, held)
    COUNTS = "counts"  # declared and left to declare
    STILL_TO_DECLARE = "still to declare"  # which seats (in a place)
    MAJORITY = "majority"  # has anyone a majority yet
    FIRST = "first"  # the first seats to declare
    LATEST = "latest"  # the latest results
    CLOSEST = "closest"  # the smallest (or biggest) majorities so far
    TALLY = "tally"  # the seats so far, every party (in a place)
    CHART = "chart"  # the Commons so far, a picture


class Outcome(StrEnum):
    WON = "won"
    GAINED = "gained"
    LOST = "lost"
    HELD = "held"


@dataclass(frozen=True)
class NightQuestion:
    ask: NightAsk
    subjects: tuple[Mention, ...] = ()  # the seat, party or place asked about
    outcome: Outcome = Outcome.WON  # for a party's seats
    biggest: bool = False  # for majorities: the biggest, not the closest
    opening: str = ""  # "when", "how many": how the question asks (else yes or no)

    def keys_of(self, kind: Kind) -> list[Key]:
        return [key for m in self.subjects for key in m.keys if key.is_a(kind)]


# Words of the night that are never names here ("still" is not Andrew Still, "score" not
# Steve Score, "havent" not Havant).
_NIGHT_WORDS = frozenset(
    "yet so far still left declared declare declares declaring declaration latest first "
    "counted in come go majority tally score havent hasnt standing".split()
)
_ENDINGS = r"(?: (?:so far|yet|now|tonight|at the moment|right now|then))*"
_SEAT = r"(?:<seat>|<place>|<person>)"
_WHAT = r"(?:what is |whats |what's |what are |what |the )*"
_GAINS = r"(?:gains?|gained|taken|taking|gaining)"
_LOSSES = r"(?:losses|lost|lose|losing)"
_HOLDS = r"(?:holds?|held|kept)"
# The outcome a party question asks about, by its words (checked in this order)
_OUTCOME_WORDS = (
    (Outcome.GAINED, re.compile(rf"\b{_GAINS}\b")),
    (Outcome.LOST, re.compile(rf"\b{_LOSSES}\b")),
    (Outcome.HELD, re.compile(rf"\b{_HOLDS}\b")),
)
_IN_PLACE = r"(?: in (?:the )?<place>)?"
_MPS = r"(?:mps|members|members of parliament)"
_SHAPES: tuple[tuple[NightAsk, str], ...] = (
    (NightAsk.FOLLOW, rf"(?:please )?(?:tell|let) me (?:know )?when {_SEAT} (?:declares|is in|"
                      rf"comes in|has declared)|(?:alert|notify) me when {_SEAT} declares"),
    (NightAsk.CANDIDATES, rf"(?:who is|who's|whos|who are|who) (?:standing|running|the "
                          rf"candidates)(?: in {_SEAT}| there)?|(?:the )?candidates(?: in "
                          rf"{_SEAT}| there)"),
    (NightAsk.WHEN, rf"(?:when|what time) (?:did|was|has) {_SEAT} (?:declare|declared|in|come "
                    rf"in|result come in)|(?:when|what time) did {_SEAT}(?:'s| s)? result come in"),
    (NightAsk.PERSON, r"(?:has|did|is) <person> (?:won|win|winning|held|hold|holding|kept|keep|"
                      r"lost|lose|losing)(?: (?:<seat>|<place>|his seat|her seat|their seat|the "
                      r"seat|it))?"),
    (NightAsk.SEAT, rf"(?:has|have|is|did) {_SEAT} (?:declared|declare|in|counted|been declared|"
                    rf"been counted|called|come in)(?: its result)?|{_SEAT} (?:declared|result|"
                    rf"in)|(?:is there )?(?:a |any )?results? (?:from|in|for) {_SEAT}"),
    (NightAsk.PARTY_SEATS, rf"(?:any|how many|has|have|did|which seats have|which seats has|"
                           rf"where have|where has)? ?(?:the )?<party>(?: seat)? (?:{_GAINS}|"
                           rf"{_LOSSES}|{_HOLDS})(?: any(?:thing| seats)?)?{_IN_PLACE}|how many "
                           rf"(?:{_GAINS}|{_LOSSES}|{_HOLDS}|seats) (?:have|has|did) (?:the )?"
                           rf"<party> (?:made|had|got|won|{_LOSSES}|{_GAINS}|{_HOLDS})"
                           rf"{_IN_PLACE}|how many seats (?:have|has|did) (?:the )?<party> "
                           rf"(?:won|got|taken|win|get|take){_IN_PLACE}|(?:is|are|has|have) "
                           rf"(?:the )?<party> (?:winning|won) (?:anywhere|anything|any seats)"
                           rf"|(?:the )?<party> won (?:anything|any seats|anywhere)|(?:the )?"
                           rf"<party>(?: seats)?{_IN_PLACE}|how (?:are|is|did) (?:the )?<party> "
                           rf"(?:doing|do){_IN_PLACE}|how many seats (?:for|has) (?:the )?"
                           rf"<party>|(?:(?:what|how) about|and) (?:the )?<party>(?: (?:{_GAINS}|"
                           rf"{_LOSSES}|{_HOLDS}|seats))?{_IN_PLACE}|(?:how many |which )?"
                           rf"(?:the )?<party> {_MPS}(?: (?:are there|have been elected|elected"
                           rf"|have won|won))?{_IN_PLACE}|any (?:the )?<party>(?: {_MPS}| seats|"
                           rf" winners| wins)?(?: (?:elected|won|declared|winning|in))?"
                           rf"{_IN_PLACE}"),
    (NightAsk.COUNTS, r"how many(?: seats| results)?(?: are| have)?(?: still| yet)? (?:left|to "
                      r"declare|to come|to go|left to declare|still to declare|still to come|"
                      r"declared|in)|how many (?:are |have )?(?:declared|in)"),
    (NightAsk.STILL_TO_DECLARE, rf"(?:which|what) (?:<place> )?(?:seats|constituencies|results) "
                                rf"(?:are |have |"
                                rf"are still |have still |are yet |have yet |havent |haven't |"
                                rf"have not |are not |hasnt )?(?:still |yet )?(?:to declare|to "
                                rf"come|left to declare|declared|not declared|left|not in|"
                                rf"outstanding){_IN_PLACE}|what(?: is)? (?:still )?(?:left|to "
                                rf"come|outstanding)(?: to declare)?{_IN_PLACE}"),
    (NightAsk.MAJORITY, r"(?:is there|has anyone got|has anyone won|does anyone have|has any "
                        r"party (?:got|won)) a majority|(?:has|have) (?:the )?<party> (?:got|won|"
                        r"reached) a majority|(?:did|has|have|is|are) (?:the )?<party> (?:win|won|"
                        r"get|got|winning|getting) (?:a |the |an overall )?majority|how many "
                        r"(?:more )?(?:seats )?(?:does|do) (?:the )?<party> need(?: for a "
                        r"majority)?|majority|when did (?:the )?<party> (?:get|go) over the "
                        r"line|when did (?:the )?<party> (?:get|win|reach) (?:a |its |their )?"
                        r"majority|who (?:won|has won|is winning|s winning|will win|is going to "
                        r"win) the (?:general )?election"),
    (NightAsk.FIRST, rf"{_WHAT}(?:was |were )?(?:the )?first (?:seat|seats|result|results|"
                     rf"constituency|constituencies|declaration)(?: to declare| in)?|(?:the )?"
                     rf"first (?:seat |seats |result |results )?to declare|who declared first"),
    (NightAsk.LATEST, rf"{_WHAT}(?:the )?(?:latest|most recent|last|newest)(?: results?| "
                      rf"declarations?| seats?)?|what(?:'s| has| s)? just declared"),
    (NightAsk.CLOSEST, rf"{_WHAT}(?:the )?(?:closest|tightest|narrowest|smallest majority|"
                       rf"(?:biggest|largest) majority)(?: results?| seats?| contests?)?"),
    (NightAsk.TALLY, rf"{_WHAT}(?:the )?(?:results|seats|score|tally|state of the parties)"
                     rf"{_IN_PLACE}|how is it going|(?:who is|who's|whos) (?:winning|ahead)"
                     rf"{_IN_PLACE}|who (?:has|'s|s)? ?won in <place>|results in <place>"),
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
            outcome = next((o for o, words in _OUTCOME_WORDS if words.search(pattern)), Outcome.WON)
            biggest = bool(re.search(r"\b(?:biggest|largest)\b", pattern))
            opening = next((w for w in ("when", "how many", "who") if pattern.startswith(w)), "")
            return NightQuestion(ask, tuple(subjects), outcome, biggest, opening)
    return None


# A follow-up of the last night's question: "and in Wales?", "what about Scotland",
# "and gains?", "and the SNP?" (the last is a question of its own, read above).
_FOLLOW_ON = re.compile(
    rf"(?:and|what about|how about|what of)(?: in)?(?: the)? <place>|in(?: the)? <place>|"
    rf"(?:and|what about|how about) (?:the )?(?:{_GAINS}|{_LOSSES}|{_HOLDS}|seats won|wins)"
    rf"{_IN_PLACE}{_ENDINGS}"
)
# The night's questions a place or an outcome can be asked again of
_FOLLOWED_ON = frozenset({"party seats", "tally", "still to declare"})


# "and the smallest?" after "biggest majority so far": the other end of the same list
_OTHER_END = re.compile(
    rf"(?:(?:and|what about|how about) )?(?:the )?(?:(?P<biggest>biggest|largest)|smallest|"
    rf"closest|narrowest|tightest)(?: one| majority| majorities| result| seat)?{_ENDINGS}"
)


def follow_on(resolution: Resolution, last: NightQuestion | None) -> NightQuestion | None:
    """The last night's question asked again of another place or outcome, if the words are
    only that ("and in Wales?" after "how many seats has Labour won so far")."""
    if last is None:
        return None
    mentions = [m for m in resolution.mentions if not _night_word(resolution, m)]
    pattern, subjects = _with_names(resolution.words, mentions)
    other_end = _OTHER_END.fullmatch(pattern)
    if last.ask is NightAsk.CLOSEST and other_end:
        return replace(last, biggest=other_end.group("biggest") is not None)
    if last.ask not in _FOLLOWED_ON:
        return None
    if not _FOLLOW_ON.fullmatch(pattern):
        return None
    outcome = next((o for o, words in _OUTCOME_WORDS if words.search(pattern)), None)
    places = [m for m in subjects if all(k.is_a(Kind.PLACE) for k in m.keys)]
    if outcome is not None and last.ask is not NightAsk.PARTY_SEATS:
        return None  # gains of whom?
    kept = [m for m in last.subjects if not (places and any(k.is_a(Kind.PLACE) for k in m.keys))]
    return NightQuestion(last.ask, (*kept, *places), outcome or last.outcome, last.biggest,
                         last.opening)  # fmt: skip


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
