"""Drawing helpers the charts share: the fonts that come with Pillow, text that fits a width.

Pillow (10.1 and later) embeds a TrueType font (Aileron) reachable as load_default(size):
nothing is read from the machine, so a chart looks the same everywhere. It has one weight;
bold is drawn with a stroke of the text's own colour.
"""

from __future__ import annotations

from functools import cache

from PIL import ImageDraw, ImageFont

from bot.charts.colours import MUTED, TEXT

WIDTH = 1080  # Telegram shows photos up to 1280 px; a phone scales this to its width
MARGIN = 48


@cache
def font(size: int) -> ImageFont.FreeTypeFont:
    loaded = ImageFont.load_default(size)
    assert isinstance(loaded, ImageFont.FreeTypeFont), "Pillow built without FreeType"
    return loaded


def text_width(text: str, size: int, bold: bool = False) -> float:
    return font(size).getlength(text) + (2 if bold else 0)


def fitted(text: str, size: int, width: float, bold: bool = False) -> str:
    """The text, cut with an ellipsis if it would run past `width`."""
    if text_width(text, size, bold) <= width:
        return text
    while text and text_width(text + "…", size, bold) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def wrapped(text: str, size: int, width: float) -> list[str]:
    """The text in lines no wider than `width`, broken at spaces."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        joined = f"{line} {word}".strip()
        if line and text_width(joined, size) > width:
            lines.append(line)
            line = word
        else:
            line = joined
    return [*lines, line] if line else lines


def write(
    draw: ImageDraw.ImageDraw,
    at: tuple[float, float],
    text: str,
    size: int,
    colour: str = TEXT,
    bold: bool = False,
    anchor: str = "la",
) -> None:
    draw.text(
        at, text, font=font(size), fill=colour, anchor=anchor,
        stroke_width=1 if bold else 0, stroke_fill=colour,
    )  # fmt: skip


def small_print(draw: ImageDraw.ImageDraw, top: float, text: str, size: int = 22) -> float:
    """The source and licence lines at the foot; returns where they end."""
    for line in wrapped(text, size, WIDTH - 2 * MARGIN):
        write(draw, (MARGIN, top), line, size, MUTED)
        top += size * 1.35
    return top


def lines_height(text: str, size: int) -> float:
    return len(wrapped(text, size, WIDTH - 2 * MARGIN)) * size * 1.35
