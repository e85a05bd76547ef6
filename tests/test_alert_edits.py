"""When an alert is edited: whenever what it says of a seat changes (the votes come, a
correction at any stage, the winner's name put right), never for verification alone; and a
merged message edited keeps its seats in the order it first showed them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from bot.engine.night.results import Figures, NightCandidate, NightSeat, Stage
from bot.telegram.alerts import _shown
from bot.telegram.follows import RESULT, FollowBook

FARAGE = NightCandidate("Nigel Farage", "Reform UK", "RUK")
WATLING = NightCandidate("Giles Watling", "Conservative", "Con")
DECLARED = NightSeat("E14001172", "Clacton", stage=Stage.WINNER, candidates=(FARAGE, WATLING),
                     winner=FARAGE, result="RUK gain from Con")  # fmt: skip
COUNTED = replace(
    DECLARED,
    stage=Stage.COUNTED,
    candidates=(
        replace(FARAGE, votes=21225, share=0.46),
        replace(WATLING, votes=12820, share=0.27),
    ),
    figures=Figures(75959, 46000, 8405),
)


def test_an_alert_is_edited_when_what_it_says_changes_and_not_for_verification() -> None:
    assert _shown(COUNTED) != _shown(DECLARED)  # the votes came
    assert _shown(replace(COUNTED, stage=Stage.VERIFIED)) == _shown(COUNTED)  # nothing to say
    renamed = replace(DECLARED, winner=replace(FARAGE, name="Nigel P. Farage"))
    assert _shown(renamed) != _shown(DECLARED)  # corrected before any votes
    recounted = replace(COUNTED, figures=Figures(75959, 46000, 8400), corrected=True)
    assert _shown(recounted) != _shown(COUNTED)
    assert _shown(DECLARED) != 0  # 0 is an alert not yet shown


def test_a_merged_message_is_edited_with_its_seats_in_their_first_order(tmp_path: Path) -> None:
    ticks = iter(range(100))
    book = FollowBook(tmp_path / "inbox.sqlite3", clock=lambda: float(next(ticks)))
    book.follow(-5, "all", "every declaration")
    seats = ["Z-seat", "A-seat", "M-seat"]  # declared in this order, not alphabetical
    for seat in seats:
        book.queue(seat, RESULT, ["all"])
    waiting = book.unsent(-5)
    book.sent(waiting, 77, dict.fromkeys(seats, 1))
    edits = book.to_edit(-5, lambda seat: 2 if seat == "M-seat" else 1)
    assert [a.seat for a in edits[77]] == seats
    assert book.to_edit(-5, lambda seat: 1) == {}  # nothing changed
    assert book.to_edit(-5, lambda seat: None) == {}  # not read since the start: wait
    book.close()
