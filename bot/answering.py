"""A question answered the same way by every front end: looked up first if it holds a postcode.

The engine finds the postcode and answers once it knows where it is; the lookup (the only I/O)
happens here, between the two, so the console and the bot share every step but the printing.
"""

from __future__ import annotations

from bot.engine import Answer, Conversation, Engine, Located, LookupProblem
from bot.postcode_lookup import PostcodeLookup


async def answer_question(
    engine: Engine, lookup: PostcodeLookup | None, question: str, conversation: Conversation
) -> Answer:
    mention = engine.postcode_in(question)
    if mention is None:
        return engine.answer(question, conversation)
    if not mention.valid:
        where = Located(problem=LookupProblem.INVALID)  # no lookup for what cannot be one
    elif lookup is None:
        where = Located(problem=LookupProblem.OFF)
    else:
        where = await lookup.postcode(mention)
    return engine.answer_located(question, mention.postcode, where, conversation, mention.text)


async def answer_location(
    engine: Engine,
    lookup: PostcodeLookup | None,
    latitude: float,
    longitude: float,
    conversation: Conversation,
) -> Answer:
    """A shared location: the result of the constituency it lies in."""
    if lookup is None:
        where = Located(problem=LookupProblem.OFF)
    else:
        where = await lookup.location(latitude, longitude)
    return engine.answer_located("", "That location", where, conversation)
