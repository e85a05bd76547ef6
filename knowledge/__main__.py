"""python -m knowledge build [--out PATH] [--curated PATH]: rebuild the knowledge file."""

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build results.json from seeds/ and curated.toml")
    build.add_argument("--out", type=Path, default=DEFAULT_OUTPUT, help="where to write")
    build.add_argument("--curated", type=Path, default=DEFAULT_CURATED, help="curated facts")
    options = parser.parse_args(argv)
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


if __name__ == "__main__":
    sys.exit(main())
