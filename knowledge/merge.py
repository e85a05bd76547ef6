"""The article's knowledge merged with the official results: one entity per real seat and
person, every fact keeping its source, the official figure used where the two disagree and
the disagreement kept as a fact of its own.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from knowledge.hoc import OfficialCandidate, OfficialData, OfficialSeat, file_sha256
from knowledge.ids import slug
from knowledge.matching import name_words, same_person
from knowledge.reconcile import Reconciler, Report
from knowledge.schema import (
    CandidateResult,
    Constituency,
    Fact,
    Knowledge,
    MajorityFact,
    Party,
    Person,
    ResultFact,
    SeatFact,
    SourceDocument,
)

CANDIDATES_SOURCE = "hoc-ge2024-candidates"
SEATS_SOURCE = "hoc-ge2024-constituencies"
LICENCE = "Open Parliament Licence v3.0"
# The licence asks every product using the data to say this.
ATTRIBUTION = "Contains Parliamentary information licensed under the Open Parliament Licence v3.0."
# How people name the larger parties, beside the names and abbreviations in the data.
COMMON_PARTY_NAMES = {
    "Con": ["Tories", "Tory", "Conservatives"],
    "Lab": ["Labour Party"],
    "LD": ["Lib Dems", "Lib Dem", "Liberal Democrats", "Libdems"],
    "Green": ["Greens", "Green Party"],
    "RUK": ["Reform"],
    "PC": ["Plaid"],
    "WPB": ["Workers Party"],
    "Ind": ["Independents"],
}


def merge(
    article: Knowledge, official: OfficialData, root: Path | None = None
) -> tuple[Knowledge, Report]:
    """The two merged. Files under root (the repository) are named by their path from it, so
    the shipped knowledge is the same wherever the clone is; others by their file name."""
    return _Merger(article, official, root).run()


def document_path(path: Path, root: Path | None) -> str:
    if root is not None and path.resolve().is_relative_to(root.resolve()):
        return path.resolve().relative_to(root.resolve()).as_posix()
    return path.name


def _percent(fraction: float) -> float:
    return round(fraction * 100, 1)


class _Merger:
    def __init__(self, article: Knowledge, official: OfficialData, root: Path | None) -> None:
        self.root = root
        self.article = article
        self.official = official
        self.report = Report(warnings=list(official.warnings))
        self.facts: list[Fact] = []
        self.reconciler = Reconciler(article, self.report)

    def run(self) -> tuple[Knowledge, Report]:
        sources = [*self.article.sources, *self._sources()]
        parties = self._parties()
        self.reconciler.party_names = {p.id: p.name for p in parties.values()}
        seats = self._seats()
        people, person_of = self._people(seats)
        results = self._results(seats, parties, person_of)
        article_results = self._article_only_results()
        # The article's worked-out majorities give way to the official ones (differences are
        # kept as facts by the reconciler).
        kept = [f for f in self.article.facts if not isinstance(f, MajorityFact)]
        self.reconciler.compare_majorities(seats)
        return (
            Knowledge(
                election=self.article.election,
                sources=sources,
                constituencies=sorted(seats.values(), key=lambda c: c.id),
                people=sorted(people.values(), key=lambda p: p.id),
                parties=sorted(parties.values(), key=lambda p: p.id),
                results=results + article_results,
                facts=kept + self.facts + self.reconciler.facts,
            ),
            self.report,
        )

    # --- sources, parties, seats -------------------------------------------------------------

    def _sources(self) -> list[SourceDocument]:
        files = [(CANDIDATES_SOURCE, self.official.candidates_file, "by candidate")]
        if self.official.constituencies_file is not None:
            files.append((SEATS_SOURCE, self.official.constituencies_file, "by constituency"))
        return [
            SourceDocument(
                id=source_id, kind="dataset", title=f"General election 2024 results {what}",
                publisher="House of Commons Library", path=document_path(path, self.root),
                sha256=file_sha256(path), licence=LICENCE, attribution=ATTRIBUTION,
            )
            for source_id, path, what in files
        ]  # fmt: skip

    def _parties(self) -> dict[str, Party]:
        """One party per abbreviation, as the Library counts seats ('Lab' includes Labour and
        Co-operative); the article's parties keep their ids."""
        names: dict[str, Counter[str]] = defaultdict(Counter)
        registrations: dict[str, Counter[str]] = defaultdict(Counter)
        for rows in self.official.candidates.values():
            for candidate in rows:
                names[candidate.party_abbreviation][candidate.party_name] += 1
                if candidate.registration:
                    registrations[candidate.party_abbreviation][candidate.registration] += 1
        known = {
            word: party
            for party in self.article.parties
            for word in (party.name.lower(), *(a.lower() for a in party.aliases))
        }
        parties: dict[str, Party] = {}
        self.party_of_abbreviation: dict[str, str] = {}
        for abbreviation, counted in sorted(names.items()):
            name = counted.most_common(1)[0][0]
            spellings = [n.lower() for n in counted] + [abbreviation.lower()]
            spellings += [common.lower() for common in COMMON_PARTY_NAMES.get(abbreviation, [])]
            existing = next((known[s] for s in spellings if s in known), None)
            party_id = existing.id if existing else slug(name)
            aliases = {n for n in counted if n != name} | {abbreviation}
            aliases |= set(COMMON_PARTY_NAMES.get(abbreviation, []))
            if existing:
                aliases |= {existing.name, *existing.aliases} - {name}
            registered = registrations.get(abbreviation)
            parties[party_id] = Party(
                id=party_id, name=name, aliases=sorted(aliases), abbreviation=abbreviation,
                registration=registered.most_common(1)[0][0] if registered else None,
            )  # fmt: skip
            self.party_of_abbreviation[abbreviation] = party_id
        for party in self.article.parties:
            parties.setdefault(party.id, party)
        return parties

    def _seats(self) -> dict[str, Constituency]:
        article_seats = {c.id: c for c in self.article.constituencies}
        self.seat_of_ons: dict[str, str] = {}
        seats: dict[str, Constituency] = {}
        for ons_id, seat in sorted(self.official.seats.items()):
            seat_id = slug(seat.name)
            self.seat_of_ons[ons_id] = seat_id
            facts = [self._seat_fact(seat_id, seat)] if seat.line is not None else []
            aliases = article_seats[seat_id].aliases if seat_id in article_seats else []
            seats[seat_id] = Constituency(
                id=seat_id, name=seat.name, aliases=aliases, ons_id=ons_id,
                region=seat.region or None,
                country=seat.country or None, electorate=seat.electorate,
                valid_votes=seat.valid_votes, invalid_votes=seat.invalid_votes,
                majority=seat.majority, result=seat.result, declared=seat.declared,
                facts=facts,
            )  # fmt: skip
        for seat_id, unofficial in article_seats.items():
            if seat_id not in seats:
                self.report.warnings.append(f"article seat {unofficial.name!r}: no official row")
                seats[seat_id] = unofficial
        return seats

    def _seat_fact(self, seat_id: str, seat: OfficialSeat) -> str:
        assert seat.electorate is not None
        assert seat.invalid_votes is not None
        fact = SeatFact(
            id=f"hoc-seat-{seat_id}", source=SEATS_SOURCE, row=seat.line, seat=seat_id,
            electorate=seat.electorate, valid_votes=seat.valid_votes,
            invalid_votes=seat.invalid_votes, majority=seat.majority, result=seat.result or "",
            declared=seat.declared,
        )  # fmt: skip
        self.facts.append(fact)
        return fact.id

    # --- people ------------------------------------------------------------------------------

    def _people(
        self, seats: dict[str, Constituency]
    ) -> tuple[dict[str, Person], dict[tuple[str, int], str]]:
        """Persons for every candidate; the article's people matched onto theirs."""
        by_line = {(ons, c.line): c for ons, rows in self.official.candidates.items() for c in rows}
        matches = self._match_article_people()
        person_of: dict[tuple[str, int], str] = {}
        people: dict[str, Person] = {}
        article_people = {p.id: p for p in self.article.people}
        base_counts = Counter(slug(c.name) for c in by_line.values())
        for (ons, line), candidate in sorted(by_line.items(), key=lambda item: item[0][1]):
            seat_id = self.seat_of_ons[ons]
            matched = matches.get((ons, line))
            if matched is not None:
                known = article_people[matched]
                aliases = {known.name, *known.aliases} - {candidate.name}
                person = Person(
                    id=matched, name=candidate.name, aliases=sorted(aliases),
                    mnis_id=candidate.mnis_id, dc_id=candidate.dc_id,
                )  # fmt: skip
            else:
                person_id = slug(candidate.name)
                if base_counts[person_id] > 1:
                    person_id = f"{person_id}-{seat_id}"
                if person_id in people:
                    person_id = f"{person_id}-{slug(candidate.party_name)}"
                person = Person(
                    id=person_id, name=candidate.name,
                    mnis_id=candidate.mnis_id, dc_id=candidate.dc_id,
                )  # fmt: skip
            people[person.id] = person
            person_of[(ons, line)] = person.id
        for person_id, person in article_people.items():
            if person_id not in people:
                people[person_id] = person
        return people, person_of

    def _match_article_people(self) -> dict[tuple[str, int], str]:
        """(ONS ID, line) of the official candidate -> the article's person id."""
        ons_of_seat = {seat_id: ons for ons, seat_id in self.seat_of_ons.items()}
        names = {p.id: p for p in self.article.people}
        matches: dict[tuple[str, int], str] = {}
        self.matched_results: dict[str, tuple[str, int]] = {}  # article result id -> candidate
        seated = {r.person for r in self.article.results if r.person and r.seat}
        for result in self.article.results:
            ons = ons_of_seat.get(result.seat or "")
            rows = self.official.candidates.get(ons or "", [])
            found = self._find(result, rows, names)
            if found is None and result.seat is None and result.person not in seated:
                found = self._find_by_name_alone(result, names)
                if found is not None:
                    ons = found.ons_id
            label = names[result.person].name if result.person else result.id
            if found is None or ons is None:
                why = "its seat is not named" if result.seat is None else "no such candidate there"
                self.report.unmatched.append(f"{label}: {why}")
                continue
            key = (ons, found.line)
            self.matched_results[result.id] = key
            if result.person:
                matches[key] = result.person
            seat_name = self.official.seats[ons].name
            self.report.matched.append(f"{label} -> {found.name} ({found.party_name}, {seat_name})")
        for person in self.article.people:
            if person.id not in {r.person for r in self.article.results}:
                self.report.unmatched.append(
                    f"{person.name}: not a candidate in the article (mentioned only)"
                )
        return matches

    def _find(
        self, result: CandidateResult, rows: list[OfficialCandidate], names: dict[str, Person]
    ) -> OfficialCandidate | None:
        if result.person is not None:
            person = names[result.person]
            spellings = [person.name, *person.aliases]
            found = [
                c for c in rows
                if any(same_person(s, c.first_name, c.surname) for s in spellings)
            ]  # fmt: skip
        else:
            found = [c for c in rows if self._same_party(result.party, c)]
        return found[0] if len(found) == 1 else None

    def _find_by_name_alone(
        self, result: CandidateResult, names: dict[str, Person]
    ) -> OfficialCandidate | None:
        """The article names a person but not their seat: match only a unique exact name."""
        assert result.person is not None
        wanted = name_words(names[result.person].name)
        found = [
            c for rows in self.official.candidates.values() for c in rows
            if name_words(c.name) == wanted
        ]  # fmt: skip
        if len(found) == 1:
            self.report.warnings.append(
                f"{names[result.person].name}: the article names no seat; matched by name alone "
                f"to {found[0].name} in {self.official.seats[found[0].ons_id].name}"
            )
            return found[0]
        return None

    def _same_party(self, article_party: str | None, candidate: OfficialCandidate) -> bool:
        return article_party == self.party_of_abbreviation.get(candidate.party_abbreviation)

    # --- results -----------------------------------------------------------------------------

    def _results(
        self,
        seats: dict[str, Constituency],
        parties: dict[str, Party],
        person_of: dict[tuple[str, int], str],
    ) -> list[CandidateResult]:
        article_by_key = {key: rid for rid, key in self.matched_results.items()}
        article_results = {r.id: r for r in self.article.results}
        results: list[CandidateResult] = []
        for ons, rows in sorted(self.official.candidates.items()):
            seat_id = self.seat_of_ons[ons]
            for place, candidate in enumerate(rows, start=1):
                person_id = person_of[(ons, candidate.line)]
                party_id = self.party_of_abbreviation[candidate.party_abbreviation]
                fact = ResultFact(
                    id=f"hoc-{candidate.line}", source=CANDIDATES_SOURCE, row=candidate.line,
                    seat=seat_id, person=person_id, party=party_id, votes=candidate.votes,
                    share=_percent(candidate.share), place=place, elected=place == 1,
                    change=None if candidate.change is None else _percent(candidate.change),
                    sitting_mp=candidate.sitting_mp, party_label=candidate.party_name,
                    former_mp=candidate.former_mp, gender=candidate.gender,
                )  # fmt: skip
                self.facts.append(fact)
                facts = [fact.id]
                article_id = article_by_key.get((ons, candidate.line))
                if article_id is not None:
                    earlier = article_results[article_id]
                    facts += earlier.facts
                    self.reconciler.compare_result(
                        earlier, fact, f"{seat_id}--{person_id}", candidate.share * 100,
                        self.official.seats[ons].majority,
                    )  # fmt: skip
                results.append(
                    CandidateResult(
                        id=f"{seat_id}--{person_id}", seat=seat_id, person=person_id,
                        party=party_id, votes=fact.votes, share=fact.share, place=place,
                        elected=place == 1, change=fact.change, sitting_mp=fact.sitting_mp,
                        former_mp=fact.former_mp, gender=fact.gender,
                        party_label=fact.party_label, facts=facts,
                    )
                )  # fmt: skip
        return results

    def _article_only_results(self) -> list[CandidateResult]:
        """Article results with no official row keep the article's figures."""
        return [r for r in self.article.results if r.id not in self.matched_results]
