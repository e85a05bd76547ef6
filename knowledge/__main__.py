"""python -m knowledge: build the article's knowledge, or import the official results.

python -m knowledge build [--out PATH] [--curated PATH]
python -m knowledge import-hoc CANDIDATES_CSV [--constituencies CSV] --out PATH
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from knowledge.build import (
    DEFAULT_CURATED,
    DEFAULT_OUTPUT,
    build_knowledge,
    render_knowledge,
    write_atomically,
)
from knowledge.errors import KnowledgeError
from knowledge.hoc import read_official
from knowledge.load import SHIPPED_KNOWLEDGE, load_knowledge
from knowledge.merge import merge


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build results.json from seeds/ and curated.toml")
    build.add_argument("--out", type=Path, default=DEFAULT_OUTPUT, help="where to write")
    build.add_argument("--curated", type=Path, default=DEFAULT_CURATED, help="curated facts")
    hoc = commands.add_parser(
        "import-hoc", help="merge the House of Commons Library results with the article's"
    )
    hoc.add_argument("candidates", type=Path, help="HoC-GE2024-results-by-candidate.csv")
    hoc.add_argument("--constituencies", type=Path, help="HoC-GE2024-results-by-constituency.csv")
    hoc.add_argument("--out", type=Path, required=True, help="where to write the knowledge")
    hoc.add_argument(
        "--article", type=Path, default=SHIPPED_KNOWLEDGE, help="the article's knowledge file"
    )
    options = parser.parse_args(argv)
    if options.command == "import-hoc":
        return _import_hoc(options.candidates, options.constituencies, options.out, options.article)
    try:
        knowledge = build_knowledge(options.curated)
        write_atomically(render_knowledge(knowledge), options.out)
    except KnowledgeError as error:
        print(f"knowledge build failed: {error}", file=sys.stderr)
        return 2
    print(
        f"wrote {options.out}: {len(knowledge.constituencies)} seats, {len(knowledge.people)} "
        f"people, {len(knowledge.results)} results, {len(knowledge.facts)} facts"
    )
    return 0


def _import_hoc(candidates: Path, constituencies: Path | None, out: Path, article: Path) -> int:
    try:
        official = read_official(candidates, constituencies)
        merged, report = merge(load_knowledge(article), official)
        write_atomically(render_knowledge(merged), out)
    except KnowledgeError as error:
        print(f"import failed, nothing written: {error}", file=sys.stderr)
        return 2
    print("\n".join(report.lines()))
    print(
        f"wrote {out}: {len(merged.constituencies)} seats, {len(merged.people)} people, "
        f"{len(merged.results)} results, {len(merged.facts)} facts"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
