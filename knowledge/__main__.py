"""python -m knowledge: build the shipped knowledge from the seeds, or import newer official files.

python -m knowledge build [--out PATH] [--curated PATH] [--article-only] [--report]
python -m knowledge import-hoc CANDIDATES_CSV [--constituencies CSV] --out PATH [--curated PATH]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from knowledge.build import (
    DEFAULT_CURATED,
    DEFAULT_OUTPUT,
    build_article_knowledge,
    render_knowledge,
    write_atomically,
)
from knowledge.errors import KnowledgeError
from knowledge.full import build_full_knowledge, import_official
from knowledge.schema import Knowledge


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser(
        "build", help="build results.json from every seed: the article and the official results"
    )
    build.add_argument("--out", type=Path, default=DEFAULT_OUTPUT, help="where to write")
    build.add_argument("--curated", type=Path, default=DEFAULT_CURATED, help="curated facts")
    build.add_argument(
        "--article-only",
        action="store_true",
        help="the article's knowledge alone, no official data",
    )
    build.add_argument(
        "--report", action="store_true", help="print the whole reconciliation report"
    )
    hoc = commands.add_parser(
        "import-hoc", help="merge newer House of Commons Library results files with the article"
    )
    hoc.add_argument("candidates", type=Path, help="HoC-GE2024-results-by-candidate.csv")
    hoc.add_argument("--constituencies", type=Path, help="HoC-GE2024-results-by-constituency.csv")
    hoc.add_argument("--out", type=Path, required=True, help="where to write the knowledge")
    hoc.add_argument("--curated", type=Path, default=DEFAULT_CURATED, help="curated facts")
    options = parser.parse_args(argv)
    try:
        if options.command == "import-hoc":
            knowledge, report = import_official(
                options.candidates, options.constituencies, options.curated
            )
        elif options.article_only:
            knowledge, report = build_article_knowledge(options.curated), None
        else:
            knowledge, report = build_full_knowledge(options.curated)
        write_atomically(render_knowledge(knowledge), options.out)
    except KnowledgeError as error:
        print(f"{options.command} failed, nothing written: {error}", file=sys.stderr)
        return 2
    if report is not None:
        whole = options.command == "import-hoc" or options.report
        print("\n".join(report.lines() if whole else report.summary()))
    print(_written(options.out, knowledge))
    return 0


def _written(out: Path, knowledge: Knowledge) -> str:
    return (
        f"wrote {out}: {len(knowledge.constituencies)} seats, {len(knowledge.people)} people, "
        f"{len(knowledge.results)} results, {len(knowledge.facts)} facts"
    )


if __name__ == "__main__":
    sys.exit(main())
