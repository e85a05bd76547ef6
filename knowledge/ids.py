"""Stable ids from names, shared by the build and the engine (which must not import the build)."""

from __future__ import annotations

import re
import unicodedata


def slug(name: str) -> str:
    """A stable id from a name: 'Oldham West, Chadderton and Royton' -> 'oldham-west-...'."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
