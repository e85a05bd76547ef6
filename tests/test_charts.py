"""Charts checked as images: they decode, their size is sane, bar lengths follow the votes,
each party's colour sits where that party is. One test also writes a handful to build/charts
for a person to look at."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pytest
from PIL import Image

from bot.charts import render_png
from bot.charts.canvas import MARGIN, WIDTH
from bot.charts.colours import NEUTRAL, PARTY_COLOURS, party_colour
from bot.charts.commons import RADIUS, TITLE
from bot.engine import Engine
from bot.engine.model.chart_data import BarChart, GroupedBars, SeatsChart

LOOK_AT_THEM = Path(__file__).resolve().parent.parent / "build" / "charts"
RGB = tuple[int, ...]
TEXT_RGB = (26, 26, 26)
WORDS = [TEXT_RGB, (90, 90, 90), (255, 255, 255)]  # text, muted text, background


def picture(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    return image.convert("RGB")


def rgb(colour: str) -> RGB:
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))


def near(found: RGB, wanted: RGB, tolerance: float = 24) -> bool:
    return math.dist(found, wanted) <= tolerance


def pixel(image: Image.Image, x: float, y: float) -> RGB:
    found = image.getpixel((int(x), int(y)))
    assert isinstance(found, tuple)
    return found


def bars_in(image: Image.Image) -> list[tuple[RGB, int]]:
    """Each bar, top to bottom: its colour and length in pixels, found by scanning down just
    inside the left edge for runs of one colour (not text's) at least 20 pixels tall, then
    across."""
    found: list[tuple[RGB, int]] = []
    x, y = MARGIN + 5, 0  # inside the 3-pixel outline of a marked bar
    while y < image.height:
        colour = pixel(image, x, y)
        run = 0
        while y + run < image.height and near(pixel(image, x, y + run), colour, 8):
            run += 1
        if run >= 20 and not any(near(colour, words, 30) for words in WORDS):
            middle = y + run // 2
            length = 0
            while near(pixel(image, x + length, middle), colour, 30):
                length += 1
            found.append((colour, length + 5))
        y += max(run, 1)
    return found


def test_a_seats_bars_follow_its_votes_in_its_parties_colours(shipped_engine: Engine) -> None:
    chart = shipped_engine.answer("who won clacton").chart
    assert isinstance(chart, BarChart)
    image = picture(render_png(chart))
    assert image.width == WIDTH
    assert 800 < image.height < 1600
    bars = bars_in(image)
    assert len(bars) == len(chart.bars) == 8
    longest = bars[0][1]
    for (colour, length), bar in zip(bars, chart.bars, strict=True):
        assert near(colour, rgb(party_colour(bar.party_id)), 30), bar.label
        expected = max(8, longest * bar.value / chart.bars[0].value)  # a sliver is 8 px
        assert abs(length - expected) <= max(4, expected * 0.02), bar.label
    assert [bar.label for bar in chart.bars[:2]] == ["Nigel Farage", "Giles Watling"]
    assert chart.bars[0].marked == "Elected"


def test_a_persons_chart_is_their_seats_with_them_marked(shipped_engine: Engine) -> None:
    chart = shipped_engine.answer("how did giles watling do").chart
    assert isinstance(chart, BarChart)
    assert chart.title == "Clacton"
    marked = {bar.label: bar.marked for bar in chart.bars if bar.marked}
    assert marked == {"Nigel Farage": "Elected", "Giles Watling": "Asked about"}


def test_the_commons_chart_gives_each_party_its_share_of_the_dots(
    shipped_engine: Engine,
) -> None:
    chart = shipped_engine.answer("how many seats did each party win").chart
    assert isinstance(chart, SeatsChart)
    assert chart.total == 650
    assert chart.majority == 326
    assert sum(bar.value for bar in chart.parties) == 650
    image = picture(render_png(chart))
    top, base = MARGIN + TITLE + 24, MARGIN + TITLE + 24 + RADIUS
    counted = {"labour": 0, "conservative": 0, "liberal-democrat": 0}
    coloured = 0
    for y in range(int(top), int(base), 2):
        for x in range(MARGIN, WIDTH - MARGIN, 2):
            found = pixel(image, x, y)
            if near(found, (255, 255, 255), 60) or near(found, TEXT_RGB, 60):
                continue
            coloured += 1
            for party in counted:
                counted[party] += near(found, rgb(PARTY_COLOURS[party]), 40)
    for party, seats in (("labour", 411), ("conservative", 121), ("liberal-democrat", 72)):
        assert abs(counted[party] / coloured - seats / 650) < 0.04, party
    bottom_row = [pixel(image, x, base - 8) for x in range(MARGIN, MARGIN + 80)]
    leftmost = next(found for found in bottom_row if not near(found, (255, 255, 255), 60))
    assert near(leftmost, rgb(PARTY_COLOURS["labour"]), 40)  # the largest party, from the left


def test_a_nation_gets_its_own_chart_without_a_commons_majority_line(
    shipped_engine: Engine,
) -> None:
    chart = shipped_engine.answer("seats in scotland").chart
    assert isinstance(chart, SeatsChart)
    assert chart.total == 57
    assert chart.majority is None
    assert chart.parties[0].label == "Labour"
    assert chart.parties[0].value == 37


def test_parties_without_a_colour_of_their_own_are_neutral() -> None:
    assert party_colour("count-binface-party") == NEUTRAL
    assert party_colour(None) == NEUTRAL


def test_two_seats_compare_as_grouped_bars_labelled_in_words(shipped_engine: Engine) -> None:
    chart = shipped_engine.answer("compare clacton and blackburn").chart
    assert isinstance(chart, GroupedBars)
    by_party = {group.label: group.values for group in chart.groups}
    assert by_party["Reform UK"] == (46.2, 12.5)
    assert by_party["Workers Party of Britain"] == (None, 18.3)  # did not stand in Clacton
    assert "Independent (3 candidates)" in by_party  # added together: said, not hidden
    assert picture(render_png(chart)).width == WIDTH


def test_an_article_only_seat_gets_no_chart_that_would_hide_candidates(engine: Engine) -> None:
    assert engine.answer("who won leicester south").chart is None


@pytest.mark.parametrize(
    "question",
    [
        "who won clacton", "who won islington north", "how did giles watling do",
        "how many seats did each party win", "seats in scotland", "seats in wales",
        "compare clacton and blackburn", "labour vs conservatives", "who won ynys mon",
    ],
)  # fmt: skip
def test_charts_render_quickly_to_look_at(shipped_engine: Engine, question: str) -> None:
    chart = shipped_engine.answer(question).chart
    assert chart is not None
    png = render_png(chart)
    image = picture(png)
    assert image.width == WIDTH
    assert image.width + image.height <= 10_000  # Telegram's photo limits
    assert len(png) < 10 * 1024 * 1024
    LOOK_AT_THEM.mkdir(parents=True, exist_ok=True)
    (LOOK_AT_THEM / f"{question.replace(' ', '-')}.png").write_bytes(png)


def test_the_font_draws_every_letter_of_every_name(shipped_engine: Engine) -> None:
    from bot.charts.canvas import font

    knowledge = shipped_engine.catalog.knowledge
    names = [s.name for s in knowledge.constituencies] + [p.name for p in knowledge.people]
    names += [p.name for p in knowledge.parties]
    letters = {char for name in names for char in name if not char.isspace()}
    face = font(30)
    missing_glyph = bytes(face.getmask("\ue000"))  # private use: no font has it
    absent = sorted(c for c in letters if bytes(face.getmask(c)) == missing_glyph)
    assert absent == []
