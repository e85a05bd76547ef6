"""Questions the evaluator computes, asked during the night: answered over the seats whose
votes are published at that moment, said to be so, and never over a seat still to come.

What the bot counts is checked against the final CSVs read apart, over the seats it says it
counted; that those seats are published is checked against the replay's own schedule (votes
out COUNT_AFTER a seat's recorded time, verified VERIFY_AFTER it)."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from datetime import datetime
from functools import cache

import pytest

from bot.engine import Conversation
from bot.engine.night.live import LiveEngine
from bot.engine.night.results import NightResults
from bot.night.replay import COUNT_AFTER, POLLS_CLOSE, VERIFY_AFTER
from bot.render import to_plain
from knowledge.schema import Knowledge
from tests.night_moments import night_at
from tests.night_truth import SEEDS, first_figures_differ, true_night

MOMENTS = [datetime(2024, 7, 5, 1, 30), datetime(2024, 7, 5, 3, 0), datetime(2024, 7, 5, 5, 0),
           datetime(2024, 7, 5, 7, 30)]  # fmt: skip

Row = dict[str, str]


@cache
def final_rows() -> dict[str, Row]:
    """Each seat's row of the final results, by ONS ID."""
    path = SEEDS / "hoc-ge2024/HoC-GE2024-results-by-constituency.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {row["ONS ID"]: row for row in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def live(shipped_knowledge: Knowledge) -> LiveEngine:
    return LiveEngine(shipped_knowledge, NightResults({}, POLLS_CLOSE))


def counted_ons_ids(live: LiveEngine) -> set[str]:
    ons_of = live.night_answers.ons_of
    return {ons_of[seat] for seat in live.published(live.night)}


def number(pattern: str, text: str) -> int:
    found = re.search(pattern, text)
    assert found is not None, f"{pattern!r} not in {text!r}"
    return int(found.group(1).replace(",", ""))


# (question, the count in its first line, what each seat adds, whether only its winner counts)
QUESTIONS: list[tuple[str, str, Callable[[Row], int], bool]] = [
    ("how many women MPs were elected", r"(\d+) women MPs elected",
     lambda row: row["Member gender"] == "Female", True),
    ("women elected so far", r"(\d+) women MPs elected",
     lambda row: row["Member gender"] == "Female", True),
    ("where did Reform come second", r"second in (\d+) of",
     lambda row: row["Second party"] == "RUK", False),
    ("which seats changed hands", r"(\d+) seats? that changed hands",
     lambda row: " gain from " in row["Result"], True),
    ("which independents won", r"(\d+) Independent MPs? elected",
     lambda row: row["First party"] == "Ind", True),
    ("how many seats with a majority under 1,000", r"(\d+) seats? with a majority under",
     lambda row: int(row["Majority"]) < 1000, False),
    ("Reform's total votes", r"Reform UK candidates: ([\d,]+) votes",
     lambda row: int(row["RUK"] or 0), False),
]  # fmt: skip


@pytest.mark.parametrize("moment", MOMENTS, ids=lambda m: f"{m:%H%M}")
def test_a_count_over_the_seats_published_so_far(live: LiveEngine, moment: datetime) -> None:
    """Of votes: over the seats whose votes are out. Of who won: over every seat declared."""
    live.update(night_at(moment))
    as_of = live.night.as_of
    counted = counted_ons_ids(live)
    votes_out = {s.ons_id for s in true_night().values() if s.recorded + COUNT_AFTER <= as_of}
    verified = {s.ons_id for s in true_night().values() if s.recorded + VERIFY_AFTER <= as_of}
    assert counted <= votes_out  # nothing from later
    assert verified <= counted  # everything checked is in
    # Counted over every seat whose votes are out as the final count has them
    votes_final = {i for i in votes_out
                   if i in verified or "Valid votes" not in first_figures_differ()[i]}  # fmt: skip
    declared = {s.ons_id for s in true_night().values() if s.recorded <= as_of}
    for question, pattern, of_row, of_winners in QUESTIONS:
        said = to_plain(live.answer(question, Conversation()))
        first = said.splitlines()[0]
        over = declared if of_winners else votes_final
        if of_winners:
            assert first.startswith(f"So far ({len(declared)} seats declared): "), said
            moment_line = f"As of {as_of:%H:%M}: {len(declared)} of 650 seats have declared."
        else:
            out = f"{len(votes_final)} of the {len(votes_out)} seats whose votes are out"
            if len(votes_final) == len(votes_out):
                out = f"{len(votes_out)} seats’ votes out"
            assert first.startswith(f"So far ({out}): "), said
            moment_line = (f"As of {as_of:%H:%M}: {len(declared)} of 650 seats have declared, "
                           f"{len(votes_out)} with their votes published.")  # fmt: skip
        assert said.splitlines()[-1].startswith(moment_line), said
        expected = sum(int(of_row(final_rows()[ons_id])) for ons_id in over)
        if expected == 0 and "No " in first:
            continue
        assert number(pattern, first) == expected, (question, said)


def test_a_list_of_winners_so_far_shows_no_votes_not_yet_out(live: LiveEngine) -> None:
    """Winners declared before their votes are listed by name, with no figure at all."""
    live.update(night_at(MOMENTS[2]))
    said = to_plain(live.answer("which seats changed hands", Conversation()))
    listed = [line for line in said.splitlines() if line.startswith("• ")]
    assert len(listed) == 10, said
    assert not any(re.search(r"\d", line) for line in listed), said
    answer = live.answer("which seats changed hands", Conversation())
    assert [s.fact_id for s in answer.sources] == ["night:declared-so-far"]


def test_a_list_so_far_names_only_published_seats(live: LiveEngine) -> None:
    live.update(night_at(MOMENTS[1]))
    counted_names = {final_rows()[i]["Constituency name"] for i in counted_ons_ids(live)}
    said = to_plain(live.answer("which seats did Reform come second in", Conversation()))
    listed = [line[2:].split(":")[0] for line in said.splitlines() if line.startswith("• ")]
    assert listed, said
    assert set(listed) <= counted_names, said


def test_a_follow_up_narrows_the_rows_so_far(live: LiveEngine) -> None:
    live.update(night_at(MOMENTS[2]))
    declared = {s.ons_id for s in true_night().values() if s.recorded <= live.night.as_of}
    conversation = Conversation()
    live.answer("how many women MPs were elected", conversation)
    said = to_plain(live.answer("how many of them were Labour", conversation))
    expected = sum(1 for i in declared if final_rows()[i]["Member gender"] == "Female"
                   and final_rows()[i]["First party"] == "Lab")  # fmt: skip
    assert said.startswith(f"So far ({len(declared)} seats declared): "), said
    assert str(expected) in said.splitlines()[0], said


def test_a_question_of_one_seat_is_not_counted_over_the_others(live: LiveEngine) -> None:
    live.update(night_at(MOMENTS[0]))
    clacton = next(s for s in true_night().values() if s.name == "Clacton")
    assert clacton.recorded > live.night.as_of  # not yet declared
    said = to_plain(live.answer("how many votes did Reform get in Clacton", Conversation()))
    assert said.splitlines()[0].startswith("Clacton has not declared yet"), said
    assert "votes" not in said, said


def test_a_yes_or_no_on_the_whole_result_waits_for_every_seat(live: LiveEngine) -> None:
    live.update(night_at(MOMENTS[2]))
    said = to_plain(live.answer("did Reform win more votes than the Lib Dems", Conversation()))
    first = said.splitlines()[0]
    assert first.startswith("So far") or not first.startswith(("Yes", "No")), said


def test_fresh_eyes_round_27_did_they_lose_and_nothing_of_later_by_elections(
    live: LiveEngine,
) -> None:
    live.update(night_at(datetime(2024, 7, 5, 7, 30)))
    welwyn = final_rows()[
        next(s.ons_id for s in true_night().values() if s.name == "Welwyn Hatfield")
    ]
    assert welwyn["First party"] == "Lab"  # Grant Shapps (Con) lost it
    said = to_plain(live.answer("did grant shapps lose?", Conversation()))
    assert said.startswith("Yes: Grant Shapps lost Welwyn Hatfield"), said
    said = to_plain(live.answer("did starmer lose", Conversation()))
    assert said.startswith("No: Keir Starmer won Holborn and St Pancras"), said
    # Clacton had a by-election in 2026: on the night of 2024 it has not happened
    said = to_plain(live.answer("who came second in clacton", Conversation()))
    assert said.startswith("Giles Watling (Conservative) came second in Clacton"), said
    assert "by-election" not in said, said
    assert "Since then" not in said, said


def test_did_a_party_win_a_majority_is_answered_for_the_moment(live: LiveEngine) -> None:
    live.update(night_at(datetime(2024, 7, 5, 5, 30)))
    declared = [s for s in true_night().values() if s.recorded <= live.night.as_of]
    labour = sum(1 for s in declared if s.party_abbreviation == "Lab")
    said = to_plain(live.answer("did labour win a majority", Conversation()))
    assert said.startswith(f"Not yet: Labour has {labour} seats; a majority is 326"), said
    reform = sum(1 for s in declared if s.party_abbreviation == "RUK")
    said = to_plain(live.answer("has reform got a majority", Conversation()))
    assert said.startswith(f"No: Reform UK has {reform} seats"), said
    assert f"only {650 - len(declared)} seats are left to declare" in said, said
    live.update(night_at(datetime(2024, 7, 5, 7, 30)))
    said = to_plain(live.answer("did labour win a majority", Conversation()))
    assert said.startswith("Yes: Labour passed 326 seats, a majority, with "), said


def test_turnout_so_far_leaves_out_and_names_seats_whose_first_electorate_was_not_final(
    live: LiveEngine,
) -> None:
    """A seat's votes can stand while its first published electorate is corrected later:
    its turnout is not counted until then, and the answer says which seats it left out."""
    live.update(night_at(datetime(2024, 7, 5, 5, 30)))
    as_of = live.night.as_of
    verified = {s.ons_id for s in true_night().values() if s.recorded + VERIFY_AFTER <= as_of}
    votes_out = {s.ons_id for s in true_night().values() if s.recorded + COUNT_AFTER <= as_of}
    not_final = {i for i in votes_out - verified
                 if first_figures_differ()[i] & {"Valid votes", "Electorate"}}  # fmt: skip
    assert not_final  # the night had some by then
    share = to_plain(live.answer("reform vote share so far", Conversation())).splitlines()[0]
    turnout = to_plain(live.answer("turnout so far", Conversation()))
    kept = len(votes_out - not_final)
    assert share.startswith(f"So far ({len(votes_out)} seats’ votes out): "), share
    assert turnout.startswith(f"So far ({kept} of the {len(votes_out)} seats whose votes are "
                              f"out): Turnout of the {kept} seats: "), turnout  # fmt: skip
    kept_rows = [final_rows()[i] for i in votes_out - not_final]
    valid = sum(int(r["Valid votes"]) for r in kept_rows)
    electorate = sum(int(r["Electorate"]) for r in kept_rows)
    assert f"{100 * valid / electorate:.1f}%" in turnout.splitlines()[0], turnout
    names = sorted(final_rows()[i]["Constituency name"] for i in not_final)
    assert f"Left out here: {', '.join(names)}, whose votes or electorate" in turnout, turnout
