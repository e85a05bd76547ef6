"""Query -> Answer: a lookup of who answers what is asked about which kinds of entity.

Each route pairs a shape of question (a seat, a person, a party in a place, ...) and a kind
of question with the composer that answers it. A pairing with no route gets an honest "I
can't answer that combination yet" and the nearest answer, never an answer to another
question. A pure function of the catalog and the query, with no conversation, so stateless
buttons and links replay an answer exactly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum

from bot.engine.answers import (
    blocks,
    changes,
    counts,
    declarations,
    earlier,
    lists,
    national,
    people,
    rankings,
    seats,
)
from bot.engine.answers.scope import EVERY_SEAT, Scope, scope_of
from bot.engine.answers.tally import not_counted, side_by_side
from bot.engine.model.answer import Answer, Status, paragraph
from bot.engine.model.keys import Key, Kind
from bot.engine.model.query import NOTIONAL_YEAR, Query
from bot.engine.results.catalog import Catalog
from bot.engine.understanding.intents import HOW_MANY_DECLARED, Intent, Measure, Outcome
from bot.engine.understanding.places import Level

PERSON_INTENTS = {Intent.VOTES, Intent.SHARE, Intent.FINISH, Intent.SAID, Intent.CHANGE}
SEAT_INTENTS = {Intent.PLACE, Intent.MAJORITY, Intent.WINNER, Intent.TURNOUT}


@dataclass(frozen=True)
class Subjects:
    """The entities a query names, by kind, in the order named."""

    seats: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    places: tuple[str, ...] = ()

    @classmethod
    def of(cls, keys: tuple[Key, ...]) -> Subjects:
        found: dict[Kind, list[str]] = {kind: [] for kind in Kind}
        for key in keys:
            if key.id not in found[key.kind]:
                found[key.kind].append(key.id)
        return cls(*(tuple(found[kind]) for kind in (Kind.SEAT, Kind.PERSON, Kind.PARTY,
                                                     Kind.PLACE)))  # fmt: skip


class Shape(StrEnum):
    NOTHING = "nothing"
    PERSON = "person"
    PEOPLE = "two people"
    SEAT = "seat"
    SEATS = "two seats"
    SEAT_PARTY = "party in a seat"
    PARTY = "party"
    PARTIES = "two parties"
    PLACE = "place"
    PLACES = "two places"
    PLACE_PARTY = "party in a place"
    PLACE_PARTIES = "two parties in a place"
    PLACES_PARTY = "party in two places"


def shape_of(subjects: Subjects) -> Shape:
    if subjects.people:
        return Shape.PERSON if len(subjects.people) == 1 else Shape.PEOPLE
    if subjects.seats:
        if len(subjects.seats) > 1:
            return Shape.SEATS
        return Shape.SEAT_PARTY if subjects.parties else Shape.SEAT
    if subjects.places:
        if len(subjects.places) > 1:
            return Shape.PLACES_PARTY if subjects.parties else Shape.PLACES
        if len(subjects.parties) > 1:
            return Shape.PLACE_PARTIES
        return Shape.PLACE_PARTY if subjects.parties else Shape.PLACE
    if subjects.parties:
        return Shape.PARTIES if len(subjects.parties) > 1 else Shape.PARTY
    return Shape.NOTHING


Composer = Callable[[Catalog, Query, Subjects], Answer]
ANY = "any"  # a shape's default, for kinds of question with no route of their own


def answer_query(catalog: Catalog, query: Query) -> Answer:
    answer = _compose(catalog, query)
    return replace(answer, query=query) if answer.status is Status.ANSWERED else answer


def _compose(catalog: Catalog, query: Query) -> Answer:
    subjects = Subjects.of(tuple(k if isinstance(k, Key) else Key(k) for k in query.keys))
    if query.year == NOTIONAL_YEAR and len(subjects.people) == 1 and (
            subjects.people[0] in catalog.changes):  # fmt: skip
        return people.change_answer(catalog, subjects.people[0])  # the article's 2019 vote
    if query.year is not None:
        return earlier.answer(
            catalog, query, list(subjects.seats), list(subjects.people), list(subjects.parties)
        )
    if query.intent is Intent.NOT_HELD:
        return lists.not_held(catalog)
    shape = shape_of(subjects)
    if shape in SCOPED_SHAPES and query.intent is not Intent.RANKING:
        filtered = _filtered(catalog, query, subjects)
        if filtered is not None:
            return filtered
    return _route(catalog, query, subjects, shape)


def _route(
    catalog: Catalog, query: Query, subjects: Subjects, shape: Shape | None = None
) -> Answer:
    shape = shape or shape_of(subjects)
    route = ROUTES.get((shape, query.intent)) or ROUTES.get((shape, ANY))
    if route is None:
        return _cannot_combine(catalog, query, subjects, shape)
    return route(catalog, query, subjects)


SCOPED_SHAPES = {Shape.NOTHING, Shape.PARTY, Shape.PLACE, Shape.PLACE_PARTY}


def _filtered(catalog: Catalog, query: Query, s: Subjects) -> Answer | None:
    """Candidates narrowed by gender, sitting MPs or first-time winners ("which women won in
    Wales"), and seats a party held: answered as such, so no qualifier is dropped."""
    found = query.filters
    scope = scope_of(catalog, s.places[0] if s.places else None)
    party = s.parties[0] if s.parties else None
    if found.gender or found.sitting or found.first_time:
        listed = query.intent is not Intent.COUNT
        return counts.count(catalog, scope, party, found, listed=listed)
    if found.outcome is Outcome.HELD and query.intent in {Intent.WINNER, Intent.SEATS, None}:
        return changes.holds(catalog, scope, party)
    return None


def _cannot_combine(catalog: Catalog, query: Query, subjects: Subjects, shape: Shape) -> Answer:
    """Understood, but no composer combines these: say so, then the nearest answer."""
    nearest = ROUTES.get((shape, None)) or ROUTES[(Shape.NOTHING, None)]
    answer = nearest(catalog, replace(query, intent=None), subjects)
    lead = paragraph(f"I can’t answer that about {shape.value} at once yet. Here is what I have:")
    return replace(answer, blocks=(lead, *answer.blocks), status=Status.ANSWERED)


# --- composers over one kind of subject ---------------------------------------------------


def _seat_of(catalog: Catalog, person_id: str) -> str | None:
    found = catalog.results_by_person.get(person_id, [])
    return found[0].seat if found else None


def _won(catalog: Catalog, person_id: str) -> bool:
    found = catalog.results_by_person.get(person_id, [])
    return bool(found and found[0].elected)


def _people(catalog: Catalog, query: Query, s: Subjects) -> Answer:
    return people.compare_answer(catalog, s.people[0], s.people[1])


def _seats(catalog: Catalog, query: Query, s: Subjects) -> Answer:
    return seats.seats_side_by_side(catalog, list(s.seats))


def _party_in_seat(catalog: Catalog, query: Query, s: Subjects) -> Answer:
    party = next((p for p in s.parties if p != "independent" or query.intent is not Intent.WINNER),
                 None)  # fmt: skip
    if party is None or query.intent in {Intent.MAJORITY, Intent.PLACE, Intent.TURNOUT}:
        answer = _route(catalog, query, Subjects(seats=s.seats))
        winner = catalog.winner(s.seats[0])
        if party is not None and query.intent is Intent.MAJORITY and winner is not None and (
                winner.party != party):  # fmt: skip
            # "how much did Labour win Clacton by": Labour did not win it; say so first.
            seat = catalog.seats[s.seats[0]].name
            lead = paragraph(f"{catalog.parties[party].name} did not win {seat}.")
            answer = replace(answer, blocks=(lead, *answer.blocks))
        return answer
    return seats.party_in_seat(catalog, party, s.seats[0], query.intent, query.yes_no)


def _party(catalog: Catalog, query: Query, s: Subjects, place: str | None = None) -> Answer:
    party_id, intent = s.parties[0], query.intent
    scope = scope_of(catalog, place)
    if intent is Intent.DECLARED:
        return declarations.not_of_a_party(catalog)
    if intent is Intent.RANKING:
        if query.measure in {Measure.MAJORITY, Measure.TURNOUT, Measure.CANDIDATES}:
            return rankings.seat_ranking(
                catalog, query.measure, query.most, scope, party_id, query.top
            )
        winners = query.filters.outcome is Outcome.WON
        return lists.ranking(
            catalog, query.most, query.measure, party_id, scope, query.top, winners
        )
    if intent is Intent.SAID:
        return lists.party_notes(catalog, party_id)  # what the article says of the party
    if intent is Intent.GAINS:
        return changes.changes(catalog, scope, winner=party_id)
    if intent is Intent.LOST:
        return changes.changes(catalog, scope, loser=party_id)
    if intent is Intent.COUNT:
        return counts.count(catalog, scope, party_id, query.filters)
    if intent is Intent.PLACE and query.place is not None and catalog.counts_every_seat:
        return counts.placed(catalog, party_id, query.place, scope)
    if catalog.counts_every_seat:
        if party_id == "independent" and intent in {Intent.WINNER, Intent.PLACE} and not place:
            return lists.independents(catalog, query.place, elected_only=query.place is None)
        summary = national.party_summary(catalog, party_id, scope, query.intent)
        if query.yes_no and intent is Intent.WINNER:  # "did any independents win in Scotland"
            won = any(r.elected and scope.holds(r.seat)
                      for r in catalog.counted_by_party.get(party_id, []))  # fmt: skip
            summary = replace(summary, blocks=(paragraph("Yes." if won else "No."),
                                               *summary.blocks))  # fmt: skip
        return summary
    if intent in {Intent.SEATS, Intent.COUNT, Intent.MAJORITY, Intent.COMPARE}:
        return not_counted(catalog)  # "how many seats did Labour win": not the article's list
    if party_id == "independent":
        if intent in {Intent.WINNER, Intent.FINISH}:
            return lists.independents(catalog, None, elected_only=True)
        if intent is Intent.PLACE:
            return lists.independents(catalog, query.place, elected_only=False)
        return lists.independents(catalog, None, elected_only=False)
    return lists.party_results(catalog, party_id)


def _parties(catalog: Catalog, query: Query, s: Subjects, place: str | None = None) -> Answer:
    first, second = s.parties[0], s.parties[1]
    scope = scope_of(catalog, place)
    if query.intent is Intent.GAINS:
        return changes.changes(catalog, scope, winner=first, loser=second)
    if query.intent is Intent.LOST:
        return changes.changes(catalog, scope, winner=second, loser=first)
    return national.compare_parties(catalog, first, second, scope)


def _place(catalog: Catalog, query: Query, s: Subjects) -> Answer:
    place_id, intent = s.places[0], query.intent
    place = catalog.places[place_id]
    scope = scope_of(catalog, place_id)
    if intent is Intent.GAINS or intent is Intent.LOST:
        return changes.changes(catalog, scope)
    if intent is Intent.TURNOUT:
        return rankings.turnout_total(catalog, scope)
    if intent is Intent.COUNT:
        return counts.count(catalog, scope, None, query.filters)
    if intent is Intent.RANKING:
        return _ranking(catalog, query, scope)
    if intent is Intent.DECLARED and query.place == HOW_MANY_DECLARED:
        return declarations.how_many(catalog, scope)
    if intent is Intent.DECLARED and (query.place is not None or place.level is not Level.TOWN):
        return declarations.in_order(catalog, query.place, scope)  # "first to declare in Wales"
    if place.level is Level.TOWN or not catalog.counts_every_seat:
        # "who won Leicester": which of its seats?
        return seats.place_choice(catalog, place.name, list(place.seats), "Which one?")
    return national.place_summary(catalog, scope)


def _place_party(catalog: Catalog, query: Query, s: Subjects) -> Answer:
    return _party(catalog, query, s, s.places[0])


def _place_parties(catalog: Catalog, query: Query, s: Subjects) -> Answer:
    return _parties(catalog, query, s, s.places[0])


def _places(catalog: Catalog, query: Query, s: Subjects) -> Answer:
    """Two places side by side: a party in each, or each place's result."""
    if s.parties:
        scopes = [scope_of(catalog, place) for place in s.places]
        return national.party_across(catalog, s.parties[0], scopes)
    return side_by_side([_place(catalog, query, Subjects(places=(p,))) for p in s.places[:2]])


def _ranking(catalog: Catalog, query: Query, scope: Scope) -> Answer:
    if query.measure is Measure.SEATS:
        return national.seat_totals(catalog, scope)
    if query.asks_party and query.measure in {Measure.VOTES, Measure.SHARE}:
        return national.seat_totals(catalog, scope, by_votes=True)  # "which party won most votes"
    if query.measure in {Measure.MAJORITY, Measure.TURNOUT, Measure.CANDIDATES}:
        return rankings.seat_ranking(catalog, query.measure, query.most, scope, None, query.top)
    winners = query.filters.outcome is Outcome.WON  # "lowest share for a winner"
    return lists.ranking(catalog, query.most, query.measure, None, scope, query.top, winners)


# --- a person, a seat, nothing named: one route per kind of question -----------------------


def _on_person(answer: Callable[[Catalog, str], Answer]) -> Composer:
    return lambda catalog, query, s: answer(catalog, s.people[0])


def _on_seat(answer: Callable[[Catalog, str], Answer]) -> Composer:
    return lambda catalog, query, s: answer(catalog, s.seats[0])


def _on_whole(answer: Callable[[Catalog, Scope], Answer]) -> Composer:
    return lambda catalog, query, s: answer(catalog, EVERY_SEAT)


def _did_they_win(catalog: Catalog, query: Query, s: Subjects) -> Answer:
    return people.finish_answer(catalog, s.people[0], asked_place=1 if query.yes_no else None)


def _did_they_come(catalog: Catalog, query: Query, s: Subjects) -> Answer:
    asked = query.place if query.yes_no else None
    return people.finish_answer(catalog, s.people[0], asked_place=asked)


def _who_beat_them(catalog: Catalog, query: Query, s: Subjects) -> Answer:
    return people.lost_answer(catalog, s.people[0], who=query.asks_who or not query.yes_no)


def _their_seat(catalog: Catalog, query: Query, s: Subjects) -> Answer:
    """Their seat's majority (if they won it), turnout, declaration or change of hands."""
    person = s.people[0]
    seat = _seat_of(catalog, person)
    if seat is None or (query.intent is Intent.MAJORITY and not _won(catalog, person)):
        return people.finish_answer(catalog, person)
    return _route(catalog, query, Subjects(seats=(seat,)))


def _seat_declared(catalog: Catalog, query: Query, s: Subjects) -> Answer:
    """When the seat's result came in; 'was Clacton the first to declare': the first, and it."""
    if query.place is not None and query.place != HOW_MANY_DECLARED:
        return declarations.in_order(catalog, query.place, EVERY_SEAT, s.seats[0])
    return declarations.seat_time(catalog, s.seats[0])


def _whole_declared(catalog: Catalog, query: Query, s: Subjects) -> Answer:
    if query.place == HOW_MANY_DECLARED:
        return declarations.how_many(catalog)
    return declarations.in_order(catalog, query.place)


def _seat_place(catalog: Catalog, query: Query, s: Subjects) -> Answer:
    if query.place is None:
        return blocks.seat_card(catalog, s.seats[0])
    return seats.place_answer(catalog, s.seats[0], query.place, query.asks_party)


def _party_placed(catalog: Catalog, query: Query, s: Subjects) -> Answer:
    """'Which party came second': by seats won."""
    if not catalog.counts_every_seat:
        return not_counted(catalog)
    if query.place and query.place > 0:
        return national.party_placed(catalog, query.place)
    return lists.not_found(catalog, "")


def _who_won_overall(catalog: Catalog, query: Query, s: Subjects) -> Answer:
    if catalog.counts_every_seat:
        return national.seat_totals(catalog, EVERY_SEAT)
    return lists.winners(catalog, national=query.national)


def _whole_ranking(catalog: Catalog, query: Query, s: Subjects) -> Answer:
    return _ranking(catalog, query, EVERY_SEAT)


def _whole_count(catalog: Catalog, query: Query, s: Subjects) -> Answer:
    return counts.count(catalog, EVERY_SEAT, None, query.filters)


def _nothing_named(catalog: Catalog, query: Query, s: Subjects) -> Answer:
    if query.national:  # "tell me about the election"
        return _who_won_overall(catalog, query, s)
    return lists.not_found(catalog, "")


def _all_intents(composer: Composer, *shapes: Shape) -> dict[tuple[Shape, object], Composer]:
    return {(shape, ANY): composer for shape in shapes}


# Who answers what. A shape's ANY route answers every kind of question its composer takes;
# the composers route within by kind. A PEOPLE or SEATS question is a comparison, or nothing.
ROUTES: dict[tuple[Shape, object], Composer] = {
    (Shape.PERSON, Intent.VOTES): _on_person(people.votes_answer),
    (Shape.PERSON, Intent.RANKING): _on_person(people.votes_answer),
    (Shape.PERSON, Intent.SHARE): _on_person(people.share_answer),
    (Shape.PERSON, Intent.SAID): _on_person(people.said_answer),
    (Shape.PERSON, Intent.CHANGE): _on_person(people.change_answer),
    (Shape.PERSON, Intent.WINNER): _did_they_win,
    (Shape.PERSON, Intent.PLACE): _did_they_come,
    (Shape.PERSON, Intent.FINISH): _on_person(people.finish_answer),
    (Shape.PERSON, Intent.LOST): _who_beat_them,
    (Shape.PERSON, Intent.BEATEN): _on_person(people.beaten_by_them),
    **{(Shape.PERSON, intent): _their_seat for intent in (
        Intent.MAJORITY, Intent.TURNOUT, Intent.DECLARED, Intent.GAINS)},
    (Shape.PERSON, ANY): _on_person(people.overview),
    (Shape.SEAT, Intent.PLACE): _seat_place,
    (Shape.SEAT, Intent.MAJORITY): _on_seat(seats.majority_answer),
    (Shape.SEAT, Intent.TURNOUT): _on_seat(seats.turnout_answer),
    (Shape.SEAT, Intent.DECLARED): _seat_declared,
    (Shape.SEAT, Intent.GAINS): _on_seat(seats.changed_hands_answer),
    (Shape.SEAT, Intent.LOST): _on_seat(seats.changed_hands_answer),
    (Shape.SEAT, Intent.COUNT): _on_seat(seats.candidate_count),
    (Shape.SEAT, ANY): _on_seat(blocks.seat_card),
    (Shape.NOTHING, Intent.RANKING): _whole_ranking,
    (Shape.NOTHING, Intent.COUNT): _whole_count,
    (Shape.NOTHING, Intent.GAINS): _on_whole(changes.changes),
    (Shape.NOTHING, Intent.LOST): _on_whole(changes.changes),
    (Shape.NOTHING, Intent.TURNOUT): _on_whole(rankings.turnout_total),
    (Shape.NOTHING, Intent.DECLARED): _whole_declared,
    (Shape.NOTHING, Intent.PLACE): _party_placed,
    (Shape.NOTHING, Intent.SEATS): _on_whole(national.seat_totals),
    (Shape.NOTHING, Intent.WINNER): _who_won_overall,
    (Shape.NOTHING, Intent.FINISH): _who_won_overall,
    (Shape.NOTHING, Intent.COVERAGE): lambda catalog, query, s: lists.coverage(catalog),
    (Shape.NOTHING, Intent.HELP): lambda catalog, query, s: lists.help_answer(catalog),
    (Shape.NOTHING, None): lambda catalog, query, s: (
        _who_won_overall(catalog, query, s) if query.national else lists.help_answer(catalog)),
    (Shape.NOTHING, ANY): _nothing_named,
    **_all_intents(_party_in_seat, Shape.SEAT_PARTY),
    **_all_intents(_party, Shape.PARTY),
    **_all_intents(_parties, Shape.PARTIES),
    **_all_intents(_place, Shape.PLACE),
    **_all_intents(_place_party, Shape.PLACE_PARTY),
    **_all_intents(_place_parties, Shape.PLACE_PARTIES),
    **_all_intents(_places, Shape.PLACES, Shape.PLACES_PARTY),
    (Shape.PEOPLE, Intent.SAID): lambda catalog, query, s: people.said_answer(
        catalog, s.people[0]),
    **{(Shape.PEOPLE, intent): _people for intent in (
        None, Intent.COMPARE, Intent.VOTES, Intent.SHARE, Intent.RANKING, Intent.OVERVIEW)},
    **{(Shape.SEATS, intent): _seats for intent in (
        None, Intent.COMPARE, Intent.VOTES, Intent.SHARE, Intent.RANKING, Intent.OVERVIEW,
        Intent.WINNER, Intent.MAJORITY, Intent.TURNOUT)},
}  # fmt: skip
