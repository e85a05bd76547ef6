"""Turning what people type into comparable tokens, the same way for names and questions."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?=\s|$)")
_NON_WORD = re.compile(r"[^a-z0-9%]+")
_DECIMAL = re.compile(r"(?<=\d)\.(?=\d)")
_COMMAND_NAME = re.compile(r"^/([A-Za-z0-9_]+)")
_LEADING_ADDRESS = re.compile(r"^\s*(?:/[A-Za-z0-9_]+(?:@\w+)?|@\w+)[\s,:]*")

# Spellings people use for the same word in seat names: "St." / "Saint", "&", N/S/E/W.
TOKEN_SYNONYMS = {
    "saint": "st",
    "n": "north",
    "s": "south",
    "e": "east",
    "w": "west",
    "ne": "north east",
    "nw": "north west",
    "se": "south east",
    "sw": "south west",
    "nth": "north",
    "sth": "south",
    "1st": "first",
    "2nd": "second",
    "3rd": "third",
    "4th": "fourth",
    "5th": "fifth",
    "6th": "sixth",
    "7th": "seventh",
    "8th": "eighth",
    "pct": "percent",
    "%": "percent",
}


# "lost there seats": the homophone slip, which would otherwise point at a seat in context
_THERE_FOR_THEIR = re.compile(r"\bthere(?=\s+seats?\b)", re.IGNORECASE)


def mend_slips(text: str) -> str:
    """Slips of the keyboard that change what a question means, put right."""
    return _THERE_FOR_THEIR.sub("their", text)


def strip_address(text: str) -> str:
    """Drop a leading /command, /command@Bot or @Bot, so the rest is the question.

    A bare command is its own question: "/help" asks for "help".
    """
    previous, original = None, text
    while previous != text:
        previous, text = text, _LEADING_ADDRESS.sub("", text, count=1)
    if not text.strip():
        command = _COMMAND_NAME.match(original.strip())
        return command.group(1) if command else ""
    return text


def fold(text: str) -> str:
    """Lower case, accents and curly quotes folded, '&' spelled out."""
    if text.isascii():  # most names and questions: no accents to strip, ten times faster
        return text.replace("`", "'").lower().replace("&", " and ")
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.lower().replace("&", " and ")


def tokens(text: str) -> list[str]:
    """Words of the text, folded, possessives dropped, synonyms applied."""
    # "20.5%": a decimal stays one token ("20d5"), which the reader reads back as 20.5.
    folded = _DECIMAL.sub("d", _POSSESSIVE.sub("", fold(text))).replace("%", " % ")
    words: list[str] = []
    for word in _NON_WORD.sub(" ", folded).split():
        words.extend(TOKEN_SYNONYMS.get(word, word).split())
    return words


@lru_cache(maxsize=1 << 15)
def phrase(text: str) -> str:
    """The normalised form of a name or phrase: its tokens joined by single spaces.

    Cached: the name index asks for the same surnames and place names thousands of times."""
    return " ".join(tokens(text))
