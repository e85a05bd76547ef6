"""Pydantic models of the knowledge file (results.json).

The file is a list of facts, each traceable to the sentence it came from (``quote`` with its
character offsets in the source document) or, for derived facts, to the facts it was computed
from (``derived_from``). Constituencies, people and parties are the entities the facts are
about; ``results`` is the per-seat view assembled from the facts, each field naming its facts.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal, NamedTuple

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator


class Model(BaseModel):
    """Strict base: unknown fields are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _iso_time(value: str | None) -> str | None:
    """A time the engine reads as ISO: refused when the file is loaded, not when asked."""
    if value is not None:
        datetime.fromisoformat(value)
    return value


# When something happened on an election night, ISO, UK time ("2024-07-05T04:05")
IsoTime = Annotated[str | None, AfterValidator(_iso_time)]


class Election(Model):
    id: str
    name: str
    date: str = Field(description="ISO date of polling day")


class SourceDocument(Model):
    id: str
    kind: Literal["article", "dataset", "boundaries", "history", "recorded"]
    title: str
    publisher: str
    author: str | None = None
    issue: str | None = None
    path: str = Field(description="where the document lives, relative to the repository")
    sha256: str
    licence: str | None = None
    attribution: str | None = Field(default=None, description="what the licence asks us to say")


class Constituency(Model):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list, description="other spellings people use")
    ons_id: str | None = Field(default=None, description="its ONS ID, for a 2024 seat")
    # From official results, where imported (None: not known)
    region: str | None = None
    country: str | None = None
    electorate: int | None = None
    valid_votes: int | None = None
    invalid_votes: int | None = None
    majority: int | None = None
    result: str | None = Field(default=None, description='e.g. "Ind gain from Lab"')
    declared: str | None = Field(default=None, description="declaration time, where given")
    # Not the declaration: the Library recorded each result some time after it was declared.
    recorded: IsoTime = Field(
        default=None, description="when the Commons Library recorded its result, ISO, UK time"
    )
    facts: list[str] = Field(default_factory=list, description="facts behind these figures")


class Person(Model):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    # The IDs that say a person is the same across elections (names never do)
    mnis_id: int | None = Field(default=None, description="Member MNIS ID: MPs, past or present")
    dc_id: int | None = Field(default=None, description="Democracy Club person ID")


class Party(Model):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    abbreviation: str | None = None
    # One registered party may stand under another name (the Brexit Party became Reform UK)
    registration: str | None = Field(default=None, description="Electoral Commission party ID")


class FactBase(Model):
    """What every fact carries: where it comes from."""

    id: str
    source: str | None = Field(default=None, description="source document id, for quoted facts")
    quote: str | None = Field(default=None, description="the exact sentence(s) it comes from")
    start: int | None = Field(default=None, description="character offset of quote in source")
    end: int | None = None
    derived_from: list[str] = Field(default_factory=list, description="facts it is computed from")
    row: int | None = Field(default=None, description="line of a dataset source it comes from")

    @model_validator(mode="after")
    def _quoted_row_or_derived(self) -> FactBase:
        kinds = [self.quote is not None, self.row is not None, bool(self.derived_from)]
        if sum(kinds) != 1:
            raise ValueError("a fact has exactly one of a quote, a dataset row or derived_from")
        if self.quote is not None and (
            self.source is None or self.start is None or self.end is None
        ):
            raise ValueError("a quoted fact needs source, start and end")
        if self.row is not None and self.source is None:
            raise ValueError("a dataset fact needs its source")
        return self

    def numbers(self) -> list[float]:
        """The numbers this fact states; each must appear in its quote."""
        return []


class ResultFact(FactBase):
    """Something about one candidacy: a person's (or an unnamed party candidate's) result."""

    kind: Literal["result"] = "result"
    seat: str | None = None
    person: str | None = None
    party: str | None = None
    year: int = 2024
    votes: int | None = None
    share: float | None = Field(default=None, description="percent of the vote, as stated")
    share_qualifier: str | None = Field(default=None, description='e.g. "almost"')
    place: int | None = None
    elected: bool | None = None
    outcome: str | None = Field(default=None, description='verb as the article puts it: "held"')
    margin: int | None = Field(default=None, description="winning margin, as stated")
    margin_qualifier: str | None = Field(default=None, description='e.g. "just over"')
    opponent: str | None = Field(default=None, description="person id beaten or beaten by")
    heading: str | None = Field(default=None, description="list heading the line sits under")
    change: float | None = Field(default=None, description="share change since 2019, points")
    sitting_mp: bool | None = None
    former_mp: bool | None = Field(default=None, description="an MP before, but not sitting")
    gender: str | None = Field(default=None, description='as published: "Female", "Male"')
    party_label: str | None = Field(default=None, description="party as the source names it")

    def numbers(self) -> list[float]:
        found = [self.votes, self.share, self.margin]
        if self.year != 2024:
            found.append(self.year)
        return [float(n) for n in found if n is not None]


class RoleFact(FactBase):
    """How the article describes a person ("Shadow health secretary")."""

    kind: Literal["role"] = "role"
    person: str
    role: str = Field(description="verbatim words from the quote")


class SaidFact(FactBase):
    """Words a person said, or that were said for them."""

    kind: Literal["said"] = "said"
    person: str
    speaker: str | None = Field(default=None, description="who spoke, if not the person")
    words: list[str] = Field(description="the words said, paragraph by paragraph, verbatim")


class AliasFact(FactBase):
    """The article spells an entity another way."""

    kind: Literal["alias"] = "alias"
    entity: str
    alias: str


class NoteFact(FactBase):
    """A sentence worth showing about some entities (none: about the election as a whole)."""

    kind: Literal["note"] = "note"
    about: list[str] = Field(default_factory=list)


class CountFact(FactBase):
    """A count the article states and the builder checks ("Five ... independents won")."""

    kind: Literal["count"] = "count"
    party: str
    elected: bool
    count: int
    count_words: str = Field(description="how the quote says the number, e.g. Five")


class ComparisonFact(FactBase):
    """The article says one person's vote was higher than another's; the builder checks it."""

    kind: Literal["comparison"] = "comparison"
    higher: str
    lower: str


class SeatFact(FactBase):
    """A seat's official figures: one row of the constituency results."""

    kind: Literal["seat"] = "seat"
    seat: str
    electorate: int
    valid_votes: int
    invalid_votes: int
    majority: int
    result: str
    declared: str | None = None


class RecordedFact(FactBase):
    """When the Commons Library recorded a seat's result on election night: one row of its
    sheet. The declaration itself can be some time earlier."""

    kind: Literal["recorded"] = "recorded"
    seat: str
    recorded: IsoTime = Field(
        description="ISO, UK time; None: the row has no result, so its time is no result's"
    )


class DiscrepancyFact(FactBase):
    """The article and the official data disagree on one figure; the official one is used."""

    kind: Literal["discrepancy"] = "discrepancy"
    subject: str = Field(description="the result or seat id the figure belongs to")
    field: str = Field(description='"votes", "share", "place", "party", "majority", ...')
    article: str = Field(description="the article's value, as it would be shown")
    official: str


class MajorityFact(FactBase):
    """Winner's votes minus runner-up's, computed."""

    kind: Literal["majority"] = "majority"
    seat: str
    majority: int
    winner: str = Field(description="result id of the winner")
    runner_up: str = Field(description="result id of the runner-up")


class ChangeFact(FactBase):
    """A person's vote in one election against an earlier one, computed."""

    kind: Literal["change"] = "change"
    person: str
    seat: str
    from_year: int
    to_year: int
    votes_before: int
    votes_after: int
    change: int
    percent_change: float


Fact = Annotated[
    ResultFact
    | RoleFact
    | SaidFact
    | AliasFact
    | NoteFact
    | CountFact
    | ComparisonFact
    | MajorityFact
    | ChangeFact
    | SeatFact
    | RecordedFact
    | DiscrepancyFact,
    Field(discriminator="kind"),
]


class CandidateResult(Model):
    """One candidacy in one seat, merged from its facts; None means the sources don't say."""

    id: str
    seat: str | None
    person: str | None
    party: str | None
    votes: int | None = None
    share: float | None = None
    place: int | None = None
    elected: bool | None = None
    change: float | None = Field(default=None, description="share change since 2019, points")
    sitting_mp: bool | None = None
    former_mp: bool | None = Field(default=None, description="an MP before, but not sitting")
    gender: str | None = Field(default=None, description='as published: "Female", "Male"')
    party_label: str | None = Field(default=None, description="party as the official data names it")
    facts: list[str] = Field(description="ids of the facts this result is assembled from")


class Successor(Model):
    """A 2024 seat that took in part of a former seat."""

    seat: str = Field(description="the 2024 seat's id")
    population: float = Field(ge=0, le=1, description="share of the former seat's people")


class FormerSeat(Model):
    """A seat of the 2010 boundaries (used from 2010 to 2019) whose name no 2024 seat has."""

    id: str = Field(description="its ONS ID")
    name: str
    successors: list[Successor] = Field(description="largest share of its people first")
    source: str
    row: int = Field(description="the line of its first overlap in the source file")


class ElectionRecord(Model):
    """One election the history holds: a general election or one by-election."""

    id: str = Field(description='"ge2019", or "by-2025-05-01-runcorn-and-helsby"')
    kind: Literal["general", "by-election"]
    date: str = Field(description="ISO date of polling day")
    parliament: int = Field(description="the year the Parliament it falls in was elected")
    boundaries: Literal[2010, 2024] = Field(description="the seats it was fought on")
    briefing: str | None = Field(default=None, description="the Library's briefing")


class Candidacy(NamedTuple):
    """One candidate in one contest, as the file gives it. Stored as an array: the history
    holds some 15,000 of them, and arrays load in a third of the time objects do."""

    name: str
    party: str  # party id
    party_label: str  # the party as the file names it ("Labour and Co-operative")
    votes: int
    share: float  # percent of the valid votes, from the file's fraction
    elected: bool
    gender: str | None
    mnis_id: int | None  # Member MNIS ID: the same MP across elections
    dc_id: int | None  # Democracy Club person ID
    person: str | None  # the 2024 person this is, by one of those IDs
    row: int  # its line in the candidates file
    sitting: bool = False  # a sitting MP when it was held
    former: bool = False  # an MP before, not sitting


class Contest(Model):
    """One seat's result at one election of the history."""

    election: str
    seat: str = Field(description="the id of its name, as 2024 seats have")
    ons_id: str
    name: str
    region: str | None = None
    country: str | None = None
    electorate: int
    valid_votes: int
    invalid_votes: int | None = Field(default=None, description="None: not given ([x])")
    majority: int
    result: str
    declared: str | None = Field(default=None, description="declaration time, as published")
    seats_source: str
    row: int = Field(description="its line in the constituencies file")
    candidates_source: str
    candidates: list[Candidacy] = Field(description="most votes first")


class Predecessor(Model):
    """A seat of the 2010 boundaries that a 2024 seat took people from."""

    ons_id: str
    name: str
    population: float = Field(ge=0, le=1, description="share of the 2024 seat's people")
    row: int


class Knowledge(Model):
    schema_version: Literal[1] = 1
    election: Election
    sources: list[SourceDocument]
    constituencies: list[Constituency]
    people: list[Person]
    parties: list[Party]
    results: list[CandidateResult]
    facts: list[Fact]
    former_seats: list[FormerSeat] = Field(default_factory=list)
    # Earlier elections and by-elections (knowledge/history.py): elections, their contests,
    # the parties that stood only in them, and where each 2024 seat's people were before.
    elections: list[ElectionRecord] = Field(default_factory=list)
    contests: list[Contest] = Field(default_factory=list)
    history_parties: list[Party] = Field(default_factory=list)
    predecessors: dict[str, list[Predecessor]] = Field(default_factory=dict)
