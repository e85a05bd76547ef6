"""The engine on the official results (650 seats, 4,515 candidates), when ../shared/data is
beside the clone: import time, load time, peak memory, and the same timings as the rest of
the bench against the naive baseline."""

from __future__ import annotations

import contextlib
import io
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.synthetic import synthetic_mix
from bot.engine import Conversation, Engine
from knowledge.__main__ import main as knowledge_main
from knowledge.load import load_knowledge

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
CANDIDATES = DATA / "HoC-GE2024-results-by-candidate.csv"
CONSTITUENCIES = DATA / "HoC-GE2024-results-by-constituency.csv"

# VmHWM, not ru_maxrss: a child's ru_maxrss keeps the parent's peak from before exec.
_PEAK_PROBE = """
import sys
from pathlib import Path
from bot.engine import Engine
from knowledge.load import load_knowledge
engine = Engine(load_knowledge(Path(sys.argv[1])))
for question in sys.argv[2:]:
    engine.answer(question)
status = Path("/proc/self/status").read_text().splitlines()
print(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
"""


def run(
    timed: Callable[..., dict[str, float]],
    baseline: Callable[..., Callable[[str], str | None]],
    report: Callable[..., None],
) -> None:
    if not CANDIDATES.exists():
        print(f"\nFull scale: skipped, no official data at {DATA}")
        return
    with tempfile.TemporaryDirectory() as folder:
        built = Path(folder) / "full.json"
        started = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):  # the reconciliation report
            knowledge_main(
                ["import-hoc", str(CANDIDATES), "--constituencies", str(CONSTITUENCIES),
                 "--out", str(built)]
            )  # fmt: skip
        imported = time.perf_counter() - started
        loads, builds = [], []
        for _ in range(5):
            started = time.perf_counter()
            knowledge = load_knowledge(built)
            loaded = time.perf_counter()
            engine = Engine(knowledge)
            loads.append(loaded - started)
            builds.append(time.perf_counter() - loaded)
        entities = engine.catalog.entities()
        mix = synthetic_mix(entities, size=120, seed=11)
        peak = subprocess.run(
            [sys.executable, "-c", _PEAK_PROBE, str(built), *(q for q, _ in mix)],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip

        def engine_pick(question: str) -> str | None:
            answer = engine.answer(question, Conversation())
            return answer.entities[0] if answer.entities else None

        print(
            f"\nFull scale, official data: import {imported:.2f} s; knowledge load median "
            f"{statistics.median(loads):.3f} s, engine build {statistics.median(builds):.3f} s; "
            f"peak memory {int(peak) / 1024:.0f} MB (load, build and the mix, in one process)"
        )
        report(
            f"Whole answers at full scale ({len(entities):,} names)",
            timed(engine_pick, mix),
            timed(baseline(entities), mix, rounds=10),
            len(mix),
        )
