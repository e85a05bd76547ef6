"""A reading made into an Ask: its subjects, measure, operation, unit and selection."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.model.ask import (
    SEAT_MEASURES,
    Ask,
    Measure,
    Operation,
    Threshold,
    Unit,
)
from bot.engine.model.keys import Kind
from bot.engine.understanding.index import Mention
from bot.engine.understanding.lexicon import Role
from bot.engine.understanding.measuring import read_direction, read_measure, read_thresholds
from bot.engine.understanding.parsed import COMPARISONS, Found, Parsed, Subjects, mps, sense_measure
from bot.engine.understanding.selecting import of_winners, read_compared, read_selection

MAX_TOP = 50


# Nouns naming one row, which a count does not count: "the Labour candidate", "that seat".
_ONE_OF = frozenset({"candidate", "seat", "constituency", "party", "person"})


def ask_of(parsed: Parsed, mentions: tuple[Mention, ...]) -> Ask | None:
    found = parsed.found
    if any(m.ambiguous for m in mentions):
        return None  # "which one?" comes first
    # "how far behind Farage were they": the person after "behind" is who they trailed.
    trailed = {
        m.start
        for m in mentions
        for f in found
        if f.role is Role.MEASURE and f.text.endswith("behind") and m.start == f.end
    }
    named = _ids_by_kind(mentions, trailed | parsed.negated_at)
    subjects = Subjects(
        named[Kind.PERSON],
        named[Kind.SEAT],
        named[Kind.PARTY],
        named[Kind.PLACE],
        tuple(dict.fromkeys(str(f.sense.value) for f in found if f.role is Role.GENDER)),
    )
    # "Tory seats that went to Reform": one gained from the other, not the two compared
    parties_pair = len(subjects.parties) > 1 and not parsed.has(Role.FROM) and not _went(parsed)
    direction = read_direction(found)
    thresholds, threshold_used = read_thresholds(parsed, direction)
    measure, most = read_measure(found, threshold_used)
    by_threshold = {t.measure for t in thresholds}
    others = [sense_measure(f.sense)[0] for f in found if f.role is Role.MEASURE]
    others = [m for m in others if m not in by_threshold]
    if measure in by_threshold and others:
        # "how many votes did Labour get in seats with majorities under 500": the majority is
        # the threshold's; the votes are what is asked.
        measure = others[0]
    if {Role.RISE, Role.FALL} <= parsed.roles or (
            direction is not None and measure not in {Measure.SWING}):  # fmt: skip
        measure = Measure.CHANGE
    if measure is Measure.SWING and not subjects.seats and (subjects.people or subjects.parties):
        measure = Measure.CHANGE  # "Reform swing": the change in its candidates' shares
    if measure is None and _seat_counts_candidates(found, subjects):
        measure = Measure.CANDIDATES  # "which seat had the most candidates"
    if measure is None and _counts_seats_won(found, most):
        measure = Measure.SEATS  # "who won the most seats", "did Labour win more seats than"
    side_by_side = subjects.pairs or parties_pair
    # "X ahead of Y", "did Labour finish ahead of the Conservatives": their votes compared.
    # "did Farage beat Watling", "did Reform beat the Tories in Clacton": who finished ahead,
    # yes or no; only two people, or two parties in one seat or place, and no "by more than".
    one_contest = (len(subjects.people) == 2 and not subjects.parties) or (
        len(subjects.parties) == 2 and len(subjects.seats) + len(subjects.places) <= 1
        and not subjects.people)  # fmt: skip
    beat = parsed.yes_no and parsed.has(Role.BEAT) and one_contest and not thresholds
    ahead_of = [f for f in found if f.text in {"ahead", "behind", "lead"}]
    if (ahead_of or beat) and side_by_side and most is None:
        named_measure = measure if beat else None  # "did Hendon beat Poole on turnout"
        measure = named_measure or Measure.VOTES
        most = not ahead_of or ahead_of[0].text != "behind"
    operation = _operation(parsed, measure, subjects, side_by_side, most, direction, thresholds)
    # "votes for each party", "seats by party": the parties ranked by it, most first
    each_party = (
        parsed.has(Role.EACH)
        and not (subjects.people or subjects.seats or subjects.parties or thresholds)
        and measure in {None, Measure.VOTES, Measure.SHARE, Measure.SEATS}
    )
    if each_party:
        operation, measure = Operation.RANK, measure or Measure.SEATS
    if operation is None:
        return None
    if operation is Operation.COMPARE and measure is None:
        if len(subjects.genders) > 1:
            measure = Measure.NUMBER  # "were more women than men elected"
        elif subjects.people or (subjects.seats and subjects.parties):
            measure = Measure.VOTES  # "who finished higher in Bristol Central, X or Y"
        elif parsed.since_2019:
            measure = Measure.SEATS
    candidates_named = any(f.role is Role.UNIT and f.sense.value is Unit.CANDIDATE for f in found)
    if operation is Operation.AVERAGE and measure is None and candidates_named:
        measure = Measure.CANDIDATES  # "average number of candidates per seat"
    if operation is Operation.TOTAL and measure is None:
        operation = Operation.COUNT  # "how many seats in total in Wales"
    unit = Unit.PARTY if each_party else _unit(found, measure, subjects)
    if measure is None and operation is Operation.RANK and unit is Unit.PARTY:
        # "which party came second most often": its second places; else its seats
        has_position = any(f.role is Role.POSITION for f in found)
        measure = Measure.NUMBER if has_position else Measure.SEATS
    descending = True if most is None else most
    if direction is not None and measure is Measure.CHANGE:
        # "fell most": the biggest fall is the lowest change; "rose least" the smallest rise.
        descending = (direction == "rise") == (most is not False)
    selection = read_selection(
        found, parsed, unit, mentions, subjects, thresholds, operation, measure
    )
    if each_party and measure is Measure.SEATS:
        selection = replace(selection, won=True)  # "seats by party": the parties that won any
    over_many = operation not in {Operation.LOOK_UP, Operation.YES_NO, Operation.COMPARE}
    seats_named = any(f.role is Role.UNIT and f.sense.value is Unit.SEAT for f in found)
    if over_many and selection.parties and selection.won is None and not seats_named and (
            of_winners(measure, thresholds)):  # fmt: skip
        selection = replace(selection, won=True)  # "Labour majorities": seats Labour won
    top = _top(parsed, threshold_used)
    compared = read_compared(operation, selection, subjects, parties_pair)
    if operation is Operation.COMPARE and compared is None and not parsed.since_2019:
        return None
    against_2019 = parsed.since_2019 and operation is Operation.COMPARE and compared is None
    also: tuple[Measure, ...] = ()
    if operation in {Operation.LOOK_UP, Operation.TOTAL} and measure is not None:
        # "share and change": every measure named is answered, none silently dropped
        used = {t.measure for t in thresholds} | {measure}
        if measure in _COUNTED_IN_VOTES:  # "how many votes were spoiled": votes is its unit
            used.add(Measure.VOTES)
        also = tuple(dict.fromkeys(
            m for f in found if f.role is Role.MEASURE
            and (m := sense_measure(f.sense)[0]) not in used))  # fmt: skip
    any_row = parsed.yes_no and any(f.text in {"any", "anyone", "anybody"} for f in found)
    return Ask(
        operation, measure, unit, selection, descending, top, compared, parsed.yes_no,
        against_2019, also, any_row,
    )  # fmt: skip


# Measures whose figure is a number of votes: "votes" beside them names their unit.
_COUNTED_IN_VOTES = frozenset(
    {Measure.MAJORITY, Measure.BEHIND, Measure.AHEAD, Measure.VALID, Measure.INVALID}
)


def _ids_by_kind(mentions: tuple[Mention, ...], left_out: set[int]) -> dict[Kind, tuple[str, ...]]:
    """Each kind's entity ids, in the order named, once each, in one pass."""
    found: dict[Kind, dict[str, None]] = {kind: {} for kind in Kind}
    for m in mentions:
        if m.start not in left_out:
            kind, _, entity_id = m.keys[0].partition(":")
            found[Kind(kind)][entity_id] = None
    return {kind: tuple(ids) for kind, ids in found.items()}


def _counts_seats_won(found: tuple[Found, ...], most: bool | None) -> bool:
    seats = any(f.role is Role.UNIT and f.sense.value is Unit.SEAT for f in found)
    return seats and most is not None and any(f.role is Role.WON for f in found)


def _seat_counts_candidates(found: tuple[Found, ...], subjects: Subjects) -> bool:
    """'which seat had the most candidates', 'the number of candidates in Clacton and
    Bristol Central': candidates as a figure of seats, not as rows."""
    if not any(f.role is Role.UNIT and f.sense.value is Unit.CANDIDATE for f in found):
        return False
    if any(f.role is Role.UNIT and f.sense.value in {Unit.SEAT, Unit.PARTY} for f in found):
        # "which seat had the most candidates", "which party stood the most candidates"
        return any(f.role in {Role.MOST, Role.LEAST} for f in found)
    return len(subjects.seats) > 1 or len(subjects.places) > 1


def _operation(
    parsed: Parsed,
    measure: Measure | None,
    subjects: Subjects,
    side_by_side: bool,
    most: bool | None,
    direction: str | None,
    thresholds: tuple[Threshold, ...],
) -> Operation | None:
    ops = [f.sense.value for f in parsed.found if f.role is Role.OPERATION]
    one = bool(subjects.people or subjects.seats)
    than = parsed.has(Role.THAN) or _bare_comparison(parsed)
    if Operation.COMPARE in ops or (than and side_by_side and not thresholds):
        return Operation.COMPARE
    # (a gain or a hold "since the last election" is already against 2019: counted below)
    relative = parsed.has(Role.SEAT_CHANGE) or parsed.has(Role.FROM)
    if parsed.since_2019 and measure is None and subjects.parties and not one and not relative:
        return Operation.COMPARE  # how a party did against its notional 2019 seats
    if side_by_side and (most is not None or (measure in {Measure.VOTES} and parsed.yes_no)):
        return Operation.COMPARE  # "which got more votes, Labour or Reform"
    if parsed.yes_no and thresholds and Operation.COUNT not in ops:
        return Operation.YES_NO
    if Operation.AVERAGE in ops:
        return Operation.AVERAGE
    if Operation.RANK in ops:
        return Operation.RANK
    ranked = most is not None or (direction is not None and parsed.has(Role.MOST))
    if ranked and not thresholds and (not one or parsed.has(Role.ASKS_WHERE)):
        return Operation.RANK
    if Operation.TOTAL in ops:
        return Operation.TOTAL
    if Operation.COUNT in ops:
        asked_of = next(f for f in parsed.found if f.sense.value is Operation.COUNT)
        right_after = [f for f in parsed.found if f.start == asked_of.end]
        if right_after and right_after[0].role is Role.MEASURE and measure not in {
                None, Measure.CANDIDATES}:  # fmt: skip
            # "how many votes did Labour get in seats with ...": the votes, wherever counted
            return Operation.LOOK_UP
        counted = parsed.roles & {Role.GENDER, Role.SITTING, Role.FIRST_TIME} or any(
            f.role is Role.UNIT and f.text not in _ONE_OF for f in parsed.found
        )  # "how many candidates", not "how many votes did the Green candidate get"
        counted_people = parsed.has(Role.PEOPLE) and measure is None
        if thresholds or counted or counted_people or mps(parsed):
            return Operation.COUNT
        if measure is not None:
            return Operation.LOOK_UP  # "how many votes", "how much did she win by"
        return Operation.COUNT
    if Operation.LIST in ops:
        return Operation.LIST
    if thresholds:
        return Operation.LIST
    people_nouns = {Role.UNIT, Role.GENDER, Role.SITTING, Role.FIRST_TIME}
    if parsed.has(Role.ASKS_WHICH) and (parsed.roles & people_nouns or mps(parsed)):
        return Operation.LIST  # "which sitting MPs lost", "which women won"
    finished = any(f.text in _FINISHED for f in parsed.found) and not parsed.has(Role.POSITION)
    if parsed.has(Role.ASKS_WHERE) and finished:
        return None  # "where did the Tories come": the place they finished, not seats
    if parsed.has(Role.ASKS_WHERE) and not one:
        return Operation.LIST
    if parsed.has(Role.UNIT) and parsed.roles & {Role.FROM, Role.SEAT_CHANGE, Role.POSITION}:
        return Operation.LIST  # "seats the Lib Dems took off the Tories"
    if parsed.has(Role.UNIT) and len(subjects.parties) == 2 and _went(parsed):
        return Operation.LIST  # "Tory seats that went to Reform"
    if parsed.has(Role.SEAT_CHANGE) and parsed.has(Role.FROM):
        return Operation.LIST  # "lib dem gains from the tories"
    if parsed.yes_no:
        return Operation.YES_NO
    if measure is not None:
        return Operation.LOOK_UP
    return None


_FINISHED = frozenset({"come", "came", "finish", "finished", "placed"})


def _went(parsed: Parsed) -> bool:
    """'went to', 'gone': a seat passing from one party to the other."""
    return any(f.role is Role.WON and f.sense.value == "went" for f in parsed.found)


def _bare_comparison(parsed: Parsed) -> bool:
    """'did X win by more than Y': "more than" with no figure after it compares two."""
    figures = {f.start for f in parsed.figures}
    return any(
        f.role in COMPARISONS and f.end not in figures and f.end + 1 not in figures
        for f in parsed.found
    )


def _unit(found: tuple[Found, ...], measure: Measure | None, subjects: Subjects) -> Unit:
    if measure is Measure.SEATS:
        return Unit.PARTY  # seats are what parties win
    for f in found:
        if f.role is Role.UNIT and f.sense.value in {Unit.REGION, Unit.NATION} and (
                subjects.places):  # fmt: skip
            continue  # "the South East region": a place named, not regions ranked
        if f.role is Role.UNIT and not (
            f.sense.value is Unit.CANDIDATE and measure is Measure.CANDIDATES
        ):
            return f.sense.value  # type: ignore[return-value]
        if f.role is Role.ASKS_WHERE:
            return Unit.SEAT
        if (f.role is Role.WON and f.sense.value in {"mps", "mp"}) or f.role in {
            Role.ASKS_WHO, Role.GENDER, Role.SITTING, Role.FIRST_TIME, Role.PEOPLE,
        }:  # fmt: skip
            return Unit.CANDIDATE
    if subjects.people:
        return Unit.CANDIDATE
    if subjects.seats or measure in SEAT_MEASURES:
        return Unit.SEAT
    if any(f.role is Role.SEAT_CHANGE for f in found):
        return Unit.SEAT  # "Lib Dem gains from the Tories": seats
    if subjects.parties and not measure and any(f.role is Role.LOST for f in found) and (
            any(f.sense.value is Operation.COUNT for f in found)):  # fmt: skip
        return Unit.SEAT  # "how many did the SNP lose": a party loses seats
    return Unit.CANDIDATE


def _top(parsed: Parsed, threshold_used: set[int]) -> int | None:
    for figure in parsed.figures:
        if figure.start not in threshold_used and not figure.percent and (
                0 < figure.value <= MAX_TOP):  # fmt: skip
            return int(figure.value)
    return None
