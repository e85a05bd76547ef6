"""Two of a kind side by side: a party's share in two seats, or two parties' in each nation.

For two seats, each party's bars are in its colour, the second seat's a lighter tint with an
outline; for two parties, each series is in its party's colour. Every bar is labelled with
its name and share in words, so neither tint nor colour has to be told apart.
"""

from __future__ import annotations

from PIL import Image, ImageDraw

from bot.charts.canvas import MARGIN, WIDTH, fitted, lines_height, small_print, write
from bot.charts.colours import BACKGROUND, MUTED, TEXT, lighter, party_colour
from bot.engine.model.chart_data import GroupedBars

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
    most = max((v or 0 for group in chart.groups for v in group.values), default=0)
    label_room = 300
    scale = (WIDTH - 2 * MARGIN - label_room) / (most or 1)
    for group in chart.groups:
        write(draw, (MARGIN, top), group.label, PARTY, bold=True)
        bar_top = top + PARTY + 12
        for series, ((name, party_id), share) in enumerate(
            zip(chart.series, group.values, strict=True)
        ):
            tinted = group.party_id is not None and series == 1
            colour = party_colour(group.party_id or party_id)
            fill = lighter(colour) if tinted else colour
            length = max(4.0, (share or 0) * scale)
            if share is not None:
                draw.rectangle(
                    (MARGIN, bar_top, MARGIN + length, bar_top + BAR_HEIGHT),
                    fill=fill, outline=TEXT if tinted else None, width=2 if tinted else 0,
                )  # fmt: skip
            seat = name
            said = f"{seat} {share:.1f}%" if share is not None else f"{seat}: did not stand"
            end = MARGIN + (length if share is not None else 0) + 12
            write(draw, (end, bar_top), fitted(said, LABEL, WIDTH - MARGIN - end), LABEL, MUTED)
            bar_top += BAR_HEIGHT + 10
        top += GROUP
    small_print(draw, top, chart.small_print)
    return image
