"""Questions the one evaluator computes over one earlier general election's own results
("biggest majority in 2017"), and their follow-ups ("and in 2010?", "what about the tories",
"and the fewest?"): each election's results are built when first asked, then kept."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from bot.engine.answers.computed.evaluate import Evaluator
from bot.engine.model.answer import Answer, BulletList, Paragraph, Span, Status, paragraph
from bot.engine.model.ask import Ask, Measure, Operation, Selection
from bot.engine.results.catalog import Catalog
from bot.engine.results.elections import Elections
from bot.engine.results.one_election import election_knowledge
from bot.engine.routing import follow_up_ask, ranked_again, referenced_keys
from bot.engine.understanding.elections import ELECTION_YEAR, ElectionsAsked
from bot.engine.understanding.index import Resolution
from bot.engine.understanding.parsed import Parsed
from bot.engine.understanding.vocabulary import is_year

# Measures that are changes on the notional 2019 results, which only 2024's results have.
_AGAINST_2019 = frozenset({Measure.CHANGE, Measure.SWING})


class ComputedAcross:
    def __init__(self, catalog: Catalog, elections: Callable[[], Elections]) -> None:
        self.catalog = catalog
        self._elections = elections  # built on first use, by whoever asks first
        self._evaluators: dict[str, Evaluator] = {}  # an earlier election's, built when asked

    @staticmethod
    def follow_up(last: Ask, resolution: Resolution, parsed: Parsed) -> Ask | None:
        """The last computed question asked again: in another year (a year alone), of another
        party or place ("what about the tories"), or ranked the other way ("and the fewest?")."""
        if parsed.ask is not None:
            return ranked_again(last, parsed.ask, resolution)
        if not resolution.mentions:
            named_only_a_year = not parsed.not_understood and any(
                is_year(w) for w in resolution.words
            )
            return last if named_only_a_year else None
        return follow_up_ask(last, parsed, resolution)

    def over_one_election(
        self, asked: ElectionsAsked, resolution: Resolution, ask: Ask | None
    ) -> Answer | None:
        """The question computed by the evaluator over one earlier general election's
        results; None where it is not one (a comparison with another election, a range)."""
        year = asked.year
        if ask is None or year is None or year == ELECTION_YEAR or asked.by_election or asked.now:
            return None
        words = resolution.words
        if "than" in words and str(year) in words[words.index("than") :]:
            return None  # "bigger than in 2019": one election against another
        election = self._elections().general(year)
        if election is None:
            return None
        if ask.measure in _AGAINST_2019 or ask.against_2019:
            return None  # changes and swings are on the notional 2019 results: 2024's alone
        evaluator = self._evaluator(election.id)
        standing = evaluator.catalog.counted_by_party
        if any(not standing.get(party) for party in ask.selection.parties):
            return None  # a party that did not stand then: said with the name it stood under
        if not all(_held_in(evaluator.catalog, k) for k in referenced_keys(ask)):
            return None  # a seat or person of 2024 that the year did not have
        answer = evaluator.answer(ask)
        if answer.status is not Status.ANSWERED or "notional" in _words_of(answer):
            # A last guard: an answer whose words speak of the notional 2019 results (a seat
            # "held", said of 2024's) is no answer about that year; "not yet" is said instead
            return None
        first, *rest = answer.blocks
        if isinstance(first, Paragraph):
            first = Paragraph((Span(f"{year}: ", bold=True), *first.spans))
        note = paragraph(f"On the seats of {year}: the 2010 boundaries, not today’s.")
        # No query: a button carries an Ask without its year, which would replay 2024's
        return replace(answer, blocks=(first, *rest, note), query=None)

    def _evaluator(self, election_id: str) -> Evaluator:
        evaluator = self._evaluators.get(election_id)
        if evaluator is None:
            knowledge = election_knowledge(self.catalog.knowledge, election_id)
            evaluator = self._evaluators[election_id] = Evaluator(Catalog(knowledge))
        return evaluator


def beyond_totals(ask: Ask | None) -> Ask | None:
    """The question, unless it is a party's plain totals (the answers across elections give
    those with the Commons of that year)."""
    return None if ask is None or _a_party_total(ask) else ask


def computed_over_rows(ask: Ask | None) -> Ask | None:
    """A computed 2024 question over many rows ("the smallest majority"), which "and in
    2010?" asks again of that year; a look-up of one seat has its own answer across years."""
    return ask if ask is not None and ask.operation is not Operation.LOOK_UP else None


def _held_in(catalog: Catalog, key: str) -> bool:
    """Whether an election's results have the seat, person, party or place a key names."""
    kind, _, entity = key.partition(":")
    held: dict[str, Mapping[str, object]] = {
        "seat": catalog.seats, "person": catalog.people, "party": catalog.parties,
        "place": catalog.places,
    }  # fmt: skip
    return kind in held and entity in held[kind]


def _words_of(answer: Answer) -> str:
    """The text of an answer's paragraphs and lists, to check a word it uses."""
    paragraphs = [b for b in answer.blocks if isinstance(b, Paragraph)]
    paragraphs += [p for b in answer.blocks if isinstance(b, BulletList) for p in b.items]
    return " ".join(span.text for p in paragraphs for span in p.spans)


def _a_party_total(ask: Ask) -> bool:
    """A party's (or a place's) seats, votes or share, which the answers across elections give
    with the other parties and the Commons majority of that year."""
    plain = Selection(parties=ask.selection.parties, place=ask.selection.place, won=True)
    return (
        ask.operation in {Operation.COUNT, Operation.TOTAL, Operation.LOOK_UP}
        and ask.measure in {None, Measure.SEATS, Measure.VOTES, Measure.SHARE}
        and ask.selection in {plain, replace(plain, won=None)}
        and ask.compared is None
    )
