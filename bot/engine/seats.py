"""Answers about a seat: its result card, who came where, the majority, a party's vote."""

from __future__ import annotations

from dataclasses import replace

from bot.engine import national
from bot.engine.answer import (
    Answer,
    Block,
    BulletList,
    CandidateRow,
    CandidateTable,
    Option,
    Paragraph,
    Status,
    bold,
    paragraph,
)
from bot.engine.catalog import Catalog, person_key, seat_key
from bot.engine.intents import LAST_PLACE, Intent
from bot.engine.keys import Key
from bot.engine.wording import (
    capitalised,
    figures,
    margin_phrase,
    number,
    ordinal,
    outcome_phrase,
    party_as_subject,
    percent,
    votes,
    with_party,
)
from knowledge.schema import CandidateResult, DiscrepancyFact

WHAT_I_HAVE = "What I do have:"


def candidate_table(catalog: Catalog, results: list[CandidateResult]) -> CandidateTable:
    return CandidateTable(
        tuple(
            CandidateRow(
                name=catalog.people[r.person].name if r.person else None,
                party=r.party_label or catalog.party_name(r.party),
                votes=r.votes,
                share=r.share,
                place=r.place,
                elected=r.elected,
                change=r.change,
            )
            for r in results
        )
    )


def _winner_sentence(catalog: Catalog, seat_id: str) -> tuple[Paragraph, str]:
    seat = catalog.seats[seat_id].name
    winner = catalog.winner(seat_id)
    if winner is None:
        lacking = catalog.provenance.lacks("say who won ")
        return paragraph(lacking, bold(seat), "."), "winner not given"
    who = with_party(catalog, winner)
    if catalog.is_derived(winner, "place"):
        runner_up = catalog.at_place(seat_id, 2)
        assert runner_up is not None
        assert runner_up.votes is not None
        assert winner.votes is not None
        return (
            paragraph(
                bold(who),
                f" came first in {seat}. The article does not say so in words: it gives "
                f"{catalog.candidate_name(runner_up)} second with {number(runner_up.votes)}, and "
                f"{catalog.candidate_name(winner)} {number(winner.votes)}, more than that.",
            ),
            f"{who} first",
        )
    outcome = catalog.outcome(seat_id)
    if outcome is not None:
        words = outcome.words()
        return paragraph(bold(who), f" won {seat}: {words}."), f"{who} won, {words}"
    held = catalog.stated(winner, "outcome")
    verb = "held" if held and held.outcome == "held" else "won"
    return paragraph(bold(who), f" {verb} {seat}."), f"{who} {verb}"


def majority_sentence(catalog: Catalog, seat_id: str) -> tuple[Paragraph | None, str]:
    majority = catalog.majority_of(seat_id)
    if majority is not None:
        first, second = majority.first, majority.second
        assert first.votes is not None
        assert second.votes is not None
        return (
            paragraph(
                "Majority: ",
                bold(votes(majority.votes)),
                f" ({number(first.votes)} for {catalog.candidate_name(first)} against "
                f"{number(second.votes)} for {catalog.candidate_name(second)}).",
            ),
            f"majority {number(majority.votes)}",
        )
    winner = catalog.winner(seat_id)
    stated = margin_phrase(catalog, winner) if winner else None
    if stated:
        return paragraph(
            "Margin: ", bold(stated.removeprefix("by ")), ", as the article puts it."
        ), (f"margin {stated.removeprefix('by ')}")
    if winner is not None:
        return paragraph(catalog.provenance.lacks("give the majority.")), ""
    return None, ""


def seat_sources(catalog: Catalog, seat_id: str) -> list[str]:
    results = catalog.results_by_seat.get(seat_id, [])
    fact_ids = [fid for r in results for fid in r.facts]
    majority = catalog.majority_of(seat_id)
    if majority is not None:
        fact_ids += majority.facts
    fact_ids += [d.id for d in catalog.discrepancies_about([seat_id, *(r.id for r in results)])]
    return fact_ids


def _turnout_line(catalog: Catalog, seat_id: str) -> Paragraph | None:
    seat = catalog.seats[seat_id]
    share = national.turnout(seat)
    if share is None or seat.electorate is None:
        return None
    return paragraph(
        f"Turnout: {percent(share)} ({number(seat.valid_votes or 0)} valid votes from an "
        f"electorate of {number(seat.electorate)})."
    )


def seat_entities(catalog: Catalog, seat_id: str) -> tuple[Key, ...]:
    people = [person_key(r.person) for r in catalog.results_by_seat[seat_id] if r.person]
    return (seat_key(seat_id), *people)


def seat_card(
    catalog: Catalog, seat_id: str, lead: list[Block] | None = None, majority: bool = True
) -> Answer:
    """The whole known result of a seat: winner, each candidate, the majority."""
    seat = catalog.seats[seat_id].name
    results = catalog.results_by_seat.get(seat_id, [])
    winner_line, winner_gist = _winner_sentence(catalog, seat_id)
    blocks: list[Block] = [*(lead or [winner_line])]
    if results:
        blocks.append(candidate_table(catalog, results))
    majority_line, majority_gist = majority_sentence(catalog, seat_id)
    if majority_line is not None and majority:
        blocks.append(majority_line)
    turnout_line = _turnout_line(catalog, seat_id)
    if turnout_line is not None:
        blocks.append(turnout_line)
    if not catalog.has_official_result(seat_id) and catalog.winner(seat_id) is None and results:
        blocks.append(
            paragraph(catalog.provenance.lacks("give the full result, only the candidates above."))
        )
    blocks += discrepancy_notes(catalog, [seat_id, *(r.id for r in results)])
    gist = ", ".join(part for part in (winner_gist, majority_gist) if part)
    return Answer(
        Status.ANSWERED,
        tuple(blocks),
        headline=f"{seat}: {gist}",
        entities=seat_entities(catalog, seat_id),
        sources=catalog.sources_of(seat_sources(catalog, seat_id)),
    )


def place_answer(catalog: Catalog, seat_id: str, place: int, party_first: bool = False) -> Answer:
    """Who came Nth in a seat, or that the article does not say, with what it does say."""
    seat = catalog.seats[seat_id].name
    found = catalog.at_place(seat_id, place)
    if place == LAST_PLACE and catalog.has_official_result(seat_id):
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
    items = []
    for seat_id in seat_ids:
        winner = catalog.winner(seat_id)
        seat = catalog.seats[seat_id].name
        known = f"{with_party(catalog, winner)} won" if winner else "winner not given"
        items.append(paragraph(bold(seat), f": {known}"))
    unplaced = catalog.seatless_results_mentioning(label)
    also = [
        paragraph(
            catalog.provenance.gives("say", "too: "),
            result_summary(catalog, r),
            " (seat not named).",
        )
        for r in unplaced
    ]
    return Answer(
        Status.CLARIFY,
        (
            # "have Durham in their name": true of City of Durham and North Durham, where "Durham
            # has 2 seats" would not be.
            paragraph(f"{len(seat_ids)} seats have {label} in their name. {asked}"),
            BulletList(tuple(items)),
            *also,
        ),
        headline=f"{label}: {len(seat_ids)} seats",
        entities=tuple(seat_key(s) for s in seat_ids),
        options=tuple(Option(seat_key(s), catalog.seats[s].name) for s in seat_ids),
        sources=catalog.sources_of([fid for r in unplaced for fid in r.facts]),
    )


def result_summary(catalog: Catalog, result: CandidateResult) -> str:
    """'Jess Phillips (Labour) survived by only 700 votes'."""
    margin = margin_phrase(catalog, result)
    return f"{with_party(catalog, result)} {outcome_phrase(catalog, result)}" + (
        f" {margin}" if margin else ""
    )


def seats_side_by_side(catalog: Catalog, seat_ids: list[str]) -> Answer:
    """Two or more seats' cards, one after the other."""
    cards = [seat_card(catalog, seat_id) for seat_id in seat_ids]
    return Answer(
        Status.ANSWERED,
        tuple(block for card in cards for block in card.blocks),
        headline=" | ".join(card.headline for card in cards),
        entities=tuple(key for card in cards for key in card.entities),
        sources=tuple(dict.fromkeys(source for card in cards for source in card.sources)),
    )


def discrepancy_notes(catalog: Catalog, subjects: list[str]) -> list[Block]:
    """Where the article gives another figure than the official one, say both."""
    return [paragraph(_discrepancy_text(catalog, d)) for d in catalog.discrepancies_about(subjects)]


def _discrepancy_text(catalog: Catalog, fact: DiscrepancyFact) -> str:
    result = catalog.results_by_id.get(fact.subject)
    name = catalog.candidate_name(result) if result else catalog.seats[fact.subject].name
    official = {
        "votes": f"the official count is {fact.official}",
        "share": f"the official share is {fact.official}",
        "party": f"the official results give {fact.official}",
        "margin": f"the official majority is {fact.official}",
        "majority": f"the official majority is {fact.official}",
    }.get(fact.field, f"the official figure is {fact.official}")
    said = {
        "votes": f"The article gives {name} {fact.article} votes",
        "share": f"The article gives {name} {fact.article}",
        "party": f"The article lists {name} among {fact.article} candidates",
        "margin": f"The article says {name} won by {fact.article} votes",
        "majority": f"The article’s figures give {name} a majority of {fact.article}",
    }.get(fact.field, f"The article gives {name}’s {fact.field} as {fact.article}")
    return f"{said}; {official}."


def _replace_headline(answer: Answer, headline: str) -> Answer:
    return replace(answer, headline=headline)


def declared_answer(catalog: Catalog, seat_id: str) -> Answer:
    """When the seat declared, or plainly that the data leaves it empty."""
    seat = catalog.seats[seat_id]
    if seat.declared:
        lead = paragraph(bold(seat.name), f" declared at {seat.declared}.")
    elif seat.facts:  # the constituency file's row is there, its declaration time empty
        lead = paragraph(
            f"The official results I have leave the declaration time empty for {seat.name}: "
            "I don’t know when it declared."
        )
    else:
        lead = paragraph(catalog.provenance.lacks(f"say when {seat.name} declared."))
    card = seat_card(catalog, seat_id)
    return replace(
        card,
        blocks=(lead, *card.blocks),
        headline=f"{seat.name}: declared {seat.declared or 'time not given'}",
    )


def turnout_answer(catalog: Catalog, seat_id: str) -> Answer:
    """'Turnout in Clacton was 58.7% (45,958 of 78,245)', then the result."""
    seat = catalog.seats[seat_id]
    share = national.turnout(seat)
    if share is None or seat.electorate is None:
        lead = paragraph(catalog.provenance.lacks(f"give the turnout in {seat.name}."))
        return seat_card(catalog, seat_id, lead=[lead, paragraph(WHAT_I_HAVE)])
    lead = paragraph(
        "Turnout in ", bold(seat.name), f" was {percent(share)} "
        f"({number(seat.valid_votes or 0)} valid votes of {number(seat.electorate)} electors).",
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
    if not catalog.has_official_result(seat_id):
        lead = paragraph(catalog.provenance.lacks(f"give every candidate in {seat.name}."))
        return seat_card(catalog, seat_id, lead=[lead, paragraph(WHAT_I_HAVE)])
    lead = paragraph(bold(f"{len(results)} candidates"), f" stood in {seat.name}:")
    card = seat_card(catalog, seat_id)
    return replace(
        card, blocks=(lead, *card.blocks), headline=f"{seat.name}: {len(results)} candidates"
    )
