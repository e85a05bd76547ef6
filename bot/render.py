"""Answer -> plain text or Telegram HTML. Composing decides what to say; this decides looks.

Every piece of text is escaped for HTML here, at the one place text becomes markup.

A table of candidates is a line each, in words: no block-character bars (a screen reader
reads them out as "full block", and on a phone they wrapped onto lines of their own; the
chart carries the picture). In Telegram the first three are shown and the rest wait in an
expandable quote, so a seat's answer fits a phone screen at a glance.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from bot.engine.model.answer import (
    Answer,
    Block,
    BulletList,
    CandidateRow,
    CandidateTable,
    Paragraph,
    Quotation,
)
from bot.engine.results.provenance import sources_view
from bot.engine.wording.phrases import change_points
from bot.messages import fit_html, visible_length

SHOWN_ROWS = 3  # candidates shown before the rest fold away (Telegram)
FOLDED_ROWS_AT_MOST = 30  # beyond this a table could need splitting across messages: no fold


def _row_text(row: CandidateRow) -> tuple[str, str, str]:
    """(place, who, figures) of one row, unescaped."""
    place = "?" if row.place is None else f"{row.place}."
    if row.place is None and row.elected:
        place = "1."
    party = row.party if row.party else "party not given"
    who = f"{row.name or 'Name not given'} ({party})"
    numbers = []
    if row.votes is not None:
        numbers.append(f"{row.votes:,} votes")
    if row.share is not None:
        numbers.append(f"{row.share:g}%")
    if row.change is not None:
        numbers.append(change_points(row.change))
    figures = ", ".join(numbers) if numbers else "figures not given"
    if row.place is None and row.elected is False:
        figures += ", did not win"
    return place, who, figures


def _plain_block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return "".join(span.text for span in block.spans)
    if isinstance(block, CandidateTable):
        lines = []
        for row in block.rows:
            place, who, figures = _row_text(row)
            lines.append(f"{place:<3} {who}: {figures}")
        return "\n".join(lines)
    if isinstance(block, Quotation):
        return "\n".join(f"“{p}”" for p in block.paragraphs) + f"\n— {block.attribution}"
    return "\n".join(f"• {_plain_block(item)}" for item in block.items)


def _html_paragraph(block: Paragraph) -> str:
    return "".join(
        f"<b>{escape(span.text)}</b>" if span.bold else escape(span.text) for span in block.spans
    )


def _html_block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return _html_paragraph(block)
    if isinstance(block, CandidateTable):
        lines = []
        for row in block.rows:
            place, who, figures = _row_text(row)
            lines.append(f"<b>{escape(place)}</b> {escape(who)}: {escape(figures)}")
        if SHOWN_ROWS < len(lines) <= FOLDED_ROWS_AT_MOST:
            rest = "\n".join(lines[SHOWN_ROWS:])
            return "\n".join(lines[:SHOWN_ROWS]) + f"\n\n<blockquote expandable>{rest}</blockquote>"
        return "\n".join(lines)
    if isinstance(block, Quotation):
        body = "\n".join(escape(p) for p in block.paragraphs)
        return f"<blockquote>{body}</blockquote>\n— <i>{escape(block.attribution)}</i>"
    assert isinstance(block, BulletList)
    return "\n".join(f"• {_html_paragraph(item)}" for item in block.items)


def _render(answer: Answer, block_renderer: Callable[[Block], str]) -> str:
    return "\n\n".join(block_renderer(block) for block in answer.blocks)


def to_plain(answer: Answer) -> str:
    return _render(answer, _plain_block)


def to_html(answer: Answer) -> str:
    return _render(answer, _html_block)


def caption_html(answer: Answer, notes: list[str], limit: int) -> str:
    """A chart's caption: the answer's blocks up to its table of candidates (the chart draws
    those), as many whole blocks as fit in `limit` visible characters, then the notes."""
    kept: list[str] = []
    room = limit - sum(visible_length(note) + 2 for note in notes)
    for block in answer.blocks:
        if isinstance(block, CandidateTable):
            break
        html = _html_block(block)
        if visible_length("\n\n".join([*kept, html])) > room:
            if not kept:  # the first line alone is too long: as much of it as fits
                kept.append(fit_html(html, room))
            break
        kept.append(html)
    return "\n\n".join([*kept, *notes])


def sources_html(answer: Answer) -> str:
    """The sources behind an answer, as the Source button shows them."""
    return "\n\n".join(_html_block(block) for block in sources_view(answer.sources))
