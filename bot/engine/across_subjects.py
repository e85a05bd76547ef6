"""What a question across elections names: its seat (a 2024 seat, a seat gone in 2024, or a
seat of the 2010 boundaries named whole in an earlier year), person, parties and place, and
what the last answer about 2024 was about, for a follow-up that names nothing."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import cached_property

from bot.engine.conversation import Conversation
from bot.engine.model.keys import Key, Kind
from bot.engine.results.catalog import Catalog, party_key
from bot.engine.understanding.elections import ELECTION_WORDS, Subjects
from bot.engine.understanding.index import Entity, Mention, Resolution, Tier
from bot.engine.understanding.intents import Reading
from bot.engine.understanding.places import Level
from bot.engine.understanding.text import phrase
from knowledge.ids import slug
from knowledge.schema import FormerSeat, Knowledge

# A party that stood only before 2024 is named in questions if it won a seat or stood this
# many candidates at one general election (the Brexit Party, the BNP, Respect), as 2024's are.
KNOWN_EARLIER_PARTY = 50


def earlier_parties(knowledge: Knowledge) -> list[Entity]:
    """The parties of the earlier elections people name: "the Brexit Party", "BNP"."""
    earlier = {party.id: party for party in knowledge.history_parties}
    standing: Counter[tuple[str, str]] = Counter()
    won: set[str] = set()
    for contest in knowledge.contests:
        for place, candidacy in enumerate(contest.candidates):
            if candidacy.party in earlier:
                standing[(candidacy.party, contest.election)] += 1
                if place == 0:
                    won.add(candidacy.party)
    known = won | {party for (party, _), count in standing.items() if count >= KNOWN_EARLIER_PARTY}
    return [
        Entity(
            party_key(party.id),
            Kind.PARTY,
            party.name,
            (*party.aliases, party.name.removeprefix("The ")),
        )
        for party_id, party in sorted(earlier.items())
        if party_id in known
    ]


class NamedAcross:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    @cached_property
    def _old_seat_names(self) -> dict[str, tuple[str, str]]:
        """The seats of the 2010 boundaries by their names' words: (id of the name, name)."""
        records = {e.id: e for e in self.catalog.knowledge.elections}
        return {
            phrase(contest.name): (contest.seat, contest.name)
            for contest in self.catalog.knowledge.contests
            if records[contest.election].boundaries == 2010
        }

    @cached_property
    def old_seat_ids(self) -> frozenset[str]:
        return frozenset(seat for seat, _ in self._old_seat_names.values())

    def old_seat(self, resolution: Resolution) -> tuple[str, str, range] | None:
        """A seat of the 2010 boundaries named whole ("Middlesbrough", "Copeland", "Wells"),
        unless a longer name of 2024 holds its words ("Bangor Aberconwy")."""
        words = resolution.words
        longest = max((len(name.split()) for name in self._old_seat_names), default=0)
        for length in range(min(longest, len(words)), 0, -1):
            for start in range(len(words) - length + 1):
                found = self._old_seat_names.get(" ".join(words[start : start + length]))
                span = range(start, start + length)
                inside_longer = any(
                    m.start <= start and start + length <= m.end and m.end - m.start > length
                    for m in resolution.mentions
                )
                if found is not None and not inside_longer:
                    return found[0], found[1], span
        return None

    def subjects(
        self, resolution: Resolution, former: FormerSeat | None, earlier: bool = False
    ) -> Subjects:
        """What the question names, for the answers across elections; `earlier`: about an
        earlier election, where a seat of its day named whole is that seat ("who won
        Middlesbrough in 2010"), not a 2024 place or a person of the same name."""
        old = self.old_seat(resolution) if earlier and former is None else None
        if old is not None:
            old_id, old_name, span = old
            others = [
                m for m in resolution.mentions
                if not m.ambiguous and (m.end <= span.start or m.start >= span.stop)
            ]  # fmt: skip
            parties = tuple(
                dict.fromkeys(m.keys[0].id for m in others if m.keys[0].is_a(Kind.PARTY))
            )
            named = [m.keys[0].id for m in others if m.keys[0].is_a(Kind.PERSON)]
            # "Clacton and Islington North in 2019": another seat besides, asked alone
            several = (
                any(k.is_a(Kind.SEAT) for m in others for k in m.keys)
                or self.old_seat(_without(resolution, span)) is not None
            )
            return Subjects(old_id, old_name, named[0] if named else None, parties, None, several)
        keys = [m.keys[0] for m in _named(resolution) if not m.ambiguous]
        seats = [k.id for k in keys if k.is_a(Kind.SEAT)]
        people = [k.id for k in keys if k.is_a(Kind.PERSON)]
        parties = tuple(dict.fromkeys(k.id for k in keys if k.is_a(Kind.PARTY)))
        places = [self.catalog.places[k.id] for k in keys if k.is_a(Kind.PLACE)]
        place = next((p.name for p in places if p.level is not Level.TOWN), None)
        if former is not None:
            return Subjects(slug(former.name), former.name, None, parties, place)
        seat = seats[0] if seats else None
        if seat is None and places and places[0].level is Level.TOWN and len(places[0].seats) == 1:
            seat = places[0].seats[0]
        name = self.catalog.seats[seat].name if seat else None
        several = len(set(seats)) > 1 or len(set(people)) > 1
        town = next((p.name for p in places if p.level is Level.TOWN and len(p.seats) > 1), None)
        person = people[0] if people else None
        return Subjects(seat, name, person, parties, place, several, town)

    def last_subjects(self, conversation: Conversation) -> Subjects:
        """What the last answer about 2024 was about: its party or place, else its seat or
        person."""
        parties = tuple(k.id for k in conversation.qualifiers if k.is_a(Kind.PARTY))
        places = [self.catalog.places[k.id] for k in conversation.qualifiers if k.is_a(Kind.PLACE)]
        place = next((p.name for p in places if p.level is not Level.TOWN), None)
        if parties or place:
            return Subjects(parties=parties, place=place)
        if conversation.seat is not None:
            seat = Key(conversation.seat).id
            return Subjects(seat, self.catalog.seats[seat].name)
        if conversation.person is not None:
            return Subjects(person=Key(conversation.person).id)
        return Subjects()


def _named(resolution: Resolution) -> list[Mention]:
    """The question's names, but not a surname that is a word these questions use ("is
    Theresa May still an MP": not Andrew Still)."""
    return [
        m
        for m in resolution.mentions
        if not (
            m.tier <= Tier.SURNAME and m.end - m.start == 1 and m.text.lower() in ELECTION_WORDS
        )
    ]


def _without(resolution: Resolution, span: range) -> Resolution:
    """The question with the words of one name blanked out, to look for another."""
    words = tuple("" if i in span else w for i, w in enumerate(resolution.words))
    return replace(resolution, words=words, mentions=(), doubtful=())


def yes_no(resolution: Resolution, reading: Reading) -> bool:
    """A yes or no question, unless its opening word is a name's ("Will Forster's results")."""
    opens_a_name = any(m.start == 0 for m in (*resolution.mentions, *resolution.doubtful))
    return reading.yes_no and not opens_a_name


def unnamed(resolution: Resolution) -> tuple[str, ...]:
    """The question's words outside its names: "fell" asks of a change, Simon Fell does not."""
    named = {i for m in (*resolution.mentions, *resolution.doubtful) for i in range(m.start, m.end)}
    return tuple(word for i, word in enumerate(resolution.words) if i not in named)
