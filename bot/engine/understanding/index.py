"""The name index: every way of naming a seat, person or party, built once.

A question is resolved by looking its word n-grams up in a dict of normalised aliases, after
correcting misspelt words against the index's vocabulary (words bucketed by first letter and
length, so a correction compares a handful of words, not every name). Nothing scans all names
per question, which keeps it fast at 650 seats and 4,500 candidates.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import IntEnum
from functools import cached_property
from itertools import pairwise

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.engine.model.keys import Key, Kind

__all__ = ["Entity", "Key", "Kind", "Mention", "NameIndex", "Resolution", "Tier"]
from bot.engine.understanding.common_words import common_words
from bot.engine.understanding.text import phrase, tokens
from bot.engine.understanding.vocabulary import NON_NAME_WORDS, QUESTION_WORDS, is_figure

# Aliases within this many points of the best one are "about the same": ask, don't pick.
AMBIGUITY_WINDOW = 5
# Words that begin seat names without being a town: "City of Durham", "New Forest East".
NOT_A_TOWN = frozenset(
    "city cities st saint great new isle old upper the vale forest na mid north south east west "
    "central".split()
)
JOINERS = frozenset("of upon on under and".split())
# A misspelt whole name: how close it must be, and how close a second name must come to be
# offered too.
WHOLE_NAME_CUTOFF = 80
# A typo's second-best correction this close to its best is kept as a possible reading.
CORRECTION_TIE = 12
WHOLE_NAME_TIE = 10
COMPASS = frozenset({"north", "south", "east", "west", "central"})
_CORRECTION_CACHE_LIMIT = 4096


class Tier(IntEnum):
    """How strongly an alias names its entity."""

    FULL = 100  # the full name or a recorded alias
    # A place that covers several seats: above any partial name of a person, and, like a
    # partial name, misread when an unknown word follows ("Leicester Westgate").
    PLACE = 95
    SHORT = 90  # a seat without its town prefix, a person's two closing names
    SURNAME = 85
    SEAT_PART = 80  # one side of "Dewsbury and Batley"
    # The town a seat's name begins with ("Sheffield"); where it begins several seats' names
    # the town is a place of its own, named at full strength (places.py).
    TOWN = 70
    FIRST_NAME = 75
    MIDDLE_NAME = 70


# Partial aliases that name less than the whole: an unknown word beside them means the
# person asked about someone or somewhere else ("Jeremy Hunt", "Leicester West").
_NEEDS_NEIGHBOUR_AFTER = {Tier.FIRST_NAME, Tier.SEAT_PART, Tier.TOWN, Tier.PLACE}
_NEEDS_NEIGHBOUR_BEFORE = {Tier.SURNAME, Tier.SHORT}
_PART_OF_A_NAME = {Tier.SURNAME, Tier.FIRST_NAME, Tier.MIDDLE_NAME}


@dataclass(frozen=True)
class Entity:
    key: Key  # "seat:leicester-south", "person:shockat-adam", "party:labour"
    kind: Kind
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A span of the question that names something; `keys` has several when ambiguous."""

    start: int
    end: int
    text: str  # the alias as written in the knowledge ("Leicester", "Hussain")
    keys: tuple[Key, ...]
    tier: int
    corrected: bool

    @property
    def ambiguous(self) -> bool:
        return len(self.keys) > 1


@dataclass(frozen=True)
class Resolution:
    words: tuple[str, ...]  # the question's tokens after spelling correction
    mentions: tuple[Mention, ...]
    doubtful: tuple[Mention, ...]  # partial names beside an unknown word ("Jeremy Hunt")
    unknown: tuple[str, ...]  # content words that name nothing known, in order

    def unknown_phrase(self) -> str:
        return " ".join(self.unknown)


@dataclass
class _Alias:
    display: str
    tiers: dict[Key, int] = field(default_factory=dict)


class NameIndex:
    def __init__(
        self,
        entities: list[Entity],
        plain_words: frozenset[str] = frozenset(),
        spelt_right: frozenset[str] = frozenset(),
    ) -> None:
        self.entities: dict[str, Entity] = {entity.key: entity for entity in entities}
        # Words of questions that no name has ("prime", "spoilt"): spelt right, so never
        # "corrected" into a name ("prime" is not Price).
        self._plain = plain_words
        # Words of names read elsewhere (a former seat's "Warley"): never "corrected" into a
        # name here either, yet still unknown to this index.
        self._spelt_right = spelt_right
        self._aliases: dict[str, _Alias] = {}
        # Words that name parties and places are ordinary words in a question: a surname or
        # first name that happens to spell one ("Green", "London", "York") is no alias.
        self._ordinary = COMPASS | {
            word
            for entity in entities
            if entity.kind in {Kind.PARTY, Kind.PLACE}
            for name in (entity.name, *entity.aliases)
            for word in phrase(name).split()
        }
        for entity in entities:
            for alias, tier in _aliases_of(entity):
                self._add(alias, entity, tier)
        self._longest = max((len(p.split()) for p in self._aliases), default=1)
        self._name_words = {word for p in self._aliases for word in p.split()}
        self._plain = self._plain - self._name_words
        self._corrections: dict[str, tuple[str, ...]] = {}

    # The tables for typos are built on the first question that needs them: most questions
    # are spelt right, and the console's first answer need not wait for them.

    @cached_property
    def _buckets(self) -> dict[tuple[str, int], list[str]]:
        """Known words by first letter and length, the candidates for correcting a typo."""
        buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        # Sorted, so that equally close corrections are chosen the same way on every run.
        for word in sorted(self._name_words | QUESTION_WORDS):
            if not word.isdigit():
                buckets[(word[0], len(word))].append(word)
        return buckets

    @cached_property
    def _whole(self) -> dict[tuple[str, int], list[str]]:
        """Whole names of two or three words, by first letter and length, for misspelt names
        ("collin martin")."""
        whole: dict[tuple[str, int], list[str]] = defaultdict(list)
        for normal, entry in self._aliases.items():
            count = normal.count(" ") + 1
            if 2 <= count <= 3 and any(t >= Tier.SHORT for t in entry.tiers.values()):
                whole[(normal[0], count)].append(normal)
        return whole

    @cached_property
    def _joined(self) -> dict[str, str]:
        """Names written as one word ("shastrihurst") -> the name."""
        return {
            normal.replace(" ", ""): normal
            for names in reversed(self._whole.values())
            for normal in reversed(names)
        }

    def _add(self, alias: str, entity: Entity, tier: int) -> None:
        normal = phrase(alias)
        key = entity.key
        if not normal or (tier < Tier.FULL and normal in NON_NAME_WORDS):
            return
        if normal in NON_NAME_WORDS and normal != phrase(entity.name):
            return  # an abbreviation that is a question word: "HI" (a party) is no "hi"
        if tier < Tier.FULL and entity.kind is Kind.PERSON and normal in self._ordinary:
            return
        entry = self._aliases.setdefault(normal, _Alias(display=alias))
        if tier > entry.tiers.get(key, 0):
            entry.tiers[key] = tier
        if tier == Tier.FULL:
            entry.display = alias

    def aliases(self) -> Iterator[tuple[str, Key, int]]:
        """(normalised alias, entity key, tier) for every way of naming every entity."""
        for normal, alias in self._aliases.items():
            for key, tier in alias.tiers.items():
                yield normal, key, tier

    def resolve(self, text: str) -> Resolution:
        raw = self._unjoined(tokens(text))
        words = [self._corrected(word) for word in raw]
        plain = tuple(word for word, _ in words)
        mentions, unmatched = self._mentions(raw, plain, words, {})
        # Only where word-by-word matching was unsure (a typo, an unknown word, a name that
        # could be several) is a whole misspelt name looked for: most questions skip it.
        unsure = {j for j in unmatched if plain[j] not in NON_NAME_WORDS}
        unsure |= {j for m in mentions if m.corrected or m.ambiguous
                   or m.tier < Tier.SHORT for j in range(m.start, m.end)}  # fmt: skip
        # A longer name already read word by word ("caithness sutherland and easter ross")
        # is not cut short by a whole name inside it ("cath sutherland").
        longer = {j: m.end - m.start for m in mentions for j in range(m.start, m.end)}
        whole = self._whole_names(raw, unsure, longer) if unsure else {}
        if whole:
            mentions, unmatched = self._mentions(raw, plain, words, whole)
        unknown_at = {
            j
            for j in unmatched
            if plain[j] not in NON_NAME_WORDS
            and plain[j] not in self._plain
            and not is_figure(plain[j])
        }
        doubtful = tuple(m for m in mentions if _misread(m, unknown_at))
        doubtful += _someone_else(mentions)
        kept = tuple(m for m in mentions if m not in doubtful)
        for mention in doubtful:
            unknown_at.update(range(mention.start, mention.end))
        unknown = tuple(plain[j] for j in sorted(unknown_at))
        return Resolution(plain, kept, doubtful, unknown)

    def _mentions(
        self,
        raw: list[str],
        plain: tuple[str, ...],
        words: list[tuple[str, bool]],
        whole: dict[int, Mention],
    ) -> tuple[list[Mention], list[int]]:
        """The longest alias at each position, left to right; whole names where found."""
        mentions: list[Mention] = []
        unmatched: list[int] = []
        i = 0
        while i < len(plain):
            if i in whole:
                mentions.append(whole[i])
                i = whole[i].end
                continue
            found = self._best_reading_at(raw, plain, words, i)
            if found is None:
                unmatched.append(i)
                i += 1
                continue
            length, display, tiers = found
            top = max(tiers.values())
            keys = _named_by(tiers, top)
            corrected = any(fixed for _, fixed in words[i : i + length])
            mentions.append(Mention(i, i + length, display, keys, top, corrected))
            i += length
        return mentions, unmatched

    def _best_reading_at(
        self, raw: list[str], plain: tuple[str, ...], words: list[tuple[str, bool]], i: int
    ) -> tuple[int, str, dict[Key, int]] | None:
        """The longest alias at i; where a corrected word had near alternatives, every reading
        that explains as many words counts, so a typo between two real names is asked about
        ("brnet east" is Brent East, the longer reading; "balke" may be Blake or Baker)."""
        readings = [(plain, self._longest_alias_at(plain, i))]
        window = range(i, min(len(plain), i + self._longest))
        for p in (p for p in window if words[p][1]):
            for other in self._fixes(raw[p])[1:]:
                variant = (*plain[:p], other, *plain[p + 1 :])
                readings.append((variant, self._longest_alias_at(variant, i)))
        found = [(f[0], f[1]) for _, f in readings if f is not None]
        if not found:
            return None
        longest = max(length for length, _ in found)
        best = [alias for length, alias in found if length == longest]
        tiers: dict[Key, int] = {}
        for alias in best:
            for key, tier in alias.tiers.items():
                tiers[key] = max(tier, tiers.get(key, 0))
        display = best[0].display if len(best) == 1 else " ".join(raw[i : i + longest])
        return longest, display, tiers

    def _unjoined(self, raw: list[str]) -> list[str]:
        """'shastrihurst' -> 'shastri', 'hurst': a name typed without its spaces."""
        found: list[str] = []
        for word in raw:
            known = word in self._name_words or word in NON_NAME_WORDS
            joined = None if known or len(word) < 6 else self._joined.get(word)
            found.extend(joined.split() if joined else [word])
        return found

    def _whole_names(
        self, raw: list[str], unsure: set[int], longer: dict[int, int]
    ) -> dict[int, Mention]:
        """Misspelt names of two or three words matched whole, before their words are matched
        one by one: "collin martin" is Colin Martin, not every Martin; "martin balke" could
        be Martin Blake or Martin Baker, so it is both, and the bot asks."""
        found: dict[int, Mention] = {}
        taken: set[int] = set()
        for size in (3, 2):
            for start in range(len(raw) - size + 1):
                window = raw[start : start + size]
                span = set(range(start, start + size))
                if not span & unsure or span & taken:
                    continue
                if any(longer.get(j, 0) > size for j in span):
                    continue
                if any(w in NON_NAME_WORDS or len(w) < 3 for w in window):
                    continue
                typed = " ".join(window)
                if typed in self._aliases:
                    continue  # an exact name: the usual matching has it
                choices = self._whole.get((typed[0], size), [])
                best = [
                    found_name
                    for found_name in process.extract(
                        typed,
                        choices,
                        scorer=_typo_similarity,
                        score_cutoff=WHOLE_NAME_CUTOFF,
                        limit=4,
                    )
                    if self._same_ordinary_words(window, found_name[0].split())
                ]
                if not best:
                    continue
                close = [name for name, score, _ in best if score >= best[0][1] - WHOLE_NAME_TIE]
                keys = tuple(sorted({k for name in close for k in self._aliases[name].tiers}))
                # Several close names: show what was typed, not one of the guesses.
                display = self._aliases[close[0]].display if len(keys) == 1 else typed
                found[start] = Mention(start, start + size, display, keys, int(Tier.FULL), True)
                taken |= span
        return found

    def _same_ordinary_words(self, typed: list[str], name: list[str]) -> bool:
        """'Leicester West' is no misspelling of Leicester East: where either has an ordinary
        word (a compass point, a party, a place), the two must have the same one."""
        return all(
            a == b or (a not in self._ordinary and (b not in self._ordinary or self._is_typo(a)))
            for a, b in zip(typed, name, strict=True)
        )

    def _is_typo(self, word: str) -> bool:
        """A word no name or question has: "pailsey" may be Paisley, a place word too."""
        return (
            word not in self._name_words
            and word not in NON_NAME_WORDS
            and (word not in self._plain)
        )

    def _longest_alias_at(self, words: tuple[str, ...], i: int) -> tuple[int, _Alias] | None:
        for length in range(min(self._longest, len(words) - i), 0, -1):
            alias = self._aliases.get(" ".join(words[i : i + length]))
            if alias is not None:
                return length, alias
        return None

    def _corrected(self, word: str) -> tuple[str, bool]:
        """The word, or the known word it is a typo of; True when corrected."""
        if self._known(word):
            return word, False
        fixes = self._fixes(word)
        return (fixes[0], True) if fixes else (word, False)

    def _fixes(self, word: str) -> tuple[str, ...]:
        """The known words a typo may be of, likeliest first (none for a known word)."""
        if self._known(word):
            return ()
        if word not in self._corrections:
            if len(self._corrections) >= _CORRECTION_CACHE_LIMIT:
                self._corrections.clear()
            self._corrections[word] = self._closest(word)
        return self._corrections[word]

    def _known(self, word: str) -> bool:
        return (
            word in self._name_words
            or word in NON_NAME_WORDS
            or word in self._plain
            or word in self._spelt_right
            or is_figure(word)
            or len(word) < 3
            # A common English word is what it says ("saw", not Shaw): spelt right, it is no
            # typo of a name, whatever the question then makes of it.
            or word in common_words()
        )

    def _closest(self, word: str) -> tuple[str, ...]:
        # Typos rarely change the first letter; keying on it keeps each lookup small.
        reach = 1 if len(word) <= 4 else 2
        choices = [
            known
            for size in range(len(word) - reach, len(word) + reach + 1)
            for known in self._buckets.get((word[0], size), ())
        ]
        cutoff = 85 if len(word) <= 4 else 80
        found = process.extract(word, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=4)
        if not found:
            return ()
        # "brnet" is as near Barnet as Brent: keep every near one; the names decide.
        return tuple(known for known, score, _ in found if score >= found[0][1] - CORRECTION_TIE)

    def options_matching(self, text: str, keys: tuple[Key, ...]) -> tuple[Key, ...]:
        """Which of `keys` the text names: for a reply to "which one?" ("Perveen")."""
        resolution = self.resolve(text)
        named = {k for m in resolution.mentions for k in m.keys}
        picked = tuple(k for k in keys if k in named)
        if picked:
            return picked
        words = set(resolution.words)
        return tuple(k for k in keys if words & set(tokens(self.entities[k].name)) - NON_NAME_WORDS)


def _named_by(tiers: dict[Key, int], top: int) -> tuple[Key, ...]:
    """What an alias names: the entities within the window of its strongest. A surname that
    is also a town in seats' names ("Sunderland": James Sunderland, Sunderland Central,
    Houghton and Sunderland South) names the seats as likely as the person: both are offered,
    neither guessed."""
    near = {k for k, t in tiers.items() if t >= top - AMBIGUITY_WINDOW}
    if top == Tier.SURNAME:
        near |= {k for k, t in tiers.items() if k.is_a(Kind.SEAT) and t == Tier.TOWN}
    return tuple(sorted(near, key=lambda k: (-tiers[k], k)))


def _aliases_of(entity: Entity) -> list[tuple[str, int]]:
    tier = int(Tier.PLACE if entity.kind is Kind.PLACE else Tier.FULL)
    found = [(entity.name, tier), *((a, tier) for a in entity.aliases)]
    for name in (entity.name, *entity.aliases):
        if entity.kind is Kind.PERSON:
            found += _person_parts(name)
        elif entity.kind is Kind.SEAT:
            found += _seat_parts(name)
    return found


def _person_parts(name: str) -> list[tuple[str, int]]:
    words = name.replace("-", " ").split()
    if len(words) < 2:
        return []
    parts = [(words[-1], int(Tier.SURNAME)), (words[0], int(Tier.FIRST_NAME))]
    if len(words) >= 3:
        parts += [
            (" ".join(words[1:]), int(Tier.SHORT)),
            (f"{words[0]} {words[-1]}", int(Tier.SHORT)),
        ]
        parts += [(word, int(Tier.MIDDLE_NAME)) for word in words[1:-1]]
    if "-" in name:
        parts.append((name.split()[-1], int(Tier.SURNAME)))
    return parts


def _seat_parts(name: str) -> list[tuple[str, int]]:
    """'Perry Barr' for Birmingham Perry Barr, 'Batley' for Dewsbury and Batley, 'Sheffield'
    for Sheffield Brightside and Hillsborough."""
    words = name.replace(",", " ,").split()
    parts: list[tuple[str, int]] = []
    rest = words[1:]
    if len(words) >= 2 and rest[0] not in {"and", ","}:
        if words[0].lower() not in NOT_A_TOWN:  # "City" of City of Durham names no town
            parts.append((words[0], int(Tier.TOWN)))
        if not set(phrase(" ".join(rest)).split()) <= COMPASS:
            parts.append((" ".join(rest).replace(" ,", ","), int(Tier.SHORT)))
    sides = [side.strip() for side in name.replace(" and ", ",").split(",") if side.strip()]
    if len(sides) > 1:
        parts += [(side, int(Tier.SEAT_PART)) for side in sides if phrase(side) not in COMPASS]
        # "Sunderland" of Houghton and Sunderland South: the town a later side begins with
        # (a side of one word is a part of its own already)
        for side in sides[1:]:
            words = side.split()
            town = [w for w in words if w.lower() not in COMPASS]
            if len(words) > 1 and town and town[0].lower() not in NOT_A_TOWN:
                parts.append((town[0], int(Tier.TOWN)))
        # "Hall Green" of Birmingham Hall Green and Moseley: the first side without its town.
        first = sides[0].split()
        if (
            len(first) > 2
            and first[1].lower() not in JOINERS  # not "of London" of Cities of London and ...
            and not set(phrase(" ".join(first[1:])).split()) <= COMPASS
        ):
            parts.append((" ".join(first[1:]), int(Tier.SEAT_PART)))
    return parts


def _someone_else(mentions: list[Mention]) -> tuple[Mention, ...]:
    """'Theresa May': a first name and, next to it, another person's surname name someone
    who is not in the knowledge, not either of those two."""
    found: list[Mention] = []
    for first, second in pairwise(mentions):
        if (
            first.end == second.start
            and first.tier == Tier.FIRST_NAME
            and second.tier == Tier.SURNAME
            and not set(first.keys) & set(second.keys)
        ):
            found += [first, second]
    return tuple(found)


def _misread(mention: Mention, unknown_at: set[int]) -> bool:
    """A partial alias beside an unknown word names someone or somewhere else: "Jeremy Hunt"
    (a first name, then a word no name has), "Ray Sanit" (a surname, then one)."""
    if mention.tier in _NEEDS_NEIGHBOUR_AFTER and mention.end in unknown_at:
        return True
    if mention.tier in _PART_OF_A_NAME and mention.end in unknown_at:
        return True
    return mention.tier in _NEEDS_NEIGHBOUR_BEFORE and (mention.start - 1) in unknown_at


def _typo_similarity(typed: str, name: str, **_: object) -> float:
    """How alike, 0 to 100, counting a swap of two letters as one slip ("pailsey")."""
    return 100 * OSA.normalized_similarity(typed, name)
