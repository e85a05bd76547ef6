"""Where the article and the official results disagree: each difference a fact of its own
(the official figure is the one answers use) and a line of the import's report."""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.checks import numerals_in
from knowledge.schema import (
    CandidateResult,
    Constituency,
    DiscrepancyFact,
    Knowledge,
    MajorityFact,
    ResultFact,
)


@dataclass
class Report:
    matched: list[str] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    figures_checked: int = 0  # the article's votes, shares, places, parties, margins

    def summary(self) -> list[str]:
        """Two lines: how much of the article matched and how many of its figures agree."""
        agreed = self.figures_checked - len(self.disagreements)
        return [
            f"article people matched to official candidates: {len(self.matched)}",
            f"article figures checked against the official data: {self.figures_checked}, "
            f"{agreed} agree, {len(self.disagreements)} differ (--report lists them)",
        ]

    def lines(self) -> list[str]:
        out = [f"article people matched to official candidates: {len(self.matched)}"]
        out += [f"  {line}" for line in self.matched]
        agreed = self.figures_checked - len(self.disagreements)
        out.append(
            f"article figures checked against the official data: {self.figures_checked}, "
            f"{agreed} agree"
        )
        out.append(
            f"article figures that disagree with the official ones: {len(self.disagreements)}"
        )
        out += [f"  {line}" for line in self.disagreements]
        out.append(f"article people with no official row: {len(self.unmatched)}")
        out += [f"  {line}" for line in self.unmatched]
        if self.warnings:
            out.append(f"warnings: {len(self.warnings)}")
            out += [f"  {line}" for line in self.warnings]
        return out


class Reconciler:
    def __init__(self, article: Knowledge, report: Report) -> None:
        self.article = article
        self.report = report
        self.article_facts = {f.id: f for f in article.facts}
        self.people = {p.id: p.name for p in article.people}
        self.party_names: dict[str, str] = {}
        self.facts: list[DiscrepancyFact] = []

    def compare_result(
        self,
        article: CandidateResult,
        official: ResultFact,
        result_id: str,
        exact_share: float,
        official_majority: int,
    ) -> None:
        """Facts and report lines for each figure the article states differently.

        Shares are compared as published (one decimal); how far apart they are is measured
        against the unrounded official share.
        """
        name = self.people.get(article.person or "", article.id)
        checks: list[tuple[str, object, object, str, str]] = [
            ("votes", article.votes, official.votes, _shown(article.votes), _shown(official.votes)),
            ("place", article.place, official.place, _shown(article.place),
             _shown(official.place)),
        ]  # fmt: skip
        if article.party is not None and article.party != official.party:
            official_party = self.party_names.get(official.party or "", official.party or "")
            article_party = self.party_names.get(article.party, article.party)
            checks.append(("party", article.party, official.party, article_party, official_party))
        for field_name, said, official_value, said_text, official_text in checks:
            if said is None:
                continue
            self.report.figures_checked += 1
            if said == official_value:
                continue
            evidence = next(
                (fid for fid in article.facts if getattr(self.article_facts[fid], field_name, None)
                 is not None),
                article.facts[0],
            )  # fmt: skip
            self.facts.append(
                DiscrepancyFact(
                    id=f"discrepancy-{article.id}-{field_name}", subject=result_id,
                    field=field_name, article=said_text, official=official_text,
                    derived_from=[evidence, official.id],
                )
            )  # fmt: skip
            self.report.disagreements.append(
                f"{name}: {field_name} {said_text} in the article, {official_text} officially"
                + _by_how_much(said, exact_share if field_name == "share" else official_value)
            )
        self._compare_shares(article, official, result_id, name, exact_share)
        self._compare_margin(article, official, result_id, name, official_majority)

    def _compare_shares(
        self,
        article: CandidateResult,
        official: ResultFact,
        result_id: str,
        name: str,
        exact_share: float,
    ) -> None:
        """Each share the article states, read at the precision it states it: "41 percent"
        agrees with 41.08%, "22 percent" with 21.8%, "almost 50 percent" with 49.2%; "25.37
        percent" does not agree with 25.46%."""
        for fact in self._stating(article, "share"):
            assert fact.share is not None
            self.report.figures_checked += 1
            decimals = stated_decimals(fact.share, fact.quote or "")
            if share_agrees(fact.share, fact.share_qualifier, exact_share, decimals):
                continue
            qualifier = f"{fact.share_qualifier} " if fact.share_qualifier else ""
            said = f"{qualifier}{fact.share:.{decimals}f}%"
            official_text = _shown(official.share, "%")
            self.facts.append(
                DiscrepancyFact(
                    id=f"discrepancy-{article.id}-share", subject=result_id, field="share",
                    article=said, official=official_text, derived_from=[fact.id, official.id],
                )
            )  # fmt: skip
            self.report.disagreements.append(
                f"{name}: share {said} in the article, {official_text} officially"
                + _by_how_much(fact.share, exact_share)
            )
            return  # one difference per figure: the first stating fact is the one shown

    def _stating(self, article: CandidateResult, attribute: str) -> list[ResultFact]:
        """The article's quoted facts about this result that state the attribute."""
        return [
            fact
            for fid in article.facts
            if isinstance(fact := self.article_facts[fid], ResultFact)
            and fact.quote is not None
            and getattr(fact, attribute) is not None
        ]

    def _compare_margin(
        self,
        article: CandidateResult,
        official: ResultFact,
        result_id: str,
        name: str,
        majority: int,
    ) -> None:
        """'Just over 500' agrees with 528; 'only 700' does not with 693."""
        stated = next(
            (f for fid in article.facts if isinstance(f := self.article_facts[fid], ResultFact)
             and f.margin is not None),
            None,
        )  # fmt: skip
        if stated is None or stated.margin is None:
            return
        self.report.figures_checked += 1
        consistent = {
            "just over": majority > stated.margin,
            "almost": majority < stated.margin,
        }.get(stated.margin_qualifier or "", majority == stated.margin)
        if consistent:
            return
        qualifier = f"{stated.margin_qualifier} " if stated.margin_qualifier else ""
        self.facts.append(
            DiscrepancyFact(
                id=f"discrepancy-{article.id}-margin", subject=result_id, field="margin",
                article=f"{qualifier}{stated.margin:,}", official=f"{majority:,}",
                derived_from=[stated.id, official.id],
            )
        )  # fmt: skip
        self.report.disagreements.append(
            f"{name}: margin {qualifier}{stated.margin:,} in the article, majority {majority:,} "
            "officially"
        )

    def compare_majorities(self, seats: dict[str, Constituency]) -> None:
        """The majorities worked out from the article's figures against the official ones."""
        for fact in self.article.facts:
            if not isinstance(fact, MajorityFact):
                continue
            seat = seats.get(fact.seat)
            if seat is None or seat.majority is None:
                continue
            self.report.figures_checked += 1
            if seat.majority == fact.majority:
                continue
            self.facts.append(
                DiscrepancyFact(
                    id=f"discrepancy-{fact.seat}-majority", subject=fact.seat, field="majority",
                    article=f"{fact.majority:,}", official=f"{seat.majority:,}",
                    derived_from=[*fact.derived_from, *seat.facts],
                )
            )  # fmt: skip
            self.report.disagreements.append(
                f"{seat.name}: majority {fact.majority:,} from the article's figures, "
                f"{seat.majority:,} officially" + _by_how_much(fact.majority, seat.majority)
            )


def stated_decimals(value: float, quote: str) -> int:
    """How many decimal places the quote gives the value with: "41 percent" 0, "25.37" 2.

    A value the quote does not spell out (a list line parsed elsewhere) counts as stated to
    one place, as the official shares are published."""
    spelled = [
        len(text.partition(".")[2])
        for text in numerals_in(quote)
        if float(text.replace(",", "")) == value
    ]
    return max(spelled, default=1)


def share_agrees(stated: float, qualifier: str | None, exact: float, decimals: int) -> bool:
    """Whether an exact share is what the stated one says, at the stated precision."""
    unit = 10.0**-decimals
    if qualifier == "almost":
        return stated - unit <= exact < stated
    if qualifier == "just over":
        return stated < exact <= stated + unit
    return round(exact, decimals) == round(stated, decimals)


def _shown(value: float | None, unit: str = "") -> str:
    return "" if value is None else f"{value:,g}{unit}"


def _by_how_much(said: object, official: object) -> str:
    numbers = (int, float)
    if isinstance(said, bool) or not isinstance(said, numbers) or not isinstance(official, numbers):
        return ""
    difference = said - official
    amount = f"{abs(difference):,.2f}".rstrip("0").rstrip(".")
    return f" (the article's is {amount} {'higher' if difference > 0 else 'lower'})"
