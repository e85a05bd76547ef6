"""Postcodes in a question: found and checked for form here, looked up by the front ends.

A full postcode ("SW1A 1AA", "sw1a1aa") or an outward code ("LS6", "SW1A") anywhere in a
question. The form follows Royal Mail's rules (which letters may stand where), so "Q1 1AA"
is refused without a lookup, as is anything else that looks like a postcode but cannot be one.
Nothing here does I/O: the engine says what it needs looked up, and answers once it has it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Loose shapes, to find what someone meant as a postcode; the rules below then judge it.
_FULL = re.compile(
    r"(?<![A-Za-z0-9])([A-Za-z]{1,2}[0-9][A-Za-z0-9]?) ?([0-9][A-Za-z]{2})(?![A-Za-z0-9])"
)
_OUTWARD = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{1,2}[0-9][A-Za-z0-9]?)(?![A-Za-z0-9])")
# Royal Mail's outward code forms: A9, A99, AA9, AA99, A9A, AA9A, with the letters allowed.
_OUTWARD_RULES = re.compile(
    r"^(?:[A-PR-UWYZ][0-9]{1,2}"
    r"|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}"
    r"|[A-PR-UWYZ][0-9][A-HJKPSTUW]"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])$"
)
_INWARD_RULES = re.compile(r"^[0-9][ABD-HJLNP-UW-Z]{2}$")
# The one postcode whose outward code breaks the rules: Girobank's.
_SPECIAL = {"GIR 0AA"}


@dataclass(frozen=True)
class PostcodeMention:
    text: str  # as written in the question, to be replaced by the seat's name
    outward: str  # "SW1A"
    inward: str | None  # "1AA"; None for an outward code alone
    valid: bool  # of a form a postcode can have

    @property
    def postcode(self) -> str:
        """'SW1A 1AA', or the outward code alone."""
        return f"{self.outward} {self.inward}" if self.inward else self.outward


def find_postcode(question: str) -> PostcodeMention | None:
    """The postcode or outward code in a question, if any; a full one is preferred."""
    full = _FULL.search(question)
    if full is not None:
        outward, inward = full.group(1).upper(), full.group(2).upper()
        valid = f"{outward} {inward}" in _SPECIAL or bool(
            _OUTWARD_RULES.match(outward) and _INWARD_RULES.match(inward)
        )
        return PostcodeMention(full.group(0), outward, inward, valid)
    for found in _OUTWARD.finditer(question):
        outward = found.group(1).upper()
        if _OUTWARD_RULES.match(outward):
            return PostcodeMention(found.group(0), outward, None, True)
    return None
