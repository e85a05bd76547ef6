"""Charts as PNG bytes: a pure function of an answer's chart data (bot/engine/model/chart_data.py).

No Telegram here, no file or network I/O: the front ends decide what to do with the bytes.
Pillow draws directly (importing it takes a few milliseconds; a plotting library took a
quarter of a second, measured in bench/charts.py), and every chart is drawn once per
process: the data is immutable, so it is its own cache key.
"""

from __future__ import annotations

import io
from functools import lru_cache

from PIL import Image

from bot.charts.bars import draw_bars
from bot.charts.commons import draw_commons
from bot.charts.grouped import draw_grouped
from bot.engine.model.chart_data import BarChart, Chart, SeatsChart

CACHED_CHARTS = 1024  # 650 seats, the national and regional charts, a few comparisons


@lru_cache(maxsize=CACHED_CHARTS)
def render_png(chart: Chart) -> bytes:
    if isinstance(chart, BarChart):
        image = draw_bars(chart)
    elif isinstance(chart, SeatsChart):
        image = draw_commons(chart)
    else:
        image = draw_grouped(chart)
    # A chart has a few flat colours and anti-aliased text: 64 colours look the same, and
    # make the file a third of the size and quicker to compress than full RGB.
    paletted = image.quantize(colors=64, method=Image.Quantize.FASTOCTREE)
    out = io.BytesIO()
    paletted.save(out, format="PNG", compress_level=6)
    return out.getvalue()
