"""Small pieces of wording shared by the composers: numbers, places, result phrases."""

from __future__ import annotations

from bot.engine.results.catalog import Catalog
from knowledge.schema import CandidateResult, Party

_ORDINAL_WORDS = (
    "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth",
)  # fmt: skip


def number(value: int) -> str:
    return f"{value:,}"


def votes(value: int) -> str:
    return f"{value:,} vote" + ("" if value == 1 else "s")


def percent(value: float) -> str:
    return f"{value:g}%"


def ordinal(place: int) -> str:
    if place < len(_ORDINAL_WORDS):
        return _ORDINAL_WORDS[place]
    suffix = "th" if 10 <= place % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(place % 10, "th")
    return f"{place}{suffix}"


def figures(result: CandidateResult) -> str:
    """'14,739 votes, 35.2%' or whatever part of it is known ('' when nothing is)."""
    parts = []
    if result.votes is not None:
        parts.append(votes(result.votes))
    if result.share is not None:
        parts.append(percent(result.share))
    return ", ".join(parts)


# How a party's members are spoken of together, where that is not the party's own name:
# "the Conservatives won 121 seats", not "Conservative won".
_AS_A_GROUP = {
    "Con": "the Conservatives",
    "LD": "the Liberal Democrats",
    "Green": "the Greens",
    "Ind": "independents",
    "Spk": "the Speaker",
}


def party_as_subject(party: Party) -> str:
    """The party as the subject of a sentence: 'The Conservatives', 'Labour', 'The Scottish
    National Party'."""
    name = _AS_A_GROUP.get(party.abbreviation or "")
    if name is None:
        name = f"the {party.name}" if party.name.endswith("Party") else party.name
    return capitalised(name)


def party_as_object(party: Party) -> str:
    """The party after a preposition: 'from the Scottish National Party', 'from Labour'."""
    name = party_as_subject(party)
    return name[:1].lower() + name[1:] if name.startswith("The ") else name


def change_points(change: float) -> str:
    """'−44.0 points on 2019 (notional)': a true minus sign, and no '−0.0'."""
    shown = f"{abs(change):.1f}"
    sign = "" if shown == "0.0" else ("−" if change < 0 else "+")
    return f"{sign}{shown} points on 2019 (notional)"


def capitalised(text: str) -> str:
    """First letter up, for a name that may start a sentence ('the Labour candidate')."""
    return text[:1].upper() + text[1:]


def with_party(catalog: Catalog, result: CandidateResult) -> str:
    name = catalog.candidate_name(result)
    party = catalog.party_name(result.party)
    if result.person is None or party is None:
        return name
    return f"{name} ({party})"


def outcome_phrase(catalog: Catalog, result: CandidateResult) -> str:
    """What happened to the candidate, in the article's terms where it has them:
    'won Leicester South', 'came second in Preston', 'lost in Rochdale'."""
    seat = catalog.seats[result.seat].name if result.seat else None
    stated = catalog.stated(result, "outcome")
    where = f" in {seat}" if seat else ""
    if result.place is not None and catalog.is_counted(result):
        # The official count says exactly what happened; the article's verbs are kept in
        # its quotes.
        return (
            f"won {seat}" if result.place == 1 and seat else f"came {ordinal(result.place)}{where}"
        )
    if result.place == 1 or result.elected:
        if stated and stated.outcome == "held" and seat:
            return f"held {seat}"
        if stated and stated.outcome == "survived":
            return "survived" + where
        if catalog.is_derived(result, "place"):
            return f"came first{where} (worked out from the article's figures)"
        return f"won {seat}" if seat else "won"
    if result.place is not None:
        return f"came {ordinal(result.place)}{where}"
    if stated and stated.outcome:
        opponent = catalog.people[stated.opponent].name if stated.opponent else None
        by = f" by {opponent}" if opponent and stated.outcome == "defeated" else ""
        verb = "was defeated" if stated.outcome == "defeated" else stated.outcome
        return f"{verb}{where}{by}"
    if result.elected is False:
        return f"did not win{where}"
    return f"stood{where}"


def margin_phrase(catalog: Catalog, result: CandidateResult) -> str | None:
    """'by just over 500 votes' when the article states the margin (and nothing official
    gives the exact majority)."""
    if catalog.is_counted(result):
        return None
    stated = catalog.stated(result, "margin")
    if stated is None or stated.margin is None:
        return None
    qualifier = f"{stated.margin_qualifier} " if stated.margin_qualifier else ""
    return f"by {qualifier}{votes(stated.margin)}"
