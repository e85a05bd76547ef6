"""The answer engine: understands questions about the knowledge and composes answers."""

from bot.engine.answer import Answer, Option, Source, Status
from bot.engine.conversation import Conversation
from bot.engine.engine import Engine
from bot.engine.intents import Intent

__all__ = ["Answer", "Conversation", "Engine", "Intent", "Option", "Source", "Status"]
