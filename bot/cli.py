"""electionbot: ask one question, chat in the console, or run the Telegram bot.

A thin layer: it loads the knowledge once, hands lines to the engine and prints what the
renderer makes of the answers. The console never imports Telegram code.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from bot.engine import Answer, Conversation, Engine
from bot.night.replay import REPLAYS
from bot.render import to_plain
from bot.startup import start_engine
from knowledge.errors import KnowledgeFileError
from knowledge.load import SHIPPED_KNOWLEDGE

# A whole night (about 20 hours) in a few seconds at most: faster is not a night any more.
MAX_SPEED = 100_000
EXIT_FAILED = 1
EXIT_USAGE = 2
PROMPT = "> "


def main(argv: list[str] | None = None) -> int:
    options = _parser().parse_args(argv)
    _read_any_bytes()
    if options.command == "run":
        return _run_bot(options.replay, options.speed)
    if options.command == "replay":
        return _replay(options.year, options.speed)
    try:
        engine = start_engine(options.knowledge)
    except KnowledgeFileError as error:
        print(f"electionbot: {error}", file=sys.stderr)
        return EXIT_USAGE
    if options.command == "chart":
        return _chart(engine, _valid_text(options.question), options.out)
    if options.command == "ask":
        question = _valid_text(options.question)
        answer = _answer_safely(engine, question, Conversation())
        if answer is None:
            return EXIT_FAILED
        _print(question, answer, options.json, sys.stdout)
        return 0
    return chat(engine, sys.stdin, sys.stdout, options.json, options.echo)


def _read_any_bytes() -> None:
    """Bytes that are not UTF-8 read as U+FFFD, so what is printed (and every JSON line) is
    valid UTF-8 whatever was piped in, instead of a UnicodeDecodeError mid-chat."""
    for stream in (sys.stdin, sys.stdout):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors="replace")


def _valid_text(argument: str) -> str:
    """An argument's undecodable bytes (kept by Python as lone surrogates) as U+FFFD."""
    return argument.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="electionbot", description="Answers questions about UK general election results."
    )
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument("--json", action="store_true", help="one JSON object per answer")
    shared.add_argument(
        "--knowledge",
        type=Path,
        default=SHIPPED_KNOWLEDGE,
        metavar="PATH",
        help="knowledge file to answer from (default: the shipped results.json)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    ask = commands.add_parser("ask", parents=[shared], help="answer one question")
    ask.add_argument("question")
    chat = commands.add_parser(
        "chat", parents=[shared], help="answer questions line by line from stdin (follow-ups work)"
    )
    chat.add_argument("--echo", action="store_true", help="print each question before its answer")
    run = commands.add_parser(
        "run", help="run the Telegram bot (settings from the environment and .env)"
    )
    run.add_argument(
        "--replay", type=int, choices=sorted(REPLAYS), metavar="YEAR",
        help="serve while this election night plays again from its recorded times",
    )  # fmt: skip
    run.add_argument("--speed", type=_speed, default=1.0, help="times faster than real time")
    replay = commands.add_parser(
        "replay", help="play an election night in the console, a line per result"
    )
    replay.add_argument("year", type=int, choices=sorted(REPLAYS))
    replay.add_argument("--speed", type=_speed, default=1.0, help="times faster than real time")
    chart = commands.add_parser(
        "chart", parents=[shared], help="write the chart an answer would carry, as a PNG"
    )
    chart.add_argument("question")
    chart.add_argument("-o", "--out", type=Path, required=True, metavar="FILE.png")
    return parser


def _chart(engine: Engine, question: str, out: Path) -> int:
    # Imported here so that the other console commands never load the drawing code.
    from bot.charts import render_png

    answer = _answer_safely(engine, question, Conversation())
    if answer is None:
        return EXIT_FAILED
    if answer.chart is None:
        print(
            "electionbot: that answer has no chart (try a seat, a person, or seats by party)",
            file=sys.stderr,
        )
        return EXIT_FAILED
    png = render_png(answer.chart)
    try:
        out.write_bytes(png)
    except OSError as error:
        print(f"electionbot: cannot write {out}: {error.strerror}", file=sys.stderr)
        return EXIT_FAILED
    print(f"wrote {out}: {answer.chart.title} ({len(png):,} bytes)")
    return 0


def _speed(text: str) -> float:
    try:
        speed = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < speed <= MAX_SPEED:
        raise argparse.ArgumentTypeError(f"must be above 0 and at most {MAX_SPEED:g}")
    return speed


def _run_bot(replay: int | None, speed: float) -> int:
    # Imported here so that the console commands never load Telegram code.
    from bot.settings import SettingsError, load_settings
    from bot.telegram.service import run

    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"electionbot: {error}", file=sys.stderr)
        return EXIT_USAGE
    return run(settings, replay, speed)


def _replay(year: int, speed: float) -> int:
    import asyncio  # here: importing it costs the console's start 40 ms

    from bot.night.console import replay_in_console

    try:
        asyncio.run(replay_in_console(year, speed, sys.stdout))
    except KeyboardInterrupt:
        print()
    except BrokenPipeError:  # "| head": the reader has what it wanted
        sys.stderr.close()
    return 0


def chat(engine: Engine, lines: TextIO, out: TextIO, as_json: bool, echo: bool) -> int:
    conversation = Conversation()
    interactive = lines.isatty()
    try:
        for question in _questions(lines, out, interactive):
            if echo and not as_json:
                out.write(f"{PROMPT}{question}\n")
            answer = _answer_safely(engine, question, conversation)
            if answer is not None:
                _print(question, answer, as_json, out)
            if not as_json and not interactive:
                out.write("\n")
    except KeyboardInterrupt:
        out.write("\n")
    return 0


def _answer_safely(engine: Engine, question: str, conversation: Conversation) -> Answer | None:
    """The answer, or None after one line on stderr: a bug must not end a chat in a traceback."""
    try:
        if engine.postcode_in(question) is not None:
            import asyncio  # here: importing it costs the console's start 40 ms

            return asyncio.run(_looked_up(engine, question, conversation))
        return engine.answer(question, conversation)
    except Exception as error:
        print(
            f"electionbot: sorry, I could not answer {question!r} "
            f"(internal error: {type(error).__name__}); please report it",
            file=sys.stderr,
        )
        return None


async def _looked_up(engine: Engine, question: str, conversation: Conversation) -> Answer:
    """A question with a postcode: looked up as the bot does (POSTCODES_API_URL from the
    environment; empty turns it off). Imported here: most questions need no lookup."""
    from bot.answering import answer_question
    from bot.postcode_lookup import PostcodeLookup
    from bot.settings import DEFAULT_POSTCODES_API

    url = os.environ.get("POSTCODES_API_URL", DEFAULT_POSTCODES_API)
    lookup = PostcodeLookup(url) if url.strip() else None
    try:
        return await answer_question(engine, lookup, question, conversation)
    finally:
        if lookup is not None:
            await lookup.close()


def _questions(lines: TextIO, out: TextIO, interactive: bool) -> Iterable[str]:
    while True:
        if interactive:
            out.write(PROMPT)
            out.flush()
        line = lines.readline()
        if not line:
            return
        if line.strip():
            yield line.strip()


def _print(question: str, answer: Answer, as_json: bool, out: TextIO) -> None:
    text = to_plain(answer)
    if as_json:
        record = {
            "question": question,
            "status": str(answer.status),
            "text": text,
            "entities": list(answer.entities),
            "query": answer.query.understood() if answer.query else None,
            "sources": [
                {
                    "text": s.text,
                    "document": s.document,
                    "quoted": s.quoted,
                    "file": s.file,
                    "line": s.line,
                }
                for s in answer.sources
            ],
        }
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        out.write(text + "\n")
    out.flush()


if __name__ == "__main__":
    sys.exit(main())
