"""Answers from the knowledge the bot ships with: the official results of all 650 seats and
the article, reconciled. Figures are the House of Commons Library's, as the seeds hold them."""

from __future__ import annotations

import pytest

from bot.engine import Conversation, Engine
from bot.render import to_plain
from tests.cases.questions import Case, assert_answers, case

SEATS = [
    case("who won Clacton?",
         "Nigel Farage (Reform UK) won Clacton: Reform UK gain from Conservative",
         "Majority: 8,405 votes",
         "Turnout: 58.7% (45,958 valid votes from an electorate of 78,245)"),
    case("who won clacton", "Nigel Farage"),
    case("ynys mon", "Ynys Môn"),
    case("leicster sth winner", "Shockat Adam (Independent) won Leicester South"),
    # A town is no surname: "Leicester" is the city's seats, never Jane Leicester in Wigan.
    case("who won Leicester", "3 seats have Leicester in their name", "• Leicester East",
         "• Leicester South",
         status="clarify", never=("Jane Leicester", "Wigan")),
    case("jane leicester", "Jane Leicester (Green) came sixth in Wigan"),
    case("who won Leicester South", "Shockat Adam (Independent) won Leicester South: Independent "
         "gain from Labour", "Jonathan Ashworth (Labour): 13,760 votes"),
    case("who came second in preston", "came second in Preston", "Michael Lavalette"),
    case("holborn and st pancras", "Keir Starmer (Labour) won Holborn and St Pancras",
         "Majority: 11,572 votes", "The article’s figures give Holborn and St Pancras a majority "
         "of 11,576; the official majority is 11,572."),
]  # fmt: skip

PEOPLE = [
    case("how many votes did starmer get",
         "Keir Starmer (Labour) got 18,884 votes in Holborn and St Pancras",
         "The article gives Keir Starmer 18,888 votes; the official count is 18,884."),
    # "41 percent" and "22 percent" are the official 41.1% and 21.8% as the article rounds.
    case("what share did iqbal mohamed get", "Iqbal Mohamed (Independent) got 41.1% of the vote",
         never=("the official share is",)),
    case("lavalette share", "Michael Lavalette (Independent) got 21.8% of the vote in Preston",
         "The article also says 22 percent.", never=("the official share is",)),
    case("azhar iqbal chohan share",
         "The article gives Azhard Chohan 25.37%; the official share is 25.5%."),
    case("jess phillips", "Jess Phillips (Labour) won Birmingham Yardley",
         "the official majority is 693"),
    case("what did farage say", "My sources do not quote any words of Nigel Farage’s."),
    case("Praful Nargund share change since 2019", "−29.9 points on 2019 (notional)",
         never=("2019 vote",)),
    case("how much did Praful Nargund's vote fall", "−29.9 points on 2019 (notional)",
         "do not give Praful Nargund’s 2019 vote, only the change in share"),
]  # fmt: skip

NATIONAL = [
    case("how many seats did reform win", "Reform UK won 5 of 650 seats, standing in 609",
         "Nigel Farage, Clacton"),
    case("who won the election", "Labour: 411 seats, 9,708,716 votes (33.7%)",
         "Conservative: 121 seats"),
    case("gains", "303 of 650 seats changed hands:", "Labour: 218 gains"),
    case("which seats did the greens gain", "The Greens gained 3 seats:",
         "Bristol Central: Green gain from Labour"),
    case("which independents won", "6 independents won (the article speaks of five "
         "pro-Palestine independents)", "Alex Easton, North Down"),
]  # fmt: skip

EARLIER = [
    case("who won Islington North in 2019?",
         "Jeremy Corbyn (Labour) won Islington North in 2019 with 34,603 votes (64.3%), on its "
         "old boundaries.", never=("24,120",)),
    case("who won islington north on the notional 2019 results",
         "Labour won Islington North on the notional 2019 results for the 2024 seats.",
         "In 2024 Jeremy Corbyn (Independent) won it: Independent gain from Labour."),
    case("who won leicester south in 2019",
         "Jonathan Ashworth (Labour and Co-operative) won Leicester South in 2019"),
    case("how many votes did labour get in islington north in 2019",
         "Jeremy Corbyn (Labour) got 34,603 votes (64.3%) in Islington North in 2019",
         never=("16,873",)),
    case("how many seats did labour win in 2019",
         "Labour won 202 seats, with 10,269,051 votes (32.1% of the vote) in 2019."),
    case("who won the 2019 election",
         "The Conservatives won the 2019 general election: 365 of 650 seats, a majority of 80."),
    case("how many votes did starmer get in 2019",
         "Keir Starmer won Holborn and St Pancras in 2019 (old boundaries) for Labour, with "
         "36,641 votes (64.5%)"),
    case("who won in 2017", "The Conservatives won the 2017 general election: 317 of 650 seats, "
         "short of a majority: a hung parliament."),
    case("who won clacton in 2024", "Nigel Farage (Reform UK) won Clacton"),
    # The 2024 files leave the declaration time empty: the time the Library recorded it
    case("when was clacton declared", "The Commons Library recorded Clacton’s result at",
         "can be some time after the declaration itself", never=("empty", "declared at")),
    case("what time did clacton declare", "The Commons Library recorded Clacton’s result at",
         never=("Tim ", "empty")),
    case("when did the first seat declare", "The first result the Commons Library recorded was",
         never=("empty",)),
]  # fmt: skip


@pytest.mark.parametrize("case", SEATS + PEOPLE + NATIONAL + EARLIER, ids=lambda c: c.question)
def test_shipped_answer(shipped_engine: Engine, case: Case) -> None:
    assert_answers(shipped_engine, case)


def test_the_first_line_answers_a_2019_question(shipped_engine: Engine) -> None:
    answer = shipped_engine.answer("who won Islington North in 2019?")
    assert answer.query is not None
    assert answer.entities == ("seat:islington-north", "person:jeremy-corbyn")
    first = to_plain(answer).splitlines()[0]
    assert first.startswith("Jeremy Corbyn (Labour) won Islington North in 2019")


def test_since_2019_is_a_change_not_a_2019_question(shipped_engine: Engine) -> None:
    answer = shipped_engine.answer("Praful Nargund share change since 2019")
    assert answer.query is not None
    assert answer.query.year is None
    assert answer.entities[0] == "person:praful-nargund"


def test_a_2019_answer_replays_from_its_query(shipped_engine: Engine) -> None:
    conversation = Conversation()
    answer = shipped_engine.answer("who won Islington North in 2019?", conversation)
    assert answer.query is not None
    assert to_plain(shipped_engine.answer_query(answer.query)) == to_plain(answer)
