"""Answers during the night: what is known at each moment, and nothing from later.

The night at each moment is made as the feed makes it (the replay's files, read), and the
expected answers are computed from the CSVs read apart (tests/night_truth.py)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

import pytest

from bot.engine import Conversation
from bot.engine.night.live import LiveEngine
from bot.engine.night.results import NightResults
from bot.night.replay import COUNT_AFTER, POLLS_CLOSE, VERIFY_AFTER
from bot.render import to_plain
from knowledge.schema import Knowledge
from tests.night_moments import nights_of_the_replay
from tests.night_truth import declared_by, true_night

ONE_AM = datetime(2024, 7, 5, 1, 0)
THREE_AM = datetime(2024, 7, 5, 3, 0)


@pytest.fixture(scope="module")
def nights() -> dict[datetime, NightResults]:
    return nights_of_the_replay()


def night_at(nights: dict[datetime, NightResults], moment: datetime) -> NightResults:
    return nights[max(m for m in nights if m <= moment)]


@pytest.fixture(scope="module")
def live(shipped_knowledge: Knowledge) -> LiveEngine:
    return LiveEngine(shipped_knowledge, NightResults({}, POLLS_CLOSE))


def ask(live: LiveEngine, question: str, conversation: Conversation | None = None) -> str:
    return to_plain(live.answer(question, conversation))


def seat_named(name: str) -> str:
    return next(s.ons_id for s in true_night().values() if s.name == name)


def test_before_anything_is_read_nothing_is_answered_from_the_full_results(
    shipped_knowledge: Knowledge,
) -> None:
    live = LiveEngine(shipped_knowledge, NightResults({}, POLLS_CLOSE))
    said = ask(live, "who won Clacton")
    assert "Farage" not in said
    assert said.startswith("I can't answer that yet")


def test_clacton_through_the_night(live: LiveEngine, nights: dict[datetime, NightResults]) -> None:
    clacton = true_night()[seat_named("Clacton")]
    live.update(night_at(nights, clacton.recorded - timedelta(minutes=1)))
    candidates = live.night.seats[clacton.ons_id].candidates
    said = ask(live, "has Clacton declared yet?")
    assert said.splitlines()[0] == (
        f"Clacton has not declared yet: {len(candidates)} candidates are standing."
    )
    assert ask(live, "who won clacton").splitlines()[0] == said.splitlines()[0]

    live.update(night_at(nights, clacton.recorded))
    said = ask(live, "who won clacton")
    assert said.splitlines()[0] == (
        "Nigel Farage (Reform UK) won Clacton: Reform UK gain from Conservative."
    )
    assert "The votes are not yet published." in said
    assert f"In at {clacton.recorded:%H:%M} (when it reached the results feed)." in said
    votes = ask(live, "how many votes did Farage get")
    assert votes.splitlines()[0] == "The votes in Clacton are not yet published."
    assert "21,225" not in votes

    # Published as the knowledge holds them: the answer itself, said to be not yet verified
    live.update(night_at(nights, clacton.recorded + COUNT_AFTER))
    said = ask(live, "how many votes did Farage get")
    assert said.splitlines()[0] == "Nigel Farage (Reform UK) got 21,225 votes in Clacton."
    assert said.splitlines()[-1] == "Not yet verified by the Commons Library."
    second = ask(live, "who came second in clacton")
    assert second.splitlines()[0].startswith("Giles Watling (Conservative) came second")

    live.update(night_at(nights, clacton.recorded + VERIFY_AFTER))
    said = ask(live, "how many votes did Farage get")  # now the engine's own answer
    assert "Not yet verified" not in said
    assert "21,225" in said.splitlines()[0]


def test_no_seat_still_to_declare_is_answered_with_its_winner(
    live: LiveEngine, nights: dict[datetime, NightResults]
) -> None:
    live.update(night_at(nights, ONE_AM))
    waiting = [s for s in true_night().values() if s.recorded > live.night.as_of]
    assert len(waiting) > 600
    for seat in waiting:
        said = ask(live, f"who won {seat.name}")
        surname = seat.winner.split()[-1]
        assert said.startswith(f"{seat.name} has not declared yet"), said
        assert surname not in said.split("standing.")[0]


@pytest.mark.parametrize(
    "question",
    [
        "how many seats did reform win in total",
        "which seats did the greens win",
        "what was the turnout",
        "how many women MPs were elected",
        "which independents won",
    ],
)
def test_questions_over_results_not_yet_published_are_not_answered(
    live: LiveEngine, nights: dict[datetime, NightResults], question: str
) -> None:
    live.update(night_at(nights, THREE_AM))
    said = ask(live, question)
    first = said.splitlines()[0]
    held_back = first.startswith(("I can't answer that yet", "After "))
    assert held_back or first.startswith("So far") or "so far" in first, said
    declared = len(declared_by(live.night.as_of))
    assert f"{declared} of 650" in said or f"of the {declared} seats" in said, said


def test_the_night_so_far(live: LiveEngine, nights: dict[datetime, NightResults]) -> None:
    live.update(night_at(nights, THREE_AM))
    moment = live.night.as_of
    truth = declared_by(moment)
    labour = sum(1 for s in truth if s.party_abbreviation == "Lab")
    said = ask(live, "how many seats has Labour won so far")
    assert said.splitlines()[0].startswith(
        f"Labour has won {labour} of the {len(truth)} seats declared so far."
    )
    assert said.splitlines()[-1] == f"As of {moment:%H:%M}."
    wales = [s for s in truth if s.country == "Wales"]
    said = ask(live, "how did labour do in wales")
    welsh_labour = [s for s in wales if s.party_abbreviation == "Lab"]
    assert said.startswith(
        f"Labour has won {len(welsh_labour)} of the {len(wales)} seats declared in Wales so far."
    )
    for seat in welsh_labour:
        assert f"{seat.name}: {seat.winner}" in said
    left = ask(live, "how many left to declare")
    assert left.splitlines()[0] == (
        f"{650 - len(truth)} of 650 seats are still to declare; {len(truth)} have declared."
    )
    scotland = [s for s in true_night().values() if s.country == "Scotland" and s.recorded > moment]
    said = ask(live, "which seats are still to declare in Scotland")
    assert said.splitlines()[0] == f"{len(scotland)} seats in Scotland still to declare:"
    assert sorted(s.name for s in scotland)[0] in said
    majority = ask(live, "is there a majority yet")
    assert majority.startswith(f"No: Labour leads with {labour} seats; a majority is 326.")
    first = min(truth, key=lambda s: s.recorded)
    assert ask(live, "what was the first seat to declare").startswith(
        f"The first seat to declare was {first.name}, at {first.recorded:%H:%M}"
    )
    latest = max(truth, key=lambda s: s.recorded)
    said = ask(live, "latest results")
    assert said.startswith("The latest: ")
    assert f"{latest.recorded:%H:%M}" in said
    sunderland = ask(live, "when did sunderland declare")
    assert sunderland.startswith("That could be 3 seats. Which one?")
    for option in ("Houghton and Sunderland South", "Sunderland Central",
                   "Bracknell (where James Sunderland stood)"):  # fmt: skip
        assert f"• {option}" in sunderland


def test_the_closest_and_biggest_majorities_so_far(
    live: LiveEngine, nights: dict[datetime, NightResults]
) -> None:
    live.update(night_at(nights, THREE_AM))
    counted = [s for s in declared_by(live.night.as_of)
               if s.recorded + COUNT_AFTER <= live.night.as_of]  # fmt: skip
    closest = min(counted, key=lambda s: s.majority)
    said = ask(live, "closest result so far?")
    assert said.startswith(
        f"The closest result so far: {closest.name}, majority {closest.majority:,} "
    )
    assert f"of the {len(counted)} seats whose votes are out." in said.splitlines()[0]
    biggest = max(counted, key=lambda s: s.majority)
    assert ask(live, "biggest majority").startswith(
        f"The biggest majority so far: {biggest.name}, majority {biggest.majority:,} "
    )


def test_a_majority_once_reached(live: LiveEngine, nights: dict[datetime, NightResults]) -> None:
    live.update(night_at(nights, datetime(2024, 7, 5, 12, 0)))
    said = ask(live, "is there a majority yet")
    assert said.startswith("Yes: Labour passed 326 seats, a majority, with ")
    running: Counter[str] = Counter()
    for ons_id in live.night.order:  # the seat that took Labour over the line, by the truth
        running[true_night()[ons_id].party_abbreviation] += 1
        if running["Lab"] == 326:
            assert f"with {true_night()[ons_id].name} at " in said
            break


def test_a_follow_up_names_another_seat(
    live: LiveEngine, nights: dict[datetime, NightResults]
) -> None:
    live.update(night_at(nights, ONE_AM))
    conversation = Conversation()
    assert ask(live, "has Clacton declared yet", conversation).startswith("Clacton has not")
    assert ask(live, "and Blackburn?", conversation).startswith("Blackburn has not declared yet")


def test_after_the_night_the_full_results_answer(
    live: LiveEngine, nights: dict[datetime, NightResults]
) -> None:
    live.update(nights[max(nights)])
    assert live.night.complete
    said = ask(live, "how many seats did labour win")
    assert said.startswith("Labour won 411 of 650 seats")
    first = min(true_night().values(), key=lambda s: s.recorded)
    assert ask(live, "what was the first seat to declare").startswith(
        f"The first seat to declare was {first.name}"
    )


def test_a_by_election_after_the_night_is_not_told_during_it(
    live: LiveEngine, nights: dict[datetime, NightResults]
) -> None:
    live.update(night_at(nights, THREE_AM))
    said = ask(live, "who is the MP for Runcorn and Helsby")
    assert said.startswith("Mike Amesbury (Labour) won Runcorn and Helsby: Labour hold.")
    assert "by-election" not in said


def results_file_rows() -> dict[str, list[dict[str, str]]]:
    """Each seat's final candidates, from the 2024 candidate file."""
    import csv

    from tests.night_truth import SEEDS

    rows: dict[str, list[dict[str, str]]] = {}
    with (SEEDS / "hoc-ge2024/HoC-GE2024-results-by-candidate.csv").open(
        encoding="utf-8-sig", newline=""
    ) as handle:
        for row in csv.DictReader(handle):
            rows.setdefault(row["ONS ID"], []).append(row)
    return rows


def result_of(ons_id: str) -> str:
    import csv

    from tests.night_truth import SEEDS

    with (SEEDS / "hoc-ge2024/HoC-GE2024-results-by-constituency.csv").open(
        encoding="utf-8-sig", newline=""
    ) as handle:
        return next(r["Result"] for r in csv.DictReader(handle) if r["ONS ID"] == ons_id)


def test_fresh_eyes_shapes_of_the_night(
    live: LiveEngine, nights: dict[datetime, NightResults]
) -> None:
    """Shapes a tester asked on the 2024 night (round 25), each checked against the CSVs."""
    moment = datetime(2024, 7, 5, 5, 30)
    live.update(night_at(nights, moment))
    truth = declared_by(live.night.as_of)
    conversation = Conversation()
    # "who's standing there": the candidates, by name, of a seat still to declare
    waiting = next(s for s in true_night().values() if s.recorded > live.night.as_of)
    ask(live, f"has {waiting.name} declared", conversation)
    standing = ask(live, "who's standing there", conversation)
    assert standing.startswith(f"{waiting.name} has not declared yet")
    for row in results_file_rows()[waiting.ons_id]:
        assert f"{row['Candidate first name']} {row['Candidate surname']}".split()[-1] in standing
    # "which seats havent declared": not the seat Havant
    said = ask(live, "which seats havent declared")
    assert said.startswith(f"{650 - len(truth)} seats still to declare:")
    # "whats the score": the tally, not Steve Score
    assert ask(live, "whats the score").startswith(f"After {len(truth)} of 650 seats: Labour ")
    # a party's gains, losses and wins anywhere
    lab_gains = [s for s in truth if result_of(s.ons_id).startswith("Lab gain")]
    assert ask(live, "how many gains have labour made").startswith(
        f"Labour has gained {len(lab_gains)} of the {len(truth)} seats declared so far ("
    )
    con_lost = [s for s in truth if result_of(s.ons_id).endswith("gain from Con")]
    assert ask(live, "how many seats have the tories lost").startswith(
        f"Conservative has lost {len(con_lost)} of the {len(truth)} seats declared so far ("
    )
    greens = [s for s in truth if s.party_abbreviation == "Green"]
    said = ask(live, "greens won anything")
    assert said.startswith(f"Green has won {len(greens) or 'none'} of the {len(truth)} seats")
    for seat in greens:
        assert seat.name in said
    # a follow-up naming another party is that party's seats, not the last seat again
    ask(live, "who won blackburn", conversation)
    snp = [s for s in truth if s.party_abbreviation == "SNP"]
    assert ask(live, "what about the snp", conversation).startswith(
        f"Scottish National Party has won {len(snp) or 'none'} of the {len(truth)} seats"
    )
    # "first result?" as "what was the first seat to declare"
    first = min(truth, key=lambda s: s.recorded)
    assert ask(live, "first result?").startswith(f"The first seat to declare was {first.name}")


def test_has_a_candidate_won_held_or_lost(
    live: LiveEngine, nights: dict[datetime, NightResults]
) -> None:
    live.update(nights[max(nights)])  # every seat in: Yes or No for each
    davey = ask(live, "has ed davey held kingston")
    assert davey.startswith("Yes: Ed Davey won Kingston and Surbiton.")
    mordaunt = ask(live, "has mordaunt lost her seat")
    assert mordaunt.startswith(
        "Yes: Penny Mordaunt lost Portsmouth North to Amanda Martin (Labour)."
    )
    assert ask(live, "has farage won").startswith("Yes: Nigel Farage won Clacton.")
    clacton = true_night()[seat_named("Clacton")]
    live.update(night_at(nights, clacton.recorded - timedelta(minutes=1)))
    assert ask(live, "has farage won").startswith("Clacton has not declared yet")


def test_review_nothing_unpublished_leaks_through_a_choice_a_fallback_or_a_follow_up(
    live: LiveEngine, nights: dict[datetime, NightResults]
) -> None:
    """A reviewer's probes at 01:00, when three seats had declared."""
    live.update(night_at(nights, ONE_AM))
    leicester = ask(live, "who won Leicester")
    assert "Shockat Adam" not in leicester
    assert leicester.startswith("That could be")
    assert "Leicester South" in leicester
    assert "979" not in ask(live, "how many votes did Shockat Adam get in Clacton")
    # a ranking's seat is not the question's: not its card, but not yet
    assert ask(live, "what was the last seat to declare").startswith("I can't answer that yet")
    assert ask(live, "did farage win leicester south").startswith(
        "No: Nigel Farage is not standing in Leicester South; Clacton is where they stand."
    )
    # a refused answer leaves nothing behind for a follow-up to reveal
    conversation = Conversation()
    ask(live, "what was the smallest majority", conversation)
    said = ask(live, "who is standing there", conversation)
    assert not said.startswith("Hendon"), said
    # a person named is their seat, not the last seat asked about
    conversation = Conversation()
    ask(live, "has Clacton declared", conversation)
    assert ask(live, "has Jeremy Corbyn declared", conversation).startswith(
        "Islington North has not declared yet"
    )


def test_held_is_a_hold_not_a_gain(live: LiveEngine, nights: dict[datetime, NightResults]) -> None:
    live.update(nights[max(nights)])
    assert ask(live, "has farage held clacton").startswith(
        "No: Nigel Farage won Clacton, but as a Reform UK gain from Conservative, not a hold."
    )
    assert ask(live, "has ed davey held kingston").startswith("Yes: Ed Davey won Kingston")
