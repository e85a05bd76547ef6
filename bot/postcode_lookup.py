"""Looking up where a postcode, an outward code or a location is: postcodes.io, for the front
ends (the engine does no I/O).

postcodes.io (free, no key, the ONS's postcode directory) gives a postcode's 2024
constituency by name, an outward code's constituencies, and the postcodes nearest a
location. Every failure becomes a LookupProblem the engine words for the person: a 429, a
5xx, a timeout or an unreachable service is "I can't look postcodes up just now", never an
exception and never a guess.

Privacy: a full postcode or a location is personal data. Nothing here logs one, and the
cache keeps a lookup only until it expires (CACHE_SECONDS), then forgets it.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import httpx

from bot.engine import Located, LookupProblem, PostcodeMention

TIMEOUT_SECONDS = 3.0  # a lookup slower than this is answered "not just now"
CACHE_SECONDS = 15 * 60  # a postcode's answer is kept this long, then forgotten
CACHE_ENTRIES = 10_000
LOCATION_RADIUS_METRES = 2000  # postcodes.io's widest: a location in open country still finds one
_CONSTITUENCY = "parliamentary_constituency_2024"


class PostcodeLookup:
    def __init__(
        self,
        base_url: str,
        timeout: float = TIMEOUT_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = httpx.AsyncClient(base_url=base_url.rstrip("/"), timeout=timeout)
        self._clock = clock
        self._cache: OrderedDict[str, tuple[float, Located]] = OrderedDict()

    async def postcode(self, mention: PostcodeMention) -> Located:
        """Where a postcode or outward code is; its form is checked before any lookup."""
        if not mention.valid:
            return Located(problem=LookupProblem.INVALID)
        if mention.inward is None:
            return await self._cached(f"outcode {mention.outward}", self._outcode, mention.outward)
        return await self._cached(f"postcode {mention.postcode}", self._postcode, mention.postcode)

    async def location(self, latitude: float, longitude: float) -> Located:
        """The constituency of the postcode nearest a shared location."""
        where = f"{latitude:.5f},{longitude:.5f}"
        return await self._cached(f"location {where}", self._nearest, where)

    async def close(self) -> None:
        await self._client.aclose()

    # --- the three lookups ----------------------------------------------------------------

    async def _postcode(self, postcode: str) -> Located:
        status, body = await self._get(f"/postcodes/{quote(postcode)}")
        if status == 200:
            return _one(body.get("result"))
        if status == 404:
            gone, _ = await self._get(f"/terminated_postcodes/{quote(postcode)}")
            if gone == 200:
                return Located(problem=LookupProblem.TERMINATED)
            return Located(problem=LookupProblem.NOT_FOUND)
        return Located(problem=LookupProblem.UNAVAILABLE)

    async def _outcode(self, outward: str) -> Located:
        status, body = await self._get(f"/outcodes/{quote(outward)}")
        if status == 404:
            return Located(problem=LookupProblem.NOT_FOUND)
        result = body.get("result") if status == 200 else None
        if not isinstance(result, dict):
            return Located(problem=LookupProblem.UNAVAILABLE)
        names = result.get(_CONSTITUENCY) or result.get("parliamentary_constituency") or []
        return Located(tuple(str(name) for name in names if name))

    async def _nearest(self, where: str) -> Located:
        latitude, longitude = where.split(",")
        status, body = await self._get(
            "/postcodes",
            {"lat": latitude, "lon": longitude, "radius": LOCATION_RADIUS_METRES, "limit": 1},
        )
        if status != 200:
            return Located(problem=LookupProblem.UNAVAILABLE)
        results = body.get("result")
        if not results:
            return Located(problem=LookupProblem.NOWHERE)
        return _one(results[0])

    # --- HTTP and the cache ---------------------------------------------------------------

    async def _get(
        self, path: str, params: dict[str, Any] | None = None
    ) -> tuple[int, dict[str, Any]]:
        """(status, JSON body); status 0 when the service could not be reached or replied
        with something that is not its JSON."""
        try:
            response = await self._client.get(path, params=params)
            body = response.json()
        except (httpx.HTTPError, ValueError):
            return 0, {}
        return response.status_code, body if isinstance(body, dict) else {}

    async def _cached(self, key: str, lookup: Callable[[str], Any], argument: str) -> Located:
        now = self._clock()
        while self._cache and next(iter(self._cache.values()))[0] <= now:
            self._cache.popitem(last=False)  # the oldest first: forgotten once expired
        if key in self._cache:
            return self._cache[key][1]
        found: Located = await lookup(argument)
        if found.problem is not LookupProblem.UNAVAILABLE:  # a failure is tried again next time
            self._cache[key] = (now + CACHE_SECONDS, found)
            while len(self._cache) > CACHE_ENTRIES:
                self._cache.popitem(last=False)
        return found

    def cached(self) -> int:
        """How many lookups are remembered now (for the tests of forgetting)."""
        now = self._clock()
        return sum(1 for expires, _ in self._cache.values() if expires > now)


def _one(result: Any) -> Located:
    name = result.get(_CONSTITUENCY) if isinstance(result, dict) else None
    if not name:
        return Located(problem=LookupProblem.NOWHERE)
    return Located((str(name),))
