"""The engine's work off the event loop, one question at a time, in a thread of its own.

Answering takes a fraction of a millisecond, but a hundred questions at once add up, and
while the loop is computing, a reply that has just gone waits to be marked done in the
inbox: a SIGKILL then would send it again on the next start. With the engine in its own
thread, the loop is free to mark each reply done as soon as it returns. One thread, and every
engine call of the bot goes through it (messages, buttons, locations, inline queries, help),
so the engine (its caches, each chat's conversation) is used by one caller at a time.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")


class EngineThread:
    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="engine")

    async def __call__(self, work: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._executor, work)

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
