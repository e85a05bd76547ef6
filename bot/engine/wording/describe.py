"""A selection in words, so every answer says exactly which rows it counted: "seats in
Scotland where Reform UK came third", "Labour MPs with a majority under 1,000"."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from bot.engine.answers.scope import scope_of
from bot.engine.model.ask import (
    LAST,
    SEAT_MEASURES,
    Measure,
    Operation,
    SeatChange,
    Selection,
    Threshold,
    Unit,
)
from bot.engine.results.catalog import Catalog
from bot.engine.wording.measures import MEASURES
from bot.engine.wording.phrases import ordinal, party_as_subject


class Describer:
    def __init__(self, catalog: Catalog, counted: Collection[str] | None = None) -> None:
        self.catalog = catalog
        # The seats the rows are over: every seat with a count, or those published so far.
        self.counted = set(counted) if counted is not None else {
            seat.id for seat in catalog.seats_with_counts}  # fmt: skip

    def party(self, party_id: str) -> str:
        return self.catalog.parties[party_id].name

    def party_in_prose(self, party_id: str) -> str:
        """'Labour', 'the Conservatives', 'the Scottish National Party': a party named inside
        a sentence."""
        named = party_as_subject(self.catalog.parties[party_id])
        return "the" + named[3:] if named.startswith("The ") else named

    def placed(self, unit: Unit, s: Selection, count: int, operation: Operation) -> str:
        """'Reform UK came third in 14 of the 57 seats in Scotland.': a count of seats where
        one party came Nth, said the way people ask it ('' for any other count)."""
        only_placed = replace(s, parties=(), position=None, place=None)
        if unit is not Unit.SEAT or len(s.parties) != 1 or s.position is None or (
                only_placed != Selection()):  # fmt: skip
            return ""
        in_place = self.catalog.places[s.place].seats if s.place else self.counted
        in_all = len(self.counted.intersection(in_place))
        where = self.where(s)
        seats = f"the {in_all:,} seats{where}" if where else f"{in_all:,} seats"
        party = self.party_in_prose(s.parties[0])
        party = party[:1].upper() + party[1:]
        end = ":" if operation is Operation.LIST and count else "."
        return f"{party} came {self.position(s.position)} in {count:,} of {seats}{end}"

    def gained(self, unit: Unit, s: Selection, count: int, operation: Operation) -> str:
        """'Labour gained 36 seats from the Scottish National Party.': seats one party took
        from another, said the way people ask it ('' for any other count)."""
        plain = replace(
            s, parties=(), won=None, seat_change=None, gained_from=None, place=None, gender=None
        )
        if unit is not Unit.SEAT or len(s.parties) != 1 or not s.gained_from or (
                plain != Selection()):  # fmt: skip
            return ""
        winner = party_as_subject(self.catalog.parties[s.parties[0]])
        loser = party_as_subject(self.catalog.parties[s.gained_from])
        loser = loser[:1].lower() + loser[1:] if loser.startswith("The ") else loser
        end = ":" if operation is Operation.LIST and count else "."
        if s.gender:  # "how many of them were women"
            who = "a woman" if s.gender == "Female" else "a man"
            lowered = winner[:1].lower() + winner[1:] if winner.startswith("The ") else winner
            return (f"{count:,} of the seats {lowered} gained{self.where(s)} from {loser} "
                    f"{'was' if count == 1 else 'were'} won by {who}{end}")  # fmt: skip
        seats = f"{count:,} seat" + ("" if count == 1 else "s")
        return f"{winner} gained {seats}{self.where(s)} from {loser}{end}"

    def qualifier(self, s: Selection) -> str:
        """What narrows the rows of a region's figure: ' (Labour)', ''."""
        parties = " or ".join(self.party(p) for p in s.parties)
        return f" ({parties})" if parties else ""

    def where(self, selection: Selection) -> str:
        """' in Scotland', ' in Clacton', ' outside London', or ''."""
        outside = ""
        if selection.excluded_place:
            outside = f" outside {scope_of(self.catalog, selection.excluded_place).named}"
        if selection.excluded_seats:
            named = " or ".join(self.catalog.seats[i].name for i in selection.excluded_seats)
            outside += f" other than in {named}"
        if selection.seats:
            return f" in {self.catalog.seats[selection.seats[0]].name}{outside}"
        if selection.place:
            return scope_of(self.catalog, selection.place).where + outside
        return outside

    def rows(self, unit: Unit, s: Selection) -> str:
        if unit is Unit.SEAT:
            return self._seats(s)
        return self._candidates(s)

    def parties(self, s: Selection) -> str:
        seats = [t for t in s.thresholds if t.measure is Measure.SEATS]
        rest = tuple(t for t in s.thresholds if t not in seats)
        if seats:  # "parties that won over 10 seats"
            won = " and".join(
                f" {'at least' if t.inclusive else 'over'} {t.value:g}" if t.above
                else f" {'at most' if t.inclusive else 'under'} {t.value:g}" for t in seats
            )  # fmt: skip
            verb = f" that won{won} seats"
        else:
            verb = " that won seats" if s.won else " that stood"
        return f"parties{verb}{self.where(s)}{self._thresholds(rest)}"

    def selection_name(self, s: Selection) -> str:
        """What one side of a comparison is: a person, a seat, a party in a place..."""
        if s.people:
            return self.catalog.people[s.people[0]].name
        party = self.party(s.parties[0]) if s.parties else ""
        if s.seats:
            seat = self.catalog.seats[s.seats[0]].name
            return f"{party} in {seat}" if party else seat
        if s.place:
            place = scope_of(self.catalog, s.place).named
            return f"{party} in {place}" if party else place
        return party or "all seats"

    def _candidates(self, s: Selection) -> str:
        words: list[str] = []
        if s.gender:
            words.append("women" if s.gender == "Female" else "men")
        if s.parties:
            words.append(" or ".join(self.party(p) for p in s.parties))
        if s.excluded_parties:  # "non-Labour MPs"
            words.append(", ".join(f"non-{self.party(p)}" for p in s.excluded_parties))
        if s.first_time:
            words.append("first-time winners")
        elif s.sitting and s.won is False:
            words.append("sitting MPs who lost")
        elif s.sitting and s.won:
            words.append("sitting MPs re-elected")
        elif s.sitting:
            words.append("sitting MPs who stood")
        elif s.won:
            words.append("MPs elected")
        elif s.won is False:
            words.append("candidates who lost")
        else:
            words.append("candidates")
        phrase = " ".join(words)
        if s.position is not None:
            phrase += f" who came {self.position(s.position)}"
        if s.won_by is not None:
            phrase += f" to {self.party_in_prose(s.won_by)}"
        if s.placed is not None:
            party, position = s.placed
            phrase += f" where {self.party_in_prose(party)} came {self.position(position)}"
        phrase += self.where(s)
        phrase += self._seat_change(s, in_seats=True)
        phrase += self._thresholds(s.thresholds, seats_of=not s.won)
        return phrase

    def _seats(self, s: Selection) -> str:
        phrase = "seats" + self.where(s)
        party = " or ".join(self.party(p) for p in s.parties)
        who = party or "the candidate"
        if s.gender:
            who = f"a {'woman' if s.gender == 'Female' else 'man'}" + (
                f" ({party})" if party else "")  # fmt: skip
        if s.sitting:
            who = f"a sitting MP{f' ({party})' if party else ''}"
        if s.position is not None:
            phrase += f" where {who} came {self.position(s.position)}"
        elif s.won and (s.seat_change is None or s.gender or s.sitting) and (
                party or s.gender or s.sitting):  # fmt: skip
            by = self.party_in_prose(s.parties[0]) if who == party and len(s.parties) == 1 else who
            phrase += f" won by {by}"
        elif s.won is False and (party or s.gender or s.sitting):
            phrase += f" where {who} lost"
        elif party and s.won is None and s.seat_change is None:
            phrase += " where " + " or ".join(self.party_in_prose(p) for p in s.parties) + " stood"
        if s.first_time:
            phrase += " won by a first-time winner"
        if s.not_won_by:
            phrase += " not won by " + " or ".join(self.party_in_prose(p) for p in s.not_won_by)
        if s.excluded_parties:
            phrase += " won by a party other than " + " or ".join(
                self.party_in_prose(p) for p in s.excluded_parties)  # fmt: skip
        if s.placed is not None:
            party, position = s.placed
            phrase += f" where {self.party_in_prose(party)} came {self.position(position)}"
        phrase += self._seat_change(s, in_seats=False)
        phrase += self._thresholds(s.thresholds)
        return phrase

    def _seat_change(self, s: Selection, in_seats: bool) -> str:
        lead = " in seats" if in_seats else ""
        party = " or ".join(self.party(p) for p in s.parties)
        by = f" by {party}" if party and not in_seats else ""
        if s.gained_from:
            return f"{lead} gained{by} from {self.party_in_prose(s.gained_from)}"
        if s.seat_change is SeatChange.GAINED:
            return f"{lead} that changed hands" if not by else f"{lead} gained{by}"
        if s.seat_change is SeatChange.HELD:
            return f"{lead} held{by or ' by the same party'} (on notional 2019 results)"
        return ""

    @staticmethod
    def position(position: int) -> str:
        """'third', 'last'."""
        return "last" if position == LAST else ordinal(position)

    @staticmethod
    def _thresholds(thresholds: tuple[Threshold, ...], seats_of: bool = False) -> str:
        """' with a majority under 1,000 votes'; with `seats_of`, a seat's figure said of the
        candidates' seats (' in seats with a majority under 500')."""
        parts = []
        for t in thresholds:
            if seats_of and t.measure in SEAT_MEASURES:
                parts.append(" in seats" + Describer._thresholds((t,)))
                continue
            words = MEASURES[t.measure]
            comparison = ("at least " if t.inclusive else "over ") if t.above else (
                "at most " if t.inclusive else "under ")  # fmt: skip
            value = words.show(t.value)
            if t.measure is Measure.CHANGE:
                parts.append(_change_threshold(t))
                continue
            if t.measure in {Measure.BEHIND, Measure.AHEAD}:
                margin = "votes behind the winner" if t.measure is Measure.BEHIND else (
                    "votes ahead of the runner-up")  # fmt: skip
                parts.append(f" who finished {comparison}{t.value:,.0f} {margin}")
                continue
            if t.measure in {Measure.SHARE, Measure.TURNOUT, Measure.MAJORITY}:
                parts.append(f" with a {words.noun} {comparison}{value}")
            else:  # the figure names its unit: "with over 20,000 votes"
                parts.append(f" with {comparison}{value}")
        return "".join(parts)


def _change_threshold(t: Threshold) -> str:
    """' whose share fell by more than 20 points on 2019 (notional)'."""
    size = f"{abs(t.value):g}"
    if t.value == 0:
        moved = "rose" if t.above else "fell"
        return f" whose share {moved} on 2019 (notional)"
    if t.value < 0 and not t.above:
        return f" whose share fell by more than {size} points on 2019 (notional)"
    if t.value > 0 and t.above:
        return f" whose share rose by more than {size} points on 2019 (notional)"
    comparison = "over" if t.above else "under"
    return f" with a change in share {comparison} {t.value:+g} points on 2019 (notional)"


_SINGULAR = {"women": "woman", "men": "man", "MPs": "MP", "candidates": "candidate",
             "seats": "seat", "parties": "party", "winners": "winner"}  # fmt: skip


def singular(phrase: str) -> str:
    """'woman Scottish National Party MP elected': a phrase of rows, for a count of one."""
    return " ".join(_SINGULAR.get(word, word) for word in phrase.split(" "))
