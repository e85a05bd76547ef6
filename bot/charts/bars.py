"""A seat's result as bars: one per candidate, largest first, in the party's colour.

Each candidate takes two lines: their name, party and figures in words, then the bar, all
bars starting at the same left edge and scaled to the largest, so lengths compare at a
glance. The winner (and the person asked about) is marked in words beside the name.
"""

from __future__ import annotations

from PIL import Image, ImageDraw

from bot.charts.canvas import MARGIN, WIDTH, fitted, lines_height, small_print, text_width, write
from bot.charts.colours import BACKGROUND, MUTED, RULE, TEXT, party_colour
from bot.engine.model.chart_data import Bar, BarChart

TITLE, SUBTITLE, NAME, DETAIL, FIGURES, FOOTER = 48, 32, 34, 28, 30, 30
BAR_HEIGHT = 30
ROW = NAME + 14 + BAR_HEIGHT + 26  # text, gap, bar, space before the next


def draw_bars(chart: BarChart) -> Image.Image:
    height: float = MARGIN + TITLE + 16 + (SUBTITLE + 24 if chart.subtitle else 8)
    height += ROW * len(chart.bars) + 8
    height += (FOOTER + 16) * (bool(chart.footer) + bool(chart.more))
    height += lines_height(chart.small_print, 22) + MARGIN
    image = Image.new("RGB", (WIDTH, int(height)), BACKGROUND)
    draw = ImageDraw.Draw(image)
    top = float(MARGIN)
    write(draw, (MARGIN, top), fitted(chart.title, TITLE, WIDTH - 2 * MARGIN, True), TITLE,
          bold=True)  # fmt: skip
    top += TITLE + 16
    if chart.subtitle:
        write(draw, (MARGIN, top), chart.subtitle, SUBTITLE, MUTED)
        top += SUBTITLE + 24
    else:
        top += 8
    most = max((bar.value for bar in chart.bars), default=0) or 1
    for bar in chart.bars:
        _row(draw, top, bar, most, chart.votes_published)
        top += ROW
    draw.line((MARGIN, top, WIDTH - MARGIN, top), fill=RULE, width=2)
    top += 16
    if chart.more:
        noun = "candidate" if chart.more == 1 else "candidates"
        write(draw, (MARGIN, top), f"and {chart.more} more {noun}, not shown", FOOTER, MUTED)
        top += FOOTER + 16
    if chart.footer:
        write(draw, (MARGIN, top), chart.footer, FOOTER, TEXT, bold=True)
        top += FOOTER + 16
    small_print(draw, top + 8, chart.small_print)
    return image


def _row(draw: ImageDraw.ImageDraw, top: float, bar: Bar, most: int, counted: bool) -> None:
    figures = f"{bar.value:,}" + (f" · {bar.share:.1f}%" if bar.share is not None else "")
    figures = figures if counted else ""  # a declared seat's votes not yet out: no figures
    figures_width = text_width(figures, FIGURES) + 24
    room = WIDTH - 2 * MARGIN - figures_width
    name = fitted(bar.label, NAME, room * 0.6, bold=True)
    write(draw, (MARGIN, top), name, NAME, bold=True)
    after = MARGIN + text_width(name, NAME, bold=True) + 14
    said = " · ".join(part for part in (bar.detail, bar.marked) if part)
    write(draw, (after, top + NAME - DETAIL), fitted(said, DETAIL, MARGIN + room - after), DETAIL,
          MUTED if not bar.marked else TEXT, bold=bool(bar.marked))  # fmt: skip
    write(draw, (WIDTH - MARGIN, top), figures, FIGURES, anchor="ra")
    if not counted:
        return
    bar_top = top + NAME + 14
    length = max(8.0, (WIDTH - 2 * MARGIN) * bar.value / most)  # a sliver still shows
    draw.rectangle(
        (MARGIN, bar_top, MARGIN + length, bar_top + BAR_HEIGHT),
        fill=party_colour(bar.party_id),
        outline=TEXT if bar.marked else None,
        width=3 if bar.marked else 0,
    )
