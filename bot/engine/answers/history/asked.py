"""Which answer across elections a question gets, from what it names (a seat, a person, a
party, a place) and which elections it asks about. A kind of question these answers do not
compute for an earlier election is refused by name here, never answered as a neighbouring one.
"""

from __future__ import annotations

from dataclasses import replace

from bot.engine.answers.history.by_elections import by_elections_answer, no_general_election
from bot.engine.answers.history.focus import focused
from bot.engine.answers.history.parties import election_winner, party_in_year, party_trend
from bot.engine.answers.history.people import record
from bot.engine.answers.history.seats import (
    current_mp,
    mp_before,
    predecessors_answer,
    race_answer,
    record_answer,
)
from bot.engine.model.answer import Answer, Status, paragraph
from bot.engine.model.ask import Measure
from bot.engine.results.elections import BY_ELECTION, Elections, Race
from bot.engine.understanding.elections import ELECTION_YEAR, ElectionsAsked, Subjects
from bot.engine.understanding.intents import Intent

GAIN_WORDS = frozenset("gain gains gained changed flipped flip lost lose".split())
WHEN_WORDS = frozenset({"when", "date", "day"})
LOSING_WORDS = frozenset({"lose", "lost", "beaten", "defeated"})
# Words comparing one election with another ("bigger than in 2019"): not computed yet.
COMPARING_WORDS = frozenset(
    "than compared compare versus vs bigger smaller higher lower increase increased decrease "
    "decreased grow grew fell fall rose rise".split()
)
# What a question about an earlier election can be, beyond a seat's or party's result.
_NOT_YET = frozenset(
    {Intent.RANKING, Intent.COUNT, Intent.COMPARE, Intent.SAID, Intent.DECLARED, Intent.LOST}
)
NOT_YET = "Not yet for earlier elections"  # the headline of what these answers do not compute
WHAT_I_ANSWER = (
    "For the elections before 2024 I can give a seat’s result (who won, who came second, the "
    "majority, the turnout), a seat’s or a person’s record, who won an election, a party’s "
    "seats, votes and share (in a nation or region too), the by-elections, and counts, lists "
    "and rankings within one general election (“biggest majority in 2017”); not comparisons "
    "of one election with another, or changes and swings."
)


def measure_of(words: tuple[str, ...]) -> Measure | None:
    bag = set(words)
    for measure, named in (
        (Measure.SEATS, {"seats", "seat", "mps"}),
        (Measure.SHARE, {"share", "percent", "percentage", "%"}),
        (Measure.MAJORITY, {"majority", "margin"}),
        (Measure.TURNOUT, {"turnout"}),
        (Measure.VOTES, {"votes", "vote"}),
    ):
        if bag & named:
            return measure
    return None


def across_elections(
    elections: Elections,
    subjects: Subjects,
    asked: ElectionsAsked,
    intent: Intent | None,
    place: int | None,
    yes_no: bool,
    words: tuple[str, ...],
) -> Answer | None:
    """The answer across elections; None: a question about 2024 alone, for the usual path."""
    year = asked.year
    if year == ELECTION_YEAR and not asked.by_election:
        return None  # "who won Clacton in 2024": the 2024 results
    if year is not None and year < elections.first_year():
        return no_general_election(elections, year)
    measure = measure_of(words)
    ranged = asked.every or asked.since is not None
    if COMPARING_WORDS & set(words) and not (ranged and subjects.parties and not subjects.seat):
        return _not_yet(asked)  # "was his majority bigger than in 2019"
    if asked.before_now and subjects.person is not None and subjects.seat is None:
        won = [
            race
            for race, c in elections.by_person_id.get(f"person:{subjects.person}", [])
            if race.winner is c
        ]  # "the MP before Farage": before them in the seat they last won
        if won:
            subjects = replace(subjects, seat=won[-1].seat, seat_name=won[-1].name)
    if subjects.seat is not None and (asked.before_now or asked.now):
        # "the MP for X before Corbyn", "is Mike Amesbury the MP for Runcorn"
        return _seat(elections, subjects, asked, intent, place, yes_no, measure, words)
    if subjects.person is not None:
        person = elections.catalog.people[subjects.person]
        stood_in_2024 = bool(elections.catalog.results_by_person.get(person.id))
        if year is None and not (asked.every or asked.since) and stood_in_2024:
            return None
        if subjects.seat is not None and ranged:  # "has Farage always been Clacton's MP"
            return _seat(elections, subjects, asked, intent, place, yes_no, measure, words)
        always = None
        if yes_no and ranged:  # "has Carswell always been UKIP", "... always been an MP"
            always = subjects.parties[0] if subjects.parties else "mp"
            always = "lost" if LOSING_WORDS & set(words) else always  # "did he ever lose"
        not_2024 = not stood_in_2024 and year is None and not ranged and intent is not None
        return record(elections, person, year, asked.since, always, not_2024)
    if subjects.seat is not None:
        return _seat(elections, subjects, asked, intent, place, yes_no, measure, words)
    if intent in _NOT_YET and not (asked.by_election and intent is Intent.COUNT):
        return _not_yet(asked)
    if subjects.parties:
        return _party(elections, subjects, asked, measure, intent)
    if asked.by_election:
        return _by_elections(elections, asked, words)
    if subjects.place is not None:
        return _not_yet(asked)
    if year is not None:
        election = elections.general(year)
        if election is None:
            return no_general_election(elections, year)
        if measure not in {None, Measure.SEATS} or intent not in {None, Intent.WINNER}:
            return _not_yet(asked)  # "turnout in 2019": not computed over every seat yet
        return election_winner(elections, election)
    return _not_yet(asked) if asked.earlier else None


def _seat(
    elections: Elections,
    subjects: Subjects,
    asked: ElectionsAsked,
    intent: Intent | None,
    place: int | None,
    yes_no: bool,
    measure: Measure | None,
    words: tuple[str, ...],
) -> Answer | None:
    seat, name = subjects.seat, subjects.seat_name or ""
    assert seat is not None
    races = elections.by_seat.get(seat, [])
    if asked.before_now and races:  # "who was the MP before", "the MP for X before Corbyn"
        person = elections.catalog.people.get(subjects.person or "")
        return mp_before(elections, name, races, person)
    if asked.by_election:
        held = [r for r in races if r.election.kind == BY_ELECTION]
        what = "since 2010" if asked.year is None else f"in {asked.year}"
        if asked.year is not None:
            held = [r for r in held if r.year == asked.year]
        if held and (_focused(intent, measure, words) or subjects.parties):
            # "who came second" in it, "turnout?": of the latest, which the answer names
            return _race_focus(elections, held[-1], subjects, intent, place, yes_no, measure, words)
        return by_elections_answer(elections, held, what, bool(GAIN_WORDS & set(words)), name)
    if asked.every or asked.since is not None:
        if intent in _NOT_YET - {Intent.LOST}:
            return _not_yet(asked)
        since = asked.since or elections.first_year()
        chosen = [
            r for r in races if r.year >= since and (asked.until is None or r.year <= asked.until)
        ]
        if not chosen:
            return _nothing_held(name, f"since {since}")
        party = subjects.parties[0] if subjects.parties else None
        person = elections.catalog.people.get(subjects.person or "")
        return record_answer(elections, name, chosen, party, person, asked.ever)
    year = asked.year
    if year is None:
        if not asked.now:
            return None
        latest = elections.latest_by_election(seat)
        if latest is None:
            return None  # the 2024 winner is the MP: the usual answer says so
        if intent is not Intent.WINNER and _focused(intent, measure, words):
            # "who did she beat", "when was it", after the MP now
            return _race_focus(elections, latest, subjects, intent, place, yes_no, measure, words)
        at_2024 = next((r for r in races if r.election.id == "ge2024"), None)
        person = elections.catalog.people.get(subjects.person or "")
        return current_mp(elections, latest, at_2024, person)
    if intent in _NOT_YET or intent is Intent.CHANGE or measure in {Measure.SEATS}:
        return _not_yet(asked)  # computed over that year's results, where they allow
    election = elections.general(year)
    race = elections.race(election, seat) if election is not None else None
    if race is None:
        in_year = [r for r in races if r.year == year and r.election.kind == BY_ELECTION]
        race = in_year[0] if in_year else None
    if race is None:
        if election is not None and seat in elections.predecessors:
            return predecessors_answer(elections, seat, name, year, True)
        general = "was no general election" if election is None else "is no result of"
        said = (
            f"There {general} in {year}, and no by-election in {name} that year."
            if election is None
            else f"I hold no result for {name} in {year}."
        )
        return Answer(Status.NOT_FOUND, (paragraph(said),), headline=f"{name}: nothing in {year}")
    return _race_focus(elections, race, subjects, intent, place, yes_no, measure, words)


def _focused(intent: Intent | None, measure: Measure | None, words: tuple[str, ...]) -> bool:
    """Asks one thing of a race: who came Nth, the majority, turnout, who was beaten, when."""
    return (
        intent in {Intent.PLACE, Intent.MAJORITY, Intent.TURNOUT, Intent.LOST, Intent.WINNER}
        or measure in {Measure.MAJORITY, Measure.TURNOUT}
        or bool(WHEN_WORDS & set(words))
    )


def _race_focus(
    elections: Elections,
    race: Race,
    subjects: Subjects,
    intent: Intent | None,
    place: int | None,
    yes_no: bool,
    measure: Measure | None,
    words: tuple[str, ...] = (),
) -> Answer:
    """The race's answer, its first line answering what was asked of it."""
    answer = race_answer(elections, race)
    asks_when = bool(WHEN_WORDS & set(words))
    return focused(
        elections, answer, race, subjects.parties, intent, place, yes_no, measure, asks_when
    )


def _party(
    elections: Elections,
    subjects: Subjects,
    asked: ElectionsAsked,
    measure: Measure | None,
    intent: Intent | None,
) -> Answer:
    if len(asked.years) > 1 and asked.since is None:
        return one_at_a_time()  # "Labour in 2015 or 2017": each asked alone
    if asked.every or asked.since is not None:
        if len(subjects.parties) > 1:
            return one_at_a_time()
        if intent not in {None, Intent.SEATS, Intent.VOTES, Intent.SHARE, Intent.CHANGE}:
            return _not_yet(asked)  # "did the Greens ever come second"
        since = asked.since or elections.first_year()
        return party_trend(
            elections, subjects.parties[0], measure or Measure.SHARE, since, asked.until,
            subjects.place,
        )  # fmt: skip
    if not asked.years and all(p in elections.catalog.parties for p in subjects.parties):
        return _not_yet(asked)  # a party with no year asked: not a question across elections
    if not asked.years:  # "the Brexit Party": a party of the earlier elections alone
        return party_trend(
            elections, subjects.parties[0], measure or Measure.SHARE, elections.first_year()
        )
    year = asked.year if asked.year is not None else asked.years[0]
    election = elections.general(year)
    if election is None:
        return no_general_election(elections, year)
    seats = elections.seats_in(election, {subjects.place}) if subjects.place else None
    return party_in_year(
        elections, election, list(subjects.parties), measure or Measure.SEATS, subjects.place, seats
    )


def _by_elections(elections: Elections, asked: ElectionsAsked, words: tuple[str, ...]) -> Answer:
    races = elections.by_elections()
    if asked.since is not None:
        general = elections.general(asked.since)
        start = general.date if general is not None else f"{asked.since}-01-01"
        races = [r for r in races if r.election.date > start]
        what = f"since the {asked.since} general election" if general else f"since {asked.since}"
    elif asked.year is not None:
        races = [r for r in races if r.year == asked.year]
        what = f"in {asked.year}"
    else:
        what = f"since {elections.first_year()}"
    return by_elections_answer(elections, races, what, bool(GAIN_WORDS & set(words)))


def _not_yet(asked: ElectionsAsked) -> Answer:
    when = f"about {asked.year}" if asked.year else "across elections"
    return Answer(
        Status.NOT_FOUND,
        (paragraph(f"I can’t answer that kind of question {when} yet. {WHAT_I_ANSWER}"),),
        headline=NOT_YET,
    )


def one_at_a_time() -> Answer:
    return Answer(
        Status.NOT_FOUND,
        (
            paragraph(
                "Ask about one election, party or seat at a time, so no part of the question "
                "goes unanswered: “how many seats did Labour win in 2015”, then “and in 2017?”."
            ),
        ),
        headline="One at a time",
    )


def _nothing_held(name: str, when: str) -> Answer:
    return Answer(
        Status.NOT_FOUND,
        (paragraph(f"I hold no result for {name} {when}."),),
        headline=f"{name}: nothing {when}",
    )
