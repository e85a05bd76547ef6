"""Which answers have a chart, and what it holds, from the catalog (chart_data.py)."""

from __future__ import annotations

from bot.engine.model.answer import Source
from bot.engine.model.chart_data import Bar, BarChart, Group, GroupedBars, SeatsChart
from bot.engine.results.catalog import Catalog
from bot.engine.results.sources import document_name
from knowledge.schema import CandidateResult

SHOWN_CANDIDATES = 8  # a phone shows eight bars readably; the rest are counted in the footer


def small_print(catalog: Catalog, sources: tuple[Source, ...]) -> str:
    """'Source: ...' naming each document behind the answer, then what their licences ask."""
    named = {document_name(d): d for d in catalog.provenance.documents.values()}
    cited = [named[s.document] for s in sources if s.document in named]
    documents = list(dict.fromkeys(d.id for d in cited))
    if not documents:
        return ""
    used = [catalog.provenance.documents[d] for d in documents]
    names = "; ".join(f"{d.publisher}, {d.title}" for d in used)
    attributions = list(dict.fromkeys(d.attribution for d in used if d.attribution))
    return " ".join([f"Source: {names}.", *attributions])


def seat_chart(
    catalog: Catalog,
    seat_id: str,
    subtitle: str,
    footer: str,
    sources: tuple[Source, ...],
    asked_about: str | None = None,
) -> BarChart | None:
    """The seat's candidates as bars; None unless a whole count of the seat is loaded (the article
    names only some candidates: two bars would say two stood) and gives every vote count."""
    results = catalog.results_by_seat.get(seat_id, [])
    if not catalog.has_count(seat_id) or any(r.votes is None for r in results):
        return None
    ranked = sorted(results, key=lambda r: -(r.votes or 0))
    bars = tuple(_candidate_bar(catalog, r, asked_about) for r in ranked[:SHOWN_CANDIDATES])
    return BarChart(
        title=catalog.seats[seat_id].name,
        subtitle=subtitle,
        bars=bars,
        footer=footer,
        small_print=small_print(catalog, sources),
        more=max(0, len(ranked) - SHOWN_CANDIDATES),
    )


def _candidate_bar(catalog: Catalog, result: CandidateResult, asked_about: str | None) -> Bar:
    marks = ["Elected"] if result.elected else []
    if asked_about is not None and result.person == asked_about and not result.elected:
        marks.append("Asked about")
    return Bar(
        label=catalog.people[result.person].name if result.person else "(name not given)",
        detail=result.party_label or catalog.party_name(result.party) or "",
        party_id=result.party,
        value=result.votes or 0,
        share=result.share,
        marked=", ".join(marks),
    )


def seats_chart(
    catalog: Catalog,
    title: str,
    seats_won: list[tuple[str, int]],
    whole_commons: bool,
    sources: tuple[Source, ...],
) -> SeatsChart:
    total = sum(won for _, won in seats_won)
    return SeatsChart(
        title=title,
        parties=tuple(
            Bar(label=catalog.parties[party].name, detail="", party_id=party, value=won)
            for party, won in seats_won
            if won
        ),
        total=total,
        majority=total // 2 + 1 if whole_commons else None,
        small_print=small_print(catalog, sources),
    )


def two_seats_chart(
    catalog: Catalog, first: str, second: str, sources: tuple[Source, ...]
) -> GroupedBars | None:
    """Each party's share in two seats; None unless both seats give every share.

    Where a party had several candidates in a seat (independents do), their shares are added
    and the label says how many: "Independent (2 candidates)" is true, "Independent" is not."""
    shares: dict[str, list[float | None]] = {}
    standing: dict[str, int] = {}
    for column, seat_id in enumerate((first, second)):
        results = catalog.results_by_seat.get(seat_id, [])
        if not catalog.has_count(seat_id) or any(
            r.share is None or r.party is None for r in results
        ):
            return None
        counted: dict[str, int] = {}
        for result in results:
            assert result.party is not None
            assert result.share is not None
            row = shares.setdefault(result.party, [None, None])
            row[column] = (row[column] or 0) + result.share
            counted[result.party] = counted.get(result.party, 0) + 1
        for party, count in counted.items():
            standing[party] = max(standing.get(party, 0), count)
    ranked = sorted(shares, key=lambda p: -max(s or 0 for s in shares[p]))[:SHOWN_CANDIDATES]

    def label(party: str) -> str:
        name = catalog.party_name(party) or party
        return f"{name} ({standing[party]} candidates)" if standing[party] > 1 else name

    return GroupedBars(
        title=f"{catalog.seats[first].name} and {catalog.seats[second].name}: share of the vote",
        series=((catalog.seats[first].name, None), (catalog.seats[second].name, None)),
        groups=tuple(Group(label(p), p, (shares[p][0], shares[p][1])) for p in ranked),
        small_print=small_print(catalog, sources),
    )


def two_parties_chart(
    catalog: Catalog,
    first: str,
    second: str,
    places: list[tuple[str, frozenset[str]]],
    sources: tuple[Source, ...],
) -> GroupedBars:
    """Two parties' shares of the vote in each place (the nations), computed from the
    official rows; a party that stood nowhere in a place has no bar there."""
    groups = []
    for name, seat_ids in places:
        rows = [r for seat_id in seat_ids for r in catalog.results_by_seat.get(seat_id, [])]
        total = sum(r.votes or 0 for r in rows)
        values = tuple(
            100 * sum(r.votes or 0 for r in rows if r.party == party) / total
            if total and any(r.party == party for r in rows)
            else None
            for party in (first, second)
        )
        groups.append(Group(name, None, (values[0], values[1])))
    a, b = catalog.parties[first].name, catalog.parties[second].name
    return GroupedBars(
        title=f"{a} and {b}: share of the vote",
        series=((a, first), (b, second)),
        groups=tuple(groups),
        small_print=small_print(catalog, sources),
    )
