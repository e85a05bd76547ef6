"""Answers over many results (independents, rankings, a party) and the bot's own replies:
help, what it covers, not found, which one?"""

from __future__ import annotations

from dataclasses import replace

from bot.engine.answer import Answer, Block, BulletList, Option, Status, bold, paragraph
from bot.engine.catalog import Catalog, party_key, person_key
from bot.engine.people import result_line
from bot.engine.wording import (
    figures,
    margin_phrase,
    ordinal,
    outcome_phrase,
    percent,
    with_party,
)
from knowledge.schema import CandidateResult

EXAMPLES = (
    "who won Leicester South?",
    "how many votes did Corbyn get?",
    "who came second in Preston?",
    "majority in Dewsbury and Batley",
    "which independents won?",
    "what did Shockat Adam say?",
    "Birmingham",
)


def _seat_name(catalog: Catalog, result: CandidateResult) -> str:
    return catalog.seats[result.seat].name if result.seat else "seat not named"


def results_list(
    catalog: Catalog, results: list[CandidateResult], lead: str, headline: str
) -> Answer:
    items = tuple(
        paragraph(
            bold(catalog.candidate_name(r)),
            f", {_seat_name(catalog, r)}: " + _in_brief(catalog, r),
        )
        for r in results
    )
    return Answer(
        Status.ANSWERED,
        (paragraph(lead), BulletList(items)),
        headline=headline,
        entities=tuple(person_key(r.person) for r in results if r.person),
        sources=catalog.sources_of([fid for r in results for fid in r.facts]),
    )


def _in_brief(catalog: Catalog, result: CandidateResult) -> str:
    """'14,739 votes, 35.2%, first', or what happened where no figures are given."""
    numbers = figures(result)
    if not numbers:
        margin = margin_phrase(catalog, result)
        return outcome_phrase(catalog, result) + (f" {margin}" if margin else "")
    return numbers + (f", {ordinal(result.place)}" if result.place else "")


def independents(catalog: Catalog, place: int | None, elected_only: bool) -> Answer:
    """Independents who won, came Nth, or all of them."""
    listed = [r for r in catalog.results if r.party == "independent"]
    if elected_only:
        chosen = [r for r in listed if r.elected]
        count = next((f for f in catalog.knowledge.facts if f.kind == "count"), None)
        lead = f"{len(chosen)} independents won, as the article says:"
        answer = results_list(catalog, chosen, lead, f"{len(chosen)} independents won")
        if count is not None:
            answer = replace(answer, sources=catalog.sources_of([count.id]) + answer.sources)
        return answer
    if place is not None:
        chosen = [r for r in listed if r.place == place]
        lead = f"Independents who came {ordinal(place)}, of those the article lists:"
        if not chosen:
            lead = f"No independent the article lists came {ordinal(place)}."
        return results_list(catalog, chosen, lead, f"{len(chosen)} independents {ordinal(place)}")
    lead = f"The article gives results for {len(listed)} independent candidates:"
    return results_list(catalog, listed, lead, f"{len(listed)} independents")


def winners(catalog: Catalog, national: bool = False) -> Answer:
    """Every winner the article names; it gives no overall result."""
    elected = [r for r in catalog.results if r.elected]
    lead = f"The article names {len(elected)} winners:"
    if national:
        lead = (
            "The article does not give the overall result of the election. "
            f"It reports on independent candidates, and names {len(elected)} winners:"
        )
    return results_list(catalog, elected, lead, f"{len(elected)} winners named")


def party_results(catalog: Catalog, party_id: str) -> Answer:
    party = catalog.parties[party_id].name
    found = [r for r in catalog.results if r.party == party_id]
    notes = list(catalog.notes.get(party_id, []))
    if not found:
        blocks: list[Block] = [paragraph(f"The article gives no {party} results.")]
        blocks += [paragraph(f"It says: “{n.quote}”") for n in notes]
        return Answer(
            Status.ANSWERED,
            tuple(blocks),
            headline=f"{party}: no results given",
            entities=(party_key(party_id),),
            sources=catalog.sources_of([n.id for n in notes]),
        )
    lines = tuple(result_line(catalog, r) for r in found)
    return Answer(
        Status.ANSWERED,
        (paragraph(f"{party} results the article gives:"), BulletList(lines)),
        headline=f"{party}: {len(found)} results",
        entities=(party_key(party_id),),
        sources=catalog.sources_of([fid for r in found for fid in r.facts]),
    )


def ranking(catalog: Catalog, most: bool, by_share: bool, party_id: str | None) -> Answer:
    measure = "share" if by_share else "votes"
    pool = [
        r
        for r in catalog.results
        if getattr(r, measure) is not None and (party_id is None or r.party == party_id)
    ]
    pool.sort(key=lambda r: getattr(r, measure), reverse=most)
    top = pool[:5]
    word = ("highest" if most else "lowest") if by_share else ("most" if most else "fewest")
    scope = "independent candidates" if party_id == "independent" else "candidates"
    lead = f"Of the {len(pool)} {scope} the article gives {measure} for, the {word} {measure}:"
    best = top[0]
    best_value = percent(best.share) if by_share and best.share is not None else figures(best)
    answer = results_list(
        catalog, top, lead, f"{word} {measure}: {catalog.candidate_name(best)}, {best_value}"
    )
    return replace(
        answer,
        blocks=(
            paragraph(
                bold(with_party(catalog, best)), f", {_seat_name(catalog, best)}: {best_value}."
            ),
            *answer.blocks,
        ),
    )


def help_answer(catalog: Catalog) -> Answer:
    return Answer(
        Status.HELP,
        (
            paragraph(
                "I answer questions about UK general election 2024 results from ",
                bold(_document(catalog)),
                ", quoting the article for every fact.",
            ),
            paragraph("Ask me things like:"),
            BulletList(tuple(paragraph(e) for e in EXAMPLES)),
            paragraph("Ask “source” after any answer to see the sentences behind it."),
        ),
        headline="What I can answer",
    )


def _document(catalog: Catalog) -> str:
    source = catalog.knowledge.sources[0]
    return (
        f"{source.publisher} issue {source.issue}, “{source.title}”"
        if source.issue
        else source.title
    )


def coverage(catalog: Catalog) -> Answer:
    source = catalog.knowledge.sources[0]
    seats = sorted(catalog.seats.values(), key=lambda s: s.name)
    by = f" by {source.author}" if source.author else ""
    return Answer(
        Status.HELP,
        (
            paragraph(
                "My knowledge comes from ",
                bold(_document(catalog)),
                f"{by}, on the {catalog.knowledge.election.name}. Every fact is a quoted "
                "sentence from it; majorities are worked out from its figures, and what it "
                "does not say I don’t know.",
            ),
            paragraph(
                f"It covers {len(seats)} seats and {len(catalog.people)} people, mostly "
                f"independent candidates: {', '.join(s.name for s in seats)}."
            ),
        ),
        headline=f"{len(seats)} seats from {source.publisher} issue {source.issue}",
    )


def not_found(catalog: Catalog, asked: str) -> Answer:
    what = f"“{asked}”" if asked else "a seat or a name in that"
    return Answer(
        Status.NOT_FOUND,
        (
            paragraph(
                f"I don’t have {what}. I know the {len(catalog.seats)} seats and "
                f"{len(catalog.people)} people in {_document(catalog)}."
            ),
            paragraph("Try “who won Leicester South?”, “which independents won?” or “help”."),
        ),
        headline=f"Not found: {asked}" if asked else "Not understood",
    )


def choose(catalog: Catalog, keys: tuple[str, ...], asked: str, reason: str = "") -> Answer:
    """Which one did you mean? One option per candidate entity."""
    options = tuple(Option(key, _label(catalog, key)) for key in keys)
    lead = reason or f"“{asked}” could be more than one. Which did you mean?"
    return Answer(
        Status.CLARIFY,
        (paragraph(lead), BulletList(tuple(paragraph(o.label) for o in options))),
        headline=f"Which {asked}?",
        entities=keys,
        options=options,
    )


def _label(catalog: Catalog, key: str) -> str:
    kind, entity_id = key.split(":", 1)
    if kind == "person":
        found = catalog.results_by_person.get(entity_id)
        where = f" ({_seat_name(catalog, found[0])})" if found and found[0].seat else ""
        return catalog.people[entity_id].name + where
    if kind == "seat":
        return catalog.seats[entity_id].name
    return catalog.parties[entity_id].name
