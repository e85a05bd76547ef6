"""Made-up seats and candidates at the size of a whole election, to time the name index
where it will have to work. Names are built from nonsense syllables: not data, just load."""

from __future__ import annotations

import random

from bot.engine.model.keys import Key, Kind
from bot.engine.understanding.index import Entity

SEATS = 650
CANDIDATES_PER_SEAT = 7
_SYLLABLES = (
    "ab an ar bel bor cal dun el fen gar hol ing kel lan mor nor ol pen quin ros sel "
    "tor ul ven wick yar zan ford ley ton by ham"
)
_COMPASS = ("North", "South", "East", "West", "Central")


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES.split()) for _ in range(parts)).capitalize()


def synthetic_entities(seed: int = 2024) -> list[Entity]:
    rng = random.Random(seed)
    entities: list[Entity] = []
    seen: set[str] = set()
    while len(entities) < SEATS:
        name = (
            f"{_word(rng, 3)} {rng.choice(_COMPASS)}"
            if rng.random() < 0.4
            else (f"{_word(rng, 2)} and {_word(rng, 3)}" if rng.random() < 0.5 else _word(rng, 3))
        )
        if name not in seen:
            seen.add(name)
            entities.append(Entity(Key(f"seat:s{len(entities)}"), Kind.SEAT, name))
    for number in range(SEATS * CANDIDATES_PER_SEAT):
        name = f"{_word(rng, 2)} {_word(rng, 3)}"
        entities.append(Entity(Key(f"person:p{number}"), Kind.PERSON, name))
    return entities


def _typo(rng: random.Random, text: str) -> str:
    at = rng.randrange(1, len(text) - 1)
    return text[:at] + text[at + 1 :] if rng.random() < 0.5 else text[:at] + text[at] + text[at:]


def synthetic_mix(entities: list[Entity], size: int = 60, seed: int = 7) -> list[tuple[str, str]]:
    """Questions naming one entity in full, half with a typo in a long word."""
    rng = random.Random(seed)
    chosen = rng.sample(entities, size)
    mix = []
    for entity in chosen:
        words = entity.name.split()
        if rng.random() < 0.5:
            longest = max(range(len(words)), key=lambda i: len(words[i]))
            words[longest] = _typo(rng, words[longest])
        template = "who won {}" if entity.kind is Kind.SEAT else "how many votes did {} get"
        mix.append((template.format(" ".join(words)), str(entity.key)))
    return mix
