"""Answers over many seats from the official results, for the whole election or a place (a
nation, a region, a town): seats and votes by party, a party's results, gains and losses,
seats ranked by majority or turnout, turnout, and counts of candidates."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from bot.engine.answer import Answer, Block, BulletList, Status, bold, paragraph
from bot.engine.catalog import Catalog, party_key, place_key, seat_key
from bot.engine.intents import Filters, Intent, Measure, Outcome
from bot.engine.keys import Key
from bot.engine.places import Level
from bot.engine.wording import (
    capitalised,
    number,
    party_as_object,
    party_as_subject,
    percent,
    with_party,
)
from bot.engine.wording import ordinal as ordinal_word
from bot.engine.wording import votes as votes_word
from knowledge.schema import CandidateResult, Constituency

LIST_LENGTH = 10
NO_OFFICIAL = "That needs the official results, which this knowledge does not include."


@dataclass(frozen=True)
class Scope:
    """The seats an answer is about: every seat, or a place's."""

    place_id: str | None = None
    place_name: str = ""
    level: Level | None = None
    seat_ids: frozenset[str] | None = None  # None: every seat

    def holds(self, seat_id: str | None) -> bool:
        return self.seat_ids is None or seat_id in self.seat_ids

    @property
    def where(self) -> str:
        """' in Wales', ' in London', '' for the whole election."""
        return f" in {self.place_name}" if self.place_name else ""

    def of_seats(self, count: int) -> str:
        """'of 650 seats', 'of the 32 seats in Wales', 'of the 3 Leicester seats'."""
        if self.place_id is None:
            return f"of {count} seats"
        if self.level is Level.TOWN:
            return f"of the {count} {self.place_name} seats"
        return f"of the {count} seats in {self.place_name}"

    @property
    def keys(self) -> tuple[Key, ...]:
        return (place_key(self.place_id),) if self.place_id else ()


def scope_of(catalog: Catalog, place_id: str | None) -> Scope:
    if place_id is None:
        return Scope()
    place = catalog.places[place_id]
    return Scope(place_id, place.name, place.level, frozenset(place.seats))


def _no_official() -> Answer:
    return Answer(Status.NOT_FOUND, (paragraph(NO_OFFICIAL),), headline="Needs official results")


def _counted_seats(catalog: Catalog, scope: Scope = Scope()) -> list[Constituency]:
    """Seats with an official result (an article-only seat has no full count)."""
    return [
        seat
        for seat in catalog.seats.values()
        if seat.valid_votes is not None and scope.holds(seat.id)
    ]


def _results(catalog: Catalog, scope: Scope) -> list[CandidateResult]:
    return [r for r in catalog.official_results if scope.holds(r.seat)]


def _seat_sources(seats: list[Constituency]) -> list[str]:
    return [fid for seat in seats for fid in seat.facts]


def _share(part: int, whole: int) -> str:
    return percent(round(100 * part / whole, 1)) if whole else "no votes"


def seat_totals(catalog: Catalog, scope: Scope = Scope()) -> Answer:
    """Who won: seats won and votes by party, largest first; for the whole election, the
    winner's majority in the Commons over all other parties together."""
    if not catalog.official:
        return _no_official()
    seats_won: Counter[str] = Counter()
    votes: Counter[str] = Counter()
    for result in _results(catalog, scope):
        if result.party is None:
            continue
        votes[result.party] += result.votes or 0
        seats_won[result.party] += 1 if result.elected else 0
    total = sum(votes.values())
    seats = sum(seats_won.values())
    ranked = sorted(votes, key=lambda p: (-seats_won[p], -votes[p]))
    first = catalog.parties[ranked[0]]
    items = tuple(
        paragraph(
            bold(catalog.parties[p].name), f": {_seats(seats_won[p])}, {number(votes[p])} votes "
            f"({_share(votes[p], total)})",
        )
        for p in ranked
        if seats_won[p]
    )  # fmt: skip
    won = seats_won[ranked[0]]
    lead = f"{party_as_subject(first)} won the most seats{scope.where}: {won} of {seats}"
    over = won - (seats - won)
    if scope.place_id is None and over > 0:
        lead += f", a majority of {over} over all other parties together"
    return Answer(
        Status.ANSWERED,
        (paragraph(lead + "."), BulletList(items)),
        headline=f"{first.name} won {won} seats{scope.where}",
        entities=(*scope.keys, *(party_key(p) for p in ranked if seats_won[p])),
        sources=catalog.provenance.whole_dataset("result", "votes and winners summed by party"),
    )


def party_summary(
    catalog: Catalog, party_id: str, scope: Scope = Scope(), intent: Intent | None = None
) -> Answer:
    """A party across the country or a place: seats won, votes, share, gains; votes first
    when votes or share are asked."""
    if not catalog.official:
        return _no_official()
    party = catalog.parties[party_id]
    standing = [r for r in catalog.official_by_party.get(party_id, []) if scope.holds(r.seat)]
    won = [r for r in standing if r.elected]
    votes = sum(r.votes or 0 for r in standing)
    seats = _counted_seats(catalog, scope)
    # The import checks each seat's valid votes are its candidates' votes added up.
    total = sum(seat.valid_votes or 0 for seat in seats)
    gained = [s for s in seats if _gained_by(catalog, s, party_id)]
    cast = "all votes cast" if scope.place_id is None else "the votes cast there"
    if intent in {Intent.VOTES, Intent.SHARE}:
        lead = paragraph(
            bold(party_as_subject(party)), f" got {number(votes)} votes{scope.where}, "
            f"{_share(votes, total)} of {cast}, and won {len(won)} "
            f"{scope.of_seats(len(seats))}.",
        )  # fmt: skip
    else:
        lead = paragraph(
            bold(party_as_subject(party)), f" won {len(won)} {scope.of_seats(len(seats))}, "
            f"standing in {len(standing)}, with {number(votes)} votes ({_share(votes, total)} of "
            f"{cast}).",
        )  # fmt: skip
    blocks: list[Block] = [lead]
    if gained:
        were = "was a gain" if len(gained) == 1 else "were gains"
        blocks.append(paragraph(f"Of those, {len(gained)} {were}."))
    if 0 < len(won) <= LIST_LENGTH:
        blocks.append(
            BulletList(
                tuple(paragraph(bold(catalog.candidate_name(r)), f", {_seat(catalog, r.seat)}")
                      for r in won)
            )
        )  # fmt: skip
    return Answer(
        Status.ANSWERED,
        tuple(blocks),
        headline=f"{party.name}{scope.where}: {len(won)} seats, {number(votes)} votes",
        entities=(
            party_key(party_id),
            *scope.keys,
            *(seat_key(r.seat) for r in won[:LIST_LENGTH] if r.seat),
        ),
        sources=catalog.provenance.whole_dataset("result", f"{party.name}’s votes and winners")
        + catalog.provenance.whole_dataset("seat", "its gains, from the Result column"),
    )


def place_summary(catalog: Catalog, scope: Scope) -> Answer:
    """A nation or region: seats by party, then turnout."""
    totals = seat_totals(catalog, scope)
    turnout_line = _turnout_sentence(catalog, scope)
    blocks = (*totals.blocks, paragraph(turnout_line)) if turnout_line else totals.blocks
    return Answer(
        Status.ANSWERED,
        blocks,
        headline=totals.headline,
        entities=totals.entities,
        sources=totals.sources,
    )


def _seats(count: int) -> str:
    return f"{count} seat" if count == 1 else f"{count} seats"


def _seat(catalog: Catalog, seat_id: str | None) -> str:
    return catalog.seats[seat_id].name if seat_id else "seat not named"


def _gained_by(catalog: Catalog, seat: Constituency, party_id: str) -> bool:
    outcome = catalog.outcome(seat.id)
    return outcome is not None and outcome.changed_hands and outcome.winner == party_id


def changes(
    catalog: Catalog,
    scope: Scope = Scope(),
    winner: str | None = None,
    loser: str | None = None,
) -> Answer:
    """Seats that changed hands: all of them by who gained, or those a party gained (from a
    party), or those a party lost (to a party)."""
    if not catalog.official:
        return _no_official()
    counted = _counted_seats(catalog, scope)
    changed = [
        (seat, outcome)
        for seat in counted
        if (outcome := catalog.outcome(seat.id)) is not None
        and outcome.changed_hands
        and (winner is None or outcome.winner == winner)
        and (loser is None or outcome.previous == loser)
    ]
    changed.sort(key=lambda item: item[0].name)
    keys = (
        *(party_key(p) for p in (winner, loser) if p), *scope.keys,
        *(seat_key(seat.id) for seat, _ in changed[:LIST_LENGTH]),
    )  # fmt: skip
    sources = catalog.provenance.whole_dataset("seat", "changes of hands, from the Result column")
    if winner is None and loser is None:
        return _changes_by_winner(catalog, scope, counted, changed, keys, sources)
    lead = _changes_lead(catalog, scope, winner, loser, len(changed))
    items = tuple(paragraph(bold(seat.name), f": {outcome.words()}") for seat, outcome in changed)
    blocks: list[Block] = [paragraph(lead)]
    if items:
        blocks.append(BulletList(items[:LIST_LENGTH]))
    if len(items) > LIST_LENGTH:
        blocks.append(paragraph(f"And {len(items) - LIST_LENGTH} more."))
    return Answer(
        Status.ANSWERED, tuple(blocks), headline=lead.rstrip(":."), entities=keys, sources=sources
    )


def _changes_lead(
    catalog: Catalog, scope: Scope, winner: str | None, loser: str | None, count: int
) -> str:
    seats = "seat" if count == 1 else "seats"
    end = ":" if count else "."
    if winner is not None:
        gainer = party_as_subject(catalog.parties[winner])
        source = f" from {party_as_object(catalog.parties[loser])}" if loser else ""
        return f"{gainer} gained {count} {seats}{source}{scope.where}{end}"
    assert loser is not None
    return (
        f"{party_as_subject(catalog.parties[loser])} lost {count} {seats}{scope.where} held on "
        f"the notional 2019 results{end}"
    )


def _changes_by_winner(
    catalog: Catalog,
    scope: Scope,
    counted: list[Constituency],
    changed: Sequence[tuple[Constituency, object]],
    keys: tuple[Key, ...],
    sources: tuple[object, ...],
) -> Answer:
    by_winner: dict[str, list[Constituency]] = defaultdict(list)
    names: dict[str, str] = {}
    for seat, _ in changed:
        outcome = catalog.outcome(seat.id)
        assert outcome is not None
        by_winner[outcome.winner].append(seat)
        names[outcome.winner] = outcome.winner_name
    lead = f"{len(changed)} {scope.of_seats(len(counted))} changed hands"
    blocks: list[Block] = [paragraph(lead + ":")]
    if scope.place_id is not None and len(changed) <= LIST_LENGTH:
        blocks.append(
            BulletList(
                tuple(
                    paragraph(bold(seat.name), f": {outcome.words()}")
                    for seat, _ in changed
                    if (outcome := catalog.outcome(seat.id)) is not None
                )
            )
        )
    else:
        blocks.append(
            BulletList(
                tuple(
                    paragraph(bold(names[who]), f": {len(seats)} gain" + "s" * (len(seats) > 1))
                    for who, seats in sorted(by_winner.items(), key=lambda item: -len(item[1]))
                )
            )
        )
    return Answer(
        Status.ANSWERED,
        tuple(blocks),
        headline=lead,
        entities=keys,
        sources=catalog.provenance.whole_dataset("seat", "changes of hands, from Result"),
    )


def turnout(seat: Constituency) -> float | None:
    """Valid votes as a share of the electorate, as the Library reports turnout."""
    if not seat.electorate or seat.valid_votes is None:
        return None
    return round(100 * seat.valid_votes / seat.electorate, 1)


def _turnout_sentence(catalog: Catalog, scope: Scope) -> str:
    seats = [s for s in _counted_seats(catalog, scope) if s.electorate]
    if not seats:
        return ""
    cast = sum(s.valid_votes or 0 for s in seats)
    electorate = sum(s.electorate or 0 for s in seats)
    where = scope.where or f" across all {len(seats)} seats"
    return (
        f"Turnout{where} was {_share(cast, electorate)} ({number(cast)} valid votes of "
        f"{number(electorate)} electors)."
    )


def turnout_total(catalog: Catalog, scope: Scope = Scope()) -> Answer:
    """Turnout over many seats: their valid votes over their electorates."""
    if not catalog.official:
        return _no_official()
    sentence = _turnout_sentence(catalog, scope)
    if not sentence:
        return _no_official()
    return Answer(
        Status.ANSWERED,
        (paragraph(sentence),),
        headline=sentence.split(" (")[0],
        entities=scope.keys,
        sources=catalog.provenance.whole_dataset("seat", "valid votes and electorates summed"),
    )


def seat_ranking(
    catalog: Catalog,
    measure: Measure,
    most: bool,
    scope: Scope = Scope(),
    party_id: str | None = None,
    limit: int | None = None,
) -> Answer:
    """Seats by majority or turnout, in a place, or those a party won."""
    if not catalog.official:
        return _no_official()
    seats = _counted_seats(catalog, scope)
    if party_id is not None:
        seats = [s for s in seats if (w := catalog.winner(s.id)) and w.party == party_id]
    if measure is Measure.MAJORITY:
        pool = [(s, float(s.majority)) for s in seats if s.majority is not None]
        word = "largest majorities" if most else "smallest majorities"
    elif measure is Measure.CANDIDATES:
        counted = Counter(r.seat for r in catalog.official_results)
        pool = [(s, float(counted[s.id])) for s in seats if counted[s.id]]
        word = "most candidates" if most else "fewest candidates"
    else:
        pool = [(s, t) for s in seats if (t := turnout(s)) is not None]
        word = "highest turnout" if most else "lowest turnout"
    if not pool:
        return _no_official()
    pool.sort(key=lambda item: item[1], reverse=most)
    top = pool[: limit or LIST_LENGTH]
    items = []
    for seat, value in top:
        winner = catalog.winner(seat.id)
        shown = percent(value) if measure is Measure.TURNOUT else number(int(value))
        who = f" ({with_party(catalog, winner)})" if winner else ""
        items.append(paragraph(bold(seat.name), f": {shown}{who}"))
    first, value = top[0]
    shown = {
        Measure.MAJORITY: votes_word(int(value)),
        Measure.CANDIDATES: f"{int(value)} candidates",
    }.get(measure, percent(value))
    whose = f"{catalog.parties[party_id].name} " if party_id else ""
    winner = catalog.winner(first.id)
    by = f", {with_party(catalog, winner)}" if winner else ""
    ties = [s.name for s, v in pool if v == value and s is not first]
    also = f" (as have {', '.join(ties[:3])}" + (" and more" if len(ties) > 3 else "") + ")"
    lead = paragraph(
        bold(first.name), f" has the {word.split()[0]} {whose}{_measure_noun(measure)}"
        f"{scope.where}: {shown}{by}" + (also if ties else "") + ".",
    )  # fmt: skip
    of = f"{capitalised(word)} of {len(pool)} {whose}seats{scope.where}:"
    return Answer(
        Status.ANSWERED,
        (lead, paragraph(of), BulletList(tuple(items))),
        headline=f"{capitalised(word)}{scope.where}: {first.name}, {shown}",
        entities=(*scope.keys, *(seat_key(s.id) for s, _ in top)),
        sources=catalog.sources_of(_seat_sources([s for s, _ in top])),
    )


def _measure_noun(measure: Measure) -> str:
    return {Measure.MAJORITY: "majority", Measure.CANDIDATES: "candidates"}.get(measure, "turnout")


def candidate_count(catalog: Catalog, scope: Scope = Scope()) -> Answer:
    """How many candidates stood, and where most and fewest did."""
    if not catalog.official:
        return _no_official()
    per_seat = Counter(r.seat for r in _results(catalog, scope) if r.seat)
    total = sum(per_seat.values())
    most = max(per_seat.values())
    busiest = sorted(catalog.seats[s].name for s, n in per_seat.items() if n == most)
    fewest = min(per_seat.values())
    lead = f"{number(total)} candidates stood{scope.where}, in {len(per_seat)} seats."
    detail = (
        f"Most in one seat: {most} ({', '.join(busiest[:3])}"
        + (f" and {len(busiest) - 3} more" if len(busiest) > 3 else "")
        + f"); fewest: {fewest}; {total / len(per_seat):.1f} on average."
    )
    return Answer(
        Status.ANSWERED,
        (paragraph(lead), paragraph(detail)),
        headline=f"{number(total)} candidates{scope.where}",
        entities=scope.keys,
        sources=catalog.provenance.whole_dataset("result", "candidates counted"),
    )


def declarations(catalog: Catalog, declared: list[Constituency]) -> Answer:
    """The first seats to declare, as the official results time them."""
    first = sorted(declared, key=lambda s: s.declared or "")[:LIST_LENGTH]
    items = tuple(paragraph(bold(s.name), f": {s.declared}") for s in first)
    return Answer(
        Status.ANSWERED,
        (paragraph(f"The first of {len(declared)} seats with a declaration time:"),
         BulletList(items)),
        headline=f"First to declare: {first[0].name}",
        entities=tuple(seat_key(s.id) for s in first),
        sources=catalog.sources_of(_seat_sources(first)),
    )  # fmt: skip


def declared(catalog: Catalog, scope: Scope) -> Answer:
    found = [s for s in _counted_seats(catalog, scope) if s.declared]
    if found:
        return declarations(catalog, found)
    text = catalog.provenance.lacks("give declaration times.")
    if catalog.official:
        text = "The official results I have leave every declaration time empty."
    return Answer(Status.NOT_FOUND, (paragraph(text),), headline="No declaration times")


def count(catalog: Catalog, scope: Scope, party_id: str | None, filters: Filters) -> Answer:
    """How many candidates: all who stood, or the winners, or those who lost, narrowed by
    party, gender, sitting MPs and first-time winners; the number first."""
    if not catalog.official:
        return _no_official()
    plain = filters == Filters() or filters == Filters(outcome=None)
    if plain and party_id is None:
        return candidate_count(catalog, scope)
    pool = [r for r in _results(catalog, scope) if party_id is None or r.party == party_id]
    everyone = len(pool)
    if filters.gender:
        pool = [r for r in pool if r.gender == filters.gender]
    if filters.sitting or (filters.outcome is Outcome.LOST and not filters.first_time):
        pool = [r for r in pool if r.sitting_mp]
    if filters.first_time:
        pool = [r for r in pool if r.elected and not r.sitting_mp and not r.former_mp]
    elif filters.outcome is Outcome.WON:
        pool = [r for r in pool if r.elected]
    elif filters.outcome is Outcome.LOST:
        pool = [r for r in pool if not r.elected]
    who = _described(catalog, party_id, filters)
    if filters.first_time or filters.outcome is Outcome.WON:
        verb = "were elected"
    elif filters.outcome is Outcome.LOST:
        verb = "lost their seats"
    else:
        verb = "stood"
    winners = sum(bool(r.elected) for r in _results(catalog, scope))
    of = (
        f", of {winners} MPs{scope.where}" if verb == "were elected"
        else f", of {everyone:,} candidates{scope.where}" if verb == "stood"
        else f"{scope.where}"
    )  # fmt: skip
    lead = f"{number(len(pool))} {who} {verb}{of}."
    shown = sorted(pool, key=lambda r: catalog.seats[r.seat or ""].name if r.seat else "")
    blocks: list[Block] = [paragraph(lead)]
    if 0 < len(shown) <= LIST_LENGTH:
        blocks.append(
            BulletList(
                tuple(
                    paragraph(bold(with_party(catalog, r)), f", {_seat(catalog, r.seat)}")
                    for r in shown
                )
            )
        )
    return Answer(
        Status.ANSWERED,
        tuple(blocks),
        headline=lead.rstrip("."),
        entities=(*(party_key(p) for p in [party_id] if p), *scope.keys),
        sources=catalog.provenance.whole_dataset("result", "candidates counted"),
    )


def _described(catalog: Catalog, party_id: str | None, filters: Filters) -> str:
    party = f"{catalog.parties[party_id].name} " if party_id else ""
    if filters.first_time:
        noun = "first-time winners"
    elif filters.sitting or filters.outcome is Outcome.LOST:
        noun = "sitting MPs"
    elif filters.outcome is Outcome.WON:
        noun = "MPs"
    else:
        noun = "candidates"
    gender = {"Female": "women ", "Male": "men "}.get(filters.gender or "", "")
    if gender and noun == "candidates":
        return f"{party}{gender}candidates".strip()
    if gender and noun == "MPs":
        return f"{party}{gender}".strip() if not party else f"{party}{gender}MPs"
    return f"{party}{gender}{noun}"


def placed(catalog: Catalog, party_id: str, place: int, scope: Scope = Scope()) -> Answer:
    """Where a party's candidates came Nth ("where did Reform come second")."""
    party = catalog.parties[party_id]
    found = sorted(
        (r for r in _results(catalog, scope) if r.party == party_id and r.place == place),
        key=lambda r: -(r.votes or 0),
    )
    nth = ordinal_word(place)
    seats = "seat" if len(found) == 1 else "seats"
    lead = f"{party_as_subject(party)} came {nth} in {len(found)} {seats}{scope.where}"
    items = tuple(
        paragraph(bold(_seat(catalog, r.seat)), f": {catalog.candidate_name(r)}, "
                  f"{number(r.votes or 0)} votes")
        for r in found[:LIST_LENGTH]
    )  # fmt: skip
    blocks: list[Block] = [paragraph(lead + (", most votes first:" if found else "."))]
    if items:
        blocks.append(BulletList(items))
    if len(found) > LIST_LENGTH:
        blocks.append(paragraph(f"And {len(found) - LIST_LENGTH} more."))
    return Answer(
        Status.ANSWERED,
        tuple(blocks),
        headline=lead,
        entities=(party_key(party_id), *scope.keys),
        sources=catalog.provenance.whole_dataset("result", f"{party.name}’s places"),
    )


def compare_parties(catalog: Catalog, first: str, second: str, scope: Scope = Scope()) -> Answer:
    """Two parties side by side: seats, then votes."""
    if not catalog.official:
        return _no_official()
    everyone = _results(catalog, scope)
    total = sum(r.votes or 0 for r in everyone)
    figures = {}
    for party_id in (first, second):
        mine = [r for r in everyone if r.party == party_id]
        figures[party_id] = (sum(bool(r.elected) for r in mine), sum(r.votes or 0 for r in mine))
    (a_seats, a_votes), (b_seats, b_votes) = figures[first], figures[second]
    a, b = catalog.parties[first], catalog.parties[second]
    lead = paragraph(
        bold(party_as_subject(a)), f" won {a_seats} seats{scope.where} to {b.name}’s {b_seats}, "
        f"with {number(a_votes)} votes ({_share(a_votes, total)}) to {number(b_votes)} "
        f"({_share(b_votes, total)}).",
    )  # fmt: skip
    return Answer(
        Status.ANSWERED,
        (lead,),
        headline=f"{a.name} {a_seats} v {b.name} {b_seats}{scope.where}",
        entities=(party_key(first), party_key(second), *scope.keys),
        sources=catalog.provenance.whole_dataset("result", "votes and winners summed by party"),
    )


def party_across(catalog: Catalog, party_id: str, scopes: list[Scope]) -> Answer:
    """One party in two or more places, side by side: seats won and share of the vote."""
    if not catalog.official:
        return _no_official()
    party = catalog.parties[party_id]
    parts = []
    for scope in scopes:
        everyone = _results(catalog, scope)
        mine = [r for r in everyone if r.party == party_id]
        won = sum(bool(r.elected) for r in mine)
        votes = sum(r.votes or 0 for r in mine)
        total = sum(r.votes or 0 for r in everyone)
        seats = len(_counted_seats(catalog, scope))
        parts.append(
            f"in {scope.place_name}, {won} of {seats} seats and {_share(votes, total)} of the vote"
        )
    lead = paragraph(bold(party_as_subject(party)), " won " + "; ".join(parts) + ".")
    return Answer(
        Status.ANSWERED,
        (lead,),
        headline=f"{party.name}: " + " v ".join(s.place_name for s in scopes),
        entities=(party_key(party_id), *(k for s in scopes for k in s.keys)),
        sources=catalog.provenance.whole_dataset("result", f"{party.name}’s votes and winners"),
    )
