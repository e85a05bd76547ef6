"""Earlier elections (issue 17): the 2010-2019 general elections, the by-elections since 2010
and who holds each seat now, each answer checked against the Library's files as read in
tests/history_truth.py."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from bot.engine import Conversation, Engine
from bot.render import to_plain
from knowledge.build import REPO_ROOT
from knowledge.errors import BuildError
from knowledge.history import HISTORY_SEEDS, read_history
from knowledge.schema import Knowledge
from tests import history_truth as truth
from tests import official_truth


def first_line(engine: Engine, question: str, conversation: Conversation | None = None) -> str:
    return to_plain(engine.answer(question, conversation)).splitlines()[0]


def last_first_line(engine: Engine, conversation: tuple[str, ...]) -> str:
    """The first line of the answer to a conversation's last question."""
    chat = Conversation()
    for question in conversation[:-1]:
        engine.answer(question, chat)
    return first_line(engine, conversation[-1], chat)


# --- the knowledge ------------------------------------------------------------------------


def test_every_history_file_ships_byte_for_byte_with_its_sha256_recorded(
    shipped_knowledge: Knowledge,
) -> None:
    shared = REPO_ROOT.parent / "shared" / "data" / "history"
    recorded = {s.path: s.sha256 for s in shipped_knowledge.sources}
    shipped = sorted((REPO_ROOT / HISTORY_SEEDS).glob("*.csv"))
    assert len(shipped) == 19
    for path in shipped:
        key = str(path.relative_to(REPO_ROOT))
        assert recorded[key] == hashlib.sha256(path.read_bytes()).hexdigest()
        if shared.is_dir():
            assert path.read_bytes() == (shared / path.name).read_bytes()


def test_every_election_and_contest_of_the_files_is_held(shipped_knowledge: Knowledge) -> None:
    generals = [e for e in shipped_knowledge.elections if e.kind == "general"]
    assert [e.date[:4] for e in generals] == ["2010", "2015", "2017", "2019"]
    by_elections = sum(len(truth.by_election_seats(p)) for p in (2010, 2015, 2017, 2019, 2024))
    assert len(shipped_knowledge.elections) == 4 + by_elections
    for year in (2010, 2015, 2017, 2019):
        contests = [c for c in shipped_knowledge.contests if c.election == f"ge{year}"]
        assert len(contests) == 650
        assert sum(len(c.candidates) for c in contests) == len(truth.general(year))


def test_people_are_linked_across_elections_only_by_an_id(shipped_knowledge: Knowledge) -> None:
    people = {p.id: p for p in shipped_knowledge.people}
    for contest in shipped_knowledge.contests:
        for candidacy in contest.candidates:
            if candidacy.person is None:
                continue
            person = people[candidacy.person]
            assert (candidacy.mnis_id is not None and candidacy.mnis_id == person.mnis_id) or (
                candidacy.dc_id is not None and candidacy.dc_id == person.dc_id
            )


def test_a_malformed_history_file_is_refused_naming_the_file_and_line(
    tmp_path: Path, shipped_knowledge: Knowledge
) -> None:
    folder = tmp_path / "history"
    shutil.copytree(REPO_ROOT / HISTORY_SEEDS, folder)
    path = folder / "ge2017-candidates.csv"
    lines = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    cells = lines[41].split(",")
    cells[18] = "lots"
    lines[41] = ",".join(cells)
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(BuildError, match=r"ge2017-candidates\.csv:42: Votes 'lots' is not a whole"):
        read_history(shipped_knowledge, folder)


def test_a_missing_history_file_is_refused_by_name(
    tmp_path: Path, shipped_knowledge: Knowledge
) -> None:
    folder = tmp_path / "history"
    shutil.copytree(REPO_ROOT / HISTORY_SEEDS, folder)
    (folder / "ge2015-constituencies.csv").unlink()
    with pytest.raises(BuildError, match=r"ge2015-constituencies\.csv: missing"):
        read_history(shipped_knowledge, folder)


# --- the questions ------------------------------------------------------------------


def test_who_won_a_seat_in_2019_is_its_old_seat_said_so_and_the_year_is_kept(
    shipped_engine: Engine,
) -> None:
    chat = Conversation()
    won = truth.winner(2019, "Islington North")
    line = first_line(shipped_engine, "who won Islington North in 2019?", chat)
    assert line.startswith(f"{won.name} (Labour) won Islington North in 2019 with {won.votes:,}")
    assert line.endswith("on its old boundaries.")
    earlier = truth.winner(2010, "Islington North")
    line = first_line(shipped_engine, "and in 2010?", chat)
    assert line.startswith(f"{earlier.name} (Labour) won Islington North in 2010")
    second = sorted(
        (c for c in truth.general(2010) if c.seat == "Islington North"), key=lambda c: -c.votes
    )[1]
    assert first_line(shipped_engine, "who came second?", chat).startswith(second.name)


def test_the_source_of_an_earlier_result_is_its_file_and_line(shipped_engine: Engine) -> None:
    answer = shipped_engine.answer("who won Islington North in 2019")
    won = truth.winner(2019, "Islington North")
    assert any(s.file == "ge2019-candidates.csv" and s.line == won.line for s in answer.sources)


def test_who_is_the_mp_now_is_the_by_election_winner(shipped_engine: Engine) -> None:
    row = next(
        r for r in truth.by_election_seats(2024) if r["Constituency name"] == "Runcorn and Helsby"
    )
    name = f"{row['Member first name']} {row['Member surname']}"
    line = first_line(shipped_engine, "who is the MP for Runcorn and Helsby")
    assert line.startswith(f"{name} (Reform UK) is the MP for Runcorn and Helsby, since the")
    assert f"majority {int(row['Majority']):,}" in line
    text = to_plain(shipped_engine.answer("who is the MP for Runcorn and Helsby"))
    assert "At the 2024 general election it elected Mike Amesbury (Labour)" in text


def test_who_won_a_seat_with_no_year_is_2024_with_the_by_election_since(
    shipped_engine: Engine,
) -> None:
    text = to_plain(shipped_engine.answer("who won Runcorn and Helsby"))
    assert text.startswith("Mike Amesbury (Labour) won Runcorn and Helsby")
    assert "Since then: Sarah Joanne Pochin (Reform UK) won the by-election of 1 May 2025" in text


def test_a_party_s_seats_in_an_earlier_year_with_the_commons(shipped_engine: Engine) -> None:
    won = truth.seats_won(2017)
    text = to_plain(shipped_engine.answer("how many seats did Labour win in 2017"))
    assert text.startswith(f"Labour won {won['Lab']} seats")
    assert "hung parliament" in text


def test_who_won_an_earlier_election(shipped_engine: Engine) -> None:
    won = truth.seats_won(2015)
    majority = won["Con"] - (650 - won["Con"])
    assert first_line(shipped_engine, "who won the 2015 election") == (
        f"The Conservatives won the 2015 general election: {won['Con']} of 650 seats, "
        f"a majority of {majority}."
    )


def test_a_person_s_results_are_linked_by_mnis_id(shipped_engine: Engine) -> None:
    text = to_plain(shipped_engine.answer("Jeremy Corbyn's results since 2010"))
    assert text.splitlines()[0] == (
        "Jeremy Corbyn stood at 5 elections from 2010 to 2024 and won every one:"
    )
    for year in (2010, 2015, 2017, 2019):
        votes = truth.winner(year, "Islington North").votes
        assert f"{year}: Islington North (old boundaries), Labour, {votes:,}" in text


def test_has_a_seat_always_been_a_party(shipped_engine: Engine) -> None:
    line = first_line(shipped_engine, "has Leicester South always been Labour")
    assert line.startswith("No: Labour won it in 2010")
    assert "in 2024 Shockat Adam (Independent) won it" in line


def test_a_party_s_share_since_2010(shipped_engine: Engine) -> None:
    text = to_plain(shipped_engine.answer("Labour's share since 2010"))
    for year in (2010, 2015, 2017, 2019):
        assert f"{year}: {round(truth.share(year, 'Lab'), 1):g}% of the vote" in text


def test_by_elections_since_2024_that_changed_hands(shipped_engine: Engine) -> None:
    rows = truth.by_election_seats(2024)
    gains = [r["Constituency name"] for r in rows if "gain" in r["Result"].lower()]
    text = to_plain(shipped_engine.answer("which by-elections since 2024 changed hands"))
    assert text.startswith(f"{len(gains)} of {len(rows)} by-elections that changed hands")
    for name in gains:
        assert name in text


def test_lost_compared_with_2019_is_against_the_notional_results(shipped_engine: Engine) -> None:
    line = first_line(
        shipped_engine, "how many seats did the Tories lose in 2024 compared with 2019"
    )
    assert "notional 2019 results" in line


def test_a_year_with_no_general_election_gives_its_by_elections(shipped_engine: Engine) -> None:
    held = truth.by_elections_in(2012)
    line = first_line(shipped_engine, "who won in 2012")
    assert line.startswith("There was no general election in 2012")
    assert f"{len(held)} by-elections were held in 2012" in line


def test_a_year_before_the_results_start_is_said(shipped_engine: Engine) -> None:
    assert first_line(shipped_engine, "who won Leicester South in 2005").startswith(
        "My results start in 2010"
    )


def test_a_2024_seat_with_no_namesake_names_the_seats_it_came_from(
    shipped_engine: Engine,
) -> None:
    text = to_plain(shipped_engine.answer("who won Hitchin in 2017"))
    assert text.startswith("Hitchin was not a seat in 2017")
    assert "Hitchin and Harpenden" in text
    won = truth.winner(2017, "Hitchin and Harpenden")
    assert f"{won.name} (Conservative) won it" in text


# --- charts -----------------------------------------------------------------------------------


def test_an_earlier_commons_chart_holds_that_year_s_seats(shipped_engine: Engine) -> None:
    from io import BytesIO

    from PIL import Image

    from bot.charts import render_png
    from bot.engine.model.chart_data import SeatsChart

    chart = shipped_engine.answer("who won the 2017 election").chart
    assert isinstance(chart, SeatsChart)
    assert chart.total == 650
    assert chart.majority == 326
    won = truth.seats_won(2017)
    seats = {bar.label: bar.value for bar in chart.parties}
    assert seats["Conservative"] == won["Con"]
    assert seats["Labour"] == won["Lab"]
    image = Image.open(BytesIO(render_png(chart)))
    assert image.format == "PNG"
    assert image.width <= 1280


def test_a_party_across_elections_is_a_bar_per_general_election(shipped_engine: Engine) -> None:
    from bot.engine.model.chart_data import BarChart

    chart = shipped_engine.answer("Labour's share since 2010").chart
    assert isinstance(chart, BarChart)
    assert [bar.label for bar in chart.bars] == ["2010", "2015", "2017", "2019", "2024"]
    for bar in chart.bars[:4]:
        assert bar.share == round(truth.share(int(bar.label), "Lab"), 1)
        assert bar.party_id == "labour"


def test_a_seat_s_winners_are_a_row_per_election_with_the_majority(shipped_engine: Engine) -> None:
    from bot.engine.model.chart_data import BarChart

    chart = shipped_engine.answer("has Clacton always been Conservative").chart
    assert isinstance(chart, BarChart)
    labels = [bar.label for bar in chart.bars]
    assert labels[0] == f"2010: {truth.winner(2010, 'Clacton').name}"
    assert "2014 by-election: Douglas Carswell" in labels
    assert chart.bars[0].party_id == "conservative"
    assert all(bar.marked == "old boundaries" for bar in chart.bars if bar.label[:4] < "2024")


def test_source_after_an_earlier_answer_shows_its_rows(shipped_engine: Engine) -> None:
    chat = Conversation()
    shipped_engine.answer("who won Islington North in 2019", chat)
    text = to_plain(shipped_engine.answer("source", chat))
    won = truth.winner(2019, "Islington North")
    assert "(ge2019-candidates.csv)" in text
    assert f"line {won.line}: Islington North, 2019: Jeremy Corbyn" in text


@pytest.mark.parametrize(
    ("conversation", "expected"),
    [
        (
            ("who is the mp for aberdeen south", "when was the by-election"),
            "The Aberdeen South by-election was held on 18 June 2026.",
        ),
        (("makerfield mp",), "Andy Burnham (Labour) is the MP for Makerfield"),
        (
            ("by-elections in 2016", "who won batley and spen?"),
            "Tracy Brabin (Labour) won Batley and Spen at the by-election of 20 October 2016",
        ),
        (("green party seats in 2024", "and in 2019"), "The Greens won 1 seat"),
        (
            ("has carswell always been ukip",),
            "No: Douglas Carswell also stood for Conservative in 2010.",
        ),
        (("nick clegg",), "Nick Clegg stood at 3 elections from 2010 to 2017 and won 2:"),
    ],
    ids=lambda value: value if isinstance(value, str) else " / ".join(value),
)
def test_fresh_eyes_round_20(
    shipped_engine: Engine, conversation: tuple[str, ...], expected: str
) -> None:
    assert last_first_line(shipped_engine, conversation).startswith(expected)


# --- one earlier general election, computed by the one evaluator ------------------------------


def test_a_ranking_within_an_earlier_election(shipped_engine: Engine) -> None:
    rows = truth.general_seats(2017)
    biggest = max(rows, key=lambda r: int(r[17]))
    line = first_line(shipped_engine, "biggest majority in 2017")
    assert line == (
        f"2017: {biggest[2]} had the largest majority of the 650 seats: {int(biggest[17]):,} votes."
    )


def test_a_count_within_an_earlier_election(shipped_engine: Engine) -> None:
    women = sum(1 for r in truth.general_seats(2015) if r[10] in {"F", "Female"})
    assert first_line(shipped_engine, "how many women mps were elected in 2015") == (
        f"2015: {women} women were elected, of 650 MPs."
    )
    second = 0
    for seat in {c.seat for c in truth.general(2015)}:
        ranked = sorted((c for c in truth.general(2015) if c.seat == seat), key=lambda c: -c.votes)
        second += len(ranked) > 1 and ranked[1].party == "UKIP"
    assert first_line(shipped_engine, "how many seats did ukip come second in in 2015") == (
        f"2015: The UK Independence Party came second in {second} of 650 seats."
    )


def test_gains_within_an_earlier_election_are_on_the_election_before(
    shipped_engine: Engine,
) -> None:
    gains = [r for r in truth.general_seats(2017) if r[11].startswith("Lab gain from")]
    text = to_plain(shipped_engine.answer("which seats did labour gain in 2017"))
    assert text.startswith(f"2017: Labour gained {len(gains)} seats")
    assert "notional" not in text


def test_a_comparison_of_two_elections_is_refused_not_answered_with_one(
    shipped_engine: Engine,
) -> None:
    answer = shipped_engine.answer("was starmer's majority bigger than in 2019")
    assert answer.status.value == "not_found"
    assert "not comparisons of one election with another" in to_plain(answer)


def test_a_national_figure_of_an_earlier_election(shipped_engine: Engine) -> None:
    rows = truth.general_seats(2019)
    valid, electorate = sum(int(r[15]) for r in rows), sum(int(r[14]) for r in rows)
    line = first_line(shipped_engine, "turnout in 2019")
    assert line.startswith(
        f"2019: Turnout across all 650 seats was {100 * valid / electorate:.1f}% "
        f"({valid:,} valid votes of {electorate:,} electors"
    )


@pytest.mark.parametrize(
    ("conversation", "expected"),
    [
        (("biggest majority 2019", "and in 2010?"), "2010: East Ham had the largest majority"),
        (
            ("biggest majority 2019", "and in 2010?", "and the smallest?"),
            "2010: Fermanagh and South Tyrone had the smallest majority",
        ),
        (
            ("which seats did the lib dems gain in 2017", "what about the tories"),
            "2017: The Conservatives gained",
        ),
        (
            ("was there a general election in 2013", "any by-elections that year?"),
            "3 by-elections in 2013:",
        ),
        (
            ("clacton by election result", "turnout?"),
            "Turnout in Clacton at the by-election of 13 August 2026 was",
        ),
        (
            ("how many seats did ukip win in 2015", "how many votes did they get"),
            "The UK Independence Party got 3,881,099 votes",
        ),
        (("nick clegg", "did he ever lose"), "Yes: Nick Clegg lost in 2017"),
        (
            ("gorton and denton by-election", "who was the mp there before"),
            "Before Hannah Spencer, the MP for Gorton and Denton was Andrew Gwynne",
        ),
        (
            ("aberdeen south by election", "what about the tories"),
            "Douglas Lumsden (Conservative) got 14,308 votes",
        ),
        (
            ("who was the MP for Clacton before Giles Watling",),
            "Before Giles Watling, the MP for Clacton was Douglas Carswell",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else " / ".join(value),
)
def test_fresh_eyes_round_21(
    shipped_engine: Engine, conversation: tuple[str, ...], expected: str
) -> None:
    assert last_first_line(shipped_engine, conversation).startswith(expected)


@pytest.mark.parametrize("year", [2010, 2015, 2017, 2019])
def test_every_gain_of_an_earlier_election_is_counted(shipped_engine: Engine, year: int) -> None:
    """'Con gain from Lab Coop' is a gain from Labour, as the Library counts it."""
    gains = [r for r in truth.general_seats(year) if " gain from " in r[11]]
    line = first_line(shipped_engine, f"how many seats changed hands in {year}")
    assert line.startswith(f"{year}: {len(gains)} of 650 seats changed hands")


def test_a_by_election_since_makes_the_2024_winner_no_longer_the_mp(
    shipped_engine: Engine,
) -> None:
    row = next(
        r for r in truth.by_election_seats(2024) if r["Constituency name"] == "Runcorn and Helsby"
    )
    line = first_line(shipped_engine, "is Mike Amesbury the MP for Runcorn and Helsby")
    assert line.startswith(f"No: {row['Member first name']} {row['Member surname']} (Reform UK)")


def test_ever_is_any_and_always_is_every(shipped_engine: Engine) -> None:
    assert first_line(shipped_engine, "has Reform ever won Clacton").startswith("Yes: Reform UK")
    assert first_line(shipped_engine, "has Labour ever won Clacton").startswith(
        "No: Labour never won it"
    )
    assert first_line(shipped_engine, "has Reform always won Clacton").startswith("No:")


def test_a_party_trend_keeps_its_place_and_its_end(shipped_engine: Engine) -> None:
    text = to_plain(shipped_engine.answer("Labour's seats in Scotland since 2010"))
    scotland = [r for r in truth.general_seats(2015) if r[5] == "Scotland"]
    labour = sum(1 for r in scotland if r[11].startswith("Lab "))
    assert text.startswith("Labour’s seats in Scotland at each general election since 2010:")
    assert f"2015: {labour} seat" in text
    text = to_plain(shipped_engine.answer("Labour's share from 2010 to 2015"))
    assert "2017" not in text


@pytest.mark.parametrize(
    "question",
    [
        "how many seats did Labour win in 2015 or 2017",
        "who won Clacton and Islington North in 2019",
    ],
)
def test_two_of_a_kind_are_asked_one_at_a_time_not_half_answered(
    shipped_engine: Engine, question: str
) -> None:
    assert first_line(shipped_engine, question).startswith("Ask about one election")


def test_a_share_since_2019_is_each_election_and_seats_since_2019_the_notional_change(
    shipped_engine: Engine,
) -> None:
    text = to_plain(shipped_engine.answer("Labour's share since 2019"))
    assert f"2019: {round(truth.share(2019, 'Lab'), 1):g}% of the vote" in text
    line = first_line(shipped_engine, "labour seats since 2019")
    assert "notional 2019 results" in line


def test_a_party_of_the_earlier_elections_alone_is_named(shipped_engine: Engine) -> None:
    votes = sum(c.votes for c in truth.general(2019) if c.party == "BRX")
    line = first_line(shipped_engine, "how many seats did the Brexit Party win in 2019")
    assert line == f"The Brexit Party won 0 seats, with {votes:,} votes (2% of the vote) in 2019."
    text = to_plain(shipped_engine.answer("bnp share since 2010"))
    assert text.startswith("The British National Party’s share of the vote")


def test_one_registered_party_under_two_names_is_said(shipped_engine: Engine) -> None:
    """The Brexit Party (2019) and Reform UK (2024) share one Electoral Commission ID."""
    votes = sum(c.votes for c in truth.general(2019) if c.party == "BRX")
    line = first_line(shipped_engine, "how many seats did reform win in 2019")
    assert line.startswith("Reform UK stood no candidates in 2019; the same registered party")
    assert f"stood as the Brexit Party: {votes:,} votes" in line


@pytest.mark.parametrize(
    ("question", "seat", "year"),
    [
        ("who won Don Valley in 2019", "Don Valley", 2019),
        ("who won Salford and Eccles in 2010", "Salford and Eccles", 2010),
    ],
)
def test_an_old_seat_is_not_taken_for_a_first_name_or_a_shared_name(
    shipped_engine: Engine, question: str, seat: str, year: int
) -> None:
    won = truth.winner(year, seat)
    assert first_line(shipped_engine, question).startswith(f"{won.name} (")
    assert f"won {seat} in {year} with {won.votes:,} votes" in first_line(shipped_engine, question)


def test_and_in_2024_after_an_earlier_year_asks_the_same_of_2024(shipped_engine: Engine) -> None:
    chat = Conversation()
    shipped_engine.answer("who won Islington North in 2019", chat)
    assert first_line(shipped_engine, "and in 2024?", chat).startswith(
        "Jeremy Corbyn (Independent) won Islington North"
    )
    chat = Conversation()
    shipped_engine.answer("biggest majority in 2017", chat)
    line = first_line(shipped_engine, "and in 2024?", chat)
    now = max(official_truth.seats(), key=lambda r: int(r["Majority"]))
    assert line == (
        f"{now['Constituency name']} had the largest majority of the 650 seats: "
        f"{int(now['Majority']):,} votes."
    )
    line = first_line(shipped_engine, "and in 2010?", chat)
    biggest = max(truth.general_seats(2010), key=lambda r: int(r[17]))
    assert line.startswith(f"2010: {biggest[2]} had the largest majority")


def test_a_complete_question_after_an_earlier_year_is_answered_on_its_own(
    shipped_engine: Engine,
) -> None:
    chat = Conversation()
    shipped_engine.answer("who won Clacton in 2017", chat)
    assert first_line(shipped_engine, "who won Bristol West", chat).startswith(
        "Bristol West is not a seat of the UK general election 2024"
    )
    assert first_line(shipped_engine, "how many seats did labour win", chat).startswith(
        "Labour won 411 of 650 seats"
    )


@pytest.mark.parametrize(
    ("conversation", "expected"),
    [
        (
            ("labour seats in wales since 2010", "and the tories?"),
            "The Conservatives’ seats in Wales at each general election since 2010:",
        ),
        (
            ("which lib dem got the most votes in 2019", "who won the most seats"),
            "Labour had the most seats: 411 seats.",
        ),
        (
            ("who won sheffield hallam in 2017", "and in 2019?", "who is the mp there now"),
            "Olivia Blake (Labour) won Sheffield Hallam: Labour hold.",
        ),
        (
            ("how many seats did the lib dems win in scotland in 2015", "and 2024?"),
            "The Liberal Democrats won 6 of the 57 seats in Scotland",
        ),
        (
            ("how many by-elections were there in the 2017 parliament",),
            "5 by-elections in the Parliament elected in 2017:",
        ),
        (("Mike Wood's results since 2010",), "“Mike Wood” could be more than one."),
    ],
    ids=lambda value: value if isinstance(value, str) else " / ".join(value),
)
def test_fresh_eyes_round_22(
    shipped_engine: Engine, conversation: tuple[str, ...], expected: str
) -> None:
    assert last_first_line(shipped_engine, conversation).startswith(expected)


def test_a_choice_between_two_people_of_one_name_keeps_the_question(
    shipped_engine: Engine,
) -> None:
    chat = Conversation()
    asked = shipped_engine.answer("Mike Wood's results since 2010", chat)
    earlier = next(o for o in asked.options if "before 2024" in o.label)
    assert asked.query is not None
    chosen = shipped_engine.answer_query(asked.query.about(earlier.key))
    line = to_plain(chosen).splitlines()[0]
    assert line.startswith("Mike Wood stood at") or line.startswith("Mike Wood won")
    assert "Batley and Spen" in to_plain(chosen)


@pytest.mark.parametrize(
    ("conversation", "expected"),
    [
        (
            ("how many seats did reform win in 2024", "and in 2019?"),
            "Reform UK stood no candidates in 2019; the same registered party (PP7931)",
        ),
        (
            ("who is the mp for uxbridge", "who was the mp before"),
            "Before Danny Beales, the MP for Uxbridge and South Ruislip was Steve Tuckwell",
        ),
        (
            ("by-elections in 2021", "which ones changed hands"),
            "3 of 6 by-elections that changed hands in 2021:",
        ),
        (("is mike amesbury still an mp",), "No: Sarah Joanne Pochin (Reform UK) is the MP"),
        (("is keir starmer still an mp",), "Yes: Keir Starmer (Labour) won Holborn and St Pancras"),
        (
            ("did theresa may stand in 2024",),
            "Theresa May did not stand at the 2024 general election.",
        ),
        (
            ("who won cardiff north in 2019", "did she win last time"),
            "Yes: Anna McMorrin won Cardiff North in 2017",
        ),
        (
            ("who won sheffield hallam in 2015", "did he win in 2017"),
            "No: Nick Clegg came second in Sheffield, Hallam in 2017",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else " / ".join(value),
)
def test_fresh_eyes_round_23(
    shipped_engine: Engine, conversation: tuple[str, ...], expected: str
) -> None:
    assert last_first_line(shipped_engine, conversation).startswith(expected)


@pytest.mark.parametrize(
    ("conversation", "expected"),
    [
        (("what was Labour's majority in Barrow in 2017",), "I don’t know “barrow”"),
        (
            ("How many seats did the Lib Dems win in 2010", "and the greens in 2024"),
            "The Greens won 4 of 650 seats",
        ),
        (
            ("labour seats in yorkshire 2019", "and how many did they get there in 2024?"),
            "Labour won 43 of the 54 seats in Yorkshire and The Humber",
        ),
        (
            ("who won Bristol West in 2017", "was she the MP before?"),
            "I can’t answer that kind of question",
        ),
        (
            ("who won the brecon by-election",),
            "None: there were no by-elections in Brecon, Radnor and Cwm Tawe since it was first",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else " / ".join(value),
)
def test_fresh_eyes_round_24(
    shipped_engine: Engine, conversation: tuple[str, ...], expected: str
) -> None:
    assert last_first_line(shipped_engine, conversation).startswith(expected)
