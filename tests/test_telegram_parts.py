"""The Telegram layer's small parts: button data, message splitting, per-chat state."""

from __future__ import annotations

import pytest

from bot.engine import Engine, Intent
from bot.engine.model.query import Query
from bot.engine.understanding.intents import Filters, Measure, Outcome
from bot.messages import TEXT_LIMIT, fit_html, split_html, visible_length
from bot.render import to_html
from bot.telegram.chat_state import ConversationStore, FloodGuard
from bot.telegram.keyboards import (
    CALLBACK_DATA_LIMIT,
    Action,
    ButtonCodec,
    answer_keyboard,
    key_from_payload,
    short_key,
)
from tests.fake_bot_api import parse_html

LONG_KEY = "seat:" + "very-long-constituency-name-" * 3


@pytest.mark.parametrize(
    "query",
    [
        Query(Intent.VOTES, ("person:perveen-hussain",)),
        Query(Intent.PLACE, ("seat:preston",), place=2),
        Query(Intent.RANKING, ("party:independent",), most=False, measure=Measure.SHARE),
        Query(Intent.RANKING, (), most=False, measure=Measure.MAJORITY),
        Query(Intent.RANKING, (), measure=Measure.TURNOUT),
        Query(None, ("person:jeremy-corbyn", "person:keir-starmer")),
        Query(Intent.WINNER, (), national=True),
        Query(Intent.PLACE, ("person:aftab-nawaz",), place=2, yes_no=True),
        Query(Intent.MAJORITY, (LONG_KEY,)),
        Query(Intent.WINNER, ("seat:islington-north",), year=2019),
        Query(Intent.RANKING, (), measure=Measure.MAJORITY, top=5),
        Query(Intent.LOST, ("person:liz-truss",), yes_no=True, asks_who=True),
        Query(Intent.PLACE, ("seat:clacton",), place=2, asks_party=True),
        Query(
            Intent.COUNT,
            ("party:labour", "place:london"),
            filters=Filters(gender="Female", sitting=True, first_time=True, outcome=Outcome.WON),
        ),
        Query(Intent.WINNER, ("party:labour",), filters=Filters(outcome=Outcome.HELD)),
        Query(Intent.RANKING, ("place:wales",), most=False, measure=Measure.CANDIDATES),
    ],
)
def test_button_data_round_trips_within_64_bytes(query: Query) -> None:
    codec = ButtonCodec(["person:perveen-hussain", LONG_KEY])
    for action in (Action.CHOOSE, Action.SOURCE, Action.ANSWER):
        data = codec.encode(action, query)
        assert data is not None
        assert len(data.encode()) <= CALLBACK_DATA_LIMIT
        pressed = codec.decode(data)
        assert pressed is not None
        assert pressed.action is action
        assert pressed.query == query


@pytest.mark.parametrize("data", ["", "zz|x", "s|no-such-intent||", "s|votes|two|", "s"])
def test_unreadable_button_data_is_refused_not_raised(data: str) -> None:
    assert ButtonCodec([]).decode(data) is None


def test_deep_link_payload_names_the_entity() -> None:
    assert key_from_payload("seat-leicester-south") == "seat:leicester-south"
    assert key_from_payload("person-jeremy-corbyn") == "person:jeremy-corbyn"


def test_every_answer_button_fits(engine: Engine) -> None:
    codec = ButtonCodec(list(engine.index.entities))
    for key in engine.index.entities:
        for intent in Intent:
            data = codec.encode(Action.SOURCE, Query(intent, (key,), place=10))
            assert data is not None
            assert len(data.encode()) <= 64


def _blocks(count: int, size: int) -> str:
    return "\n\n".join(f"<b>block {n}</b> " + "x" * size for n in range(count))


def test_split_keeps_every_block_whole_and_in_order() -> None:
    html = _blocks(30, 500)
    parts = split_html(html)
    assert len(parts) > 1
    assert all(visible_length(part) <= TEXT_LIMIT for part in parts)
    assert "\n\n".join(parts) == html
    for part in parts:
        parse_html(part)  # balanced, as Telegram wants


def test_split_breaks_a_huge_block_at_lines_and_cuts_a_huge_line() -> None:
    table = "\n".join(f"<b>{n}.</b> someone: {n} votes" for n in range(600))
    quote = "<blockquote>" + "word " * 2000 + "</blockquote>"
    for html in (table, quote, "x" * 9000):
        parts = split_html(html)
        assert all(visible_length(part) <= TEXT_LIMIT for part in parts)
        for part in parts:
            parse_html(part)


def test_fit_trims_with_a_note() -> None:
    fitted = fit_html(_blocks(30, 500))
    assert visible_length(fitted) <= TEXT_LIMIT
    assert "Trimmed to fit" in fitted
    assert fit_html("<b>short</b>") == "<b>short</b>"


def test_emoji_count_double_toward_the_limit() -> None:
    assert visible_length("🙂") == 2
    assert visible_length("&lt;b&gt;") == 3


def test_conversation_store_keeps_the_most_recent() -> None:
    store = ConversationStore(limit=2)
    first = store.get("a")
    store.get("b")
    assert store.get("a") is first  # touched: now the most recent
    store.get("c")  # evicts b, the least recent
    assert len(store) == 2
    assert store.get("a") is first


def test_flood_guard_allows_a_burst_per_window() -> None:
    now = [0.0]
    guard = FloodGuard(burst=3, window=10, clock=lambda: now[0])
    assert [guard.allow("alice") for _ in range(5)] == [True, True, True, False, False]
    assert guard.allow("bob")
    now[0] = 10.5
    assert guard.allow("alice")


@pytest.mark.parametrize(
    "question",
    [
        "which labour women won in london", "labour in london vs scotland", "top 5 majorities",
        "who won islington north in 2019", "which seats did the lib dems gain from the "
        "conservatives in the south west", "who beat liz truss", "which seats did labour hold",
        "who won clacton, blackburn, leicester south, dewsbury and batley, birmingham perry barr "
        "and islington north",
    ],
)  # fmt: skip
def test_shipped_answers_replay_from_their_buttons(shipped_engine: Engine, question: str) -> None:
    answer = shipped_engine.answer(question)
    assert answer.query is not None
    codec = ButtonCodec(list(shipped_engine.index.entities))
    data = codec.encode(Action.SOURCE, answer.query)
    assert data is not None
    assert len(data.encode()) <= CALLBACK_DATA_LIMIT
    pressed = codec.decode(data)
    assert pressed is not None
    assert pressed.query is not None
    replayed = shipped_engine.answer_query(pressed.query)
    assert to_html(replayed) == to_html(answer)


SIX_SEATS = (
    "who won clacton, blackburn, leicester south, dewsbury and batley, birmingham perry barr "
    "and islington north"
)


def test_six_seats_asked_together_are_six_keys_of_one_query(shipped_engine: Engine) -> None:
    # The premise of SIX_SEATS among the replayed buttons above: all six travel in 64 bytes.
    answer = shipped_engine.answer(SIX_SEATS)
    assert answer.query is not None
    assert len(answer.query.keys) == 6


def test_a_name_repeated_is_asked_about_once(shipped_engine: Engine) -> None:
    answer = shipped_engine.answer("compare clacton and clacton and clacton and clacton")
    assert answer.query is not None
    assert answer.query.keys == ("seat:clacton",)


def test_a_query_too_long_for_any_button_gets_none_rather_than_a_refused_message(
    shipped_engine: Engine,
) -> None:
    seats = [seat.name for seat in shipped_engine.catalog.knowledge.constituencies[:12]]
    answer = shipped_engine.answer("who won " + ", ".join(seats))
    assert answer.query is not None
    assert len(answer.query.keys) == 12
    codec = ButtonCodec(list(shipped_engine.index.entities))
    assert codec.encode(Action.SOURCE, answer.query) is None
    assert answer_keyboard(codec, answer) is None


def test_keys_whose_hashes_clash_are_never_shortened_to_the_wrong_one() -> None:
    clashing = ["person:candidate-29685295", "person:candidate-32060020"]
    assert short_key(clashing[0]) == short_key(clashing[1])
    codec = ButtonCodec([*clashing, LONG_KEY, LONG_KEY + "-2"])
    for key in clashing:
        query = Query(Intent.VOTES, (key, LONG_KEY, LONG_KEY + "-2"))
        data = codec.encode(Action.SOURCE, query)
        assert data is not None
        assert key in data.split("|")  # the long keys shortened, the clashing one written out
        assert short_key(LONG_KEY) in data.split("|")
        decoded = codec.decode(data)
        assert decoded is not None
        assert decoded.query == query
