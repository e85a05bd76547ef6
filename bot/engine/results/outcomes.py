"""A seat's official outcome ("Lab hold", "RUK gain from Con") as typed values, read once at
load: the winning party, the party that won the seat's notional 2019 result, and words for
both that use party names, never the Library's codes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.schema import Constituency, Party

_RESULT = re.compile(r"^(?P<winner>.+?) (?:hold|gain from (?P<previous>.+))$", re.IGNORECASE)
# Codes the results use beside the party's own: 2015 and 2019 write "Con gain from Lab Coop"
# for a Labour and Co-operative MP's seat, which the Library counts as Labour's.
CODE_ALIASES = {"Lab Coop": "Lab"}


def party_code(code: str) -> str:
    """The party's abbreviation a result's code stands for."""
    return CODE_ALIASES.get(code, code)


@dataclass(frozen=True)
class Outcome:
    winner: str  # party id (or, for a code no party has, the code itself)
    previous: str  # the party that won the notional 2019 result
    winner_name: str
    previous_name: str

    @property
    def changed_hands(self) -> bool:
        return self.winner != self.previous

    def words(self) -> str:
        """'Reform UK gain from Conservative' or 'Labour hold'."""
        if self.changed_hands:
            return f"{self.winner_name} gain from {self.previous_name}"
        return f"{self.winner_name} hold"


def outcomes(seats: list[Constituency], parties: list[Party]) -> dict[str, Outcome]:
    """Each seat's outcome, where the official results give one."""
    by_code = {p.abbreviation: p for p in parties if p.abbreviation}
    found: dict[str, Outcome] = {}
    for seat in seats:
        matched = _RESULT.match(seat.result or "")
        if matched is None:
            continue
        winner_code = party_code(matched["winner"])
        previous_code = party_code(matched["previous"] or matched["winner"])
        winner = by_code.get(winner_code)
        previous = by_code.get(previous_code)
        found[seat.id] = Outcome(
            winner.id if winner else winner_code,
            previous.id if previous else previous_code,
            winner.name if winner else winner_code,
            previous.name if previous else previous_code,
        )
    return found
