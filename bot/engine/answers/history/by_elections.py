"""By-elections, and the years with no general election: "which by-elections since 2024
changed hands", "who won in 2012" (no general election; that year's by-elections)."""

from __future__ import annotations

from bot.engine.answers.history.wording import candidate, day, outcome, sources
from bot.engine.model.answer import Answer, BulletList, Paragraph, Status, bold, paragraph
from bot.engine.results.elections import Elections, Race
from bot.engine.wording.phrases import number


def by_election_line(elections: Elections, race: Race) -> Paragraph:
    return paragraph(
        bold(race.name),
        f", {day(race.election.date)}: {candidate(elections, race.winner)}, "
        f"{outcome(elections, race)}, majority {number(race.majority)}",
    )


def by_elections_answer(
    elections: Elections,
    races: list[Race],
    what: str,
    gains_only: bool,
    seat_name: str | None = None,
) -> Answer:
    """The by-elections `what` describes ('since 2024', 'in 2012'), each with its result."""
    chosen = [r for r in races if r.gain] if gains_only else races
    kind = "by-elections that changed hands" if gains_only else "by-elections"
    where = f" in {seat_name}" if seat_name else ""
    if not chosen:
        held = f" ({len(races)} held, none changed hands)" if gains_only and races else ""
        return Answer(
            Status.ANSWERED,
            (paragraph(bold("None"), f": there were no {kind}{where} {what}{held}."),),
            headline=f"No {kind}{where} {what}",
        )
    count = len(chosen)
    noun = kind if count != 1 else kind.replace("by-elections", "by-election")
    of_all = f" of {len(races)}" if gains_only else ""
    first = paragraph(bold(f"{count}{of_all}"), f" {noun}{where} {what}:")
    return Answer(
        Status.ANSWERED,
        (first, BulletList(tuple(by_election_line(elections, r) for r in chosen))),
        headline=f"{count} {noun}{where} {what}",
        sources=sources(elections, chosen, candidates=1),
    )


def no_general_election(elections: Elections, year: int) -> Answer:
    """A year with no general election: say so, and give that year's by-elections."""
    years = elections.general_years()
    first_year, last_year = years[0], years[-1]
    if year < first_year:
        said = (
            f"My results start in {first_year}: I hold the general elections of "
            f"{_listed(years)} and the by-elections since {first_year}, nothing from {year}."
        )
        return Answer(Status.NOT_FOUND, (paragraph(said),), headline=f"No results from {year}")
    held = [r for r in elections.by_elections() if r.year == year]
    if not held:
        latest = elections.by_elections()[-1]
        after = (
            f"the latest by-election I hold was on {day(latest.election.date)}"
            if year > latest.year
            else "there was no by-election that year"
        )
        said = (
            f"I hold no election in {year}: the general elections I hold are "
            f"{_listed(years)}, and {after}."
        )
        return Answer(Status.NOT_FOUND, (paragraph(said),), headline=f"No election in {year}")
    general = (
        f"There was no general election in {year} (they were in {_listed(years)})."
        if year != last_year
        else ""
    )
    count = len(held)
    first = paragraph(
        f"{general} {count} by-election{'s were' if count != 1 else ' was'} held in {year}:"
    )
    return Answer(
        Status.ANSWERED,
        (first, BulletList(tuple(by_election_line(elections, r) for r in held))),
        headline=f"{year}: {count} by-elections",
        sources=sources(elections, held, candidates=1),
    )


def _listed(years: list[int]) -> str:
    return ", ".join(str(y) for y in years[:-1]) + f" and {years[-1]}"
