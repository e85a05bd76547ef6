"""Alerts to the chats that follow a seat, a party, a candidate or every declaration.

The feed's watcher calls on_night() with each new moment of the night. Declarations are
queued in the outbox (bot/telegram/follows.py) for every follower, once; each chat with
something to send gets a sender of its own, which sends what is waiting as one message,
then waits as long as Telegram lets it wait between messages to that chat (a second; three
in a group, twenty a minute). Whatever came in meanwhile is merged into the next message
("3 results: ..."): never dropped, and never later than the limits make it. When a seat's
full figures come, the alert that announced it is edited to show them; a correction is
sent as a new message, in reply to the alert it corrects. A chat that blocked the bot or is
gone is forgotten, with its follows.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import time
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from html import escape

from telegram import Bot, InputMediaPhoto, Message, ReplyParameters
from telegram.error import BadRequest, ChatMigrated, Forbidden, TelegramError

from bot.engine.model.answer import Answer
from bot.engine.model.chart_data import Chart
from bot.engine.night.alerts import alert, correction
from bot.engine.night.changes import Change, NightEvent
from bot.engine.night.following import subjects_of
from bot.engine.night.results import COMMONS_SEATS, NightResults, NightSeat
from bot.engine.night.wording import as_of, tally
from bot.messages import CAPTION_LIMIT, TEXT_LIMIT, fit_html, visible_length
from bot.render import to_html, to_plain
from bot.telegram.follows import RESULT, Alert, FollowBook

log = logging.getLogger(__name__)

REFUSED = -1  # the message id of an alert Telegram would not take: it is not tried again
GONE = ("chat not found", "bot was kicked", "user is deactivated", "have no rights to send")


@dataclass(frozen=True)
class Pacing:
    """Seconds between two messages to one chat (Telegram's limits), and between two edits
    of a group's scoreboard, which leave room for its alerts within 20 a minute."""

    private: float = 1.0
    group: float = 3.0
    scoreboard: float = 12.0
    retry: float = 5.0  # after a send failed past its retries: the alert waits, not lost
    # Alerts a group may have in any minute: one of its 20 is left for answers and edits.
    group_messages: int = 19
    group_window: float = 60.0
    finish_calls: float = 10.0  # at a stop: how long a call already made may take to finish
    # An edit waits while other chats have new results to be told, up to this long: a new
    # result first, then the figures of one already told (both spend the same limits).
    edits_wait: float = 30.0


def _no_pictures(chat_id: int) -> bool:
    return False


def _no_chart(seat: NightSeat, night: NightResults) -> Chart | None:
    return None


class AlertDesk:
    def __init__(
        self,
        bot: Bot,
        book: FollowBook,
        night: Callable[[], NightResults],
        pacing: Pacing = Pacing(),
        takes_pictures: Callable[[int], bool] = _no_pictures,
        chart_of: Callable[[NightSeat, NightResults], Chart | None] = _no_chart,
    ) -> None:
        self.bot = bot
        self.book = book
        self.night = night
        self.pacing = pacing
        # A chat with pictures on gets a seat's alert as its chart, the words as the caption
        self.takes_pictures = takes_pictures
        self.chart_of = chart_of
        self._uploaded: dict[Chart, str] = {}  # each chart uploaded once, then sent by file id
        self._uploading: dict[Chart, asyncio.Lock] = {}
        self._senders: dict[int, asyncio.Task[None]] = {}
        self._again: set[int] = set()  # chats with news since their sender last looked
        self._calling: set[int] = set()  # chats whose sender is in a call to Telegram now
        self._closing = False
        self._announcing: set[int] = set()  # chats with results not yet sent
        self._nothing_to_announce = asyncio.Event()
        self._nothing_to_announce.set()
        self._edits_held_since: dict[int, float] = {}
        self._scoreboard: asyncio.Task[None] | None = None
        self.sent_messages = 0
        self.merged = 0  # alerts that shared a message with another

    def resume(self) -> None:
        """After a start, and the feed's first read: send what the last run queued and did
        not send."""
        cut_short = self.book.cut_short()
        if cut_short:
            log.warning("%d alerts were being sent when the bot stopped: sending them again",
                        cut_short)  # fmt: skip
        for chat_id in self.book.chats_waiting():
            self._wake(chat_id)

    async def on_night(self, night: NightResults, events: list[NightEvent]) -> None:
        """The feed's listener: queue, and wake the chats concerned."""
        for event in events:
            seat = event.seat
            if event.change is Change.DECLARED:
                chats = self.book.queue(seat.ons_id, RESULT, subjects_of(seat))
                for chat_id in chats:
                    self._announces(chat_id, True)
                # after a restart a seat is "declared" again, perhaps with figures that came
                # while the bot was down: its alerts already sent may need them
                chats |= set(self.book.chats_alerted(seat.ons_id))
            elif event.change is Change.CORRECTED:
                text = to_html(correction(event, night))
                chats = self.book.queue(seat.ons_id, _correction_key(seat), subjects_of(seat),
                                        text)  # fmt: skip
                chats |= set(self.book.chats_alerted(seat.ons_id))  # the alert itself, edited
            else:  # the figures, or verified: the alert edited in place
                chats = set(self.book.chats_alerted(seat.ons_id))
            for chat_id in chats:
                self._wake(chat_id)
        if events:
            self.watch_scoreboards()

    def watch_scoreboards(self) -> None:
        """Bring the scoreboards up to date, at most once per `pacing.scoreboard` seconds."""
        if self._scoreboard is None and self.book.scoreboards():
            self._scoreboard = asyncio.create_task(self._update_scoreboards())

    async def close(self) -> None:
        """Stop sending. A call already made is let finish (up to `pacing.finish_calls`
        seconds), so what Telegram took is marked sent and not sent again at the next start;
        senders waiting between messages stop at once, their alerts kept for the next run."""
        self._closing = True
        calling = [task for chat, task in self._senders.items() if chat in self._calling]
        if calling:
            await asyncio.wait(calling, timeout=self.pacing.finish_calls)
        tasks = [*self._senders.values(), *([self._scoreboard] if self._scoreboard else [])]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task

    # --- one chat ---------------------------------------------------------------------

    def _wake(self, chat_id: int) -> None:
        if chat_id in self._senders:
            self._again.add(chat_id)
            return
        self._senders[chat_id] = asyncio.create_task(self._serve(chat_id))

    async def _serve(self, chat_id: int) -> None:
        try:
            while True:
                self._again.discard(chat_id)
                if chat_id < 0:
                    await asyncio.sleep(self._room_in_group(chat_id))
                if self._closing:
                    return
                try:
                    self._calling.add(chat_id)
                    did = await self._send_next(chat_id)
                except ChatMigrated as error:  # a group became a supergroup: follow it there
                    self.book.move_chat(chat_id, error.new_chat_id)
                    self._wake_later(error.new_chat_id)
                    return
                except (Forbidden, BadRequest) as error:
                    if not _is_gone(error):
                        raise  # _send_next settles every other refusal itself
                    self._gone(chat_id, error)
                    return
                except Exception as error:  # past its retries, or a bug: the alert waits
                    log.warning("alert to a chat not sent (%s: %s); trying again",
                                type(error).__name__, error)  # fmt: skip
                    await asyncio.sleep(self.pacing.retry)
                    continue
                finally:
                    self._calling.discard(chat_id)
                if not did and chat_id not in self._again:
                    return
                await asyncio.sleep(self.pacing.group if chat_id < 0 else self.pacing.private)
        finally:
            self._senders.pop(chat_id, None)
            self._announces(chat_id, False)

    def _announces(self, chat_id: int, waiting: bool) -> None:
        """Whether the chat has new results to be told, for edits elsewhere to wait on."""
        if waiting:
            self._announcing.add(chat_id)
            self._nothing_to_announce.clear()
        else:
            self._announcing.discard(chat_id)
            if not self._announcing:
                self._nothing_to_announce.set()

    async def _held_for_new_results(self, chat_id: int) -> bool:
        """Wait while other chats have new results to be told (up to `pacing.edits_wait`
        for one edit); True if it waited, and the chat should look again at what it has."""
        if not (self._announcing - {chat_id}):
            self._edits_held_since.pop(chat_id, None)
            return False
        since = self._edits_held_since.setdefault(chat_id, time.monotonic())
        left = since + self.pacing.edits_wait - time.monotonic()
        if left <= 0:
            self._edits_held_since.pop(chat_id, None)
            return False
        self._calling.discard(chat_id)  # waiting is not a call: a stop need not wait for it
        try:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._nothing_to_announce.wait(), timeout=left)
        finally:
            self._calling.add(chat_id)
        return not self._closing

    def _room_in_group(self, chat_id: int) -> float:
        """Seconds until the group may be sent another message, by the alerts and edits it
        was sent in the last minute, this run's or the last's. After a restart the library's
        own limiter has forgotten them, and a 429 from a group halts every request of the bot
        (AIORateLimiter's rule) for up to a minute."""
        now = time.time()
        sent = self.book.called_since(chat_id, now - self.pacing.group_window)
        if len(sent) < self.pacing.group_messages:
            return 0.0
        return max(0.0, sent[-self.pacing.group_messages] + self.pacing.group_window - now)

    def _wake_later(self, chat_id: int) -> None:
        """Wake a chat once the sender now running has gone (it may be the chat's own)."""
        asyncio.get_running_loop().call_soon(self._wake, chat_id)

    async def _send_next(self, chat_id: int) -> bool:
        """Send or edit one message for the chat; False if it had nothing to send."""
        did = await self._send_or_edit(chat_id)
        if did and chat_id < 0:
            self.book.called(chat_id)
        return did

    async def _send_or_edit(self, chat_id: int) -> bool:
        while True:
            did = await self._send_or_edit_now(chat_id)
            if did is not None:
                return did

    async def _send_or_edit_now(self, chat_id: int) -> bool | None:
        """As `_send_or_edit`; None if it waited for other chats' new results instead."""
        night = self.night()
        # An alert waits for its seat to be in the night read (after a restart, the first
        # read of the feed comes after the outbox is opened).
        unsent = [a for a in self.book.unsent(chat_id) if _declared(a.seat, night)]
        self._announces(chat_id, bool(unsent))
        results = {a.seat for a in unsent if a.what == RESULT}
        for superseded in [a for a in unsent if a.what != RESULT and a.seat in results]:
            # the result is not sent yet: it will show the corrected figures itself
            self.book.sent([superseded], REFUSED, {})
            unsent.remove(superseded)
        corrections = [a for a in unsent if a.what != RESULT]
        if corrections:
            await self._send_correction(chat_id, corrections[0], night)
            return True
        if unsent:
            await self._send_results(chat_id, _as_many_as_fit(unsent, night), night)
            return True
        edits = self.book.to_edit(
            chat_id, lambda ons: _shown(night.seats[ons]) if ons in night.seats else None
        )
        if not edits:
            return False
        if await self._held_for_new_results(chat_id):
            return None
        if self._closing:
            return False
        message_id, alerts = next(iter(edits.items()))
        await self._edit(chat_id, message_id, alerts, night)
        return True

    async def _send_results(self, chat_id: int, alerts: list[Alert], night: NightResults) -> None:
        seats = _seats(alerts, night)
        said = alert(seats, night)
        self.book.sending(alerts)
        stages = {s.ons_id: _shown(s) for s in seats}
        if len(seats) == 1 and self.takes_pictures(chat_id):
            photo = await self._send_chart(chat_id, seats[0], said, night)
            if photo is not None:
                self.book.sent(alerts, photo.message_id, stages, photo=True)
                self.sent_messages += 1
                return
        try:
            message = await self.bot.send_message(chat_id, fit_html(to_html(said)))
        except BadRequest as error:
            if _is_gone(error):
                raise
            # Refused as HTML ("can't parse entities"): once more as plain text, then, if
            # Telegram will never take it, said in the log and not tried for ever
            log.warning("an alert was refused (%s); sending it as plain text", error)
            try:
                message = await self.bot.send_message(
                    chat_id, to_plain(said)[:TEXT_LIMIT], parse_mode=None
                )
            except BadRequest as again:
                if _is_gone(again):
                    raise
                log.error("an alert was refused again (%s); it is not sent", again)
                self.book.sent(alerts, REFUSED, {})
                return
        self.book.sent(alerts, message.message_id, stages)
        self.sent_messages += 1
        if len(alerts) > 1:
            self.merged += len(alerts)

    async def _send_chart(
        self, chat_id: int, seat: NightSeat, said: Answer, night: NightResults
    ) -> Message | None:
        """The alert as the seat's chart; None (the alert goes as text) if there is no chart
        yet, it cannot be drawn, or Telegram refuses it (a group that forbids media)."""
        caption = fit_html(to_html(said), CAPTION_LIMIT)
        try:
            return await self._with_chart(
                seat, night, lambda picture: self.bot.send_photo(chat_id, picture, caption=caption)
            )
        except BadRequest as error:
            if _is_gone(error):
                raise
            log.warning("an alert's chart was refused (%s); sending it as text", error)
            return None

    async def _with_chart(
        self,
        seat: NightSeat,
        night: NightResults,
        send: Callable[[str | bytes], Awaitable[Message | bool]],
    ) -> Message | None:
        """Send the seat's chart: by its file id once Telegram has it, else drawn and
        uploaded, once, while the other chats sending it wait for the id. None if there is
        no chart yet or it cannot be drawn."""
        chart = self.chart_of(seat, night)
        if chart is None:
            return None
        if chart not in self._uploaded:
            async with self._uploading.setdefault(chart, asyncio.Lock()):
                if chart not in self._uploaded:
                    # Imported at the first chart: a bot that draws none never pays for Pillow
                    from bot.charts import render_png

                    try:
                        png = await asyncio.to_thread(render_png, chart)
                    except Exception:  # a drawing bug, kept with its traceback; words still go
                        log.exception("an alert's chart could not be drawn; sending it as text")
                        return None
                    sent = await send(png)
                    if isinstance(sent, Message) and sent.photo:
                        self._uploaded[chart] = sent.photo[-1].file_id
                        self._uploading.pop(chart, None)
                    return sent if isinstance(sent, Message) else None
        sent = await send(self._uploaded[chart])
        return sent if isinstance(sent, Message) else None

    async def _send_correction(self, chat_id: int, sent: Alert, night: NightResults) -> None:
        original = self.book.message_of(chat_id, sent.seat)
        reply = (
            ReplyParameters(original, allow_sending_without_reply=True)
            if original is not None
            else None
        )
        self.book.sending([sent])
        try:
            message = await self.bot.send_message(
                chat_id, fit_html(sent.text), reply_parameters=reply
            )
        except BadRequest as error:
            if _is_gone(error):
                raise
            log.error("a correction was refused (%s); it is not sent", error)
            self.book.sent([sent], REFUSED, {})
            return
        self.book.sent([sent], message.message_id, {})
        self.sent_messages += 1

    async def _edit(
        self, chat_id: int, message_id: int, alerts: list[Alert], night: NightResults
    ) -> None:
        seats = _seats(alerts, night)
        said = alert(seats, night)
        try:
            if any(a.photo for a in alerts):
                await self._edit_chart(chat_id, message_id, seats[0], said, night)
            else:
                await self.bot.edit_message_text(
                    fit_html(to_html(said)), chat_id=chat_id, message_id=message_id
                )
        except BadRequest as error:
            reason = str(error).lower()
            if _is_gone(error):
                raise
            if "not modified" not in reason and "message to edit not found" not in reason:
                log.error("an alert's edit was refused (%s); it stays as it was", error)
        self.book.sent(
            alerts,
            message_id,
            {s.ons_id: _shown(s) for s in seats},
            photo=any(a.photo for a in alerts),
        )

    async def _edit_chart(
        self, chat_id: int, message_id: int, seat: NightSeat, said: Answer, night: NightResults
    ) -> None:
        """The chart alert edited in place: the new chart and caption, or, if the chart
        cannot be drawn, the caption alone."""
        caption = fit_html(to_html(said), CAPTION_LIMIT)
        edited = await self._with_chart(seat, night, lambda picture: self.bot.edit_message_media(
            InputMediaPhoto(picture, caption=caption), chat_id=chat_id, message_id=message_id
        ))  # fmt: skip
        if edited is None:
            await self.bot.edit_message_caption(chat_id, message_id, caption=caption)

    def _gone(self, chat_id: int, error: TelegramError) -> None:
        log.info("a chat blocked the bot or is gone (%s): its follows are dropped", error)
        self.book.forget_chat(chat_id)

    # --- scoreboards ------------------------------------------------------------------

    async def _update_scoreboards(self) -> None:
        try:
            while True:
                night = self.night()
                shown_now = scoreboard_text(night)
                changed = [(c, m) for c, m, shown in self.book.scoreboards() if shown != shown_now]
                if not changed:
                    return
                for chat_id, message_id in changed:
                    try:
                        await self.bot.edit_message_text(shown_now, chat_id=chat_id,
                                                         message_id=message_id)  # fmt: skip
                    except (Forbidden, BadRequest) as error:
                        if _is_gone(error):
                            self._gone(chat_id, error)
                            continue
                        if "not modified" not in str(error).lower():
                            log.info("scoreboard not edited (%s); it is left", error)
                            self.book.forget_scoreboard(chat_id)
                            continue
                    except Exception as error:  # past its retries: the next round tries again
                        log.warning("scoreboard not edited (%s: %s); trying again",
                                    type(error).__name__, error)  # fmt: skip
                        continue
                    self.book.scoreboard_shown(chat_id, shown_now)
                await asyncio.sleep(self.pacing.scoreboard)
        finally:
            self._scoreboard = None


def scoreboard_text(night: NightResults) -> str:
    """The scoreboard's HTML: the tally, how many seats are in, the moment (party names
    escaped: "True & Fair Party" is a party)."""
    declared = len(night.order)
    lines = [f"<b>Election night: {declared} of {COMMONS_SEATS} seats declared</b>"]
    lines.append(escape(tally(night, top=8)) or "No seat has declared yet.")
    lines.append(f"{escape(as_of(night))}.")
    return "\n".join(lines)


def _as_many_as_fit(alerts: list[Alert], night: NightResults) -> list[Alert]:
    """The waiting alerts, oldest first, as many as one message holds: a busy group gets
    every result in as few messages as Telegram's length allows, none cut."""
    taken = alerts[:1]
    for waiting in alerts[1:]:
        if visible_length(to_html(alert(_seats([*taken, waiting], night), night))) > TEXT_LIMIT:
            break
        taken.append(waiting)
    return taken


def _is_gone(error: TelegramError) -> bool:
    """The chat blocked the bot, or is no more: nothing will ever reach it."""
    return isinstance(error, Forbidden) or any(r in str(error).lower() for r in GONE)


def _declared(ons_id: str, night: NightResults) -> bool:
    seat = night.seats.get(ons_id)
    return seat is not None and seat.declared and seat.winner is not None


def _shown(seat: NightSeat) -> int:
    """What an alert shows of a seat, as a fingerprint: the winner, the result, the figures
    once published (a correction at any stage changes it, the winner's name too).
    Verification alone changes nothing an alert says, so it is not worth an edit (a call of
    the chat's few a minute)."""
    figures = [(c.name, c.party, c.votes, c.share) for c in seat.candidates] if seat.counted else []
    winner = (seat.winner.name, seat.winner.party) if seat.winner else None
    shown = repr((winner, seat.result, seat.counted, seat.figures, figures))
    return zlib.crc32(shown.encode()) + 1  # never 0: an alert not yet shown


def _seats(alerts: list[Alert], night: NightResults) -> list[NightSeat]:
    return [night.seats[a.seat] for a in alerts if a.seat in night.seats]


def _correction_key(seat: NightSeat) -> str:
    """One correction per change: the same corrected result read again queues nothing."""
    shown = repr((seat.winner, seat.figures, [(c.name, c.votes) for c in seat.candidates]))
    return "correction:" + hashlib.sha256(shown.encode()).hexdigest()[:12]
