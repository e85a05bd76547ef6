"""The name index: what matches, what never matches, and typos."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.model.keys import Key, Kind
from bot.engine.understanding.index import Entity, NameIndex
from bot.engine.understanding.text import strip_address, tokens
from bot.engine.understanding.vocabulary import QUESTION_WORDS, STOPWORDS


@pytest.mark.parametrize("word", sorted(QUESTION_WORDS | STOPWORDS))
def test_question_words_never_name_anything(engine: Engine, word: str) -> None:
    assert engine.index.resolve(word).mentions == ()


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("Perry Bar", "seat:birmingham-perry-barr"),
        ("perrybarr", "seat:birmingham-perry-barr"),  # a name typed without its space
        ("leicster sth", None),
        ("Leicester S", "seat:leicester-south"),
        ("Holborn & St. Pancras", "seat:holborn-and-st-pancras"),
        ("corbin", "person:jeremy-corbyn"),
        ("feinstien", "person:andrew-feinstein"),
        ("Nala Hartley", "person:jabu-nala-hartley"),
        ("DENT-COAD", "person:emma-dent-coad"),
        ("Iqbal Mohamad", "person:iqbal-mohamed"),
        ("Muhammad Ali Islam", "person:muhammed-ali-islam"),
        ("Oldham West Chadderton and Royton", "seat:oldham-west-chadderton-and-royton"),
    ],
)
def test_resolves(engine: Engine, typed: str, key: str | None) -> None:
    mentions = engine.index.resolve(typed).mentions
    if key is None:
        assert all(len(m.keys) != 1 or m.keys[0].startswith("seat:leicester") for m in mentions)
    else:
        assert [m.keys for m in mentions] == [(key,)]


def test_accents_and_curly_quotes_fold() -> None:
    index = NameIndex([Entity(Key("seat:ynys-mon"), Kind.SEAT, "Ynys Môn")])
    assert index.resolve("who won ynys mon").mentions[0].keys == ("seat:ynys-mon",)
    assert tokens("Starmer’s seat") == ["starmer", "seat"]


@pytest.mark.parametrize(
    ("typed", "question"),
    [
        ("/result@TheBot leicester south", "leicester south"),
        ("@TheBot who won", "who won"),
        ("/help", "help"),
        ("who won /result", "who won /result"),
    ],
)
def test_strip_address(typed: str, question: str) -> None:
    assert strip_address(typed) == question


def test_same_surname_is_ambiguous(engine: Engine) -> None:
    [mention] = engine.index.resolve("hussain").mentions
    assert set(mention.keys) == {"person:adnan-hussain", "person:perveen-hussain"}


def test_resolution_does_not_depend_on_hash_order() -> None:
    """Equally close spelling corrections are chosen the same way in every process."""
    import subprocess
    import sys

    probe = (
        "from bot.engine import Engine; from knowledge.load import load_knowledge; "
        "e = Engine(load_knowledge()); "
        "print([e.index.resolve(q).words for q in ('moham', 'husain', 'lester', 'islan')])"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", probe], env={"PYTHONHASHSEED": str(seed)},
            capture_output=True, text=True, check=True,
        ).stdout
        for seed in (1, 2, 3, 4)
    }  # fmt: skip
    assert len(outputs) == 1
