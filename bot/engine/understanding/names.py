"""Words are not names: a surname that is a common English word ("Short", "Young",
"Little") is read as a word wherever the question gives it a meaning and has other content,
so "how many votes short was Thangam Debbonaire" asks a measure about her, not about Tommy
Short. Alone, or beside the rest of its name, it stays a name."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.understanding.common_words import common_words
from bot.engine.understanding.index import Mention, Resolution, Tier
from bot.engine.understanding.lexicon import LONGEST_PHRASE, PHRASES, Role

_PARTIAL = {Tier.SURNAME, Tier.FIRST_NAME, Tier.MIDDLE_NAME, Tier.SHORT}


def words_not_names(resolution: Resolution) -> Resolution:
    readable = [m for m in resolution.mentions if _reads_as_a_word(resolution, m)]
    if not readable:
        return resolution
    kept = tuple(m for m in resolution.mentions if m not in readable)
    return replace(resolution, mentions=kept)


def _reads_as_a_word(resolution: Resolution, mention: Mention) -> bool:
    words = resolution.words
    if mention.end - mention.start != 1 or mention.tier not in _PARTIAL or mention.corrected:
        return False
    word = words[mention.start]
    if word not in common_words() or not _has_a_sense(words, mention.start):
        return False
    others = [m for m in resolution.mentions if m is not mention]
    meaning = [
        i for i, w in enumerate(words)
        if i != mention.start and (sense := PHRASES.get(w)) is not None
        and sense.role not in {Role.FILLER, Role.YES_NO, Role.ASKS_WHICH, Role.ASKS_WHO}
    ]  # fmt: skip
    return bool(others or meaning)


def _has_a_sense(words: tuple[str, ...], at: int) -> bool:
    """Some phrase of the lexicon covers the word here: "short", "prime minister", "a little"."""
    for start in range(max(0, at - LONGEST_PHRASE + 1), at + 1):
        for end in range(at + 1, min(len(words), start + LONGEST_PHRASE) + 1):
            if " ".join(words[start:end]) in PHRASES:
                return True
    return False
