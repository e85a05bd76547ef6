"""A seat across elections: its result in a year, its record since 2010, who holds it now."""

from __future__ import annotations

from bot.engine.answers.history.charts import seat_winners
from bot.engine.answers.history.wording import (
    at_election,
    boundaries,
    candidate,
    day,
    election_name,
    figures,
    outcome,
    race_line,
    sources,
)
from bot.engine.model.answer import (
    Answer,
    BulletList,
    CandidateRow,
    CandidateTable,
    Paragraph,
    Status,
    bold,
    paragraph,
)
from bot.engine.model.keys import Key
from bot.engine.results.catalog import person_key, seat_key
from bot.engine.results.elections import Elections, Race
from bot.engine.wording.phrases import number
from knowledge.schema import Candidacy, Person

SHOWN_FROM = 0.005  # a seat with less than half a percent of the people is not named


def race_answer(elections: Elections, race: Race) -> Answer:
    """'Jeremy Corbyn (Labour) won Islington North in 2019 with 34,603 votes (64.3%), on its
    old boundaries.' then its outcome, majority, turnout and every candidate."""
    winner = race.winner
    first = paragraph(
        bold(candidate(elections, winner)),
        f" won {race.name} {at_election(race.election)} with {figures(winner)}{boundaries(race)}.",
    )
    turnout = 100 * race.valid_votes / race.electorate if race.electorate else 0.0
    detail = paragraph(
        f"{outcome(elections, race)}, majority {number(race.majority)}. Turnout "
        f"{turnout:.1f}% ({number(race.valid_votes)} valid votes from an electorate of "
        f"{number(race.electorate)})."
    )
    table = CandidateTable(
        tuple(
            CandidateRow(c.name, c.party_label, c.votes, round(c.share, 1), place, c.elected)
            for place, c in enumerate(race.candidates, start=1)
        )
    )
    blocks: tuple[Paragraph | CandidateTable, ...] = (first, detail, table)
    return Answer(
        Status.ANSWERED,
        blocks,
        headline=f"{race.name} {election_name(race.election)}: {winner.name}",
        entities=(*_seat_entities(elections, race), *_winner_entity(elections, race)),
        sources=sources(elections, [race], candidates=len(race.candidates)),
    )


def record_answer(
    elections: Elections,
    name: str,
    races: list[Race],
    party: str | None,
    person: Person | None = None,
    ever: bool = False,
) -> Answer:
    """Every result of a seat, one line each; `party`: 'has it always been Labour', `person`:
    'has Farage always been its MP', answered Yes or No first; `ever`: 'has Reform ever won
    it', Yes where any was. The seats of the 2010 boundaries and the 2024 seat are told apart."""
    lines = [paragraph(race_line(elections, race)) for race in races]
    old = [r for r in races if r.boundaries != 2024]
    new = [r for r in races if r.boundaries == 2024]
    first: Paragraph
    if person is not None or party is not None:
        if person is not None:
            who = person.name
            theirs = [r for r in races if _is(person, r.winner)]
        else:
            assert party is not None
            who = elections.party_name(party)
            theirs = [r for r in races if r.winner.party == party]
        others = [r for r in races if r not in theirs]
        won = _won_at(who, theirs) if theirs else f"{who} never won it"
        if ever:  # "has Reform ever won Clacton"
            said = f"{won} ({_span(races)})" if not theirs or not others else won
            first = paragraph(bold("Yes" if theirs else "No"), f": {said}.")
        elif not others:
            first = paragraph(
                bold("Yes"), f": {who} won {name} at every election I hold ({_span(races)})."
            )
        else:
            first = paragraph(bold("No"), f": {won}; {_others(elections, others)}.")
    else:
        winners = {r.winner.party for r in races}
        if len(winners) == 1:
            said = f"{elections.party_name(next(iter(winners)))} won it every time"
        else:
            said = f"{len(winners)} parties have won it"
        first = paragraph(bold(name), f": {len(races)} results from {_span(races)}; {said}.")
    notes = []
    if old and new:
        notes.append(
            paragraph(
                f"{old[-1].year} and before: the seat of that name on the 2010 boundaries; "
                f"from {new[0].year}: the 2024 seat, on new boundaries."
            )
        )
    found = sources(elections, races, candidates=1)
    return Answer(
        Status.ANSWERED,
        (first, BulletList(tuple(lines)), *notes),
        headline=f"{name}: results since {races[0].year}",
        entities=_seat_entities(elections, races[-1]),
        sources=found,
        chart=seat_winners(elections, name, races, found),
    )


def _is(person: Person, candidacy: Candidacy) -> bool:
    """The same person only by an ID: the 2024 person linked, or the MNIS ID."""
    return candidacy.person == person.id or (
        person.mnis_id is not None and candidacy.mnis_id == person.mnis_id
    )


def _span(races: list[Race]) -> str:
    return f"{races[0].year} to {races[-1].year}" if len(races) > 1 else str(races[0].year)


def _won_at(party_name: str, held: list[Race]) -> str:
    years = [election_name(r.election) for r in held]
    listed = years[0] if len(years) == 1 else ", ".join(years[:-1]) + " and " + years[-1]
    return f"{party_name} won it in {listed}"


def _others(elections: Elections, races: list[Race]) -> str:
    said = [
        f"{at_election(r.election)} {candidate(elections, r.winner)} won it"
        f"{' (' + outcome(elections, r) + ')' if r.gain else ''}"
        f"{', on new boundaries' if r.boundaries == 2024 and r.election.kind == 'general' else ''}"
        for r in races
    ]
    return "; ".join(said)


def predecessors_answer(
    elections: Elections, seat: str, name: str, year: int, general_year: bool
) -> Answer:
    """A 2024 seat with no namesake on the 2010 boundaries, asked about an earlier year: the
    older seats its people came from, with their results that year."""
    shown = [p for p in elections.predecessors.get(seat, []) if p.population >= SHOWN_FROM]
    election = elections.general(year) if general_year else None
    lines = []
    races = []
    for predecessor in shown:
        race = None
        if election is not None:
            race = next(
                (r for r in elections.by_election_id[election.id] if r.name == predecessor.name),
                None,
            )
        won = (
            f": {candidate(elections, race.winner)} won it, majority {number(race.majority)}"
            if race
            else ""
        )
        if race is not None:
            races.append(race)
        lines.append(
            paragraph(
                bold(predecessor.name),
                f" ({round(100 * predecessor.population)}% of its people){won}",
            )
        )
    first = paragraph(
        bold(name),
        f" was not a seat in {year}: it was first fought in 2024, on new boundaries. Its people "
        f"were in {'this seat' if len(shown) == 1 else 'these seats'} of the 2010 boundaries"
        f"{' in ' + str(year) if election else ''}:",
    )
    return Answer(
        Status.ANSWERED,
        (first, BulletList(tuple(lines))),
        headline=f"{name}: not a seat in {year}",
        entities=(seat_key(seat),),
        sources=sources(elections, races, candidates=1),
    )


def current_mp(
    elections: Elections, race: Race, at_2024: Race | None, asked_about: Person | None = None
) -> Answer:
    """The MP now, after a by-election: 'Sarah Pochin (Reform UK), since the by-election of
    1 May 2025 (Reform UK gain from Labour, majority 6)'; `asked_about`: "is Mike Amesbury
    the MP for Runcorn", answered Yes or No first."""
    winner = race.winner
    said = (
        f" is the MP for {race.name}, since {election_name(race.election)} "
        f"({outcome(elections, race)}, majority {number(race.majority)})."
    )
    if asked_about is None:
        first = paragraph(bold(candidate(elections, winner)), said)
    else:
        yes = _is(asked_about, winner)
        first = paragraph(bold("Yes" if yes else "No"), f": {candidate(elections, winner)}{said}")
    blocks: list[Paragraph] = [first]
    if at_2024 is not None:
        blocks.append(
            paragraph(
                f"At the 2024 general election it elected {candidate(elections, at_2024.winner)}:"
                f" {outcome(elections, at_2024)}, majority {number(at_2024.majority)}."
            )
        )
    return Answer(
        Status.ANSWERED,
        tuple(blocks),
        headline=f"{race.name}: {winner.name} since {day(race.election.date)}",
        entities=_seat_entities(elections, race),
        sources=sources(elections, [race, *([at_2024] if at_2024 else [])], candidates=1),
    )


def still_mp(elections: Elections, race: Race, person: Person) -> Answer:
    """'is Keir Starmer still an MP', where no by-election has been held since 2024: Yes if
    they won the seat then, with no later result to say otherwise."""
    won = _is(person, race.winner)
    first = paragraph(
        bold("Yes" if won else "No"),
        f": {candidate(elections, race.winner)} won {race.name} at the 2024 general election "
        f"({outcome(elections, race)}, majority {number(race.majority)}), and I hold no "
        "by-election there since.",
    )
    return Answer(
        Status.ANSWERED,
        (first,),
        headline=f"{race.name}: {race.winner.name}",
        entities=_seat_entities(elections, race),
        sources=sources(elections, [race], candidates=1),
    )


def since_then(elections: Elections, race: Race) -> Paragraph:
    """The line under a 2024 answer about a seat that has had a by-election since."""
    return paragraph(
        bold("Since then: "),
        f"{candidate(elections, race.winner)} won {election_name(race.election)}: "
        f"{outcome(elections, race)}, majority {number(race.majority)}.",
    )


def _winner_entity(elections: Elections, race: Race) -> tuple[Key, ...]:
    """The winner, where the knowledge has them as a person: "did she win last time" then
    asks of them."""
    person = race.winner.person
    return (person_key(person),) if person and person in elections.catalog.people else ()


def _seat_entities(elections: Elections, race: Race) -> tuple[Key, ...]:
    """The 2024 seat of the race's name, where there is one: "there" then means it."""
    return (seat_key(race.seat),) if race.seat in elections.catalog.seats else ()


def mp_before(
    elections: Elections, name: str, races: list[Race], person: Person | None = None
) -> Answer:
    """'Before Nigel Farage, the MP for Clacton was Giles Watling (Conservative), elected in
    2019, on its old boundaries': the last winner before the MP now, or before `person` first
    won it ("the MP before Carswell")."""
    if person is not None:
        theirs = [i for i, r in enumerate(races) if _is(person, r.winner)]
        if not theirs:
            said = f"{person.name} has not won {name} at any election I hold."
            return Answer(Status.NOT_FOUND, (paragraph(said),), headline=f"{name}: not theirs")
        races = races[: theirs[0] + 1]
    current = races[-1].winner
    earlier = [r for r in races if not _same_person(r.winner, current)]
    if not earlier:
        said = (
            f"{candidate(elections, current)} won {name} at the first election I hold "
            f"({races[0].year}), and my results start then: I hold no MP before them."
            if person is not None or len(races) == 1
            else f"{candidate(elections, current)} has won {name} at every election I hold "
            f"({_span(races)}), so I hold no MP before them."
        )
        return Answer(Status.NOT_FOUND, (paragraph(said),), headline=f"{name}: no MP before")
    race = earlier[-1]
    first = paragraph(
        f"Before {current.name}, the MP for {name} was ",
        bold(candidate(elections, race.winner)),
        f", elected {at_election(race.election)}{boundaries(race)} "
        f"({outcome(elections, race)}, majority {number(race.majority)}).",
    )
    return Answer(
        Status.ANSWERED,
        (first,),
        headline=f"{name}: the MP before {current.name}",
        entities=_seat_entities(elections, races[-1]),
        sources=sources(elections, [race], candidates=1),
    )


def _same_person(a: Candidacy, b: Candidacy) -> bool:
    """One person by an ID the files give, or, with no ID, by the same name in the same seat."""
    if a.person is not None and a.person == b.person:
        return True
    if a.mnis_id is not None and a.mnis_id == b.mnis_id:
        return True
    return a.name == b.name
