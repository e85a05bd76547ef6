"""The answer engine: understands questions about the knowledge and composes answers."""

from bot.engine.answers.located import Located, LookupProblem
from bot.engine.conversation import Conversation
from bot.engine.engine import Engine
from bot.engine.model.answer import Answer, Option, Source, Status
from bot.engine.understanding.intents import Intent
from bot.engine.understanding.postcodes import PostcodeMention

__all__ = [
    "Answer", "Conversation", "Engine", "Intent", "Located", "LookupProblem", "Option",
    "PostcodeMention", "Source", "Status",
]  # fmt: skip
