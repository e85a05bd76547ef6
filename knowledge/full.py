"""Every seed together: the article with its curated facts, and the House of Commons
Library's official results, reconciled. This is what `python -m knowledge build` writes to
knowledge/results.json, the knowledge the bot ships with."""

from __future__ import annotations

from pathlib import Path

from knowledge.build import DEFAULT_CURATED, REPO_ROOT, build_article_knowledge
from knowledge.former import with_former_seats
from knowledge.history import HISTORY_SEEDS, with_history
from knowledge.hoc import read_official
from knowledge.merge import merge
from knowledge.reconcile import Report
from knowledge.recorded import RECORDED_TIMES, with_recorded_times
from knowledge.schema import Knowledge

OFFICIAL_SEEDS = Path("seeds") / "hoc-ge2024"
OFFICIAL_CANDIDATES = OFFICIAL_SEEDS / "HoC-GE2024-results-by-candidate.csv"
OFFICIAL_CONSTITUENCIES = OFFICIAL_SEEDS / "HoC-GE2024-results-by-constituency.csv"
OVERLAPS = Path("seeds") / "hoc-boundaries" / "constituency-area-overlaps-2010-2024.csv"


def build_full_knowledge(
    curated_path: Path = DEFAULT_CURATED, root: Path = REPO_ROOT
) -> tuple[Knowledge, Report]:
    """The shipped knowledge and the reconciliation report of its two sources."""
    article = build_article_knowledge(curated_path, root)
    official = read_official(root / OFFICIAL_CANDIDATES, root / OFFICIAL_CONSTITUENCIES)
    knowledge, report = merge(article, official, root)
    knowledge = with_recorded_times(knowledge, root / RECORDED_TIMES, root)
    knowledge = with_former_seats(knowledge, root / OVERLAPS, root)
    return with_history(knowledge, root / HISTORY_SEEDS, root / OVERLAPS, root), report


def import_official(
    candidates: Path, constituencies: Path | None, curated_path: Path = DEFAULT_CURATED
) -> tuple[Knowledge, Report]:
    """The article's knowledge merged with official files a user brings (newer, corrected)."""
    article = build_article_knowledge(curated_path)
    return merge(article, read_official(candidates, constituencies))
