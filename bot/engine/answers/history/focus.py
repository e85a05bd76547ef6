"""A race's answer with its first line answering what was asked of it: who came second, the
majority, the turnout, a party's candidate, or whether a party won."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.answers.history.wording import (
    at_election,
    boundaries,
    candidate,
    day,
    figures,
)
from bot.engine.model.answer import Answer, Paragraph, Status, bold, paragraph
from bot.engine.model.ask import Measure
from bot.engine.results.elections import Elections, Race
from bot.engine.understanding.elections import Question
from bot.engine.understanding.intents import Intent
from bot.engine.wording.phrases import number, ordinal


def focused(
    elections: Elections, answer: Answer, race: Race, q: Question, asks_when: bool = False
) -> Answer:
    parties, intent, place, measure = q.subjects.parties, q.intent, q.place, q.measure
    old = " (on its old boundaries)" if boundaries(race) else ""
    when = f"{at_election(race.election)}{old}"
    first: Paragraph | None = None
    if asks_when:
        what = (
            f"The {race.name} by-election"
            if race.election.kind == "by-election"
            else f"The {race.year} general election"
        )
        first = paragraph(f"{what} was held on ", bold(day(race.election.date)), ".")
    elif intent is Intent.LOST:  # "who did he beat": everyone below the winner
        beaten = race.candidates[1:]
        first = paragraph(
            bold(candidate(elections, race.winner)),
            f" beat {len(beaten)} other candidate{'' if len(beaten) == 1 else 's'} in "
            f"{race.name} {when}"
            + (
                f": {candidate(elections, beaten[0])} came second with {figures(beaten[0])}."
                if beaten
                else "."
            ),
        )
    elif intent is Intent.PLACE and place is not None:
        first = _at_place(elections, race, place, when)
    elif parties and (q.yes_no or intent is Intent.WINNER):
        first = _did_party_win(elections, race, parties[0], when)
    elif parties:
        first = _party_candidate(elections, race, parties[0], when)
    elif measure is Measure.MAJORITY or intent is Intent.MAJORITY:
        runner_up = race.runner_up
        over = f" over {candidate(elections, runner_up)}" if runner_up else ""
        first = paragraph(
            f"The majority in {race.name} {when} was ",
            bold(number(race.majority)),
            f": {candidate(elections, race.winner)}{over}.",
        )
    elif measure is Measure.TURNOUT or intent is Intent.TURNOUT:
        turnout = 100 * race.valid_votes / race.electorate
        first = paragraph(
            f"Turnout in {race.name} {when} was ", bold(f"{turnout:.1f}%"),
            f" ({number(race.valid_votes)} valid votes from {number(race.electorate)}).",
        )  # fmt: skip
    if first is None:
        return answer
    if first.spans and first.spans[0].text.startswith("Only"):
        return replace(answer, status=Status.NOT_FOUND, blocks=(first,))
    return replace(answer, blocks=(first, *answer.blocks[1:]))


def _at_place(elections: Elections, race: Race, place: int, when: str) -> Paragraph:
    if place > len(race.candidates):
        return paragraph(f"Only {len(race.candidates)} candidates stood in {race.name} {when}.")
    person = race.candidates[place - 1]
    return paragraph(
        bold(candidate(elections, person)),
        f" came {ordinal(place)} in {race.name} {when}, with {figures(person)}.",
    )


def _did_party_win(elections: Elections, race: Race, party: str, when: str) -> Paragraph:
    won = race.winner.party == party
    return paragraph(
        bold("Yes" if won else "No"),
        f": {candidate(elections, race.winner)} won {race.name} {when}, with "
        f"{figures(race.winner)}.",
    )


def _party_candidate(elections: Elections, race: Race, party: str, when: str) -> Paragraph:
    standing = [c for c in race.candidates if c.party == party]
    name = elections.party_name(party)
    if not standing:
        return paragraph(
            f"Only {len(race.candidates)} candidates stood in {race.name} {when}, none for {name}."
        )
    person = standing[0]
    place = race.candidates.index(person) + 1
    return paragraph(
        bold(candidate(elections, person)),
        f" got {figures(person)} in {race.name} {when}, and came {ordinal(place)}.",
    )
