"""Which answer across elections a question gets, from what it names (a seat, a person, a
party, a place) and which elections it asks about. A kind of question these answers do not
compute for an earlier election is refused by name here, never answered as a neighbouring one.
"""

from __future__ import annotations

from dataclasses import replace

from bot.engine.answers.history.by_elections import by_elections_answer, no_general_election
from bot.engine.answers.history.declarations import in_order, race_declared, town_seats
from bot.engine.answers.history.focus import focused
from bot.engine.answers.history.parties import election_winner, party_in_year, party_trend
from bot.engine.answers.history.people import record
from bot.engine.answers.history.seats import (
    current_mp,
    mp_before,
    predecessors_answer,
    race_answer,
    record_answer,
    still_mp,
)
from bot.engine.model.answer import Answer, Status, paragraph
from bot.engine.model.ask import Measure
from bot.engine.results.elections import BY_ELECTION, Elections, Race
from bot.engine.understanding.elections import ELECTION_YEAR, Question
from bot.engine.understanding.intents import HOW_MANY_DECLARED, Intent

GAIN_WORDS = frozenset("gain gains gained changed flipped flip lost lose".split())
WHEN_WORDS = frozenset({"when", "date", "day"})
LOSING_WORDS = frozenset({"lose", "lost", "beaten", "defeated"})
# Words comparing one election with another ("bigger than in 2019"): not computed yet.
COMPARING_WORDS = frozenset(
    "than compared compare versus vs bigger smaller higher lower increase increased decrease "
    "decreased grow grew fell fall rose rise".split()
)
# Kinds of question these answers leave to the evaluator over one election, or refuse.
_NOT_YET = frozenset(
    {Intent.RANKING, Intent.COUNT, Intent.COMPARE, Intent.SAID, Intent.DECLARED, Intent.LOST}
)
# What a race's answer can put first: who came Nth, the majority, turnout, who was beaten.
_ONE_THING = frozenset({Intent.PLACE, Intent.MAJORITY, Intent.TURNOUT, Intent.LOST, Intent.WINNER})
_PARTY_FIGURES = frozenset({None, Intent.SEATS, Intent.VOTES, Intent.SHARE, Intent.CHANGE})
NOT_YET = "Not yet for earlier elections"  # the headline of what these answers do not compute
WHAT_I_ANSWER = (
    "For the elections before 2024 I can give a seat’s result (who won, who came second, the "
    "majority, the turnout), a seat’s or a person’s record, who won an election, a party’s "
    "seats, votes and share (in a nation or region too), the by-elections, and counts, lists "
    "and rankings within one general election (“biggest majority in 2017”); not comparisons "
    "of one election with another, or changes and swings."
)


def across_elections(elections: Elections, q: Question) -> Answer | None:
    """The answer across elections; None: a question about 2024 alone, for the usual path."""
    asked, subjects = q.asked, q.subjects
    year = asked.year
    if year == ELECTION_YEAR and subjects.person is not None and not subjects.seat:
        person = elections.catalog.people[subjects.person]
        if not elections.catalog.results_by_person.get(person.id):  # "did Theresa May stand
            return record(elections, person, None, None, None, True)  # in 2024": not, said
    if year == ELECTION_YEAR and not asked.by_election:
        return None  # "who won Clacton in 2024": the 2024 results
    if year is not None and year < elections.first_year():
        return no_general_election(elections, year)
    if q.intent is Intent.DECLARED:
        return _declared(elections, q)
    ranged = asked.every or asked.since is not None
    if q.says(COMPARING_WORDS) and not (ranged and subjects.parties and not subjects.seat):
        return _not_yet(q)  # "was his majority bigger than in 2019"
    if (asked.before_now or asked.now) and subjects.person is not None and subjects.seat is None:
        q = _in_their_seat(elections, q)  # "the MP before Farage", "is Amesbury still an MP"
        subjects = q.subjects
    if asked.before_now and q.yes_no:
        return _not_yet(q)  # "was she the MP before": whether, not who, which is not read yet
    if subjects.seat is not None and (asked.before_now or asked.now):
        return _seat(elections, q)  # "the MP for X before Corbyn", "is Amesbury the MP for X"
    if subjects.person is not None:
        return _person(elections, q)
    if subjects.seat is not None:
        return _seat(elections, q)
    if q.intent in _NOT_YET and not (asked.by_election and q.intent is Intent.COUNT):
        return _not_yet(q)
    if subjects.parties:
        return _party(elections, q)
    if asked.by_election:
        return _by_elections(elections, q)
    if subjects.place is not None:
        return _not_yet(q)
    if year is not None:
        election = elections.general(year)
        if election is None:
            return no_general_election(elections, year)
        if q.measure not in {None, Measure.SEATS} or q.intent not in {None, Intent.WINNER}:
            return _not_yet(q)  # "turnout in 2019": computed over that year's seats, if it can
        return election_winner(elections, election)
    return _not_yet(q) if asked.earlier else None


def _in_their_seat(elections: Elections, q: Question) -> Question:
    """The question about the seat the person named last won."""
    won = [
        race
        for race, c in elections.by_person_id.get(f"person:{q.subjects.person}", [])
        if race.winner is c
    ]
    if not won:
        return q
    subjects = replace(q.subjects, seat=won[-1].seat, seat_name=won[-1].name)
    return replace(q, subjects=subjects)


# --- a person ---------------------------------------------------------------------------------


def _person(elections: Elections, q: Question) -> Answer | None:
    asked, subjects = q.asked, q.subjects
    assert subjects.person is not None
    person = elections.catalog.people[subjects.person]
    stood_in_2024 = bool(elections.catalog.results_by_person.get(person.id))
    ranged = asked.every or asked.since is not None
    if asked.year is None and not ranged and stood_in_2024:
        return None  # "how did Corbyn do": 2024's answer
    if subjects.seat is not None and ranged:  # "has Farage always been Clacton's MP"
        return _seat(elections, q)
    always = None
    if q.yes_no and ranged:  # "has Carswell always been UKIP", "... always been an MP"
        always = subjects.parties[0] if subjects.parties else "mp"
        always = "lost" if q.says(LOSING_WORDS) else always  # "did he ever lose"
    not_in_2024 = not stood_in_2024 and asked.year is None and not ranged and q.intent is not None
    did_win = q.yes_no and q.intent is Intent.WINNER and asked.year is not None  # "did she win"
    return record(elections, person, asked.year, asked.since, always, not_in_2024, did_win)


# --- a seat -----------------------------------------------------------------------------------


def _seat(elections: Elections, q: Question) -> Answer | None:
    asked, subjects = q.asked, q.subjects
    assert subjects.seat is not None
    name = subjects.seat_name or ""
    races = elections.by_seat.get(subjects.seat, [])
    if asked.before_now and races:  # "who was the MP before", "the MP for X before Corbyn"
        person = elections.catalog.people.get(subjects.person or "")
        return mp_before(elections, name, races, person)
    if asked.by_election:
        return _seat_by_elections(elections, q, races)
    if asked.every or asked.since is not None:
        return _seat_record(elections, q, races)
    if asked.year is None:
        return _seat_now(elections, q, races) if asked.now else None
    return _seat_in_year(elections, q, races, asked.year)


def _seat_by_elections(elections: Elections, q: Question, races: list[Race]) -> Answer:
    """The seat's by-elections; one thing asked of them ("turnout?"): of the latest."""
    year = q.asked.year
    held = [r for r in races if r.election.kind == BY_ELECTION]
    if year is not None:
        held = [r for r in held if r.year == year]
    if held and (_asks_one_thing(q) or q.subjects.parties):
        return _race_focus(elections, held[-1], q)  # the answer names which it is
    new_seat = q.subjects.seat not in {r.seat for r in races if r.boundaries == 2010}
    since = "since it was first fought, in 2024" if new_seat else "since 2010"
    what = since if year is None else f"in {year}"
    name = q.subjects.seat_name
    return by_elections_answer(elections, held, what, q.says(GAIN_WORDS), name)


def _seat_record(elections: Elections, q: Question, races: list[Race]) -> Answer:
    """'has Leicester South always been Labour', 'who has won Clacton since 2010'."""
    asked, subjects = q.asked, q.subjects
    name = subjects.seat_name or ""
    if q.intent in _NOT_YET - {Intent.LOST}:
        return _not_yet(q)
    since = asked.since or elections.first_year()
    chosen = [
        r for r in races if r.year >= since and (asked.until is None or r.year <= asked.until)
    ]
    if not chosen:
        return _nothing_held(name, f"since {since}")
    party = subjects.parties[0] if subjects.parties else None
    person = elections.catalog.people.get(subjects.person or "")
    return record_answer(elections, name, chosen, party, person, asked.ever)


def _seat_now(elections: Elections, q: Question, races: list[Race]) -> Answer | None:
    """The MP now, where a by-election has changed who it is; None: the 2024 winner is."""
    assert q.subjects.seat is not None
    latest = elections.latest_by_election(q.subjects.seat)
    person = elections.catalog.people.get(q.subjects.person or "")
    at_2024 = next((r for r in races if r.election.id == "ge2024"), None)
    if latest is None and person is not None and at_2024 is not None:
        return still_mp(elections, at_2024, person)  # "is Keir Starmer still an MP"
    if latest is None:
        return None  # the usual answer says who won in 2024
    if q.intent is not Intent.WINNER and _asks_one_thing(q):
        return _race_focus(elections, latest, q)  # "who did she beat", "when was it"
    return current_mp(elections, latest, at_2024, person)


def _seat_in_year(elections: Elections, q: Question, races: list[Race], year: int) -> Answer:
    """The seat's result that year: its general election, else its by-election."""
    seat, name = q.subjects.seat, q.subjects.seat_name or ""
    assert seat is not None
    if q.intent in _NOT_YET or q.intent is Intent.CHANGE or q.measure is Measure.SEATS:
        return _not_yet(q)  # computed over that year's results, where they allow
    election = elections.general(year)
    race = elections.race(election, seat) if election is not None else None
    if race is None:
        in_year = [r for r in races if r.year == year and r.election.kind == BY_ELECTION]
        race = in_year[0] if in_year else None
    if race is not None:
        return _race_focus(elections, race, q)
    if election is not None and seat in elections.predecessors:
        return predecessors_answer(elections, seat, name, year, True)
    said = (
        f"There was no general election in {year}, and no by-election in {name} that year."
        if election is None
        else f"I hold no result for {name} in {year}."
    )
    return Answer(Status.NOT_FOUND, (paragraph(said),), headline=f"{name}: nothing in {year}")


def _asks_one_thing(q: Question) -> bool:
    """Asks one thing of a race: who came Nth, the majority, turnout, who was beaten, when."""
    return (
        q.intent in _ONE_THING
        or q.measure in {Measure.MAJORITY, Measure.TURNOUT}
        or q.says(WHEN_WORDS)
    )


def _race_focus(elections: Elections, race: Race, q: Question) -> Answer:
    """The race's answer, its first line answering what was asked of it."""
    return focused(elections, race_answer(elections, race), race, q, q.says(WHEN_WORDS))


# --- declarations -----------------------------------------------------------------------------


def _declared(elections: Elections, q: Question) -> Answer:
    """When a seat declared that year (a person's, a town's seats'), or the first or last."""
    asked, subjects = q.asked, q.subjects
    races = elections.by_seat.get(subjects.seat or "", [])
    if asked.by_election and subjects.seat is not None:
        held = [r for r in races if r.election.kind == BY_ELECTION]
        held = [r for r in held if asked.year is None or r.year == asked.year]
        if held:
            return race_declared(elections, held[-1])
    year = asked.year
    if year is None or asked.by_election:
        return one_at_a_time()  # "when did Clacton declare since 2010"
    election = elections.general(year)
    held = [r for r in races if r.year == year and r.election.kind == BY_ELECTION]
    if election is None and held:
        return race_declared(elections, held[-1])  # "when did Runcorn declare in 2025"
    if election is None:
        return no_general_election(elections, year)
    if q.place == HOW_MANY_DECLARED:
        return _not_yet(q)  # "how many had declared in 2019": no count of declarations
    if subjects.parties and not (subjects.seat or subjects.person):
        return _not_yet(q)  # "when did Labour declare": no one seat
    if subjects.person is not None and subjects.seat is None:
        stood = [race for race, _ in elections.by_person_id.get(f"person:{subjects.person}", [])
                 if race.election == election]  # fmt: skip
        if not stood:
            return _nothing_held(elections.catalog.people[subjects.person].name, f"in {year}")
        return race_declared(elections, stood[0])
    if subjects.town is not None and subjects.seat is None:
        return town_seats(elections, election, subjects.town)
    race = elections.race(election, subjects.seat) if subjects.seat else None
    if q.place is not None or subjects.seat is None:
        return in_order(elections, election, q.place, subjects.place, race, q.yes_no)
    if race is None:
        return _seat_in_year(elections, replace(q, intent=None), races, year)
    return race_declared(elections, race)


# --- a party, the by-elections ----------------------------------------------------------------


def _party(elections: Elections, q: Question) -> Answer:
    asked, subjects = q.asked, q.subjects
    if len(asked.years) > 1 and asked.since is None:
        return one_at_a_time()  # "Labour in 2015 or 2017": each asked alone
    measure = q.measure
    if asked.every or asked.since is not None:
        if len(subjects.parties) > 1:
            return one_at_a_time()
        if q.intent not in _PARTY_FIGURES:
            return _not_yet(q)  # "did the Greens ever come second"
        since = asked.since or elections.first_year()
        return party_trend(
            elections, subjects.parties[0], measure or Measure.SHARE, since, asked.until,
            subjects.place,
        )  # fmt: skip
    if not asked.years:
        if all(p in elections.catalog.parties for p in subjects.parties):
            return _not_yet(q)  # a party of 2024 with no year asked: 2024's own answer
        # "the Brexit Party": a party of the earlier elections alone, at each of them
        first = elections.first_year()
        return party_trend(elections, subjects.parties[0], measure or Measure.SHARE, first)
    year = asked.years[0]
    election = elections.general(year)
    if election is None:
        return no_general_election(elections, year)
    seats = elections.seats_in(election, {subjects.place}) if subjects.place else None
    return party_in_year(
        elections, election, list(subjects.parties), measure or Measure.SEATS, subjects.place, seats
    )


def _by_elections(elections: Elections, q: Question) -> Answer:
    asked = q.asked
    races = elections.by_elections()
    if asked.parliament is not None:  # "in the 2017 parliament": from its election to the next
        races = [r for r in races if r.election.parliament == asked.parliament]
        what = f"in the Parliament elected in {asked.parliament}"
    elif asked.since is not None:
        general = elections.general(asked.since)
        start = general.date if general is not None else f"{asked.since}-01-01"
        races = [r for r in races if r.election.date > start]
        what = f"since the {asked.since} general election" if general else f"since {asked.since}"
    elif asked.year is not None:
        races = [r for r in races if r.year == asked.year]
        what = f"in {asked.year}"
    else:
        what = f"since {elections.first_year()}"
    return by_elections_answer(elections, races, what, q.says(GAIN_WORDS))


# --- refusals ---------------------------------------------------------------------------------


def _not_yet(q: Question) -> Answer:
    year = q.asked.year
    when = f"about {year}" if year else "across elections"
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
