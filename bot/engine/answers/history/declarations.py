"""When the seats of an earlier general election declared, as the Library's files give it: a
seat's declaration, the first or last of them (every seat of a tie named), or each of the
seats a town names."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.answers.history.seats import race_answer
from bot.engine.answers.history.wording import at_election, boundaries, election_name
from bot.engine.answers.scope import COMPASS_NAMES
from bot.engine.answers.tally import LIST_LENGTH
from bot.engine.answers.timed import (
    Timed,
    at_place,
    joined,
    listed,
    place_words,
    sources_of,
    tie,
)
from bot.engine.model.answer import Answer, BulletList, Paragraph, Source, Status, bold, paragraph
from bot.engine.results.catalog import seat_key
from bot.engine.results.elections import BY_ELECTION, Elections, Race
from bot.engine.results.sources import document_name, file_name
from bot.engine.understanding.intents import LAST_PLACE
from bot.engine.understanding.text import phrase
from bot.engine.wording.times import at_time
from knowledge.schema import ElectionRecord


def race_declared(elections: Elections, race: Race) -> Answer:
    """'Clacton declared at 03:05 on 13 December 2019, on its old boundaries.', then who won."""
    answer = race_answer(elections, race)
    if race.declared is None:
        files = "by-election file" if race.election.kind == BY_ELECTION else "file"
        files += " leaves its declaration time empty"
        said = (
            f"I don’t know when {race.name} declared {at_election(race.election)}: the "
            f"Library’s {files}."
        )
        return replace(
            answer, status=Status.NOT_FOUND, blocks=(paragraph(said), *answer.blocks[:1])
        )
    lead = paragraph(bold(race.name), f" declared at {at_time(race.declared)}{boundaries(race)}.")
    return replace(
        answer,
        blocks=(lead, *answer.blocks[:1]),  # the time, then who won
        headline=f"{race.name} {election_name(race.election)}: declared {at_time(race.declared)}",
        sources=(*_timed(elections, race).sources, *answer.sources[1:2]),  # and the winner
    )


def in_order(
    elections: Elections,
    election: ElectionRecord,
    place: int | None,
    region: str | None = None,
    asked: Race | None = None,
    yes_no: bool = False,
) -> Answer:
    """The first (or last, or Nth) seat to declare at a general election, in a nation or
    region if one is named; `asked`: a seat asked about beside it ("was Clacton the first")."""
    place = place or 1
    races = elections.by_election_id.get(election.id, [])
    if region is not None:
        seats = elections.seats_in(election, {region})
        races = [r for r in races if r.seat in seats]
    year = election_name(election)
    where = f" in {_named(region)}" if region else ""
    timed = [_timed(elections, r) for r in races if r.declared is not None]
    group = at_place(timed, place)
    if not group:
        said = f"I have declaration times for {len(timed)} seats{where} in {year}."
        return Answer(Status.NOT_FOUND, (paragraph(said),), headline="Not that many")
    plural = len(group) > 1
    lead = paragraph(
        f"The {place_words(place)} seat{'s' if plural else ''} to declare{where} in {year} "
        f"{'were' if plural else 'was'} ", bold(joined([t.name for t in group])),
        f", {tie(group)} {at_time(group[0].when)}.",
    )  # fmt: skip
    blocks: list[Paragraph | BulletList] = [lead]
    extra: list[Timed] = []
    if asked is not None:
        mine = _timed(elections, asked) if asked.declared is not None else None
        if yes_no and mine is not None:
            blocks.insert(0, paragraph("Yes." if mine.when == group[0].when else "No."))
        if mine is not None and mine.when != group[0].when:
            blocks.append(paragraph(f"{asked.name} declared at {at_time(mine.when)}."))
            extra.append(mine)
    untimed = len(races) - len(timed)
    if untimed:
        blocks.append(paragraph(f"The Library’s file gives no declaration time for {untimed} "
                                f"seat{'s' if untimed > 1 else ''}{where}."))  # fmt: skip
    latest_first = place == LAST_PLACE
    shown = min(LIST_LENGTH, len(timed))
    blocks += [
        paragraph(f"The {'last' if latest_first else 'first'} {shown} of {len(timed)} seats "
                  f"to declare{where} in {year}:"),
        listed(timed, latest_first, LIST_LENGTH),
    ]  # fmt: skip
    return Answer(
        Status.ANSWERED,
        tuple(blocks),
        headline=f"{place_words(place).capitalize()} to declare{where} in {year}: "
        + joined([t.name for t in group]),
        entities=tuple(key for t in group for key in t.keys),
        sources=sources_of([*group, *extra]),
    )


def town_seats(elections: Elections, election: ElectionRecord, town: str) -> Answer:
    """'when did Sunderland declare in 2019': each seat of that year with the town in its
    name, with its time; none is guessed to be the one meant."""
    words = f" {phrase(town)} "
    races = [
        r for r in elections.by_election_id.get(election.id, [])
        if words in f" {phrase(r.name)} "
    ]  # fmt: skip
    year = election_name(election)
    if not races:
        said = f"No seat had {town} in its name in {year}."
        return Answer(Status.NOT_FOUND, (paragraph(said),), headline=said)
    items = tuple(
        paragraph(
            bold(r.name),
            f": {at_time(r.declared)}" if r.declared else ": no declaration time given",
        )
        for r in sorted(races, key=lambda r: r.name)
    )
    several = len(races) > 1
    lead = paragraph(
        f"{len(races)} seat{'s' if several else ''} had {town} in {'their' if several else 'its'} "
        f"name in {year}; {'each' if several else 'it'} declared at:"
    )
    timed = [_timed(elections, r) for r in races if r.declared is not None]
    return Answer(
        Status.ANSWERED,
        (lead, BulletList(items)),
        headline=f"{town} {year}: {len(races)} seats",
        sources=sources_of(timed),
    )


def _timed(elections: Elections, race: Race) -> Timed:
    assert race.declared is not None
    keys = (seat_key(race.seat),) if race.seat in elections.catalog.seats else ()
    return Timed(race.name, race.declared, keys, _declared_row(elections, race))


def _declared_row(elections: Elections, race: Race) -> tuple[Source, ...]:
    """The seat's row in the Library's file, with the time it gives."""
    documents = elections.catalog.provenance.documents
    if race.seat_row is None or race.seat_row[0] not in documents or race.declared is None:
        return ()
    source_id, line = race.seat_row
    document = documents[source_id]
    text = f"{race.name}, {election_name(race.election)}: declared {at_time(race.declared)}"
    return (
        Source(f"{source_id}:{line}", text, document_name(document), False, file_name(document),
               line),
    )  # fmt: skip


def _named(region: str) -> str:
    """'the North East', 'Scotland'."""
    return f"the {region}" if region.split()[0] in COMPASS_NAMES else region
