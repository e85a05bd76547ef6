"""Rendering: the same answer as plain text and as Telegram HTML, everything escaped."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from bot.engine import Answer, Engine, Status
from bot.engine.model.answer import (
    BulletList,
    CandidateRow,
    CandidateTable,
    Quotation,
    bold,
    paragraph,
)
from bot.render import sources_html, to_html, to_plain
from tests.cases.questions import ALL_CASES

TELEGRAM_TAGS = {"b", "i", "code", "blockquote"}


class _TagChecker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in TELEGRAM_TAGS, tag
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open, f"</{tag}> closes nothing"
        assert self.open.pop() == tag, tag

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def visible_text(html: str) -> str:
    checker = _TagChecker()
    checker.feed(html)
    checker.close()
    assert not checker.open
    return "".join(checker.text)


HOSTILE = Answer(
    Status.ANSWERED,
    (
        paragraph("1 < 2 & ", bold("<b>bold</b>"), ' "quoted"'),
        CandidateTable((CandidateRow("A <i>", "P&Q", 10, 12.5, 1, True),)),
        Quotation(("<script>", "x & y"), "Mr <Quote>"),
        BulletList((paragraph("<li>"),)),
    ),
)


def test_html_escapes_every_piece_of_text() -> None:
    html = to_html(HOSTILE)
    assert "<script>" not in html
    assert "<li>" not in html
    assert "<Quote>" not in html
    assert "&lt;script&gt;" in html
    assert "P&amp;Q" in html


def test_plain_and_html_say_the_same_words() -> None:
    plain = to_plain(HOSTILE).replace("“", "").replace("”", "")
    html_text = visible_text(to_html(HOSTILE))
    assert re.sub(r"\s+", " ", plain) == re.sub(r"\s+", " ", html_text)


@pytest.mark.parametrize("question", [c.question for c in ALL_CASES][::7])
def test_every_answer_is_telegram_html(engine: Engine, question: str) -> None:
    answer = engine.answer(question)
    html = to_html(answer)
    assert visible_text(html).strip()
    visible_text(sources_html(answer))


def test_seat_answer_shows_each_candidate_in_words_and_unknowns_plainly(engine: Engine) -> None:
    text = to_plain(engine.answer("who won Ilford North"))
    assert text.endswith("Leanne Mohamad (Independent): 15,119 votes, 32.2%")
    assert "█" not in text  # no block-character bars: read aloud as "full block"
    assert "Wes Streeting (party not given): figures not given" in text


def test_a_seat_card_leads_with_what_a_glance_needs_and_folds_all_but_three(
    shipped_engine: Engine,
) -> None:
    html = to_html(shipped_engine.answer("who won Clacton"))
    lines = visible_text(html).splitlines()
    assert lines[0] == "Nigel Farage (Reform UK) won Clacton: Reform UK gain from Conservative."
    assert lines[2].startswith("Majority: 8,405 votes")
    assert lines[4].startswith("Turnout: 58.7%")
    shown, folded = html.split("<blockquote expandable>")
    assert shown.count(" votes, ") == 3  # Farage, Watling, Owusu-Nepaul
    assert folded.count(" votes, ") == 6  # the other six, one tap away
    assert "Craig Jamieson (Climate Party): 48 votes" in folded
