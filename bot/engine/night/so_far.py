"""The parties so far: a party's seats won, gained, lost or held (in a place), every party's
tally, the closest and biggest majorities among the seats with figures."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from bot.engine.model.answer import Answer, Block, BulletList, Paragraph, Status, bold, paragraph
from bot.engine.model.keys import Key
from bot.engine.night.reading import Outcome
from bot.engine.night.results import COMMONS_SEATS, NightResults, NightSeat
from bot.engine.night.wording import as_of, outcome, tally

LIST_LENGTH = 10  # a list on a phone: the first ten, then how many more


def listed(
    lead: str,
    seats: list[NightSeat],
    night: NightResults,
    item: Callable[[NightSeat], Paragraph],
    entities: tuple[Key, ...] = (),
) -> Answer:
    """The lead, the seats (the first ten), how many more, and the moment."""
    blocks: list[Block] = [paragraph(lead)]
    if seats:
        blocks.append(BulletList(tuple(item(s) for s in seats[:LIST_LENGTH])))
    if len(seats) > LIST_LENGTH:
        blocks.append(paragraph(f"And {len(seats) - LIST_LENGTH} more."))
    blocks.append(paragraph(f"{as_of(night)}."))
    return Answer(Status.ANSWERED, tuple(blocks), headline=lead, entities=entities)


def winner_item(night: NightResults) -> Callable[[NightSeat], Paragraph]:
    def item(seat: NightSeat) -> Paragraph:
        assert seat.winner is not None
        return paragraph(bold(seat.name), f": {seat.winner.name}, {outcome(seat, night)}")

    return item


def party_seats(
    party: str,
    abbreviation: str,
    how: Outcome,
    seats: list[NightSeat],
    where: str,
    night: NightResults,
    entities: tuple[Key, ...],
) -> Answer:
    """`seats`: the declared seats of the place asked about (every declared seat if none)."""
    chosen = [s for s in seats if _is(s, abbreviation, how)]
    declared = f"the {len(seats)} seat{'s' if len(seats) != 1 else ''} declared{where} so far"
    verb = {Outcome.WON: "won", Outcome.GAINED: "gained", Outcome.LOST: "lost",
            Outcome.HELD: "held"}[how]  # fmt: skip
    if not seats:
        lead = f"No seat{where} has declared yet, so {party} has {verb} none so far."
        return listed(lead, [], night, winner_item(night), entities)
    lead = f"{party} has {verb} {len(chosen) or 'none'} of {declared}"
    if chosen and how is not Outcome.HELD and how is not Outcome.WON:
        lead += f" ({_from_or_to(chosen, how, night)})"
    lead += "."
    if how is Outcome.WON and chosen:
        gains = sum(1 for s in chosen if s.gained)
        lead += f" {gains} {'is a gain' if gains == 1 else 'are gains'}."
    return listed(lead, chosen, night, winner_item(night), entities)


def _is(seat: NightSeat, abbreviation: str, how: Outcome) -> bool:
    words = seat.result.split()
    if not words:
        return False
    if how is Outcome.LOST:
        return len(words) >= 4 and words[1] == "gain" and words[3] == abbreviation
    if words[0] != abbreviation:
        return False
    if how is Outcome.GAINED:
        return words[1] == "gain"
    if how is Outcome.HELD:
        return words[1] == "hold"
    return True


def _from_or_to(seats: list[NightSeat], how: Outcome, night: NightResults) -> str:
    """ "100 from Conservative, 22 from Scottish National Party"."""
    other = 3 if how is Outcome.GAINED else 0
    counted = Counter(s.result.split()[other] for s in seats)
    word = "from" if how is Outcome.GAINED else "to"
    return ", ".join(f"{n} {word} {night.party_name(a)}" for a, n in counted.most_common())


def place_tally(seats: list[NightSeat], in_place: int, where: str, night: NightResults) -> Answer:
    """Every party's seats so far in a place of `in_place` seats."""
    won = Counter(s.winner.party_abbreviation for s in seats if s.winner is not None)
    shown = ", ".join(f"{night.party_name(p)} {n}" for p, n in won.most_common())
    place = where.strip()
    lead = f"{place[:1].upper()}{place[1:]}: {len(seats)} of {in_place} seats declared so far"
    lead += f": {shown}." if seats else "."
    return listed(lead, seats, night, winner_item(night))


def whole_tally(night: NightResults) -> str:
    declared = len(night.order)
    if not declared:
        return "No seat has declared yet."
    return f"After {declared} of {COMMONS_SEATS} seats: {tally(night)}."


def majorities(night: NightResults, biggest: bool) -> Answer:
    """The closest (or biggest) results among the seats whose figures are out."""
    counted = [s for s in night.declared if s.figures is not None]
    if not counted:
        lead = "No seat's votes have been published yet."
        return listed(lead, [], night, winner_item(night))
    ranked = sorted(counted, key=lambda s: s.figures.majority if s.figures else 0,
                    reverse=biggest)  # fmt: skip
    top = ranked[0]
    assert top.figures is not None
    assert top.winner is not None
    kind = "biggest majority" if biggest else "closest result"
    lead = (f"The {kind} so far: {top.name}, majority {top.figures.majority:,} "
            f"({top.winner.name}, {top.winner.party}), of the {len(counted)} seats whose votes "
            "are out.")  # fmt: skip

    def item(seat: NightSeat) -> Paragraph:
        assert seat.figures is not None
        assert seat.winner is not None
        return paragraph(bold(seat.name), f": majority {seat.figures.majority:,}, "
                         f"{seat.winner.name} ({seat.winner.party})")  # fmt: skip

    return listed(lead, ranked, night, item)
