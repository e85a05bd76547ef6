"""Party colours: the one table, and a neutral grey for every party not in it.

The colours are those the parties use and results pages show, so a chart reads at a glance;
the meaning is always in the labels too (name, party, figures), never in colour alone, so a
reader who cannot tell two colours apart loses nothing.
"""

from __future__ import annotations

NEUTRAL = "#A0A0A0"
TEXT = "#1A1A1A"
MUTED = "#5A5A5A"
RULE = "#D0D0D0"
BACKGROUND = "#FFFFFF"

PARTY_COLOURS = {
    "labour": "#E4003B",
    "conservative": "#0087DC",
    "liberal-democrat": "#FAA61A",
    "reform-uk": "#12B6CF",
    "green": "#02A95B",
    "scottish-national-party": "#FDF38E",
    "plaid-cymru": "#005B54",
    "sinn-fein": "#326760",
    "democratic-unionist-party": "#D46A4C",
    "social-democratic-and-labour-party": "#2AA82C",
    "alliance": "#F6CB2F",
    "ulster-unionist-party": "#48A5EE",
    "traditional-unionist-voice": "#0C3A6A",
    "workers-party": "#770000",
    "speaker": "#404040",
    # Parties of the earlier elections (issue 17)
    "uk-independence-party": "#70147A",
    "the-brexit-party": "#12B6CF",
    # Election night: the seats still to declare, paler than any party's grey (issue 18)
    "not-declared": "#E2E2E2",
}


def party_colour(party_id: str | None) -> str:
    return PARTY_COLOURS.get(party_id or "", NEUTRAL)


def lighter(colour: str, amount: float = 0.55) -> str:
    """The colour mixed with white: a second series of bars in the same party's colour."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mixed = (round(c + (255 - c) * amount) for c in (red, green, blue))
    return "#" + "".join(f"{c:02X}" for c in mixed)
