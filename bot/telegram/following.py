"""/follow, /following, /unfollow, /scoreboard and "tell me when X declares": thin handlers
over the follow book (bot/telegram/follows.py); what a name means is the engine's
(bot/engine/night/following.py), what is sent when is the alert desk's (alerts.py)."""

from __future__ import annotations

from functools import partial
from html import escape

from telegram import Update
from telegram.ext import ContextTypes

from bot.answering import Think
from bot.engine import Engine
from bot.engine.night.following import HOW_TO_FOLLOW, Target, Unclear, target_of
from bot.engine.night.live import LiveEngine
from bot.engine.night.reading import NightAsk
from bot.telegram.addressing import without_mention
from bot.telegram.alerts import AlertDesk, scoreboard_text
from bot.telegram.follows import FollowBook
from bot.telegram.handlers import ChatHandlers
from bot.telegram.lanes import delivered

Context = ContextTypes.DEFAULT_TYPE
NO_NIGHT = (
    "There’s no election night on just now: I send alerts while results come in, from a "
    "results feed or a replay of a night."
)


class FollowHandlers:
    """`live`: the engine following a night, if one is followed (None: no night on)."""

    def __init__(
        self,
        engine: Engine,
        live: LiveEngine | None,
        book: FollowBook,
        desk: AlertDesk | None,
        think: Think,
    ) -> None:
        self.engine = engine
        self.live = live
        self.book = book
        self.desk = desk
        self.think = think

    async def follow(self, update: Update, context: Context) -> None:
        """/follow Clacton | Reform | Jeremy Corbyn | all."""
        await self._follow(update, " ".join(context.args or []))

    async def tell_me_when(self, update: Update, context: Context, chat: ChatHandlers) -> None:
        """A message asking to be told when a seat declares; any other, the chat's question."""
        message = update.effective_message
        if message is None or message.text is None:
            return
        text = without_mention(message.text, context.bot.username)
        if self.live is not None:
            asked = await self.think(partial(self.live.read_night, text))
            if asked is not None and asked.ask is NightAsk.FOLLOW and len(asked.subjects) == 1:
                await self._follow(update, asked.subjects[0].text)
                return
        await chat.question(update, context)

    async def following(self, update: Update, context: Context) -> None:
        """/following: what this chat follows."""
        message, chat = update.effective_message, update.effective_chat
        if message is None or chat is None:
            return
        followed = self.book.following(chat.id)
        if not followed:
            await message.reply_text(f"This chat follows nothing yet. {HOW_TO_FOLLOW}")
        else:
            names = "\n".join(f"• {escape(label)}" for _, label in followed)
            await message.reply_text(
                f"This chat follows:\n{names}\n\n/unfollow NAME stops one; /unfollow, all."
            )
        delivered()

    async def unfollow(self, update: Update, context: Context) -> None:
        """/unfollow NAME, or /unfollow for everything."""
        message, chat = update.effective_message, update.effective_chat
        if message is None or chat is None:
            return
        text = " ".join(context.args or [])
        if not text.strip():
            ended = self.book.unfollow(chat.id)
            said = f"Stopped following {ended} thing{'s' if ended != 1 else ''}." if ended else (
                "This chat follows nothing.")  # fmt: skip
            await message.reply_text(said)
            delivered()
            return
        target = await self.think(partial(target_of, self.engine.catalog, self.engine.index, text))
        if isinstance(target, Unclear):
            await message.reply_text(escape(target.text) + _options(target))
        elif self.book.unfollow(chat.id, target.subject):
            await message.reply_text(f"Stopped following {escape(target.label)}.")
        else:
            await message.reply_text(f"This chat wasn’t following {escape(target.label)}.")
        delivered()

    async def scoreboard(self, update: Update, context: Context) -> None:
        """/scoreboard: one message with the seats so far, kept up to date; pin it."""
        message, chat = update.effective_message, update.effective_chat
        if message is None or chat is None:
            return
        if self.live is None:
            await message.reply_text(NO_NIGHT)
            delivered()
            return
        shown = scoreboard_text(self.live.night)
        sent = await message.reply_text(shown)
        delivered()
        self.book.scoreboard(chat.id, sent.message_id)
        self.book.scoreboard_shown(chat.id, shown)
        if self.desk is not None:
            self.desk.watch_scoreboards()

    async def _follow(self, update: Update, text: str) -> None:
        message, chat = update.effective_message, update.effective_chat
        if message is None or chat is None:
            return
        if not text.strip():
            await message.reply_text(HOW_TO_FOLLOW)
            delivered()
            return
        target = await self.think(partial(target_of, self.engine.catalog, self.engine.index, text))
        if isinstance(target, Unclear):
            await message.reply_text(escape(target.text) + _options(target))
            delivered()
            return
        new = self.book.follow(chat.id, target.subject, target.label)
        said = f"{'Following' if new else 'Already following'} {escape(target.label)}: "
        said += _what_comes(target)
        if self.live is None:
            said += f"\n\n{NO_NIGHT}"
        else:
            said += _already(self.live, target)
        await message.reply_text(said)
        delivered()


def _already(live: LiveEngine, target: Target) -> str:
    """For a seat that has declared already: say so (its alert is not sent again)."""
    kind, _, ons_id = target.subject.partition(":")
    seat = live.night.seats.get(ons_id) if kind == "seat" else None
    if seat is None or not seat.declared or seat.winner is None:
        return ""
    return (
        f"\n\n{escape(seat.name)} has already declared: {escape(seat.winner.name)} "
        f"({escape(seat.winner.party)}) won. I’ll tell you of any correction."
    )


def _what_comes(target: Target) -> str:
    kind = target.subject.partition(":")[0]
    if kind == "all":
        return "one message per declaration, merged when several come at once."
    if kind == "party":
        return "a message for each seat it wins, edited when the votes are published."
    return "a message when the seat declares, edited when the votes are published."


def _options(unclear: Unclear) -> str:
    if not unclear.options:
        return ""
    return "\n" + "\n".join(f"• {escape(option)}" for option in unclear.options[:10])
