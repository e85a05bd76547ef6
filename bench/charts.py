"""Charts: time to draw each seat's chart (all 650, uncached), the Commons chart, a cached
chart, and what importing the drawing code costs a process that draws nothing.

The library was chosen by measuring (November 2026, this machine): importing Pillow's drawing
modules took 2.5-3.8 ms, matplotlib.pyplot 225-413 ms, so matplotlib was never a dependency.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from bot.charts import render_png
from bot.engine import Engine

# What drawing adds to a process that has the engine already (the bot, the console).
IMPORT_PROBE = (
    "import time, bot.engine; start = time.perf_counter(); import bot.charts; "
    "print((time.perf_counter() - start) * 1000)"
)


def run(engine: Engine) -> None:
    seats = engine.catalog.knowledge.constituencies
    charts = [engine.answer(f"who won {seat.name}").chart for seat in seats]
    drawn = [chart for chart in charts if chart is not None]
    samples = []
    for chart in drawn:
        start = time.perf_counter()
        png = render_png(chart)
        samples.append(time.perf_counter() - start)
    samples.sort()
    cached_start = time.perf_counter()
    render_png(drawn[0])
    cached = time.perf_counter() - cached_start
    commons = engine.answer("how many seats did each party win").chart
    assert commons is not None
    render_png.cache_clear()
    start = time.perf_counter()
    commons_png = render_png(commons)
    commons_time = time.perf_counter() - start
    imports = sorted(
        float(subprocess.run([sys.executable, "-c", IMPORT_PROBE], capture_output=True,
                             text=True, check=True).stdout)
        for _ in range(5)
    )  # fmt: skip
    print(f"\nCharts (Pillow), {len(drawn)} seat charts drawn uncached")
    print(
        f"  seat chart: median {statistics.median(samples) * 1000:.1f} ms, "
        f"p99 {samples[int(len(samples) * 0.99)] * 1000:.1f} ms, "
        f"max {samples[-1] * 1000:.1f} ms; last one {len(png):,} bytes"
    )
    print(f"  Commons chart: {commons_time * 1000:.1f} ms, {len(commons_png):,} bytes")
    print(f"  a chart already drawn: {cached * 1e6:.0f} µs (cached)")
    print(
        f"  import bot.charts after the engine: median {statistics.median(imports):.1f} ms "
        "(5 processes)"
    )
