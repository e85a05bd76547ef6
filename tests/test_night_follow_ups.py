"""Questions of the night in the shapes people type them, and follow-ups of the night's own
answers ("and in Wales?", "and SNP losses?"): each read as asked, counted from the CSVs read
apart over the seats declared by that moment, and never answered with the last seat's card.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import datetime

import pytest

from bot.engine import Conversation
from bot.engine.night.live import LiveEngine
from bot.engine.night.results import MAJORITY_LINE, NightResults
from bot.night.replay import COUNT_AFTER, POLLS_CLOSE, VERIFY_AFTER
from bot.render import to_plain
from knowledge.schema import Knowledge
from tests.night_moments import night_at
from tests.night_truth import SEEDS, TrueSeat, first_figures_differ, true_night
from tests.test_night_computed import final_rows

HALF_FIVE = datetime(2024, 7, 5, 5, 30)
HALF_SEVEN = datetime(2024, 7, 5, 7, 30)


@pytest.fixture(scope="module")
def live(shipped_knowledge: Knowledge) -> LiveEngine:
    return LiveEngine(shipped_knowledge, NightResults({}, POLLS_CLOSE))


def declared(live: LiveEngine, where: Callable[[TrueSeat], bool] = lambda s: True) -> list[str]:
    """ONS IDs of the seats declared by the night's moment, where the test says."""
    return [s.ons_id for s in true_night().values()
            if s.recorded <= live.night.as_of and where(s)]  # fmt: skip


def first_lines(live: LiveEngine, questions: list[str]) -> list[str]:
    conversation = Conversation()
    return [to_plain(live.answer(q, conversation)).splitlines()[0] for q in questions]


def column(ons_id: str, name: str) -> str:
    return final_rows()[ons_id][name]


def test_a_follow_up_asks_the_last_night_question_again_there(live: LiveEngine) -> None:
    live.update(night_at(HALF_FIVE))
    everywhere = declared(live)
    wales = declared(live, lambda s: s.country == "Wales")
    labour = [i for i in everywhere if column(i, "First party") == "Lab"]
    welsh_labour = [i for i in wales if column(i, "First party") == "Lab"]
    welsh_gains = [i for i in welsh_labour if " gain from " in column(i, "Result")]
    scottish = declared(live, lambda s: s.country == "Scotland")
    scottish_gains = [i for i in scottish if column(i, "Result").startswith("Lab gain from")]
    said = first_lines(live, ["how many seats have labour won", "and in wales?", "and gains?",
                              "what about scotland"])  # fmt: skip
    assert said[0].startswith(f"Labour has won {len(labour)} of the {len(everywhere)} seats "
                              "declared so far."), said  # fmt: skip
    assert said[1].startswith(f"Labour has won {len(welsh_labour)} of the {len(wales)} seats "
                              "declared in Wales so far."), said  # fmt: skip
    assert said[2].startswith(f"Labour has gained {len(welsh_gains)} of the {len(wales)} seats "
                              "declared in Wales so far"), said  # fmt: skip
    in_scotland = f"{len(scottish)} seats declared in Scotland so far"
    assert said[3].startswith(f"Labour has gained {len(scottish_gains)} of the {in_scotland}")


def test_another_party_s_losses_after_gains_is_that_party_not_the_last_seat(
    live: LiveEngine,
) -> None:
    live.update(night_at(HALF_FIVE))
    everywhere = declared(live)
    lib_dem_gains = [i for i in everywhere if column(i, "Result").startswith("LD gain from")]
    snp_losses = [i for i in everywhere if column(i, "Result").endswith("gain from SNP")]
    assert snp_losses  # the night had them by then
    said = first_lines(live, ["who won clacton", "how many lib dem gains", "and snp losses?"])
    assert said[1].startswith(f"Liberal Democrat has gained {len(lib_dem_gains)} of"), said
    assert said[2].startswith(f"Scottish National Party has lost {len(snp_losses)} of the "
                              f"{len(everywhere)} seats declared so far"), said  # fmt: skip


@pytest.mark.parametrize(
    ("question", "party", "region"),
    [("lib dem seats in the south west so far", "LD", "South West"),
     ("how many green mps so far", "Green", None),
     ("green mps", "Green", None),
     ("and the snp in scotland", "SNP", None)],
)  # fmt: skip
def test_a_party_s_seats_in_the_shapes_people_type(
    live: LiveEngine, question: str, party: str, region: str | None
) -> None:
    live.update(night_at(HALF_FIVE))
    where = region or ("Scotland" if "scotland" in question else None)
    seats = [i for i in declared(live) if where in {None, column(i, "Region name")}]
    won = [i for i in seats if column(i, "First party") == party]
    said = first_lines(live, [question])[0]
    assert f" has won {len(won)} of the {len(seats)} seats declared" in said, said


def test_a_majority_asked_of_a_party_with_the_or_of_the_election(live: LiveEngine) -> None:
    live.update(night_at(HALF_FIVE))
    seats = declared(live)
    tories = sum(1 for i in seats if column(i, "First party") == "Con")
    labour = sum(1 for i in seats if column(i, "First party") == "Lab")
    said = first_lines(live, ["has the tories got a majority", "who won the election",
                              "is the snp winning a majority"])  # fmt: skip
    assert said[0] == (f"Not yet: Conservative has {tories} seats; a majority is {MAJORITY_LINE}, "
                       f"{MAJORITY_LINE - tories} more."), said  # fmt: skip
    assert said[1] == (f"No one yet: Labour leads with {labour} seats; a majority is "
                       f"{MAJORITY_LINE}."), said  # fmt: skip
    assert said[2].startswith(("No: Scottish National Party", "Not yet: Scottish National")), said
    live.update(night_at(HALF_SEVEN))
    order = sorted(true_night().values(), key=lambda s: s.recorded)
    running = 0
    for seat in order:
        running += seat.party_abbreviation == "Lab"
        if running == MAJORITY_LINE:
            break
    said = first_lines(live, ["who won the election"])
    assert said[0] == (f"Labour passed {MAJORITY_LINE} seats, a majority, with {seat.name} at "
                       f"{seat.recorded:%H:%M}."), said  # fmt: skip


def test_a_surname_two_people_share_is_the_one_who_stood_in_the_seat_named(
    live: LiveEngine,
) -> None:
    live.update(night_at(HALF_FIVE))
    islington = next(s for s in true_night().values() if s.name == "Islington North")
    assert islington.recorded <= live.night.as_of
    assert islington.winner == "Jeremy Corbyn"
    said = first_lines(live, ["did corbyn win islington north", "has corbyn won"])
    assert said[0] == "Yes: Jeremy Corbyn won Islington North.", said
    assert said[1] == "That could be 2 candidates. Ask again with the full name:", said


def test_seats_compared_so_far_over_the_seats_declared(live: LiveEngine) -> None:
    live.update(night_at(HALF_FIVE))
    seats = declared(live)
    lib_dems = sum(1 for i in seats if column(i, "First party") == "LD")
    reform = sum(1 for i in seats if column(i, "First party") == "RUK")
    said = first_lines(live, ["compare lib dem and reform seats"])[0]
    assert said == (f"So far ({len(seats)} seats declared): Liberal Democrat had more seats than "
                    f"Reform UK: {lib_dems} seats to {reform} seats, {lib_dems - reform} "
                    "more."), said  # fmt: skip


def test_each_party_so_far_votes_over_seats_counted_seats_over_seats_declared(
    live: LiveEngine,
) -> None:
    live.update(night_at(HALF_FIVE))
    seats = declared(live)
    votes_out = {s.ons_id for s in true_night().values()
                 if s.recorded + COUNT_AFTER <= live.night.as_of}  # fmt: skip
    # (every candidate's votes as final: the valid votes as first published are the final ones)
    verified = {s.ons_id for s in true_night().values()
                if s.recorded + VERIFY_AFTER <= live.night.as_of}  # fmt: skip
    counted = {i for i in votes_out
               if i in verified or "Valid votes" not in first_figures_differ()[i]}  # fmt: skip
    labour_votes = sum(int(column(i, "Lab")) for i in counted)
    labour_seats = sum(1 for i in seats if column(i, "First party") == "Lab")
    said = first_lines(live, ["votes for each party so far", "seats by party"])
    assert said[0] == (f"So far ({len(counted)} seats’ votes out): Labour had the most votes: "
                       f"{labour_votes:,} votes."), said  # fmt: skip
    assert said[1] == (f"So far ({len(seats)} seats declared): Labour had the most seats: "
                       f"{labour_seats} seats."), said  # fmt: skip


def test_any_of_a_party_in_yet_is_its_seats_so_far(live: LiveEngine) -> None:
    live.update(night_at(HALF_FIVE))
    everywhere = declared(live)
    greens = [i for i in everywhere if column(i, "First party") == "Green"]
    said = first_lines(live, ["any greens in yet", "seats flipped yet"])
    assert said[0].startswith(f"Green has won {len(greens)} of the {len(everywhere)} seats "
                              "declared so far."), said  # fmt: skip
    flipped = [i for i in everywhere if " gain from " in column(i, "Result")]
    assert (
        said[1] == f"So far ({len(everywhere)} seats declared): {len(flipped)} seats that "
        "changed hands:"
    ), said  # "yet" understood, not named as unknown


def test_them_after_a_party_s_seats_so_far_narrows_those_seats(live: LiveEngine) -> None:
    live.update(night_at(HALF_FIVE))
    gains = declared(live, lambda s: column(s.ons_id, "Region name") == "North West")
    gains = [i for i in gains if column(i, "Result") == "Lab gain from Con"]
    women = [i for i in gains if column(i, "Member gender") == "Female"]
    assert 0 < len(women) < len(gains)
    said = first_lines(live, ["labour gains in the north west", "how many of them are women"])
    assert said[1].startswith(f"So far ({len(declared(live))} seats declared): {len(women)} "
                              "seats in the North West won by a woman"), said  # fmt: skip


def test_the_other_end_of_the_majorities_so_far_and_another_place(live: LiveEngine) -> None:
    live.update(night_at(HALF_FIVE))
    out = [s for s in true_night().values()
           if s.recorded + COUNT_AFTER <= live.night.as_of]  # fmt: skip
    closest = min(out, key=lambda s: s.majority)
    welsh = max((s for s in out if s.country == "Wales"), key=lambda s: s.majority)
    said = first_lines(live, ["biggest majority so far", "smallest?", "and the biggest",
                              "what about in wales"])  # fmt: skip
    assert said[0].startswith("The biggest majority so far: "), said
    assert said[1].startswith(f"The closest result so far: {closest.name}, majority "
                              f"{closest.majority:,}"), said  # fmt: skip
    assert said[2] == said[0]
    assert f"{welsh.name} had the largest majority of the " in said[3], said
    assert said[3].endswith(f"seats in Wales: {welsh.majority:,} votes."), said


def test_a_figure_of_a_seat_whose_votes_are_not_out_says_so_first(live: LiveEngine) -> None:
    clacton = next(s for s in true_night().values() if s.name == "Clacton")
    live.update(night_at(clacton.recorded + COUNT_AFTER / 3))
    said = first_lines(live, ["who won clacton", "whats his majority",
                              "how many votes did he get", "turnout there"])  # fmt: skip
    assert said[0].startswith(f"{clacton.winner} (Reform UK) won Clacton"), said
    assert said[1] == "The majority in Clacton is not yet published: its votes are not out."
    assert said[2] == "The votes in Clacton are not yet published.", said
    assert said[3] == "The turnout in Clacton is not yet published: its votes are not out."


def test_a_figure_first_published_unlike_the_final_count_is_the_first_line(
    live: LiveEngine,
) -> None:
    """The feed's figures are what is known: the turnout asked for comes first, from them."""
    path = SEEDS / "election-night/publication-states-2024/3-part-verified-constituencies.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        first = {row["ONS ID"]: row for row in csv.DictReader(handle)}
    seat = next(s for s in true_night().values() if s.name == "Bexleyheath and Crayford")
    assert "Electorate" in first_figures_differ()[seat.ons_id]
    live.update(night_at(seat.recorded + COUNT_AFTER))
    row = first[seat.ons_id]
    turnout = 100 * int(row["Valid votes"]) / int(row["Electorate"])
    said = first_lines(live, ["whats turnout in bexleyheath and crayford", "majority there?"])
    assert said[0] == (f"Turnout in Bexleyheath and Crayford: {turnout:.1f}%, as first "
                       "published, not yet verified."), said  # fmt: skip
    assert said[1] == (f"The majority in Bexleyheath and Crayford: {int(row['Majority']):,} "
                       "votes, as first published, not yet verified."), said  # fmt: skip


def test_a_place_before_seats_typed_slips_and_a_partys_share_of_losses(live: LiveEngine) -> None:
    live.update(night_at(datetime(2024, 7, 5, 6, 30)))
    everywhere = declared(live)
    welsh_left = [s for s in true_night().values()
                  if s.country == "Wales" and s.recorded > live.night.as_of]  # fmt: skip
    scottish_left = [s for s in true_night().values()
                     if s.country == "Scotland" and s.recorded > live.night.as_of]  # fmt: skip
    assert not welsh_left
    assert scottish_left
    tory_losses = [i for i in everywhere if column(i, "Result").endswith("gain from Con")]
    to_lib_dems = [i for i in tory_losses if column(i, "Result").startswith("LD gain")]
    said = first_lines(live, ["which welsh seats havent declared",
                              "which scottish seats are still to declare",
                              "how many seats r left", "how many seats have the tories lost",
                              "and how many of those to the lib dems?"])  # fmt: skip
    assert said[0] == "Every seat in Wales has declared.", said
    assert said[1] == f"{len(scottish_left)} seats in Scotland still to declare:", said
    assert said[2] == (f"{650 - len(everywhere)} of 650 seats are still to declare; "
                       f"{len(everywhere)} have declared."), said  # fmt: skip
    assert said[3].startswith(f"Conservative has lost {len(tory_losses)} of the"), said
    gained = f"gained {len(to_lib_dems)} seats from the Conservatives."
    assert said[4] == (f"So far ({len(everywhere)} seats declared): The Liberal Democrats "
                       + gained), said  # fmt: skip
