"""The knowledge file: reproducible, traceable, and the builder's refusals."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.build import (
    DEFAULT_CURATED,
    DEFAULT_OUTPUT,
    REPO_ROOT,
    build_article_knowledge,
    render_knowledge,
)
from knowledge.checks import numbers_in
from knowledge.errors import BuildError
from knowledge.full import OFFICIAL_CANDIDATES, OFFICIAL_SEEDS, OVERLAPS, build_full_knowledge
from knowledge.history import HISTORY_SEEDS
from knowledge.recorded import RECORDED_TIMES
from knowledge.schema import Knowledge, MajorityFact

ARTICLE = "seeds/socialist-worker-2912-pro-palestine-independents-claim-victory.txt"


def test_rebuild_reproduces_the_committed_file_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    done = subprocess.run(
        [sys.executable, "-m", "knowledge", "build", "--out", str(out)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == DEFAULT_OUTPUT.read_bytes()


def test_seed_is_the_shared_article_byte_for_byte() -> None:
    shared = REPO_ROOT.parent / "shared" / "seeds" / "000_165ec070a208fb43.txt"
    if shared.exists():  # only where the team's shared folder sits beside the clone
        assert (REPO_ROOT / ARTICLE).read_bytes() == shared.read_bytes()
    assert (REPO_ROOT / ARTICLE).stat().st_size > 0


def test_every_quote_sits_at_its_offsets(knowledge: Knowledge) -> None:
    article = (REPO_ROOT / ARTICLE).read_text(encoding="utf-8")
    quoted = [f for f in knowledge.facts if f.quote is not None]
    assert len(quoted) > 50
    for fact in quoted:
        assert article[fact.start : fact.end] == fact.quote, fact.id
        for number in fact.numbers():
            assert number in numbers_in(fact.quote), (fact.id, number)


def test_derived_facts_name_their_sources(knowledge: Knowledge) -> None:
    ids = {f.id for f in knowledge.facts}
    majorities = {f.seat: f.majority for f in knowledge.facts if isinstance(f, MajorityFact)}
    assert majorities["leicester-south"] == 979
    assert majorities["islington-north"] == 7247
    assert majorities["dewsbury-and-batley"] == 6934
    for fact in knowledge.facts:
        assert all(source in ids for source in fact.derived_from), fact.id


def test_all_23_list_lines_are_results(knowledge: Knowledge) -> None:
    listed = [f for f in knowledge.facts if f.id.startswith("list-")]
    assert len(listed) == 23
    seats = {c.id: c for c in knowledge.constituencies}
    assert seats["birmingham-perry-barr"].name == "Birmingham Perry Barr"
    assert "Birmingham Perry Bar" in seats["birmingham-perry-barr"].aliases
    people = {p.id: p for p in knowledge.people}
    assert "Iqbal Mohamad" in people["iqbal-mohamed"].aliases
    assert "Muhammad Ali Islam" in people["muhammed-ali-islam"].aliases
    oxford = next(r for r in knowledge.results if r.person == "jabu-nala-hartley")
    assert oxford.place == 8


@pytest.mark.parametrize("seat", ["walsall-and-bloxwich", "preston", "slough", "rochdale"])
def test_unstated_winners_stay_unknown(knowledge: Knowledge, seat: str) -> None:
    in_seat = [r for r in knowledge.results if r.seat == seat]
    assert in_seat
    assert not any(r.elected or r.place == 1 for r in in_seat)


# --- the builder's refusals, on a copy of the inputs with one thing broken -------------------


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    shutil.copy(REPO_ROOT / ARTICLE, tmp_path / ARTICLE)
    shutil.copy(DEFAULT_CURATED, tmp_path / "curated.toml")
    return tmp_path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _build(workspace: Path) -> Knowledge:
    return build_article_knowledge(workspace / "curated.toml", root=workspace)


def test_the_copy_builds(workspace: Path) -> None:
    assert len(_build(workspace).results) == len(build_article_knowledge().results)


BROKEN = {
    "malformed list line names its line": (
        ARTICLE,
        "Preston, 8,715 votes",
        "Preston, 8,715 voters",
        f"{ARTICLE}:75: malformed",
    ),
    "unknown finishing place": (
        ARTICLE,
        "573 votes, 1.5 percent, eighth",
        "573 votes, 1.5 percent, last",
        "unknown finishing place 'last'",
    ),
    "share that is no percentage": (
        ARTICLE,
        "8,715 votes, 22 percent",
        "8,715 votes, 220 percent",
        "not a percentage",
    ),
    "list and narrative disagree": (
        ARTICLE,
        "Shockat Adam, Leicester South, 14,739",
        "Shockat Adam, Leicester South, 14,793",
        "disagree on votes",
    ),
    "quote not verbatim": (
        "curated.toml",
        'quote = "Adam won 14,739 votes to Ashworth’s 13,760 votes."',
        'quote = "Adam won 14,739 votes to Ashworths 13,760 votes."',
        "fact 'leicester-south-adam': quote is not verbatim",
    ),
    "number not in its quote": (
        "curated.toml",
        "votes = 13760\nplace = 2",
        "votes = 13761\nplace = 2",
        "the number 13761 does not appear in its quote",
    ),
    "words not in the quote": (
        "curated.toml",
        'words = ["want something different"]',
        'words = ["want something new"]',
        "'want something new' does not appear in its quote",
    ),
    "duplicate id": (
        "curated.toml",
        'id = "leicester-south-ashworth"',
        'id = "leicester-south-adam"',
        "duplicate fact id 'leicester-south-adam'",
    ),
    "unknown reference": (
        "curated.toml",
        'opponent = "jon-ashworth"',
        'opponent = "jon-ashwort"',
        "opponent 'jon-ashwort' is not a known id",
    ),
    "unknown field": (
        "curated.toml",
        "share_qualifier = ",
        "share_qualifer = ",
        "fact 'islington-north-corbyn'",
    ),
    "invalid toml": ("curated.toml", "[[party]]", "[[party]", "invalid TOML"),
    "count that does not match": (
        "curated.toml",
        "count = 5",
        "count = 6",
        "says 6 independent winners, the results have 5",
    ),
    "comparison that is false": (
        "curated.toml",
        'higher = "islington-north-corbyn"\nlower = "holborn-starmer-2024"',
        'higher = "holborn-starmer-2024"\nlower = "islington-north-corbyn"',
        "it is not",
    ),
    "person not in the article": (
        "curated.toml",
        'name = "Azeem Rafiq"',
        'name = "Azim Rafiq"',
        "is not in the article",
    ),
}


@pytest.mark.parametrize("broken", BROKEN.values(), ids=list(BROKEN))
def test_builder_refuses(workspace: Path, broken: tuple[str, str, str, str]) -> None:
    file_name, old, new, message = broken
    _edit(workspace / file_name, old, new)
    with pytest.raises(BuildError) as refused:
        _build(workspace)
    assert message in str(refused.value)


def test_failed_build_leaves_the_output_untouched(workspace: Path) -> None:
    out = workspace / "results.json"
    out.write_text("previous", encoding="utf-8")
    _edit(workspace / "curated.toml", "count = 5", "count = 6")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "knowledge",
            "build",
            "--out",
            str(out),
            "--curated",
            str(workspace / "curated.toml"),
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1
    assert out.read_text(encoding="utf-8") == "previous"


def test_the_whole_build_from_a_copy_of_the_seeds_is_the_shipped_file(workspace: Path) -> None:
    shutil.copytree(REPO_ROOT / OFFICIAL_SEEDS, workspace / OFFICIAL_SEEDS)
    shutil.copytree(REPO_ROOT / OVERLAPS.parent, workspace / OVERLAPS.parent)
    shutil.copytree(REPO_ROOT / HISTORY_SEEDS, workspace / HISTORY_SEEDS)
    shutil.copytree(REPO_ROOT / RECORDED_TIMES.parent, workspace / RECORDED_TIMES.parent)
    knowledge, _ = build_full_knowledge(workspace / "curated.toml", root=workspace)
    # Paths are recorded from the root, so the same seeds anywhere build the same knowledge.
    assert render_knowledge(knowledge) == DEFAULT_OUTPUT.read_text(encoding="utf-8")


def test_a_broken_official_seed_stops_the_build_naming_file_and_line(workspace: Path) -> None:
    shutil.copytree(REPO_ROOT / OFFICIAL_SEEDS, workspace / OFFICIAL_SEEDS)
    _edit(workspace / OFFICIAL_CANDIDATES, ",21225,", ",21,225,")
    with pytest.raises(BuildError) as refused:
        build_full_knowledge(workspace / "curated.toml", root=workspace)
    assert f"{workspace / OFFICIAL_CANDIDATES}:992: Share '225' is not a fraction" in str(
        refused.value
    )


def test_a_broken_overlaps_seed_stops_the_build_naming_file_and_line(workspace: Path) -> None:
    shutil.copytree(REPO_ROOT / OFFICIAL_SEEDS, workspace / OFFICIAL_SEEDS)
    shutil.copytree(REPO_ROOT / OVERLAPS.parent, workspace / OVERLAPS.parent)
    shutil.copytree(REPO_ROOT / RECORDED_TIMES.parent, workspace / RECORDED_TIMES.parent)
    _edit(workspace / OVERLAPS, ",Bristol Central,", ",Bristol Centre,")
    with pytest.raises(BuildError) as refused:
        build_full_knowledge(workspace / "curated.toml", root=workspace)
    line = next(
        number
        for number, text in enumerate((REPO_ROOT / OVERLAPS).read_text("utf-8-sig").splitlines(), 1)
        if ",Bristol Central," in text
    )
    assert f"{workspace / OVERLAPS}:{line}: no 2024 seat is called 'Bristol Centre'" in str(
        refused.value
    )


def test_the_overlaps_seed_is_the_librarys_file_byte_for_byte() -> None:
    shipped = (REPO_ROOT / OVERLAPS).read_bytes()
    shared = REPO_ROOT.parent / "shared" / "data" / "history" / OVERLAPS.name
    knowledge = json.loads(DEFAULT_OUTPUT.read_text(encoding="utf-8"))
    recorded = next(s for s in knowledge["sources"] if s["path"] == OVERLAPS.as_posix())
    assert recorded["sha256"] == hashlib.sha256(shipped).hexdigest()
    assert "Open Parliament Licence v3.0" in (REPO_ROOT / OVERLAPS.parent / "README.md").read_text()
    if shared.exists():  # the team's shared copy, where the repository sits beside it
        assert shared.read_bytes() == shipped


def test_the_article_alone_builds_and_answers_from_the_console(tmp_path: Path) -> None:
    out = tmp_path / "article.json"
    built = subprocess.run(
        [sys.executable, "-m", "knowledge", "build", "--article-only", "--out", str(out)],
        cwd=REPO_ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    assert "24 seats, 30 people" in built.stdout
    asked = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "who won Preston?", "--knowledge", str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert asked.returncode == 0, asked.stderr
    assert asked.stdout.startswith("The article does not say who won Preston.")
