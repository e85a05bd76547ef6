"""Finding entities from a few typed letters, for inline mode ("@TheBot leic").

Runs on every keystroke, so it is a bisect over the sorted words of all names, not a fuzzy
scan: each typed word must start a word of the name, the last one may be unfinished.
Misspelt words fall back to the name index's correction.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict

from bot.engine.model.keys import Key, Kind
from bot.engine.understanding.index import NameIndex
from bot.engine.understanding.text import phrase, tokens


class Search:
    def __init__(self, index: NameIndex) -> None:
        self._index = index
        keys_by_word: dict[str, set[Key]] = defaultdict(set)
        self._tier: dict[Key, int] = defaultdict(int)
        for normal, key, tier in index.aliases():
            for word in normal.split():
                keys_by_word[word].add(key)
            self._tier[key] = max(self._tier[key], tier)
        self._words = sorted(keys_by_word)
        self._keys_by_word = dict(keys_by_word)
        self._names = {entity.key: phrase(entity.name) for entity in index.entities.values()}

    def find(self, text: str, limit: int) -> list[Key]:
        """Keys of the entities the text could be the start of, best first."""
        words = tokens(text)
        if not words:
            return []
        found: set[Key] | None = None
        for position, word in enumerate(words):
            last = position == len(words) - 1
            matching = self._starting_with(word) if last else self._keys_by_word.get(word, set())
            found = matching if found is None else found & matching
            if not found:
                break
        if not found:
            resolved = self._index.resolve(text).mentions
            found = {key for mention in resolved for key in mention.keys}
        typed = " ".join(words)
        # Places come after seats and people: a card to share is a result, not a list.
        ranked = sorted(
            found,
            key=lambda k: (
                not self._names[k].startswith(typed),
                k.is_a(Kind.PLACE),
                -self._tier[k],
                self._names[k],
            ),
        )
        return ranked[:limit]

    def _starting_with(self, prefix: str) -> set[Key]:
        keys: set[Key] = set()
        at = bisect_left(self._words, prefix)
        while at < len(self._words) and self._words[at].startswith(prefix):
            keys |= self._keys_by_word[self._words[at]]
            at += 1
        return keys
