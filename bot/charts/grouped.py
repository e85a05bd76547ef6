"""Two seats side by side: for each party, its share in the first seat and in the second.

The first seat's bar is in the party's colour, the second's in a lighter tint of it with an
outline; each bar is labelled with its seat and share in words, so neither the tint nor the
colour has to be told apart.
"""

from __future__ import annotations

from PIL import Image, ImageDraw

from bot.charts.canvas import MARGIN, WIDTH, fitted, lines_height, small_print, write
from bot.charts.colours import BACKGROUND, MUTED, TEXT, lighter, party_colour
from bot.engine.chart_data import GroupedBars

TITLE, PARTY, LABEL = 40, 32, 26
BAR_HEIGHT = 28
GROUP = PARTY + 12 + 2 * (BAR_HEIGHT + 10) + 22


def draw_grouped(chart: GroupedBars) -> Image.Image:
    height: float = MARGIN + TITLE + 28 + GROUP * len(chart.groups)
    height += lines_height(chart.small_print, 22) + MARGIN
    image = Image.new("RGB", (WIDTH, int(height)), BACKGROUND)
    draw = ImageDraw.Draw(image)
    write(draw, (MARGIN, MARGIN), fitted(chart.title, TITLE, WIDTH - 2 * MARGIN, True), TITLE,
          bold=True)  # fmt: skip
    top = MARGIN + TITLE + 28
    most = max((share or 0 for _, _, *shares in chart.groups for share in shares), default=0)
    label_room = 300
    scale = (WIDTH - 2 * MARGIN - label_room) / (most or 1)
    for party, party_id, *shares in chart.groups:
        write(draw, (MARGIN, top), party, PARTY, bold=True)
        bar_top = top + PARTY + 12
        colour = party_colour(party_id)
        for series, (seat, share) in enumerate(zip(chart.series, shares, strict=True)):
            fill = colour if series == 0 else lighter(colour)
            length = max(4.0, (share or 0) * scale)
            if share is not None:
                draw.rectangle(
                    (MARGIN, bar_top, MARGIN + length, bar_top + BAR_HEIGHT),
                    fill=fill, outline=TEXT if series else None, width=2 if series else 0,
                )  # fmt: skip
            said = f"{seat} {share:.1f}%" if share is not None else f"{seat}: did not stand"
            end = MARGIN + (length if share is not None else 0) + 12
            write(draw, (end, bar_top), fitted(said, LABEL, WIDTH - MARGIN - end), LABEL, MUTED)
            bar_top += BAR_HEIGHT + 10
        top += GROUP
    small_print(draw, top, chart.small_print)
    return image
