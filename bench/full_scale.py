"""The engine on the shipped knowledge (the official results of 650 seats, 4,515 candidates,
and the article): build, load and engine-build times, peak memory, the console's start to
first answer, and whole answers beside the naive baseline."""

from __future__ import annotations

import gc
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from bench.mix import COMPUTED_MIX, HISTORY_MIX, MIX
from bench.synthetic import synthetic_mix
from bot.engine import Conversation, Engine
from bot.startup import start_engine
from knowledge.full import build_full_knowledge
from knowledge.load import SHIPPED_KNOWLEDGE, load_knowledge

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
CONSOLE_RUNS = 7
EARLIER_YEARS = (2010, 2015, 2017, 2019)


def run(
    timed: Callable[..., dict[str, float]],
    baseline: Callable[..., Callable[[str], str | None]],
    report: Callable[..., None],
) -> None:
    print_console_start()  # first, from a small parent: as a user's shell starts it
    started = time.perf_counter()
    build_full_knowledge()
    built = time.perf_counter() - started
    loads, builds = [], []
    for _ in range(5):
        started = time.perf_counter()
        loaded_knowledge = load_knowledge()
        loaded = time.perf_counter()
        Engine(loaded_knowledge)
        loads.append(loaded - started)
        builds.append(time.perf_counter() - loaded)
    del loaded_knowledge
    gc.collect()
    engine = start_engine(SHIPPED_KNOWLEDGE)  # the engine as the console and the bot start it
    knowledge = engine.catalog.knowledge
    entities = engine.catalog.entities()
    mix = synthetic_mix(entities, size=120, seed=11)
    # The peak with every election in memory: the races across elections, and each earlier
    # general election's own results for the evaluator
    across = [q for q, _ in HISTORY_MIX] + [f"biggest majority in {y}" for y in EARLIER_YEARS]
    peak = subprocess.run(
        [sys.executable, "-c", _PEAK_PROBE, str(SHIPPED_KNOWLEDGE), *(q for q, _ in mix),
         *across],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    size = SHIPPED_KNOWLEDGE.stat().st_size / 1e6
    print(
        f"Shipped knowledge ({size:.1f} MB, {len(knowledge.constituencies)} seats, "
        f"{len(knowledge.results):,} results of 2024, {len(knowledge.contests):,} contests of "
        f"{len(knowledge.elections)} earlier elections): build from the seeds {built:.2f} s; "
        f"load median {statistics.median(loads):.3f} s, engine build "
        f"{statistics.median(builds):.3f} s; peak memory {int(peak) / 1024:.0f} MB (load, "
        "build, the mix and every election's questions, in one process)"
    )
    print_first_across(engine)

    def engine_pick(question: str) -> str | None:
        answer = engine.answer(question, Conversation())
        return answer.entities[0] if answer.entities else None

    report(
        f"Whole answers, shipped knowledge, names with typos ({len(entities):,} names)",
        timed(engine_pick, mix),
        timed(baseline(entities), mix, rounds=10),
        len(mix),
    )
    report(
        "Whole answers, shipped knowledge, questions the evaluator computes",
        timed(engine_pick, COMPUTED_MIX, rounds=50),
        timed(baseline(entities), COMPUTED_MIX, rounds=5),
        len(COMPUTED_MIX),
    )
    report(
        "Whole answers, shipped knowledge, questions across elections (2010-2024, by-elections)",
        timed(engine_pick, HISTORY_MIX, rounds=50),
        timed(baseline(entities), HISTORY_MIX, rounds=5),
        len(HISTORY_MIX),
    )
    report(
        "Whole answers, shipped knowledge, the article's question mix",
        timed(engine_pick, MIX, rounds=50),
        timed(baseline(entities), MIX, rounds=5),
        len(MIX),
    )


def print_first_across(engine: Engine) -> None:
    """What the first question across elections costs (its races are built then), and the
    first computed question of each earlier general election (its own results are built)."""
    started = time.perf_counter()
    engine.answer("who won Islington North in 2019", Conversation())
    first = time.perf_counter() - started
    years = []
    for year in EARLIER_YEARS:
        started = time.perf_counter()
        engine.answer(f"biggest majority in {year}", Conversation())
        years.append(time.perf_counter() - started)
    print(
        f"First question across elections {first * 1000:.0f} ms; first computed question of "
        f"each earlier general election median {statistics.median(years) * 1000:.0f} ms "
        "(each built once, then cached)"
    )


def print_console_start() -> None:
    """`python -m bot ask` from a cold process to its printed answer, as a user runs it."""
    starts = []
    for _ in range(CONSOLE_RUNS):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "bot", "ask", "who won Clacton?"],
            check=True,
            capture_output=True,
        )
        starts.append(time.perf_counter() - started)
    starts.sort()
    print(
        f"\nConsole, start to first answer (shipped knowledge): median "
        f"{statistics.median(starts) * 1000:.0f} ms, worst {starts[-1] * 1000:.0f} ms "
        f'({CONSOLE_RUNS} runs of `python -m bot ask "who won Clacton?"`)'
    )
