"""Loading a knowledge file, with one clear line for whatever is wrong with it."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from knowledge.curated import first_problem
from knowledge.errors import KnowledgeFileError
from knowledge.schema import Knowledge

SHIPPED_KNOWLEDGE = Path(__file__).resolve().parent / "results.json"


def load_knowledge(path: Path = SHIPPED_KNOWLEDGE) -> Knowledge:
    """The validated knowledge; KnowledgeFileError names the file and the first problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise KnowledgeFileError(f"{path}: cannot read: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise KnowledgeFileError(f"{path}: not UTF-8 text ({error.reason})") from error
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        raise KnowledgeFileError(
            f"{path}:{error.lineno}: not valid JSON: {error.msg} (column {error.colno})"
        ) from error
    try:
        return Knowledge.model_validate(raw)
    except ValidationError as error:
        raise KnowledgeFileError(f"{path}: not a knowledge file: {first_problem(error)}") from error
