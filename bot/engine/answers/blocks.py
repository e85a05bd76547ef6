"""Building blocks the composers share: a seat's card and its parts (the winner, the table
of candidates, the majority, turnout), a candidate's result in a line, and the notes where
the article's figures differ from the official ones. Composers import these, never each
other."""

from __future__ import annotations

from bot.engine.answers.charts import seat_chart
from bot.engine.model.answer import (
    Answer,
    Block,
    BulletList,
    CandidateRow,
    CandidateTable,
    Option,
    Paragraph,
    Source,
    Status,
    bold,
    paragraph,
)
from bot.engine.model.chart_data import BarChart
from bot.engine.model.keys import Key
from bot.engine.results.catalog import Catalog, person_key, seat_key
from bot.engine.wording.phrases import (
    capitalised,
    figures,
    margin_phrase,
    number,
    outcome_phrase,
    percent,
    votes,
    with_party,
)
from knowledge.schema import CandidateResult, Constituency, DiscrepancyFact

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
    share = turnout(seat)
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
    catalog: Catalog,
    seat_id: str,
    lead: list[Block] | None = None,
    majority: bool = True,
    asked_about: str | None = None,
    turnout: bool = True,
) -> Answer:
    """The whole known result of a seat: winner and hold or gain, the majority and turnout
    (what a glance needs, first), then each candidate; and its chart.

    asked_about: a person whose answer this card is, marked on the chart."""
    seat = catalog.seats[seat_id].name
    results = catalog.results_by_seat.get(seat_id, [])
    winner_line, winner_gist = _winner_sentence(catalog, seat_id)
    blocks: list[Block] = [*(lead or [winner_line])]
    majority_line, majority_gist = majority_sentence(catalog, seat_id)
    if majority_line is not None and majority:
        blocks.append(majority_line)
    turnout_line = _turnout_line(catalog, seat_id)
    if turnout_line is not None and turnout:
        blocks.append(turnout_line)
    if results:
        blocks.append(candidate_table(catalog, results))
    if not catalog.has_count(seat_id) and catalog.winner(seat_id) is None and results:
        blocks.append(
            paragraph(catalog.provenance.lacks("give the full result, only the candidates above."))
        )
    blocks += discrepancy_notes(catalog, [seat_id, *(r.id for r in results)])
    gist = ", ".join(part for part in (winner_gist, majority_gist) if part)
    sources = catalog.sources_of(seat_sources(catalog, seat_id))
    return Answer(
        Status.ANSWERED,
        tuple(blocks),
        headline=f"{seat}: {gist}",
        entities=seat_entities(catalog, seat_id),
        sources=sources,
        chart=seat_chart_of(catalog, seat_id, sources, asked_about),
    )


def seat_chart_of(
    catalog: Catalog, seat_id: str, sources: tuple[Source, ...], asked_about: str | None = None
) -> BarChart | None:
    """The seat's chart: hold or gain under the title, majority and turnout at the foot."""
    outcome = catalog.outcome(seat_id)
    _, majority_gist = majority_sentence(catalog, seat_id)
    seat = catalog.seats[seat_id]
    share = turnout(seat)
    footer = [majority_gist.capitalize()] if majority_gist else []
    footer += [f"Turnout {percent(share)}"] if share is not None else []
    return seat_chart(
        catalog, seat_id, outcome.words() if outcome else "", " · ".join(footer), sources,
        asked_about,
    )  # fmt: skip


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


def result_line(catalog: Catalog, result: CandidateResult) -> Paragraph:
    """'Shockat Adam (Independent) won Leicester South with 14,739 votes, 35.2%.'"""
    numbers = figures(result)
    margin = margin_phrase(catalog, result)
    tail = f" {margin}" if margin else ""
    tail += f", with {numbers}." if numbers else "."
    return paragraph(
        bold(capitalised(with_party(catalog, result))), f" {outcome_phrase(catalog, result)}{tail}"
    )


def turnout(seat: Constituency) -> float | None:
    """Valid votes as a share of the electorate, as the Library reports turnout."""
    if not seat.electorate or seat.valid_votes is None:
        return None
    return round(100 * seat.valid_votes / seat.electorate, 1)


def seat_choice(
    catalog: Catalog,
    asked: Paragraph,
    seat_ids: list[str],
    headline: str,
    also: tuple[Block, ...] = (),
    sources: tuple[Source, ...] = (),
) -> Answer:
    """Which of these seats? A line on each with its winner, and a button each (the options);
    for a place named in several seats, and a postcode area over several."""
    return Answer(
        Status.CLARIFY,
        (asked, _winners_list(catalog, seat_ids), *also),
        headline=headline,
        entities=tuple(seat_key(s) for s in seat_ids),
        options=tuple(Option(seat_key(s), catalog.seats[s].name) for s in seat_ids),
        sources=sources,
    )


def _winners_list(catalog: Catalog, seat_ids: list[str]) -> BulletList:
    items = []
    for seat_id in seat_ids:
        winner = catalog.winner(seat_id)
        known = f"{with_party(catalog, winner)} won" if winner else "winner not given"
        items.append(paragraph(bold(catalog.seats[seat_id].name), f": {known}"))
    return BulletList(tuple(items))
