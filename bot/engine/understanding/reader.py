"""A question's words read into an Ask: every word gets a role, or is named as not understood.

The name index has already found the names (mentions); this reads the rest against the
lexicon, longest phrase first, and builds the Ask from the senses found. It records which
words it used, so the engine can tell a question understood whole from one understood in part.
"""

from __future__ import annotations

from bot.engine.model.ask import (
    Operation,
)
from bot.engine.understanding.asking import ask_of
from bot.engine.understanding.index import Mention, Resolution
from bot.engine.understanding.intents import ELECTION_YEAR
from bot.engine.understanding.lexicon import LONGEST_FROM, OPENERS, PHRASES, Role, Sense
from bot.engine.understanding.parsed import Figure, Found, Parsed
from bot.engine.understanding.vocabulary import NON_NAME_WORDS, is_number, is_year

BASELINE_YEAR = 2019


# Roles that shape a question without asking for a figure: alone, there is nothing to compute.
_SHAPE_ONLY = frozenset(
    {
        Role.FILLER,
        Role.YES_NO,
        Role.ASKS_WHICH,
        Role.ASKS_WHO,
        Role.EXISTENTIAL,
        Role.PEOPLE,
        Role.FROM,
        Role.TO,
    }
)


# Words before a figure that make it a threshold even when it looks like a year ("under 2000").
_BEFORE_A_FIGURE = frozenset("under over below above than least most exceeding of by".split())


def read_words(resolution: Resolution, any_year: bool = False) -> Parsed:
    """The question's words read; `any_year`: an Ask is made even for another election
    than 2024 (for that election's own results)."""
    words = resolution.words
    named = {i for m in resolution.mentions for i in range(m.start, m.end)}
    doubtful = {i for m in resolution.doubtful for i in range(m.start, m.end)}
    found, figures, loose = _scan(words, named | doubtful)
    found = _won_by_whom(found, words, resolution.mentions)
    years = [i for i in loose if is_year(words[i])]
    loose = [i for i in loose if i not in years]
    roles = frozenset(f.role for f in found)
    negated, negated_at, unresolved = _negated(found, words, resolution.mentions, roles)
    not_understood = tuple(
        words[i] for i in loose if words[i] not in NON_NAME_WORDS and not is_number(words[i])
    )
    since_2019 = False
    earlier = Role.EARLIER in roles
    if earlier and Role.BASELINE in roles:  # "since the last election": compared with 2019
        since_2019, earlier = True, False
    for i in years:
        year = int(words[i])
        if year == ELECTION_YEAR:
            continue
        before = {f.role for f in found if f.end in {i, i - 1}}
        if year == BASELINE_YEAR and (
            before & {Role.BASELINE, Role.FROM, Role.THAN} or Role.BASELINE in roles
        ):
            since_2019 = True
        else:
            earlier = True
    first = next((f for f in found if not _is_opener(words, f)), None)
    yes_no = (
        first is not None
        and first.role in {Role.YES_NO, Role.EXISTENTIAL}
        and first.start <= _first_word(words)
        and not {Role.RISE, Role.FALL} <= roles  # "did it go up or down": which, not yes or no
    )
    parsed = Parsed(
        None,
        tuple(found),
        tuple(figures),
        not_understood,
        negations=tuple(unresolved),
        negated=tuple(negated),
        negated_at=frozenset(negated_at),
        not_held=tuple(f.text for f in found if f.role is Role.NOT_HELD),
        unanswerable=tuple(f.text for f in found if f.role is Role.UNANSWERABLE),
        judgement=tuple(f.text for f in found if f.role is Role.JUDGEMENT),
        loose_places=tuple(f.text for f in found if f.role is Role.LOOSE_PLACE),
        earlier=earlier,
        since_2019=since_2019,
        existential=Role.EXISTENTIAL in roles,
        national=Role.NATIONAL in roles,
        yes_no=yes_no,
        roles=roles,
    )
    if (earlier and not any_year) or parsed.not_held or parsed.negations or parsed.unanswerable:
        return parsed
    if parsed.loose_places:
        return parsed
    if not (roles - _SHAPE_ONLY) and not figures:
        return parsed  # names and filler: nothing to compute ("who is azeem rafiq")
    # Set once, here, while the Parsed is still being made: replace() would copy it all.
    object.__setattr__(parsed, "ask", ask_of(parsed, resolution.mentions))
    return parsed


_NOT = frozenset({"not", "never", "didnt", "dont", "doesnt", "didn t", "don t", "doesn t"})


_SKIPPED = frozenset({"the", "in", "a", "an", "of", "by", "for"})


_SET_OPERATIONS = frozenset({Operation.COUNT, Operation.LIST, Operation.TOTAL})


def _negated(
    found: list[Found], words: tuple[str, ...], mentions: tuple[Mention, ...],
    roles: frozenset[Role],
) -> tuple[list[tuple[str, str]], set[int], list[str]]:  # fmt: skip
    """What each "not", "except", "other than" applies to: a party or a place named next
    ("except London", "MPs other than Labour"), or, in a question over many rows, winning or
    losing ("seats Labour didn't win"). Any other is left unread, and refused."""
    by_start = {m.start: m for m in mentions}
    found_at = {f.start: f for f in found}
    over_many = Role.ASKS_WHICH in roles or Role.ASKS_WHERE in roles or any(
        f.role is Role.OPERATION and f.sense.value in _SET_OPERATIONS for f in found)  # fmt: skip
    negated: list[tuple[str, str]] = []
    at: set[int] = set()
    unresolved: list[str] = []
    for f in found:
        if f.role is not Role.NEGATION:
            continue
        i = f.end
        while i < len(words) and words[i] in _SKIPPED and i not in by_start:
            i += 1
        mention, outcome = by_start.get(i), found_at.get(i)
        kind = mention.keys[0].kind.value if mention and not mention.ambiguous else ""
        if kind in {"party", "place", "seat"} and mention is not None:
            chain = [mention]
            # "except London and Scotland": each name of the kind joined on is left out too
            while chain[-1].end + 1 < len(words) and words[chain[-1].end] in {"and", "or", "nor"}:
                joined = by_start.get(chain[-1].end + 1)
                if joined is None or joined.ambiguous or joined.keys[0].kind.value != kind:
                    break
                chain.append(joined)
            if kind == "place" and len(chain) > 1:
                unresolved.append(f.text)  # one place left out is all a selection holds
                continue
            for named in chain:
                negated.append((kind, named.keys[0].id))
                at.add(named.start)
        elif over_many and f.text in _NOT and outcome and outcome.role in {Role.WON, Role.LOST}:
            negated.append(("won" if outcome.role is Role.WON else "lost", ""))
            at.add(i)
        else:
            unresolved.append(f.text)
    return negated, at, unresolved


def _won_by_whom(
    found: list[Found], words: tuple[str, ...], mentions: tuple[Mention, ...]
) -> list[Found]:
    """'won by a woman', 'won by Labour' say who won; 'won by 5,000' says by how much."""
    starts = {m.start for m in mentions}
    genders = {f.start for f in found if f.role is Role.GENDER}
    read: list[Found] = []
    for f in found:
        if f.text in {"won by", "win by", "wins by"}:
            at = f.end + (1 if f.end < len(words) and words[f.end] in {"a", "an", "the"} else 0)
            if at in starts or at in genders:
                f = Found(f.start, f.end, Sense(Role.WON), f.text, Role.WON)
        read.append(f)
    return read


def _first_word(words: tuple[str, ...]) -> int:
    for i, word in enumerate(words):
        if word not in OPENERS:
            return i
    return len(words)


def _is_opener(words: tuple[str, ...], found: Found) -> bool:
    return found.end - found.start == 1 and words[found.start] in OPENERS


def _scan(words: tuple[str, ...], named: set[int]) -> tuple[list[Found], list[Figure], list[int]]:
    """Phrases (longest first) and numbers among the words no name took; the rest, loose."""
    found: list[Found] = []
    figures: list[Figure] = []
    loose: list[int] = []
    # How far a phrase may reach from each word: up to the next name.
    reach = [len(words)] * (len(words) + 1)
    for j in range(len(words) - 1, -1, -1):
        reach[j] = j if j in named else reach[j + 1]
    i = 0
    while i < len(words):
        if i in named:
            i += 1
            continue
        word = words[i]
        figure = _figure_at(words, i) if word[0].isdigit() else None
        if figure is not None:
            figures.append(figure)
            i = figure.end
            continue
        for length in range(min(LONGEST_FROM.get(word, 0), reach[i] - i), 0, -1):
            text = word if length == 1 else " ".join(words[i : i + length])
            sense = PHRASES.get(text)
            if sense is not None:
                found.append(Found(i, i + length, sense, text, sense.role))
                i += length
                break
        else:
            loose.append(i)
            i += 1
    return found, figures, loose


def _figure_at(words: tuple[str, ...], i: int) -> Figure | None:
    """'1,000' (tokenised as 1 000), '50 percent', '20k'; a year only after 'under', 'than'."""
    word = words[i]
    multiplier = 1
    if word.endswith("k") and is_number(word[:-1]):
        word, multiplier = word[:-1], 1000
    whole, _, tenths = word.partition("d")
    if tenths and is_number(whole) and is_number(tenths):  # "20d5": 20.5, as tokens() wrote it
        percent = i + 1 < len(words) and words[i + 1] == "percent"
        return Figure(i, i + 1 + percent, float(f"{whole}.{tenths}") * multiplier, percent)
    if not is_number(word):
        return None
    if is_year(word) and multiplier == 1 and (i == 0 or words[i - 1] not in _BEFORE_A_FIGURE):
        return None
    value = int(word)
    end = i + 1
    while end < len(words) and len(words[end]) == 3 and is_number(words[end]) and value < 1000:
        value = value * 1000 + int(words[end])
        end += 1
    percent = end < len(words) and words[end] == "percent"
    if percent:
        end += 1
    elif end < len(words) and words[end] in {"k", "thousand"}:
        multiplier, end = 1000, end + 1
    return Figure(i, end, float(value * multiplier), percent)


def words_read(resolution: Resolution, parsed: Parsed) -> tuple[tuple[str, str], ...]:
    """Each phrase of the question, in order, with what it was read as: a name's kind, a
    role of the lexicon, a figure, or "not understood"."""
    words = resolution.words
    spans: list[tuple[int, str, str]] = []
    for m in resolution.mentions:
        spans.append((m.start, " ".join(words[m.start : m.end]), m.keys[0].kind.value))
    for m in resolution.doubtful:
        spans.append((m.start, " ".join(words[m.start : m.end]), "not understood"))
    for f in parsed.found:
        spans.append((f.start, f.text, f.role.value))
    for figure in parsed.figures:
        spans.append((figure.start, " ".join(words[figure.start : figure.end]), "figure"))
    taken = {i for start, text, _ in spans for i in range(start, start + len(text.split()))}
    for i, word in enumerate(words):
        if i not in taken:
            known = is_number(word) or word in NON_NAME_WORDS
            spans.append((i, word, "question word" if known else "not understood"))
    return tuple((text, role) for _, text, role in sorted(spans))


__all__ = ["Parsed", "read_words", "words_read"]
