"""What the bot understood of real questions about all 650 seats, asserted on the structured
query (kind, entities, operation, filters), and the fact the first line must state, computed
from the shipped CSV files in tests/official_truth.py."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from bot.engine import Conversation, Engine
from bot.render import to_plain
from tests import official_truth as truth


@dataclass(frozen=True)
class Understood:
    question: str
    intent: str | None
    keys: tuple[str, ...]
    first_line: Callable[[], str] | str = ""  # what the answer's first line must contain
    operation: str | None = None
    filters: dict[str, object] = field(default_factory=dict)


def u(question: str, intent: str | None, *keys: str, says: Callable[[], str] | str = "",
      operation: str | None = None, **filters: object) -> Understood:  # fmt: skip
    return Understood(question, intent, keys, says, operation, filters)


def _n(number: int) -> str:
    return f"{number:,}"


def _won_in(party: str, where: str) -> Callable[[], str]:
    return lambda: "{} of the {} seats in {}".format(*truth.seats_won(party, where), where)


PLACES = [
    u("how did labour do in wales", "finish", "party:labour", "place:wales",
      says=_won_in("Lab", "Wales")),
    u("how many seats did Labour win in Wales", "seats", "party:labour", "place:wales",
      says=_won_in("Lab", "Wales")),
    u("results in london", "overview", "place:london",
      says=lambda: f"Labour won the most seats in London: {truth.seats_won('Lab', 'London')[0]}"),
    u("results in northern ireland", "overview", "place:northern-ireland",
      says=lambda: f"Sinn Fein won the most seats in Northern Ireland: "
                   f"{truth.seats_won('SF', 'Northern Ireland')[0]}"),
    u("results in NI", "overview", "place:northern-ireland"),
    u("how many votes did labour get in scotland", "votes", "party:labour", "place:scotland",
      says=lambda: f"Labour got {_n(truth.votes_share('Lab', 'Scotland')[0])} votes"),
    u("who won the most seats in Scotland", "ranking", "place:scotland",
      says=lambda: f"the most seats in Scotland: {truth.seats_won('Lab', 'Scotland')[0]}"),
    u("closest result in Wales", "ranking", "place:wales", operation="rank"),
    u("lowest turnout in Scotland", "ranking", "place:scotland", operation="rank"),
    u("which seats changed hands in leicester", "gains", "place:leicester",
      says="2 seats in Leicester that changed hands:"),
    u("how did the greens do in the south west", "finish", "party:green", "place:south-west",
      says="seats in the South West"),
    u("results in the north east", "overview", "place:north-east",
      says="Labour won the most seats in the North East"),
    u("who won in the midlands", "winner", "place:east-midlands", "place:west-midlands"),
    u("women candidates", "count", operation="count", gender="Female",
      says="women candidates stood, of 4,515 candidates"),
    u("Labour in London vs Scotland", "compare", "party:labour", "place:london",
      "place:scotland",
      says=lambda: "in London, {} of {} seats".format(*truth.seats_won("Lab", "London"))),
]  # fmt: skip

WHOLE_ELECTION = [
    u("who won the election", "winner",
      says=lambda: "Labour won the most seats: {} of {}, a majority of {}".format(
          *truth.seats_won("Lab"), 2 * truth.seats_won("Lab")[0] - truth.seats_won("Lab")[1])),
    u("how many candidates stood", "count", operation="count",
      says=lambda: f"{_n(truth.candidates_in())} candidates stood, in 650 seats"),
    u("how many seats changed hands", "gains",
      says=lambda: f"{len(truth.changed_hands())} of 650 seats changed hands"),
    u("what was the national turnout", "turnout",
      says=lambda: "Turnout across all 650 seats was {}%".format(f"{truth.turnout()[0]:g}")),
    u("how many women MPs were elected", "count", operation="count", gender="Female",
      outcome="won", says=lambda: f"{truth.women_elected()} women were elected, of 650 MPs"),
    u("how many sitting mps stood", "count", operation="count", sitting=True,
      says="sitting MPs stood, of 4,515 candidates"),
    u("how many first-time winners", "count", operation="count", first_time=True,
      says=lambda: f"{truth.first_time_winners()} first-time winners were elected"),
    u("which seat had the most candidates", "ranking", operation="rank",
      says=lambda: f"had the most candidates of the 650 seats: {truth.most_candidates()} "
      "candidates"),
    u("compare Labour and Reform", "compare", "party:labour", "party:reform-uk",
      says=lambda: f"Labour won {truth.seats_won('Lab')[0]} seats to Reform UK’s "
                   f"{truth.seats_won('RUK')[0]}"),
]  # fmt: skip

PARTIES = [
    u("which seats did labour gain from the snp", "gains", "party:labour",
      "party:scottish-national-party",
      says=lambda: f"Labour gained {len(truth.changed_hands('Lab', 'SNP'))} seats from the "
                   "Scottish National Party"),
    u("which seats did the Lib Dems gain from the Conservatives", "gains",
      "party:liberal-democrat", "party:conservative",
      says=lambda: f"The Liberal Democrats gained {len(truth.changed_hands('LD', 'Con'))} seats "
                   "from the Conservatives"),
    u("how many seats did the tories lose", "lost", "party:conservative",
      says=lambda: f"The Conservatives lost {len(truth.changed_hands(loser='Con'))} seats held"),
    u("how many Conservative MPs lost their seats", "count", "party:conservative",
      operation="count", outcome="lost",
      says=lambda: f"{truth.sitting_lost('Con')} Conservative sitting MPs lost their seats"),
    u("where did Reform come second", "place", "party:reform-uk",
      says=lambda: f"Reform UK came second in {truth.placed('RUK', 2)} of 650 seats"),
    u("biggest Labour majority", "ranking", "party:labour", operation="rank",
      says="had the largest majority of the 411 seats won by Labour"),
    u("where did Labour get its highest share", "ranking", "party:labour", operation="rank"),
]  # fmt: skip

# A qualifier the question carries is answered, never dropped.
QUALIFIED = [
    u("which women won in wales", "winner", "place:wales", gender="Female",
      says=lambda: f"{truth.women_elected('Wales')} women were elected, of 32 MPs in Wales"),
    u("which seats did labour hold", "winner", "party:labour", outcome="held",
      says=lambda: f"Labour held {truth.holds('Lab')} seats won in 2019 (notional)"),
    u("sitting mps who lost in scotland", "lost", "place:scotland", sitting=True,
      says="sitting MPs lost their seats in Scotland"),
    u("how has labour's share changed since 2019", "change", "party:labour",
      says="My sources do not give Labour’s change in share as a whole"),
]  # fmt: skip

ELECTION_FIGURES = [
    u("how much did starmer's vote fall", "change", "person:keir-starmer",
      says="Keir Starmer’s share in Holborn and St Pancras (Labour): −17.3 points on 2019"),
    u("how much did labour win by in clacton", "majority", "party:labour", "seat:clacton",
      says="Labour did not win Clacton: Nigel Farage (Reform UK) won it by"),
    u("what did the article say about the workers party", "said", "party:workers-party",
      says="The article says: “The Workers Party"),
    u("labour majority", "majority", "party:labour",
      says=lambda: "Labour won a majority of {} in the Commons".format(
          2 * truth.seats_won("Lab")[0] - truth.seats_won("Lab")[1])),
    u("conservative majority", "majority", "party:conservative",
      says="The Conservatives won no majority in the Commons"),
    u("which party came second", "place", says="The Conservatives came second in seats"),
    u("which party won most votes", "ranking", operation="rank",
      says=lambda: "Labour had the most votes: {:,}".format(truth.votes_share("Lab")[0])),
    u("total votes cast", "turnout", operation="total",
      says=lambda: f"Total valid votes of the 650 seats: {_n(truth.turnout()[1])} valid votes"),
    u("how many votes were spoiled in clacton", "turnout", "seat:clacton",
      says=lambda: f"Invalid ballots in Clacton: {truth.invalid('Clacton')} invalid ballots."),
    u("lowest vote share for a winner", "ranking", outcome="won", operation="rank"),
]  # fmt: skip

PEOPLE_AND_SEATS = [
    u("who beat liz truss", "lost", "person:liz-truss",
      says="Terry Jermy (Labour) beat Liz Truss in South West Norfolk by 630 votes."),
    u("did liz truss lose", "lost", "person:liz-truss", operation="yes or no",
      says="Yes: she lost South West Norfolk to Terry Jermy (Labour) by 630 votes."),
    u("did north east fife change hands", "gains", "seat:north-east-fife", operation="yes or no",
      says="Yes: North East Fife was a Liberal Democrat gain from Scottish National Party."),
    u("turnout in Clacton", "turnout", "seat:clacton",
      says=lambda: "Turnout in Clacton was {}% ({} valid votes of {} electors)".format(
          f"{truth.turnout('Clacton')[0]:g}", _n(truth.turnout("Clacton")[1]),
          _n(truth.turnout("Clacton")[2]))),
    u("Stoke North runner-up", "place", "seat:stoke-on-trent-north",
      says="came second in Stoke-on-Trent North"),
    u("Hull East", None, "seat:kingston-upon-hull-east"),
    u("newcastle east", None, "seat:newcastle-upon-tyne-east-and-wallsend"),
    u("which party came second in Clacton", "place", "seat:clacton",
      says="The Conservatives came second in Clacton: Giles Watling"),
    u("how many candidates stood in Clacton", "count", "seat:clacton",
      says=lambda: f"{truth.candidates_in('Clacton')} candidates stood in Clacton"),
    u("what percentage did Martin Balke get", "share", "person:martin-baker",
      "person:martin-blake"),
    u("collin martin", None, "person:colin-martin"),
    u("stee aicheler", None, "person:steve-aicheler"),
    u("Shastri Hurst", None, "person:neil-shastri-hurst"),
    u("ShastriHurst", None, "person:neil-shastri-hurst"),
]  # fmt: skip

CASES = PLACES + WHOLE_ELECTION + PARTIES + QUALIFIED + ELECTION_FIGURES + PEOPLE_AND_SEATS


def _asked(engine: Engine, question: str) -> dict[str, object]:
    answer = engine.answer(question)
    assert answer.query is not None, to_plain(answer)
    understood = answer.query.understood()
    if not understood["keys"]:  # a "which one?": what it asks between
        understood["keys"] = [o.key for o in answer.options]
    understood["first_line"] = to_plain(answer).splitlines()[0]
    understood["status"] = str(answer.status)
    return understood


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.question)
def test_understood(shipped_engine: Engine, case: Understood) -> None:
    asked = _asked(shipped_engine, case.question)
    assert asked["intent"] == case.intent, asked
    assert sorted(asked["keys"]) == sorted(case.keys), asked  # type: ignore[call-overload]
    if case.operation:
        assert asked["operation"] == case.operation, asked
    for name, value in case.filters.items():
        assert asked["filters"][name] == value, asked  # type: ignore[index]
    says = case.first_line() if callable(case.first_line) else case.first_line
    assert says in str(asked["first_line"]), asked


# Ordinary words that happen to spell a candidate's name: never that person.
COLLISIONS = [
    "city of london", "new forest", "city of durham",
    "results in london", "how did labour do in wales", "which seats changed hands",
    "how many candidates stood", "results in northern ireland", "york", "Stoke North",
    "how did the greens do", "reform", "who won the most seats in the north west",
    "Leicester West", "how did labour do in the west midlands", "hall green",
    "how young is the youngest MP", "who won in the east of england", "ireland",
]  # fmt: skip


@pytest.mark.parametrize("question", COLLISIONS)
def test_ordinary_words_are_not_people(shipped_engine: Engine, question: str) -> None:
    answer = shipped_engine.answer(question)
    named = answer.query.keys if answer.query else tuple(o.key for o in answer.options)
    assert not [key for key in named if key.startswith("person:")], to_plain(answer)
    assert not [key for key in answer.entities[:1] if key.startswith("person:")], to_plain(answer)


def test_a_misspelt_name_close_to_two_people_asks(shipped_engine: Engine) -> None:
    answer = shipped_engine.answer("what percentage did Martin Balke get")
    assert str(answer.status) == "clarify"
    assert [o.label for o in answer.options] == [
        "Martin Baker (Reform UK, Kingston upon Hull North and Cottingham)",
        "Martin Blake (Green, Sleaford and North Hykeham)",
    ]


def test_a_first_name_beside_another_surname_is_someone_else(shipped_engine: Engine) -> None:
    text = to_plain(shipped_engine.answer("did Theresa May win"))
    # Not Theresa Villiers, nor a May of 2024: the MP of earlier elections, by her MNIS ID
    assert text.startswith(
        "Theresa May did not stand at the 2024 general election. Theresa May stood at 4"
    )
    assert "No." not in text


def test_who_beat_him_follows_on(shipped_engine: Engine) -> None:
    conversation = Conversation()
    shipped_engine.answer("liz truss", conversation)
    beat = to_plain(shipped_engine.answer("who beat her", conversation))
    assert beat.startswith("Terry Jermy (Labour) beat Liz Truss")
    shipped_engine.answer("who won clacton", conversation)
    majority = to_plain(shipped_engine.answer("how big was his majority", conversation))
    assert majority.startswith(
        "Nigel Farage (Reform UK) won Clacton by 8,405 votes over Giles Watling (Conservative)."
    )


def test_what_the_data_cannot_answer_is_said_plainly(shipped_engine: Engine) -> None:
    for question in ("which cabinet ministers lost", "how old is nigel farage"):
        answer = shipped_engine.answer(question)
        text = to_plain(answer)
        assert str(answer.status) == "not_found", text
        assert text.startswith("My sources do not give that"), text
        assert "What I do have:" in text


def test_a_combination_without_a_route_says_so(shipped_engine: Engine) -> None:
    text = to_plain(shipped_engine.answer("did jeremy corbyn and keir starmer win"))
    assert text.startswith(
        "I can’t answer that for several people at once yet, and answering "
        "for one would drop the others."
    )


@pytest.mark.parametrize(
    ("question", "first_line"),
    [
        (
            "how many votes did labour get in narnia",
            "I don’t know “narnia”, so this leaves it out:",
        ),
        ("pro palestine independents", "I don’t know “pro palestine”, so this leaves it out:"),
        ("who beat him", "Who do you mean? Name them first"),
        ("who came second there", "Which seat do you mean?"),
        # Jonathan Essex stood for the Greens: beside Reform, "Essex" is not him.
        ("reform votes in essex", "I don’t know “essex”, so this leaves it out:"),
    ],
)
def test_nothing_is_dropped_or_guessed_silently(
    shipped_engine: Engine, question: str, first_line: str
) -> None:
    assert to_plain(shipped_engine.answer(question)).startswith(first_line)


@pytest.mark.parametrize("question", ["hi", "hello", "thanks"])
def test_a_greeting_is_no_party_code(shipped_engine: Engine, question: str) -> None:
    answer = shipped_engine.answer(question)
    assert str(answer.status) == "help", to_plain(answer)


def test_a_misspelt_name_is_offered_not_declared_absent(shipped_engine: Engine) -> None:
    answer = shipped_engine.answer("ed davy")
    assert to_plain(answer).startswith("I don’t have “ed davy”. Did you mean")
    assert answer.options[0].key == "person:ed-davey"


def test_a_ranking_of_winners_ranks_only_winners(shipped_engine: Engine) -> None:
    answer = shipped_engine.answer("lowest vote share for a winner")
    people = [k for k in answer.entities if k.startswith("person:")]
    assert people
    for key in people:
        [result] = shipped_engine.catalog.results_by_person[key.partition(":")[2]]
        assert result.elected, key


def test_follow_ups_keep_the_party_and_place_they_do_not_change(shipped_engine: Engine) -> None:
    conversation = Conversation()

    def ask(question: str) -> tuple[str, tuple[str, ...]]:
        answer = shipped_engine.answer(question, conversation)
        assert answer.query is not None, to_plain(answer)
        return to_plain(answer).splitlines()[0], tuple(sorted(answer.query.keys))

    assert ask("labour in wales")[1] == ("party:labour", "place:wales")
    line, keys = ask("and scotland?")
    assert keys == ("party:labour", "place:scotland")
    assert line.startswith("Labour won 37 of the 57 seats in Scotland")
    line, keys = ask("what about the tories")
    assert keys == ("party:conservative", "place:scotland")
    assert line.startswith("The Conservatives won")
    ask("jeremy corbyn")
    line, keys = ask("compare him with starmer")
    assert keys == ("person:jeremy-corbyn", "person:keir-starmer")
    assert line.startswith("Jeremy Corbyn got 5,236 votes more than Keir Starmer")


@pytest.mark.parametrize(
    ("question", "never"),
    [("city of london", "Durham"), ("leicester west", "Leicester East"), ("hi", "Hampshire")],
)
def test_no_word_lands_on_a_different_real_seat_or_party(
    shipped_engine: Engine, question: str, never: str
) -> None:
    assert never not in to_plain(shipped_engine.answer(question))
