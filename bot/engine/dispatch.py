"""Query -> Answer: which composer answers what is asked about which entities.

A pure function of the catalog and the query, with no conversation, so stateless buttons
and links replay an answer exactly.
"""

from __future__ import annotations

from dataclasses import replace

from bot.engine import earlier, lists, national, people, seats
from bot.engine.answer import Answer, Status, paragraph
from bot.engine.catalog import Catalog, split_key
from bot.engine.index import Kind
from bot.engine.intents import Intent, Measure
from bot.engine.query import Query

PERSON_INTENTS = {Intent.VOTES, Intent.SHARE, Intent.FINISH, Intent.SAID, Intent.CHANGE}
SEAT_INTENTS = {Intent.PLACE, Intent.MAJORITY, Intent.WINNER, Intent.TURNOUT}
PARTY_SUMMARY_INTENTS = {Intent.SEATS, Intent.VOTES, Intent.SHARE, Intent.OVERVIEW, None}
COMPARING = {None, Intent.COMPARE, Intent.VOTES, Intent.SHARE, Intent.RANKING, Intent.OVERVIEW}


def answer_query(catalog: Catalog, query: Query) -> Answer:
    answer = _compose(catalog, query)
    return replace(answer, query=query) if answer.status is Status.ANSWERED else answer


def _compose(catalog: Catalog, query: Query) -> Answer:
    by_kind: dict[Kind, list[str]] = {Kind.SEAT: [], Kind.PERSON: [], Kind.PARTY: []}
    for key in query.keys:
        kind, entity_id = split_key(key)
        if entity_id not in by_kind[kind]:
            by_kind[kind].append(entity_id)
    seat_ids, person_ids, party_ids = by_kind[Kind.SEAT], by_kind[Kind.PERSON], by_kind[Kind.PARTY]
    intent = query.intent
    if query.year is not None:
        return earlier.answer(catalog, query, seat_ids, person_ids, party_ids)
    if intent is Intent.DECLARED:
        return _declared(catalog, seat_ids, person_ids)
    if person_ids and (not seat_ids or intent in PERSON_INTENTS | {None, Intent.OVERVIEW}):
        return _about_people(catalog, query, person_ids)
    if query.yes_no and person_ids and intent in {Intent.WINNER, Intent.PLACE}:
        return _about_people(catalog, query, person_ids)
    if len(seat_ids) > 1 and intent in COMPARING:
        return seats.seats_side_by_side(catalog, seat_ids)
    if seat_ids:
        return _about_seat(catalog, query, seat_ids[0], party_ids)
    if party_ids:
        return _about_party(catalog, query, party_ids[0])
    if intent is Intent.RANKING:
        return lists.ranking(catalog, query.most, query.measure, None)
    if intent is Intent.SEATS or (query.national and catalog.official):
        return national.seat_totals(catalog)
    if intent is Intent.GAINS:
        return national.gains(catalog, None)
    if intent is Intent.TURNOUT:
        return national.seat_ranking(catalog, Measure.TURNOUT, most=True)
    if intent in {Intent.WINNER, Intent.FINISH} and catalog.official:
        return national.seat_totals(catalog)
    if intent in {Intent.WINNER, Intent.FINISH} or query.national:
        return lists.winners(catalog, national=query.national)
    if intent is Intent.COVERAGE:
        return lists.coverage(catalog)
    if intent in {Intent.HELP, None}:
        return lists.help_answer(catalog)
    return lists.not_found(catalog, "")


def _about_people(catalog: Catalog, query: Query, person_ids: list[str]) -> Answer:
    intent, first = query.intent, person_ids[0]
    if len(person_ids) > 1 and intent in COMPARING:
        return people.compare_answer(catalog, first, person_ids[1])
    if intent is Intent.VOTES or intent is Intent.RANKING:
        return people.votes_answer(catalog, first)
    if intent is Intent.SHARE:
        return people.share_answer(catalog, first)
    if intent is Intent.SAID:
        return people.said_answer(catalog, first)
    if intent is Intent.CHANGE:
        return people.change_answer(catalog, first)
    if intent is Intent.WINNER:
        return people.finish_answer(catalog, first, asked_place=1 if query.yes_no else None)
    if intent is Intent.PLACE:
        asked = query.place if query.yes_no else None
        return people.finish_answer(catalog, first, asked_place=asked)
    if intent is Intent.FINISH:
        return people.finish_answer(catalog, first)
    if intent is Intent.MAJORITY:
        found = catalog.results_by_person.get(first)
        if found and found[0].seat and found[0].elected:
            return seats.majority_answer(catalog, found[0].seat)
        return people.finish_answer(catalog, first)
    return people.overview(catalog, first)


def _about_seat(catalog: Catalog, query: Query, seat_id: str, party_ids: list[str]) -> Answer:
    intent = query.intent
    party = next((p for p in party_ids if p != "independent" or intent is not Intent.WINNER), None)
    if party is not None and intent not in {Intent.MAJORITY, Intent.PLACE}:
        return seats.party_in_seat(catalog, party, seat_id, intent, query.yes_no)
    if intent is Intent.PLACE and query.place is not None:
        return seats.place_answer(catalog, seat_id, query.place)
    if intent is Intent.MAJORITY:
        return seats.majority_answer(catalog, seat_id)
    return seats.seat_card(catalog, seat_id)


def _about_party(catalog: Catalog, query: Query, party_id: str) -> Answer:
    intent = query.intent
    if intent is Intent.RANKING:
        return lists.ranking(catalog, query.most, query.measure, party_id)
    if intent is Intent.GAINS:
        return national.gains(catalog, party_id)
    if intent is Intent.CHANGE and catalog.official:
        return lists.ranking(catalog, True, Measure.CHANGE, party_id)
    if catalog.official and intent in PARTY_SUMMARY_INTENTS:
        return national.party_summary(catalog, party_id)
    if party_id == "independent":
        if intent in {Intent.WINNER, Intent.FINISH}:
            return lists.independents(catalog, None, elected_only=True)
        if intent is Intent.PLACE:
            return lists.independents(catalog, query.place, elected_only=False)
        return lists.independents(catalog, None, elected_only=False)
    if catalog.official:
        # Hundreds of candidates would be a wall of text: the party's summary instead.
        return national.party_summary(catalog, party_id)
    return lists.party_results(catalog, party_id)


def _declared(catalog: Catalog, seat_ids: list[str], person_ids: list[str]) -> Answer:
    stood = [r.seat for p in person_ids for r in catalog.results_by_person.get(p, []) if r.seat]
    wanted = seat_ids or stood
    if wanted:
        return seats.declared_answer(catalog, wanted[0])
    declared = [s for s in catalog.seats.values() if s.declared]
    if not declared:
        text = catalog.provenance.lacks("give declaration times.")
        if catalog.official:
            text = "The official results I have leave every declaration time empty."
        return Answer(Status.NOT_FOUND, (paragraph(text),), headline="No declaration times")
    return national.declarations(catalog, declared)
