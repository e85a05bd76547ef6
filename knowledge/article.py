"""Parsing the results list at the end of the article.

The list sits under the heading "Some independent candidate’s results:", one bullet a line:

    • Adnan Hussain, Blackburn, 10,518 votes, 27 percent, elected
    • Aftab Nawaz, Walsall and Bloxwich 7,600 votes, 20.4 percent, second

The article is inconsistent (a comma after the seat or not, "eight" for "eighth", a seat name
that itself holds a comma), so the line grammar tolerates exactly those quirks and nothing
looser: anything else is a malformed line, reported with its line number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.errors import BuildError

LIST_HEADING = "Some independent candidate’s results:"
BULLET = "•"

# The seat is the shortest run up to the vote count; it may itself contain a comma
# ("Oldham West, Chadderton and Royton"), and the comma after it is optional.
_LINE = re.compile(
    r"""^(?P<name>[^,]+?),\s+
        (?P<seat>.+?),?\s+
        (?P<votes>\d{1,3}(?:,\d{3})*|\d+)\s+votes,\s+
        (?P<share>\d+(?:\.\d+)?)\s+percent,\s+
        (?P<place>[a-z]+)$""",
    re.VERBOSE,
)

# "eight" is the article's typo for "eighth"; "elected" means first.
PLACE_WORDS = {
    "elected": 1,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "eight": 8,
    "ninth": 9,
    "tenth": 10,
}


@dataclass(frozen=True)
class ListedResult:
    """One parsed line of the results list, with where it sits in the article."""

    line_number: int
    text: str
    start: int
    end: int
    name: str
    seat: str
    votes: int
    share: float
    place: int
    elected: bool


def parse_results_list(article: str, file_name: str) -> list[ListedResult]:
    """Every bullet line under the list heading, parsed; a malformed line stops the build."""
    heading_at = article.find(LIST_HEADING)
    if heading_at < 0:
        raise BuildError(f"{file_name}: results list heading {LIST_HEADING!r} not found")
    results: list[ListedResult] = []
    offset = 0
    for line_number, line in enumerate(article.splitlines(keepends=True), start=1):
        line_start, offset = offset, offset + len(line)
        if line_start < heading_at or not line.strip().startswith(BULLET):
            continue
        text = line.strip().removeprefix(BULLET).strip()
        start = article.index(text, line_start)
        results.append(_parse_line(text, start, line_number, file_name))
    if not results:
        raise BuildError(f"{file_name}: no result lines under {LIST_HEADING!r}")
    return results


def _parse_line(text: str, start: int, line_number: int, file_name: str) -> ListedResult:
    where = f"{file_name}:{line_number}"
    match = _LINE.match(text)
    if match is None:
        raise BuildError(
            f"{where}: malformed result line {text!r}: expected "
            "'NAME, SEAT, N votes, P percent, PLACE'"
        )
    place_word = match["place"]
    if place_word not in PLACE_WORDS:
        raise BuildError(f"{where}: unknown finishing place {place_word!r} in {text!r}")
    share = float(match["share"])
    if not 0 < share <= 100:
        raise BuildError(f"{where}: share {share} percent is not a percentage in {text!r}")
    place = PLACE_WORDS[place_word]
    return ListedResult(
        line_number=line_number,
        text=text,
        start=start,
        end=start + len(text),
        name=match["name"].strip(),
        seat=match["seat"].strip(),
        votes=int(match["votes"].replace(",", "")),
        share=share,
        place=place,
        elected=place == 1,
    )
