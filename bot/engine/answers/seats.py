"""Answers about a seat: its result card, who came where, the majority, a party's vote."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.answers.blocks import (
    WHAT_I_HAVE,
    majority_sentence,
    seat_card,
    seat_choice,
    turnout,
)
from bot.engine.answers.charts import two_seats_chart
from bot.engine.answers.tally import side_by_side
from bot.engine.model.answer import (
    Answer,
    Block,
    bold,
    paragraph,
)
from bot.engine.results.catalog import Catalog, person_key, seat_key
from bot.engine.understanding.intents import LAST_PLACE, Intent
from bot.engine.wording.phrases import (
    capitalised,
    figures,
    margin_phrase,
    number,
    ordinal,
    outcome_phrase,
    party_as_subject,
    percent,
    with_party,
)
from knowledge.schema import CandidateResult


def place_answer(catalog: Catalog, seat_id: str, place: int, party_first: bool = False) -> Answer:
    """Who came Nth in a seat, or that the article does not say, with what it does say."""
    seat = catalog.seats[seat_id].name
    found = catalog.at_place(seat_id, place)
    if place == LAST_PLACE and catalog.has_count(seat_id):
        placed = [r for r in catalog.results_by_seat.get(seat_id, []) if r.place is not None]
        found = max(placed, key=lambda r: r.place or 0, default=None)
        place = found.place if found and found.place else place
    if place == LAST_PLACE:
        lacking = catalog.provenance.lacks(f"say who came last in {seat}")
        lead = paragraph(f"{lacking}: they do not give every candidate.")
        return seat_card(catalog, seat_id, lead=[lead, paragraph(WHAT_I_HAVE)])
    if found is None:
        lead = paragraph(catalog.provenance.lacks(f"say who came {ordinal(place)} in {seat}."))
        return seat_card(catalog, seat_id, lead=[lead, paragraph(WHAT_I_HAVE)])
    numbers = figures(found)
    lead = paragraph(
        bold(with_party(catalog, found)),
        f" came {ordinal(place)} in {seat}" + (f" with {numbers}." if numbers else "."),
    )
    party = catalog.parties.get(found.party or "")
    if party_first and party is not None:  # "which party came second": the party first
        who = catalog.candidate_name(found)
        lead = paragraph(
            bold(party_as_subject(party)),
            f" came {ordinal(place)} in {seat}: {who}" + (f", {numbers}." if numbers else "."),
        )
    card = seat_card(catalog, seat_id, lead=[lead])
    subject = (seat_key(seat_id), *((person_key(found.person),) if found.person else ()))
    return replace(
        card,
        headline=f"{seat}: {capitalised(catalog.candidate_name(found))} {ordinal(place)}",
        entities=(*subject, *(key for key in card.entities if key not in subject)),
    )


def majority_answer(catalog: Catalog, seat_id: str) -> Answer:
    seat = catalog.seats[seat_id].name
    line, gist = majority_sentence(catalog, seat_id)
    winner = catalog.winner(seat_id)
    if line is None or not gist:
        known = "who won" if winner is None else "the runner-up’s vote"
        lead = paragraph(catalog.provenance.lacks(f"give the majority in {seat}, nor {known}."))
        return seat_card(catalog, seat_id, lead=[lead])
    assert winner is not None
    lead = paragraph(
        bold(capitalised(with_party(catalog, winner))), f" {outcome_phrase(catalog, winner)}."
    )
    card = seat_card(catalog, seat_id, lead=[line, lead], majority=False)
    return _replace_headline(card, f"{seat}: {gist}")


def party_in_seat(
    catalog: Catalog,
    party_id: str,
    seat_id: str,
    intent: Intent | None = None,
    yes_no: bool = False,
) -> Answer:
    """A party's result in a seat; 'did Labour win X?' gets a yes or no first."""
    seat = catalog.seats[seat_id].name
    party = catalog.parties[party_id].name
    found = [r for r in catalog.results_by_seat.get(seat_id, []) if r.party == party_id]
    if not found:
        missing = paragraph(catalog.provenance.lacks(f"give a {party} result in {seat}."))
        return seat_card(catalog, seat_id, lead=[missing, paragraph(WHAT_I_HAVE)])
    result = found[0]
    numbers = figures(result) or "no figures given"
    who = capitalised(catalog.candidate_name(result))
    placed = f", {ordinal(result.place)}" if result.place else ""
    lead: list[Block] = [paragraph(bold(f"{party} in {seat}: "), f"{who}, {numbers}{placed}.")]
    if yes_no and intent is Intent.WINNER and result.elected is not None:
        winner = catalog.winner(seat_id)
        if result.elected or winner is None:
            said = f"Yes. {party} won {seat}." if result.elected else f"No. {party} lost {seat}."
        else:
            nth = f"came {ordinal(result.place)}" if result.place else "lost"
            said = f"No. {party} {nth} in {seat}; {with_party(catalog, winner)} won."
        lead.insert(0, paragraph(said))
    if intent is Intent.SHARE and result.share is None:
        lead.insert(0, paragraph(catalog.provenance.lacks(f"give {party}’s share in {seat}.")))
    card = seat_card(catalog, seat_id, lead=lead)
    return _replace_headline(card, f"{party} in {seat}: {numbers}")


def place_choice(catalog: Catalog, label: str, seat_ids: list[str], asked: str) -> Answer:
    """A place covering several seats: a line on each, and which one?"""
    unplaced = catalog.seatless_results_mentioning(label)
    also = [
        paragraph(
            catalog.provenance.gives("say", "too: "),
            result_summary(catalog, r),
            " (seat not named).",
        )
        for r in unplaced
    ]
    # "have Durham in their name": true of City of Durham and North Durham, where "Durham has
    # 2 seats" would not be.
    asked_line = paragraph(f"{len(seat_ids)} seats have {label} in their name. {asked}")
    return seat_choice(
        catalog, asked_line, seat_ids, f"{label}: {len(seat_ids)} seats", tuple(also),
        catalog.sources_of([fid for r in unplaced for fid in r.facts]),
    )  # fmt: skip


def result_summary(catalog: Catalog, result: CandidateResult) -> str:
    """'Jess Phillips (Labour) survived by only 700 votes'."""
    margin = margin_phrase(catalog, result)
    return f"{with_party(catalog, result)} {outcome_phrase(catalog, result)}" + (
        f" {margin}" if margin else ""
    )


def seats_side_by_side(catalog: Catalog, seat_ids: list[str]) -> Answer:
    """Two or more seats' cards, one after the other."""
    together = side_by_side([seat_card(catalog, seat_id) for seat_id in seat_ids])
    if len(seat_ids) != 2:
        return together
    first, second = seat_ids
    return replace(together, chart=two_seats_chart(catalog, first, second, together.sources))


def _replace_headline(answer: Answer, headline: str) -> Answer:
    return replace(answer, headline=headline)


def turnout_answer(catalog: Catalog, seat_id: str) -> Answer:
    """'Turnout in Clacton was 58.7% (45,958 of 78,245)', then the result."""
    seat = catalog.seats[seat_id]
    share = turnout(seat)
    if share is None or seat.electorate is None:
        lead = paragraph(catalog.provenance.lacks(f"give the turnout in {seat.name}."))
        return seat_card(catalog, seat_id, lead=[lead, paragraph(WHAT_I_HAVE)])
    lead = paragraph(
        "Turnout in ", bold(seat.name), f" was {percent(share)} "
        f"({number(seat.valid_votes or 0)} valid votes of {number(seat.electorate)} electors)"
        + (f"; {number(seat.invalid_votes)} ballots were invalid." if seat.invalid_votes is not None
           else "."),
    )  # fmt: skip
    card = seat_card(catalog, seat_id)
    winner_line = card.blocks[0]
    return replace(
        card,
        blocks=(lead, winner_line),
        headline=f"{seat.name}: turnout {percent(share)}",
    )


def changed_hands_answer(catalog: Catalog, seat_id: str) -> Answer:
    """'Did North East Fife change hands?': yes or no, with who gained it from whom."""
    seat = catalog.seats[seat_id]
    outcome = catalog.outcome(seat_id)
    if outcome is None:
        lead = paragraph(catalog.provenance.lacks(f"say whether {seat.name} changed hands."))
        return seat_card(catalog, seat_id, lead=[lead, paragraph(WHAT_I_HAVE)])
    answer = "Yes" if outcome.changed_hands else "No"
    lead = paragraph(f"{answer}: ", bold(seat.name), f" was a {outcome.words()}.")
    card = seat_card(catalog, seat_id)
    return replace(
        card, blocks=(lead, *card.blocks[1:]), headline=f"{seat.name}: {outcome.words()}"
    )


def candidate_count(catalog: Catalog, seat_id: str) -> Answer:
    seat = catalog.seats[seat_id]
    results = catalog.results_by_seat.get(seat_id, [])
    if not catalog.has_count(seat_id):
        lead = paragraph(catalog.provenance.lacks(f"give every candidate in {seat.name}."))
        return seat_card(catalog, seat_id, lead=[lead, paragraph(WHAT_I_HAVE)])
    lead = paragraph(bold(f"{len(results)} candidates"), f" stood in {seat.name}:")
    card = seat_card(catalog, seat_id)
    return replace(
        card, blocks=(lead, *card.blocks), headline=f"{seat.name}: {len(results)} candidates"
    )
