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
from enum import IntEnum, StrEnum

from rapidfuzz import fuzz, process

from bot.engine.text import phrase, tokens
from bot.engine.vocabulary import NON_NAME_WORDS, QUESTION_WORDS, is_year

# Aliases within this many points of the best one are "about the same": ask, don't pick.
AMBIGUITY_WINDOW = 5
COMPASS = frozenset({"north", "south", "east", "west", "central"})
_CORRECTION_CACHE_LIMIT = 4096


class Kind(StrEnum):
    SEAT = "seat"
    PERSON = "person"
    PARTY = "party"


class Tier(IntEnum):
    """How strongly an alias names its entity."""

    FULL = 100  # the full name or a recorded alias
    SHORT = 90  # a seat without its town prefix, a person's two closing names
    SURNAME = 85
    # A town that names several seats ("Leicester") is as strong as a surname: where a
    # candidate is called Leicester too, the bot asks which, rather than guess either.
    PLACE = 85
    SEAT_PART = 80  # one side of "Dewsbury and Batley"
    FIRST_NAME = 75
    MIDDLE_NAME = 70


# Partial aliases that name less than the whole: an unknown word beside them means the
# person asked about someone or somewhere else ("Jeremy Hunt", "Leicester West").
_NEEDS_NEIGHBOUR_AFTER = {Tier.FIRST_NAME, Tier.PLACE, Tier.SEAT_PART}
_NEEDS_NEIGHBOUR_BEFORE = {Tier.SURNAME, Tier.SHORT}


@dataclass(frozen=True)
class Entity:
    key: str  # "seat:leicester-south", "person:shockat-adam", "party:labour"
    kind: Kind
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A span of the question that names something; `keys` has several when ambiguous."""

    start: int
    end: int
    text: str  # the alias as written in the knowledge ("Leicester", "Hussain")
    keys: tuple[str, ...]
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
    tiers: dict[str, int] = field(default_factory=dict)


class NameIndex:
    def __init__(self, entities: list[Entity]) -> None:
        self.entities = {entity.key: entity for entity in entities}
        self._aliases: dict[str, _Alias] = {}
        for entity in entities:
            for alias, tier in _aliases_of(entity):
                self._add(alias, entity.key, tier)
        self._longest = max((len(p.split()) for p in self._aliases), default=1)
        self._name_words = {word for p in self._aliases for word in p.split()}
        self._buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        # Sorted, so that equally close corrections are chosen the same way on every run.
        for word in sorted(self._name_words | QUESTION_WORDS):
            if not word.isdigit():
                self._buckets[(word[0], len(word))].append(word)
        self._corrections: dict[str, str | None] = {}

    def _add(self, alias: str, key: str, tier: int) -> None:
        normal = phrase(alias)
        if not normal or (tier < Tier.FULL and normal in NON_NAME_WORDS):
            return
        entry = self._aliases.setdefault(normal, _Alias(display=alias))
        if tier > entry.tiers.get(key, 0):
            entry.tiers[key] = tier
        if tier == Tier.FULL:
            entry.display = alias

    def aliases(self) -> Iterator[tuple[str, str, int]]:
        """(normalised alias, entity key, tier) for every way of naming every entity."""
        for normal, alias in self._aliases.items():
            for key, tier in alias.tiers.items():
                yield normal, key, tier

    def resolve(self, text: str) -> Resolution:
        words = [self._corrected(word) for word in tokens(text)]
        plain = tuple(word for word, _ in words)
        mentions: list[Mention] = []
        unmatched: list[int] = []
        i = 0
        while i < len(plain):
            found = self._longest_alias_at(plain, i)
            if found is None:
                unmatched.append(i)
                i += 1
                continue
            length, alias = found
            top = max(alias.tiers.values())
            keys = tuple(
                sorted(
                    (k for k, t in alias.tiers.items() if t >= top - AMBIGUITY_WINDOW),
                    key=lambda k: (-alias.tiers[k], k),
                )
            )
            corrected = any(fixed for _, fixed in words[i : i + length])
            mentions.append(Mention(i, i + length, alias.display, keys, top, corrected))
            i += length
        unknown_at = {
            j for j in unmatched if plain[j] not in NON_NAME_WORDS and not is_year(plain[j])
        }
        doubtful = tuple(m for m in mentions if _misread(m, unknown_at))
        kept = tuple(m for m in mentions if m not in doubtful)
        for mention in doubtful:
            unknown_at.update(range(mention.start, mention.end))
        unknown = tuple(plain[j] for j in sorted(unknown_at))
        return Resolution(plain, kept, doubtful, unknown)

    def _longest_alias_at(self, words: tuple[str, ...], i: int) -> tuple[int, _Alias] | None:
        for length in range(min(self._longest, len(words) - i), 0, -1):
            alias = self._aliases.get(" ".join(words[i : i + length]))
            if alias is not None:
                return length, alias
        return None

    def _corrected(self, word: str) -> tuple[str, bool]:
        """The word, or the known word it is a typo of; True when corrected."""
        if word in self._name_words or word in NON_NAME_WORDS or word.isdigit() or len(word) < 3:
            return word, False
        if word not in self._corrections:
            if len(self._corrections) >= _CORRECTION_CACHE_LIMIT:
                self._corrections.clear()
            self._corrections[word] = self._closest(word)
        fixed = self._corrections[word]
        return (fixed, True) if fixed else (word, False)

    def _closest(self, word: str) -> str | None:
        # Typos rarely change the first letter; keying on it keeps each lookup small.
        reach = 1 if len(word) <= 4 else 2
        choices = [
            known
            for size in range(len(word) - reach, len(word) + reach + 1)
            for known in self._buckets.get((word[0], size), ())
        ]
        cutoff = 85 if len(word) <= 4 else 80
        best = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        return best[0] if best else None

    def options_matching(self, text: str, keys: tuple[str, ...]) -> tuple[str, ...]:
        """Which of `keys` the text names: for a reply to "which one?" ("Perveen")."""
        resolution = self.resolve(text)
        named = {k for m in resolution.mentions for k in m.keys}
        picked = tuple(k for k in keys if k in named)
        if picked:
            return picked
        words = set(resolution.words)
        return tuple(k for k in keys if words & set(tokens(self.entities[k].name)) - NON_NAME_WORDS)


def _aliases_of(entity: Entity) -> list[tuple[str, int]]:
    found = [(entity.name, int(Tier.FULL)), *((a, int(Tier.FULL)) for a in entity.aliases)]
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
    words = name.replace(",", " ,").split()
    parts: list[tuple[str, int]] = []
    rest = words[1:]
    if len(words) >= 2 and rest[0] not in {"and", ","}:
        parts.append((words[0], int(Tier.PLACE)))
        if not set(phrase(" ".join(rest)).split()) <= COMPASS:
            parts.append((" ".join(rest).replace(" ,", ","), int(Tier.SHORT)))
    sides = [side.strip() for side in name.replace(" and ", ",").split(",") if side.strip()]
    if len(sides) > 1:
        parts += [(side, int(Tier.SEAT_PART)) for side in sides if phrase(side) not in COMPASS]
    return parts


def _misread(mention: Mention, unknown_at: set[int]) -> bool:
    """A partial alias beside an unknown word names someone or somewhere else."""
    if mention.tier in _NEEDS_NEIGHBOUR_AFTER and mention.end in unknown_at:
        return True
    return mention.tier in _NEEDS_NEIGHBOUR_BEFORE and (mention.start - 1) in unknown_at
