"""Rankings: candidacies or seats by any measure, and parties, regions and nations by
their totals."""

from __future__ import annotations

import itertools
from dataclasses import replace

from bot.engine.answers.computed.pieces import (
    RANK_LENGTH,
    cannot_combine,
    plain,
    refusal,
)
from bot.engine.answers.computed.rowset import RowSet
from bot.engine.answers.computed.table import CandidacyRow
from bot.engine.answers.scope import scope_of
from bot.engine.model.answer import (
    Answer,
    Block,
    BulletList,
    Status,
    bold,
    paragraph,
)
from bot.engine.model.ask import (
    SEAT_MEASURES,
    Ask,
    Measure,
    Operation,
    Unit,
)
from bot.engine.understanding.places import Level
from bot.engine.wording.describe import singular
from bot.engine.wording.measures import MEASURES, first_line, superlative
from bot.engine.wording.phrases import party_as_subject


class Ranking(RowSet):
    def _rank(self, ask: Ask) -> Answer:
        measure = ask.measure or Measure.VOTES
        if ask.unit is Unit.PARTY:
            return self._rank_parties(ask, measure)
        if ask.unit in {Unit.REGION, Unit.NATION}:
            return self._rank_places(ask, measure)
        if ask.unit is Unit.CANDIDATE and measure in SEAT_MEASURES and ask.selection.won is None:
            # "who had the biggest majority in London": a seat's figure, ranked once a seat,
            # by its winner (every candidate there shares it)
            ask = ask.narrowed(won=True)
        pool = self.select.ranked(ask.selection, measure, per_seat=ask.unit is Unit.SEAT)
        phrase = self.describe.rows(ask.unit, ask.selection)
        if not pool:
            lead = f"No {phrase} have a figure for that."
            return plain(Status.NOT_FOUND, lead)
        ordered = pool if ask.descending else _ascending(pool, ask.top or RANK_LENGTH)
        shown = ordered[: ask.top or RANK_LENGTH]
        best_row, best = shown[0]
        words = MEASURES[measure]
        lead = first_line(
            Operation.RANK, measure, label=self._label(ask.unit, best_row),
            superlative=superlative(measure, ask.descending),
            of=self._among(ask, measure, phrase, len(pool)),
            value=words.show(best),
        )  # fmt: skip
        ties = list(itertools.takewhile(lambda item: item[1] == best, ordered[1:]))
        if ties:
            named = "; ".join(self._label(ask.unit, r) for r, _ in ties[:3])
            lead += f" So did {len(ties)} more: {named}" + (" ..." if len(ties) > 3 else ".")
        items = [self._item(ask.unit, row, measure) for row, _ in shown]
        blocks: list[Block] = [paragraph(lead), BulletList(tuple(items))]
        return self._answered(ask, blocks, lead, [row for row, _ in shown])

    def _is_top(self, ask: Ask) -> Answer:
        """'did the SNP win most seats in Scotland': the ranking of every party, led by
        whether the one asked about is first. Only a party's yet."""
        s = ask.selection
        if ask.measure is None and s.won and len(s.parties) == 1:
            # "did they win the most", of a party: seats are what a party wins
            ask = replace(ask, measure=Measure.SEATS, unit=Unit.PARTY)
        party_votes = ask.measure in {Measure.VOTES, Measure.SHARE} and not s.people
        if ask.unit is Unit.CANDIDATE and len(s.parties) == 1 and party_votes:
            ask = replace(ask, unit=Unit.PARTY)  # "did Labour get the most votes": the party's
        refused = refusal(ask)
        if refused is not None:
            return plain(Status.NOT_FOUND, refused)
        if ask.unit is not Unit.PARTY or len(s.parties) != 1:
            text = (
                "I can’t answer that as a yes or no yet: ask which had the most (“which "
                "party won the most seats in Scotland”, “who got the most votes in Clacton”)."
            )
            return plain(Status.NOT_FOUND, text)  # fmt: skip
        whole = replace(ask, selection=replace(s, parties=()), yes_no=False)
        measure = ask.measure or Measure.VOTES
        valid = self._valid_in(whole.selection)
        values = {p: self._party_value(rows, measure, valid)
                  for p, rows in self._by_party(whole).items()}  # fmt: skip
        if not values:
            return plain(Status.NOT_FOUND, "No party has a figure for that.")
        best = max(values.values()) if ask.descending else min(values.values())
        ranked = self._rank(whole)
        lead = f"{'Yes' if values.get(s.parties[0]) == best else 'No'}: {ranked.headline}"
        return replace(ranked, blocks=(paragraph(lead), *ranked.blocks[1:]), headline=lead)

    def _rank_places(self, ask: Ask, measure: Measure) -> Answer:
        """'which region had the highest turnout': the measure over each region's seats."""
        places = [
            p for p in self.catalog.places.values()
            if (p.level is Level.NATION if ask.unit is Unit.NATION else (
                p.level is Level.REGION or (p.level is Level.NATION and p.name != "England")))
        ]  # fmt: skip
        values = [
            (place, value.amount)
            for place in places
            if (value := self.value(ask, replace(ask.selection, place=place.id))) is not None
        ]
        if not values:
            return plain(Status.NOT_FOUND, cannot_combine(ask))
        values.sort(key=lambda item: item[1], reverse=ask.descending)
        words = MEASURES[measure]
        best, top = values[0]
        named = scope_of(self.catalog, best.id).named
        lead = (
            f"{named[:1].upper() + named[1:]} had {superlative(measure, ask.descending)} of the "
            f"{len(values)} {ask.unit.value}{self.describe.qualifier(ask.selection)}: "
            f"{words.show(top)}."
        )
        items = [paragraph(bold(p.name), f": {words.show(v)}") for p, v in values]
        return self._answered(ask, [paragraph(lead), BulletList(tuple(items))], lead, [],
                              whole=True)  # fmt: skip

    def _among(self, ask: Ask, measure: Measure, phrase: str, ranked: int) -> str:
        """'of the 411 seats won by Labour'; one alone is 'the only' one, not 'of the 1'."""
        with_figure = self._with_figure(ask, measure, ranked)
        if ranked == 1:
            return f"(the only {singular(phrase)}{with_figure})"
        return f"of the {ranked:,} {phrase}{with_figure}"

    def _with_figure(self, ask: Ask, measure: Measure, ranked: int) -> str:
        """' with a change in share on 2019 (notional)': where fewer rows have the figure than
        the selection holds (a party new to a seat has no change on 2019)."""
        if ranked >= len(self.rows(ask)):
            return ""
        if measure is Measure.BEHIND:  # only those who lost are behind a winner
            return " who lost" if ask.unit is Unit.CANDIDATE else " and lost"
        return f" with a {MEASURES[measure].noun}"

    def _rank_parties(self, ask: Ask, measure: Measure) -> Answer:
        by_party = self._by_party(ask)
        valid = self._valid_in(ask.selection)
        values = {p: self._party_value(rows, measure, valid) for p, rows in by_party.items()}
        ranked = sorted(values.items(), key=lambda item: item[1], reverse=ask.descending)
        ranked = [(p, v) for p, v in ranked if measure is not Measure.SEATS or v or ask.descending]
        if not ranked:
            return plain(Status.NOT_FOUND, "No party has a figure for that.")
        shown = ranked[: ask.top or RANK_LENGTH]
        words = MEASURES[measure]
        where = self.describe.where(ask.selection)
        party, value = shown[0]
        subject = party_as_subject(self.catalog.parties[party])
        show = words.show
        if measure is Measure.NUMBER and ask.selection.position is not None:
            # "which party came second most often in Scotland": its places, counted in seats
            place = self.describe.position(ask.selection.position)
            show = MEASURES[Measure.SEATS].show
            lead = (
                f"{subject} came {place} {'most' if ask.descending else 'least'} often{where}: "
                f"in {show(value)}."
            )
        else:
            lead = f"{subject} had {superlative(measure, ask.descending)}{where}: {show(value)}."
        items = [paragraph(bold(self.catalog.parties[p].name), f": {show(v)}") for p, v in shown]
        blocks: list[Block] = [paragraph(lead), BulletList(tuple(items))]
        rest = ranked[len(shown) :]
        if rest and len(rest) <= RANK_LENGTH:  # never a party left out unsaid
            named = "; ".join(f"{self.catalog.parties[p].name}: {show(v)}" for p, v in rest)
            blocks.append(paragraph(f"Also: {named}."))
        elif rest:
            blocks.append(paragraph(f"And {len(rest)} more parties."))
        return self._answered(ask, blocks, lead, [])


def _ascending(
    pool: tuple[tuple[CandidacyRow, float], ...], shown: int
) -> tuple[tuple[CandidacyRow, float], ...]:
    """The pool, sorted most first, turned round: least first, ties kept in their order
    (reversing alone would name tied seats Z to A). Only the head that is shown, and every
    row tied with its last, is put right; the rest is not read."""
    turned = pool[::-1]
    end = min(shown, len(turned))
    while end < len(turned) and turned[end][1] == turned[end - 1][1]:
        end += 1
    first = turned[0][1] if turned else None
    while end < len(turned) and turned[end][1] == first:
        end += 1
    head = sorted(pool[len(pool) - end :], key=lambda item: item[1])  # stable: ties in order
    return (*head, *turned[end:])
