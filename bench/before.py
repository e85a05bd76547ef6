"""The console's start to first answer, now beside the code that held the 2024 results alone
(before issue 17), in one run: the earlier commit is unpacked from git into a temporary folder and
both are started alternately, so a busy machine slows both alike."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

# The last commit with the 2024 results alone, before the earlier elections (issue 17);
# BENCH_BASELINE_REF picks another.
BASELINE_REF = os.environ.get("BENCH_BASELINE_REF", "e28d17f")
RUNS = 9
QUESTION = "who won Clacton?"
REPO = Path(__file__).resolve().parents[1]


def _unpacked(ref: str, into: Path) -> bool:
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", ref, "bot", "knowledge"],
        capture_output=True, check=False,
    )  # fmt: skip
    if archive.returncode != 0:
        return False
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    return True


def _started(cwd: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bot", "ask", QUESTION], cwd=cwd, env=env, check=True,
        capture_output=True,
    )  # fmt: skip
    return time.perf_counter() - started


def run() -> None:
    with tempfile.TemporaryDirectory() as folder:
        earlier = Path(folder)
        if not _unpacked(BASELINE_REF, earlier):
            print(f"\nConsole start beside {BASELINE_REF}: that commit is not in this clone.")
            return
        now, before = [], []
        for _ in range(RUNS):
            now.append(_started(REPO))
            before.append(_started(earlier))
    ratio = statistics.median(now) / statistics.median(before)
    print(
        f"\nConsole, start to first answer, now beside {BASELINE_REF} (2024 results alone, "
        "before issue 17), "
        f"{RUNS} alternating runs of `python -m bot ask {QUESTION!r}`: now median "
        f"{statistics.median(now) * 1000:.0f} ms, before {statistics.median(before) * 1000:.0f}"
        f" ms; ratio {ratio:.2f}"
    )
