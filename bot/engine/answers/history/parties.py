"""Parties across elections: a party's seats, votes and share at one general election, who won
an election, and a party's trend since 2010."""

from __future__ import annotations

from bot.engine.answers.history.charts import earlier_commons, party_across_elections
from bot.engine.answers.history.wording import share, totals_sources
from bot.engine.model.answer import Answer, BulletList, Paragraph, Status, bold, paragraph
from bot.engine.model.ask import Measure
from bot.engine.results.catalog import party_key
from bot.engine.results.elections import Elections, PartyTotal
from bot.engine.wording.phrases import number, party_as_subject
from knowledge.schema import ElectionRecord, Party

TABLE_PARTIES = 8  # the parties a table lists; the rest are counted


def _as_subject(elections: Elections, party_id: str) -> str:
    party = elections.parties.get(party_id) or Party(id=party_id, name=party_id)
    if party.name.startswith("The "):  # "The Brexit Party", not "the The Brexit Party"
        return party.name
    return party_as_subject(party)


def _as_another(
    elections: Elections, party: str, election: ElectionRecord, seats: set[str] | None
) -> str:
    """'; the same registered party stood as the Brexit Party: 644,257 votes (2%), 0 seats'."""
    totals = {t.party: t for t in elections.totals(election, seats)}
    for other in elections.registered_as(party):
        total = totals.get(other)
        if total is not None:
            registration = elections.parties[party].registration
            return (
                f"; the same registered party ({registration}) stood as "
                f"{_mid_sentence(_as_subject(elections, other))}: {number(total.votes)} votes "
                f"({share(total.share)}), {_seats(total.seats)}"
            )
    return ""


def _mid_sentence(subject: str) -> str:
    """'the Brexit Party' within a sentence; a name that is no article keeps its capital."""
    return "the " + subject[4:] if subject.startswith("The ") else subject


def _seats(count: int) -> str:
    return f"{count} seat{'' if count == 1 else 's'}"


def _majority(totals: list[PartyTotal]) -> tuple[PartyTotal, int, int]:
    """(the party with the most seats, the seats in all, its majority over every other MP
    together, the Speaker included, as the Library counts it; 0 or less: none)."""
    top = totals[0]
    seats = sum(t.seats for t in totals)
    return top, seats, top.seats - (seats - top.seats)


def commons_majority(elections: Elections, totals: list[PartyTotal], year: str) -> str:
    """'The Conservatives had a majority of 80 in 2019.' or 'No party had a majority in 2017
    (it takes 326 of 650 seats): a hung parliament.'"""
    top, seats, majority = _majority(totals)
    if majority > 0:
        return f"{_as_subject(elections, top.party)} had a majority of {majority} in {year}."
    return (
        f"No party had a majority in {year} (it takes {seats // 2 + 1} of {seats} seats): "
        f"a hung parliament. {_as_subject(elections, top.party)} won the most, {top.seats}."
    )


def party_table(elections: Elections, totals: list[PartyTotal]) -> BulletList:
    shown = [t for t in totals if t.seats][:TABLE_PARTIES]
    lines = [
        paragraph(
            f"{elections.party_name(t.party)}: {_seats(t.seats)}, {number(t.votes)} votes "
            f"({share(t.share)})"
        )
        for t in shown
    ]
    rest = [t for t in totals if t not in shown and t.seats]
    if rest:
        lines.append(paragraph(f"{len(rest)} other parties: {sum(t.seats for t in rest)} seats"))
    return BulletList(tuple(lines))


def party_in_year(
    elections: Elections,
    election: ElectionRecord,
    parties: list[str],
    measure: Measure,
    place: str | None,
    seats: set[str] | None,
) -> Answer:
    """'Labour won 262 seats in 2017, with 12,877,918 votes (40%).' then every party's seats
    and the Commons majority (for the whole country)."""
    year = election.date[:4]
    totals = elections.totals(election, seats)
    by_party = {t.party: t for t in totals}
    where = f" in {place}" if place else ""
    lines = []
    for party in parties:
        total = by_party.get(party)
        subject = _as_subject(elections, party)
        if total is None:
            lines.append(
                paragraph(
                    bold(subject),
                    f" stood no candidates{where} in {year}"
                    f"{_as_another(elections, party, election, seats)}.",
                )
            )
            continue
        won = f"won {_seats(total.seats)}"
        got = f"{number(total.votes)} votes ({share(total.share)} of the vote)"
        votes_first = measure in {Measure.VOTES, Measure.SHARE}
        said = f"got {got}, and {won}" if votes_first else f"{won}, with {got}"
        lines.append(paragraph(bold(subject), f" {said}{where} in {year}."))
    blocks: list[Paragraph | BulletList] = [*lines, party_table(elections, totals)]
    if seats is None:
        blocks.append(paragraph(commons_majority(elections, totals, year)))
    sources = totals_sources(elections, [election])
    return Answer(
        Status.ANSWERED,
        tuple(blocks),
        sources=sources,
        chart=earlier_commons(elections, election, totals, sources) if seats is None else None,
        headline=f"{', '.join(elections.party_name(p) for p in parties)}{where} in {year}",
        entities=tuple(party_key(p) for p in parties if p in elections.catalog.parties),
    )


def election_winner(elections: Elections, election: ElectionRecord) -> Answer:
    """'The Conservatives won the 2015 general election: 330 of 650 seats, a majority of 10.'
    then every party's seats and votes."""
    year = election.date[:4]
    totals = elections.totals(election)
    top, seats, majority = _majority(totals)
    said = f"a majority of {majority}" if majority > 0 else "short of a majority: a hung parliament"
    first = paragraph(
        bold(_as_subject(elections, top.party)),
        f" won the {year} general election: {top.seats} of {seats} seats, {said}.",
    )
    sources = totals_sources(elections, [election])
    return Answer(
        Status.ANSWERED,
        (first, party_table(elections, totals)),
        headline=f"{year}: {elections.party_name(top.party)} won {top.seats} seats",
        sources=sources,
        chart=earlier_commons(elections, election, totals, sources),
    )


def party_trend(
    elections: Elections,
    party: str,
    measure: Measure,
    since: int,
    until: int | None = None,
    place: str | None = None,
) -> Answer:
    """A party at each general election from `since` (to `until`), in a nation or region or
    the whole country: seats, votes and share, one line each."""
    lines = []
    rows: list[tuple[int, PartyTotal | None]] = []
    chosen = []
    for year in elections.general_years():
        if year < since or (until is not None and year > until):
            continue
        election = elections.general(year)
        assert election is not None
        chosen.append(election)
        seats = elections.seats_in(election, {place}) if place else None
        total = next((t for t in elections.totals(election, seats) if t.party == party), None)
        rows.append((year, total))
        if total is None:
            lines.append(
                paragraph(
                    bold(str(year)),
                    f": no candidates{_as_another(elections, party, election, seats)}",
                )
            )
            continue
        figure = {
            Measure.SEATS: _seats(total.seats),
            Measure.VOTES: f"{number(total.votes)} votes",
        }.get(measure, f"{share(total.share)} of the vote")
        others = {
            Measure.SEATS: f"{number(total.votes)} votes, {share(total.share)}",
            Measure.VOTES: f"{_seats(total.seats)}, {share(total.share)}",
        }.get(measure, f"{_seats(total.seats)}, {number(total.votes)} votes")
        rest = f" ({others})"
        lines.append(paragraph(bold(str(year)), f": {figure}{rest}"))
    name = elections.party_name(party)
    what = {Measure.SEATS: "seats", Measure.VOTES: "votes"}.get(measure, "share of the vote")
    subject = _as_subject(elections, party)
    whose = f"{subject}’" if subject.endswith("s") else f"{subject}’s"
    where = f" in {place}" if place else ""
    span = f"from {since} to {until}" if until is not None else f"since {since}"
    first = paragraph(f"{whose} {what}{where} at each general election {span}:")
    note = paragraph(
        f"Shares are of every valid vote cast{where or ' in the UK'}. The 2010-2019 elections "
        "were fought on the 2010 boundaries, 2024 on new ones."
    )
    sources = totals_sources(elections, chosen)
    return Answer(
        Status.ANSWERED,
        (first, BulletList(tuple(lines)), note),
        headline=f"{name}: {what} since {since}",
        sources=sources,
        chart=party_across_elections(elections, party, rows, measure, sources),
        entities=(party_key(party),) if party in elections.catalog.parties else (),
    )
