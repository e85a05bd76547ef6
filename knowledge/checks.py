"""Checks that tie every fact to its sentence and to the entities it names.

Each check raises BuildError naming the fact and the problem, so a bad curated entry is fixed
from the message alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from knowledge.errors import BuildError
from knowledge.schema import (
    AliasFact,
    ComparisonFact,
    CountFact,
    Fact,
    NoteFact,
    ResultFact,
    RoleFact,
    SaidFact,
)

_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


def locate_quote(article: str, quote: str, fact_id: str) -> tuple[int, int]:
    """Offsets of the one place the quote stands in the article."""
    count = article.count(quote)
    if count == 1:
        start = article.index(quote)
        return start, start + len(quote)
    if count > 1:
        raise BuildError(f"fact {fact_id!r}: quote appears {count} times; quote more of it")
    matched = _longest_matching_prefix(article, quote)
    raise BuildError(
        f"fact {fact_id!r}: quote is not verbatim in the article; it matches up to "
        f"{quote[:matched][-40:]!r} and then differs at {quote[matched : matched + 20]!r}"
    )


def _longest_matching_prefix(article: str, quote: str) -> int:
    low, high = 0, len(quote)
    while low < high:
        middle = (low + high + 1) // 2
        if quote[:middle] in article:
            low = middle
        else:
            high = middle - 1
    return low


def numerals_in(text: str) -> list[str]:
    """The numbers of a text as written: '8,715', '25.37'."""
    return _NUMBER.findall(text)


def numbers_in(text: str) -> set[float]:
    return {float(found.replace(",", "")) for found in numerals_in(text)}


def check_fact_against_quote(fact: Fact) -> None:
    """Every number and verbatim phrase the fact states stands in its quote."""
    if fact.quote is None:
        return
    stated = numbers_in(fact.quote)
    for number in fact.numbers():
        if number not in stated:
            raise BuildError(
                f"fact {fact.id!r}: the number {number:g} does not appear in its quote"
            )
    for phrase in _verbatim_phrases(fact):
        if phrase not in fact.quote:
            raise BuildError(f"fact {fact.id!r}: {phrase!r} does not appear in its quote")


def _verbatim_phrases(fact: Fact) -> list[str]:
    if isinstance(fact, SaidFact):
        return [*fact.words, *([fact.speaker] if fact.speaker else [])]
    if isinstance(fact, RoleFact):
        return [fact.role]
    if isinstance(fact, AliasFact):
        return [fact.alias]
    if isinstance(fact, CountFact):
        return [fact.count_words]
    return []


def check_unique_ids(kind: str, ids: Iterable[str]) -> None:
    seen: set[str] = set()
    for item_id in ids:
        if item_id in seen:
            raise BuildError(f"duplicate {kind} id {item_id!r}")
        seen.add(item_id)


def check_references(
    facts: list[Fact], seats: set[str], people: set[str], parties: set[str]
) -> None:
    """Every id a fact names exists."""
    fact_ids = {fact.id for fact in facts}
    entities = seats | people | parties
    for fact in facts:
        wanted: list[tuple[str, str | None, set[str]]] = []
        if isinstance(fact, ResultFact):
            wanted = [
                ("seat", fact.seat, seats),
                ("person", fact.person, people),
                ("party", fact.party, parties),
                ("opponent", fact.opponent, people),
            ]
            if fact.person is None and fact.party is None:
                raise BuildError(f"fact {fact.id!r}: a result needs a person or a party")
        elif isinstance(fact, RoleFact | SaidFact):
            wanted = [("person", fact.person, people)]
        elif isinstance(fact, AliasFact):
            wanted = [("entity", fact.entity, entities)]
        elif isinstance(fact, NoteFact):
            wanted = [("about", about, entities) for about in fact.about]
        elif isinstance(fact, CountFact):
            wanted = [("party", fact.party, parties)]
        elif isinstance(fact, ComparisonFact):
            wanted = [("higher", fact.higher, fact_ids), ("lower", fact.lower, fact_ids)]
        wanted += [("derived_from", source, fact_ids) for source in fact.derived_from]
        for field, value, known in wanted:
            if value is not None and value not in known:
                raise BuildError(f"fact {fact.id!r}: {field} {value!r} is not a known id")
