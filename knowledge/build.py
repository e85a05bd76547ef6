"""Article + curated facts -> the article's knowledge (python -m knowledge build --article-only).

The results list is parsed by code; the narrative's facts come from curated.toml. Every quoted
fact is located in the article (its offsets recorded), checked against its sentence, and the
derived facts are computed from them. The output is byte-for-byte reproducible.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from knowledge.article import LIST_HEADING, ListedResult, parse_results_list
from knowledge.checks import (
    check_fact_against_quote,
    check_references,
    check_unique_ids,
    locate_quote,
)
from knowledge.curated import Curated, SeatSpelling, load_curated, validate_fact
from knowledge.derive import derive_changes, derive_forced_winners, derive_majorities
from knowledge.errors import BuildError
from knowledge.ids import slug
from knowledge.results_view import assemble_results
from knowledge.schema import (
    AliasFact,
    CandidateResult,
    ComparisonFact,
    Constituency,
    CountFact,
    Fact,
    Knowledge,
    Person,
    ResultFact,
    SourceDocument,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CURATED = REPO_ROOT / "knowledge" / "curated.toml"
DEFAULT_OUTPUT = REPO_ROOT / "knowledge" / "results.json"


def build_article_knowledge(
    curated_path: Path = DEFAULT_CURATED, root: Path = REPO_ROOT
) -> Knowledge:
    curated = load_curated(curated_path)
    article_path = root / curated.source.path
    try:
        article_bytes = article_path.read_bytes()
    except OSError as error:
        raise BuildError(f"{article_path}: cannot read the article: {error.strerror}") from error
    article = article_bytes.decode("utf-8")
    source = SourceDocument(
        **curated.source.model_dump(exclude={"kind"}),
        kind="article",
        sha256=hashlib.sha256(article_bytes).hexdigest(),
    )
    listed = parse_results_list(article, curated.source.path)
    spellings = _check_spellings(curated.seat_spelling, article)

    facts: list[Fact] = [_list_fact(line, source.id, spellings) for line in listed]
    for raw in curated.fact:
        quote = raw.get("quote")
        if isinstance(quote, str):
            start, end = locate_quote(article, quote, str(raw.get("id", "?")))
            raw = {**raw, "source": source.id, "start": start, "end": end}
        facts.append(validate_fact(raw, curated_path))

    constituencies = _constituencies(listed, curated, spellings)
    people = _people(listed, curated, article)
    check_unique_ids("constituency", (c.id for c in constituencies))
    check_unique_ids("person", (p.id for p in people))
    check_unique_ids("party", (p.id for p in curated.party))
    check_unique_ids("fact", (f.id for f in facts))
    for fact in facts:
        check_fact_against_quote(fact)
    check_references(
        facts,
        seats={c.id for c in constituencies},
        people={p.id for p in people},
        parties={p.id for p in curated.party},
    )
    constituencies, people = _with_aliases(constituencies, people, facts)

    result_facts = [f for f in facts if isinstance(f, ResultFact)]
    forced = derive_forced_winners(assemble_results(result_facts))
    results = assemble_results(result_facts + forced)
    _check_comparisons(facts, result_facts)
    elected_by_party = _elected_count(results)
    for fact in facts:
        if isinstance(fact, CountFact) and elected_by_party.get(fact.party, 0) != fact.count:
            raise BuildError(
                f"fact {fact.id!r}: says {fact.count} {fact.party} winners, "
                f"the results have {elected_by_party.get(fact.party, 0)}"
            )
    derived: list[Fact] = [*forced, *derive_majorities(results), *derive_changes(result_facts)]
    return Knowledge(
        election=curated.election,
        sources=[source],
        constituencies=constituencies,
        people=people,
        parties=curated.party,
        results=results,
        facts=facts + derived,
    )


def _check_spellings(spellings: list[SeatSpelling], article: str) -> dict[str, SeatSpelling]:
    for spelling in spellings:
        locate_quote(article, spelling.quote, f"seat spelling {spelling.name}")
        corrected = set(spelling.name.split()) - set(spelling.list_spelling.split())
        if not all(word in spelling.quote for word in corrected):
            raise BuildError(
                f"seat spelling {spelling.name!r}: its quote does not spell {sorted(corrected)}"
            )
    return {s.list_spelling: s for s in spellings}


def _list_fact(line: ListedResult, source_id: str, spellings: dict[str, SeatSpelling]) -> Fact:
    seat_name = spellings[line.seat].name if line.seat in spellings else line.seat
    return ResultFact(
        id=f"list-{slug(line.name)}",
        source=source_id,
        quote=line.text,
        start=line.start,
        end=line.end,
        seat=slug(seat_name),
        person=slug(line.name),
        party="independent",
        votes=line.votes,
        share=line.share,
        place=line.place,
        elected=line.elected,
        heading=LIST_HEADING,
    )


def _constituencies(
    listed: list[ListedResult], curated: Curated, spellings: dict[str, SeatSpelling]
) -> list[Constituency]:
    seats = [
        Constituency(id=slug(s.name), name=s.name, aliases=[s.list_spelling])
        if (s := spellings.get(line.seat))
        else Constituency(id=slug(line.seat), name=line.seat)
        for line in listed
    ]
    return sorted([*seats, *curated.constituency], key=lambda c: c.id)


def _people(listed: list[ListedResult], curated: Curated, article: str) -> list[Person]:
    for person in curated.person:
        if person.name not in article:
            raise BuildError(f"person {person.id!r}: {person.name!r} is not in the article")
    people = [Person(id=slug(line.name), name=line.name) for line in listed]
    return sorted([*people, *curated.person], key=lambda p: p.id)


def _with_aliases(
    constituencies: list[Constituency], people: list[Person], facts: list[Fact]
) -> tuple[list[Constituency], list[Person]]:
    """Each AliasFact's spelling joins its entity's aliases."""
    aliases: dict[str, list[str]] = {}
    for fact in facts:
        if isinstance(fact, AliasFact):
            aliases.setdefault(fact.entity, []).append(fact.alias)
    return (
        [
            c.model_copy(update={"aliases": c.aliases + aliases.get(c.id, [])})
            for c in constituencies
        ],
        [p.model_copy(update={"aliases": p.aliases + aliases.get(p.id, [])}) for p in people],
    )


def _check_comparisons(facts: list[Fact], result_facts: list[ResultFact]) -> None:
    by_id = {f.id: f for f in result_facts}
    for fact in facts:
        if not isinstance(fact, ComparisonFact):
            continue
        higher, lower = by_id.get(fact.higher), by_id.get(fact.lower)
        if higher is None or lower is None or higher.votes is None or lower.votes is None:
            raise BuildError(f"fact {fact.id!r}: compares facts that do not both state votes")
        if higher.votes <= lower.votes:
            raise BuildError(
                f"fact {fact.id!r}: says {higher.votes} is higher than {lower.votes}; it is not"
            )


def _elected_count(results: list[CandidateResult]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for result in results:
        if result.elected and result.party:
            counts[result.party] = counts.get(result.party, 0) + 1
    return counts


def render_knowledge(knowledge: Knowledge) -> str:
    return knowledge.model_dump_json(indent=2) + "\n"


def write_atomically(text: str, destination: Path) -> None:
    """Write to a temporary file beside the destination, then rename over it."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=destination.parent, prefix=f".{destination.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        # mkstemp makes the file private; the knowledge is for everyone who runs the bot.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, destination)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
