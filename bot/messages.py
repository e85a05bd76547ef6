"""Fitting Telegram HTML into Telegram's limits: 4,096 characters of text after parsing.

Answers are rendered as blocks separated by blank lines, each block with its tags closed
within it, and table or list blocks closed within each line; so splitting at block (then
line) boundaries never breaks markup.
"""

from __future__ import annotations

import re
from html import escape, unescape

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024  # a photo's caption, in characters after parsing
_TAG = re.compile(r"<[^>]+>")
TRIMMED_NOTE = "\n\n<i>(Trimmed to fit one message. Ask about one seat or person for more.)</i>"


def visible_length(html: str) -> int:
    """Length as Telegram counts it: text after parsing, in UTF-16 code units."""
    return len(unescape(_TAG.sub("", html)).encode("utf-16-le")) // 2


def split_html(html: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Consecutive messages, each within the limit, in order."""
    messages: list[str] = []
    current = ""
    for piece in _pieces(html, limit):
        joined = f"{current}\n\n{piece}" if current else piece
        if current and visible_length(joined) > limit:
            messages.append(current)
            joined = piece
        current = joined
    if current:
        messages.append(current)
    return messages


def fit_html(html: str, limit: int = TEXT_LIMIT) -> str:
    """One message: the whole text, or as much as fits with a note that it was trimmed."""
    if visible_length(html) <= limit:
        return html
    room = limit - visible_length(TRIMMED_NOTE)
    return split_html(html, room)[0] + TRIMMED_NOTE


def _pieces(html: str, limit: int) -> list[str]:
    """Blocks, with any block over the limit broken into lines (or cut, as a last resort)."""
    pieces: list[str] = []
    for block in html.split("\n\n"):
        if visible_length(block) <= limit:
            pieces.append(block)
        elif block.startswith("<blockquote"):
            opening = block[: block.index(">") + 1]  # <blockquote> or <blockquote expandable>
            pieces.append(f"{opening}{_cut(block, limit - 2)}</blockquote>")
        else:
            lines = (line for line in block.split("\n") if line)
            pieces.extend(
                line if visible_length(line) <= limit else _cut(line, limit) for line in lines
            )
    return pieces


def _cut(html: str, limit: int) -> str:
    """The start of a piece too long for any message, as plain text: its markup is dropped
    rather than risk cutting inside a tag."""
    text = unescape(_TAG.sub("", html))
    return escape(text[: limit - 2].rsplit(" ", 1)[0]) + " …"
