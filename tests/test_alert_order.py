"""A new result before the figures of one already told: when the limits leave room for only
one of them, an alert's edit waits while other chats have results still to be told (up to
Pacing.edits_wait), so no one hears of a declaration later for another chat's edit.

Through the fake Bot API, with the feed a folder the test writes the replay's files into."""

from __future__ import annotations

from pathlib import Path

from bot.night.replay import COUNT_AFTER, POLLS_CLOSE, ReplayPlan, write_atomically
from knowledge.schema import Knowledge
from tests.fake_bot_api import BOB, PRIVATE_CHAT_ID, FakeBotApi
from tests.fake_faults import Slow
from tests.night_truth import true_night
from tests.telegram_harness import TOKEN
from tests.test_follow_alerts import BOB_CHAT, BOB_ID, CLACTON, night_bot, publish, texts, until

SLOW_SEND = 1.0  # seconds Bob's new result takes to send


async def test_an_edit_waits_for_new_results_to_other_chats(
    shipped_knowledge: Knowledge, tmp_path: Path
) -> None:
    counted_at = CLACTON.recorded + COUNT_AFTER
    later = next(s for s in sorted(true_night().values(), key=lambda s: s.recorded)
                 if CLACTON.recorded < s.recorded <= counted_at)  # fmt: skip
    plan = ReplayPlan()
    write_atomically(tmp_path, plan.files_at(POLLS_CLOSE))
    with FakeBotApi(TOKEN) as api:
        async with night_bot(api, shipped_knowledge, tmp_path) as live:
            await until(lambda: len(live.night.seats) == 650)
            api.send_text("/follow Clacton")  # Alice
            api.send_text(f"/follow {later.name}", chat=BOB_CHAT, user=BOB)
            await until(lambda: len(texts(api, PRIVATE_CHAT_ID)) == 1)
            await until(lambda: len(texts(api, BOB_ID)) == 1)
            await publish(plan, tmp_path, CLACTON.recorded, live)
            await until(lambda: len(texts(api, PRIVATE_CHAT_ID)) == 2)

            api.faults.add("sendPhoto", Slow(SLOW_SEND), chat_id=BOB_ID)
            # One read brings Clacton's figures (Alice's alert to edit) and Bob's new result
            await publish(plan, tmp_path, counted_at, live)
            await until(lambda: len(texts(api, BOB_ID)) == 2)
            await until(lambda: api.calls_to("editMessageMedia") != [])
            told_bob = next(c for c in api.calls_to("sendPhoto")
                            if c.params["chat_id"] == str(BOB_ID))  # fmt: skip
            edited = api.calls_to("editMessageMedia")[0]
            assert edited.params["chat_id"] == str(PRIVATE_CHAT_ID)
            # A call is recorded when answered: Bob's took SLOW_SEND; Alice's edit, made at once,
            # would have been answered first. It waited for Bob's result to be told.
            assert edited.at > told_bob.at
