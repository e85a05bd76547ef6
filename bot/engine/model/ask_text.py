"""An Ask as a short line of text and back, so a button can carry a computed question whole
(Telegram allows 64 bytes). Entity references go through the caller's `shorten` and `expand`,
which may swap a long key for a hash of it.

Tokens, comma-separated: "o" operation, "m" measure, "u" unit, "d" least first, "y" yes or
no, "2" against 2019, "e" whether any row qualifies, "t" top N, "a" a further measure; the
selection: "P" person, "E" seat,
"A" party, "L" place,
"W" won (1/0), "O" position, "G" gender, "S" sitting (1/0), "F" first-time, "C" seat change,
"R" gained from, "B" won by, "Q" another party's place, "x" a party left out, "z" a place left
out, "e" a seat left out, "n" not won by, "H" a threshold (measure, comparison, figure); "K"
the field a comparison varies and its two values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bot.engine.model.ask import Ask, Measure, Operation, SeatChange, Selection, Threshold, Unit

_OPERATIONS = dict(zip(Operation, "LYCIRTMA", strict=True))
_MEASURES = dict(zip(Measure, "vscbapmtedinSwN", strict=True))
_UNITS = {Unit.CANDIDATE: "c", Unit.SEAT: "s", Unit.PARTY: "p", Unit.REGION: "r", Unit.NATION: "n"}
_CHANGES = {SeatChange.HELD: "h", SeatChange.GAINED: "g"}
_COMPARISONS = {(True, False): ">", (False, False): "<", (True, True): "]", (False, True): "["}
# Selection fields that name entities, by token, with the kind of their keys.
_ENTITIES = {"P": ("people", "person"), "E": ("seats", "seat"), "A": ("parties", "party")}
_SINGLE = {"L": ("place", "place"), "R": ("gained_from", "party"), "B": ("won_by", "party")}
_VARIED = {"p": "people", "e": "seats", "l": "place", "a": "parties", "g": "gender"}
_KIND_OF_VARIED = {"people": "person", "seats": "seat", "place": "place", "parties": "party"}

Shorten = Callable[[str], str]


def ask_to_text(ask: Ask, shorten: Shorten = lambda key: key) -> str:
    tokens = [f"o{_OPERATIONS[ask.operation]}", f"u{_UNITS[ask.unit]}"]
    tokens += [f"m{_MEASURES[ask.measure]}"] if ask.measure else []
    tokens += [] if ask.descending else ["d"]
    tokens += ["y"] if ask.yes_no else []
    tokens += ["2"] if ask.against_2019 else []
    tokens += ["e"] if ask.any_row else []
    tokens += [f"t{ask.top}"] if ask.top else []
    tokens += [f"a{_MEASURES[m]}" for m in ask.also]
    tokens += _selection_tokens(ask.selection, shorten)
    if ask.compared is not None:
        tokens.append(_varied(ask.compared, shorten))
    return ",".join(tokens)


def _selection_tokens(s: Selection, shorten: Shorten) -> list[str]:
    tokens: list[str] = []
    for code, (name, kind) in _ENTITIES.items():
        tokens += [code + shorten(f"{kind}:{i}") for i in getattr(s, name)]
    for code, (name, kind) in _SINGLE.items():
        value = getattr(s, name)
        tokens += [code + shorten(f"{kind}:{value}")] if value else []
    tokens += [f"W{int(s.won)}"] if s.won is not None else []
    tokens += [f"O{s.position}"] if s.position is not None else []
    tokens += [f"G{s.gender[0]}"] if s.gender else []
    tokens += [f"S{int(s.sitting)}"] if s.sitting is not None else []
    tokens += ["F"] if s.first_time else []
    tokens += [f"C{_CHANGES[s.seat_change]}"] if s.seat_change else []
    if s.placed is not None:
        tokens.append(f"Q{shorten('party:' + s.placed[0])}@{s.placed[1]}")
    tokens += ["x" + shorten(f"party:{p}") for p in s.excluded_parties]
    tokens += ["z" + shorten(f"place:{s.excluded_place}")] if s.excluded_place else []
    tokens += ["n" + shorten(f"party:{p}") for p in s.not_won_by]
    tokens += ["e" + shorten(f"seat:{i}") for i in s.excluded_seats]
    for t in s.thresholds:
        tokens.append(f"H{_MEASURES[t.measure]}{_COMPARISONS[t.above, t.inclusive]}{t.value!r}")
    return tokens


def _varied(compared: tuple[Selection, Selection], shorten: Shorten) -> str:
    first, second = compared
    for code, name in _VARIED.items():
        a, b = getattr(first, name), getattr(second, name)
        if a != b:
            kind = _KIND_OF_VARIED.get(name)
            values = [v[0] if isinstance(v, tuple) else v for v in (a, b)]
            shown = [shorten(f"{kind}:{v}") if kind else str(v)[0] for v in values]
            return f"K{code}~{shown[0]}~{shown[1]}"
    raise ValueError("a comparison of two identical selections")


def ask_from_text(text: str, expand: Shorten = lambda key: key) -> Ask | None:
    """The Ask, or None for text this version cannot read."""
    try:
        return _read(text, expand)
    except (KeyError, ValueError, IndexError, StopIteration):
        return None


def _read(text: str, expand: Shorten) -> Ask:
    operations = {code: op for op, code in _OPERATIONS.items()}
    measures = {code: m for m, code in _MEASURES.items()}
    units = {code: u for u, code in _UNITS.items()}
    fields: dict[str, object] = {}
    lists: dict[str, list[str]] = {"people": [], "seats": [], "parties": []}
    thresholds: list[Threshold] = []
    excluded: list[str] = []
    also: list[Measure] = []
    left_out: list[str] = []
    not_won: list[str] = []
    ask: dict[str, object] = {"descending": True}
    varied = ""
    for token in text.split(","):
        code, rest = token[:1], token[1:]
        if code == "o":
            ask["operation"] = operations[rest]
        elif code == "m":
            ask["measure"] = measures[rest]
        elif code == "u":
            ask["unit"] = units[rest]
        elif code == "d":
            ask["descending"] = False
        elif code == "y":
            ask["yes_no"] = True
        elif code == "2":
            ask["against_2019"] = True
        elif code == "e":
            ask["any_row"] = True
        elif code == "t":
            ask["top"] = int(rest)
        elif code == "a":
            also.append(measures[rest])
        elif code in _ENTITIES:
            lists[_ENTITIES[code][0]].append(_id(expand(rest)))
        elif code in _SINGLE:
            fields[_SINGLE[code][0]] = _id(expand(rest))
        elif code == "W":
            fields["won"] = rest == "1"
        elif code == "O":
            fields["position"] = int(rest)
        elif code == "G":
            fields["gender"] = {"F": "Female", "M": "Male"}[rest]
        elif code == "S":
            fields["sitting"] = rest == "1"
        elif code == "F":
            fields["first_time"] = True
        elif code == "C":
            fields["seat_change"] = {c: change for change, c in _CHANGES.items()}[rest]
        elif code == "H":
            above, inclusive = next(k for k, c in _COMPARISONS.items() if c == rest[1])
            thresholds.append(Threshold(measures[rest[0]], above, float(rest[2:]), inclusive))
        elif code == "Q":
            key, _, position = rest.rpartition("@")
            fields["placed"] = (_id(expand(key)), int(position))
        elif code == "x":
            excluded.append(_id(expand(rest)))
        elif code == "z":
            fields["excluded_place"] = _id(expand(rest))
        elif code == "n":
            not_won.append(_id(expand(rest)))
        elif code == "e":
            left_out.append(_id(expand(rest)))
        elif code == "K":
            varied = rest
        else:
            raise ValueError(token)
    selection = Selection(
        people=tuple(lists["people"]), seats=tuple(lists["seats"]),
        parties=tuple(lists["parties"]), thresholds=tuple(thresholds),
        excluded_parties=tuple(excluded),
        excluded_seats=tuple(left_out),
        not_won_by=tuple(not_won),
        **fields,  # type: ignore[arg-type]
    )  # fmt: skip
    compared = _compared(selection, varied, expand) if varied else None
    if ask["operation"] is Operation.COMPARE and compared is None and not ask.get("against_2019"):
        raise ValueError("a comparison with nothing to compare")
    return Ask(
        ask["operation"],  # type: ignore[arg-type]
        ask.get("measure"),  # type: ignore[arg-type]
        ask["unit"],  # type: ignore[arg-type]
        selection,
        bool(ask["descending"]),
        ask.get("top"),  # type: ignore[arg-type]
        compared,
        bool(ask.get("yes_no", False)),
        bool(ask.get("against_2019", False)),
        tuple(also),
        bool(ask.get("any_row", False)),
    )


def _compared(selection: Selection, varied: str, expand: Shorten) -> tuple[Selection, Selection]:
    code, first, second = varied.split("~")
    name = _VARIED[code]
    values: list[object] = []
    for raw in (first, second):
        if name == "gender":
            values.append({"F": "Female", "M": "Male"}[raw])
        elif name == "place":
            values.append(_id(expand(raw)))
        else:
            values.append((_id(expand(raw)),))
    first_side = replace(selection, **{name: values[0]})  # type: ignore[arg-type]
    return first_side, replace(selection, **{name: values[1]})  # type: ignore[arg-type]


def _id(key: str) -> str:
    _, colon, entity_id = key.partition(":")
    if not colon or not entity_id:
        raise ValueError(key)
    return entity_id
