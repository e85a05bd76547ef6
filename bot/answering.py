"""A question answered the same way by every front end: looked up first if it holds a postcode.

The engine finds the postcode and answers once it knows where it is; the lookup (the only I/O)
happens here, between the two, so the console and the bot share every step but the printing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol, TypeVar

from bot.engine import Answer, Conversation, Engine, Located, LookupProblem
from bot.postcode_lookup import PostcodeLookup

T = TypeVar("T")


class Think(Protocol):
    """Where the engine's work runs: here and now (the console), or a thread of its own (the
    bot, bot/telegram/thinking.py)."""

    def __call__(self, work: Callable[[], T]) -> Awaitable[T]: ...


async def at_once(work: Callable[[], T]) -> T:
    return work()


async def answer_question(
    engine: Engine,
    lookup: PostcodeLookup | None,
    question: str,
    conversation: Conversation,
    think: Think = at_once,
) -> Answer:
    mention = engine.postcode_in(question)
    if mention is None:
        return await think(lambda: engine.answer(question, conversation))
    if not mention.valid:
        where = Located(problem=LookupProblem.INVALID)  # no lookup for what cannot be one
    elif lookup is None:
        where = Located(problem=LookupProblem.OFF)
    else:
        where = await lookup.postcode(mention)
    postcode, said = mention.postcode, mention.text
    return await think(lambda: engine.answer_located(question, postcode, where, conversation, said))


async def answer_location(
    engine: Engine,
    lookup: PostcodeLookup | None,
    latitude: float,
    longitude: float,
    conversation: Conversation,
    think: Think = at_once,
) -> Answer:
    """A shared location: the result of the constituency it lies in."""
    if lookup is None:
        where = Located(problem=LookupProblem.OFF)
    else:
        where = await lookup.location(latitude, longitude)
    return await think(lambda: engine.answer_located("", "That location", where, conversation))
