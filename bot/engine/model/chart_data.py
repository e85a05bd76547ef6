"""What a chart of an answer shows: data only, no pixels.

The engine says which answers have a picture and what it holds (bars, seats, labels, the
small print); bot/charts draws it. Every label is text the answer itself could say, so the
picture carries its meaning in words, not in colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    label: str  # a candidate's or a party's name
    detail: str  # the party, for a candidate; "" for a party
    party_id: str | None  # picks the colour
    value: int  # votes, or seats
    share: float | None = None  # percent of the votes
    marked: str = ""  # "Elected", "Asked about": said in words beside the bar


@dataclass(frozen=True)
class BarChart:
    """One seat's result: a bar per candidate, largest first."""

    title: str
    subtitle: str
    bars: tuple[Bar, ...]
    footer: str
    small_print: str
    more: int = 0  # candidates not drawn
    # False on election night between a seat's declaration and its votes: the candidates
    # and the winner, no bars and no figures (the footer says why)
    votes_published: bool = True


@dataclass(frozen=True)
class SeatsChart:
    """Seats by party as a Commons (hemicycle) chart; the majority line for the whole House."""

    title: str
    parties: tuple[Bar, ...]  # value: seats won, largest first
    total: int
    majority: int | None  # seats needed for a majority, for the whole Commons only
    small_print: str


@dataclass(frozen=True)
class Group:
    """One group of two bars: a party's share in two seats, or two parties' in one nation."""

    label: str
    party_id: str | None  # the group's colour (a party in two seats); None: each series'
    values: tuple[float | None, float | None]  # percent; None: did not stand there


@dataclass(frozen=True)
class GroupedBars:
    """Two of a kind side by side, as grouped bars of a share of the vote."""

    title: str
    series: tuple[tuple[str, str | None], tuple[str, str | None]]  # name, party id or None
    groups: tuple[Group, ...]
    small_print: str


Chart = BarChart | SeatsChart | GroupedBars
