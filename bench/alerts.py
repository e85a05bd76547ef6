"""The night with followers (issue 18): the 2024 night replayed into a results feed at high
speed, 10,000 followers in 2,000 chats, against the fake Bot API with Telegram's limits
(30 messages a second, one a second per private chat, 20 a minute per group: a 429 past
them) and a 50 ms round trip. Measured: alerts sent, merged, lost, duplicated; seconds from
a result being written to the feed to its first alert (median, p99); the same with the bot
killed with SIGKILL halfway through the night and restarted; then questions asked while the
night is followed, beside the same questions with no night followed.

The bench is the publisher: it writes the replay's files into the feed folder at their
moments, so "appearing in the feed" is a time it knows; the bot (`electionbot run` with
RESULTS_FEED) reads the folder as it would a live feed.
"""

from __future__ import annotations

import heapq
import random
import signal
import statistics
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from bot.night.replay import POLLS_CLOSE, ReplayPlan, write_atomically
from bot.telegram.follows import FollowBook
from tests.fake_bot_api import FakeBotApi, parse_html
from tests.fake_faults import TelegramLimits
from tests.night_truth import seats_in_alert, true_night
from tests.telegram_harness import TOKEN
from tests.test_run_entrypoint import start, stop

CHATS = 2_000
GROUPS = 400
PEOPLE_PER_GROUP = 21  # 1,600 people in private chats and 8,400 in groups: 10,000 followers
EVERYTHING_FOLLOWERS = 40  # groups and channels that follow every declaration
SEATS_PER_GROUP = 2  # the other groups follow their seats
PARTY_FOLLOWERS = 100  # private chats that also follow a party (each seat it wins)
SPEED = 300.0  # the night's busiest hours (02:00-05:00) in 36 s
QUIET_AT_MOST = timedelta(minutes=2)  # a longer quiet spell of the night is cut to this
QUESTION_MOMENTS = 150  # a question at each of the night's first moments (to about 03:30)
ROUND_TRIP = 0.05  # the fake Bot API's latency, seconds
PARTIES = ("RUK", "Green", "SNP", "PC", "LD", "SF", "DUP")


@dataclass
class Outcome:
    written_at: dict[str, float] = field(default_factory=dict)  # ONS ID -> when its winner was
    expected: set[tuple[int, str]] = field(default_factory=set)  # (chat, seat name) owed an alert


def chats() -> list[tuple[int, str]]:
    found = [(10_000 + n, "private") for n in range(CHATS - GROUPS)]
    found += [(-10_000 - n, "supergroup") for n in range(GROUPS)]
    return found


def follow_everyone(book: FollowBook, outcome: Outcome) -> int:
    """The follows, seeded: a seat for each private chat (some a party too), every
    declaration for a few groups, a couple of seats for the rest; how many follows."""
    pick = random.Random(2912)
    seats = list(true_night().values())
    made = 0

    def follow(chat_id: int, subject: str, told: set[str]) -> None:
        nonlocal made
        if book.follow(chat_id, subject, subject):
            outcome.expected |= {(chat_id, name) for name in told}
            made += 1

    for number, (chat_id, kind) in enumerate(chats()):
        if kind == "private":
            seat = pick.choice(seats)
            follow(chat_id, f"seat:{seat.ons_id}", {seat.name})
            if number < PARTY_FOLLOWERS:
                party = pick.choice(PARTIES)
                follow(chat_id, f"party:{party}",
                       {s.name for s in seats if s.party_abbreviation == party})  # fmt: skip
        elif -chat_id - 10_000 < EVERYTHING_FOLLOWERS:
            follow(chat_id, "all", {s.name for s in seats})
        else:
            for seat in pick.sample(seats, SEATS_PER_GROUP):
                follow(chat_id, f"seat:{seat.ons_id}", {seat.name})
    return made


@dataclass
class Told:
    """Alerts as delivered."""

    counts: Counter[tuple[int, str]] = field(default_factory=Counter)  # (chat, seat name)
    first: dict[str, float] = field(default_factory=dict)  # each seat's first alert anywhere
    at: dict[tuple[int, str], float] = field(default_factory=dict)  # each chat's first of it
    messages: int = 0
    photos: int = 0  # of the messages, alerts sent as the seat's chart
    merged: int = 0


def told(api: FakeBotApi) -> Told:
    found = Told()
    for call in sorted(api.calls_to("sendMessage") + api.calls_to("sendPhoto"),
                       key=lambda c: c.at):  # fmt: skip
        text = parse_html(call.params.get("text") or call.params.get("caption") or "")
        seats = seats_in_alert(text)
        if not seats:
            continue
        found.messages += 1
        found.photos += call.method == "sendPhoto"
        found.merged += len(seats) if len(seats) > 1 else 0
        chat_id = int(call.params["chat_id"])
        for name in seats:
            found.counts[(chat_id, name)] += 1
            found.first[name] = min(found.first.get(name, call.at), call.at)
            found.at.setdefault((chat_id, name), call.at)
    return found


def beyond_the_limits(outcome: Outcome, delivered: dict[tuple[int, str], float]) -> list[float]:
    """For each alert, how much later it came than Telegram's limits required: against a
    sender that, as soon as both a chat's limit (a message a second, or every three seconds
    in a group) and the bot's overall 30 a second allow, sends the chat whose turn came first
    everything waiting for it, merged, plus the round trip. Edits, which also spend the
    limits, are left out: the figure is an upper bound on the delay the bot itself adds."""
    arrivals = sorted(
        (outcome.written_at[name], chat_id, name)
        for chat_id, name in outcome.expected
        if name in outcome.written_at
    )
    sent_at = _limited_sends(arrivals)
    return sorted(
        delivered[key] - (sent_at[key] + ROUND_TRIP) for key in sent_at if key in delivered
    )


def _limited_sends(arrivals: list[tuple[float, int, str]]) -> dict[tuple[int, str], float]:
    """When each (chat, seat) alert goes, sent as soon as the limits allow (see above)."""
    waiting: dict[int, list[str]] = {}
    free_at: dict[int, float] = {}
    turns: list[tuple[float, int]] = []  # (when the chat may next be sent to, chat)
    overall_free = float("-inf")
    sent_at: dict[tuple[int, str], float] = {}
    i = 0
    while i < len(arrivals) or turns:
        due = max(overall_free, turns[0][0]) if turns else float("inf")
        if i < len(arrivals) and arrivals[i][0] <= due:
            arrived, chat_id, name = arrivals[i]
            i += 1
            if chat_id not in waiting:
                waiting[chat_id] = []
                heapq.heappush(turns, (max(arrived, free_at.get(chat_id, arrived)), chat_id))
            waiting[chat_id].append(name)
            continue
        _, chat_id = heapq.heappop(turns)
        for name in waiting.pop(chat_id):
            sent_at[(chat_id, name)] = due
        free_at[chat_id] = due + (1.0 if chat_id > 0 else 3.0)
        overall_free = due + 1 / 30
    return sent_at


def one_night(kill_halfway: bool) -> dict[str, float]:
    plan = ReplayPlan()
    outcome = Outcome()
    names = {s.ons_id: s.name for s in true_night().values()}
    with FakeBotApi(TOKEN) as api, tempfile.TemporaryDirectory() as folder:
        api.faults.latency = ROUND_TRIP
        api.limits = TelegramLimits()
        cwd, feed = Path(folder), Path(folder) / "feed"
        feed.mkdir()
        book = FollowBook(cwd / "electionbot-inbox.sqlite3")
        follows = follow_everyone(book, outcome)
        for chat_id, kind in chats():  # each chat known to Telegram, as after its /follow
            api.new_message("/follow", {"id": chat_id, "type": kind, "title": "t"})
        write_atomically(feed, plan.files_at(POLLS_CLOSE))
        settings = {"RESULTS_FEED": str(feed), "FEED_POLL_SECONDS": "0.2"}
        bot = start(api, cwd, level="ERROR", **settings)
        api.wait_for("getUpdates", timeout=60)
        declared: set[str] = set()
        killed = False
        for moment, wait in _paced(plan):
            time.sleep(wait)
            write_atomically(feed, plan.files_at(moment))
            now = time.monotonic()
            for ons_id, at in plan.recorded.items():
                if at <= moment and ons_id not in declared:
                    declared.add(ons_id)
                    outcome.written_at[names[ons_id]] = now
            if kill_halfway and not killed and len(declared) >= len(names) // 2:
                bot.send_signal(signal.SIGKILL)
                bot.communicate(timeout=30)
                bot = start(api, cwd, level="ERROR", **settings)
                killed = True
        try:
            api.wait_until(lambda: book.counts()["alerts"] > 0 and _drained(book), timeout=900)
        finally:
            stop(bot) if bot.poll() is None else None
        seen = told(api)
        latencies = sorted(seen.first[name] - outcome.written_at[name] for name in seen.first)
        late = beyond_the_limits(outcome, seen.at)
        refused = sum(api.limits.refused.values())
        refused_by = dict(api.limits.refused)
        edits = sum(len(api.calls_to(m)) for m in
                    ("editMessageText", "editMessageMedia", "editMessageCaption"))  # fmt: skip
        uploads = api.uploads
        book.close()
    delivered = set(seen.counts)
    return {
        "alerts": float(sum(seen.counts.values())),
        "messages": float(seen.messages),
        "photos": float(seen.photos),
        "uploads": float(uploads),
        "merged": float(seen.merged),
        "lost": float(len(outcome.expected - delivered)),
        "duplicated": float(sum(1 for c in seen.counts.values() if c > 1)),
        "unexpected": float(len(delivered - outcome.expected)),
        "median_s": statistics.median(latencies),
        "p99_s": latencies[int(len(latencies) * 0.99)],
        "late_median_s": statistics.median(late),
        "late_p99_s": late[int(len(late) * 0.99)],
        "refused_429": float(refused),
        "edits": float(edits),
        "follows": float(follows),
        **{f"refused_{kind}": float(n) for kind, n in refused_by.items()},
    }


def _paced(plan: ReplayPlan) -> list[tuple[datetime, float]]:
    """Each moment of the night and the real seconds to wait before it: SPEED times faster
    than the night, with its quiet spells cut to QUIET_AT_MOST (the afternoon's stragglers,
    Inverness a day late), so the bench measures the busy night, not the wait."""
    paced, last = [], POLLS_CLOSE
    for moment in plan.moments():
        paced.append((moment, min(moment - last, QUIET_AT_MOST).total_seconds() / SPEED))
        last = moment
    return paced


def _drained(book: FollowBook) -> bool:
    counts = book.counts()
    return counts["alerts"] == counts["sent"]


def questions(during_night: bool) -> tuple[float, float, int]:
    """Seconds from a question reaching the fake Telegram to its reply (median, p99), and how
    many: each asker in a chat of their own that follows nothing, so a chat's first reply is
    the answer (a private chat's answer is a chart, with no reply marker to match)."""
    plan = ReplayPlan()
    asked = ["who won Clacton", "how many seats has labour won so far", "has Blackburn declared"]
    with FakeBotApi(TOKEN) as api, tempfile.TemporaryDirectory() as folder:
        api.faults.latency = 0.05
        cwd, feed = Path(folder), Path(folder) / "feed"
        feed.mkdir()
        write_atomically(feed, plan.files_at(POLLS_CLOSE))
        settings = {"RESULTS_FEED": str(feed), "FEED_POLL_SECONDS": "0.2"} if during_night else {}
        bot = start(api, cwd, level="ERROR", **settings)
        api.wait_for("getUpdates", timeout=60)
        sent_at: dict[int, float] = {}
        try:
            for number, (moment, wait) in enumerate(_paced(plan)[:QUESTION_MOMENTS]):
                time.sleep(wait)
                if during_night:
                    write_atomically(feed, plan.files_at(moment))
                chat_id = 90_000 + number  # a question at each moment of the busy night
                chat = {"id": chat_id, "type": "private", "first_name": "A"}
                api.send_text(asked[number % len(asked)], chat=chat,
                              user={**chat, "is_bot": False})  # fmt: skip
                sent_at[chat_id] = time.monotonic()
            api.wait_until(lambda: len(_first_replies(api)) >= len(sent_at), timeout=120)
        finally:
            stop(bot)
        replies = _first_replies(api)
        waits = sorted(replies[chat] - at for chat, at in sent_at.items())
    return statistics.median(waits), waits[int(len(waits) * 0.99)], len(waits)


def _first_replies(api: FakeBotApi) -> dict[int, float]:
    found: dict[int, float] = {}
    for call in api.replies():
        chat_id = int(call.params["chat_id"])
        if chat_id >= 90_000:
            found.setdefault(chat_id, call.at)
    return found


def run() -> None:
    print(
        "\nThe night with followers (issue 18): the 2024 night replayed into a feed at "
        f"{SPEED:,.0f}x (quiet spells cut to {QUIET_AT_MOST.seconds // 60} min); "
        f"{CHATS - GROUPS + GROUPS * PEOPLE_PER_GROUP:,} followers in {CHATS:,} chats "
        f"({GROUPS} groups of {PEOPLE_PER_GROUP}, {EVERYTHING_FOLLOWERS} of them following "
        "every declaration); Telegram's limits, 50 ms round trip"
    )
    for name, kill in (("straight through", False), ("SIGKILL halfway, restarted", True)):
        row = one_night(kill)
        print(
            f"  {name}: {row['follows']:,.0f} follows, {row['alerts']:,.0f} alerts in "
            f"{row['messages']:,.0f} messages and {row['edits']:,.0f} edits "
            f"({row['merged']:,.0f} merged), lost {row['lost']:.0f}, duplicated "
            f"{row['duplicated']:.0f}, not followed {row['unexpected']:.0f}; a result in the feed "
            f"to its first alert: median {row['median_s']:.2f} s, p99 {row['p99_s']:.2f} s; "
            f"429s from Telegram {row['refused_429']:.0f}; {row['photos']:,.0f} of the "
            f"messages charts ({row['uploads']:,.0f} uploads, the rest by file id); each "
            f"alert later than Telegram's limits required: median {row['late_median_s']:.2f} s, "
            f"p99 {row['late_p99_s']:.2f} s"
        )
    for name, during in (("with no night followed", False), ("during the night", True)):
        median, p99, asked = questions(during)
        print(f"  {asked} questions {name}: reply in median {median:.2f} s, p99 {p99:.2f} s")
