"""Postcodes: found and checked in questions, looked up against a fake postcodes.io, answered
as the seat they lie in; every failure a plain answer; nothing kept past its time."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from bot.answering import answer_location, answer_question
from bot.engine import Conversation, Engine, Located, LookupProblem, Status
from bot.engine.understanding.postcodes import find_postcode
from bot.postcode_lookup import CACHE_SECONDS, PostcodeLookup
from bot.render import to_plain
from tests.fake_postcodes import FakePostcodes


@pytest.mark.parametrize(
    ("question", "postcode", "valid"),
    [
        ("who is my MP SW1A 1AA", "SW1A 1AA", True),
        ("sw1a1aa", "SW1A 1AA", True),
        ("results for M1 1AE please", "M1 1AE", True),
        ("bt1 5gs", "BT1 5GS", True),
        ("who won LS6?", "LS6", True),
        ("SW1A", "SW1A", True),
        ("Q1 1AA", "Q1 1AA", False),  # Q never starts a postcode
        ("SW1A 1CI", "SW1A 1CI", False),  # C and I never end one
    ],
)
def test_postcodes_are_found_in_questions_and_checked_for_form(
    question: str, postcode: str, valid: bool
) -> None:
    found = find_postcode(question)
    assert found is not None
    assert (found.postcode, found.valid) == (postcode, valid)


@pytest.mark.parametrize(
    "question",
    ["who won clacton", "top 5 majorities", "who won islington north in 2019", "GE2024", "Q7"],
)
def test_questions_without_a_postcode_have_none(question: str) -> None:
    assert find_postcode(question) is None


@pytest.fixture
def postcodes_io() -> Iterator[FakePostcodes]:
    with FakePostcodes() as fake:
        yield fake


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def lookup(postcodes_io: FakePostcodes) -> AsyncIterator[PostcodeLookup]:
    client = PostcodeLookup(postcodes_io.base_url, timeout=0.5)
    yield client
    await client.close()


async def ask(engine: Engine, lookup: PostcodeLookup | None, *questions: str) -> list[str]:
    conversation = Conversation()
    return [
        to_plain(await answer_question(engine, lookup, question, conversation))
        for question in questions
    ]


async def test_a_postcode_answers_for_its_seat_as_if_the_seat_were_named(
    shipped_engine: Engine, lookup: PostcodeLookup
) -> None:
    mp, second = await ask(shipped_engine, lookup, "who is my MP SW1A 1AA", "and who came second?")
    named = to_plain(shipped_engine.answer("who is my MP Cities of London and Westminster"))
    assert mp == named
    assert mp.startswith("Rachel Blake (Labour) won Cities of London and Westminster")
    assert second.startswith("Tim Barnes (Conservative) came second in Cities of London")


@pytest.mark.parametrize(
    ("postcode", "seat"),
    [
        ("sw1a1aa", "Cities of London and Westminster"),
        ("BT1 5GS", "Belfast South and Mid Down"),
        ("EH1 1YZ", "Edinburgh East and Musselburgh"),
        ("CF10 1EP", "Cardiff South and Penarth"),
    ],
)
async def test_a_bare_postcode_anywhere_in_the_uk_is_its_seats_result(
    shipped_engine: Engine, lookup: PostcodeLookup, postcode: str, seat: str
) -> None:
    [answer] = await ask(shipped_engine, lookup, postcode)
    assert f" won {seat}" in answer.splitlines()[0]


async def test_an_outward_code_over_several_seats_asks_which_and_takes_a_number(
    shipped_engine: Engine, lookup: PostcodeLookup
) -> None:
    conversation = Conversation()
    which = await answer_question(shipped_engine, lookup, "who won LS6", conversation)
    assert which.status is Status.CLARIFY
    assert [o.label for o in which.options] == ["Leeds Central and Headingley", "Leeds North West"]
    chosen = shipped_engine.answer("2", conversation)
    assert to_plain(chosen).startswith("Katie White (Labour) won Leeds North West")


async def test_an_outward_code_in_one_seat_answers_it(
    shipped_engine: Engine, lookup: PostcodeLookup
) -> None:
    [answer] = await ask(shipped_engine, lookup, "CF10")
    assert " won Cardiff South and Penarth" in answer.splitlines()[0]


async def test_a_postcode_of_no_possible_form_is_refused_without_a_lookup(
    shipped_engine: Engine, lookup: PostcodeLookup, postcodes_io: FakePostcodes
) -> None:
    [answer] = await ask(shipped_engine, lookup, "who is my MP Q1 1AA")
    assert answer.startswith("“Q1 1AA” isn’t a UK postcode")
    assert postcodes_io.asked == []


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("who is my MP AB99 9ZZ", "I can’t find the postcode AB99 9ZZ: is it right?"),
        ("E1W 1UU", "E1W 1UU is no longer in use as a postcode"),
        ("who won KW17", "I can’t find the postcode KW17"),
    ],
)
async def test_postcodes_that_are_not_or_no_longer_say_so(
    shipped_engine: Engine, lookup: PostcodeLookup, question: str, said: str
) -> None:
    [answer] = await ask(shipped_engine, lookup, question)
    assert answer.startswith(said)


@pytest.mark.parametrize("failure", [429, 500])
async def test_a_failing_service_is_answered_and_not_cached(
    shipped_engine: Engine,
    lookup: PostcodeLookup,
    postcodes_io: FakePostcodes,
    failure: int,
) -> None:
    postcodes_io.fail_with = failure
    [answer] = await ask(shipped_engine, lookup, "who is my MP SW1A 1AA")
    assert answer.startswith("I can’t look postcodes up just now; tell me the constituency")
    postcodes_io.fail_with = None
    [again] = await ask(shipped_engine, lookup, "who is my MP SW1A 1AA")
    assert again.startswith("Rachel Blake")


async def test_a_slow_service_is_given_up_on(
    shipped_engine: Engine, lookup: PostcodeLookup, postcodes_io: FakePostcodes
) -> None:
    postcodes_io.delay = 1.0  # the lookup waits 0.5 s
    [answer] = await ask(shipped_engine, lookup, "who is my MP SW1A 1AA")
    assert answer.startswith("I can’t look postcodes up just now")


async def test_an_unreachable_service_is_answered(shipped_engine: Engine) -> None:
    closed = PostcodeLookup("http://127.0.0.1:9", timeout=0.5)  # nothing listens on port 9
    [answer] = await ask(shipped_engine, closed, "who is my MP SW1A 1AA")
    await closed.close()
    assert answer.startswith("I can’t look postcodes up just now")


async def test_no_service_configured_says_so(shipped_engine: Engine) -> None:
    [answer] = await ask(shipped_engine, None, "who is my MP SW1A 1AA")
    assert answer.startswith("I can’t look up postcodes or places here")


async def test_lookups_are_cached_then_forgotten(
    postcodes_io: FakePostcodes, shipped_engine: Engine
) -> None:
    clock = Clock()
    lookup = PostcodeLookup(postcodes_io.base_url, clock=clock)
    mention = find_postcode("SW1A 1AA")
    assert mention is not None
    first = await lookup.postcode(mention)
    again = await lookup.postcode(mention)
    assert first == again == Located(("Cities of London and Westminster",))
    assert len(postcodes_io.asked) == 1
    assert lookup.cached() == 1
    clock.now += CACHE_SECONDS + 1
    assert lookup.cached() == 0  # personal data is not kept past its time
    await lookup.postcode(mention)
    assert len(postcodes_io.asked) == 2
    await lookup.close()


async def test_a_shared_location_answers_for_its_seat(
    shipped_engine: Engine, lookup: PostcodeLookup
) -> None:
    here = await answer_location(shipped_engine, lookup, 53.4812, -2.2373, Conversation())
    assert to_plain(here).startswith("Lucy Powell (Labour) won Manchester Central")
    sea = await answer_location(shipped_engine, lookup, 50.0, -30.0, Conversation())
    assert sea.status is Status.NOT_FOUND
    assert to_plain(sea).startswith("That place isn’t in any UK constituency I know of")


def test_a_place_the_knowledge_has_no_seat_for_is_not_guessed(shipped_engine: Engine) -> None:
    answer = shipped_engine.answer_located(
        "SW1A 1AA", "SW1A 1AA", Located(("Atlantis Central",)), written="SW1A 1AA"
    )
    assert answer.status is Status.NOT_FOUND
    problem = shipped_engine.answer_located("x", "x", Located(problem=LookupProblem.OFF))
    assert problem.status is Status.NOT_FOUND
