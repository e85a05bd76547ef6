"""Seats by party as a Commons chart: a hemicycle of one dot per seat, parties in wedges from
the left, largest first, and for the whole House the line a majority must cross.

Dots go in concentric rows, each row holding seats in proportion to its length, as
parliament diagrams are drawn; then all the dots are taken by angle, left to right, and
given to the parties in turn, so each party is one wedge. A legend names every party with
its seats in words.
"""

from __future__ import annotations

import math

from PIL import Image, ImageDraw

from bot.charts.canvas import MARGIN, WIDTH, fitted, lines_height, small_print, write
from bot.charts.colours import BACKGROUND, TEXT, party_colour
from bot.engine.model.chart_data import SeatsChart

TITLE, LEGEND = 44, 30
RADIUS = (WIDTH - 2 * MARGIN) / 2
LEGEND_ROW = LEGEND + 18


def seat_positions(seats: int) -> tuple[list[tuple[float, float, float]], float]:
    """(angle, x, y) of each seat on a unit hemicycle, left (angle pi) to right (0); and the
    least distance between neighbours, which sizes the dots."""
    rows = max(1, round(math.sqrt(seats / 4.5)))
    inner = 0.35 if rows > 2 else 0.55
    radii = [inner + (1 - inner) * (row + 0.5) / rows for row in range(rows)]
    shares = [seats * radius / sum(radii) for radius in radii]
    counts = [math.floor(share) for share in shares]
    by_remainder = sorted(range(rows), key=lambda row: counts[row] - shares[row])
    for row in by_remainder[: seats - sum(counts)]:
        counts[row] += 1
    positions = []
    spacing = (1 - inner) / rows if rows > 1 else 1 - inner
    for radius, count in zip(radii, counts, strict=True):
        if count > 1:
            spacing = min(spacing, math.pi * radius / (count - 1))
        for k in range(count):
            angle = math.pi / 2 if count == 1 else math.pi * (1 - k / (count - 1))
            positions.append((angle, radius * math.cos(angle), radius * math.sin(angle)))
    positions.sort(key=lambda seat: (-round(seat[0], 9), math.hypot(seat[1], seat[2])))
    return positions, spacing


def draw_commons(chart: SeatsChart) -> Image.Image:
    columns = 2
    legend_rows = math.ceil(len(chart.parties) / columns)
    height = MARGIN + TITLE + 24 + RADIUS + 24 + (LEGEND + 16 if chart.majority else 0)
    height += legend_rows * LEGEND_ROW + 16 + lines_height(chart.small_print, 22) + MARGIN
    image = Image.new("RGB", (WIDTH, int(height)), BACKGROUND)
    draw = ImageDraw.Draw(image)
    write(draw, (MARGIN, MARGIN), fitted(chart.title, TITLE, WIDTH - 2 * MARGIN, True), TITLE,
          bold=True)  # fmt: skip
    centre_x, base = WIDTH / 2, MARGIN + TITLE + 24 + RADIUS
    positions, spacing = seat_positions(chart.total)
    dot = min(spacing * RADIUS * 0.44, 40)
    colours = [party_colour(bar.party_id) for bar in chart.parties for _ in range(bar.value)]
    for (_, x, y), colour in zip(positions, colours, strict=True):
        cx, cy = centre_x + x * (RADIUS - dot), base - y * (RADIUS - dot)
        draw.ellipse((cx - dot, cy - dot, cx + dot, cy + dot), fill=colour)
    top = base + 24
    if chart.majority:
        draw.line((centre_x, base, centre_x, base - RADIUS - 4), fill=TEXT, width=3)
        write(draw, (centre_x, top), f"{chart.majority} seats for a majority", LEGEND, TEXT,
              anchor="ma")  # fmt: skip
        top += LEGEND + 16
    column_width = (WIDTH - 2 * MARGIN) / columns
    for number, bar in enumerate(chart.parties):
        x = MARGIN + (number % columns) * column_width
        y = top + (number // columns) * LEGEND_ROW
        draw.rectangle((x, y + 4, x + LEGEND - 4, y + LEGEND), fill=party_colour(bar.party_id))
        label = fitted(f"{bar.label}: {bar.value}", LEGEND, column_width - LEGEND - 24)
        write(draw, (x + LEGEND + 10, y), label, LEGEND, TEXT)
    top += legend_rows * LEGEND_ROW + 16
    small_print(draw, top, chart.small_print)
    return image
