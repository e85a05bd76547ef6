"""Words shared by the answers across elections: a race's line, its boundaries, its sources."""

from __future__ import annotations

from datetime import date

from bot.engine.model.answer import Source
from bot.engine.results.elections import BY_ELECTION, Elections, Race
from bot.engine.results.outcomes import party_code
from bot.engine.results.sources import document_name, file_name
from bot.engine.wording.phrases import number, percent
from knowledge.schema import Candidacy, ElectionRecord


def day(iso: str) -> str:
    """'1 May 2025'."""
    when = date.fromisoformat(iso)
    return f"{when.day} {when.strftime('%B %Y')}"


def election_name(election: ElectionRecord) -> str:
    """'2019' for a general election, 'the by-election of 1 May 2025' for a by-election."""
    if election.kind == BY_ELECTION:
        return f"the by-election of {day(election.date)}"
    return election.date[:4]


def at_election(election: ElectionRecord) -> str:
    """'in 2019', 'at the by-election of 1 May 2025'."""
    if election.kind == BY_ELECTION:
        return f"at {election_name(election)}"
    return f"in {election.date[:4]}"


def sentence_start(text: str) -> str:
    """'The by-election of 5 May 2011': the first letter capital, the rest as it is."""
    return text[:1].upper() + text[1:]


def share(value: float) -> str:
    return percent(round(value, 1))


def candidate(elections: Elections, candidacy: Candidacy) -> str:
    """'Jeremy Corbyn (Labour)'; the party as the file names it where that says more
    ('Labour and Co-operative')."""
    return f"{candidacy.name} ({party_label(elections, candidacy)})"


def party_label(elections: Elections, candidacy: Candidacy) -> str:
    name = elections.party_name(candidacy.party)
    label = candidacy.party_label
    return label if label and label != name and name.lower() in label.lower() else name


def figures(candidacy: Candidacy) -> str:
    return f"{number(candidacy.votes)} votes ({share(candidacy.share)})"


def outcome(elections: Elections, race: Race) -> str:
    """'Reform UK gain from Labour', 'Labour hold': the Library's result in party names."""
    text = race.result.strip()
    lowered = text.lower()
    if " gain from " in lowered:
        at = lowered.index(" gain from ")
        winner, previous = text[:at], text[at + len(" gain from ") :]
        return f"{_party_of_code(elections, race, winner)} gain from " + _party_of_code(
            elections, race, previous
        )
    if lowered.endswith(" hold"):
        return f"{_party_of_code(elections, race, text[: -len(' hold')])} hold"
    return text


def _party_of_code(elections: Elections, race: Race, code: str) -> str:
    """The party a result code names; the candidates' own party first ('Lab' is Labour)."""
    standing = {c.party for c in race.candidates}
    code = party_code(code)
    named = [p for p in elections.parties.values() if p.abbreviation == code]
    named.sort(key=lambda p: p.id not in standing)
    return named[0].name if named else code


def boundaries(race: Race) -> str:
    """', on its old boundaries' for a seat of the 2010 boundaries; '' for a 2024 seat."""
    return ", on its old boundaries" if race.boundaries != 2024 else ""


def race_line(elections: Elections, race: Race) -> str:
    """'2019: Jeremy Corbyn (Labour), 34,603 votes (64.3%), Labour hold, majority 26,188'."""
    return (
        f"{sentence_start(election_name(race.election))}: {candidate(elections, race.winner)}, "
        f"{figures(race.winner)}; {outcome(elections, race)}, majority {number(race.majority)}"
    )


def sources(elections: Elections, races: list[Race], candidates: int = 2) -> tuple[Source, ...]:
    """The file and line of each race's figures: its seat's row and its first candidates'."""
    documents = elections.catalog.provenance.documents
    found: list[Source] = []
    for race in races:
        where = f"{race.name}, {election_name(race.election)}"
        if race.seat_row is not None and race.seat_row[0] in documents:
            source_id, line = race.seat_row
            text = (
                f"{where}: {race.result}, electorate {number(race.electorate)}, valid votes "
                f"{number(race.valid_votes)}, majority {number(race.majority)}"
            )
            found.append(_row_source(elections, source_id, line, text))
        if race.candidates_source in documents:
            for person in race.candidates[:candidates]:
                text = f"{where}: {person.name}, {person.party_label}, {number(person.votes)} votes"
                found.append(_row_source(elections, race.candidates_source, person.row, text))
    return tuple(found)


def candidacy_sources(
    elections: Elections, found: list[tuple[Race, Candidacy]]
) -> tuple[Source, ...]:
    """The file and line of each candidacy's own row."""
    documents = elections.catalog.provenance.documents
    return tuple(
        _row_source(
            elections,
            race.candidates_source,
            person.row,
            f"{race.name}, {election_name(race.election)}: {person.name}, "
            f"{person.party_label}, {number(person.votes)} votes",
        )
        for race, person in found
        if race.candidates_source in documents and race.candidates_source is not None
    )


def _row_source(elections: Elections, source_id: str, line: int, text: str) -> Source:
    document = elections.catalog.provenance.documents[source_id]
    return Source(
        f"{source_id}:{line}", text, document_name(document), False, file_name(document), line
    )


def totals_sources(elections: Elections, chosen: list[ElectionRecord]) -> tuple[Source, ...]:
    """The files a party's totals add up: each election's candidate file, every row."""
    documents = elections.catalog.provenance.documents
    found: dict[str, Source] = {}
    for election in chosen:
        races = elections.by_election_id.get(election.id, [])
        source_id = races[0].candidates_source if races else None
        if source_id is None or source_id not in documents or source_id in found:
            continue
        document = documents[source_id]
        found[source_id] = Source(
            source_id,
            f"every candidate's votes in {election_name(election)}, added up by party; "
            "the seats are the winners counted",
            document_name(document),
            False,
            file_name(document),
        )
    return tuple(found.values())
