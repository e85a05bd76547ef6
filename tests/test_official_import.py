"""Importing the official results: refusals by file and line, the merge, the report."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.build import REPO_ROOT
from knowledge.errors import BuildError
from knowledge.full import OFFICIAL_CANDIDATES, OFFICIAL_CONSTITUENCIES, build_full_knowledge
from knowledge.hoc import read_official
from knowledge.load import load_knowledge
from knowledge.merge import merge
from knowledge.reconcile import Report, share_agrees, stated_decimals
from knowledge.schema import DiscrepancyFact, Knowledge
from tests.official_data import (
    CANDIDATE_COLUMNS,
    SEAT_COLUMNS,
    candidate_rows,
    seat_rows,
    write_csv,
    write_official,
)


@pytest.fixture
def official_files(tmp_path: Path) -> tuple[Path, Path]:
    return write_official(tmp_path)


@pytest.fixture
def merged(official_files: tuple[Path, Path], knowledge: Knowledge) -> tuple[Knowledge, Report]:
    return merge(knowledge, read_official(*official_files))


def test_reads_both_files(official_files: tuple[Path, Path]) -> None:
    data = read_official(*official_files)
    assert len(data.seats) == 8
    assert sum(len(rows) for rows in data.candidates.values()) == 22
    assert data.seats["T01"].result == "Ind gain from Lab"
    assert data.warnings == []


def _broken_candidates(tmp_path: Path, change: str) -> Path:
    rows = candidate_rows()
    columns = list(CANDIDATE_COLUMNS)
    if change == "missing column":
        columns.remove("Votes")
        rows = [{k: v for k, v in r.items() if k != "Votes"} for r in rows]
    elif change == "votes not a number":
        rows[4]["Votes"] = "18,88O"
    elif change == "shares far from 100%":
        rows[0]["Share"] = "0.9"
    elif change == "listed twice":
        rows.insert(3, dict(rows[2]))
    elif change == "share not a fraction":
        rows[1]["Share"] = "35.2"
    return write_csv(tmp_path / "bad-candidates.csv", columns, rows)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("missing column", ":1: missing column 'Votes'"),
        ("votes not a number", ":6: Votes '18,88O' is not a whole number"),
        ("shares far from 100%", ":2: the shares in 'Leicester South' add up to"),
        ("listed twice", "is listed twice in 'Leicester South'"),
        ("share not a fraction", ":3: Share '35.2' is not a fraction"),
    ],
)
def test_refuses_a_bad_candidates_file(tmp_path: Path, change: str, message: str) -> None:
    bad = _broken_candidates(tmp_path, change)
    with pytest.raises(BuildError) as refused:
        read_official(bad)
    assert str(bad) in str(refused.value)
    assert message in str(refused.value)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("Member surname", "Ashworth", "the winner of 'Leicester South' is 'Shockat Ashworth'"),
        ("Valid votes", "35000", "has 35000 valid votes here but its candidates' votes"),
        ("Majority", "900", "has a majority of 900 here but 979"),
    ],
)
def test_refuses_files_that_disagree(tmp_path: Path, field: str, value: str, message: str) -> None:
    candidates = write_csv(tmp_path / "c.csv", CANDIDATE_COLUMNS, candidate_rows())
    rows = seat_rows()
    rows[0][field] = value
    seats = write_csv(tmp_path / "s.csv", SEAT_COLUMNS, rows)
    with pytest.raises(BuildError) as refused:
        read_official(candidates, seats)
    assert f"{seats}:2:" in str(refused.value)
    assert message in str(refused.value)


def test_a_misspelt_seat_name_is_joined_by_its_code_and_reported(tmp_path: Path) -> None:
    rows = candidate_rows()
    rows[1]["Constituency name"] = "LeiLeicester South"
    candidates = write_csv(tmp_path / "c.csv", CANDIDATE_COLUMNS, rows)
    data = read_official(candidates, write_csv(tmp_path / "s.csv", SEAT_COLUMNS, seat_rows()))
    assert len(data.candidates["T01"]) == 4
    assert any("'LeiLeicester South'" in w and ":3:" in w for w in data.warnings)


def test_article_people_match_their_official_rows(merged: tuple[Knowledge, Report]) -> None:
    knowledge, report = merged
    people = {p.id: p for p in knowledge.people}
    assert people["jon-ashworth"].name == "Jonathan Ashworth"
    assert "Jon Ashworth" in people["jon-ashworth"].aliases
    assert people["jess-phillips"].name == "Jess Phillips"
    assert any("Jess Phillips" in line and "Birmingham Yardley" in line for line in report.matched)
    assert any(line.startswith("Azeem Rafiq: not a candidate") for line in report.unmatched)
    smiths = [p for p in knowledge.people if p.name == "Greg Smith"]
    assert len(smiths) == 2


def test_disagreements_become_facts_and_report_lines(merged: tuple[Knowledge, Report]) -> None:
    knowledge, report = merged
    found = {
        (f.field, f.article, f.official) for f in knowledge.facts if isinstance(f, DiscrepancyFact)
    }
    assert ("votes", "18,888", "18,880") in found
    # "22 percent" is 21.8% rounded as the article rounds; 35.2% is not 41.5% at any precision.
    assert not any(field == "share" and said == "22%" for field, said, _ in found)
    assert ("share", "35.2%", "41.5%") in found
    assert ("party", "Independent", "Liverpool Community Independents") in found
    assert ("margin", "only 700", "693") in found
    assert ("majority", "11,576", "11,568") in found
    assert any("Keir Starmer: votes 18,888 in the article, 18,880 officially" in line
               and "8 higher" in line for line in report.disagreements)  # fmt: skip


@pytest.mark.parametrize(
    ("quote", "stated", "qualifier", "exact", "agrees"),
    [
        ("Iqbal Mohamed won 41 percent", 41.0, None, 41.08, True),
        ("Michael Lavalette, Preston, 8,715 votes, 22 percent, second", 22.0, None, 21.79, True),
        ("Azhar Iqbal Chohan, Slough, 11,019 votes, 25.37 percent", 25.37, None, 25.46, False),
        ("Corbyn won 24,120 votes—almost 50 percent", 50.0, "almost", 49.2, True),
        ("Corbyn won 24,120 votes—almost 50 percent", 50.0, "almost", 50.3, False),
        ("Feinstein came second with 7,312 votes—19 percent", 19.0, None, 18.9, True),
        ("Feinstein came second with 7,312 votes—19 percent", 19.0, None, 18.4, False),
    ],
)
def test_shares_agree_at_the_precision_the_article_states(
    quote: str, stated: float, qualifier: str | None, exact: float, agrees: bool
) -> None:
    decimals = stated_decimals(stated, quote)
    assert share_agrees(stated, qualifier, exact, decimals) is agrees


def test_every_fact_keeps_its_source(merged: tuple[Knowledge, Report]) -> None:
    knowledge, _ = merged
    sources = {s.id: s for s in knowledge.sources}
    assert {s.kind for s in sources.values()} == {"article", "dataset"}
    for fact in knowledge.facts:
        if fact.row is not None:
            assert sources[fact.source or ""].kind == "dataset"
        elif fact.quote is not None:
            assert sources[fact.source or ""].kind == "article"


def test_import_command_writes_the_file_and_the_report(
    tmp_path: Path, official_files: tuple[Path, Path]
) -> None:
    out = tmp_path / "full.json"
    candidates, seats = official_files
    done = subprocess.run(
        [sys.executable, "-m", "knowledge", "import-hoc", str(candidates),
         "--constituencies", str(seats), "--out", str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "article people matched to official candidates:" in done.stdout
    assert "article figures checked against the official data:" in done.stdout
    assert "Keir Starmer: votes 18,888 in the article, 18,880 officially" in done.stdout
    assert len(load_knowledge(out).constituencies) >= 8


def test_import_command_refuses_and_writes_nothing(tmp_path: Path) -> None:
    bad = _broken_candidates(tmp_path, "votes not a number")
    out = tmp_path / "full.json"
    done = subprocess.run(
        [sys.executable, "-m", "knowledge", "import-hoc", str(bad), "--out", str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert f"{bad}:6:" in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.mark.parametrize("seed", [OFFICIAL_CANDIDATES, OFFICIAL_CONSTITUENCIES])
def test_the_official_seeds_are_the_librarys_files_byte_for_byte(
    seed: Path, shipped_knowledge: Knowledge
) -> None:
    shipped = REPO_ROOT / seed
    shared = SHARED_DATA / seed.name
    if shared.exists():  # only where the team's shared folder sits beside the clone
        assert shipped.read_bytes() == shared.read_bytes()
    recorded = {s.path: s.sha256 for s in shipped_knowledge.sources}
    assert recorded[seed.as_posix()] == hashlib.sha256(shipped.read_bytes()).hexdigest()


def test_the_shipped_knowledge_reconciles_the_real_files() -> None:
    knowledge, report = build_full_knowledge()
    assert len(knowledge.constituencies) == 650
    assert len(knowledge.results) == 4515
    assert len(report.matched) == 31
    found = {
        (f.subject, f.field): (f.article, f.official)
        for f in knowledge.facts
        if isinstance(f, DiscrepancyFact)
    }
    assert found[("holborn-and-st-pancras--keir-starmer", "votes")] == ("18,888", "18,884")
    assert found[("slough--azhar-iqbal-chohan", "share")] == ("25.37%", "25.5%")
    # "22 percent" (21.8%) and "41 percent" (41.1%) agree as the article rounds.
    assert ("preston--michael-lavalette", "share") not in found
    assert ("dewsbury-and-batley--iqbal-mohamed", "share") not in found
    assert len(report.disagreements) == len(found)


def test_a_name_the_librarys_file_double_encoded_is_mended_and_said(
    shipped_knowledge: Knowledge,
) -> None:
    from knowledge.hoc import _mended

    assert _mended("Ã\x81ine") == "Áine"
    assert _mended("Môn") == "Môn"  # Latin-1 letters that are not mojibake stay as they are
    names = {person.name for person in shipped_knowledge.people}
    assert "Áine Groogan" in names
    assert not [n for n in names if any("\x80" <= c <= "\x9f" for c in n)]  # no C1 controls
