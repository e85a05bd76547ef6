"""Which reader answers a question: the evaluator (answers/evaluate.py) takes every question
over the results that the typed reading shows the kinds of dispatch.py would misread; words
that would change the answer but cannot be read are refused here, before anything answers."""

from __future__ import annotations

from dataclasses import replace

from bot.engine import lists
from bot.engine.answer import Answer, Status, paragraph
from bot.engine.catalog import Catalog
from bot.engine.index import Resolution
from bot.engine.intents import Intent, Reading
from bot.engine.keys import Kind
from bot.engine.model.ask import Ask, Measure, Operation, Unit
from bot.engine.understanding.reader import Parsed

# Measures only the evaluator computes.
NEW_MEASURES = frozenset(
    {Measure.ELECTORATE, Measure.VALID, Measure.INVALID, Measure.BEHIND, Measure.AHEAD}
)
# What each kind of question in dispatch.py reads as its measure.
_KIND_MEASURE = {
    Intent.VOTES: Measure.VOTES,
    Intent.SHARE: Measure.SHARE,
    Intent.MAJORITY: Measure.MAJORITY,
    Intent.TURNOUT: Measure.TURNOUT,
    Intent.CHANGE: Measure.CHANGE,
}
FOLLOW_UP_OPENERS = (("and",), ("what", "about"), ("how", "about"), ("what", "of"))


def refusal_of_words(catalog: Catalog, parsed: Parsed) -> Answer | None:
    """'not', 'except': a word that would change the answer, which no reading uses, is
    refused rather than dropped; 'prime minister', 'ages': not in the results."""
    if parsed.negations:
        word = parsed.negations[0]
        text = (
            f"I can’t answer a question with “{word}” in it yet, and leaving “{word}” out "
            "would answer a different question. Ask it another way, for example "
            "“which seats did Labour win in Wales”."
        )
        return Answer(Status.NOT_FOUND, (paragraph(text),), headline="Not understood")
    if parsed.not_held:
        return lists.not_held(catalog, parsed.not_held[0])
    return None


def takes(parsed: Parsed, ask: Ask, reading: Reading) -> bool:
    """Whether the evaluator answers: every question the kinds of dispatch.py cannot read
    whole (a threshold, a measure or filter they do not combine), or read differently."""
    s = ask.selection
    if parsed.since_2019 and ask.operation is Operation.COMPARE and ask.compared is None:
        return bool(s.parties)
    if s.thresholds or ask.measure in NEW_MEASURES:
        return True
    kind_measure = _KIND_MEASURE.get(reading.intent) if reading.intent else None
    if ask.measure is not None and kind_measure is not None and kind_measure != ask.measure:
        return True  # "how many people voted for X": votes, not turnout
    operation = ask.operation
    if operation is Operation.COMPARE:
        return ask.measure is not None and ask.compared is not None
    if operation is Operation.TOTAL:
        return ask.measure is not None
    if operation is Operation.RANK:
        if ask.unit is Unit.PARTY:
            return ask.measure is Measure.CANDIDATES
        return (
            ask.measure is Measure.CHANGE
            or s.position is not None
            or s.seat_change is not None
            or s.won is False
            or (ask.unit is Unit.SEAT and ask.measure in {Measure.VOTES, Measure.SHARE}
                and bool(s.parties))
        )  # fmt: skip
    if operation in {Operation.COUNT, Operation.LIST}:
        if ask.unit is Unit.PARTY:
            return operation is Operation.COUNT and s.position is None
        return s.position is not None and bool(s.place or ask.unit is Unit.CANDIDATE)
    return False


def follow_up_ask(last: Ask, parsed: Parsed, resolution: Resolution) -> Ask | None:
    """'and Scotland?' after a computed question: the same question, with what is named anew
    in place of what it replaces (a place for a place, a party for a party)."""
    words = resolution.words
    if not any(tuple(words[: len(o)]) == o for o in FOLLOW_UP_OPENERS):
        return None
    if not resolution.mentions or parsed.not_understood:
        return None
    changes: dict[str, object] = {}
    for mention in resolution.mentions:
        key = mention.keys[0]
        if key.is_a(Kind.PLACE):
            changes["place"] = key.id
        elif key.is_a(Kind.PARTY):
            changes["parties"] = (key.id,)
        elif key.is_a(Kind.PERSON):
            changes["people"] = (key.id,)
        elif key.is_a(Kind.SEAT):
            changes["seats"] = (key.id,)
    if last.compared is not None:
        return None
    return replace(last, selection=replace(last.selection, **changes))  # type: ignore[arg-type]


def ask_keys(ask: Ask) -> tuple[str, ...]:
    """The entities an Ask is about, as keys, for what was understood (--json, tests)."""
    sides = ask.compared or (ask.selection,)
    keys: list[str] = []
    for s in sides:
        keys += [f"person:{p}" for p in s.people] + [f"seat:{i}" for i in s.seats]
        keys += [f"party:{p}" for p in s.parties] + ([f"place:{s.place}"] if s.place else [])
        keys += [f"party:{s.gained_from}"] if s.gained_from else []
    return tuple(dict.fromkeys(keys))
