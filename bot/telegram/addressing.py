"""When a group message is for this bot: it mentions @TheBot, or replies to the bot.

Checked when a message arrives, against the bot's own id and username (known once the bot
has started), so the filter needs no configuration.
"""

from __future__ import annotations

import re

from telegram import Message, MessageEntity
from telegram.ext import filters


class AddressedToBot(filters.MessageFilter):
    def filter(self, message: Message) -> bool:
        bot = message.get_bot()
        replied = message.reply_to_message
        if replied is not None and replied.from_user is not None and replied.from_user.id == bot.id:
            return True
        mentions = message.parse_entities([MessageEntity.MENTION]).values()
        return any(text.lower() == f"@{bot.username}".lower() for text in mentions)


ADDRESSED_TO_BOT = AddressedToBot(name="AddressedToBot")


def without_mention(text: str, username: str) -> str:
    """The question with '@TheBot' taken out, wherever it was."""
    return re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE).strip()
