"""Reading curated.toml: the narrative's facts and the entities the results list lacks.

Everything is validated here against strict models, so a typo in a field name or a missing
field stops the build with the entry's id and the field, not a KeyError later on.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import Field, TypeAdapter, ValidationError

from knowledge.errors import BuildError
from knowledge.schema import Constituency, Election, Fact, Model, Party, Person


class SourceMeta(Model):
    id: str
    kind: str
    title: str
    publisher: str
    author: str | None = None
    issue: str | None = None
    path: str


class SeatSpelling(Model):
    """The results list misspells a seat; `quote` is the narrative sentence with its spelling."""

    list_spelling: str
    name: str
    quote: str


class Curated(Model):
    source: SourceMeta
    election: Election
    party: list[Party] = Field(default_factory=list)
    person: list[Person] = Field(default_factory=list)
    constituency: list[Constituency] = Field(default_factory=list)
    seat_spelling: list[SeatSpelling] = Field(default_factory=list)
    fact: list[dict[str, Any]] = Field(default_factory=list)


_FACT = TypeAdapter(Fact)


def load_curated(path: Path) -> Curated:
    """The curated file, parsed and validated (facts still without source offsets)."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise BuildError(f"{path}: cannot read: {error.strerror}") from error
    except tomllib.TOMLDecodeError as error:
        raise BuildError(f"{path}: invalid TOML: {error}") from error
    try:
        return Curated.model_validate(raw)
    except ValidationError as error:
        raise BuildError(f"{path}: {first_problem(error)}") from error


def validate_fact(raw: dict[str, Any], path: Path) -> Fact:
    """One curated fact as its model; the error names the fact by id."""
    try:
        return _FACT.validate_python(raw)
    except ValidationError as error:
        raise BuildError(f"{path}: fact {raw.get('id', '?')!r}: {first_problem(error)}") from error


def first_problem(error: ValidationError) -> str:
    """The first validation problem as 'where: what'."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}" if where else first["msg"]
