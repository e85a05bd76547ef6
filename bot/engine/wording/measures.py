"""The words of every (operation, measure) answer, in one table: how a measure's figure is
shown, what its most and least are called, and the sentence each operation starts with.

A sentence's slots: {who} a candidate with party, {seat} a seat, {value} the figure shown,
{superlative} "largest electorate", {noun} "electorate", {of} "of the 57 seats in Scotland".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.engine.model.ask import Measure, Operation
from bot.engine.wording.phrases import change_points, ordinal


def _count(noun: str) -> Callable[[float], str]:
    def shown(value: float) -> str:
        whole = round(value)
        return f"{whole:,} {noun}" if whole != 1 else f"1 {noun.removesuffix('s')}"

    return shown


def _percent(value: float) -> str:
    return f"{round(value, 1):g}%"


def _points(value: float) -> str:
    return change_points(value)


def _place(value: float) -> str:
    return ordinal(round(value))


@dataclass(frozen=True)
class MeasureWords:
    noun: str  # "electorate", as in "the largest electorate"
    most: str  # the superlative: "largest"
    least: str
    show: Callable[[float], str]


MEASURES: dict[Measure, MeasureWords] = {
    Measure.VOTES: MeasureWords("votes", "most", "fewest", _count("votes")),
    Measure.SHARE: MeasureWords("share of the vote", "highest", "lowest", _percent),
    Measure.CHANGE: MeasureWords(
        "change in share on 2019 (notional)", "biggest rise:", "biggest fall:", _points
    ),
    Measure.BEHIND: MeasureWords(
        "votes behind the winner", "most", "fewest", _count("votes behind the winner")
    ),
    Measure.AHEAD: MeasureWords("lead over the runner-up", "largest", "smallest", _count("votes")),
    Measure.POSITION: MeasureWords("finishing position", "lowest", "highest", _place),
    Measure.MAJORITY: MeasureWords("majority", "largest", "smallest", _count("votes")),
    Measure.TURNOUT: MeasureWords("turnout", "highest", "lowest", _percent),
    Measure.ELECTORATE: MeasureWords("electorate", "largest", "smallest", _count("electors")),
    Measure.VALID: MeasureWords("valid votes", "most", "fewest", _count("valid votes")),
    Measure.INVALID: MeasureWords("invalid ballots", "most", "fewest", _count("invalid ballots")),
    Measure.CANDIDATES: MeasureWords("candidates", "most", "fewest", _count("candidates")),
    Measure.SEATS: MeasureWords("seats", "most", "fewest", _count("seats")),
    Measure.SWING: MeasureWords(
        "two-party swing on 2019 (notional)", "biggest", "smallest", lambda v: f"{v:.1f} points"
    ),
    Measure.NUMBER: MeasureWords("number", "largest", "smallest", lambda v: f"{round(v):,}"),
}


def superlative(measure: Measure, most: bool) -> str:
    """'the largest electorate', 'the biggest fall in share on 2019 (notional)'."""
    words = MEASURES[measure]
    if measure is Measure.CHANGE:
        return "the biggest rise in share" if most else "the biggest fall in share"
    return f"the {words.most if most else words.least} {words.noun}"


# The first line of each kind of answer. Measure None: the operation's default for any measure.
FIRST_LINES: dict[tuple[Operation, Measure | None], str] = {
    (Operation.LOOK_UP, Measure.VOTES): "{who} got {value} in {seat}.",
    (Operation.LOOK_UP, Measure.SHARE): "{who} got {value} of the vote in {seat}.",
    (Operation.LOOK_UP, Measure.CHANGE): "{name}’s share in {seat} ({party}): {value}.",
    (Operation.LOOK_UP, Measure.BEHIND): ("{who} finished {value} in {seat}, won by {winner}."),
    (Operation.LOOK_UP, Measure.AHEAD): "{who} won {seat} by {value} over {runner_up}.",
    (Operation.LOOK_UP, Measure.POSITION): "{who} came {value} of {candidates} in {seat}.",
    (Operation.LOOK_UP, Measure.SWING): (
        "The swing in {seat} was {value} from {swing_from} to {swing_to} (two-party swing, "
        "on the notional 2019 results)."
    ),
    (Operation.LOOK_UP, Measure.TURNOUT): (
        "Turnout in {seat} was {value} ({valid} valid votes of {electorate} electors)."
    ),
    (Operation.LOOK_UP, None): "{Noun} in {seat}: {value}.",
    (Operation.TOTAL, None): "{Noun} {of}: {value}.",
    (Operation.AVERAGE, None): "Average {noun} {of}: {value}.",
    (Operation.COUNT, None): "{count} {phrase}.",
    (Operation.LIST, None): "{count} {phrase}:",
    (Operation.RANK, None): "{label} had {superlative} {of}: {value}.",
    (Operation.COMPARE, None): "{first} had {more} {noun} than {second}: {first_value} to "
    "{second_value}{difference}.",
}


def first_line(operation: Operation, measure: Measure | None, **slots: str) -> str:
    template = FIRST_LINES.get((operation, measure)) or FIRST_LINES[(operation, None)]
    if "{Noun}" in template and "Noun" not in slots and measure is not None:
        noun = MEASURES[measure].noun
        slots["Noun"] = noun[:1].upper() + noun[1:]
    return template.format(**slots)
