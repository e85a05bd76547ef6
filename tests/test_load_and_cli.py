"""The console as people run it (subprocess), and what it does with a bad knowledge file."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import PROMPT, chat
from bot.engine import Engine
from knowledge.errors import KnowledgeFileError
from knowledge.load import load_knowledge


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_ask_answers_any_seat_from_the_shipped_knowledge() -> None:
    done = run("ask", "who won Clacton?")
    assert done.returncode == 0, done.stderr
    first = done.stdout.splitlines()[0]
    assert first == "Nigel Farage (Reform UK) won Clacton: Reform UK gain from Conservative."
    assert "Majority: 8,405 votes" in done.stdout


def test_ask_json_is_one_object_with_the_plain_text_and_each_source() -> None:
    done = run("ask", "how many votes did jeremy corbyn get", "--json")
    lines = done.stdout.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert set(record) == {"question", "status", "text", "entities", "query", "sources"}
    assert record["query"]["intent"] == "votes"
    assert record["query"]["keys"] == ["person:jeremy-corbyn"]
    assert record["status"] == "answered"
    assert "24,120" in record["text"]
    assert "person:jeremy-corbyn" in record["entities"]
    quoted = [s for s in record["sources"] if s["quoted"]]
    rows = [s for s in record["sources"] if not s["quoted"]]
    assert any("Corbyn won 24,120 votes" in s["text"] for s in quoted)
    assert all("Socialist Worker" in s["document"] for s in quoted)
    assert any(s["file"] == "HoC-GE2024-results-by-candidate.csv" and s["line"] for s in rows)
    plain = run("ask", "how many votes did jeremy corbyn get").stdout.rstrip("\n")
    assert record["text"] == plain


def test_chat_keeps_one_conversation_and_prints_no_prompt_when_piped() -> None:
    done = run(
        "chat",
        "--json",
        stdin="who won Leicester South\nhow many votes did he get\n\nHussain\nPerveen\n",
    )
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["status"] for r in records] == ["answered", "answered", "clarify", "answered"]
    assert "14,739" in records[1]["text"]
    assert "1,367" in records[3]["text"]
    plain = run("chat", stdin="who won blackburn\n")
    assert not plain.stdout.startswith(">")
    assert "Adnan Hussain" in plain.stdout


def test_missing_knowledge_file_is_one_line_and_status_2(tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    done = run("ask", "who won Leicester South", "--knowledge", str(missing))
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert str(missing) in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('{"schema_version": 1,\n "election": ', ":2: not valid JSON"),
        ('{"schema_version": 1}', "not a knowledge file: election: Field required"),
        ("\udcff", "not UTF-8 text"),
    ],
    ids=["truncated", "wrong shape", "not text"],
)
def test_invalid_knowledge_file_names_file_and_problem(
    tmp_path: Path, content: str, problem: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content.encode("utf-8", "surrogateescape"))
    with pytest.raises(KnowledgeFileError) as refused:
        load_knowledge(bad)
    assert str(bad) in str(refused.value)
    assert problem in str(refused.value)
    done = run("chat", "--knowledge", str(bad), stdin="hi\n")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert str(bad) in done.stderr


def test_python_dash_m_bot_and_the_console_script_agree() -> None:
    script = Path(sys.executable).with_name("electionbot")
    done = subprocess.run(
        [str(script), "ask", "who won blackburn"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert done.stdout == run("ask", "who won blackburn").stdout


@pytest.mark.parametrize("module", ["bot.cli", "bot.engine", "bot.render"])
def test_console_and_engine_import_no_telegram_nor_drawing_code(module: str) -> None:
    probe = (
        f"import sys, {module}; "
        "print(any(m.startswith(('telegram', 'PIL', 'bot.charts')) for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_chart_writes_the_picture_an_answer_would_carry(tmp_path: Path) -> None:
    out = tmp_path / "clacton.png"
    done = run("chart", "who won Clacton?", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"wrote {out}: Clacton (")
    assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    none = run("chart", "what did jeremy corbyn say?", "-o", str(tmp_path / "none.png"))
    assert none.returncode == 1
    assert (
        none.stderr
        == "electionbot: that answer has no chart (try a seat, a person, or seats by party)\n"
    )
    assert not (tmp_path / "none.png").exists()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_chat_prompts_only_at_a_terminal() -> None:
    engine = Engine(load_knowledge())
    typed, shown = _Terminal("who won blackburn\n"), io.StringIO()
    assert chat(engine, typed, shown, as_json=False, echo=False) == 0
    assert shown.getvalue().startswith(PROMPT)
    assert "Adnan Hussain" in shown.getvalue()
    piped, printed = io.StringIO("who won blackburn\n"), io.StringIO()
    chat(engine, piped, printed, as_json=False, echo=False)
    assert not printed.getvalue().startswith(PROMPT)


def run_bytes(*args: str, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, check=False,
        timeout=60, env={"PATH": "/usr/bin:/bin", "LC_ALL": "C"},
    )  # fmt: skip


def test_console_json_is_valid_utf8_whatever_bytes_it_reads() -> None:
    done = run_bytes("chat", "--json", stdin=b"who won clacton\xff\xfe?\n\xc3(\nHussain\n")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [r["status"] for r in records] == ["answered", "not_found", "clarify"]
    assert records[0]["question"] == "who won clacton\ufffd\ufffd?"
    assert records[0]["query"]["keys"] == ["seat:clacton"]


def test_knowledge_nested_too_deeply_is_refused_in_one_line(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text('{"schema_version": 1, "election": ' + "[" * 50_000 + "]" * 50_000 + "}")
    done = run("ask", "who won Clacton", "--knowledge", str(deep))
    assert done.returncode == 2
    assert done.stderr == f"electionbot: {deep}: not a knowledge file: nested too deeply\n"


def test_knowledge_far_larger_than_any_real_one_is_refused_unread(tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as sparse:  # a hole, not 65 MB written: the size is all that's read
        sparse.truncate(65 * 1024 * 1024)
    with pytest.raises(KnowledgeFileError, match=r"68,157,440 bytes is far larger"):
        load_knowledge(huge)


@pytest.mark.parametrize(
    ("where", "change", "problem"),
    [
        ("results", {"seat": "atlantis"}, "seat 'atlantis' is not a known id"),
        ("results", {"party": "pirates"}, "party 'pirates' is not a known id"),
        ("constituencies", {"facts": ["no-such-fact"]}, "fact 'no-such-fact' is not a known id"),
        ("facts", {"source": "a-tabloid"}, "source 'a-tabloid' is not a known id"),
    ],
)
def test_knowledge_naming_what_it_does_not_hold_is_refused_at_load(
    tmp_path: Path, where: str, change: dict[str, object], problem: str
) -> None:
    from knowledge.load import SHIPPED_KNOWLEDGE

    document = json.loads(SHIPPED_KNOWLEDGE.read_text(encoding="utf-8"))
    document[where][3].update(change)
    bad = tmp_path / "dangling.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(KnowledgeFileError) as refused:
        load_knowledge(bad)
    assert str(refused.value).startswith(f"{bad}: not a knowledge file: ")
    assert problem in str(refused.value)


def test_the_bot_loads_the_drawing_code_only_when_it_draws() -> None:
    probe = "import sys, bot.telegram.app; print(any(m.startswith('PIL') for m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
