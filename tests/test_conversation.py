"""Follow-ups within one conversation: pronouns, 'and ...?', answering 'which one?'."""

from __future__ import annotations

import pickle

import pytest

from bot.engine import Conversation, Engine, Status
from bot.render import to_plain

# Each script is one conversation: (question, expected status, text the answer must contain).
SCRIPTS = {
    "pronoun and elliptic follow-ups": [
        ("who won Leicester South?", "answered", "Shockat Adam"),
        ("how many votes did he get", "answered", "14,739"),
        ("and what share?", "answered", "35.2%"),
        ("and Blackburn?", "answered", "Adnan Hussain"),
    ],
    "clarify answered with a first name": [
        ("Hussain", "clarify", "Perveen Hussain"),
        ("Perveen", "answered", "1,367"),
    ],
    "clarify keeps the question asked": [
        ("how many votes did hussain get", "clarify", "Adnan Hussain"),
        ("Adnan", "answered", "Adnan Hussain got 10,518 votes"),
    ],
    "clarify answered by number": [
        ("mohamad", "clarify", "Leanne Mohamad"),
        ("2", "answered", "15,119"),
    ],
    # str.isdigit() is true of these, int() refuses them: no choice, and no crash either.
    "a superscript two is not option two": [
        ("mohamad", "clarify", "Leanne Mohamad"),
        ("²", "not_found", "I don’t have a seat or a name in that"),
    ],
    "a circled seven is not a number": [
        ("hussain", "clarify", "Adnan Hussain"),
        ("⑦", "not_found", "I don’t have a seat or a name in that"),
    ],
    "place answered with the rest of its name": [
        ("who won leicester", "clarify", "Leicester East"),
        ("south", "answered", "Shockat Adam (Independent) won Leicester South"),
    ],
    "a new question abandons the clarify": [
        ("Hussain", "clarify", "Adnan Hussain"),
        ("who won preston", "answered", "does not say who won Preston"),
    ],
    "there means the last seat": [
        ("who won preston", "answered", "Lavalette"),
        ("who came second there", "answered", "Michael Lavalette (Independent) came second"),
    ],
    "what did he say": [
        ("corbyn", "answered", "24,120"),
        ("what did he say", "answered", "want something different"),
    ],
    "and ... repeats the question": [
        ("majority in islington north", "answered", "7,247"),
        ("and leicester south?", "answered", "979"),
        ("what about dewsbury", "answered", "6,934"),
    ],
    "source after an answer": [
        ("who won Leicester South", "answered", "Shockat Adam"),
        ("source", "answered", "Adam won 14,739 votes to Ashworth’s 13,760 votes."),
    ],
    "source after a person": [
        ("how many votes did starmer get", "answered", "18,888"),
        ("where does that come from?", "answered", "from 36,641 in the 2019 election to 18,888"),
    ],
    "her after a seat answer": [
        ("who came second in ilford north", "answered", "Leanne Mohamad"),
        ("what share did she get", "answered", "32.2%"),
    ],
}


@pytest.mark.parametrize("script", SCRIPTS.values(), ids=list(SCRIPTS))
def test_script(engine: Engine, script: list[tuple[str, str, str]]) -> None:
    conversation = Conversation()
    for question, status, expected in script:
        answer = engine.answer(question, conversation)
        text = to_plain(answer)
        assert answer.status == status, f"{question!r}:\n{text}"
        assert expected in text, f"{question!r}: missing {expected!r} in:\n{text}"


def test_without_context_a_pronoun_question_does_not_guess(engine: Engine) -> None:
    answer = engine.answer("how many votes did he get")
    assert answer.status is not Status.ANSWERED
    assert not any(char.isdigit() for char in to_plain(answer).split("I know")[0])


def test_conversations_are_independent(engine: Engine) -> None:
    first, second = Conversation(), Conversation()
    engine.answer("who won Leicester South", first)
    engine.answer("who won Blackburn", second)
    assert "14,739" in to_plain(engine.answer("how many votes did he get", first))
    assert "10,518" in to_plain(engine.answer("how many votes did he get", second))


def test_conversation_stays_small(engine: Engine) -> None:
    conversation = Conversation()
    questions = ["who won Leicester South", "Hussain", "and Blackburn?", "which independents won"]
    for turn in range(400):
        engine.answer(questions[turn % len(questions)], conversation)
    assert len(pickle.dumps(conversation)) < 20_000


def test_answer_about_carries_a_choice_without_state(engine: Engine) -> None:
    from bot.engine import Intent

    answer = engine.answer_about("person:perveen-hussain", Intent.VOTES)
    assert "1,367" in to_plain(answer)
    missing = engine.answer_about("person:nobody-here", Intent.VOTES)
    assert missing.status is Status.NOT_FOUND
