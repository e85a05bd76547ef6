"""The results feed and the replay: files in a folder (or over HTTP) read into the night,
through the path a live night uses. Each moment is reached by writing the replay's files for
it, then reading the feed: no sleeps stand in for events."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.engine.night.changes import Change, NightEvent
from bot.engine.night.results import NightResults, Stage
from bot.night.feed import DeclaredTimes, FeedWatcher, FolderFeed
from bot.night.replay import COUNT_AFTER, POLLS_CLOSE, VERIFY_AFTER, ReplayPlan, write_atomically
from tests.night_truth import declared_by, true_night

FIRST = datetime(2024, 7, 4, 23, 30)  # Houghton and Sunderland South, recorded first
HOUGHTON = next(s.ons_id for s in true_night().values() if s.name.startswith("Houghton"))


@pytest.fixture(scope="module")
def plan() -> ReplayPlan:
    return ReplayPlan()


class ManualTime:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


async def night_at(
    plan: ReplayPlan, folder: Path, watcher: FeedWatcher, time: ManualTime, moment: datetime
) -> list[NightEvent]:
    time.moment = moment
    write_atomically(folder, plan.files_at(moment))
    return await watcher.read_once()


def watcher_of(folder: Path, time: ManualTime) -> FeedWatcher:
    return FeedWatcher(FolderFeed(folder), NightResults({}, time()), time)


async def test_a_seat_moves_from_candidates_to_winner_to_figures_to_verified(
    plan: ReplayPlan, tmp_path: Path
) -> None:
    time = ManualTime(POLLS_CLOSE)
    watcher = watcher_of(tmp_path, time)
    assert await night_at(plan, tmp_path, watcher, time, POLLS_CLOSE) == []
    night = watcher.night
    assert len(night.seats) == 650
    assert not night.order
    assert not night.complete
    assert night.seats[HOUGHTON].stage is Stage.NOMINATED
    assert len(night.seats[HOUGHTON].candidates) == 5

    declared = await night_at(plan, tmp_path, watcher, time, FIRST)
    assert [(e.change, e.seat.name) for e in declared] == [
        (Change.DECLARED, "Houghton and Sunderland South")
    ]
    seat = watcher.night.seats[HOUGHTON]
    assert seat.stage is Stage.WINNER
    assert seat.figures is None
    assert seat.winner is not None
    assert seat.winner.name == "Bridget Phillipson"
    assert seat.winner.party == "Labour"
    assert seat.result == "Lab hold"
    assert seat.declared_at == FIRST

    counted = await night_at(plan, tmp_path, watcher, time, FIRST + COUNT_AFTER)
    assert (Change.COUNTED, HOUGHTON) in [(e.change, e.seat.ons_id) for e in counted]
    seat = watcher.night.seats[HOUGHTON]
    assert seat.stage is Stage.COUNTED
    assert seat.figures is not None
    assert seat.figures.majority == true_night()[HOUGHTON].majority
    assert [c.name for c in seat.candidates][:2] == ["Bridget Phillipson", "Sam Woods-Brass"]
    assert seat.declared_at == FIRST  # kept from when it declared

    verified = await night_at(plan, tmp_path, watcher, time, FIRST + VERIFY_AFTER)
    # The verified results spell the runner-up "Sam Wood-Brass": a correction, said as one.
    corrected = [e for e in verified if e.seat.ons_id == HOUGHTON]
    assert [e.change for e in corrected] == [Change.CORRECTED]
    assert watcher.night.seats[HOUGHTON].candidates[1].name == "Sam Wood-Brass"
    assert watcher.night.seats[HOUGHTON].stage is Stage.VERIFIED


async def test_the_whole_night_ends_in_the_final_results(plan: ReplayPlan, tmp_path: Path) -> None:
    time = ManualTime(POLLS_CLOSE)
    watcher = watcher_of(tmp_path, time)
    changes: Counter[Change] = Counter()
    # Every other hour of the night and its last moment: many seats change between reads.
    moments = [POLLS_CLOSE + timedelta(hours=h) for h in range(0, 48, 2)] + [plan.moments()[-1]]
    for moment in moments:
        changes.update(e.change for e in await night_at(plan, tmp_path, watcher, time, moment))
        assert len(watcher.night.order) == len(declared_by(moment))
    night = watcher.night
    assert night.complete
    assert changes[Change.DECLARED] == 650
    for ons_id, truth in true_night().items():
        seat = night.seats[ons_id]
        assert seat.winner is not None
        assert seat.figures is not None
        assert (seat.name, seat.winner.name, seat.figures.majority) == (
            truth.name, truth.winner, truth.majority,
        )  # fmt: skip
    won = night.seats_won()
    assert won == Counter(s.party_abbreviation for s in true_night().values())


async def test_a_malformed_file_keeps_what_was_read_and_names_the_file_and_line(
    plan: ReplayPlan, tmp_path: Path
) -> None:
    time = ManualTime(POLLS_CLOSE)
    watcher = watcher_of(tmp_path, time)
    await night_at(plan, tmp_path, watcher, time, FIRST)
    good = watcher.night
    winners = (tmp_path / "2-winners.csv").read_text(encoding="utf-8")
    time.moment = FIRST + timedelta(minutes=30)
    # A row cut short, as a file caught half-written would be
    (tmp_path / "2-winners.csv").write_text(winners + "E14000001,Somewhere", encoding="utf-8")
    assert await watcher.read_once() == []
    assert watcher.night.order == good.order
    assert watcher.night.as_of == FIRST  # answers say "as of" the last good read
    assert "2-winners.csv, line 3" in watcher.night.trouble
    # Cut inside its last column, every column there: the result summary is no result
    cut = winners.rstrip("\n")
    cut = cut[: cut.rindex(",") + 4]  # the last row's summary cut to its party: "Con"
    (tmp_path / "2-winners.csv").write_text(cut, encoding="utf-8")
    assert await watcher.read_once() == []
    assert watcher.night.order == good.order
    assert "Result summary is not a result" in watcher.night.trouble
    # A vote count that is no number
    (tmp_path / "2-winners.csv").write_text(winners, encoding="utf-8")
    votes = plan.files_at(FIRST + COUNT_AFTER)["3-part-verified-candidacies.csv"]
    (tmp_path / "3-part-verified-candidacies.csv").write_text(
        votes.replace(",18837,", ",lots,"), encoding="utf-8"
    )
    await watcher.read_once()
    assert "3-part-verified-candidacies.csv, line" in watcher.night.trouble
    assert "Votes is not a whole number: 'lots'" in watcher.night.trouble
    assert watcher.night.seats[HOUGHTON].stage is Stage.WINNER
    # Mended: read whole again, the trouble is gone and the time moves on
    write_atomically(tmp_path, plan.files_at(FIRST + COUNT_AFTER))
    time.moment = FIRST + COUNT_AFTER
    await watcher.read_once()
    assert watcher.night.trouble == ""
    assert watcher.night.as_of == FIRST + COUNT_AFTER
    assert watcher.night.seats[HOUGHTON].stage is Stage.COUNTED


async def test_a_folder_that_cannot_be_read_keeps_the_night(
    plan: ReplayPlan, tmp_path: Path
) -> None:
    time = ManualTime(POLLS_CLOSE)
    watcher = watcher_of(tmp_path, time)
    await night_at(plan, tmp_path, watcher, time, FIRST)
    watcher.source = FolderFeed(tmp_path / "gone" / "away")
    time.moment = FIRST + timedelta(hours=1)
    await watcher.read_once()
    assert len(watcher.night.order) == 1
    assert watcher.night.as_of == FIRST
    assert watcher.night.trouble.startswith("the results feed is unreachable")
    assert "gone/away is not a folder" in watcher.night.trouble
    (tmp_path / "file").write_text("x")
    watcher.source = FolderFeed(tmp_path / "file")  # not a folder at all
    await watcher.read_once()
    assert len(watcher.night.order) == 1
    assert "file is not a folder" in watcher.night.trouble


async def test_a_seat_never_goes_back_a_state(plan: ReplayPlan, tmp_path: Path) -> None:
    time = ManualTime(POLLS_CLOSE)
    watcher = watcher_of(tmp_path, time)
    await night_at(plan, tmp_path, watcher, time, FIRST + COUNT_AFTER)
    # The winners file rewritten empty for a moment (a publisher's export in progress)
    (tmp_path / "2-winners.csv").write_text(plan.winners.header, encoding="utf-8")
    (tmp_path / "3-part-verified-constituencies.csv").write_text(
        plan.first_seats.header, encoding="utf-8"
    )
    time.moment = FIRST + timedelta(hours=1)
    assert await watcher.read_once() == []
    assert watcher.night.seats[HOUGHTON].stage is Stage.COUNTED


async def test_a_restart_mid_night_keeps_when_each_seat_was_first_seen(
    plan: ReplayPlan, tmp_path: Path
) -> None:
    """A live night's times survive a restart: the next run does not take every seat
    already in as declared at the moment it started, in the file's order."""
    feed = tmp_path / "feed"
    feed.mkdir()
    moment = datetime.now().replace(second=0, microsecond=0)  # a live night: now
    time = ManualTime(moment)
    memory = DeclaredTimes(tmp_path / "kept.sqlite3")
    watcher = FeedWatcher(FolderFeed(feed), NightResults({}, moment), time, memory=memory)
    write_atomically(feed, plan.files_at(FIRST))
    await watcher.read_once()
    time.moment = moment + timedelta(minutes=30)
    write_atomically(feed, plan.files_at(FIRST + timedelta(hours=1)))
    await watcher.read_once()
    first_order = watcher.night.order
    memory.close()
    again = DeclaredTimes(tmp_path / "kept.sqlite3")  # the restart
    time.moment = moment + timedelta(hours=1)
    restarted = FeedWatcher(FolderFeed(feed), NightResults({}, time()), time, memory=again)
    await restarted.read_once()
    again.close()
    assert restarted.night.order[0] == HOUGHTON
    assert restarted.night.seats[HOUGHTON].declared_at == moment
    assert set(restarted.night.order) == set(first_order)
    times = [restarted.night.seats[o].declared_at or moment for o in restarted.night.order]
    assert times == sorted(times)
