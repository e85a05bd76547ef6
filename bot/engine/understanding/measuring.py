"""Which measure a question asks, which way a ranking runs, and the thresholds with the
measure each is of ("majorities under 1,000", "more than 20,000 votes", "50% or more")."""

from __future__ import annotations

from bot.engine.model.ask import (
    Measure,
    Threshold,
)
from bot.engine.understanding.lexicon import Role
from bot.engine.understanding.parsed import COMPARISONS, Figure, Found, Parsed, sense_measure

# Which measure a question asks when it names several: the most specific wins ("how many
# votes short" is votes behind, "valid votes" is valid votes, not votes).
_SPECIFICITY = (
    Measure.SWING,
    Measure.BEHIND,
    Measure.AHEAD,
    Measure.ELECTORATE,
    Measure.INVALID,
    Measure.VALID,
    Measure.CANDIDATES,
    Measure.CHANGE,
    Measure.MAJORITY,
    Measure.TURNOUT,
    Measure.SHARE,
    Measure.POSITION,
    Measure.VOTES,
)


# Nouns after a figure that name its measure: "more than 10 candidates", "over 400 seats".
_FIGURE_NOUNS = {
    "candidates": Measure.CANDIDATES,
    "candidate": Measure.CANDIDATES,
    "seats": Measure.SEATS,
    "seat": Measure.SEATS,
    "mps": Measure.SEATS,
}


# Margins counted in votes: "won by more than 5,000 votes" is the margin, not the votes.
_MARGINS = frozenset({Measure.BEHIND, Measure.AHEAD, Measure.MAJORITY})


def read_measure(
    found: tuple[Found, ...], thresholds_at: set[int]
) -> tuple[Measure | None, bool | None]:
    """The measure asked (most specific first), and a ranking's direction where the measure
    word carries one ("closest" is the smallest majority); "more than" with no figure after
    it compares ("did she win by more than Farage")."""
    named: list[Measure] = []
    most: bool | None = None
    for f in found:
        bare = f.role in {Role.ABOVE, Role.BELOW} and not {f.end, f.end + 1} & thresholds_at
        if f.role is Role.MOST or (bare and f.role is Role.ABOVE):
            most = True
        elif f.role is Role.LEAST or (bare and f.role is Role.BELOW):
            most = False
    for f in found:
        if f.role is Role.MEASURE:
            measure, carried = sense_measure(f.sense)
            named.append(measure)
            most = carried if carried is not None else most
    if not named:
        return None, most
    return min(named, key=_SPECIFICITY.index), most


def read_direction(found: tuple[Found, ...]) -> str | None:
    roles = {f.role for f in found}
    if {Role.RISE, Role.FALL} <= roles:
        return None  # "did her share go up or down": the change, either way
    for f in found:
        if f.role is Role.RISE:
            return "rise"
        if f.role is Role.FALL:
            return "fall"
    return None


def read_thresholds(
    parsed: Parsed, direction: str | None
) -> tuple[tuple[Threshold, ...], set[int]]:
    """'under 1,000', 'more than 20,000 votes', '50% or more': each with its measure: the one
    named right before the comparison ('majorities under 1,000', 'lost by fewer than 500'),
    else the one after the figure ('more than 20,000 votes'), else what the figure is."""
    thresholds: list[Threshold] = []
    used: set[int] = set()
    for figure in parsed.figures:
        before = next(
            (f for f in parsed.found if f.end in {figure.start, figure.start - 1}
             and f.role in COMPARISONS), None)  # fmt: skip
        after = next(
            (f for f in parsed.found if f.start == figure.end
             and f.role in {Role.AT_LEAST, Role.AT_MOST}), None)  # fmt: skip
        word = before or after
        if word is None:
            continue
        measure = _measure_near(parsed, figure, word)
        above = word.role in {Role.ABOVE, Role.AT_LEAST}
        inclusive = word.role in {Role.AT_LEAST, Role.AT_MOST}
        value = figure.value
        if measure is Measure.CHANGE and _falls(parsed, direction):
            # "fell by more than 20 points": a change below -20.
            value, above = -value, not above
        thresholds.append(Threshold(measure, above, value, inclusive))
        used.add(figure.start)
    if not thresholds and direction is not None and parsed.yes_no and not parsed.figures:
        # "did Labour's share fall in Clacton": a change below (or above) nothing.
        thresholds.append(Threshold(Measure.CHANGE, direction == "rise", 0.0))
    return tuple(thresholds), used


def _falls(parsed: Parsed, direction: str | None) -> bool:
    return direction == "fall" or (parsed.has(Role.LOST) and direction is None)


def _measure_near(parsed: Parsed, figure: Figure, word: Found) -> Measure:
    measures = [f for f in parsed.found if f.role is Role.MEASURE]
    kinds = {sense_measure(f.sense)[0] for f in measures}
    if figure.percent:
        for percent_measure in (Measure.TURNOUT, Measure.CHANGE, Measure.SHARE):
            if percent_measure in kinds:
                return percent_measure
        return Measure.SHARE
    right_after = [f for f in parsed.found if f.start == figure.end]
    if right_after and right_after[0].text in _FIGURE_NOUNS:
        return _FIGURE_NOUNS[right_after[0].text]  # "more than 10 candidates"
    named_after = [sense_measure(f.sense)[0] for f in right_after if f.role is Role.MEASURE]
    if word.start > 0 and any(f.text == "by" and f.end == word.start for f in parsed.found):
        # "win Clacton by more than 8k", "lose by under 500": the margin
        if parsed.has(Role.WON):
            return Measure.AHEAD
        if parsed.has(Role.LOST):
            return Measure.BEHIND
    adjacent = [f for f in measures if f.end in {word.start, word.start - 1}]
    named_before = sense_measure(adjacent[-1].sense)[0] if adjacent else None
    if named_after and named_after[0] is Measure.CHANGE:
        return Measure.CHANGE  # "share fell by over 20 points"
    if named_before is not None and (not named_after or named_before in _MARGINS):
        return named_before  # "majorities under 1,000", "lost by fewer than 500 votes"
    if named_after:
        return named_after[0]  # "more than 20,000 votes"
    after = [f for f in measures if figure.end <= f.start <= figure.end + 2]
    before = [f for f in measures if f.end <= word.start]
    for f in (*after, *reversed(before)):
        return sense_measure(f.sense)[0]
    return Measure.VOTES
