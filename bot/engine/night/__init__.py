"""The election night as the engine knows it: each seat's state, what changed, and answers."""

from bot.engine.night.results import (
    MAJORITY_LINE,
    Figures,
    NightCandidate,
    NightResults,
    NightSeat,
    Stage,
)

__all__ = ["MAJORITY_LINE", "Figures", "NightCandidate", "NightResults", "NightSeat", "Stage"]
