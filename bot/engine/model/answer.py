"""What the engine returns: a status, content as neutral blocks, and the facts behind it.

The blocks say what to show, not how: bot/render.py turns them into plain text or Telegram
HTML, so no front end parses or rebuilds the engine's wording.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.engine.model.chart_data import Chart
from bot.engine.model.keys import Key
from bot.engine.model.query import Query


class Status(StrEnum):
    ANSWERED = "answered"
    CLARIFY = "clarify"
    NOT_FOUND = "not_found"
    HELP = "help"


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class Paragraph:
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class CandidateRow:
    """One candidate in a seat: anything None is not given by the sources."""

    name: str | None  # None: the article gives the party's vote but not the candidate's name
    party: str | None
    votes: int | None
    share: float | None
    place: int | None
    elected: bool | None
    change: float | None = None  # change in share since 2019, percentage points


@dataclass(frozen=True)
class CandidateTable:
    rows: tuple[CandidateRow, ...]


@dataclass(frozen=True)
class Quotation:
    paragraphs: tuple[str, ...]
    attribution: str


@dataclass(frozen=True)
class BulletList:
    items: tuple[Paragraph, ...]


Block = Paragraph | CandidateTable | Quotation | BulletList


@dataclass(frozen=True)
class Option:
    key: Key  # e.g. "person:perveen-hussain"
    label: str


@dataclass(frozen=True)
class Source:
    """Where one fact behind an answer comes from."""

    fact_id: str
    text: str  # the sentence, verbatim; or, for a dataset row, the figures it holds in words
    document: str  # e.g. 'Socialist Worker issue 2912, "Pro-Palestine independents ..."'
    quoted: bool = True  # text is verbatim from the document (False: a dataset row's figures)
    file: str = ""  # for a dataset row: its file and line
    line: int | None = None


@dataclass(frozen=True)
class Answer:
    status: Status
    blocks: tuple[Block, ...]
    headline: str = ""  # one line: the gist, for previews and inline result cards
    entities: tuple[Key, ...] = ()
    options: tuple[Option, ...] = ()
    sources: tuple[Source, ...] = ()
    # What was answered, replayable without the conversation (for buttons); for a clarify,
    # the question awaiting a choice among `options`.
    query: Query | None = None
    chart: Chart | None = None  # what a picture of this answer shows, if it has one


def paragraph(*parts: str | Span) -> Paragraph:
    """A paragraph from strings (plain) and Spans (bold where asked)."""
    return Paragraph(tuple(part if isinstance(part, Span) else Span(part) for part in parts))


def bold(text: str) -> Span:
    return Span(text, bold=True)
