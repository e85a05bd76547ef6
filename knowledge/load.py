"""Loading a knowledge file, with one clear line for whatever is wrong with it."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from knowledge.curated import first_problem
from knowledge.errors import BuildError, KnowledgeFileError
from knowledge.integrity import check_integrity
from knowledge.schema import Knowledge

SHIPPED_KNOWLEDGE = Path(__file__).resolve().parent / "results.json"
# The shipped file, every seat and candidate of an election, is about 6 MB; ten times that is
# no real knowledge file, and refusing it by its size keeps it out of memory.
MAX_KNOWLEDGE_BYTES = 64 * 1024 * 1024


def load_knowledge(path: Path = SHIPPED_KNOWLEDGE) -> Knowledge:
    """The validated knowledge; KnowledgeFileError names the file and the first problem."""
    knowledge = _parse(path)
    try:
        check_integrity(knowledge)
    except BuildError as error:
        raise KnowledgeFileError(f"{path}: not a knowledge file: {error}") from error
    return knowledge


def _parse(path: Path) -> Knowledge:
    try:
        size = path.stat().st_size
        if size > MAX_KNOWLEDGE_BYTES:
            raise KnowledgeFileError(
                f"{path}: {size:,} bytes is far larger than any knowledge file "
                f"(at most {MAX_KNOWLEDGE_BYTES:,}); refused unread"
            )
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise KnowledgeFileError(f"{path}: cannot read: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise KnowledgeFileError(f"{path}: not UTF-8 text ({error.reason})") from error
    try:
        # Parsing and validating in one pass is twice as fast as json.loads then validate.
        return Knowledge.model_validate_json(text)
    except ValidationError as error:
        if error.errors()[0]["type"] != "json_invalid":
            raise KnowledgeFileError(
                f"{path}: not a knowledge file: {first_problem(error)}"
            ) from error
    try:  # not JSON at all: json says where, with a line number
        json.loads(text)
    except RecursionError as error:  # pydantic's parser stops at its depth limit; json's doesn't
        raise KnowledgeFileError(f"{path}: not a knowledge file: nested too deeply") from error
    except json.JSONDecodeError as error:
        raise KnowledgeFileError(
            f"{path}:{error.lineno}: not valid JSON: {error.msg} (column {error.colno})"
        ) from error
    raise KnowledgeFileError(f"{path}: not valid JSON")
