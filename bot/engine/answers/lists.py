"""Answers over many results (independents, rankings, a party) and the bot's own replies:
help, what it covers, not found, which one?"""

from __future__ import annotations

from dataclasses import replace

from bot.engine.answers.blocks import result_line
from bot.engine.answers.scope import Scope
from bot.engine.model.answer import Answer, Block, BulletList, Option, Status, bold, paragraph
from bot.engine.model.keys import Key, Kind
from bot.engine.results.catalog import Catalog, party_key, person_key
from bot.engine.understanding.intents import Measure
from bot.engine.wording.phrases import (
    capitalised,
    change_points,
    figures,
    margin_phrase,
    ordinal,
    outcome_phrase,
    percent,
    with_party,
)
from knowledge.schema import CandidateResult, CountFact, NoteFact

RANKING_LENGTH = 10
MAX_OPTIONS = 5  # buttons beyond a handful stop helping
MAX_LISTED = 8  # disagreements named in the coverage answer before "and N more"


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
        count = next((f for f in catalog.knowledge.facts if isinstance(f, CountFact)), None)
        lead = f"{len(chosen)} independents won"
        if count is not None and count.count == len(chosen):
            lead += ", as the article says"
        elif count is not None:
            lead += (
                f" (the article speaks of {count.count_words.lower()} pro-Palestine independents)"
            )
        answer = results_list(catalog, chosen, lead + ":", f"{len(chosen)} independents won")
        if count is not None:
            answer = replace(answer, sources=catalog.sources_of([count.id]) + answer.sources)
        return answer
    if place is not None:
        chosen = [r for r in listed if r.place == place]
        # Where no source counts every seat, what is listed is all there is: not a total.
        if any(catalog.is_counted(r) for r in listed):
            lead = (
                f"{len(chosen)} of the {len(listed):,} independent candidates came {ordinal(place)}"
            )
        else:
            lead = catalog.provenance.gives(
                "list", f"these independents as coming {ordinal(place)}, of those named"
            )
        lead += ":" if chosen else "; none did."
        return results_list(catalog, chosen, lead, f"{len(chosen)} independents {ordinal(place)}")
    lead = catalog.provenance.gives("give", f"results for {len(listed)} independent candidates:")
    return results_list(catalog, listed, lead, f"{len(listed)} independents")


def winners(catalog: Catalog, national: bool = False) -> Answer:
    """Every winner the article names; it gives no overall result."""
    elected = [r for r in catalog.results if r.elected]
    lead = catalog.provenance.gives("name", f"{len(elected)} winners:")
    if national:
        lead = (
            catalog.provenance.lacks("give the overall result of the election")
            + f"; the winners named are these {len(elected)}:"
        )
    return results_list(catalog, elected, lead, f"{len(elected)} winners named")


def party_results(catalog: Catalog, party_id: str) -> Answer:
    party = catalog.parties[party_id].name
    found = [r for r in catalog.results if r.party == party_id]
    notes = list(catalog.notes.get(party_id, []))
    if not found:
        blocks: list[Block] = [paragraph(catalog.provenance.lacks(f"give any {party} results."))]
        blocks += _what_is_said(catalog, notes)
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
        (paragraph(catalog.provenance.gives("give", f"these {party} results:")), BulletList(lines)),
        headline=f"{party}: {len(found)} results",
        entities=(party_key(party_id),),
        sources=catalog.sources_of([fid for r in found for fid in r.facts]),
    )


def ranking(
    catalog: Catalog,
    most: bool,
    measure: Measure,
    party_id: str | None,
    scope: Scope | None = None,
    limit: int | None = None,
    winners_only: bool = False,
) -> Answer:
    """Candidates ranked by votes, share or change in share, in a place, of a party."""
    scope = scope or Scope()
    field = {Measure.SHARE: "share", Measure.CHANGE: "change"}.get(measure, "votes")
    pool = [
        r
        for r in catalog.results
        if getattr(r, field) is not None
        and (party_id is None or r.party == party_id)
        and scope.holds(r.seat)
        and (r.elected or not winners_only)
    ]
    if not pool:
        return not_found(catalog, f"{field} figures")
    pool.sort(key=lambda r: getattr(r, field), reverse=most)
    top = pool[: limit or RANKING_LENGTH]
    words = {
        "votes": ("most votes", "fewest votes"),
        "share": ("highest share", "lowest share"),
        "change": ("biggest rise in share since 2019", "biggest fall in share since 2019"),
    }[field]
    word = words[0] if most else words[1]
    who = "independent candidates" if party_id == "independent" else "candidates"
    if winners_only:
        who = "winners"
    if party_id not in {None, "independent"}:
        who = f"{catalog.parties[party_id or ''].name} candidates"
    given = catalog.provenance.gives("give", f"{field} for").lower()
    lead = f"Of the {len(pool):,} {who}{scope.where} {given}, the {word}:"
    best = top[0]
    best_value = _measured(best, field)
    answer = results_list(
        catalog, top, lead, f"{word}: {catalog.candidate_name(best)}, {best_value}"
    )
    first = paragraph(
        bold(capitalised(with_party(catalog, best))),
        f", {_seat_name(catalog, best)}: {best_value}.",
    )
    return replace(answer, blocks=(first, *answer.blocks))


def _measured(result: CandidateResult, field: str) -> str:
    if field == "share" and result.share is not None:
        return percent(result.share)
    if field == "change" and result.change is not None:
        return change_points(result.change)
    return figures(result)


def examples(catalog: Catalog) -> tuple[str, ...]:
    """Questions the loaded knowledge answers well, to show and to tap."""
    return catalog.provenance.examples()


def help_answer(catalog: Catalog) -> Answer:
    sources = catalog.provenance
    return Answer(
        Status.HELP,
        (
            paragraph(
                f"I answer questions about the {catalog.knowledge.election.name}"
                f"{' and the elections since 2010' if catalog.knowledge.elections else ''} from ",
                bold(sources.named()),
                ".",
            ),
            paragraph("Ask me things like:"),
            BulletList(tuple(paragraph(e) for e in examples(catalog))),
            paragraph(f"Ask “source” after any answer to see {catalog.provenance.source_shows()}."),
        ),
        headline="What I can answer",
    )


def coverage(catalog: Catalog) -> Answer:
    """What each source is, who published it, what it covers, and where they disagree."""
    sources = catalog.provenance
    items = sources.described()
    blocks: list[Block] = [
        paragraph(
            f"I know the {catalog.knowledge.election.name}"
            f"{', and the elections since 2010,' if catalog.knowledge.elections else ''} "
            f"from {_count(len(items))}:"
        ),
        BulletList(tuple(items)),
    ]
    alone = sources.alone()
    if alone is not None:
        blocks.append(paragraph(alone))
    elif (disagreeing := sources.disagreeing()) is not None:
        blocks.append(paragraph(_disagreements(catalog, disagreeing)))
    blocks += [paragraph(attribution) for attribution in sources.attributions()]
    return Answer(Status.HELP, tuple(blocks), headline=f"What I know: {sources.named()}")


def _count(sources: int) -> str:
    return "one source" if sources == 1 else f"{sources} sources"


def _disagreements(catalog: Catalog, disagreeing: str) -> str:
    found = [d for ds in catalog.discrepancies.values() for d in ds]
    if not found:
        return f"Where {disagreeing} both give a figure, they agree."
    shown = [f"{_subject_name(catalog, d.subject)}’s {d.field}" for d in found[:MAX_LISTED]]
    more = f" and {len(found) - MAX_LISTED} more" if len(found) > MAX_LISTED else ""
    return (
        f"{capitalised(disagreeing)} differ on {len(found)} of the article’s figures "
        f"({', '.join(shown)}{more}): "
        "I give the official figure and say what the article gave."
    )


def _subject_name(catalog: Catalog, subject: str) -> str:
    result = catalog.results_by_id.get(subject)
    if result is not None:
        return catalog.candidate_name(result)
    seat = catalog.seats.get(subject)
    return seat.name if seat else subject


def not_found(catalog: Catalog, asked: str) -> Answer:
    what = f"“{asked}”" if asked else "a seat or a name in that"
    return Answer(
        Status.NOT_FOUND,
        (
            paragraph(f"I don’t have {what}. I know {catalog.provenance.what_i_know()}."),
            paragraph("Try “who won Leicester South?”, “which independents won?” or “help”."),
        ),
        headline=f"Not found: {asked}" if asked else "Not understood",
    )


def choose(catalog: Catalog, keys: tuple[Key, ...], asked: str, reason: str = "") -> Answer:
    """Which one did you mean? The likeliest few as options, and how many others match."""
    ranked = sorted(keys, key=lambda key: _likelihood(catalog, key))
    shown = ranked[:MAX_OPTIONS]
    options = tuple(Option(key, _label(catalog, key)) for key in shown)
    lead = reason or f"“{asked}” could be more than one. Which did you mean?"
    blocks: list[Block] = [paragraph(lead), BulletList(tuple(paragraph(o.label) for o in options))]
    others = len(ranked) - len(shown)
    if others:
        blocks.append(
            paragraph(
                f"And {others} more with that name: add the seat or the first name to narrow it."
            )
        )
    return Answer(
        Status.CLARIFY,
        tuple(blocks),
        headline=f"Which {asked}?",
        entities=tuple(shown),
        options=options,
    )


def _likelihood(catalog: Catalog, key: Key) -> tuple[bool, bool, int, str]:
    """Seats and winners first, then sitting MPs, then by votes: whom people most likely mean
    ("Leicester" is likelier the city's seats than a candidate called Leicester)."""
    kind, entity_id = key.kind, key.id
    found = catalog.results_by_person.get(entity_id, []) if kind is Kind.PERSON else []
    result = found[0] if found else None
    return (
        kind is Kind.PERSON and not (result and result.elected),
        not (result and result.sitting_mp),
        -(result.votes or 0) if result else 0,
        _label(catalog, key),
    )


def _label(catalog: Catalog, key: Key) -> str:
    entity_id = key.id
    if key.is_a(Kind.PERSON):
        found = catalog.results_by_person.get(entity_id)
        person = catalog.people[entity_id]
        if not found and person.mnis_id is not None:  # an MP of the earlier elections alone
            return f"{person.name} (an MP before 2024)"
        if not found or not found[0].seat:
            return person.name
        # Two people of one name can stand in one seat: the party tells them apart.
        party = f"{found[0].party_label}, " if found[0].party_label else ""
        return f"{catalog.people[entity_id].name} ({party}{_seat_name(catalog, found[0])})"
    return catalog.name_of(key)


def not_held(catalog: Catalog, asked: str = "") -> Answer:
    """What the data cannot answer (ages, ministers, postcodes), and what it can."""
    about = f" (“{asked}”)" if asked else ""
    held = catalog.provenance.holds()
    return Answer(
        Status.NOT_FOUND,
        (
            paragraph(
                catalog.provenance.lacks(
                    f"give that{about}: no ages, jobs, ministers, future elections, postcodes "
                    "or campaign spending."
                )
            ),
            paragraph(f"What I do have: {held}."),
        ),
        headline="Not in my sources",
    )


def who_is_meant(kind: Kind) -> Answer:
    """'Who beat him?' before anyone was asked about: ask, rather than guess."""
    person = kind is Kind.PERSON
    example = "who beat Liz Truss?" if person else "who came second in Clacton?"
    whom = "Who do you mean?" if person else "Which seat do you mean?"
    return Answer(
        Status.NOT_FOUND,
        (paragraph(f"{whom} Name them first, for example “{example}”"),),
        headline=whom,
    )


def party_notes(catalog: Catalog, party_id: str) -> Answer:
    """What the sources say of a party in words: the article's sentences about it."""
    party = catalog.parties[party_id].name
    notes = catalog.notes.get(party_id, [])
    if not notes:
        lead = f"I keep no sentence about {party} as a party; ask about its candidates or seats."
        return Answer(Status.ANSWERED, (paragraph(lead),), headline=f"{party}: nothing said")
    return Answer(
        Status.ANSWERED,
        tuple(_what_is_said(catalog, notes)),
        headline=f"{party}: {len(notes)} sentences",
        entities=(party_key(party_id),),
        sources=catalog.sources_of([note.id for note in notes]),
    )


def _what_is_said(catalog: Catalog, notes: list[NoteFact]) -> list[Block]:
    """'The article says: “...”', a line for each sentence kept about an entity."""
    return [paragraph(f"{catalog.provenance.speaker(note)} says: “{note.quote}”") for note in notes]
