"""Answers about a person: who they are, their votes, share, finish, words, change."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot.engine.answers.blocks import (
    candidate_table,
    discrepancy_notes,
    result_line,
    seat_chart_of,
    seat_sources,
)
from bot.engine.model.answer import (
    Answer,
    Block,
    BulletList,
    Paragraph,
    Quotation,
    Status,
    bold,
    paragraph,
)
from bot.engine.model.keys import Key
from bot.engine.results.catalog import Catalog, person_key, seat_key
from bot.engine.wording.phrases import (
    capitalised,
    change_points,
    number,
    ordinal,
    outcome_phrase,
    percent,
    votes,
    with_party,
)
from knowledge.schema import CandidateResult


def _result(catalog: Catalog, person_id: str) -> CandidateResult | None:
    found = catalog.results_by_person.get(person_id, [])
    return found[0] if found else None


def _entities(catalog: Catalog, person_id: str) -> tuple[Key, ...]:
    result = _result(catalog, person_id)
    seat = (seat_key(result.seat),) if result and result.seat else ()
    return (person_key(person_id), *seat)


def facts_about(catalog: Catalog, person_id: str) -> list[str]:
    result = _result(catalog, person_id)
    ids = list(result.facts) if result else []
    ids += [f.id for f in catalog.roles.get(person_id, [])]
    if person_id in catalog.changes:
        ids.append(catalog.changes[person_id].id)
    return ids


def _answer(
    catalog: Catalog,
    person_id: str,
    blocks: Sequence[Block],
    headline: str,
    facts: list[str],
    charted: bool = True,
) -> Answer:
    """A person answer, with any figure the article gives differently noted at the end, and
    (charted) their seat's chart with them marked."""
    result = _result(catalog, person_id)
    subjects = [result.id] if result else []
    notes = discrepancy_notes(catalog, subjects)
    facts = facts + [d.id for d in catalog.discrepancies_about(subjects)]
    chart = None
    if charted and result is not None and result.seat is not None:
        seat_facts = catalog.sources_of(seat_sources(catalog, result.seat))
        chart = seat_chart_of(catalog, result.seat, seat_facts, asked_about=person_id)
    return Answer(
        Status.ANSWERED,
        (*blocks, *notes),
        headline=headline,
        entities=_entities(catalog, person_id),
        sources=catalog.sources_of(facts),
        chart=chart,
    )


def _who(catalog: Catalog, person_id: str) -> str:
    return catalog.people[person_id].name


def overview(catalog: Catalog, person_id: str) -> Answer:
    name = _who(catalog, person_id)
    blocks: list[Block] = []
    roles = catalog.roles.get(person_id, [])
    if roles:
        blocks.append(paragraph(bold(name), ": ", "; ".join(r.role for r in roles) + "."))
    result = _result(catalog, person_id)
    if result is not None:
        blocks.append(result_line(catalog, result))
        if result.seat is None:
            blocks.append(paragraph(catalog.provenance.lacks("name the seat.")))
    change = article_change_line(catalog, person_id)
    if change:
        blocks.append(change)
    notes = catalog.notes.get(person_id, [])
    blocks += [
        paragraph(f"{catalog.provenance.speaker(note)}: “{note.quote}”")
        for note in notes
        if result is None
    ]
    said = catalog.said.get(person_id, [])
    if said:
        speaker = catalog.provenance.speaker(said[0])
        blocks.append(paragraph(f"{speaker} quotes {name}: ask “what did {name} say?”"))
    if not blocks:  # no result, role, note or words: an MP of the earlier elections alone
        blocks.append(
            paragraph(bold(name), f" did not stand at the {catalog.knowledge.election.name}.")
        )
    gist = outcome_phrase(catalog, result) if result else (roles[0].role if roles else "mentioned")
    facts = facts_about(catalog, person_id) + [n.id for n in notes]
    return _answer(catalog, person_id, blocks, f"{name}: {gist}", facts)


def _not_given(catalog: Catalog, person_id: str, what: str, short: str) -> Answer:
    """The sources lack this figure for them: say so, then what they do say."""
    name = _who(catalog, person_id)
    result = _result(catalog, person_id)
    blocks: list[Block] = [paragraph(catalog.provenance.lacks(f"give {name}’s {what}."))]
    if result is not None:
        blocks.append(paragraph("What I do have: ", *result_line(catalog, result).spans))
    return _answer(
        catalog, person_id, blocks, f"{name}: {short} not given", facts_about(catalog, person_id)
    )


def votes_answer(catalog: Catalog, person_id: str) -> Answer:
    name = _who(catalog, person_id)
    result = _result(catalog, person_id)
    if result is None or result.votes is None:
        return _not_given(catalog, person_id, "vote", "votes")
    where = f" in {catalog.seats[result.seat].name}" if result.seat else ""
    share = f" ({percent(result.share)} of the vote)" if result.share is not None else ""
    blocks = [paragraph(bold(name), f" got {votes(result.votes)}{where}{share}.")]
    change = article_change_line(catalog, person_id)
    if change:
        blocks.append(change)
    # What the first line left out, and only that: the party and what happened.
    blocks.append(paragraph(f"{with_party(catalog, result)} {outcome_phrase(catalog, result)}."))
    return _answer(
        catalog,
        person_id,
        blocks,
        f"{name}: {votes(result.votes)}",
        facts_about(catalog, person_id),
    )


def share_answer(catalog: Catalog, person_id: str) -> Answer:
    name = _who(catalog, person_id)
    result = _result(catalog, person_id)
    if result is None or result.share is None:
        return _not_given(catalog, person_id, "share of the vote", "share")
    where = f" in {catalog.seats[result.seat].name}" if result.seat else ""
    count = f" ({votes(result.votes)})" if result.votes is not None else ""
    blocks: list[Block] = [
        paragraph(bold(name), f" won {percent(result.share)} of the vote{where}{count}.")
    ]
    blocks += figures_stated(catalog, result)
    return _answer(
        catalog,
        person_id,
        blocks,
        f"{name}: {percent(result.share)}",
        facts_about(catalog, person_id),
    )


def figures_stated(catalog: Catalog, result: CandidateResult) -> list[Block]:
    """Another share a source states for the same result, quoted: 'The article also says 41
    percent.'"""
    stated = [
        f for f in catalog.result_facts(result) if f.share is not None and f.share != result.share
    ]
    blocks: list[Block] = []
    for other in (f for f in stated if f.quote is not None):
        qualifier = f"{other.share_qualifier} " if other.share_qualifier else ""
        speaker = catalog.provenance.speaker(other)
        blocks.append(paragraph(f"{speaker} also says {qualifier}{other.share:g} percent."))
    return blocks


def finish_answer(catalog: Catalog, person_id: str, asked_place: int | None = None) -> Answer:
    """Where they finished; with asked_place ('did X come second?' or 'did X win?') a yes/no."""
    name = _who(catalog, person_id)
    result = _result(catalog, person_id)
    if result is None:
        text = catalog.provenance.lacks(f"say {name} stood in this election.")
        answer = overview(catalog, person_id)
        return Answer(
            Status.ANSWERED,
            (paragraph(text), *answer.blocks),
            f"{name}: not a candidate",
            answer.entities,
            sources=answer.sources,
        )
    blocks: list[Block] = []
    if asked_place is not None:
        blocks.append(paragraph(_yes_no(catalog, result, asked_place)))
    blocks.append(result_line(catalog, result))
    facts = facts_about(catalog, person_id)
    if result.seat is not None:
        blocks.append(candidate_table(catalog, catalog.results_by_seat[result.seat]))
        facts += seat_sources(catalog, result.seat)
    else:
        blocks.append(paragraph(catalog.provenance.lacks("name the seat.")))
    gist = outcome_phrase(catalog, result)
    return _answer(catalog, person_id, blocks, f"{name}: {gist}", facts)


def _yes_no(catalog: Catalog, result: CandidateResult, asked_place: int) -> str:
    """'Yes.' or 'No.', then in the same line what happened: whom they beat or lost to."""
    if asked_place == 1:
        if result.elected is None:
            return catalog.provenance.lacks("say.")
        return ("Yes. " if result.elected else "No. ") + what_happened(catalog, result)
    if result.place is None:
        return catalog.provenance.lacks(f"say whether they came {ordinal(asked_place)}.")
    answer = "Yes." if result.place == asked_place else "No."
    return f"{answer} {capitalised(catalog.candidate_name(result))} came {ordinal(result.place)}."


def what_happened(catalog: Catalog, result: CandidateResult) -> str:
    """'Nigel Farage won Clacton by 8,405 votes.'; 'Liz Truss came second in South West
    Norfolk, 630 votes behind Terry Jermy (Labour).'"""
    name = capitalised(catalog.candidate_name(result))
    if result.seat is None:
        return f"{name} {outcome_phrase(catalog, result)}."
    seat = catalog.seats[result.seat].name
    if result.elected:
        margin = catalog.majority_of(result.seat)
        return f"{name} won {seat}" + (f" by {votes(margin.votes)}." if margin else ".")
    winner = catalog.winner(result.seat)
    if winner is None or winner.votes is None or result.votes is None:
        return f"{name} {outcome_phrase(catalog, result)}."
    where = f"came {ordinal(result.place)} in {seat}" if result.place else f"lost in {seat}"
    return (
        f"{name} {where}, {votes(winner.votes - result.votes)} behind "
        f"{with_party(catalog, winner)}."
    )


def said_answer(catalog: Catalog, person_id: str) -> Answer:
    name = _who(catalog, person_id)
    said = catalog.said.get(person_id, [])
    if not said:
        answer = overview(catalog, person_id)
        lead = paragraph(catalog.provenance.lacks(f"quote any words of {name}’s."))
        return Answer(
            Status.ANSWERED,
            (lead, *answer.blocks),
            f"{name}: no quotes",
            answer.entities,
            sources=answer.sources,
        )
    blocks: list[Block] = [Quotation(tuple(fact.words), fact.speaker or name) for fact in said]
    quoted = [f.id for f in said]
    return _answer(catalog, person_id, blocks, f"{name}: {len(said)} quotes", quoted, False)


def article_change_line(catalog: Catalog, person_id: str) -> Paragraph | None:
    change = catalog.changes.get(person_id)
    if change is None:
        return None
    direction = "down" if change.change < 0 else "up"
    return paragraph(
        f"By the article’s figures, {_who(catalog, person_id)} got {number(change.votes_before)} "
        f"in {change.from_year} and {number(change.votes_after)} in {change.to_year}: ",
        bold(f"{direction} {number(abs(change.change))} ({abs(change.percent_change):g}%)"),
        ".",
    )


def change_answer(catalog: Catalog, person_id: str) -> Answer:
    name = _who(catalog, person_id)
    line = article_change_line(catalog, person_id)
    result = _result(catalog, person_id)
    if line is None and result is not None and result.change is not None and result.seat:
        seat = catalog.seats[result.seat].name
        shared = f"{percent(result.share)} of the vote" if result.share is not None else "a share"
        blocks = [
            paragraph(
                bold(name), f" won {shared} in {seat}: ", bold(change_points(result.change)), "."
            ),
            paragraph(
                catalog.provenance.lacks(f"give {name}’s 2019 vote, only the change in share.")
            ),
        ]
        return _answer(
            catalog, person_id, blocks, f"{name}: {change_points(result.change)}",
            facts_about(catalog, person_id),
        )  # fmt: skip
    if line is None:
        lead = paragraph(
            catalog.provenance.lacks(f"give an earlier result for {name} to compare with.")
        )
        answer = overview(catalog, person_id)
        return Answer(
            Status.ANSWERED,
            (lead, *answer.blocks),
            f"{name}: no earlier result",
            answer.entities,
            sources=answer.sources,
        )
    change = catalog.changes[person_id]
    return _answer(
        catalog,
        person_id,
        [line],
        f"{name}: {change.change:+,} votes since {change.from_year}",
        [change.id],
    )


def compare_answer(catalog: Catalog, first_id: str, second_id: str) -> Answer:
    first, second = _result(catalog, first_id), _result(catalog, second_id)
    names = (_who(catalog, first_id), _who(catalog, second_id))
    blocks: list[Block] = []
    for person_id, result in ((first_id, first), (second_id, second)):
        if result is None:
            who = _who(catalog, person_id)
            blocks.append(paragraph(catalog.provenance.lacks(f"give a result for {who}.")))
        else:
            blocks.append(result_line(catalog, result))
    headline = f"{names[0]} v {names[1]}"
    if first and second and first.votes is not None and second.votes is not None:
        ahead, behind = (first, second) if first.votes >= second.votes else (second, first)
        assert ahead.votes is not None
        assert behind.votes is not None
        gap = ahead.votes - behind.votes
        blocks.insert(
            0,
            paragraph(
                bold(capitalised(catalog.candidate_name(ahead))),
                f" got {votes(gap)} more than {catalog.candidate_name(behind)} "
                f"({number(ahead.votes)} to {number(behind.votes)}).",
            ),
        )
        headline = (
            f"{catalog.candidate_name(ahead)} +{number(gap)} over {catalog.candidate_name(behind)}"
        )
    elif first and second:
        blocks.append(
            paragraph(catalog.provenance.lacks("give both their votes, so I cannot compare them."))
        )
    facts = facts_about(catalog, first_id) + facts_about(catalog, second_id)
    facts += [c.id for c in catalog.comparisons if _compares(c.higher, c.lower, first, second)]
    return Answer(
        Status.ANSWERED,
        tuple(blocks),
        headline=headline,
        entities=(person_key(first_id), person_key(second_id)),
        sources=catalog.sources_of(facts),
    )


def _compares(
    higher: str, lower: str, first: CandidateResult | None, second: CandidateResult | None
) -> bool:
    """Whether a stated comparison is between these two results."""
    wanted = {fid for r in (first, second) if r for fid in r.facts}
    return higher in wanted and lower in wanted


def lost_answer(catalog: Catalog, person_id: str, who: bool) -> Answer:
    """'Did Liz Truss lose?': yes or no, to whom and by how much; 'who beat Liz Truss?': the
    winner first."""
    name = _who(catalog, person_id)
    result = _result(catalog, person_id)
    if result is None or result.seat is None or result.elected is None:
        return finish_answer(catalog, person_id)
    seat = catalog.seats[result.seat].name
    winner = catalog.winner(result.seat)
    facts = facts_about(catalog, person_id) + seat_sources(catalog, result.seat)
    if result.elected:
        margin = catalog.majority_of(result.seat)
        by = f" by {votes(margin.votes)}" if margin else ""
        said = f"{'Nobody' if who else 'No'}: {name} won {seat}{by}."
        return _answer(catalog, person_id, [paragraph(said)], f"{name}: won", facts)
    if winner is None or winner.votes is None or result.votes is None:
        # They lost, but the sources do not say to whom: say so, with what they do say.
        answer = finish_answer(catalog, person_id)
        lead = paragraph(f"Yes: {name} did not win {seat}.")
        if who:
            lead = paragraph(catalog.provenance.lacks(f"say who beat {name} in {seat}."))
        return replace(answer, blocks=(lead, *answer.blocks))
    gap = votes(winner.votes - result.votes)
    beaten_by = with_party(catalog, winner)
    if who:
        lead = paragraph(bold(capitalised(beaten_by)), f" beat {name} in {seat} by {gap}.")
    else:
        pronoun = {"Female": "she", "Male": "he"}.get(result.gender or "", name)
        lead = paragraph(f"Yes: {pronoun} lost {seat} to ", bold(beaten_by), f" by {gap}.")
    blocks: list[Block] = [
        lead,
        result_line(catalog, result),
        candidate_table(catalog, catalog.results_by_seat[result.seat]),
    ]
    return _answer(catalog, person_id, blocks, f"{name}: lost to {beaten_by}", facts)


def beaten_by_them(catalog: Catalog, person_id: str) -> Answer:
    """'Who did Farage beat?': everyone who finished below them in their seat, the nearest
    first; never 'nobody' for a winner, which answers 'who beat Farage?' instead."""
    name = _who(catalog, person_id)
    result = _result(catalog, person_id)
    if result is None or result.seat is None or result.votes is None:
        return finish_answer(catalog, person_id)
    seat = catalog.seats[result.seat].name
    below = sorted(
        (r for r in catalog.results_by_seat[result.seat]
         if r.votes is not None and r.votes < result.votes),
        key=lambda r: -(r.votes or 0),
    )  # fmt: skip
    facts = facts_about(catalog, person_id) + seat_sources(catalog, result.seat)
    if not below:
        said = f"Nobody: {name} finished last in {seat}."
        return _answer(catalog, person_id, [paragraph(said)], f"{name}: beat nobody", facts)
    nearest = below[0]
    gap = votes(result.votes - (nearest.votes or 0))
    rivals = len(catalog.results_by_seat[result.seat]) - 1
    beaten = f"all {rivals}" if len(below) == rivals else f"{len(below)} of the {rivals}"
    other = "other candidate" if rivals == 1 else "other candidates"
    lead = paragraph(
        f"{with_party(catalog, result)} finished ahead of {beaten} {other} in {seat}; the "
        "nearest, ", bold(with_party(catalog, nearest)), f", by {gap}.",
    )  # fmt: skip
    items = tuple(paragraph(f"{with_party(catalog, r)}: {votes(r.votes or 0)}") for r in below[:10])
    return _answer(
        catalog, person_id, [lead, BulletList(items)], f"{name} beat {len(below)}", facts
    )
