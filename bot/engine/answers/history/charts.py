"""The pictures of answers across elections (chart_data.py): a party at each general election,
a seat's winners at each election, and the Commons of an earlier general election."""

from __future__ import annotations

from bot.engine.model.answer import Source
from bot.engine.model.ask import Measure
from bot.engine.model.chart_data import Bar, BarChart, SeatsChart
from bot.engine.results.elections import Elections, PartyTotal, Race
from knowledge.schema import ElectionRecord


def party_across_elections(
    elections: Elections,
    party: str,
    rows: list[tuple[int, PartyTotal | None]],
    measure: Measure,
    sources: tuple[Source, ...],
) -> BarChart:
    """A bar per general election, in the party's colour: seats, or votes with the share."""
    seats = measure is Measure.SEATS
    name = elections.party_name(party)
    bars = tuple(
        Bar(
            label=str(year),
            detail="" if total else "no candidates",
            party_id=party,
            value=(total.seats if seats else total.votes) if total else 0,
            share=None if seats or total is None else round(total.share, 1),
        )
        for year, total in rows
    )
    what = "seats won" if seats else "votes and share of the vote"
    return BarChart(
        title=f"{name}: {what}",
        subtitle="At each general election (2010-2019 on the 2010 boundaries, 2024 on new ones)",
        bars=bars,
        footer="",
        small_print=_small_print(elections, sources),
    )


def seat_winners(
    elections: Elections, name: str, races: list[Race], sources: tuple[Source, ...]
) -> BarChart:
    """A row per election: the winner, in their party's colour, the bar their majority."""
    bars = tuple(
        Bar(
            label=f"{_short(race)}: {race.winner.name}",
            detail=race.winner.party_label,
            party_id=race.winner.party,
            value=race.majority,
            marked="old boundaries" if race.boundaries != 2024 else "",
        )
        for race in races
    )
    return BarChart(
        title=f"{name}: winners since {races[0].year}",
        subtitle="Each bar is the winner's majority, in votes",
        bars=bars,
        footer="",
        small_print=_small_print(elections, sources),
    )


def _short(race: Race) -> str:
    """'2019', '2014 by-election': short enough to leave room for the winner's name."""
    kind = " by-election" if race.election.kind == "by-election" else ""
    return f"{race.year}{kind}"


def _small_print(elections: Elections, sources: tuple[Source, ...]) -> str:
    """One line for the many files of the earlier elections, then what the licence asks."""
    documents = elections.catalog.provenance.documents
    cited = [documents[s.fact_id.partition(":")[0]] for s in sources]
    if not cited:
        return ""
    publishers = sorted({d.publisher for d in cited})
    attributions = list(dict.fromkeys(d.attribution for d in cited if d.attribution))
    files = len({d.id for d in cited})
    return " ".join(
        [
            f"Source: {' and '.join(publishers)}, general election and by-election results "
            f"({files} file{'' if files == 1 else 's'}).",
            *attributions,
        ]
    )


def earlier_commons(
    elections: Elections,
    election: ElectionRecord,
    totals: list[PartyTotal],
    sources: tuple[Source, ...],
) -> SeatsChart:
    """The House elected at an earlier general election, as today's Commons chart."""
    total = sum(t.seats for t in totals)
    return SeatsChart(
        title=f"The Commons elected in {election.date[:4]}",
        parties=tuple(
            Bar(label=elections.party_name(t.party), detail="", party_id=t.party, value=t.seats)
            for t in totals
            if t.seats
        ),
        total=total,
        majority=total // 2 + 1,
        small_print=_small_print(elections, sources),
    )
