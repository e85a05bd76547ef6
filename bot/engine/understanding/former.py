"""Names of former seats in a question: "Bristol West", "Morley and Outwood" were seats on the
2010 boundaries, gone in 2024. Read only whole, never by fuzzy match, and only where the
question's names leave the words to it: a person ("Tara Copeland"), a 2024 seat, even
misspelt ("Rhonda and Ogmore"), or two seats ("Hitchin and Harpenden and Berkhamsted") that
cover every word of the name keep them. The one exception is a 2024 seat that merely
starts with the old name and took a minority of its people ("Leeds Central" is mostly in
Leeds South now): the question is then about the old seat, and the answer offers both."""

from __future__ import annotations

from collections.abc import Iterable

from bot.engine.model.keys import Kind
from bot.engine.understanding.index import Mention, Resolution, Tier
from bot.engine.understanding.text import phrase, tokens
from knowledge.schema import FormerSeat

JOINING = frozenset({"and"})  # "Hitchin and Harpenden": words no mention needs to cover


class FormerNames:
    def __init__(self, former: Iterable[FormerSeat], names_in_use: Iterable[str]) -> None:
        in_use = {phrase(name) for name in names_in_use}
        self.by_phrase = {
            said: seat for seat in former if (said := phrase(seat.name)) not in in_use
        }
        self.longest = max((len(p.split()) for p in self.by_phrase), default=0)

    def named_in(self, resolution: Resolution) -> FormerSeat | None:
        """The former seat the question names, the longest name first, unless the question's
        seats and people cover its words."""
        words = resolution.words
        for length in range(min(self.longest, len(words)), 0, -1):
            for start in range(len(words) - length + 1):
                found = self.by_phrase.get(" ".join(words[start : start + length]))
                if found is not None and not _kept(found, resolution, start, start + length):
                    return found
        return None


def _kept(seat: FormerSeat, resolution: Resolution, start: int, end: int) -> bool:
    """Whether the question's 2024 seats or people account for the former name's words."""
    covering = [
        m
        for m in resolution.mentions
        if m.start < end and start < m.end and _names(m) and not _guessed(m, start, end)
    ]
    covered = {i for m in covering for i in range(m.start, m.end)}
    words = resolution.words
    if any(i not in covered and words[i] not in JOINING for i in range(start, end)):
        return False
    (only,) = covering if len(covering) == 1 else (None,)
    return only is None or (only.start, only.end) != (start, end) or not _minority(seat, only)


def _names(mention: Mention) -> bool:
    """A person, even by surname alone ("Copeland") but not by a first name alone, or a 2024
    seat by its whole name (typos allowed): not one side of a seat's name ("Batley" of
    "Batley and Spen")."""
    # A first name alone ("Don" of "Don Valley"), or a name several share ("Eccles" of
    # "Salford and Eccles": Cat Eccles, Worsley and Eccles), names no one in particular
    person = (
        any(k.is_a(Kind.PERSON) for k in mention.keys)
        and mention.tier > Tier.FIRST_NAME
        and not mention.ambiguous
    )
    return person or (any(k.is_a(Kind.SEAT) for k in mention.keys) and mention.tier >= Tier.SHORT)


def _guessed(mention: Mention, start: int, end: int) -> bool:
    """A name guessed from a typo in the old name's own words ("Mid Worcestershire" is no
    misspelling of Mid Leicestershire): the old name, spelt right, is what was typed. A typo
    elsewhere in a longer 2024 name ("Rhonda and Ogmore") is that name's."""
    return mention.corrected and start <= mention.start and mention.end <= end


def _minority(seat: FormerSeat, mention: Mention) -> bool:
    """The one 2024 seat the old name was read as took a minority of its people: "Leeds
    Central" read as Leeds Central and Headingley, though it is mostly Leeds South now."""
    return len(mention.keys) == 1 and any(
        s.seat == mention.keys[0].id and s.population < 0.5 for s in seat.successors
    )


def named_besides(resolution: Resolution, former: FormerSeat) -> bool:
    """Whether the question names a seat, person or party besides the former seat."""
    words = phrase(former.name).split()
    return any(
        m.text and not set(tokens(m.text)) <= set(words)
        for m in resolution.mentions
        if any(k.kind is not Kind.PLACE for k in m.keys)
    )
