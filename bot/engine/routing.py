"""Which reader answers a question. With every seat counted, the evaluator
(answers/computed/evaluate.py) takes every question of a figure, a count, a list or a yes or
no; the kinds of dispatch.py keep overviews (a seat, a person, "compare Labour and Reform",
"which party came second") and a town's own figures ("Labour's votes in Leicester": which
seat?). With the article alone, the evaluator takes what the kinds would misread. Words that
would change the answer but cannot be read are refused here, before anything answers."""

from __future__ import annotations

from dataclasses import fields, replace

from bot.engine.answers import lists, national
from bot.engine.answers.computed.pieces import refusal
from bot.engine.answers.scope import EVERY_SEAT
from bot.engine.answers.tally import not_counted
from bot.engine.model.answer import Answer, Status, paragraph
from bot.engine.model.ask import Ask, Measure, Operation, SeatChange, Selection, Unit
from bot.engine.model.keys import Kind
from bot.engine.results.catalog import Catalog
from bot.engine.understanding.index import Resolution
from bot.engine.understanding.intents import Intent, Outcome, Reading
from bot.engine.understanding.intents import Measure as OldMeasure
from bot.engine.understanding.lexicon import Role
from bot.engine.understanding.reader import Parsed

# Measures only the evaluator computes.
NEW_MEASURES = frozenset(
    {
        Measure.ELECTORATE,
        Measure.VALID,
        Measure.INVALID,
        Measure.BEHIND,
        Measure.AHEAD,
        Measure.SWING,
        Measure.NUMBER,
    }
)
# What each kind of question in dispatch.py reads as its measure.
_KIND_MEASURE = {
    Intent.VOTES: Measure.VOTES,
    Intent.SHARE: Measure.SHARE,
    Intent.MAJORITY: Measure.MAJORITY,
    Intent.TURNOUT: Measure.TURNOUT,
    Intent.CHANGE: Measure.CHANGE,
}
# What the results cannot say, by the word that asked it ("why" by default).
_BEYOND = {
    **dict.fromkeys(("before", "after", "during", "until"), "nothing of before or after the count"),
    **dict.fromkeys(("if", "what if", "would have", "could have", "should have"),
                    "not what might have happened otherwise"),
}  # fmt: skip
# Kinds of question about the sources, the article or the bot: never a computation.
_NOT_COMPUTED = frozenset(
    {Intent.HELP, Intent.SOURCE, Intent.COVERAGE, Intent.SAID, Intent.NOT_HELD, Intent.DECLARED}
)
# What a ranking in dispatch.py orders by, in the typed reading's terms.
_RANKED = {
    OldMeasure.VOTES: Measure.VOTES,
    OldMeasure.SHARE: Measure.SHARE,
    OldMeasure.MAJORITY: Measure.MAJORITY,
    OldMeasure.TURNOUT: Measure.TURNOUT,
    OldMeasure.CHANGE: Measure.CHANGE,
    OldMeasure.SEATS: Measure.SEATS,
    OldMeasure.CANDIDATES: Measure.CANDIDATES,
}
# "in the North East?" alone, after a question, is that question asked there
FOLLOW_UP_OPENERS = (("and",), ("what", "about"), ("how", "about"), ("what", "of"), ("in",))


def refusal_of_words(catalog: Catalog, parsed: Parsed) -> Answer | None:
    """'not', 'except': a word that would change the answer, which no reading uses, is
    refused rather than dropped; 'prime minister', 'ages': not in the results."""
    if parsed.negations or (parsed.negated and parsed.ask is None):
        said = parsed.negations or parsed.texts(Role.NEGATION)
        word = said[0] if said else "not"
        text = (
            f"I can’t answer a question with “{word}” in it yet, and leaving “{word}” out "
            "would answer a different question. Ask it another way, for example "
            "“which seats did Labour win in Wales”."
        )
        return Answer(Status.NOT_FOUND, (paragraph(text),), headline="Not understood")
    if parsed.not_held:
        return lists.not_held(catalog, parsed.not_held[0])
    beaten = parsed.ask is None or parsed.ask.operation is not Operation.COMPARE
    if parsed.ask is not None and parsed.ask.compared is not None and not beaten:
        sides = [side.people for side in parsed.ask.compared]
        seats = {r.seat for people in sides for p in people for r in catalog.results_by_person[p]}
        beaten = all(sides) and len(seats) > 1  # two people who never met at the count
    # "by more than 10,000", "in seats": a margin or a measure a comparison of votes would drop
    beaten = beaten or bool(parsed.figures) or parsed.has(Role.UNIT)
    if parsed.yes_no and parsed.has(Role.BEAT) and beaten:
        # "did Farage beat the Conservative in Clacton": read as "did Farage lose", it would
        # be answered No; only two people, or two parties in one seat, are compared yet.
        text = (
            "I can’t tell who beat whom from that yet. Name both candidates, for example "
            "“did Farage beat Giles Watling”, or two parties in one seat, “did Labour beat "
            "Reform in Clacton”."
        )
        return Answer(Status.NOT_FOUND, (paragraph(text),), headline="Not understood")
    if parsed.loose_places:
        text = (
            f"“{parsed.loose_places[0]}” is not one region in the results. I know the nations "
            "(England, Scotland, Wales, Northern Ireland) and England’s regions: the North East, "
            "the North West, Yorkshire and The Humber, the East Midlands, the West Midlands, "
            "the East of England, London, the South East and the South West. Ask about one of "
            "them."
        )
        return Answer(Status.NOT_FOUND, (paragraph(text),), headline="Which region?")
    if parsed.unanswerable:
        word = parsed.unanswerable[0]
        beyond = _BEYOND.get(word, "not why")
        text = (
            f"I can’t answer “{word}”: the results say who stood, who won and by how much, "
            f"{beyond}. Ask what happened instead, for example “how did Labour do in Scotland”."
        )
        return Answer(Status.NOT_FOUND, (paragraph(text),), headline="Not in the results")
    if parsed.judgement and not catalog.counts_every_seat:
        return not_counted(catalog)
    if parsed.judgement:
        # "was it a landslide": the figures, and no adjective of the bot's own.
        totals = national.seat_totals(catalog, EVERY_SEAT)
        lead = paragraph(
            f"Whether it was “{parsed.judgement[0]}” is a judgement the results don’t make; "
            "the figures:"
        )
        return replace(totals, blocks=(lead, *totals.blocks))
    return None


def takes(
    parsed: Parsed,
    ask: Ask,
    reading: Reading,
    every_seat_counted: bool = False,
    asked_of_a_town: bool = False,
) -> bool:
    """Whether the evaluator answers. With every seat counted, all but overviews; otherwise
    every question the kinds of dispatch.py cannot read whole (a threshold, a measure or
    filter they do not combine), or read differently."""
    s = ask.selection
    operation = ask.operation
    if reading.intent in _NOT_COMPUTED:
        return False
    if parsed.has(Role.EACH):  # "votes for each party": a ranking of the parties, else a kind's
        # By seats, the Commons or a place's overview (dispatch.py) says it, with votes
        by_votes = ask.measure in {Measure.VOTES, Measure.SHARE}
        return ask.unit is Unit.PARTY and operation is Operation.RANK and by_votes
    if every_seat_counted and ask.unit is Unit.PARTY and ask.selection.position is not None and (
            ask.measure is None):  # fmt: skip
        return False  # "which party came second": by seats, or in the seat in context
    if every_seat_counted and (ask.measure is not None or ask.yes_no or ask.operation in {
            Operation.COUNT, Operation.LIST, Operation.YES_NO}):  # fmt: skip
        # a figure of one seat asked of a town ("Labour's votes in Leicester"): which seat?
        town_total = asked_of_a_town and ask.operation in {Operation.LOOK_UP, Operation.TOTAL}
        return not (town_total and ask.measure not in NEW_MEASURES)
    if (refusal(ask) is not None and ask.measure is not None) or parsed.has_total:
        return True  # said plainly by the evaluator, or added up there
    if ask.against_2019:
        return bool(s.parties)
    if s.thresholds or ask.measure in NEW_MEASURES or s.placed or s.won_by:
        return True
    left_out = s.excluded_parties or s.excluded_place or s.excluded_seats or s.not_won_by
    if left_out or parsed.negated:
        return True  # only the evaluator leaves things out
    if ask.measure is not None and _measured_otherwise(ask, reading):
        return True  # "how many people voted for X": votes, not turnout
    people_filtered = s.gender is not None or s.sitting is not None or s.first_time
    if operation is Operation.COMPARE:
        return ask.measure is not None and ask.compared is not None
    if operation in {Operation.TOTAL, Operation.AVERAGE}:
        return True
    if operation is Operation.RANK:
        if ask.unit is Unit.PARTY:
            return ask.measure in {Measure.CANDIDATES, Measure.NUMBER}
        if ask.unit in {Unit.REGION, Unit.NATION}:
            return True
        return (
            ask.measure is Measure.CHANGE
            or s.position is not None
            or s.seat_change is not None
            or s.won is False
            or people_filtered
            or (ask.unit is Unit.SEAT and ask.measure in {Measure.VOTES, Measure.SHARE}
                and bool(s.parties))
        )  # fmt: skip
    if operation in {Operation.COUNT, Operation.LIST} and (
            (s.gained_from and s.parties) or s.won_by):  # fmt: skip
        return True  # "from the Conservatives to Labour", "MPs who lost to Reform"
    if operation in {Operation.COUNT, Operation.LIST}:
        if s.seat_change is SeatChange.GAINED and reading.intent not in {Intent.GAINS, Intent.LOST}:
            return True  # "how many seats did Labour take from the SNP"
        if s.seat_change is SeatChange.HELD and reading.filters.outcome is not Outcome.HELD:
            return True
        if ask.unit is Unit.PARTY:
            return s.position is None
        if s.position is not None:
            return operation is Operation.COUNT or bool(s.place or ask.unit is Unit.CANDIDATE)
        narrowed = s != replace(Selection(), thresholds=s.thresholds) or parsed.existential
        return ask.unit is Unit.SEAT and narrowed and not s.parties and (
            s.seat_change is None and s.gained_from is None)  # fmt: skip
    if operation is Operation.YES_NO:
        return (s.position is not None and bool(s.parties and s.seats)) or (
            people_filtered and bool(s.seats))  # fmt: skip
    if operation is Operation.LOOK_UP:
        if s.seats and (s.won is not None or s.position is not None) and not s.parties:
            return True  # "how many votes did the winner get there"
        return bool(s.parties and s.seats) and ask.measure not in {Measure.VOTES, Measure.SHARE}
    return False


def _measured_otherwise(ask: Ask, reading: Reading) -> bool:
    """The kinds of dispatch.py read another measure than the typed reading did."""
    if ask.operation is Operation.RANK and reading.intent is Intent.RANKING:
        return _RANKED.get(reading.measure) != ask.measure
    kind_measure = _KIND_MEASURE.get(reading.intent) if reading.intent else None
    return kind_measure is not None and kind_measure != ask.measure


def follow_up_ask(last: Ask, parsed: Parsed, resolution: Resolution) -> Ask | None:
    """'and Scotland?' after a computed question: the same question, with what is named anew
    in place of what it stands for (a place for a place, a party for a party, a seat for a
    seat). Only a follow-up of names alone: "and who won Clacton?" is a question of its own,
    and a person named after a question over many rows is not one of its rows."""
    words = resolution.words
    if not any(tuple(words[: len(o)]) == o for o in FOLLOW_UP_OPENERS):
        return None
    if not resolution.mentions or parsed.not_understood or last.compared is not None:
        return None
    s = last.selection
    # "and from Plaid?" after gains from the SNP: the party the seats were taken from.
    from_party = Role.FROM in parsed.roles and s.gained_from is not None
    to_party = Role.TO in parsed.roles and s.won_by is not None
    allowed = _FOLLOW_UP_ROLES | {
        r for r, on in ((Role.FROM, from_party), (Role.TO, to_party)) if on
    }
    if parsed.roles - allowed or parsed.figures:
        return None
    changes: dict[str, object] = {}
    for mention in resolution.mentions:
        key = mention.keys[0]
        if key.is_a(Kind.PARTY) and (from_party or to_party):
            changes["gained_from" if from_party else "won_by"] = key.id
            continue
        if key.is_a(Kind.PLACE) and not s.people:  # a place for the last place or seat
            changes |= {"place": key.id, "seats": ()}
        elif key.is_a(Kind.SEAT) and not s.people:  # a seat for the last seat or place
            changes |= {"seats": (key.id,), "place": None}
        elif key.is_a(Kind.PARTY) and s.parties:
            changes["parties"] = (key.id,)
        elif key.is_a(Kind.PERSON) and s.people:
            changes["people"] = (key.id,)
        else:
            return None  # named as something the last question was not about
    return replace(last, selection=replace(s, **changes))  # type: ignore[arg-type]


# What an elliptical follow-up of one verb may hold besides it: "and", "what about", "they".
_VERB_ONLY = frozenset({Role.FILLER, Role.ASKS_WHICH, Role.OPERATION, Role.YES_NO})


def outcome_again(last: Ask, parsed: Parsed, resolution: Resolution) -> Ask | None:
    """'and lose?' after 'how many seats did the Tories hold in the South East': the same
    party's seats in the same place, with the outcome named anew (won, lost, gained, held).
    Only a follow-up of that one verb, after a count or list of one party's seats."""
    words = resolution.words
    if not any(tuple(words[: len(o)]) == o for o in FOLLOW_UP_OPENERS) or resolution.mentions:
        return None
    s = last.selection
    if last.unit is not Unit.SEAT or len(s.parties or (s.gained_from,)) != 1 or last.compared:
        return None
    if last.operation not in {Operation.COUNT, Operation.LIST} or parsed.figures:
        return None
    verbs = [f for f in parsed.found if f.role in {Role.WON, Role.LOST, Role.SEAT_CHANGE}]
    if len(verbs) != 1 or {f.role for f in parsed.found} - _VERB_ONLY - {verbs[0].role}:
        return None
    party = s.parties[0] if s.parties else s.gained_from
    assert party is not None
    base = Selection(place=s.place)
    verb = verbs[0]
    if verb.role is Role.LOST:  # seats won from the party by another
        chosen = replace(base, gained_from=party, seat_change=SeatChange.GAINED)
    elif verb.role is Role.WON:
        chosen = replace(base, parties=(party,), won=True)
    else:
        change = verb.sense.value
        assert isinstance(change, SeatChange)
        chosen = replace(base, parties=(party,), won=True, seat_change=change)
    return replace(last, selection=chosen)


_COMPARING = frozenset({"compare", "compares", "compared", "vs", "versus", "against"})
_THAT = frozenset({"that", "this", "it"})


def compared_with_the_last(last: Ask, parsed: Parsed, resolution: Resolution) -> Ask | None:
    """'how does that compare to Keir Starmer', after Ed Davey's majority: the last figure,
    of the last subject and of the one named now. Only one name, of the same kind as the
    last subject's (a person for a person, a seat for a seat, a place for a place)."""
    words = set(resolution.words)
    if not (_COMPARING & words and _THAT & words) or parsed.figures or last.compared:
        return None
    if last.operation not in {Operation.LOOK_UP, Operation.TOTAL} or last.measure is None:
        return None
    if len(resolution.mentions) != 1 or resolution.mentions[0].ambiguous:
        return None
    key, s = resolution.mentions[0].keys[0], last.selection
    if key.is_a(Kind.PERSON) and len(s.people) == 1:
        other = Selection(people=(key.id,))
    elif key.is_a(Kind.SEAT) and len(s.seats) == 1 and not s.people:
        other = replace(s, seats=(key.id,))
    elif key.is_a(Kind.PLACE) and s.place and not (s.people or s.seats):
        other = replace(s, place=key.id)
    elif key.is_a(Kind.PARTY) and len(s.parties) == 1 and not (s.people or s.seats):
        other = replace(s, parties=(key.id,))
    else:
        return None
    return Ask(Operation.COMPARE, last.measure, last.unit, Selection(), compared=(s, other))


def ranked_again(last: Ask, asked: Ask, resolution: Resolution) -> Ask | None:
    """'and highest?' after 'lowest turnout in Wales': the same ranking the other way round
    (and, named anew, in another place or of another party), not a ranking of votes. Only a
    follow-up ("and", "what about"): "who did best in Scotland" is a question of its own."""
    words = resolution.words
    if not any(tuple(words[: len(o)]) == o for o in FOLLOW_UP_OPENERS):
        return None
    if last.operation is not Operation.RANK or last.measure is None or last.compared:
        return None
    if asked.operation is not Operation.RANK or asked.compared:
        return None
    if asked.measure is not None and asked.unit is not last.unit:
        return None  # "and the biggest Reform vote?": another kind of row, its own question
    new, s = asked.selection, last.selection
    if replace(new, place=None, parties=(), won=None) != Selection():
        return None  # narrowed by more than a place or a party: a question of its own
    if new.place is not None:
        s = replace(s, place=new.place, seats=())
    if new.parties:
        s = replace(s, parties=new.parties)
    if asked.measure is not None and asked.measure is not last.measure:
        # "and biggest majority?" after "closest result in London": in London, by majority
        s = replace(s, won=new.won if new.won is not None else s.won)
    measure = asked.measure or last.measure
    return replace(last, measure=measure, selection=s, descending=asked.descending,
                   top=asked.top or last.top)  # fmt: skip


# What a follow-up of names alone may hold besides them: "and", "what about".
_FOLLOW_UP_ROLES = frozenset({Role.FILLER, Role.ASKS_WHICH})


def referenced_keys(ask: Ask) -> tuple[str, ...]:
    """Every entity an Ask names, what it leaves out included: what a button must still find
    in the knowledge to be answered."""
    keys = list(ask_keys(ask))
    for s in ask.compared or (ask.selection,):
        keys += [f"party:{p}" for p in (*s.excluded_parties, *s.not_won_by)]
        keys += [f"seat:{i}" for i in s.excluded_seats]
        keys += [f"place:{s.excluded_place}"] if s.excluded_place else []
        keys += [f"party:{s.won_by}"] if s.won_by else []
        keys += [f"party:{s.placed[0]}"] if s.placed else []
    return tuple(dict.fromkeys(keys))


def ask_keys(ask: Ask) -> tuple[str, ...]:
    """The entities an Ask is about, as keys, for what was understood (--json, tests)."""
    sides = ask.compared or (ask.selection,)
    keys: list[str] = []
    for s in sides:
        keys += [f"person:{p}" for p in s.people] + [f"seat:{i}" for i in s.seats]
        keys += [f"party:{p}" for p in s.parties] + ([f"place:{s.place}"] if s.place else [])
        keys += [f"party:{s.gained_from}"] if s.gained_from else []
    return tuple(dict.fromkeys(keys))


# Words that point back at the rows of the last answer: "how many of them were women".
_THOSE = frozenset({"them", "those", "these"})


def points_back(resolution: Resolution) -> bool:
    """'how many of them', 'which of those': the question points at the last answer's rows."""
    words = resolution.words
    # "which ones were in the South West"; not "Labour ones", which names its own rows
    which_ones = any(words[i : i + 2] == ("which", "ones") for i in range(len(words) - 1))
    return bool(_THOSE & set(words)) or which_ones


# What "how many were Tories" may hold besides the party or gender it narrows by.
_NARROWING_ONLY = frozenset(
    {Role.OPERATION, Role.YES_NO, Role.FILLER, Role.GENDER, Role.ASKS_WHICH, Role.ASKS_WHO}
)


def narrows_the_last(asked: Ask | None, parsed: Parsed) -> bool:
    """'how many were Tories', after a count: "of them" left unsaid. Only a count whose
    every word is a party or a gender."""
    if asked is None or asked.operation is not Operation.COUNT or parsed.roles - _NARROWING_ONLY:
        return False
    s = asked.selection
    return bool(s.parties or s.gender) and s == Selection(parties=s.parties, gender=s.gender)


def of_the_last(
    last: Ask, asked: Ask | None, resolution: Resolution, pointed: bool = False
) -> Ask | str | None:
    """'how many of them were women' after a list: the same rows, narrowed by what is new.
    None: the question does not point back; text: it does, at rows it cannot narrow (the
    few a ranking showed, the two sides of a comparison), said rather than guessed."""
    if not (pointed or points_back(resolution)):
        return None
    places = [m.keys[0].id for m in resolution.mentions if m.keys[0].is_a(Kind.PLACE)]
    if asked is None and len(places) == 1 and len(resolution.mentions) == 1:
        # "which ones were in the South West": the same rows, there
        asked = replace(last, selection=Selection(place=places[0]))
    parties = [m.keys[0].id for m in resolution.mentions if m.keys[0].is_a(Kind.PARTY)]
    if asked is None and len(parties) == 1 and len(resolution.mentions) == 1:
        # "which of them went to Labour", "which ones were Labour": a seat's rows by who won
        won = True if last.unit is Unit.SEAT else None
        asked = replace(last, selection=Selection(parties=(parties[0],), won=won))
    ranked = last.operation is Operation.RANK or (asked is not None and asked.unit in {
        Unit.REGION, Unit.NATION})  # fmt: skip
    if asked is None:
        return (
            "I can’t tell what to narrow that last answer’s rows by: ask the whole question "
            "again with what you add."
        )
    if last.compared is not None or asked.compared is not None or ranked:
        return (
            "I can’t narrow the rows of that last answer (a ranking’s first few, or a "
            "comparison’s two sides) yet: ask the whole question again with what you add."
        )
    new = asked.selection
    if new.people or new.seats:
        return None
    people_level = new.gender or new.sitting is not None or new.first_time or new.won is not None
    chosen_by_another = last.selection.candidate_filtered and last.selection.won is not True
    if last.unit is Unit.SEAT and chosen_by_another and people_level:
        # "seats Reform came second in", then "which of them were won by women": the women
        # would be Reform's second-placed candidates; say so rather than guess.
        return (
            "I can’t narrow those seats by who won them yet, when they were chosen by another "
            "candidate’s result: ask the whole question again."
        )
    unset = Selection()
    changes = {
        f.name: getattr(new, f.name)
        for f in fields(Selection)
        if getattr(new, f.name) != getattr(unset, f.name)
    }
    if "thresholds" in changes:
        changes["thresholds"] = (*last.selection.thresholds, *new.thresholds)
    narrowed = replace(last.selection, **changes)
    only_gender = new.gender is not None and new == replace(Selection(), gender=new.gender)
    candidates_said = bool({"candidate", "candidates"} & set(resolution.words))
    if last.unit is Unit.SEAT and only_gender and not candidates_said and narrowed.won is None:
        # "seats that changed hands", then "how many of them were women": their winners (a
        # woman who came second, or any woman candidate, is asked in other words).
        narrowed = replace(narrowed, won=True)
    gainers = last.unit is Unit.SEAT and narrowed.seat_change is not None and new.parties
    if gainers and narrowed.won is None and not candidates_said:
        # "seats the Tories lost", then "how many of those to the Lib Dems": the party that
        # took them, not any seat where it stood
        narrowed = replace(narrowed, won=True)
    return replace(asked, selection=narrowed, unit=last.unit)
