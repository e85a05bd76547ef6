"""What the loaded knowledge's sources are, and every sentence the bot says about them.

Nothing here says "the article" unless the knowledge holds an article, nor "the official
results" unless it holds them: the wording is derived from the source documents loaded.
"""

from __future__ import annotations

from collections import defaultdict

from bot.engine.model.answer import Block, BulletList, Paragraph, Quotation, Source, paragraph
from bot.engine.results.sources import (
    Coverage,
    SourceAdapter,
    adapters_for,
    document_name,
    file_name,
)
from knowledge.schema import (
    Fact,
    Knowledge,
    NoteFact,
    ResultFact,
    RoleFact,
    SaidFact,
    SourceDocument,
)


def _about(fact: Fact) -> tuple[list[str], list[str]]:
    """(seat ids, person ids) a fact is about."""
    if isinstance(fact, ResultFact):
        return [fact.seat] if fact.seat else [], [fact.person] if fact.person else []
    if isinstance(fact, RoleFact | SaidFact):
        return [], [fact.person]
    if isinstance(fact, NoteFact):
        return [], list(fact.about)
    return [], []


class Provenance:
    """The knowledge's sources: which are loaded, what each covers, how to name them."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.documents = {source.id: source for source in knowledge.sources}
        seats: dict[str, set[str]] = defaultdict(set)
        people: dict[str, set[str]] = defaultdict(set)
        results: dict[str, set[tuple[str | None, str | None]]] = defaultdict(set)
        self.rows: dict[tuple[str, str], int] = defaultdict(int)  # (source, fact kind) -> rows
        known_seats = {c.id for c in knowledge.constituencies}
        known_people = {p.id for p in knowledge.people}
        for fact in knowledge.facts:
            if fact.source is None:
                continue
            about_seats, about_people = _about(fact)
            # A note may be about a party or a seat as well as people.
            seats[fact.source].update(known_seats.intersection(about_seats + about_people))
            people[fact.source].update(known_people.intersection(about_people))
            if isinstance(fact, ResultFact):
                results[fact.source].add((fact.seat, fact.person or fact.party))
            if fact.row is not None:
                self.rows[(fact.source, fact.kind)] += 1
        self.coverage = {
            source_id: Coverage(
                frozenset(seats[source_id]), frozenset(people[source_id]), len(results[source_id])
            )
            for source_id in self.documents
        }
        self.adapters: list[SourceAdapter] = adapters_for(
            list(knowledge.sources), self.covered, knowledge
        )

    # --- what the loaded sources can do -------------------------------------------------------

    @property
    def counts_every_seat(self) -> bool:
        """Whether some loaded source gives every seat's whole count."""
        return self.counting() is not None

    def counting(self) -> SourceAdapter | None:
        """The loaded source that counts every seat, if one does."""
        return next((a for a in self.adapters if a.counts_every_seat), None)

    def examples(self) -> tuple[str, ...]:
        """The main source's examples first, then each other's first one not yet given."""
        found = list(self.adapters[0].examples) if self.adapters else []
        for adapter in self.adapters[1:]:
            found += [e for e in adapter.examples[:1] if e not in found]
        return tuple(found)

    def holds(self) -> str:
        return _listed([adapter.holds() for adapter in self.adapters], "; ")

    def source_shows(self) -> str:
        return _listed([adapter.source_shows() for adapter in self.adapters], ", ")

    def disagreeing(self) -> str | None:
        """'the official results and the article', where both give figures for one result."""
        giving = [adapter.label for adapter in self.adapters if adapter.gives_results]
        return " and ".join(giving) if len(giving) > 1 else None

    def described(self) -> list[Paragraph]:
        return [found for adapter in self.adapters for found in adapter.described()]

    def alone(self) -> str | None:
        """What to say of the figures when one source alone gives results."""
        giving = self._giving()
        return giving[0].alone() if len(giving) == 1 else None

    def _giving(self) -> list[SourceAdapter]:
        return [adapter for adapter in self.adapters if adapter.gives_results]

    # --- naming the sources ------------------------------------------------------------------

    def _subject(self) -> tuple[str, bool]:
        """How to start a sentence about what the sources say, and whether it is plural."""
        giving = self._giving()
        if len(giving) == 1:
            return giving[0].label[:1].upper() + giving[0].label[1:], giving[0].plural
        return "My sources", True

    def lacks(self, rest: str) -> str:
        """'The article does not say who won Preston' / 'My sources do not ...'."""
        subject, plural = self._subject()
        return f"{subject} {'do' if plural else 'does'} not {rest}"

    def gives(self, verb: str, rest: str) -> str:
        """'The article gives ...' / 'My sources give ...': verb in its plural form."""
        subject, plural = self._subject()
        return f"{subject} {verb if plural else verb + 's'} {rest}"

    def named(self) -> str:
        """All the loaded sources by name, for a sentence: '... and ...'."""
        return _listed([adapter.name() for adapter in self.adapters], ", ")

    def attributions(self) -> list[str]:
        """What the sources' licences ask the product to say, each once."""
        return list(dict.fromkeys(s.attribution for s in self.documents.values() if s.attribution))

    def covered(self, sources: list[SourceDocument]) -> Coverage:
        """What some sources cover together."""
        found = [self.coverage[s.id] for s in sources]
        return Coverage(
            frozenset().union(*(c.seats for c in found)),
            frozenset().union(*(c.people for c in found)),
            max((c.results for c in found), default=0),
        )

    def what_i_know(self) -> str:
        """'the 650 seats and 4,515 candidates in the House of Commons Library’s official
        results, and the 24 seats and 30 people in Socialist Worker issue 2912, “...”'."""
        return ", and ".join(adapter.covers() for adapter in self.adapters)

    def whole_dataset(self, fact_kind: str, how: str) -> tuple[Source, ...]:
        """The source of a figure computed over every row of a dataset ('seats by party,
        counted from the Result column'), rather than a few of its rows."""
        for (source_id, kind), count in self.rows.items():
            if kind == fact_kind:
                document = self.documents[source_id]
                text = f"all {count:,} rows: {how}"
                return (
                    Source(f"{source_id}:all", text, document_name(document), False,
                           file_name(document)),
                )  # fmt: skip
        return ()

    def speaker(self, fact: Fact) -> str:
        """Who says a quoted fact, to start a sentence: 'The article', or the document."""
        document = self.source_of(fact)
        if document is None:
            return "My sources"
        adapter = next(a for a in self.adapters if document in a.documents)
        if not adapter.plural and not adapter.counts_every_seat:
            return adapter.label[:1].upper() + adapter.label[1:]  # "The article"
        return document_name(document)

    def source_of(self, fact: Fact) -> SourceDocument | None:
        return self.documents.get(fact.source or "")


def _listed(items: list[str], separator: str) -> str:
    """'a and b', 'a, b and c' ('a; b; and c' where the items have commas of their own)."""
    if len(items) <= 2:
        return " and ".join(items)
    last = f"{separator.strip()} and " if separator == "; " else " and "
    return separator.join(items[:-1]) + last + items[-1]


def sources_view(sources: tuple[Source, ...]) -> tuple[Block, ...]:
    """The sources behind an answer, grouped by document: dataset rows as the figures they
    hold, with file and line, never dressed as quotations; article sentences as quotations
    with the article's title."""
    records: dict[tuple[str, str], list[Paragraph]] = defaultdict(list)
    quotations: list[Block] = []
    for source in sources:
        if source.quoted:
            quotations.append(Quotation((source.text,), source.document))
        else:
            line = "" if source.line is None else f"line {source.line}: "
            records[(source.document, source.file)].append(paragraph(line + source.text))
    blocks: list[Block] = []
    for (document, file), rows in records.items():
        blocks += [paragraph(f"From {document} ({file}):"), BulletList(tuple(rows))]
    if quotations:
        blocks += [paragraph("Quoted:"), *quotations]
    return tuple(blocks)
