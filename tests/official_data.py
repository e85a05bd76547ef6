"""Small synthetic files in the House of Commons Library's format, written for the tests.

The seats the article covers carry the article's own figures where the tests need the two
sources to agree, and made-up figures where they need them to differ; every other name is
invented. Nothing here comes from the Library's files.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

CANDIDATE_COLUMNS = [
    "ONS ID", "ONS region ID", "Constituency name", "County name", "Region name",
    "Country name", "Constituency type", "Party name", "Party abbreviation",
    "Electoral Commission party ID", "MNIS party ID", "Electoral Commission adjunct party ID",
    "Candidate first name", "Candidate surname", "Candidate gender", "Sitting MP", "Former MP",
    "Member MNIS ID", "Votes", "Share", "Change", "DC Person ID",
]  # fmt: skip
SEAT_COLUMNS = [
    "ONS ID", "ONS region ID", "Constituency name", "County name", "Region name",
    "Country name", "Constituency type", "Declaration time", "Member first name",
    "Member surname", "Member gender", "Result", "First party", "Second party", "Electorate",
    "Valid votes", "Invalid votes", "Majority", "Con", "Lab", "LD", "RUK", "Green", "SNP", "PC",
    "DUP", "SF", "SDLP", "UUP", "APNI", "All other candidates", "Of which other winner",
]  # fmt: skip
PARTIES = {
    "Lab": "Labour", "Con": "Conservative", "LD": "Liberal Democrat", "Green": "Green",
    "Ind": "Independent", "WPB": "Workers Party of Britain", "RUK": "Reform UK",
    "LCI": "Liverpool Community Independents", "PC": "Plaid Cymru",
}  # fmt: skip


@dataclass
class Stood:
    first: str
    surname: str
    party: str  # abbreviation
    votes: int
    sitting: bool = False
    change: float | None = None


@dataclass
class Seat:
    ons_id: str
    name: str
    result: str
    electorate: int
    candidates: list[Stood]


SEATS = [
    Seat("T01", "Leicester South", "Ind gain from Lab", 70000, [
        Stood("Shockat", "Adam", "Ind", 14739),
        Stood("Jonathan", "Ashworth", "Lab", 13760, sitting=True, change=-0.35),
        Stood("Testa", "Bluewater", "Con", 5000, change=-0.1),
        Stood("Testb", "Greenfield", "Green", 2000, change=0.05),
    ]),
    Seat("T02", "Holborn and St Pancras", "Lab hold", 90000, [
        Stood("Keir", "Starmer", "Lab", 18880, sitting=True, change=-0.17),
        Stood("Andrew", "Feinstein", "Ind", 7312),
        Stood("Testc", "Orangeley", "LD", 3000, change=-0.02),
    ]),
    Seat("T03", "Preston", "Lab hold", 77000, [
        Stood("Testd", "Winterton", "Lab", 14000, sitting=True, change=-0.2),
        Stood("Michael", "Lavalette", "Ind", 8715),
        Stood("Teste", "Otherby", "Con", 8700, change=-0.15),
        Stood("Testf", "Further", "RUK", 8562, change=0.1),
    ]),
    Seat("T04", "Rochdale", "Lab gain from WPB", 80000, [
        Stood("Testg", "Redmond", "Lab", 13000),
        Stood("George", "Galloway", "WPB", 11000, sitting=True),
    ]),
    Seat("T05", "Testford", "Con hold", 75000, [
        Stood("Greg", "Smith", "Con", 20000, sitting=True, change=-0.2),
        Stood("Testh", "Pinkerton", "Lab", 10000, change=0.1),
        Stood("Greg", "Smith", "Green", 3000, change=0.02),
    ]),
    Seat("T06", "Birmingham Yardley", "Lab hold", 78000, [
        Stood("Jess", "Phillips", "Lab", 11000, sitting=True, change=-0.25),
        Stood("Testi", "Indigo", "Ind", 10307),
    ]),
    Seat("T07", "Liverpool Garston", "Lab hold", 76000, [
        Stood("Testj", "Jadeson", "Lab", 25000, sitting=True),
        Stood("Sam", "Gorst", "LCI", 3294),
    ]),
    Seat("T08", "Ynys Môn", "PC gain from Con", 52000, [
        Stood("Siân", "Testberry", "PC", 10590),
        Stood("Testk", "Kestrel", "Con", 9953, sitting=True, change=-0.05),
    ]),
]  # fmt: skip


def candidate_rows(seats: list[Seat] = SEATS) -> list[dict[str, str]]:
    rows = []
    for seat in seats:
        total = sum(c.votes for c in seat.candidates)
        for stood in seat.candidates:
            rows.append(
                dict.fromkeys(CANDIDATE_COLUMNS, "")
                | {
                    "ONS ID": seat.ons_id, "Constituency name": seat.name,
                    "Region name": "Test region", "Country name": "England",
                    "Party name": PARTIES[stood.party], "Party abbreviation": stood.party,
                    "Candidate first name": stood.first, "Candidate surname": stood.surname,
                    "Sitting MP": "Yes" if stood.sitting else "No", "Former MP": "No",
                    "Votes": str(stood.votes), "Share": f"{stood.votes / total:.6f}",
                    "Change": "" if stood.change is None else f"{stood.change:.6f}",
                }
            )  # fmt: skip
    return rows


def seat_rows(seats: list[Seat] = SEATS) -> list[dict[str, str]]:
    rows = []
    for seat in seats:
        ranked = sorted(seat.candidates, key=lambda c: -c.votes)
        winner = ranked[0]
        rows.append(
            dict.fromkeys(SEAT_COLUMNS, "0")
            | {
                "ONS ID": seat.ons_id, "Constituency name": seat.name, "County name": "",
                "Region name": "Test region", "Country name": "England",
                "Constituency type": "Borough", "Declaration time": "",
                "Member first name": winner.first, "Member surname": winner.surname,
                "Member gender": "", "Result": seat.result, "First party": winner.party,
                "Second party": ranked[1].party, "Electorate": str(seat.electorate),
                "Valid votes": str(sum(c.votes for c in seat.candidates)), "Invalid votes": "100",
                "Majority": str(winner.votes - ranked[1].votes),
            }
        )  # fmt: skip
    return rows


def write_csv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> Path:
    """As the Library publishes them: UTF-8 with a byte order mark."""
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_official(folder: Path) -> tuple[Path, Path]:
    return (
        write_csv(folder / "candidates.csv", CANDIDATE_COLUMNS, candidate_rows()),
        write_csv(folder / "constituencies.csv", SEAT_COLUMNS, seat_rows()),
    )
