"""The night's sentences: a seat as it stands, a declaration as a line, the tally so far."""

from __future__ import annotations

from datetime import datetime

from bot.engine.night.changes import Change, NightEvent
from bot.engine.night.results import NightResults, NightSeat, Stage

TOP_CANDIDATES = 3  # an alert on a phone: the winner, the runner-up, the third


def clock(moment: datetime) -> str:
    """ "03:12": the night's times are UK local time, within a night everyone knows the day."""
    return moment.strftime("%H:%M")


def day_and_clock(moment: datetime) -> str:
    """ "03:12 on 5 July"."""
    return f"{clock(moment)} on {moment.day} {moment.strftime('%B')}"


def outcome(seat: NightSeat, night: NightResults) -> str:
    """ "Reform UK gain from Conservative", from the published "RUK gain from Con"."""
    words = seat.result.split()
    if len(words) >= 2 and words[1] == "hold":
        return f"{night.party_name(words[0])} hold"
    if len(words) >= 4 and words[1:3] == ["gain", "from"]:
        return f"{night.party_name(words[0])} gain from {night.party_name(words[3])}"
    return seat.result


def winner_line(seat: NightSeat, night: NightResults) -> str:
    """ "Nigel Farage (Reform UK) won Clacton: Reform UK gain from Conservative."."""
    assert seat.winner is not None
    said = f"{seat.winner.name} ({seat.winner.party}) won {seat.name}"
    return f"{said}: {outcome(seat, night)}." if seat.result else f"{said}."


def figure_as_published(seat: NightSeat, figure: str) -> str:
    """The figure a question of one seat asked, from the count as the feed published it
    (its first line when those figures are not yet the final ones)."""
    figures = seat.figures
    as_published = "as first published, not yet verified"
    if figures is not None and figure == "majority":
        return f"The majority in {seat.name}: {figures.majority:,} votes, {as_published}."
    if figures is not None and figure == "turnout" and figures.electorate:
        turnout = 100 * figures.valid_votes / figures.electorate
        return f"Turnout in {seat.name}: {turnout:.1f}%, {as_published}."
    return f"The {figure} in {seat.name}, {as_published}:"


def figures_lines(seat: NightSeat) -> list[str]:
    """The count as published: majority, turnout, the leading candidates."""
    if seat.figures is None:
        return []
    figures = seat.figures
    lines = [f"Majority: {figures.majority:,} votes."]
    if figures.electorate:
        lines.append(
            f"Turnout: {100 * figures.valid_votes / figures.electorate:.1f}% "
            f"({figures.valid_votes:,} valid votes)."
        )
    for place, candidate in enumerate(seat.candidates[:TOP_CANDIDATES], start=1):
        share = f", {100 * candidate.share:.1f}%" if candidate.share is not None else ""
        lines.append(f"{place}. {candidate.name} ({candidate.party}): {candidate.votes:,}{share}")
    more = len(seat.candidates) - TOP_CANDIDATES
    if more > 0:
        lines.append(f"and {more} more candidate{'s' if more > 1 else ''}.")
    return lines


VOTES_NOT_OUT = "The votes are not yet published."


def state_lines(seat: NightSeat, night: NightResults, with_candidates: bool = True) -> list[str]:
    """What is known of one seat now, first line first; the candidates' lines left out
    where an answer shows them as a table."""
    if not seat.declared:
        standing = len(seat.candidates)
        said = f"{seat.name} has not declared yet"
        if standing:
            said += f": {standing} candidate{'s are' if standing > 1 else ' is'} standing."
        return [said + ("" if standing else ".")]
    lines = [winner_line(seat, night)]
    if seat.declared_at is not None:
        lines.append(f"In at {clock(seat.declared_at)} (when it reached the results feed).")
    if seat.stage == Stage.WINNER:
        lines.append(VOTES_NOT_OUT)
        return lines
    lines += figures_lines(seat) if with_candidates else figures_lines(seat)[:2]
    if seat.corrected:
        lines.append("These are corrected figures: the first published differed.")
    elif seat.stage == Stage.COUNTED:
        lines.append("Not yet verified by the Commons Library.")
    return lines


def as_of(night: NightResults) -> str:
    """The moment the answer is true of, and why it may be behind."""
    said = f"As of {clock(night.as_of)}"
    if night.trouble:
        said += " (the results feed cannot be read just now)"
    return said


def tally(night: NightResults, top: int = 6) -> str:
    """ "Labour 300, Conservative 80, Liberal Democrat 40, ...", most seats first."""
    won = night.seats_won().most_common()
    shown = [f"{night.party_name(party)} {seats}" for party, seats in won[:top]]
    others = sum(seats for _, seats in won[top:])
    if others:
        shown.append(f"others {others}")
    return ", ".join(shown)


def event_line(event: NightEvent, night: NightResults) -> str:
    """One line for the console's replay: "23:30  Houghton and Sunderland South: ..."."""
    seat = event.seat
    declared = event.change is Change.DECLARED and seat.declared_at is not None
    when = clock(seat.declared_at if declared and seat.declared_at else night.as_of)
    if event.change is Change.DECLARED:
        assert seat.winner is not None
        said = f"{seat.winner.name} ({seat.winner.party}), {outcome(seat, night)}"
        if seat.figures is not None:
            said += f", majority {seat.figures.majority:,}"
        return f"{when}  {seat.name}: {said}"
    if event.change is Change.COUNTED:
        return f"{when}  {seat.name}: the votes: {_count(seat)}"
    if event.change is Change.VERIFIED:
        return f"{when}  {seat.name}: verified by the Commons Library"
    return f"{when}  {seat.name}: CORRECTED: {'; '.join(corrections(event))}"


def corrections(event: NightEvent) -> list[str]:
    """What a correction changed: "electorate 57,359 (was 70,297)", a name, a winner."""
    before, after = event.before, event.seat
    if before is None or before.winner is None or after.winner is None:
        return ["the result as published has changed"]
    said = []
    if before.winner.name != after.winner.name:
        said.append(f"the winner is {after.winner.name} ({after.winner.party}), "
                    f"not {before.winner.name}")  # fmt: skip
    if before.figures is not None and after.figures is not None:
        for label, was, now in (
            ("electorate", before.figures.electorate, after.figures.electorate),
            ("valid votes", before.figures.valid_votes, after.figures.valid_votes),
            ("majority", before.figures.majority, after.figures.majority),
        ):
            if was != now:
                said.append(f"{label} {now:,} (was {was:,})")
    earlier = {c.dc_id: c for c in before.candidates if c.dc_id is not None}
    for candidate in after.candidates:
        old = earlier.get(candidate.dc_id) if candidate.dc_id is not None else None
        if old is None:
            continue
        if old.name != candidate.name:
            said.append(f"{old.name} is {candidate.name}")
        if old.votes != candidate.votes and candidate.votes is not None and old.votes is not None:
            said.append(f"{candidate.name} {candidate.votes:,} votes (was {old.votes:,})")
    return said or ["the result as published has changed"]


def _count(seat: NightSeat) -> str:
    if seat.figures is None or seat.winner is None:
        return "not yet published"
    winner = seat.candidates[0]
    return (
        f"{winner.name} {winner.votes:,}, majority {seat.figures.majority:,}, "
        f"{seat.figures.valid_votes:,} valid votes of an electorate of {seat.figures.electorate:,}"
    )
