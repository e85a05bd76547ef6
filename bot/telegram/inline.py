"""Inline mode: '@TheBot leic' in any chat offers result cards; choosing one posts it.

It runs on every keystroke, so matching is the engine's prefix search and each card is
built once per entity and kept (the knowledge does not change while the bot runs).
"""

from __future__ import annotations

from functools import partial

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update
from telegram.ext import ContextTypes

from bot.answering import Think, at_once
from bot.engine import Engine
from bot.engine.model.keys import Kind
from bot.messages import fit_html
from bot.render import to_html
from bot.telegram.keyboards import ButtonCodec, answer_keyboard, short_key

MAX_CARDS = 20  # Telegram allows 50; a phone shows a handful
CACHE_SECONDS = 300  # the same query gets the same cards until the knowledge changes
RESULT_ID_LIMIT = 64


class InlineCards:
    def __init__(self, engine: Engine, codec: ButtonCodec, think: Think = at_once) -> None:
        self.engine = engine
        self.think = think  # the engine's thread, as for messages
        self.search = engine.search  # built now, at start-up, not at the first inline query
        self.codec = codec
        self._cards: dict[str, InlineQueryResultArticle] = {}

    async def answer(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Cards for what is typed so far; the elected independents when nothing is."""
        inline = update.inline_query
        if inline is None:
            return
        cards = await self.think(partial(self._cards_for, inline.query.strip()))
        await inline.answer(cards, cache_time=CACHE_SECONDS, is_personal=False)

    def _cards_for(self, typed: str) -> list[InlineQueryResultArticle]:
        if typed:
            keys = self.search.find(typed, MAX_CARDS)
        else:
            keys = [k for k in self.engine.elected_independents().entities if k.is_a(Kind.PERSON)]
        return [self.card(key) for key in keys] or [self._no_match(typed)]

    def card(self, key: str) -> InlineQueryResultArticle:
        if key not in self._cards:
            answer = self.engine.answer_about(key)
            self._cards[key] = InlineQueryResultArticle(
                id=key if len(key.encode()) <= RESULT_ID_LIMIT else short_key(key),
                title=self.engine.index.entities[key].name,
                description=answer.headline,
                input_message_content=InputTextMessageContent(fit_html(to_html(answer))),
                reply_markup=answer_keyboard(self.codec, answer),
            )
        return self._cards[key]

    def _no_match(self, typed: str) -> InlineQueryResultArticle:
        answer = self.engine.answer(typed)
        return InlineQueryResultArticle(
            id="no-match",
            title=f"No seat or person matches “{typed}”",
            description="Try a seat (Leicester South) or a surname (Corbyn)",
            input_message_content=InputTextMessageContent(fit_html(to_html(answer))),
        )
