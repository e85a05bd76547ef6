"""Every sentence the bot says about its sources is true of the knowledge loaded: the shipped
knowledge (official results and the article) and the article's knowledge alone."""

from __future__ import annotations

import csv
import re

import pytest

from bot.engine import Conversation, Engine
from bot.engine.model.answer import Quotation
from bot.engine.results.provenance import sources_view
from bot.render import to_html, to_plain
from knowledge.build import REPO_ROOT
from knowledge.full import OVERLAPS
from knowledge.ids import slug
from tests import official_truth

ATTRIBUTION = "Contains Parliamentary information licensed under the Open Parliament Licence v3.0."
TELEGRAM_MESSAGE_LIMIT = 4096


def test_not_found_names_both_sources_with_their_counts(shipped_engine: Engine) -> None:
    text = to_plain(shipped_engine.answer("who won Atlantis"))
    assert "I know the 650 seats and 4,515 candidates in the House of Commons Library’s" in text
    assert "the 24 seats and 30 people in Socialist Worker issue 2912" in text
    assert "people in Socialist Worker issue 2912" in text
    assert "650 seats and 4516 people in Socialist Worker" not in text


def test_not_found_with_the_article_alone_names_only_the_article(engine: Engine) -> None:
    text = to_plain(engine.answer("who won Atlantis"))
    assert "I know the 24 seats and 30 people in Socialist Worker issue 2912" in text
    assert "official" not in text


def test_help_names_what_is_loaded(shipped_engine: Engine, engine: Engine) -> None:
    shipped = to_plain(shipped_engine.help())
    assert (
        "the elections since 2010 from the House of Commons Library’s official results, the "
        "House of Commons Library’s results of earlier elections, Socialist Worker" in shipped
    )
    assert (
        "victory”, the House of Commons Library’s overlaps of the 2010 and 2024 seats and the "
        "times the House of Commons Library recorded each 2024 result" in shipped
    )
    assert "who won Clacton?" in shipped
    assert "quoting the article for every fact" not in shipped
    alone = to_plain(engine.help())
    assert "from Socialist Worker issue 2912" in alone
    assert "official" not in alone


def test_coverage_fits_one_message_with_counts_publishers_differences_and_licence(
    shipped_engine: Engine,
) -> None:
    answer = shipped_engine.answer("what do you know?")
    text = to_plain(answer)
    assert len(to_html(answer)) <= TELEGRAM_MESSAGE_LIMIT
    assert "from 5 sources" in text
    assert "The recorded times, published by the House of Commons Library" in text
    assert "the general elections of 2010, 2015, 2017 and 2019" in text
    assert "published by the House of Commons Library" in text
    assert "650 seats and 4,515 candidates" in text
    assert "an article by Charlie Kimber: 24 seats and 30 people" in text
    assert "The official results and the article differ on 7 of the article’s figures" in text
    current = {slug(seat.name) for seat in official_truth.constituencies()}
    with (REPO_ROOT / OVERLAPS).open(encoding="utf-8-sig", newline="") as stream:
        former = {slug(row[2]) for row in csv.reader(stream) if row} - current
    assert f"{len(former)} seats of the 2010 boundaries that no 2024 seat is named after" in text
    assert "Keir Starmer’s votes" in text
    assert ATTRIBUTION in text
    assert "Aberafan Maesteg" not in text  # counts, not a list of 650 names


def test_coverage_of_the_article_alone_has_one_source_and_no_licence_line(
    engine: Engine,
) -> None:
    text = to_plain(engine.answer("what do you know?"))
    assert "from one source" in text
    assert "Open Parliament Licence" not in text
    assert "official" not in text


@pytest.mark.parametrize(
    "question",
    [
        "smallest majorities",
        "turnout",
        "which labour mps have majorities under 1000",
        "how many women won",
        "which seat had the largest electorate",
    ],
)
def test_questions_over_every_seat_say_the_article_alone_does_not_count_them(
    engine: Engine, question: str
) -> None:
    answer = engine.answer(question)
    text = to_plain(answer)
    assert answer.status.value == "not_found"
    assert "The article does not give every seat’s full count, which that needs." in text
    assert "official" not in text


def test_the_same_questions_are_counted_when_a_source_counts_every_seat(
    shipped_engine: Engine,
) -> None:
    assert shipped_engine.catalog.counts_every_seat
    text = to_plain(shipped_engine.answer("how many seats did Reform win?"))
    assert "full count" not in text
    won, seats = official_truth.seats_won("RUK")
    assert f"Reform UK won {won} of {seats} seats" in text


def test_each_kind_of_source_is_one_adapter(shipped_engine: Engine, engine: Engine) -> None:
    shipped = shipped_engine.catalog.provenance
    labels = [a.label for a in shipped.adapters]
    assert labels == [
        "the official results",
        "the earlier elections",
        "the article",
        "the seat overlaps",
        "the recorded times",
    ]
    assert [len(a.documents) for a in shipped.adapters] == [2, 19, 1, 1, 1]
    alone = engine.catalog.provenance
    assert [a.label for a in alone.adapters] == ["the article"]
    assert not engine.catalog.counts_every_seat


def test_official_facts_are_shown_as_rows_never_as_quotations(shipped_engine: Engine) -> None:
    conversation = Conversation()
    shipped_engine.answer("who won Clacton?", conversation)
    shown = shipped_engine.answer("source", conversation)
    text = to_plain(shown)
    assert not any(isinstance(block, Quotation) for block in shown.blocks)
    assert "From the article" not in text
    assert "Quoted:" not in text
    assert not re.search(r"“[^”]*21,225", text)  # the row's figures are not dressed as a quote
    assert (
        "From the House of Commons Library’s “General election 2024 results by candidate”" in text
    )
    assert "(HoC-GE2024-results-by-candidate.csv):" in text
    assert re.search(r"line \d+: Nigel Farage, Reform UK, Clacton: 21,225 votes \(46\.2%\)", text)
    assert re.search(r"line \d+: Clacton: Reform UK gain from Conservative; electorate", text)


def test_article_facts_are_quoted_with_the_article_title(shipped_engine: Engine) -> None:
    answer = shipped_engine.answer("who won Leicester South")
    blocks = sources_view(answer.sources)
    quotations = [b for b in blocks if isinstance(b, Quotation)]
    assert any("Adam won 14,739 votes" in q.paragraphs[0] for q in quotations)
    assert all("Socialist Worker issue 2912" in q.attribution for q in quotations)
    rows = [s for s in answer.sources if not s.quoted]
    assert {s.file for s in rows} == {
        "HoC-GE2024-results-by-candidate.csv",
        "HoC-GE2024-results-by-constituency.csv",
    }


def test_national_figures_cite_the_whole_dataset_not_a_few_rows(shipped_engine: Engine) -> None:
    answer = shipped_engine.answer("who won the election")
    [source] = answer.sources
    assert not source.quoted
    assert source.text == "all 4,515 rows: votes and winners summed by party"
    assert source.line is None


def test_independents_second_are_counted_from_the_counted_results(
    shipped_engine: Engine,
) -> None:
    text = to_plain(shipped_engine.answer("which independents came second"))
    assert text.startswith("Independents came second in 12 seats, most votes first:")
    assert "of those the article lists" not in text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how many seats did the tories win", "The Conservatives won 121 of 650 seats"),
        ("how many seats did labour win", "Labour won 411 of 650 seats"),
        ("how many seats did the lib dems win", "The Liberal Democrats won 72 of 650 seats"),
        ("how many seats did the snp win", "The Scottish National Party won 9 of 650 seats"),
        ("which seats did reform gain", "Reform UK gained 5 seats"),
    ],
)
def test_parties_are_named_as_a_sentence_would(
    shipped_engine: Engine, question: str, expected: str
) -> None:
    assert to_plain(shipped_engine.answer(question)).startswith(expected)


def test_every_seat_card_uses_party_names_and_signed_changes(shipped_engine: Engine) -> None:
    code = re.compile(r"\b(Lab|Con|LD|RUK|SNP|PC|SF|DUP|APNI|Spk|Ind|TUV|UUP) (hold|gain)\b")
    for seat in shipped_engine.catalog.seats.values():
        text = to_plain(shipped_engine.answer_about(f"seat:{seat.id}"))
        assert not code.search(text), text
        assert not re.search(r"[-−+]0\.0\b", text), text
        assert not re.search(r"-\d+\.\d points", text), text  # a true minus sign, not a hyphen
    clacton = to_plain(shipped_engine.answer("who won clacton"))
    assert "Giles Watling (Conservative): 12,820 votes, 27.9%, −44.0 points on 2019 (notional)" in (
        clacton
    )
