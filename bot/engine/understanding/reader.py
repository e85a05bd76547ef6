"""A question's words read into an Ask: every word gets a role, or is named as not understood.

The name index has already found the names (mentions); this reads the rest against the
lexicon, longest phrase first, and builds the Ask from the senses found. It records which
words it used, so the engine can tell a question understood whole from one understood in part.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from bot.engine.model.ask import (
    SEAT_MEASURES,
    Ask,
    Measure,
    Operation,
    SeatChange,
    Selection,
    Threshold,
    Unit,
)
from bot.engine.model.keys import Kind
from bot.engine.understanding.index import Mention, Resolution
from bot.engine.understanding.lexicon import LONGEST_FROM, OPENERS, PHRASES, Role, Sense
from bot.engine.understanding.vocabulary import NON_NAME_WORDS, is_number, is_year

ELECTION_YEAR = 2024
BASELINE_YEAR = 2019
MAX_TOP = 50
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
# Roles that shape a question without asking for a figure: alone, there is nothing to compute.
_SHAPE_ONLY = frozenset(
    {
        Role.FILLER,
        Role.YES_NO,
        Role.ASKS_WHICH,
        Role.ASKS_WHO,
        Role.EXISTENTIAL,
        Role.PEOPLE,
        Role.FROM,
        Role.TO,
    }
)
# Nouns naming one row, which a count does not count: "the Labour candidate", "that seat".
_ONE_OF = frozenset({"candidate", "seat", "constituency", "party", "person"})
_COMPARISONS = frozenset({Role.ABOVE, Role.BELOW, Role.AT_LEAST, Role.AT_MOST})
# Words before a figure that make it a threshold even when it looks like a year ("under 2000").
_BEFORE_A_FIGURE = frozenset("under over below above than least most exceeding of by".split())
# Nouns after a figure that name its measure: "more than 10 candidates", "over 400 seats".
_FIGURE_NOUNS = {
    "candidates": Measure.CANDIDATES,
    "candidate": Measure.CANDIDATES,
    "seats": Measure.SEATS,
    "seat": Measure.SEATS,
    "mps": Measure.SEATS,
}


@dataclass(frozen=True)
class Found:
    """One phrase of the question and what it means."""

    start: int
    end: int
    sense: Sense
    text: str
    role: Role  # the sense's role, kept beside it: read for every phrase many times over


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
    # What "not"/"except" applies to where it is read: ("party", id), ("place", id), ("won", "")
    negated: tuple[tuple[str, str], ...] = ()
    negated_at: frozenset[int] = frozenset()  # where those targets stand in the question
    not_held: tuple[str, ...] = ()  # words asking what the results do not hold
    unanswerable: tuple[str, ...] = ()  # "why", "before"
    judgement: tuple[str, ...] = ()  # "landslide"
    loose_places: tuple[str, ...] = ()  # "up north": no one region of the results
    earlier: bool = False  # another election than 2024
    since_2019: bool = False  # "compared to 2019"
    existential: bool = False  # "are there": "there" is no seat
    national: bool = False
    yes_no: bool = False
    roles: frozenset[Role] = field(default_factory=frozenset)

    def has(self, role: Role) -> bool:
        return role in self.roles

    @property
    def has_total(self) -> bool:
        """'in total', 'add up': a total asked for in so many words."""
        return any(f.sense.value is Operation.TOTAL for f in self.found)

    def texts(self, role: Role) -> tuple[str, ...]:
        return tuple(f.text for f in self.found if f.role is role)


def read_words(resolution: Resolution) -> Parsed:
    words = resolution.words
    named = {i for m in resolution.mentions for i in range(m.start, m.end)}
    doubtful = {i for m in resolution.doubtful for i in range(m.start, m.end)}
    found, figures, loose = _scan(words, named | doubtful)
    found = _won_by_whom(found, words, resolution.mentions)
    years = [i for i in loose if is_year(words[i])]
    loose = [i for i in loose if i not in years]
    roles = frozenset(f.role for f in found)
    negated, negated_at, unresolved = _negated(found, words, resolution.mentions, roles)
    not_understood = tuple(
        words[i] for i in loose if words[i] not in NON_NAME_WORDS and not is_number(words[i])
    )
    since_2019 = False
    earlier = Role.EARLIER in roles
    for i in years:
        year = int(words[i])
        if year == ELECTION_YEAR:
            continue
        before = {f.role for f in found if f.end in {i, i - 1}}
        if year == BASELINE_YEAR and (
            before & {Role.BASELINE, Role.FROM, Role.THAN} or Role.BASELINE in roles
        ):
            since_2019 = True
        else:
            earlier = True
    first = next((f for f in found if not _is_opener(words, f)), None)
    yes_no = (
        first is not None
        and first.role in {Role.YES_NO, Role.EXISTENTIAL}
        and first.start <= _first_word(words)
        and not {Role.RISE, Role.FALL} <= roles  # "did it go up or down": which, not yes or no
    )
    parsed = Parsed(
        None,
        tuple(found),
        tuple(figures),
        not_understood,
        negations=tuple(unresolved),
        negated=tuple(negated),
        negated_at=frozenset(negated_at),
        not_held=tuple(f.text for f in found if f.role is Role.NOT_HELD),
        unanswerable=tuple(f.text for f in found if f.role is Role.UNANSWERABLE),
        judgement=tuple(f.text for f in found if f.role is Role.JUDGEMENT),
        loose_places=tuple(f.text for f in found if f.role is Role.LOOSE_PLACE),
        earlier=earlier,
        since_2019=since_2019,
        existential=Role.EXISTENTIAL in roles,
        national=Role.NATIONAL in roles,
        yes_no=yes_no,
        roles=roles,
    )
    if earlier or parsed.not_held or parsed.negations or parsed.unanswerable:
        return parsed
    if parsed.loose_places:
        return parsed
    if not (roles - _SHAPE_ONLY) and not figures:
        return parsed  # names and filler: nothing to compute ("who is azeem rafiq")
    # Set once, here, while the Parsed is still being made: replace() would copy it all.
    object.__setattr__(parsed, "ask", _ask(parsed, resolution.mentions))
    return parsed


_NOT = frozenset({"not", "never", "didnt", "dont", "doesnt", "didn t", "don t", "doesn t"})
_SKIPPED = frozenset({"the", "in", "a", "an", "of", "by", "for"})
_SET_OPERATIONS = frozenset({Operation.COUNT, Operation.LIST, Operation.TOTAL})


def _negated(
    found: list[Found], words: tuple[str, ...], mentions: tuple[Mention, ...],
    roles: frozenset[Role],
) -> tuple[list[tuple[str, str]], set[int], list[str]]:  # fmt: skip
    """What each "not", "except", "other than" applies to: a party or a place named next
    ("except London", "MPs other than Labour"), or, in a question over many rows, winning or
    losing ("seats Labour didn't win"). Any other is left unread, and refused."""
    by_start = {m.start: m for m in mentions}
    found_at = {f.start: f for f in found}
    over_many = Role.ASKS_WHICH in roles or Role.ASKS_WHERE in roles or any(
        f.role is Role.OPERATION and f.sense.value in _SET_OPERATIONS for f in found)  # fmt: skip
    negated: list[tuple[str, str]] = []
    at: set[int] = set()
    unresolved: list[str] = []
    for f in found:
        if f.role is not Role.NEGATION:
            continue
        i = f.end
        while i < len(words) and words[i] in _SKIPPED and i not in by_start:
            i += 1
        mention, outcome = by_start.get(i), found_at.get(i)
        kind = mention.keys[0].kind.value if mention and not mention.ambiguous else ""
        if kind in {"party", "place", "seat"} and mention is not None:
            negated.append((kind, mention.keys[0].id))
            at.add(i)
        elif over_many and f.text in _NOT and outcome and outcome.role in {Role.WON, Role.LOST}:
            negated.append(("won" if outcome.role is Role.WON else "lost", ""))
            at.add(i)
        else:
            unresolved.append(f.text)
    return negated, at, unresolved


def _won_by_whom(
    found: list[Found], words: tuple[str, ...], mentions: tuple[Mention, ...]
) -> list[Found]:
    """'won by a woman', 'won by Labour' say who won; 'won by 5,000' says by how much."""
    starts = {m.start for m in mentions}
    genders = {f.start for f in found if f.role is Role.GENDER}
    read: list[Found] = []
    for f in found:
        if f.text in {"won by", "win by", "wins by"}:
            at = f.end + (1 if f.end < len(words) and words[f.end] in {"a", "an", "the"} else 0)
            if at in starts or at in genders:
                f = Found(f.start, f.end, Sense(Role.WON), f.text, Role.WON)
        read.append(f)
    return read


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
    # How far a phrase may reach from each word: up to the next name.
    reach = [len(words)] * (len(words) + 1)
    for j in range(len(words) - 1, -1, -1):
        reach[j] = j if j in named else reach[j + 1]
    i = 0
    while i < len(words):
        if i in named:
            i += 1
            continue
        word = words[i]
        figure = _figure_at(words, i) if word[0].isdigit() else None
        if figure is not None:
            figures.append(figure)
            i = figure.end
            continue
        for length in range(min(LONGEST_FROM.get(word, 0), reach[i] - i), 0, -1):
            text = word if length == 1 else " ".join(words[i : i + length])
            sense = PHRASES.get(text)
            if sense is not None:
                found.append(Found(i, i + length, sense, text, sense.role))
                i += length
                break
        else:
            loose.append(i)
            i += 1
    return found, figures, loose


def _figure_at(words: tuple[str, ...], i: int) -> Figure | None:
    """'1,000' (tokenised as 1 000), '50 percent', '20k'; a year only after 'under', 'than'."""
    word = words[i]
    multiplier = 1
    if word.endswith("k") and is_number(word[:-1]):
        word, multiplier = word[:-1], 1000
    if not is_number(word):
        return None
    if is_year(word) and multiplier == 1 and (i == 0 or words[i - 1] not in _BEFORE_A_FIGURE):
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


@dataclass(frozen=True)
class _Subjects:
    people: tuple[str, ...]
    seats: tuple[str, ...]
    parties: tuple[str, ...]
    places: tuple[str, ...]
    genders: tuple[str, ...]

    @property
    def pairs(self) -> bool:
        """Two of a kind: a comparison's two sides."""
        return any(len(v) > 1 for v in (self.people, self.seats, self.places, self.genders))


def _ask(parsed: Parsed, mentions: tuple[Mention, ...]) -> Ask | None:
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
    subjects = _Subjects(
        named[Kind.PERSON],
        named[Kind.SEAT],
        named[Kind.PARTY],
        named[Kind.PLACE],
        tuple(dict.fromkeys(str(f.sense.value) for f in found if f.role is Role.GENDER)),
    )
    parties_pair = len(subjects.parties) > 1 and not parsed.has(Role.FROM)
    direction = _direction(found)
    thresholds, threshold_used = _thresholds(parsed, direction)
    measure, most = _measure(found, threshold_used)
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
    ahead_of = [f for f in found if f.text in {"ahead", "behind", "lead"}]
    if ahead_of and side_by_side and most is None:
        measure, most = Measure.VOTES, ahead_of[0].text != "behind"
    operation = _operation(parsed, measure, subjects, side_by_side, most, direction, thresholds)
    if operation is None:
        return None
    if operation is Operation.COMPARE and measure is None:
        if len(subjects.genders) > 1:
            measure = Measure.NUMBER  # "were more women than men elected"
        elif subjects.people or (subjects.seats and subjects.parties):
            measure = Measure.VOTES  # "who finished higher in Bristol Central, X or Y"
        elif parsed.since_2019:
            measure = Measure.SEATS
    if operation is Operation.TOTAL and measure is None:
        operation = Operation.COUNT  # "how many seats in total in Wales"
    unit = _unit(found, measure, subjects)
    if measure is None and operation is Operation.RANK and unit is Unit.PARTY:
        # "which party came second most often": its second places; else its seats
        has_position = any(f.role is Role.POSITION for f in found)
        measure = Measure.NUMBER if has_position else Measure.SEATS
    descending = True if most is None else most
    if direction is not None and measure is Measure.CHANGE:
        # "fell most": the biggest fall is the lowest change; "rose least" the smallest rise.
        descending = (direction == "rise") == (most is not False)
    selection = _selection(found, parsed, unit, mentions, subjects, thresholds, operation)
    over_many = operation not in {Operation.LOOK_UP, Operation.YES_NO, Operation.COMPARE}
    if over_many and selection.parties and selection.won is None and _of_winners(
            measure, thresholds):  # fmt: skip
        selection = replace(selection, won=True)  # "Labour majorities": seats Labour won
    top = _top(parsed, threshold_used)
    compared = _compared(operation, selection, subjects, parties_pair)
    if operation is Operation.COMPARE and compared is None and not parsed.since_2019:
        return None
    against_2019 = parsed.since_2019 and operation is Operation.COMPARE and compared is None
    also: tuple[Measure, ...] = ()
    if operation is Operation.LOOK_UP and measure is not None:
        # "share and change": every measure named is answered, none silently dropped
        used = {t.measure for t in thresholds} | {measure}
        also = tuple(dict.fromkeys(
            m for f in found if f.role is Role.MEASURE
            and (m := _sense_measure(f.sense)[0]) not in used))  # fmt: skip
    return Ask(
        operation, measure, unit, selection, descending, top, compared, parsed.yes_no,
        against_2019, also,
    )  # fmt: skip


def _ids_by_kind(mentions: tuple[Mention, ...], left_out: set[int]) -> dict[Kind, tuple[str, ...]]:
    """Each kind's entity ids, in the order named, once each, in one pass."""
    found: dict[Kind, dict[str, None]] = {kind: {} for kind in Kind}
    for m in mentions:
        if m.start not in left_out:
            kind, _, entity_id = m.keys[0].partition(":")
            found[Kind(kind)][entity_id] = None
    return {kind: tuple(ids) for kind, ids in found.items()}


def _ids(mentions: tuple[Mention, ...], kind: Kind) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.keys[0].id for m in mentions if m.keys[0].is_a(kind)))


def _counts_seats_won(found: tuple[Found, ...], most: bool | None) -> bool:
    seats = any(f.role is Role.UNIT and f.sense.value is Unit.SEAT for f in found)
    return seats and most is not None and any(f.role is Role.WON for f in found)


def _seat_counts_candidates(found: tuple[Found, ...], subjects: _Subjects) -> bool:
    """'which seat had the most candidates', 'the number of candidates in Clacton and
    Bristol Central': candidates as a figure of seats, not as rows."""
    if not any(f.role is Role.UNIT and f.sense.value is Unit.CANDIDATE for f in found):
        return False
    if any(f.role is Role.UNIT and f.sense.value is Unit.SEAT for f in found):
        return any(f.role in {Role.MOST, Role.LEAST} for f in found)
    return len(subjects.seats) > 1 or len(subjects.places) > 1


def _sense_measure(sense: Sense) -> tuple[Measure, bool | None]:
    value = sense.value
    if isinstance(value, tuple):  # "closest" is the smallest majority, even in "top 5"
        return value[0], value[1]
    assert isinstance(value, Measure)
    return value, None


def _measure(
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
            measure, carried = _sense_measure(f.sense)
            named.append(measure)
            most = carried if carried is not None else most
    if not named:
        return None, most
    return min(named, key=_SPECIFICITY.index), most


def _direction(found: tuple[Found, ...]) -> str | None:
    roles = {f.role for f in found}
    if {Role.RISE, Role.FALL} <= roles:
        return None  # "did her share go up or down": the change, either way
    for f in found:
        if f.role is Role.RISE:
            return "rise"
        if f.role is Role.FALL:
            return "fall"
    return None


def _thresholds(parsed: Parsed, direction: str | None) -> tuple[tuple[Threshold, ...], set[int]]:
    """'under 1,000', 'more than 20,000 votes', '50% or more': each with its measure: the one
    named right before the comparison ('majorities under 1,000', 'lost by fewer than 500'),
    else the one after the figure ('more than 20,000 votes'), else what the figure is."""
    thresholds: list[Threshold] = []
    used: set[int] = set()
    for figure in parsed.figures:
        before = next(
            (f for f in parsed.found if f.end in {figure.start, figure.start - 1}
             and f.role in _COMPARISONS), None)  # fmt: skip
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
    kinds = {_sense_measure(f.sense)[0] for f in measures}
    if figure.percent:
        for percent_measure in (Measure.TURNOUT, Measure.CHANGE, Measure.SHARE):
            if percent_measure in kinds:
                return percent_measure
        return Measure.SHARE
    right_after = [f for f in parsed.found if f.start == figure.end]
    if right_after and right_after[0].text in _FIGURE_NOUNS:
        return _FIGURE_NOUNS[right_after[0].text]  # "more than 10 candidates"
    named_after = [_sense_measure(f.sense)[0] for f in right_after if f.role is Role.MEASURE]
    if word.start > 0 and any(f.text == "by" and f.end == word.start for f in parsed.found):
        # "win Clacton by more than 8k", "lose by under 500": the margin
        if parsed.has(Role.WON):
            return Measure.AHEAD
        if parsed.has(Role.LOST):
            return Measure.BEHIND
    adjacent = [f for f in measures if f.end in {word.start, word.start - 1}]
    named_before = _sense_measure(adjacent[-1].sense)[0] if adjacent else None
    if named_after and named_after[0] is Measure.CHANGE:
        return Measure.CHANGE  # "share fell by over 20 points"
    if named_before is not None and (not named_after or named_before in _MARGINS):
        return named_before  # "majorities under 1,000", "lost by fewer than 500 votes"
    if named_after:
        return named_after[0]  # "more than 20,000 votes"
    after = [f for f in measures if figure.end <= f.start <= figure.end + 2]
    before = [f for f in measures if f.end <= word.start]
    for f in (*after, *reversed(before)):
        return _sense_measure(f.sense)[0]
    return Measure.VOTES


# Margins counted in votes: "won by more than 5,000 votes" is the margin, not the votes.
_MARGINS = frozenset({Measure.BEHIND, Measure.AHEAD, Measure.MAJORITY})


def _is_seat_count(parsed: Parsed, figure: Figure) -> bool:
    return any(f.start == figure.end and f.text in {"seats", "seat"} for f in parsed.found)


def _operation(
    parsed: Parsed,
    measure: Measure | None,
    subjects: _Subjects,
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
    if parsed.since_2019 and measure is None and subjects.parties and not one:
        return Operation.COMPARE  # how a party did against its notional 2019 seats
    if side_by_side and (most is not None or (measure in {Measure.VOTES} and parsed.yes_no)):
        return Operation.COMPARE  # "which got more votes, Labour or Reform"
    if parsed.yes_no and thresholds and Operation.COUNT not in ops:
        return Operation.YES_NO
    if Operation.RANK in ops:
        return Operation.RANK
    ranked = most is not None or (direction is not None and parsed.has(Role.MOST))
    if ranked and not thresholds and (not one or parsed.has(Role.ASKS_WHERE)):
        return Operation.RANK
    if Operation.TOTAL in ops:
        return Operation.TOTAL
    if Operation.COUNT in ops:
        counted = parsed.roles & {Role.GENDER, Role.SITTING, Role.FIRST_TIME} or any(
            f.role is Role.UNIT and f.text not in _ONE_OF for f in parsed.found
        )  # "how many candidates", not "how many votes did the Green candidate get"
        counted_people = parsed.has(Role.PEOPLE) and measure is None
        if thresholds or counted or counted_people or _mps(parsed):
            return Operation.COUNT
        if measure is not None:
            return Operation.LOOK_UP  # "how many votes", "how much did she win by"
        return Operation.COUNT
    if Operation.LIST in ops:
        return Operation.LIST
    if thresholds:
        return Operation.LIST
    people_nouns = {Role.UNIT, Role.GENDER, Role.SITTING, Role.FIRST_TIME}
    if parsed.has(Role.ASKS_WHICH) and (parsed.roles & people_nouns or _mps(parsed)):
        return Operation.LIST  # "which sitting MPs lost", "which women won"
    if parsed.has(Role.ASKS_WHERE) and not one:
        return Operation.LIST
    if parsed.has(Role.UNIT) and parsed.roles & {Role.FROM, Role.SEAT_CHANGE, Role.POSITION}:
        return Operation.LIST  # "seats the Lib Dems took off the Tories"
    if parsed.has(Role.SEAT_CHANGE) and parsed.has(Role.FROM):
        return Operation.LIST  # "lib dem gains from the tories"
    if parsed.yes_no:
        return Operation.YES_NO
    if measure is not None:
        return Operation.LOOK_UP
    return None


def _bare_comparison(parsed: Parsed) -> bool:
    """'did X win by more than Y': "more than" with no figure after it compares two."""
    figures = {f.start for f in parsed.figures}
    return any(
        f.role in _COMPARISONS and f.end not in figures and f.end + 1 not in figures
        for f in parsed.found
    )


def _mps(parsed: Parsed) -> bool:
    return any(f.role is Role.WON and f.sense.value == "mps" for f in parsed.found)


def _unit(found: tuple[Found, ...], measure: Measure | None, subjects: _Subjects) -> Unit:
    if measure is Measure.SEATS:
        return Unit.PARTY  # seats are what parties win
    for f in found:
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
    return Unit.CANDIDATE


def _selection(
    found: tuple[Found, ...],
    parsed: Parsed,
    unit: Unit,
    mentions: tuple[Mention, ...],
    subjects: _Subjects,
    thresholds: tuple[Threshold, ...],
    operation: Operation,
) -> Selection:
    roles = parsed.roles
    parties = subjects.parties
    won: bool | None = None
    sitting: bool | None = True if Role.SITTING in roles else None
    found = tuple(f for f in found if f.start not in parsed.negated_at)
    roles = frozenset(f.role for f in found)
    if any(f.role is Role.WON for f in found) or _party_seats(found, mentions):
        won = True  # "Labour MPs", "seats Labour won", "Conservative seats"
    lost_share = any(t.measure is Measure.CHANGE for t in thresholds)
    if Role.LOST in roles and not lost_share:  # "lost more than 30 points" is a fall
        won = False
        if _mps(parsed):
            sitting = True  # "MPs who lost": those who were MPs
    position = next((f.sense.value for f in found if f.role is Role.POSITION), None)
    placed = None
    if isinstance(position, int) and len(parties) > 1 and Role.WON in roles:
        # "seats Labour won where the Conservatives came second": the party named just
        # before the place came there; the other won.
        at = next(f.start for f in found if f.role is Role.POSITION)
        before = [m for m in mentions if m.keys[0].is_a(Kind.PARTY) and 0 < at - m.end <= 2]
        if before:
            placed = (before[-1].keys[0].id, position)
            parties = tuple(p for p in parties if p != placed[0])
            position = None
    change = next((f.sense.value for f in found if f.role is Role.SEAT_CHANGE), None)
    gained_from = None
    winners = parties
    if Role.FROM in roles and parties and not _swing_asked(found):
        # "gained from the SNP": the party after "from" lost the seat.
        at = next(f.end for f in found if f.role is Role.FROM)
        after = [p for p in parties if p in _party_at(mentions, at)]
        if after:
            gained_from = after[0]
            winners = tuple(p for p in parties if p != gained_from)
            change = SeatChange.GAINED
    won_by = None
    to_at = [f.end for f in found if f.role is Role.TO]
    if Role.LOST in roles and to_at:
        # "lost to Reform": the party after "to" won the seat; the other one lost it.
        after = [p for p in parties if p in _party_at(mentions, to_at[0])]
        if after:
            won_by = after[0]
            winners = parties = tuple(p for p in parties if p != won_by)
            if unit is Unit.SEAT:
                parties = winners = (*parties, won_by)
                won_by = None
    if change is SeatChange.GAINED and gained_from is None and to_at and len(parties) == 2:
        # "flipped SNP to Labour": the party after "to" gained, the other lost.
        after = [p for p in parties if p in _party_at(mentions, to_at[0])]
        if after:
            gained_from = next(p for p in parties if p != after[0])
            parties = winners = (after[0],)
            won = True
    seat_losses = unit is Unit.SEAT and won is False and parties and change is None
    if seat_losses and not any(t.measure is Measure.BEHIND for t in thresholds):
        # "seats Labour lost": won from Labour by another party.
        gained_from, winners, won, change = parties[0], parties[1:], None, SeatChange.GAINED
        if winners:
            won = True
    if change is not None and winners and won is None:
        won = True  # "seats Labour held": Labour won them
    if operation is Operation.COMPARE:
        gender = None
    else:
        gender = subjects.genders[0] if subjects.genders else None
    comparing = operation is Operation.COMPARE
    excluded = dict(parsed.negated)
    not_won_by = None
    if "won" in excluded and unit is Unit.SEAT and winners:
        not_won_by, winners, won = winners[0], winners[1:], None  # "seats Labour didn't win"
    elif "won" in excluded:
        won = False  # "which Labour candidates did not win"
    if "lost" in excluded:
        won = True
    return Selection(
        people=subjects.people if len(subjects.people) == 1 else (),
        seats=subjects.seats if len(subjects.seats) == 1 else (),
        parties=winners if not (comparing and len(winners) > 1) else (),
        place=subjects.places[0] if len(subjects.places) == 1 else None,
        won=won,
        position=position if isinstance(position, int) else None,
        gender=gender,
        sitting=sitting,
        first_time=Role.FIRST_TIME in roles,
        seat_change=change if isinstance(change, SeatChange) else None,
        gained_from=gained_from,
        won_by=won_by,
        placed=placed,
        excluded_parties=tuple(i for kind, i in parsed.negated if kind == "party"),
        excluded_place=excluded.get("place"),
        excluded_seats=tuple(i for kind, i in parsed.negated if kind == "seat"),
        not_won_by=not_won_by,
        thresholds=thresholds,
    )


def _of_winners(measure: Measure | None, thresholds: tuple[Threshold, ...]) -> bool:
    """A majority, or a lead over the runner-up, is a winner's: a party's is where it won."""
    margins = {Measure.MAJORITY, Measure.AHEAD}
    return measure in margins or any(t.measure in margins for t in thresholds)


def _swing_asked(found: tuple[Found, ...]) -> bool:
    """'swing from Con to Lab': the parties of a swing, not a seat won from one by another."""
    return any(f.role is Role.MEASURE and f.sense.value is Measure.SWING for f in found)


def _party_seats(found: tuple[Found, ...], mentions: tuple[Mention, ...]) -> bool:
    """'Conservative seats': a party named right before "seats" is the party that won them."""
    ends = {m.end for m in mentions if m.keys[0].is_a(Kind.PARTY)}
    return any(
        f.role is Role.UNIT and f.sense.value is Unit.SEAT and f.start in ends for f in found
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
    operation: Operation, selection: Selection, subjects: _Subjects, parties_pair: bool
) -> tuple[Selection, Selection] | None:
    if operation is not Operation.COMPARE:
        return None
    if len(subjects.people) >= 2:
        first, second = subjects.people[:2]
        return replace(selection, people=(first,)), replace(selection, people=(second,))
    if len(subjects.seats) >= 2:
        first, second = subjects.seats[:2]
        return replace(selection, seats=(first,)), replace(selection, seats=(second,))
    if len(subjects.places) >= 2:
        first, second = subjects.places[:2]
        return replace(selection, place=first), replace(selection, place=second)
    if len(subjects.genders) >= 2:
        first, second = subjects.genders[:2]
        return replace(selection, gender=first), replace(selection, gender=second)
    if parties_pair:
        first, second = subjects.parties[:2]
        return replace(selection, parties=(first,)), replace(selection, parties=(second,))
    return None


def words_read(resolution: Resolution, parsed: Parsed) -> tuple[tuple[str, str], ...]:
    """Each phrase of the question, in order, with what it was read as: a name's kind, a
    role of the lexicon, a figure, or "not understood"."""
    words = resolution.words
    spans: list[tuple[int, str, str]] = []
    for m in resolution.mentions:
        spans.append((m.start, " ".join(words[m.start : m.end]), m.keys[0].kind.value))
    for m in resolution.doubtful:
        spans.append((m.start, " ".join(words[m.start : m.end]), "not understood"))
    for f in parsed.found:
        spans.append((f.start, f.text, f.role.value))
    for figure in parsed.figures:
        spans.append((figure.start, " ".join(words[figure.start : figure.end]), "figure"))
    taken = {i for start, text, _ in spans for i in range(start, start + len(text.split()))}
    for i, word in enumerate(words):
        if i not in taken:
            known = is_number(word) or word in NON_NAME_WORDS
            spans.append((i, word, "question word" if known else "not understood"))
    return tuple((text, role) for _, text, role in sorted(spans))


__all__ = ["Parsed", "read_words", "words_read"]
