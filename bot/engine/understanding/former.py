"""Names of former seats in a question: "Bristol West", "Morley and Outwood" were seats on the
2010 boundaries, gone in 2024. Read only whole, never by fuzzy match, and only where no 2024
seat or place has the name or starts with it ("Birmingham Hall Green" is still most likely
Birmingham Hall Green and Moseley), so no question about a 2024 seat is taken from it."""

from __future__ import annotations

from collections.abc import Iterable

from bot.engine.understanding.text import phrase, tokens
from knowledge.schema import FormerSeat


class FormerNames:
    def __init__(
        self,
        former: Iterable[FormerSeat],
        names_in_use: Iterable[str],
        successor_names: dict[str, str],
    ) -> None:
        in_use = {phrase(name) for name in names_in_use}
        self.by_phrase: dict[str, FormerSeat] = {}
        for seat in former:
            said = phrase(seat.name)
            kept_in = (phrase(successor_names[s.seat]) for s in seat.successors)
            if said not in in_use and not any(name.startswith(said) for name in kept_in):
                self.by_phrase[said] = seat
        self.in_use = in_use
        self.longest = max((len(p.split()) for p in (*self.by_phrase, *in_use)), default=0)

    def named_in(self, text: str) -> FormerSeat | None:
        """The former seat the question names, the longest name first; a name inside a 2024
        seat's or place's name ("Aberconwy" in "Bangor Aberconwy") is that seat's."""
        if not self.by_phrase:
            return None
        words = tokens(text)
        taken: set[int] = set()
        for length in range(min(self.longest, len(words)), 0, -1):
            for start in range(len(words) - length + 1):
                span = set(range(start, start + length))
                said = " ".join(words[start : start + length])
                if span & taken:
                    continue
                if said in self.in_use:
                    taken |= span
                elif said in self.by_phrase:
                    return self.by_phrase[said]
        return None
