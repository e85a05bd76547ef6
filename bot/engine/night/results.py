"""What is known of each seat at one moment of an election night: the night's knowledge.

A seat moves through the states UK Parliament's results site publishes a general election in:
its candidates, then its winner, then the full figures, then the figures verified by the
Commons Library (and, if the verified figures differ from those first published, corrected).
A NightResults is one immutable snapshot of every seat; the feed makes a new one whenever the
published files change, so an answer reads one consistent moment, never a half-applied update.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum
from functools import cached_property

# Seats in the Commons; more than half of them is a majority.
COMMONS_SEATS = 650
MAJORITY_LINE = COMMONS_SEATS // 2 + 1


class Stage(IntEnum):
    NOMINATED = 1  # the candidates, no votes
    WINNER = 2  # the winner and "gain" or "hold", no votes
    COUNTED = 3  # every candidate's votes, not yet verified
    VERIFIED = 4  # the figures the Commons Library has checked


@dataclass(frozen=True)
class NightCandidate:
    name: str
    party: str  # the party's name as the file gives it
    party_abbreviation: str
    votes: int | None = None
    share: float | None = None  # a fraction, as the files give it
    dc_id: int | None = None
    mnis_id: int | None = None


@dataclass(frozen=True)
class Figures:
    electorate: int
    valid_votes: int
    majority: int


@dataclass(frozen=True)
class NightSeat:
    ons_id: str
    name: str
    country: str = ""
    region: str = ""
    stage: Stage = Stage.NOMINATED
    candidates: tuple[NightCandidate, ...] = ()  # in the order of their votes, once counted
    winner: NightCandidate | None = None
    result: str = ""  # "Reform gain from Con", as published
    figures: Figures | None = None
    declared_at: datetime | None = None  # when the feed first showed its winner
    # The figures were published, then changed: the verified count differs from the first.
    corrected: bool = False

    @property
    def declared(self) -> bool:
        return self.stage >= Stage.WINNER

    @property
    def counted(self) -> bool:
        return self.stage >= Stage.COUNTED

    @property
    def gained(self) -> bool:
        return " gain from " in self.result


@dataclass(frozen=True)
class NightResults:
    """Every seat at one moment. `as_of` is when the feed was last read whole; `trouble`
    says why the feed could not be read since, if it could not."""

    seats: Mapping[str, NightSeat]  # by ONS ID
    as_of: datetime
    trouble: str = ""
    order: tuple[str, ...] = field(default=())  # ONS IDs in the order they declared

    @property
    def declared(self) -> list[NightSeat]:
        """Declared seats, first declared first."""
        return [self.seats[ons_id] for ons_id in self.order]

    @property
    def complete(self) -> bool:
        """Every seat verified: the night is over and the full results stand. (Before the
        feed is first read there are no seats, and the night has not begun.)"""
        return bool(self.seats) and all(s.stage == Stage.VERIFIED for s in self.seats.values())

    def still_to_declare(self) -> list[NightSeat]:
        return sorted((s for s in self.seats.values() if not s.declared), key=lambda s: s.name)

    def seats_won(self) -> Counter[str]:
        """Seats won so far, by party abbreviation: Labour and Labour and Co-operative
        candidates both stand as "Lab", and are one party in the Commons."""
        return Counter(s.winner.party_abbreviation for s in self.declared if s.winner is not None)

    def party_name(self, abbreviation: str) -> str:
        """The name most of the party's candidates stand under ("Labour", not "Labour and
        Co-operative")."""
        return self._party_names.get(abbreviation, abbreviation)

    @cached_property
    def _party_names(self) -> dict[str, str]:
        names: dict[str, Counter[str]] = {}
        for seat in self.seats.values():
            for candidate in seat.candidates:
                names.setdefault(candidate.party_abbreviation, Counter())[candidate.party] += 1
        return {abbreviation: n.most_common(1)[0][0] for abbreviation, n in names.items()}

    def leader(self) -> tuple[str, int] | None:
        won = self.seats_won().most_common(2)
        if not won or (len(won) == 2 and won[0][1] == won[1][1]):
            return None
        return won[0]

    def majority_won_by(self) -> tuple[str, NightSeat] | None:
        """The party that has won a majority, and the seat that took it over the line."""
        running: Counter[str] = Counter()
        for seat in self.declared:
            if seat.winner is None:
                continue
            party = seat.winner.party_abbreviation
            running[party] += 1
            if running[party] == MAJORITY_LINE:
                return party, seat
        return None
