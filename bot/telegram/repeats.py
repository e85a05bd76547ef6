"""A busy group's repeated question, answered once.

When a result comes in, a dozen people in a group ask "who won Clacton?" within seconds,
and Telegram lets a bot post about 20 messages a minute to a group: a dozen identical
replies would hold up every other question for half a minute. So before the oldest question
of a group is answered, the questions waiting behind it in the group's lane are looked at:
those that read the same and get the same answer from their asker's own conversation are
answered by this one reply, which says how many asked.

Same words are not enough: "how many votes did he get?" means Farage to one person and
Corbyn to another. Each is answered from its own conversation, on a copy, and joins only if
the answer is the same; its asker's conversation then moves on as if it had been answered
alone, so their next follow-up still follows.
"""

from __future__ import annotations

import copy
import re

from telegram import Update

from bot.engine import Answer, Engine
from bot.render import to_html
from bot.telegram.addressing import ADDRESSED_TO_BOT, without_mention
from bot.telegram.chat_state import ConversationStore, conversation_key
from bot.telegram.lanes import ChatLanes


def _said(text: str) -> str:
    """A question's words, ignoring case, punctuation and spacing."""
    return " ".join(re.findall(r"\w+", text.casefold()))


class Repeats:
    def __init__(self, engine: Engine, conversations: ConversationStore, lanes: ChatLanes):
        self._engine = engine
        self._conversations = conversations
        self._lanes = lanes

    def answer_together(self, update: Update, question: str, answer: Answer) -> int:
        """How many people this reply answers: the asker, and each who asked it again behind
        them (one person asking twice is still one)."""
        askers = {_asker(update)}
        words, html = _said(question), to_html(answer)
        for waiting in self._lanes.waiting_behind(update):
            message = waiting.effective_message
            if message is None or message.text is None or message.text.startswith("/"):
                continue
            if not ADDRESSED_TO_BOT.check_update(waiting):
                continue
            text = without_mention(message.text, message.get_bot().username)
            if _said(text) != words:
                continue
            conversation = self._conversations.get(conversation_key(waiting))
            if to_html(self._engine.answer(text, copy.deepcopy(conversation))) != html:
                continue
            self._engine.answer(text, conversation)
            self._lanes.answered_with(waiting, update)
            askers.add(_asker(waiting))
        return len(askers)


def _asker(update: Update) -> int | None:
    return update.effective_user.id if update.effective_user else None
