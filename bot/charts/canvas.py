"""Drawing helpers the charts share: the font, text that fits a width.

The font is Source Sans Pro (SIL Open Font License), installed as a Python package
(font-source-sans-pro), never looked for on the machine, so a chart looks the same
everywhere. Chosen over the font Pillow embeds (Aileron), which has no "ô" for Ynys Môn nor
"ŵ" for Welsh names, and has no bold.
"""

from __future__ import annotations

from functools import cache

import font_source_sans_pro
from PIL import ImageDraw, ImageFont

from bot.charts.colours import MUTED, TEXT

WIDTH = 1080  # Telegram shows photos up to 1280 px; a phone scales this to its width
MARGIN = 48


_FACES = {False: "SourceSansPro", True: "SourceSansProBold"}


@cache
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_source_sans_pro.font_files_ttf[_FACES[bold]], size)


def text_width(text: str, size: int, bold: bool = False) -> float:
    return font(size, bold).getlength(text)


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
    draw.text(at, text, font=font(size, bold), fill=colour, anchor=anchor)


def small_print(draw: ImageDraw.ImageDraw, top: float, text: str, size: int = 22) -> float:
    """The source and licence lines at the foot; returns where they end."""
    for line in wrapped(text, size, WIDTH - 2 * MARGIN):
        write(draw, (MARGIN, top), line, size, MUTED)
        top += size * 1.35
    return top


def lines_height(text: str, size: int) -> float:
    return len(wrapped(text, size, WIDTH - 2 * MARGIN)) * size * 1.35
