"""Whatever is typed, the engine answers with something readable and never raises."""

from __future__ import annotations

import random

import pytest

from bot.engine import Conversation, Engine
from bot.render import to_html, to_plain

ALPHABET = "abcdefghijklmnopqrstuvwxyz  ,.?!'’&%/@-0123456789éô🙂<>\"\n\t"
WORDS = "who won leicester south votes and he share corbyn hussain the in of 2nd".split()


def _gibberish(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 60)))
    return " ".join(rng.choice(WORDS) for _ in range(rng.randrange(1, 12)))


@pytest.mark.parametrize("seed", range(20))
def test_random_input_gets_an_answer(engine: Engine, seed: int) -> None:
    rng = random.Random(seed)
    conversation = Conversation()
    for _ in range(25):
        answer = engine.answer(_gibberish(rng), conversation)
        assert to_plain(answer).strip()
        assert to_html(answer).strip()


@pytest.mark.parametrize("text", ["", " ", "\x00", "a" * 100_000, "leicester " * 5_000])
def test_edge_input(engine: Engine, text: str) -> None:
    assert to_plain(engine.answer(text)).strip()
