"""Each kind of source document the knowledge can hold, as an adapter behind one interface:
what the bot calls it, what it covers and holds, what its Source button shows, and the
questions it answers well. Provenance speaks for the loaded adapters together, so no answer
asks which kind of source is loaded: a new kind of source is a new adapter here."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass

from bot.engine.model.answer import Paragraph, bold, paragraph
from knowledge.schema import Knowledge, SourceDocument


@dataclass(frozen=True)
class Coverage:
    """The seats and people one source has facts about."""

    seats: frozenset[str]
    people: frozenset[str]
    results: int  # candidacies it gives a result for


Covered = Callable[[list[SourceDocument]], Coverage]


def document_name(source: SourceDocument) -> str:
    """'Socialist Worker issue 2912, “Pro-Palestine ...”' or 'the House of Commons Library’s
    “General election 2024 results by candidate”'."""
    if source.issue:
        return f"{source.publisher} issue {source.issue}, “{source.title}”"
    return f"the {source.publisher}’s “{source.title}”"


def file_name(source: SourceDocument) -> str:
    return source.path.rsplit("/", 1)[-1]


class SourceAdapter(ABC):
    """The documents of one kind loaded into the knowledge."""

    kind: str  # the SourceDocument.kind it adapts
    examples: tuple[str, ...]  # questions it answers well, to show and to tap

    def __init__(
        self, documents: list[SourceDocument], covered: Covered, knowledge: Knowledge
    ) -> None:
        self.documents = documents
        self.covered = covered
        self.knowledge = knowledge

    @property
    @abstractmethod
    def label(self) -> str:
        """How a sentence refers to it: 'the official results', 'the article'."""

    @property
    def plural(self) -> bool:
        return True

    @property
    @abstractmethod
    def counts_every_seat(self) -> bool:
        """Whether its rows are whole counts, so totals and rankings over seats add up."""

    @property
    def gives_results(self) -> bool:
        """Whether it gives candidates' results, which another source may give differently."""
        return True

    @abstractmethod
    def name(self) -> str:
        """Its documents by name, for a sentence."""

    @abstractmethod
    def covers(self) -> str:
        """'the 650 seats and 4,515 candidates in ...', for 'what do you know'."""

    @abstractmethod
    def holds(self) -> str:
        """What it holds of each candidate and seat, in words."""

    @abstractmethod
    def source_shows(self) -> str:
        """What the Source button shows of it."""

    @abstractmethod
    def described(self) -> list[Paragraph]:
        """One paragraph per document: publisher, what it covers, how it is kept."""

    @abstractmethod
    def alone(self) -> str | None:
        """What to say of the figures when it is the only source loaded."""


class OfficialResults(SourceAdapter):
    kind = "dataset"
    examples = (
        "who won Clacton?",
        "how many seats did Reform win?",
        "which seats did the Greens gain?",
        "smallest majorities",
        "who won Leicester South?",
        "which independents won?",
        "what did Shockat Adam say?",
    )

    @property
    def label(self) -> str:
        return "the official results"

    @property
    def counts_every_seat(self) -> bool:
        return True  # each seat it lists, whole: totals and rankings are over those seats

    def name(self) -> str:
        publishers = sorted({d.publisher for d in self.documents})
        return f"the {' and '.join(publishers)}’s official results"

    def covers(self) -> str:
        covered = self.covered(self.documents)
        return (
            f"the {len(covered.seats):,} seats and {covered.results:,} candidates in {self.name()}"
        )

    def holds(self) -> str:
        return (
            "each seat’s candidates with their party, votes, share, change in share on 2019 "
            "(notional), gender and whether they were a sitting or former MP; each seat’s "
            "electorate, turnout and majority"
        )

    def source_shows(self) -> str:
        return "the official rows behind it (file and line)"

    def described(self) -> list[Paragraph]:
        covered = self.covered(self.documents)
        files = ", ".join(file_name(d) for d in self.documents)
        publishers = " and ".join(sorted({d.publisher for d in self.documents}))
        return [
            paragraph(
                bold("The official results"),
                f", published by the {publishers} ({files}): {len(covered.seats):,} seats and "
                f"{covered.results:,} candidates, "
                "with votes, shares, change in share on 2019 (notional), majorities and turnout.",
            )
        ]

    def alone(self) -> str | None:
        return None


class Articles(SourceAdapter):
    kind = "article"
    examples = (
        "who won Leicester South?",
        "how many votes did Corbyn get?",
        "who came second in Preston?",
        "majority in Dewsbury and Batley",
        "which independents won?",
        "what did Shockat Adam say?",
        "Birmingham",
    )

    @property
    def label(self) -> str:
        return "the article" if len(self.documents) == 1 else "the articles"

    @property
    def plural(self) -> bool:
        return len(self.documents) > 1

    @property
    def counts_every_seat(self) -> bool:
        return False  # an article names the results it tells of, not every seat's count

    def name(self) -> str:
        return " and ".join(document_name(article) for article in self.documents)

    def covers(self) -> str:
        parts = []
        for article in self.documents:
            covered = self.covered([article])
            parts.append(
                f"the {len(covered.seats):,} seats and {len(covered.people):,} people in "
                f"{document_name(article)}"
            )
        return ", and ".join(parts)

    def holds(self) -> str:
        return f"what {self.label} says of its candidates and seats"

    def source_shows(self) -> str:
        return "the article’s sentences it quotes"

    def described(self) -> list[Paragraph]:
        found = []
        for article in self.documents:
            covered = self.covered([article])
            by = f" by {article.author}" if article.author else ""
            found.append(
                paragraph(
                    bold(document_name(article)),
                    f", an article{by}: {len(covered.seats):,} seats and "
                    f"{len(covered.people):,} people, each fact kept with the sentence it "
                    "comes from.",
                )
            )
        return found

    def alone(self) -> str | None:
        return (
            "Majorities are worked out from the article’s figures; what it does not say "
            "I don’t know."
        )


class WithoutResults(SourceAdapter):
    """A source that holds no 2024 result: no count of seats for totals and rankings to be
    over, and none to differ from another source's."""

    @property
    def counts_every_seat(self) -> bool:
        return False

    @property
    def gives_results(self) -> bool:
        return False


class SeatBoundaries(WithoutResults):
    """How the seats of the 2010 boundaries overlap the 2024 seats: what became of a seat."""

    kind = "boundaries"
    examples = ("who won Bristol West?",)

    @property
    def label(self) -> str:
        return "the seat overlaps"

    def name(self) -> str:
        publishers = sorted({d.publisher for d in self.documents})
        return f"the {' and '.join(publishers)}’s overlaps of the 2010 and 2024 seats"

    def _former(self) -> str:
        count = len(self.knowledge.former_seats)
        return f"the {count:,} seats of the 2010 boundaries that no 2024 seat is named after"

    def covers(self) -> str:
        return f"{self._former()}, in {self.name()}"

    def holds(self) -> str:
        return "which 2024 seats the people of a former seat are in"

    def source_shows(self) -> str:
        return "the overlap rows (file and line)"

    def described(self) -> list[Paragraph]:
        files = ", ".join(file_name(d) for d in self.documents)
        publishers = " and ".join(sorted({d.publisher for d in self.documents}))
        return [
            paragraph(
                bold("The seat overlaps"),
                f", published by the {publishers} ({files}): {self._former()}, "
                "with the share of their people in each 2024 seat.",
            )
        ]

    def alone(self) -> str | None:
        return None


class EarlierElections(WithoutResults):
    """The general elections before 2024 and the by-elections since 2010."""

    kind = "history"
    examples = (
        "who is the MP for Runcorn and Helsby?",
        "who won Islington North in 2019?",
        "how many seats did Labour win in 2017?",
        "has Leicester South always been Labour?",
        "which by-elections since 2024 changed hands?",
    )

    @property
    def label(self) -> str:
        return "the earlier elections"

    def name(self) -> str:
        publishers = sorted({d.publisher for d in self.documents})
        return f"the {' and '.join(publishers)}’s results of earlier elections"

    def _elections(self) -> str:
        general = [e.date[:4] for e in self.knowledge.elections if e.kind == "general"]
        by_elections = sum(1 for e in self.knowledge.elections if e.kind == "by-election")
        years = ", ".join(general[:-1]) + f" and {general[-1]}" if general else "none"
        return (
            f"the general elections of {years} and {by_elections} by-elections since "
            f"{general[0] if general else 2010}"
        )

    def covers(self) -> str:
        return f"{self._elections()}, in {self.name()}"

    def holds(self) -> str:
        return (
            "each seat’s candidates with their party and votes, its majority, electorate and "
            "turnout; a person linked across elections only by an ID the files give (an MP’s "
            "MNIS ID, or a Democracy Club ID in the by-elections since 2024)"
        )

    def source_shows(self) -> str:
        return "the earlier elections’ rows (file and line)"

    def described(self) -> list[Paragraph]:
        publishers = " and ".join(sorted({d.publisher for d in self.documents}))
        return [
            paragraph(
                bold("The earlier elections"),
                f", published by the {publishers} ({len(self.documents)} files): "
                f"{self._elections()}, on the boundaries they were fought on.",
            )
        ]

    def alone(self) -> str | None:
        return None


class RecordedTimes(WithoutResults):
    """When the Commons Library recorded each 2024 result on election night: not when it was
    declared, which can be some time earlier, and said as that wherever it is used."""

    kind = "recorded"
    examples = ("what time did Clacton declare?",)

    @property
    def label(self) -> str:
        return "the recorded times"

    def name(self) -> str:
        publishers = sorted({d.publisher for d in self.documents})
        return f"the times the {' and '.join(publishers)} recorded each 2024 result"

    def _recorded(self) -> int:
        return sum(1 for seat in self.knowledge.constituencies if seat.recorded)

    def covers(self) -> str:
        documents = " and ".join(document_name(d) for d in self.documents)
        return f"the times {self._recorded():,} of the 2024 results were recorded, in {documents}"

    def holds(self) -> str:
        return (
            "when the House of Commons Library recorded each 2024 result on election night, "
            "which can be some time after the declaration"
        )

    def source_shows(self) -> str:
        return "the recorded times’ rows (file and line)"

    def described(self) -> list[Paragraph]:
        files = ", ".join(file_name(d) for d in self.documents)
        publishers = " and ".join(sorted({d.publisher for d in self.documents}))
        return [
            paragraph(
                bold("The recorded times"),
                f", published by the {publishers} ({files}): when it recorded "
                f"{self._recorded():,} of the 2024 results on election night, which can be some "
                "time after the declaration itself.",
            )
        ]

    def alone(self) -> str | None:
        return None


# Every kind of source the bot can load, in the order it names them.
ADAPTERS: tuple[type[SourceAdapter], ...] = (
    OfficialResults,
    EarlierElections,
    Articles,
    SeatBoundaries,
    RecordedTimes,
)


def adapters_for(
    documents: list[SourceDocument], covered: Covered, knowledge: Knowledge
) -> list[SourceAdapter]:
    """The adapters of the kinds of document loaded, each with its documents."""
    found = []
    for adapter in ADAPTERS:
        mine = [d for d in documents if d.kind == adapter.kind]
        if mine:
            found.append(adapter(mine, covered, knowledge))
    return found
