"""Telegram handlers: thin. Each turns an update into an engine call and sends what the
renderer makes of the answer; the engine does the understanding."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatType
from telegram.error import BadRequest, TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.answering import Think, answer_location, answer_question, at_once
from bot.engine import Answer, Conversation, Engine, Status
from bot.engine.model.answer import paragraph
from bot.messages import CAPTION_LIMIT, fit_html, split_html
from bot.postcode_lookup import PostcodeLookup
from bot.render import caption_html, sources_html, to_html
from bot.telegram.addressing import without_mention
from bot.telegram.asked import command_question
from bot.telegram.chat_prefs import PicturePreferences
from bot.telegram.chat_state import ConversationStore, FloodGuard, conversation_key
from bot.telegram.keyboards import (
    Action,
    ButtonCodec,
    answer_keyboard,
    examples_keyboard,
    key_from_payload,
    pictures_keyboard,
)
from bot.telegram.lanes import delivered
from bot.telegram.repeats import Renote, Repeats, asker_of
from bot.telegram.reply_notes import asked_by, lateness
from bot.telegram.retries import call_of

log = logging.getLogger(__name__)

Context = ContextTypes.DEFAULT_TYPE
SORRY = "Sorry, something went wrong answering that. Please try again."
NOT_TEXT = "I read text questions. Try: who won Leicester South?"
EXPIRED = "This button no longer works here; please ask again."
TOO_MANY_TAPS = "Too many taps; wait a few seconds."
ASK_POSTCODE = "Which postcode? Try /mp SW1A 1AA, or share your location (📎 → Location)."
BY_POSTCODE = "Don’t know your constituency? Send your postcode (SW1A 1AA, or just SW1A)."
BY_PLACE = BY_POSTCODE.removesuffix(".") + ", or share your location (📎 → Location)."


class ChatHandlers:
    def __init__(
        self,
        engine: Engine,
        conversations: ConversationStore | None = None,
        flood: FloodGuard | None = None,
        repeats: Repeats | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        pictures: PicturePreferences | None = None,
        lookup: PostcodeLookup | None = None,
        think: Think = at_once,
    ) -> None:
        self.engine = engine
        self.think = think  # where the engine's work runs: off the loop, when served
        self.codec = ButtonCodec(list(engine.index.entities))
        # "is None", not "or": an empty store is falsy, and the repeats share this one.
        self.conversations = conversations if conversations is not None else ConversationStore()
        self.flood = flood if flood is not None else FloodGuard()
        self.repeats = repeats
        self.clock = clock
        self.pictures = pictures
        self.lookup = lookup

    async def flood_gate(self, update: Update, context: Context) -> None:
        """First of all handlers, for every kind of update: in a group, one person's burst of
        messages or taps past the limit stops here, so the group isn't filled with answers."""
        chat, user = update.effective_chat, update.effective_user
        if chat is None or chat.type == ChatType.PRIVATE or user is None:
            return
        if not self.flood.allow((chat.id, user.id)):
            log.info("flood: not answering user %s in chat %s for now", user.id, chat.id)
            if update.callback_query is not None:  # else the button spins until it times out
                await _acknowledge(update.callback_query, TOO_MANY_TAPS)
            raise ApplicationHandlerStop

    async def start(self, update: Update, context: Context) -> None:
        """/start: what the bot is, with examples to tap; /start PAYLOAD opens that result."""
        if context.args:
            key = key_from_payload(context.args[0])
            await self._send(update, await self.think(partial(self.engine.answer_about, key)))
        else:
            examples = examples_keyboard(self.engine.examples())
            helped = self._helped(await self.think(self.engine.help), update)
            await self._send(update, helped, examples)

    async def help(self, update: Update, context: Context) -> None:
        """/help: what to ask."""
        await self._send(update, self._helped(await self.think(self.engine.help), update))

    async def mp(self, update: Update, context: Context) -> None:
        """/mp POSTCODE: the constituency's result."""
        postcode = _arguments(context)
        asked = command_question("mp", postcode)
        await self._ask(update, asked, ASK_POSTCODE)

    async def location(self, update: Update, context: Context) -> None:
        """A shared location (private chats): the result where it lies."""
        message = update.effective_message
        if message is None or message.location is None:
            return
        where = message.location
        answer = await answer_location(
            self.engine, self.lookup, where.latitude, where.longitude,
            self._conversation(update), self.think,
        )  # fmt: skip
        await self._reply(message, answer)

    async def sources(self, update: Update, context: Context) -> None:
        """/sources: what the knowledge covers and where it comes from."""
        await self._send(update, await self.think(self.engine.coverage))

    async def elected(self, update: Update, context: Context) -> None:
        """/elected: every winner the knowledge names."""
        await self._send(update, await self.think(self.engine.winners))

    async def result(self, update: Update, context: Context) -> None:
        """/result SEAT."""
        await self._ask(update, _arguments(context), "Which seat? Try /result Leicester South")

    async def candidate(self, update: Update, context: Context) -> None:
        """/candidate NAME."""
        await self._ask(update, _arguments(context), "Who? Try /candidate Jeremy Corbyn")

    async def question(self, update: Update, context: Context) -> None:
        """Any text in a private chat; a mention of the bot or a reply to it in a group."""
        message = update.effective_message
        if message is None or message.text is None:
            return
        await self._ask(update, without_mention(message.text, context.bot.username))

    async def not_text(self, update: Update, context: Context) -> None:
        """A photo, sticker or location in a private chat: say what the bot reads."""
        message = update.effective_message
        if message is not None:
            await message.reply_text(NOT_TEXT)

    async def unknown_command(self, update: Update, context: Context) -> None:
        """A command the bot does not have, in a private chat."""
        await self._send(update, self._helped(await self.think(self.engine.help), update))

    async def button(self, update: Update, context: Context) -> None:
        """A tapped button: answer the choice, show or hide the source, or ask an example."""
        tapped = update.callback_query
        if tapped is None:
            return
        pressed = self.codec.decode(tapped.data or "")
        await _acknowledge(tapped, EXPIRED if pressed is None else None)
        if pressed is None:
            return
        shown = tapped.message if isinstance(tapped.message, Message) else None
        if pressed.action is Action.ASK and pressed.question is not None:
            if shown is not None:
                conversation = self._conversation(update)
                answer = await self.think(
                    partial(self.engine.answer, pressed.question, conversation)
                )
                await self._reply(shown, answer, quote=False)
            return
        if pressed.action is Action.PICTURES and pressed.pictures is not None:
            await self._choose_pictures(update, pressed.pictures)
            return
        assert pressed.query is not None
        answer = await self.think(partial(self.engine.answer_query, pressed.query))
        showing = pressed.action is Action.SOURCE
        html = to_html(answer)
        if showing:
            html += "\n\n<b>Source</b>\n\n" + sources_html(answer)
        if shown is not None and shown.photo:  # a chart: its text comes as a message below
            await shown.reply_text(
                fit_html(html),
                reply_markup=answer_keyboard(self.codec, answer, showing_sources=showing),
                do_quote=True,
            )
            delivered()  # a new message, unlike an edit: a replayed tap would send it again
            return
        try:
            await tapped.edit_message_text(
                fit_html(html),
                reply_markup=answer_keyboard(self.codec, answer, showing_sources=showing),
            )
        except BadRequest as error:
            if "not modified" not in str(error).lower():  # a double tap changes nothing
                raise

    async def _ask(self, update: Update, text: str, when_empty: str | None = None) -> None:
        message = update.effective_message
        if message is None:
            return
        if not text.strip() and when_empty is not None:
            await message.reply_text(when_empty, do_quote=_in_group(message))
            return
        conversation = self._conversation(update)
        answer = await answer_question(self.engine, self.lookup, text, conversation, self.think)
        if answer.status is Status.HELP:
            answer = self._helped(answer, update)
        if self.repeats is None or not _in_group(message):
            await self._reply(message, answer)
            return
        if self.repeats.joined(update, answer):
            return  # the group's reply of a moment ago answers it: its count goes up instead
        same = await self.repeats.asked_alike(update, answer, self.think)
        askers = {asker_of(update), *(asker_of(waiting) for waiting, _ in same)}
        renote = await self._reply(message, answer, notes=[asked_by(len(askers))])
        # Only once the reply has gone: had it failed, each would still get its own answer.
        await self.repeats.answered(update, same, self.think)
        if renote is not None:
            self.repeats.sent(update, answer, askers, renote)

    async def _send(
        self, update: Update, answer: Answer, keyboard: InlineKeyboardMarkup | None = None
    ) -> None:
        message = update.effective_message
        if message is not None:
            await self._reply(message, answer, keyboard=keyboard)

    async def settings(self, update: Update, context: Context) -> None:
        """/settings: pictures on or off for this chat."""
        message = update.effective_message
        if message is not None and self.pictures is not None:
            on = self.pictures.pictures(message.chat.id, _in_group(message))
            await message.reply_text(_pictures_said(on), reply_markup=pictures_keyboard(on))

    async def _choose_pictures(self, update: Update, on: bool) -> None:
        tapped, chat = update.callback_query, update.effective_chat
        if tapped is None or chat is None or self.pictures is None:
            return
        self.pictures.choose(chat.id, on)
        try:
            await tapped.edit_message_text(_pictures_said(on), reply_markup=pictures_keyboard(on))
        except BadRequest as error:
            if "not modified" not in str(error).lower():
                raise

    async def _reply(
        self,
        message: Message,
        answer: Answer,
        keyboard: InlineKeyboardMarkup | None = None,
        quote: bool | None = None,
        notes: list[str | None] | None = None,
    ) -> Renote | None:
        """Send the answer, split to fit, buttons under the last part; in a group, as a reply.
        An answer with a chart, where the chat takes pictures, goes as the chart with a short
        caption, and its whole text one tap away (Details).

        A late answer (bot/telegram/reply_notes.py) always quotes its question and says it is late.
        Returns what edits the reply to say how many asked (bot/telegram/repeats.py).
        """
        late = lateness(message.date, self.clock()) if quote is None else None
        said = [note for note in [*(notes or []), late] if note]
        quoted = bool(late) or (_in_group(message) if quote is None else quote)
        if answer.chart is not None and keyboard is None and self._takes_pictures(message):
            renote = await self._reply_with_chart(message, answer, said, late, quoted)
            if renote is not None:
                return renote
        markup = keyboard or answer_keyboard(self.codec, answer)
        parts = split_html("\n\n".join([to_html(answer), *said]))
        last = None
        for number, part in enumerate(parts, start=1):
            last = await message.reply_text(
                part,
                reply_markup=markup if number == len(parts) else None,
                do_quote=quoted and number == 1,
            )
        delivered()  # marked done before anything else runs: a kill now sends nothing twice
        if last is None or len(parts) > 1:
            return None  # a reply in parts keeps its count: the parts could shift when edited
        sent = last
        return lambda people: sent.edit_text(
            "\n\n".join([to_html(answer), *_notes(asked_by(people), late)]),
            reply_markup=markup,
        )

    async def _reply_with_chart(
        self, message: Message, answer: Answer, said: list[str], late: str | None, quoted: bool
    ) -> Renote | None:
        """The answer as its chart, with a short caption; None if the picture did not go.

        A picture must never cost the answer: a chart that cannot be drawn, that Telegram
        refuses (a group that forbids media, an image it cannot process) or that still fails
        once the retries are spent leaves the answer to be sent as text, once. Nothing is
        marked done here unless the photo went, so the text's own mark is the only one."""
        assert answer.chart is not None
        # Imported at the first chart, so a bot that draws none never pays for Pillow.
        from bot.charts import render_png

        try:
            png = await asyncio.to_thread(render_png, answer.chart)
        except Exception:  # a drawing bug, kept with its traceback; the words still answer
            log.exception("the chart could not be drawn; sending the answer as text")
            return None
        details = answer_keyboard(self.codec, answer, details=True)
        try:
            photo = await message.reply_photo(
                png,
                caption=caption_html(answer, said, CAPTION_LIMIT),
                reply_markup=details,
                do_quote=quoted,
            )
        except TelegramError as error:  # retried already, where retrying could help
            log.warning("sendPhoto failed (%s); sending the answer as text", error)
            return None
        delivered()
        return lambda people: photo.edit_caption(
            caption_html(answer, _notes(asked_by(people), late), CAPTION_LIMIT),
            reply_markup=details,
        )

    def _conversation(self, update: Update) -> Conversation:
        return self.conversations.get(conversation_key(update))

    def _helped(self, answer: Answer, update: Update) -> Answer:
        """Help, with where-you-live questions when postcodes can be looked up (a location
        is answered in private chats only: in a group it would tell everyone where you are)."""
        if self.lookup is None or not self.engine.catalog.counts_every_seat:
            return answer
        chat = update.effective_chat
        said = BY_PLACE if chat is not None and chat.type == ChatType.PRIVATE else BY_POSTCODE
        return replace(answer, blocks=(*answer.blocks, paragraph(said)))

    def _takes_pictures(self, message: Message) -> bool:
        return self.pictures is not None and self.pictures.pictures(
            message.chat.id, _in_group(message)
        )


def _notes(*notes: str | None) -> list[str]:
    return [note for note in notes if note]


def _pictures_said(on: bool) -> str:
    if on:
        return (
            "Pictures are <b>on</b> in this chat: a result comes as a chart, with its text one "
            "tap away (Details)."
        )
    return "Pictures are <b>off</b> in this chat: results come as text."


async def _acknowledge(tapped: CallbackQuery, text: str | None) -> None:
    """Stop the button's spinner. Telegram takes this only for a few seconds after the tap;
    a tap replayed after a restart is still answered, by the edit that follows."""
    try:
        await tapped.answer(text)
    except BadRequest as error:
        log.info("button %s: too late to acknowledge (%s)", tapped.id, error)


def _arguments(context: Context) -> str:
    return " ".join(context.args or [])


def _in_group(message: Message) -> bool:
    return message.chat.type != ChatType.PRIVATE


async def on_error(update: object, context: Context) -> None:
    """Log the failure with its update id; tell the person, if there is one, and carry on.

    A Bot API call the limiter gave up on (bot/telegram/retries.py) is a known way to fail:
    one line naming the call and the cause. Anything else keeps its traceback."""
    update_id = update.update_id if isinstance(update, Update) else None
    call = call_of(context.error) if context.error is not None else None
    if call is not None:
        log.error("update %s: %s failed: %s", update_id, call, context.error)
    else:
        log.error("update %s failed", update_id, exc_info=context.error)
    if not isinstance(update, Update):
        return
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(SORRY)
        elif update.effective_message is not None:
            await update.effective_message.reply_text(SORRY)
    except TelegramError as error:
        log.warning("update %s: could not send the apology: %s", update_id, error)
