"""Answers when the official results are merged in (synthetic files in the official format)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Conversation, Engine, Status
from bot.render import to_plain
from knowledge.hoc import read_official
from knowledge.merge import merge
from knowledge.schema import Knowledge
from tests.cases.questions import Case, assert_answers, case
from tests.official_data import write_official


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory, knowledge: Knowledge) -> Engine:
    folder: Path = tmp_path_factory.mktemp("official")
    merged, _ = merge(knowledge, read_official(*write_official(folder)))
    return Engine(merged)


CASES = [
    case("who won Leicester South", "won Leicester South: Independent gain from Labour",
         "Jonathan Ashworth", "Turnout: ", "−35.0 points on 2019 (notional)", "Majority: 979 votes",
         never=("Ind gain", "-35.0")),
    case("how many votes did starmer get", "18,880",
         "The article gives Keir Starmer 18,888 votes; the official count is 18,880."),
    case("holborn", "Majority: 11,568 votes",
         "the official majority is 11,568", never=("Majority: 11,576",)),
    # "22 percent" is 21.8% rounded as the article rounds: they agree.
    case("lavalette share", "Michael Lavalette (Independent) got 21.8% of the vote in Preston",
         "The article also says 22 percent.", never=("the official share is",)),
    case("sam gorst", "Liverpool Community Independents",
         "The article lists Sam Gorst among Independent candidates"),
    case("jess phillips", "won Birmingham Yardley",
         "The article says Jess Phillips won by only 700 votes; the official majority is 693."),
    case("who won rochdale",
         "Testg Redmond (Labour) won Rochdale: Labour gain from Workers Party of Britain",
         "George Galloway"),
    case("how many seats did labour win", "Labour won 5 of 8 seats", "Of those, 1 was a gain."),
    case("who won the election", "Labour: 5 seats"),
    case("which seats did labour gain", "Labour gained 1 seat:", "Rochdale"),
    case("gains", "3 of 8 seats changed hands", "Plaid Cymru: 1 gain"),
    case("greg smith", "Greg Smith (Conservative, Testford)", "Greg Smith (Green, Testford)",
         status="clarify"),
    case("ynys mon", "Siân Testberry", "Ynys Môn: Plaid Cymru gain from Conservative"),
    case("sian testberry", "won Ynys Môn"),
    case("smallest majorities", "Ynys Môn had the smallest majority of the 8 seats: 637 votes"),
    case("highest turnout", "had the highest turnout of the 8 seats"),
    case("which independents won", "5 independents won, as the article says", "Shockat Adam",
         "Jeremy Corbyn", never=("Lavalette",)),
    case("did galloway win", "No: George Galloway came second in Rochdale"),
    case("who came last in preston", "Testf Further", "fourth"),
    case("how many votes did reform get in preston", "8,562"),
    case("corbyn", "won Islington North", "24,120"),
    case("reform swing", "Reform UK’s change in share as a whole, only each candidate’s",
         "Testf Further (Reform UK), Preston had the biggest rise in share (the only Reform UK "
         "candidate): +10.0 points"),
    case("who won?", "Labour won the most seats: 5 of 8, a majority of 2 over all other "
         "parties together.", never=("winners named",)),
    case("green", "The Greens won 0 of 8 seats"),
    case("how many seats did the tories win", "The Conservatives won 1 of 8 seats",
         never=("Conservative won",)),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.question)
def test_answer_with_official_data(full: Engine, case: Case) -> None:
    assert_answers(full, case)


def test_follow_ups_and_replay_work_with_official_data(full: Engine) -> None:
    conversation = Conversation()
    full.answer("who won rochdale", conversation)
    share = full.answer("and what share?", conversation)
    assert "Testg Redmond" in to_plain(share)
    assert share.query is not None
    assert to_plain(full.answer_query(share.query)) == to_plain(share)


def test_a_seat_narrows_an_ambiguous_name(full: Engine) -> None:
    answer = full.answer("smith testford")
    assert answer.status is Status.CLARIFY
    assert len(answer.options) == 2


def test_sources_name_the_dataset_and_its_line(full: Engine) -> None:
    answer = full.answer("how many votes did starmer get")
    rows = [s for s in answer.sources if not s.quoted]
    quotes = [s for s in answer.sources if s.quoted]
    assert rows
    assert all("House of Commons Library" in s.document for s in rows)
    assert {s.file for s in rows} == {"candidates.csv"}
    assert all(s.line is not None and s.line > 1 for s in rows)
    assert quotes
    assert all("Socialist Worker" in s.document for s in quotes)


def test_inline_search_finds_official_names_and_accents(full: Engine) -> None:
    assert full.search.find("ynys", 5)[0] == "seat:ynys-mon"
    assert "person:greg-smith-testford" in " ".join(full.search.find("greg", 5))
