"""A person across elections, linked only by the Member MNIS ID the files give (and, in the
2024-Parliament by-elections, the Democracy Club person ID): never by name."""

from __future__ import annotations

from bot.engine.answers.history.wording import (
    at_election,
    candidacy_sources,
    election_name,
    figures,
    outcome,
    party_label,
    sentence_start,
)
from bot.engine.model.answer import (
    Answer,
    BulletList,
    Paragraph,
    Status,
    bold,
    paragraph,
)
from bot.engine.results.catalog import person_key
from bot.engine.results.elections import Elections, Race
from bot.engine.wording.phrases import number, ordinal
from knowledge.schema import Candidacy, Person


def candidacies(elections: Elections, person: Person) -> list[tuple[Race, Candidacy]]:
    """Every race the person stood in, oldest first: by MNIS ID, else by DC ID, else the 2024
    result alone (a person with no ID is not linked to anyone earlier)."""
    index = elections.by_person_id
    found = list(index.get(f"person:{person.id}", []))
    if person.mnis_id is not None:
        found += index.get(f"mnis:{person.mnis_id}", [])
    unique = {(id(race), candidacy.row): (race, candidacy) for race, candidacy in found}
    return sorted(unique.values(), key=lambda pair: pair[0].election.date)


def _always(
    elections: Elections, person: Person, found: list[tuple[Race, Candidacy]], always: str
) -> Paragraph:
    """'No: Douglas Carswell stood for the Conservatives in 2010 and UKIP from 2014.'"""
    span = f"{found[0][0].year} to {found[-1][0].year}"
    if always in {"lost", "mp"}:  # "did he ever lose", "has he always been an MP"
        lost = [r for r, c in found if r.winner is not c]
        if lost:
            when = ", ".join(election_name(r.election) for r in lost)
            said = (
                f"{person.name} lost in {when}, and won {len(found) - len(lost)} of the "
                f"{len(found)} elections I hold them standing at."
            )
        else:
            said = (
                f"{person.name} won every election I hold them standing at ({len(found)}, {span})."
            )
        yes = bool(lost) if always == "lost" else not lost
        return paragraph(bold("Yes" if yes else "No"), f": {said}")
    others = [(r, c) for r, c in found if c.party != always]
    name = elections.party_name(always)
    if not others:
        return paragraph(
            bold("Yes"), f": {person.name} stood for {name} at every election I hold ({span})."
        )
    said = "; ".join(f"{party_label(elections, c)} {at_election(r.election)}" for r, c in others)
    return paragraph(bold("No"), f": {person.name} also stood for {said}.")


def _line(elections: Elections, race: Race, candidacy: Candidacy) -> str:
    place = race.candidates.index(candidacy) + 1
    if place == 1:
        how = f"won, {outcome(elections, race)}, majority {number(race.majority)}"
    else:
        how = f"came {ordinal(place)}, {number(race.winner.votes - candidacy.votes)} votes behind"
    where = f"{race.name}{' (old boundaries)' if race.boundaries != 2024 else ''}"
    return (
        f"{sentence_start(election_name(race.election))}: {where}, "
        f"{party_label(elections, candidacy)}, {figures(candidacy)}: {how}"
    )


def record(
    elections: Elections,
    person: Person,
    year: int | None,
    since: int | None,
    always: str | None = None,
    not_in_2024: bool = False,
    did_win: bool = False,
) -> Answer:
    """'Jeremy Corbyn stood at 5 elections from 2010 to 2024 and won every one.' then a line
    each; `year`: that year's only. `always`: "has X always been ..." asked, of a party id
    or "mp", answered Yes or No first."""
    found = candidacies(elections, person)
    if year is not None:
        found = [(r, c) for r, c in found if r.year == year]
    if since is not None:
        found = [(r, c) for r, c in found if r.year >= since]
    if not found:
        when = f"in {year}" if year is not None else f"since {since}" if since else "at all"
        linked = (
            "" if person.mnis_id or person.dc_id else
            " They have no MP's or Democracy Club ID in the results, so I cannot link them to "
            "earlier elections by name alone."
        )  # fmt: skip
        return Answer(
            Status.NOT_FOUND,
            (paragraph(f"I have no result for {person.name} {when}.{linked}"),),
            headline=f"{person.name}: no result {when}",
        )
    won = sum(1 for race, c in found if race.winner is c)
    years = sorted({race.year for race, _ in found})
    if len(found) == 1:
        race, candidacy = found[0]
        place = race.candidates.index(candidacy) + 1
        old = " (old boundaries)" if race.boundaries != 2024 else ""
        did = f"won {race.name}" if place == 1 else f"came {ordinal(place)} in {race.name}"
        how = (
            f"{outcome(elections, race)}, majority {number(race.majority)}"
            if place == 1
            else f"{number(race.winner.votes - candidacy.votes)} votes behind the winner"
        )
        said = (
            f" {did} {at_election(race.election)}{old} for "
            f"{party_label(elections, candidacy)}, with {figures(candidacy)}: {how}."
        )
    else:
        wins = "won every one" if won == len(found) else f"won {won}"
        said = f" stood at {len(found)} elections from {years[0]} to {years[-1]} and {wins}:"
    if not_in_2024:  # "did Theresa May win": not in 2024, said first
        said = f" did not stand at the 2024 general election. {person.name}{said}"
    first = paragraph(bold(person.name), said)
    if did_win and len(found) == 1:  # "did she win in 2017": Yes or No first
        won = found[0][0].winner is found[0][1]
        first = paragraph(bold("Yes" if won else "No"), ": ", bold(person.name), said)
    if always is not None:
        first = _always(elections, person, found, always)
    lines = BulletList(tuple(paragraph(_line(elections, r, c)) for r, c in found))
    blocks = (first,) if len(found) == 1 and always is None else (first, lines)
    return Answer(
        Status.ANSWERED,
        blocks,
        headline=f"{person.name}: {len(found)} results",
        entities=(person_key(person.id),),
        sources=candidacy_sources(elections, found),
    )
