"""A computed question travels whole in a button: its Ask as short text, back to the same Ask,
within Telegram's 64 bytes, and the button's answer is the answer that carried it."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.model.ask import Ask, Measure, Operation, Selection, Threshold, Unit
from bot.engine.model.ask_text import ask_from_text, ask_to_text
from bot.render import to_html
from bot.telegram.keyboards import CALLBACK_DATA_LIMIT, Action, ButtonCodec, answer_keyboard
from tests.test_context import STANDALONE
from tests.test_matrix import MATRIX

AVERAGES = ("average turnout in wales", "average labour share", "mean electorate in london")
QUESTIONS = tuple(
    dict.fromkeys(
        (*(p.values[0].question for p in MATRIX if not p.values[0].refused), *STANDALONE,
         *AVERAGES)
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def codec(shipped_engine: Engine) -> ButtonCodec:
    return ButtonCodec(list(shipped_engine.index.entities))


@pytest.mark.parametrize("question", QUESTIONS)
def test_a_computed_answer_replays_from_its_button(
    shipped_engine: Engine, codec: ButtonCodec, question: str
) -> None:
    answer = shipped_engine.answer(question)
    if answer.query is None or answer.query.ask is None:
        return  # answered by a kind of question: its buttons are tested elsewhere
    ask = answer.query.ask
    assert ask_from_text(ask_to_text(ask)) == ask
    data = codec.encode(Action.SOURCE, answer.query)
    assert data is not None, ask_to_text(ask)
    assert len(data.encode()) <= CALLBACK_DATA_LIMIT
    pressed = codec.decode(data)
    assert pressed is not None
    assert pressed.query is not None
    assert pressed.query.ask == ask
    assert to_html(shipped_engine.answer_query(pressed.query)) == to_html(answer)


def test_most_questions_of_the_matrix_are_computed(shipped_engine: Engine) -> None:
    computed = [q for q in QUESTIONS if (a := shipped_engine.answer(q).query) and a.ask]
    assert len(computed) > len(QUESTIONS) // 2


@pytest.mark.parametrize(
    "text",
    ["", "oQ", "oL,uc,Hv>x", "oL,uc,Pnobody", "zzz", "oL,uc,Kp~a", "oL,us,Hv?5", "oM,uc,mv"],
)
def test_text_this_version_cannot_read_is_no_ask(text: str) -> None:
    assert ask_from_text(text) is None


def test_a_button_naming_what_the_knowledge_no_longer_has_is_no_answer(
    shipped_engine: Engine, codec: ButtonCodec
) -> None:
    pressed = codec.decode("s|!oC,us,zplace:atlantis")
    assert pressed is not None
    assert pressed.query is not None
    assert str(shipped_engine.answer_query(pressed.query).status) == "not_found"


def test_a_threshold_figure_travels_exactly() -> None:
    ask = Ask(Operation.LIST, Measure.VOTES, Unit.CANDIDATE,
              Selection(thresholds=(Threshold(Measure.VOTES, True, 1234567.0),)))  # fmt: skip
    assert ask_from_text(ask_to_text(ask)) == ask


@pytest.mark.parametrize(
    "question", ["how many votes did rachel reeves get", "how far behind was smith"]
)
def test_a_choice_button_carries_the_question_about_the_one_chosen(
    shipped_engine: Engine, codec: ButtonCodec, question: str
) -> None:
    asked = shipped_engine.answer(question)
    chosen = asked.query
    assert chosen is not None
    keyboard = answer_keyboard(codec, asked)
    assert keyboard is not None
    assert len(keyboard.inline_keyboard) == len(asked.options)
    for row, option in zip(keyboard.inline_keyboard, asked.options, strict=True):
        data = row[0].callback_data
        assert isinstance(data, str)
        assert len(data.encode()) <= CALLBACK_DATA_LIMIT
        pressed = codec.decode(data)
        assert pressed is not None
        assert pressed.query is not None
        assert pressed.query.ask is not None
        assert pressed.query.ask.selection.people == (option.key.partition(":")[2],)
        replayed = shipped_engine.answer_query(pressed.query)
        assert to_html(replayed) == to_html(shipped_engine.answer_query(chosen.about(option.key)))
