"""A question's words read into an Ask: every word gets a role, or is named as not understood.

The name index has already found the names (mentions); this reads the rest against the
lexicon, longest phrase first, and builds the Ask from the senses found. It records which
words it used, so the engine can tell a question understood whole from one understood in part.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from bot.engine.index import Mention, Resolution
from bot.engine.keys import Kind
from bot.engine.model.ask import (
    CANDIDATE_MEASURES,
    LAST,
    SEAT_MEASURES,
    Ask,
    Measure,
    Operation,
    SeatChange,
    Selection,
    Threshold,
    Unit,
)
from bot.engine.understanding.lexicon import LONGEST_PHRASE, OPENERS, PHRASES, Role, Sense
from bot.engine.vocabulary import NON_NAME_WORDS, is_number, is_year

ELECTION_YEAR = 2024
BASELINE_YEAR = 2019
MAX_TOP = 50
# Which measure a question asks when it names several: the most specific wins ("how many
# votes short" is votes behind, "valid votes" is valid votes, not votes).
_SPECIFICITY = (
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


@dataclass(frozen=True)
class Found:
    """One phrase of the question and what it means."""

    start: int
    end: int
    sense: Sense

    @property
    def role(self) -> Role:
        return self.sense.role


@dataclass(frozen=True)
class Figure:
    """A number in the question: '1,000', '50%', '20k'."""

    start: int
    end: int
    value: float
    percent: bool


@dataclass(frozen=True)
class Parsed:
    ask: Ask | None  # None: not a question the evaluator computes (a name alone, a quote...)
    found: tuple[Found, ...] = ()
    figures: tuple[Figure, ...] = ()
    not_understood: tuple[str, ...] = ()  # words with no role at all
    negations: tuple[str, ...] = ()  # words that would change the answer: "not", "except"
    not_held: tuple[str, ...] = ()  # words asking what the results do not hold
    earlier: bool = False  # another election than 2024
    since_2019: bool = False  # "compared to 2019"
    existential: bool = False  # "are there": "there" is no seat
    national: bool = False
    yes_no: bool = False
    roles: frozenset[Role] = field(default_factory=frozenset)

    def has(self, role: Role) -> bool:
        return role in self.roles


def read_words(resolution: Resolution) -> Parsed:
    words = resolution.words
    named = {i for m in resolution.mentions for i in range(m.start, m.end)}
    doubtful = {i for m in resolution.doubtful for i in range(m.start, m.end)}
    found, figures, loose = _scan(words, named | doubtful)
    years = [i for i in loose if is_year(words[i])]
    loose = [i for i in loose if i not in years]
    roles = frozenset(f.role for f in found)
    not_understood = tuple(
        words[i] for i in loose if words[i] not in NON_NAME_WORDS and not is_number(words[i])
    )
    negations = tuple(words[f.start] for f in found if f.role is Role.NEGATION)
    not_held = tuple(" ".join(words[f.start : f.end]) for f in found if f.role is Role.NOT_HELD)
    since_2019 = False
    earlier = Role.EARLIER in roles
    for i in years:
        year = int(words[i])
        if year == ELECTION_YEAR:
            continue
        before = {f.role for f in found if f.end == i or f.end == i - 1}
        if year == BASELINE_YEAR and (before & {Role.BASELINE, Role.FROM, Role.THAN}
                                      or Role.BASELINE in roles):  # fmt: skip
            since_2019 = True
        else:
            earlier = True
    first = next((f for f in found if not _is_opener(words, f)), None)
    yes_no = first is not None and first.role is Role.YES_NO and first.start <= _first_word(words)
    existential = Role.EXISTENTIAL in roles
    parsed = Parsed(
        None, tuple(found), tuple(figures), not_understood, negations, not_held, earlier,
        since_2019, existential, Role.NATIONAL in roles, yes_no, roles,
    )  # fmt: skip
    if earlier or not_held or negations:
        return parsed
    return replace(parsed, ask=_ask(parsed, resolution.mentions))


def _first_word(words: tuple[str, ...]) -> int:
    for i, word in enumerate(words):
        if word not in OPENERS:
            return i
    return len(words)


def _is_opener(words: tuple[str, ...], found: Found) -> bool:
    return found.end - found.start == 1 and words[found.start] in OPENERS


def _scan(words: tuple[str, ...], named: set[int]) -> tuple[list[Found], list[Figure], list[int]]:
    """Phrases (longest first) and numbers among the words no name took; the rest, loose."""
    found: list[Found] = []
    figures: list[Figure] = []
    loose: list[int] = []
    i = 0
    while i < len(words):
        if i in named:
            i += 1
            continue
        figure = _figure_at(words, i)
        if figure is not None:
            figures.append(figure)
            i = figure.end
            continue
        for length in range(min(LONGEST_PHRASE, len(words) - i), 0, -1):
            span = range(i, i + length)
            if any(j in named for j in span):
                continue
            sense = PHRASES.get(" ".join(words[i : i + length]))
            if sense is not None:
                found.append(Found(i, i + length, sense))
                i += length
                break
        else:
            loose.append(i)
            i += 1
    return found, figures, loose


def _figure_at(words: tuple[str, ...], i: int) -> Figure | None:
    """'1,000' (tokenised as 1 000), '50 percent', '20k', '2.5' is not read (no such figure)."""
    word = words[i]
    multiplier = 1
    if word.endswith("k") and is_number(word[:-1]):
        word, multiplier = word[:-1], 1000
    if not is_number(word) or (is_year(word) and multiplier == 1):
        return None
    value = int(word)
    end = i + 1
    while end < len(words) and len(words[end]) == 3 and is_number(words[end]) and value < 1000:
        value = value * 1000 + int(words[end])
        end += 1
    percent = end < len(words) and words[end] == "percent"
    if percent:
        end += 1
    elif end < len(words) and words[end] in {"k", "thousand"}:
        multiplier, end = 1000, end + 1
    return Figure(i, end, float(value * multiplier), percent)


# --- the Ask -------------------------------------------------------------------------------


def _ask(parsed: Parsed, mentions: tuple[Mention, ...]) -> Ask | None:
    found = parsed.found
    people = _ids(mentions, Kind.PERSON)
    seats = _ids(mentions, Kind.SEAT)
    parties = _ids(mentions, Kind.PARTY)
    places = _ids(mentions, Kind.PLACE)
    if any(m.ambiguous for m in mentions):
        return None  # "which one?" comes first
    thresholds, threshold_used = _thresholds(parsed)
    measure, most = _measure(found, threshold_used)
    direction = _direction(found)
    if direction is not None:
        measure = Measure.CHANGE
    if parsed.since_2019 and measure in {None, Measure.VOTES, Measure.SHARE}:
        measure = Measure.CHANGE if measure is not None else None
    operation = _operation(parsed, measure, people, seats, parties, places, most, direction)
    if operation is None:
        return None
    unit = _unit(found, measure, operation, people, seats)
    descending = True if most is None else most
    if direction is not None:
        # "fell most": the biggest fall is the lowest change; "rose least" the smallest rise.
        descending = (direction == "rise") == (most is not False)
    if parsed.has(Role.LEAST) and direction is None and most is None:
        descending = False
    selection = _selection(found, parsed, unit, mentions, places, thresholds)
    if selection is None:
        return None
    top = _top(parsed, threshold_used)
    compared = _compared(operation, selection, people, seats, parties, places)
    if operation is Operation.COMPARE and compared is None and not parsed.since_2019:
        return None
    if measure is None and operation is Operation.COMPARE and parsed.since_2019:
        measure = Measure.SEATS
    if measure is None and operation in {Operation.RANK} and unit is Unit.PARTY:
        measure = Measure.SEATS
    return Ask(operation, measure, unit, selection, descending, top, compared, parsed.yes_no)


def _ids(mentions: tuple[Mention, ...], kind: Kind) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.keys[0].id for m in mentions if m.keys[0].is_a(kind)))


def _measure(
    found: tuple[Found, ...], threshold_used: set[int]
) -> tuple[Measure | None, bool | None]:
    """The measure asked (most specific first), and a ranking's direction where the measure
    word carries one ("closest" is the smallest majority)."""
    named: list[Measure] = []
    most: bool | None = None
    for f in found:
        if f.role is Role.MOST:
            most = True
        elif f.role is Role.LEAST:
            most = False
    for f in found:
        if f.role is not Role.MEASURE:
            continue
        value = f.sense.value
        if isinstance(value, tuple):  # "closest" is the smallest majority, even in "top 5"
            measure, most = value
        else:
            measure = value
        named.append(measure)
    if not named:
        return None, most
    return min(named, key=_SPECIFICITY.index), most


def _direction(found: tuple[Found, ...]) -> str | None:
    for f in found:
        if f.role is Role.RISE:
            return "rise"
        if f.role is Role.FALL:
            return "fall"
    return None


def _thresholds(parsed: Parsed) -> tuple[tuple[Threshold, ...], set[int]]:
    """'under 1,000', 'more than 20,000 votes', '50% or more': each with its measure, the
    nearest measure word after the figure, else before the comparison word."""
    thresholds: list[Threshold] = []
    used: set[int] = set()
    comparisons = {Role.ABOVE, Role.BELOW, Role.AT_LEAST, Role.AT_MOST}
    for figure in parsed.figures:
        before = next((f for f in parsed.found if f.end in {figure.start, figure.start - 1}
                       and f.role in comparisons), None)  # fmt: skip
        after = next((f for f in parsed.found if f.start == figure.end
                      and f.role in {Role.AT_LEAST, Role.AT_MOST}), None)  # fmt: skip
        word = before or after
        if word is None:
            continue
        measure = _measure_near(parsed, figure, word)
        above = word.role in {Role.ABOVE, Role.AT_LEAST}
        inclusive = word.role in {Role.AT_LEAST, Role.AT_MOST}
        thresholds.append(Threshold(measure, above, figure.value, inclusive))
        used.add(figure.start)
    return tuple(thresholds), used


def _measure_near(parsed: Parsed, figure: Figure, word: Found) -> Measure:
    measures = [f for f in parsed.found if f.role is Role.MEASURE]
    after = [f for f in measures if f.start >= figure.end and f.start <= figure.end + 2]
    before = [f for f in measures if f.end <= word.start]
    for f in (*after, *reversed(before)):
        value = f.sense.value
        return value[0] if isinstance(value, tuple) else value  # type: ignore[return-value]
    if figure.percent:
        return Measure.SHARE
    return Measure.VOTES


def _operation(
    parsed: Parsed,
    measure: Measure | None,
    people: tuple[str, ...],
    seats: tuple[str, ...],
    parties: tuple[str, ...],
    places: tuple[str, ...],
    most: bool | None,
    direction: str | None,
) -> Operation | None:
    ops = [f.sense.value for f in parsed.found if f.role is Role.OPERATION]
    pairs = len(people) > 1 or len(seats) > 1 or len(places) > 1 or (
        len(parties) > 1 and not parsed.has(Role.FROM))  # fmt: skip
    if Operation.COMPARE in ops or (parsed.has(Role.THAN) and pairs):
        return Operation.COMPARE
    if parsed.since_2019 and measure is None and parties and not people and not seats:
        return Operation.COMPARE  # how a party did against its notional 2019 seats
    if pairs and measure is not None and (most is not None):
        return Operation.COMPARE  # "which got more votes, Labour or Reform"
    ranked = most is not None or (direction is not None and parsed.has(Role.MOST))
    if ranked and (not (people or seats) or parsed.has(Role.ASKS_WHERE)):
        return Operation.RANK
    if Operation.TOTAL in ops:
        return Operation.TOTAL
    if Operation.COUNT in ops:
        counted_nouns = {Role.UNIT, Role.GENDER, Role.SITTING, Role.FIRST_TIME}
        if measure is not None and measure is not Measure.CANDIDATES and not (
                parsed.roles & counted_nouns or _mps(parsed)):  # fmt: skip
            return Operation.LOOK_UP  # "how many votes", "how much did she win by"
        return Operation.COUNT
    if Operation.LIST in ops:
        return Operation.LIST
    if parsed.figures and any(f.role in {Role.ABOVE, Role.BELOW, Role.AT_LEAST, Role.AT_MOST}
                              for f in parsed.found):  # fmt: skip
        return Operation.YES_NO if parsed.yes_no and (people or seats) else Operation.LIST
    if parsed.has(Role.ASKS_WHICH) and (parsed.has(Role.UNIT) or _mps(parsed)):
        return Operation.LIST
    if parsed.has(Role.ASKS_WHERE) and not (people or seats):
        return Operation.LIST
    if parsed.yes_no:
        return Operation.YES_NO
    if measure is not None:
        return Operation.LOOK_UP
    return None


def _mps(parsed: Parsed) -> bool:
    return any(f.role is Role.WON and f.sense.value == "mps" for f in parsed.found)


def _unit(
    found: tuple[Found, ...],
    measure: Measure | None,
    operation: Operation,
    people: tuple[str, ...],
    seats: tuple[str, ...],
) -> Unit:
    for f in found:
        if f.role is Role.UNIT and not (f.sense.value is Unit.CANDIDATE and measure is
                                        Measure.CANDIDATES):  # fmt: skip
            return f.sense.value  # type: ignore[return-value]
        if f.role is Role.ASKS_WHERE:
            return Unit.SEAT
        if (f.role is Role.WON and f.sense.value == "mps") or f.role in {
                Role.ASKS_WHO, Role.GENDER, Role.SITTING, Role.FIRST_TIME}:  # fmt: skip
            return Unit.CANDIDATE
    if people:
        return Unit.CANDIDATE
    if seats or measure in SEAT_MEASURES:
        return Unit.SEAT
    return Unit.CANDIDATE


def _selection(
    found: tuple[Found, ...],
    parsed: Parsed,
    unit: Unit,
    mentions: tuple[Mention, ...],
    places: tuple[str, ...],
    thresholds: tuple[Threshold, ...],
) -> Selection | None:
    roles = parsed.roles
    people, seats = _ids(mentions, Kind.PERSON), _ids(mentions, Kind.SEAT)
    parties = _ids(mentions, Kind.PARTY)
    won: bool | None = None
    sitting: bool | None = True if Role.SITTING in roles else None
    if any(f.role is Role.WON for f in found):
        won = True
    if Role.LOST in roles:
        won = False
        if _mps(parsed):
            sitting = True  # "MPs who lost": those who were MPs
    position = next((f.sense.value for f in found if f.role is Role.POSITION), None)
    gender = next((f.sense.value for f in found if f.role is Role.GENDER), None)
    change = next((f.sense.value for f in found if f.role is Role.SEAT_CHANGE), None)
    gained_from = None
    winners = parties
    if Role.FROM in roles and len(parties) >= 1:
        # "gained from the SNP": the party after "from" lost the seat.
        at = next(f.end for f in found if f.role is Role.FROM)
        after = [p for p in parties if p in _party_at(mentions, at)]
        if after:
            gained_from = after[0]
            winners = tuple(p for p in parties if p != gained_from)
            change = SeatChange.GAINED
    if unit is Unit.SEAT and won is False and parties and change is None:
        gained_from, winners, won, change = parties[0], parties[1:], None, SeatChange.GAINED
        if winners:
            won = True
    if change is not None and winners and won is None:
        won = True  # "seats Labour held": Labour won them
    if len(places) > 1 or len(people) > 1 or len(seats) > 1:
        place = None
    else:
        place = places[0] if places else None
    return Selection(
        people=people if len(people) == 1 else (),
        seats=seats if len(seats) == 1 else (),
        parties=winners if len(winners) == 1 else (),
        place=place,
        won=won,
        position=position if isinstance(position, int) else None,
        gender=gender if isinstance(gender, str) else None,
        sitting=sitting,
        first_time=Role.FIRST_TIME in roles,
        seat_change=change if isinstance(change, SeatChange) else None,
        gained_from=gained_from,
        thresholds=thresholds,
    )


def _party_at(mentions: tuple[Mention, ...], at: int) -> set[str]:
    """The party named right after a word ("from the SNP": the word, then maybe "the")."""
    return {
        m.keys[0].id for m in mentions if m.keys[0].is_a(Kind.PARTY) and m.start in {at, at + 1}
    }


def _top(parsed: Parsed, threshold_used: set[int]) -> int | None:
    for figure in parsed.figures:
        if figure.start not in threshold_used and not figure.percent and (
                0 < figure.value <= MAX_TOP):  # fmt: skip
            return int(figure.value)
    return None


def _compared(
    operation: Operation,
    selection: Selection,
    people: tuple[str, ...],
    seats: tuple[str, ...],
    parties: tuple[str, ...],
    places: tuple[str, ...],
) -> tuple[Selection, Selection] | None:
    if operation is not Operation.COMPARE:
        return None
    base = selection
    for field_name, values in (("people", people), ("seats", seats), ("place", places),
                               ("parties", parties)):  # fmt: skip
        if len(values) >= 2:
            first, second = values[0], values[1]
            if field_name == "place":
                return (_with(base, place=first), _with(base, place=second))
            return (_with(base, **{field_name: (first,)}), _with(base, **{field_name: (second,)}))
    return None


def _with(selection: Selection, **changes: object) -> Selection:
    return replace(selection, **changes)  # type: ignore[arg-type]


__all__ = ["CANDIDATE_MEASURES", "LAST", "Parsed", "read_words"]
