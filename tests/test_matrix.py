"""The matrix of MEASURES x OPERATIONS over all 650 seats: every cell asked at least two ways,
each answer's first line checked for the figure(s) it must state, computed from the shipped CSV
files in tests/official_truth.py (no figure typed in here, only the thresholds the questions
carry). Cells that make no sense (a total of positions, a ranking by position, a total of
changes in share ...) must be refused plainly: status "not_found", a first line "I can’t ...".

A figure is matched as a whole number or word in the line (so "5" is not found in "15" or
"5,161"); a tuple of strings is "any of these"; a list cell also checks the count in the first
line and the names (or figures) the whole answer lists.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pytest

from bot.engine import Engine
from bot.render import to_plain
from tests import official_truth as t

Figure = str | tuple[str, ...]  # a string, or any one of several


@dataclass(frozen=True)
class Cell:
    question: str
    says: Callable[[], Sequence[Figure]]  # what the first line must contain
    yes: Callable[[], bool] | None = None  # a yes/no question: the first word
    listed: Callable[[], Sequence[str]] | None = None  # what the whole answer must list
    ordered: bool = False  # ... in this order (a top N)
    never: tuple[str, ...] = ()  # what the first line must not say
    refused: bool = False  # a combination that makes no sense


# --- formatting, as the bot writes figures -------------------------------------------------


def n(number: int) -> str:
    return f"{number:,}"


def pc(percent: float) -> str:
    return f"{round(percent, 1):g}%"


def pts(points: float | None) -> str:
    assert points is not None
    return f"{points:+.1f}".replace("-", "\N{MINUS SIGN}")


ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth".split()


def ordinal(position: int) -> Figure:
    word = ORDINALS[position - 1]
    return (word, "won") if position == 1 else word


def plain_ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def party(abbreviation: str) -> Figure:
    name = t.party_name(abbreviation)
    return (name, plain_ascii(name))


def cand(name: str) -> t.Candidacy:
    return t.candidacy(name)


def seat(name: str) -> t.Constituency:
    return t.constituency(name)


def tops(rows: Sequence[Any], how_many: int = 1) -> list[str]:
    return [row.name for row in rows[:how_many]]


# --- cells ---------------------------------------------------------------------------------


def c(question: str, *says: Callable[[], Figure], **options: Any) -> Cell:
    """A cell whose first line must contain each figure `says` computes."""
    return Cell(question, lambda: tuple(figure() for figure in says), **options)


def yes_no(question: str, answer: Callable[[], bool], *says: Callable[[], Figure]) -> Cell:
    return Cell(question, lambda: tuple(figure() for figure in says), yes=answer)


def listing(question: str, rows: Callable[[], Sequence[Any]], *says: Callable[[], Figure],
            shown: Callable[[Any], str] = lambda row: row.name) -> Cell:  # fmt: skip
    """A count or a list: the first line gives how many; a list also names them."""
    return Cell(
        question,
        lambda: (n(len(rows())), *(figure() for figure in says)),
        listed=lambda: [shown(row) for row in rows()],
    )


def counting(question: str, rows: Callable[[], Sequence[Any]], **options: Any) -> Cell:
    return Cell(question, lambda: (n(len(rows())),), **options)


def refused(question: str) -> Cell:
    return Cell(question, lambda: (), refused=True)


def top(question: str, rows: Callable[[], Sequence[Any]], figure: Callable[[Any], Figure],
        how_many: int = 1) -> Cell:  # fmt: skip
    """A ranking: the first line names the first and gives its figure; a top N lists N."""
    return Cell(
        question,
        lambda: (rows()[0].name, figure(rows()[0])),
        listed=(lambda: tops(rows(), how_many)) if how_many > 1 else None,
        ordered=how_many > 1,
    )


def cells(operation: str, measure: str, *items: Cell) -> list[Any]:
    assert len(items) >= 2, f"{operation}-{measure}: every cell is asked at least two ways"
    return [pytest.param(item, id=f"{operation}-{measure}-{i}") for i, item in enumerate(items, 1)]


# Candidacy and seat figures, by name.
def votes(name: str) -> Callable[[], str]:
    return lambda: n(cand(name).votes)


def share(name: str) -> Callable[[], str]:
    return lambda: pc(cand(name).share)


def change(name: str) -> Callable[[], str]:
    return lambda: pts(cand(name).change)


def behind(name: str) -> Callable[[], str]:
    return lambda: n(cand(name).behind)


def ahead(name: str) -> Callable[[], str]:
    return lambda: n(cand(name).ahead or 0)


def position(name: str) -> Callable[[], Figure]:
    return lambda: ordinal(cand(name).position)


def of_seat(name: str, measure: str) -> Callable[[], str]:
    if measure == "turnout":
        return lambda: pc(seat(name).turnout)
    return lambda: n(getattr(seat(name), measure))


def standing(abbreviation: str, seat_name: str) -> t.Candidacy:
    """The party's candidate in the seat."""
    [found] = t.chosen_candidacies(party=abbreviation, seat=seat_name)
    return found


def placed(seat_name: str, *, position: int | None = None, last: bool | None = None) -> t.Candidacy:
    [found] = t.chosen_candidacies(seat=seat_name, position=position, last=last)
    return found


def women_men(sex: str, place: str) -> Callable[[], str]:
    return lambda: n(len(t.chosen_candidacies(gender=sex, won=True, place=place)))


# --- the matrix ----------------------------------------------------------------------------

VOTES = [
    *cells("lookup", "votes",
        c("how many votes did Nigel Farage get", votes("Nigel Farage")),
        c("farage votes", votes("Nigel Farage")),
        c("how many votes did carla denyer get", votes("Carla Denyer")),
    ),
    *cells("yesno", "votes",
        yes_no("did Nigel Farage get more than 20,000 votes",
               lambda: cand("Nigel Farage").votes > 20_000, votes("Nigel Farage")),
        yes_no("did jeremy corbyn get over 25000 votes",
               lambda: cand("Jeremy Corbyn").votes > 25_000, votes("Jeremy Corbyn")),
        yes_no("did Richard Tice get fewer than 10,000 votes",
               lambda: cand("Richard Tice").votes < 10_000, votes("Richard Tice")),
    ),
    *cells("count", "votes",
        counting("how many candidates got more than 30,000 votes",
                 lambda: t.chosen_candidacies("votes", ("over", 30_000)), never=("seats",)),
        counting("how many Reform candidates got over 15,000 votes",
                 lambda: t.chosen_candidacies("votes", ("over", 15_000), party="RUK")),
        counting("how many green candidates got fewer than 500 votes",
                 lambda: t.chosen_candidacies("votes", ("under", 500), party="Green")),
    ),
    *cells("list", "votes",
        listing("which Reform candidates got more than 15,000 votes",
                lambda: t.chosen_candidacies("votes", ("over", 15_000), party="RUK")),
        listing("candidates with over 30,000 votes",
                lambda: t.chosen_candidacies("votes", ("over", 30_000))),
    ),
    *cells("rank", "votes",
        top("who got the most votes", lambda: t.ranked_candidacies("votes"),
            lambda r: n(r.votes)),
        top("which green candidate got the most votes",
            lambda: t.ranked_candidacies("votes", party="Green"), lambda r: n(r.votes)),
        top("which candidate got the fewest votes",
            lambda: t.ranked_candidacies("votes", most=False), lambda r: n(r.votes)),
        top("top 3 candidates by votes in Wales",
            lambda: t.ranked_candidacies("votes", place="Wales"), lambda r: n(r.votes), 3),
    ),
    *cells("total", "votes",
        c("how many votes did Reform get in Wales",
          lambda: n(t.votes_of(party="RUK", place="Wales"))),
        c("total votes for the SNP", lambda: n(t.votes_of(party="SNP"))),
        c("total votes cast for labour in london",
          lambda: n(t.votes_of(party="Lab", place="London"))),
    ),
    *cells("compare", "votes",
        c("did Farage get more votes than Tice", votes("Nigel Farage"), votes("Richard Tice")),
        c("who got more votes, Jeremy Corbyn or Keir Starmer",
          votes("Jeremy Corbyn"), votes("Keir Starmer")),
        c("compare the votes of Carla Denyer and Thangam Debbonaire",
          votes("Carla Denyer"), votes("Thangam Debbonaire")),
        c("did Labour get more votes than Reform in Wales",
          lambda: n(t.votes_of(party="Lab", place="Wales")),
          lambda: n(t.votes_of(party="RUK", place="Wales"))),
    ),
]  # fmt: skip

SHARE = [
    *cells("lookup", "share",
        c("what share of the vote did Nigel Farage get", share("Nigel Farage")),
        c("farage vote share", share("Nigel Farage")),
        c("what percentage did Carla Denyer get", share("Carla Denyer")),
    ),
    *cells("yesno", "share",
        yes_no("did Farage get more than 50% of the vote",
               lambda: cand("Nigel Farage").share > 50, share("Nigel Farage")),
        yes_no("did Carla Denyer get over 50%",
               lambda: cand("Carla Denyer").share > 50, share("Carla Denyer")),
    ),
    *cells("count", "share",
        counting("how many candidates got over 60% of the vote",
                 lambda: t.chosen_candidacies("share", ("over", 60))),
        counting("how many Reform candidates got more than 30%",
                 lambda: t.chosen_candidacies("share", ("over", 30), party="RUK")),
        counting("in how many seats did the Greens get over 20%",
                 lambda: t.chosen_candidacies("share", ("over", 20), party="Green")),
    ),
    *cells("list", "share",
        listing("which Reform candidates got more than 35%",
                lambda: t.chosen_candidacies("share", ("over", 35), party="RUK")),
        listing("candidates with a share over 65%",
                lambda: t.chosen_candidacies("share", ("over", 65))),
    ),
    *cells("rank", "share",
        top("which candidate got the highest share", lambda: t.ranked_candidacies("share"),
            lambda r: pc(r.share)),
        top("lowest share for a winner",
            lambda: t.ranked_candidacies("share", most=False, won=True), lambda r: pc(r.share)),
        c("where did labour get its highest share in scotland",
          lambda: t.ranked_candidacies("share", party="Lab", place="Scotland")[0].seat,
          lambda: pc(t.ranked_candidacies("share", party="Lab", place="Scotland")[0].share)),
    ),
    *cells("total", "share",
        c("what was Labour's share of the vote in Wales",
          lambda: pc(t.share_of("Lab", "Wales"))),
        c("reform's overall share in scotland", lambda: pc(t.share_of("RUK", "Scotland"))),
    ),
    *cells("compare", "share",
        c("was Labour's share bigger in Wales than in Scotland",
          lambda: pc(t.share_of("Lab", "Wales")), lambda: pc(t.share_of("Lab", "Scotland"))),
        c("who got a higher share, Farage or Tice", share("Nigel Farage"), share("Richard Tice")),
        c("compare the share of Carla Denyer and Thangam Debbonaire",
          share("Carla Denyer"), share("Thangam Debbonaire")),
    ),
]  # fmt: skip

MAJORITY = [
    *cells("lookup", "majority",
        c("what was the majority in Clacton", of_seat("Clacton", "majority")),
        c("majority in islington north", of_seat("Islington North", "majority")),
        c("how big was Carla Denyer's majority", of_seat("Bristol Central", "majority")),
    ),
    *cells("yesno", "majority",
        yes_no("was the majority in Clacton over 10,000",
               lambda: seat("Clacton").majority > 10_000, of_seat("Clacton", "majority")),
        yes_no("was Jeremy Corbyn's majority more than 5000",
               lambda: seat("Islington North").majority > 5000,
               of_seat("Islington North", "majority")),
    ),
    *cells("count", "majority",
        counting("how many Labour MPs have majorities under 1000",
                 lambda: t.chosen_seats("majority", ("under", 1000), winner_party="Lab")),
        counting("how many seats had a majority under 100",
                 lambda: t.chosen_seats("majority", ("under", 100))),
        counting("how many seats in Scotland had majorities below 1,000",
                 lambda: t.chosen_seats("majority", ("under", 1000), place="Scotland")),
    ),
    *cells("list", "majority",
        listing("which labour mps have majorities under 1000",
                lambda: t.chosen_seats("majority", ("under", 1000), winner_party="Lab"),
                shown=lambda s: s.winner),
        listing("seats with a majority under 100",
                lambda: t.chosen_seats("majority", ("under", 100))),
        listing("which conservative seats have majorities under 500",
                lambda: t.chosen_seats("majority", ("under", 500), winner_party="Con")),
    ),
    *cells("rank", "majority",
        top("smallest majority", lambda: t.ranked_seats("majority", most=False),
            lambda s: n(s.majority)),
        top("which seat had the biggest majority in Scotland",
            lambda: t.ranked_seats("majority", place="Scotland"), lambda s: n(s.majority)),
        top("biggest Labour majority", lambda: t.ranked_seats("majority", winner_party="Lab"),
            lambda s: n(s.majority)),
        top("top 5 smallest majorities", lambda: t.ranked_seats("majority", most=False),
            lambda s: n(s.majority), 5),
    ),
    # A majority is one seat's margin: adding many up gives no figure anyone quotes.
    *cells("total", "majority",
        refused("total majority in Wales"),
        refused("add up the majorities of Labour MPs"),
    ),
    *cells("compare", "majority",
        c("which had the bigger majority, Clacton or Islington North",
          of_seat("Clacton", "majority"), of_seat("Islington North", "majority")),
        c("compare the majority in Clacton and Bristol Central",
          of_seat("Clacton", "majority"), of_seat("Bristol Central", "majority")),
        c("was Farage's majority bigger than Jeremy Corbyn's",
          of_seat("Clacton", "majority"), of_seat("Islington North", "majority")),
    ),
]  # fmt: skip

TURNOUT = [
    *cells("lookup", "turnout",
        c("turnout in Clacton", of_seat("Clacton", "turnout")),
        c("what was the turnout in Islington North", of_seat("Islington North", "turnout")),
    ),
    *cells("yesno", "turnout",
        yes_no("was turnout in Clacton over 60%",
               lambda: seat("Clacton").turnout > 60, of_seat("Clacton", "turnout")),
        yes_no("was turnout in islington north below 70%",
               lambda: seat("Islington North").turnout < 70,
               of_seat("Islington North", "turnout")),
    ),
    *cells("count", "turnout",
        # Brighton Pavilion's 70.017% is over 70%, though it shows as 70.0%.
        counting("how many seats had a turnout over 70%",
                 lambda: t.chosen_seats("turnout", ("over", 70))),
        counting("how many seats in Scotland had turnout under 55%",
                 lambda: t.chosen_seats("turnout", ("under", 55), place="Scotland")),
        counting("in how many seats was turnout below 50%",
                 lambda: t.chosen_seats("turnout", ("under", 50))),
    ),
    *cells("list", "turnout",
        listing("which seats had a turnout below 50%",
                lambda: t.chosen_seats("turnout", ("under", 50))),
        listing("seats in wales with turnout over 65%",
                lambda: t.chosen_seats("turnout", ("over", 65), place="Wales")),
    ),
    *cells("rank", "turnout",
        top("lowest turnout", lambda: t.ranked_seats("turnout", most=False),
            lambda s: pc(s.turnout)),
        top("which seat had the highest turnout", lambda: t.ranked_seats("turnout"),
            lambda s: pc(s.turnout)),
        top("highest turnout in Scotland", lambda: t.ranked_seats("turnout", place="Scotland"),
            lambda s: pc(s.turnout)),
        top("top 3 seats by turnout", lambda: t.ranked_seats("turnout"),
            lambda s: pc(s.turnout), 3),
    ),
    # Over many seats, turnout is all their valid votes over all their electors.
    *cells("total", "turnout",
        c("what was the overall turnout in Wales", lambda: pc(t.overall_turnout("Wales"))),
        c("turnout across Scotland", lambda: pc(t.overall_turnout("Scotland"))),
        c("what was the national turnout", lambda: pc(t.overall_turnout())),
    ),
    *cells("compare", "turnout",
        c("which had the higher turnout, Clacton or Islington North",
          of_seat("Clacton", "turnout"), of_seat("Islington North", "turnout")),
        c("compare turnout in Clacton and Bristol Central",
          of_seat("Clacton", "turnout"), of_seat("Bristol Central", "turnout")),
        c("was turnout higher in Wales than in Scotland",
          lambda: pc(t.overall_turnout("Wales")), lambda: pc(t.overall_turnout("Scotland"))),
    ),
]  # fmt: skip

ELECTORATE = [
    *cells("lookup", "electorate",
        c("what was the electorate in Clacton", of_seat("Clacton", "electorate")),
        c("how many electors in islington north", of_seat("Islington North", "electorate")),
        c("electorate of Bristol Central", of_seat("Bristol Central", "electorate")),
    ),
    *cells("yesno", "electorate",
        yes_no("was the electorate in Clacton over 75,000",
               lambda: seat("Clacton").electorate > 75_000, of_seat("Clacton", "electorate")),
        yes_no("did Islington North have more than 80,000 electors",
               lambda: seat("Islington North").electorate > 80_000,
               of_seat("Islington North", "electorate")),
    ),
    *cells("count", "electorate",
        counting("how many seats had more than 80,000 electors",
                 lambda: t.chosen_seats("electorate", ("over", 80_000))),
        counting("how many seats in wales have an electorate under 60,000",
                 lambda: t.chosen_seats("electorate", ("under", 60_000), place="Wales")),
    ),
    *cells("list", "electorate",
        listing("seats with an electorate under 55000",
                lambda: t.chosen_seats("electorate", ("under", 55_000))),
        listing("which seats in scotland have an electorate over 78,000",
                lambda: t.chosen_seats("electorate", ("over", 78_000), place="Scotland")),
    ),
    *cells("rank", "electorate",
        top("which seat had the largest electorate", lambda: t.ranked_seats("electorate"),
            lambda s: n(s.electorate)),
        top("smallest electorate in Wales",
            lambda: t.ranked_seats("electorate", most=False, place="Wales"),
            lambda s: n(s.electorate)),
        top("top 3 seats by electorate", lambda: t.ranked_seats("electorate"),
            lambda s: n(s.electorate), 3),
    ),
    *cells("total", "electorate",
        c("total electorate in Scotland", lambda: n(t.seat_total("electorate", "Scotland"))),
        c("how many people were registered to vote in Wales",
          lambda: n(t.seat_total("electorate", "Wales"))),
    ),
    *cells("compare", "electorate",
        c("compare the electorate of Clacton and Islington North",
          of_seat("Clacton", "electorate"), of_seat("Islington North", "electorate")),
        c("which has more electors, Clacton or Bristol Central",
          of_seat("Clacton", "electorate"), of_seat("Bristol Central", "electorate")),
    ),
]  # fmt: skip

VALID = [
    *cells("lookup", "valid",
        c("how many valid votes in Clacton", of_seat("Clacton", "valid")),
        c("valid votes cast in islington north", of_seat("Islington North", "valid")),
    ),
    *cells("yesno", "valid",
        yes_no("were there more than 40,000 valid votes in Clacton",
               lambda: seat("Clacton").valid > 40_000, of_seat("Clacton", "valid")),
        yes_no("were fewer than 45,000 valid votes cast in Bristol Central",
               lambda: seat("Bristol Central").valid < 45_000,
               of_seat("Bristol Central", "valid")),
    ),
    *cells("count", "valid",
        counting("how many seats had fewer than 30,000 valid votes",
                 lambda: t.chosen_seats("valid", ("under", 30_000))),
        counting("how many seats had more than 55,000 valid votes",
                 lambda: t.chosen_seats("valid", ("over", 55_000))),
    ),
    *cells("list", "valid",
        listing("which seats had fewer than 30,000 valid votes",
                lambda: t.chosen_seats("valid", ("under", 30_000))),
        listing("seats with more than 55,000 valid votes",
                lambda: t.chosen_seats("valid", ("over", 55_000))),
    ),
    *cells("rank", "valid",
        top("which seat had the most valid votes", lambda: t.ranked_seats("valid"),
            lambda s: n(s.valid)),
        top("fewest valid votes in Scotland",
            lambda: t.ranked_seats("valid", most=False, place="Scotland"),
            lambda s: n(s.valid)),
    ),
    *cells("total", "valid",
        c("how many valid votes were cast in Wales in total",
          lambda: n(t.seat_total("valid", "Wales"))),
        c("total valid votes in Scotland", lambda: n(t.seat_total("valid", "Scotland"))),
    ),
    *cells("compare", "valid",
        c("were more valid votes cast in Clacton than in Islington North",
          of_seat("Clacton", "valid"), of_seat("Islington North", "valid")),
        c("compare valid votes in Clacton and Bristol Central",
          of_seat("Clacton", "valid"), of_seat("Bristol Central", "valid")),
    ),
]  # fmt: skip

INVALID = [
    *cells("lookup", "invalid",
        c("how many spoilt ballots in Clacton", of_seat("Clacton", "invalid")),
        c("rejected ballots in islington north", of_seat("Islington North", "invalid")),
        c("how many invalid votes were there in Bristol Central",
          of_seat("Bristol Central", "invalid")),
    ),
    *cells("yesno", "invalid",
        yes_no("were more than 100 ballots rejected in Clacton",
               lambda: seat("Clacton").invalid > 100, of_seat("Clacton", "invalid")),
        yes_no("were there over 200 spoilt ballots in Islington North",
               lambda: seat("Islington North").invalid > 200,
               of_seat("Islington North", "invalid")),
    ),
    *cells("count", "invalid",
        counting("how many seats had more than 500 spoilt ballots",
                 lambda: t.chosen_seats("invalid", ("over", 500))),
        counting("how many seats in scotland had over 200 rejected ballots",
                 lambda: t.chosen_seats("invalid", ("over", 200), place="Scotland")),
    ),
    *cells("list", "invalid",
        listing("seats with more than 500 spoilt ballots",
                lambda: t.chosen_seats("invalid", ("over", 500))),
        listing("which seats in wales had more than 200 invalid votes",
                lambda: t.chosen_seats("invalid", ("over", 200), place="Wales")),
    ),
    *cells("rank", "invalid",
        top("top 3 seats by invalid ballots", lambda: t.ranked_seats("invalid"),
            lambda s: n(s.invalid), 3),
        top("which seat had the most spoilt ballots", lambda: t.ranked_seats("invalid"),
            lambda s: n(s.invalid)),
        top("fewest rejected ballots", lambda: t.ranked_seats("invalid", most=False),
            lambda s: n(s.invalid)),
    ),
    *cells("total", "invalid",
        c("how many ballots were spoilt in Scotland in total",
          lambda: n(t.seat_total("invalid", "Scotland"))),
        c("total invalid votes in Wales", lambda: n(t.seat_total("invalid", "Wales"))),
    ),
    *cells("compare", "invalid",
        c("were more ballots spoilt in Clacton than in Islington North",
          of_seat("Clacton", "invalid"), of_seat("Islington North", "invalid")),
        c("compare rejected ballots in Clacton and Bristol Central",
          of_seat("Clacton", "invalid"), of_seat("Bristol Central", "invalid")),
    ),
]  # fmt: skip

CHANGE = [
    *cells("lookup", "change",
        c("how much did Giles Watling's share change", change("Giles Watling")),
        c("change in share for Thangam Debbonaire", change("Thangam Debbonaire")),
        c("how much did Labour's share change in Clacton",
          lambda: pts(standing("Lab", "Clacton").change)),
    ),
    *cells("yesno", "change",
        yes_no("did Giles Watling's share fall by more than 40 points",
               lambda: (cand("Giles Watling").change or 0) < -40, change("Giles Watling")),
        yes_no("did carla denyer's share go up by more than 30 points",
               lambda: (cand("Carla Denyer").change or 0) > 30, change("Carla Denyer")),
        yes_no("did Labour's share fall in Clacton",
               lambda: (standing("Lab", "Clacton").change or 0) < 0,
               lambda: pts(standing("Lab", "Clacton").change)),
    ),
    *cells("count", "change",
        counting("in how many seats did the snp share drop by over 20 points",
                 lambda: t.chosen_candidacies("change", ("under", -20), party="SNP")),
        counting("how many SNP candidates lost more than 20 points",
                 lambda: t.chosen_candidacies("change", ("under", -20), party="SNP")),
        counting("how many Reform candidates increased their share by over 20 points",
                 lambda: t.chosen_candidacies("change", ("over", 20), party="RUK")),
    ),
    *cells("list", "change",
        listing("where did the SNP's share fall by more than 20 points",
                lambda: t.chosen_candidacies("change", ("under", -20), party="SNP"),
                shown=lambda r: r.seat),
        listing("which Conservative candidates lost more than 30 points",
                lambda: t.chosen_candidacies("change", ("under", -30), party="Con")),
    ),
    *cells("rank", "change",
        c("where did the snp vote fall most",
          lambda: t.ranked_candidacies("change", most=False, party="SNP")[0].seat,
          lambda: pts(t.ranked_candidacies("change", most=False, party="SNP")[0].change)),
        c("where did Reform's share rise most",
          lambda: t.ranked_candidacies("change", party="RUK")[0].seat,
          lambda: pts(t.ranked_candidacies("change", party="RUK")[0].change)),
        top("biggest rise in share", lambda: t.ranked_candidacies("change"),
            lambda r: pts(r.change)),
    ),
    *cells("total", "change",
        refused("total change in share"),
        refused("add up Labour's change in share in Scotland"),
    ),
    *cells("compare", "change",
        c("did Watling's share fall more than Debbonaire's",
          change("Giles Watling"), change("Thangam Debbonaire")),
        c("compare the change in share of Carla Denyer and Thangam Debbonaire",
          change("Carla Denyer"), change("Thangam Debbonaire")),
        c("compare the change in Labour's share in Clacton and Islington North",
          lambda: pts(standing("Lab", "Clacton").change),
          lambda: pts(standing("Lab", "Islington North").change)),
    ),
]  # fmt: skip

BEHIND = [
    *cells("lookup", "behind",
        c("how far behind was Thangam Debbonaire", behind("Thangam Debbonaire")),
        c("how many votes short was Giles Watling", behind("Giles Watling")),
        c("how many votes did Thangam Debbonaire lose by", behind("Thangam Debbonaire")),
    ),
    *cells("yesno", "behind",
        yes_no("did Thangam Debbonaire lose by more than 10,000 votes",
               lambda: cand("Thangam Debbonaire").behind > 10_000, behind("Thangam Debbonaire")),
        yes_no("was Giles Watling more than 5,000 votes behind",
               lambda: cand("Giles Watling").behind > 5000, behind("Giles Watling")),
        yes_no("did Giles Watling lose by more than 10,000 votes",
               lambda: cand("Giles Watling").behind > 10_000, behind("Giles Watling")),
    ),
    *cells("count", "behind",
        # Not "fewer than 100" or "200": as many Conservatives got that few votes.
        counting("how many Conservative candidates lost by fewer than 500 votes",
                 lambda: t.chosen_candidacies("behind", ("under", 500), party="Con",
                                              won=False)),
        counting("how many tories lost by less than 1,000 votes",
                 lambda: t.chosen_candidacies("behind", ("under", 1000), party="Con",
                                              won=False)),
        counting("how many Reform candidates lost by under 2000 votes",
                 lambda: t.chosen_candidacies("behind", ("under", 2000), party="RUK",
                                              won=False)),
    ),
    *cells("list", "behind",
        listing("which Conservatives lost by fewer than 100 votes",
                lambda: t.chosen_candidacies("behind", ("under", 100), party="Con", won=False)),
        listing("which green candidates lost by less than 5,000 votes",
                lambda: t.chosen_candidacies("behind", ("under", 5000), party="Green",
                                             won=False)),
    ),
    *cells("rank", "behind",
        top("who lost by the smallest margin",
            lambda: t.ranked_candidacies("behind", most=False, won=False),
            lambda r: n(r.behind)),
        top("which Reform candidate came closest to winning",
            lambda: t.ranked_candidacies("behind", most=False, party="RUK", won=False),
            lambda r: n(r.behind)),
    ),
    *cells("total", "behind",
        refused("total votes behind the winner for the Conservatives"),
        refused("add up how far behind Labour candidates were"),
    ),
    *cells("compare", "behind",
        c("who lost by more, Thangam Debbonaire or Giles Watling",
          behind("Thangam Debbonaire"), behind("Giles Watling")),
        c("was Debbonaire further behind than Watling",
          behind("Thangam Debbonaire"), behind("Giles Watling")),
    ),
]  # fmt: skip

AHEAD = [
    *cells("lookup", "ahead",
        c("how much did Nigel Farage win by", ahead("Nigel Farage")),
        c("how many votes ahead of the runner-up was Carla Denyer", ahead("Carla Denyer")),
        c("what did jeremy corbyn win by", ahead("Jeremy Corbyn")),
    ),
    *cells("yesno", "ahead",
        yes_no("did Farage win by more than 5,000 votes",
               lambda: (cand("Nigel Farage").ahead or 0) > 5000, ahead("Nigel Farage")),
        yes_no("did Carla Denyer win by over 20,000",
               lambda: (cand("Carla Denyer").ahead or 0) > 20_000, ahead("Carla Denyer")),
    ),
    *cells("count", "ahead",
        counting("how many Reform MPs won by more than 5,000 votes",
                 lambda: t.chosen_candidacies("ahead", ("over", 5000), party="RUK")),
        counting("how many candidates won by fewer than 50 votes",
                 lambda: t.chosen_candidacies("ahead", ("under", 50))),
    ),
    *cells("list", "ahead",
        listing("which Reform MPs won by more than 1,000 votes",
                lambda: t.chosen_candidacies("ahead", ("over", 1000), party="RUK")),
        listing("which candidates won by under 50 votes",
                lambda: t.chosen_candidacies("ahead", ("under", 50))),
    ),
    *cells("rank", "ahead",
        top("who won by the most votes", lambda: t.ranked_candidacies("ahead"),
            lambda r: n(r.ahead)),
        top("which lib dem won by the most", lambda: t.ranked_candidacies("ahead", party="LD"),
            lambda r: n(r.ahead)),
        top("who won by the smallest margin",
            lambda: t.ranked_candidacies("ahead", most=False), lambda r: n(r.ahead)),
    ),
    *cells("total", "ahead",
        refused("total votes ahead of the runner-up for Labour MPs"),
        refused("add up how much the Reform MPs won by"),
    ),
    *cells("compare", "ahead",
        c("who won by more, Farage or Jeremy Corbyn",
          ahead("Nigel Farage"), ahead("Jeremy Corbyn")),
        c("did Carla Denyer win by more than Nigel Farage",
          ahead("Carla Denyer"), ahead("Nigel Farage")),
    ),
]  # fmt: skip

POSITION = [
    *cells("lookup", "position",
        c("what position did Thangam Debbonaire come", position("Thangam Debbonaire")),
        c("where did Giles Watling finish", position("Giles Watling")),
        c("who came last in Clacton", lambda: placed("Clacton", last=True).name,
          lambda: n(placed("Clacton", last=True).votes)),
        c("who came third in Islington North",
          lambda: placed("Islington North", position=3).name,
          lambda: n(placed("Islington North", position=3).votes)),
    ),
    *cells("yesno", "position",
        yes_no("did Farage come first", lambda: cand("Nigel Farage").won,
               position("Nigel Farage")),
        yes_no("did Reform come second in Bristol Central",
               lambda: standing("RUK", "Bristol Central").position == 2,
               lambda: ordinal(standing("RUK", "Bristol Central").position)),
        yes_no("did Labour come last in Clacton", lambda: standing("Lab", "Clacton").last,
               lambda: ordinal(standing("Lab", "Clacton").position)),
    ),
    *cells("count", "position",
        counting("how many seats did Reform come third in in Scotland",
                 lambda: t.chosen_candidacies(party="RUK", position=3, place="Scotland")),
        counting("in how many seats did the Conservatives come second",
                 lambda: t.chosen_candidacies(party="Con", position=2)),
        counting("how many seats did the greens come last in",
                 lambda: t.chosen_candidacies(party="Green", last=True)),
    ),
    *cells("list", "position",
        listing("where did the Greens come second",
                lambda: t.chosen_candidacies(party="Green", position=2), shown=lambda r: r.seat),
        listing("which seats did the lib dems come third in in wales",
                lambda: t.chosen_candidacies(party="LD", position=3, place="Wales"),
                shown=lambda r: r.seat),
    ),
    # A position is a rank already: there is nothing to rank or add up.
    *cells("rank", "position",
        refused("rank candidates by finishing position"),
        refused("rank Reform candidates by position"),
    ),
    *cells("total", "position",
        refused("total of positions"),
        refused("add up the positions of Reform candidates"),
    ),
    *cells("compare", "position",
        c("did Labour finish ahead of the Conservatives in Clacton",
          lambda: ordinal(standing("Lab", "Clacton").position),
          lambda: ordinal(standing("Con", "Clacton").position)),
        c("who finished higher in Bristol Central, Labour or the Greens",
          lambda: ordinal(standing("Lab", "Bristol Central").position),
          lambda: ordinal(standing("Green", "Bristol Central").position)),
    ),
]  # fmt: skip

CANDIDATES = [
    *cells("lookup", "candidates",
        c("how many candidates stood in Clacton", of_seat("Clacton", "candidates")),
        c("number of candidates in islington north", of_seat("Islington North", "candidates")),
    ),
    *cells("yesno", "candidates",
        yes_no("did more than 8 candidates stand in Clacton",
               lambda: seat("Clacton").candidates > 8, of_seat("Clacton", "candidates")),
        yes_no("were there fewer than 5 candidates in Bristol Central",
               lambda: seat("Bristol Central").candidates < 5,
               of_seat("Bristol Central", "candidates")),
    ),
    *cells("count", "candidates",
        counting("how many seats had more than 10 candidates",
                 lambda: t.chosen_seats("candidates", ("over", 10))),
        counting("how many seats had fewer than 6 candidates",
                 lambda: t.chosen_seats("candidates", ("under", 6))),
    ),
    *cells("list", "candidates",
        listing("which seats had more than 10 candidates",
                lambda: t.chosen_seats("candidates", ("over", 10))),
        listing("seats with more than 11 candidates",
                lambda: t.chosen_seats("candidates", ("over", 11))),
    ),
    *cells("rank", "candidates",
        top("which seat had the most candidates", lambda: t.ranked_seats("candidates"),
            lambda s: n(s.candidates)),
        # Seven Welsh seats tie on the fewest: any of them, with the figure.
        c("which seat in wales had the fewest candidates",
          lambda: tuple(s.name for s in t.ranked_seats("candidates", most=False, place="Wales")
                        if s.candidates == t.ranked_seats("candidates", most=False,
                                                          place="Wales")[0].candidates),
          lambda: n(t.ranked_seats("candidates", most=False, place="Wales")[0].candidates)),
    ),
    *cells("total", "candidates",
        c("how many candidates stood in Wales", lambda: n(t.seat_total("candidates", "Wales"))),
        c("total number of candidates in Scotland",
          lambda: n(t.seat_total("candidates", "Scotland"))),
        c("how many candidates did Reform stand",
          lambda: n(len(t.chosen_candidacies(party="RUK")))),
    ),
    *cells("compare", "candidates",
        c("did more candidates stand in Clacton than in Islington North",
          of_seat("Clacton", "candidates"), of_seat("Islington North", "candidates")),
        c("compare the number of candidates in Clacton and Bristol Central",
          of_seat("Clacton", "candidates"), of_seat("Bristol Central", "candidates")),
    ),
]  # fmt: skip

SEATS = [
    *cells("lookup", "seats",
        c("how many seats did Labour win", lambda: n(t.seats_by_party()["Lab"])),
        c("how many seats did the Lib Dems win in Scotland",
          lambda: n(t.seats_by_party("Scotland")["LD"])),
    ),
    *cells("yesno", "seats",
        yes_no("did Labour win more than 400 seats",
               lambda: t.seats_by_party()["Lab"] > 400, lambda: n(t.seats_by_party()["Lab"])),
        yes_no("did Reform win more than 10 seats",
               lambda: t.seats_by_party()["RUK"] > 10, lambda: n(t.seats_by_party()["RUK"])),
    ),
    *cells("count", "seats",
        counting("how many parties won more than 10 seats", lambda: t.parties_winning(10)),
        counting("how many parties won seats in Wales",
                 lambda: t.parties_winning(place="Wales")),
    ),
    *cells("list", "seats",
        Cell("which parties won more than 6 seats",
             lambda: (n(len(t.parties_winning(6))),),
             listed=lambda: [n(t.seats_by_party()[p]) for p in t.parties_winning(6)]),
        Cell("which parties won seats in Scotland",
             lambda: (n(len(t.parties_winning(place="Scotland"))),),
             listed=lambda: [n(t.seats_by_party("Scotland")[p])
                             for p in t.parties_winning(place="Scotland")]),
    ),
    *cells("rank", "seats",
        c("which party won the most seats",
          lambda: party(t.seats_by_party().most_common(1)[0][0]),
          lambda: n(t.seats_by_party().most_common(1)[0][1])),
        c("who won the most seats in Wales",
          lambda: party(t.seats_by_party("Wales").most_common(1)[0][0]),
          lambda: n(t.seats_by_party("Wales").most_common(1)[0][1])),
        c("which party won the most seats in Northern Ireland",
          lambda: party(t.seats_by_party("Northern Ireland").most_common(1)[0][0]),
          lambda: n(t.seats_by_party("Northern Ireland").most_common(1)[0][1])),
    ),
    *cells("total", "seats",
        c("how many seats are there in Scotland",
          lambda: n(len(t.chosen_seats(place="Scotland"))) + " seats"),
        c("how many seats in total in wales",
          lambda: n(len(t.chosen_seats(place="Wales"))) + " seats"),
        c("how many seats did the Lib Dems and the SNP win in total",
          lambda: n(t.seats_by_party()["LD"] + t.seats_by_party()["SNP"])),
    ),
    *cells("compare", "seats",
        c("did Labour win more seats than the Conservatives in Scotland",
          lambda: n(t.seats_by_party("Scotland")["Lab"]),
          lambda: n(t.seats_by_party("Scotland")["Con"])),
        c("who won more seats, the Lib Dems or the SNP",
          lambda: n(t.seats_by_party()["LD"]), lambda: n(t.seats_by_party()["SNP"])),
        c("compare Lib Dem and SNP seats",
          lambda: n(t.seats_by_party()["LD"]), lambda: n(t.seats_by_party()["SNP"])),
    ),
]  # fmt: skip

# Women and men: a filter on the other measures, not a figure of its own to look up.
GENDER = [
    *cells("yesno", "gender",
        yes_no("was Bristol Central won by a woman",
               lambda: seat("Bristol Central").winner_gender == "Female",
               lambda: seat("Bristol Central").winner),
        yes_no("did a woman win Clacton", lambda: seat("Clacton").winner_gender == "Female",
               lambda: seat("Clacton").winner),
    ),
    *cells("count", "gender",
        counting("how many women MPs were elected in Wales",
                 lambda: t.chosen_candidacies(gender="Female", won=True, place="Wales")),
        counting("how many women candidates stood in Scotland",
                 lambda: t.chosen_candidacies(gender="Female", place="Scotland")),
        counting("how many men won seats in Scotland",
                 lambda: t.chosen_candidacies(gender="Male", won=True, place="Scotland")),
        counting("how many female Reform candidates were there",
                 lambda: t.chosen_candidacies(gender="Female", party="RUK")),
    ),
    *cells("list", "gender",
        listing("which women won in Wales",
                lambda: t.chosen_candidacies(gender="Female", won=True, place="Wales")),
        listing("which women won in scotland",
                lambda: t.chosen_candidacies(gender="Female", won=True, place="Scotland")),
        listing("list the female reform candidates who got more than 25% of the vote",
                lambda: t.chosen_candidacies("share", ("over", 25), gender="Female",
                                             party="RUK")),
    ),
    *cells("rank", "gender",
        top("which woman got the most votes",
            lambda: t.ranked_candidacies("votes", gender="Female"), lambda r: n(r.votes)),
        top("which female MP had the biggest majority",
            lambda: t.ranked_candidacies("ahead", gender="Female"), lambda r: n(r.ahead)),
        top("which woman got the highest share",
            lambda: t.ranked_candidacies("share", gender="Female"), lambda r: pc(r.share)),
    ),
    *cells("total", "gender",
        c("how many votes did women candidates get in total",
          lambda: n(t.votes_of(gender="Female"))),
        c("total votes for women candidates in Wales",
          lambda: n(t.votes_of(gender="Female", place="Wales"))),
    ),
    *cells("compare", "gender",
        c("were more women than men elected in Wales",
          women_men("Female", "Wales"), women_men("Male", "Wales")),
        c("did more women or men win in scotland",
          women_men("Female", "Scotland"), women_men("Male", "Scotland")),
    ),
]  # fmt: skip

MATRIX = (
    VOTES + SHARE + MAJORITY + TURNOUT + ELECTORATE + VALID + INVALID + CHANGE + BEHIND + AHEAD
    + POSITION + CANDIDATES + SEATS + GENDER
)  # fmt: skip


def _has(text: str, figure: Figure) -> bool:
    """Whether the text states the figure as a whole: "5" is not in "15", "5,161" or "5.2"."""
    options = (figure,) if isinstance(figure, str) else figure
    return any(
        re.search(r"(?<![\w.,])" + re.escape(option) + r"(?![\w]|[.,]\d)", text)
        for option in options
    )


@pytest.mark.parametrize("cell", MATRIX)
def test_matrix(shipped_engine: Engine, cell: Cell) -> None:
    answer = shipped_engine.answer(cell.question)
    text = to_plain(answer)
    first_line = text.splitlines()[0]
    said = f"{cell.question!r} [{answer.status}] -> {first_line}"
    if cell.refused:
        assert str(answer.status) == "not_found", said
        assert first_line.startswith("I can’t"), said
        return
    assert str(answer.status) == "answered", said
    if cell.yes is not None:
        expected = "Yes" if cell.yes() else "No"
        assert re.match(rf"{expected}\b", first_line), f"{said}\n  should start {expected!r}"
    for figure in cell.says():
        assert _has(first_line, figure), f"{said}\n  should say {figure!r}"
    for word in cell.never:
        assert word not in first_line, f"{said}\n  should not say {word!r}"
    if cell.listed is not None:
        names = list(cell.listed())
        shown = [name for name in names if _has(text, name)]
        assert len(shown) >= min(len(names), 10), f"{said}\n  lists {shown} of {names}"
        if cell.ordered:
            places = [text.index(name) for name in names]
            assert places == sorted(places), f"{said}\n  not in the order {names}"


def test_every_measure_meets_every_operation() -> None:
    """The table covers the matrix: each measure with each operation, each asked twice."""
    asked: dict[tuple[str, str], int] = {}
    for param in MATRIX:
        operation, measure, _ = str(param.id).split("-")
        asked[operation, measure] = asked.get((operation, measure), 0) + 1
    operations = {"lookup", "yesno", "count", "list", "rank", "total", "compare"}
    measures = {m for _, m in asked}
    expected = {(o, m) for o in operations for m in measures} - {("lookup", "gender")}
    assert set(asked) == expected
    assert min(asked.values()) >= 2
