"""Every seat and every candidate, typed with two letters swapped: the bot answers about the
one meant or asks, and almost never answers about someone or somewhere else."""

from __future__ import annotations

from bot.engine import Conversation, Engine, Status
from bot.render import to_plain


def _swapped(word: str) -> str:
    """Two letters in the middle of a long word swapped: the commonest slip."""
    if len(word) < 5:
        return word
    middle = len(word) // 2
    return word[:middle] + word[middle + 1] + word[middle] + word[middle + 2 :]


def _with_a_typo(name: str) -> str:
    words = name.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    words[longest] = _swapped(words[longest])
    return " ".join(words)


def _answered_about_another(engine: Engine, question: str, key: str) -> str | None:
    answer = engine.answer(question, Conversation())
    if answer.status is Status.ANSWERED and answer.entities[:1] != (key,):
        return f"{question!r} -> {answer.entities[:1]}: {to_plain(answer).splitlines()[0]}"
    return None


def test_no_misspelt_seat_is_taken_for_another(shipped_engine: Engine) -> None:
    wrong = [
        found
        for seat in shipped_engine.catalog.seats.values()
        if (found := _answered_about_another(
            shipped_engine, f"who won {_with_a_typo(seat.name)}", f"seat:{seat.id}"))
    ]  # fmt: skip
    assert wrong == []


def test_a_misspelt_candidate_is_almost_never_taken_for_another(shipped_engine: Engine) -> None:
    people = list(shipped_engine.catalog.people.values())
    wrong = [
        found
        for person in people
        if (found := _answered_about_another(
            shipped_engine, f"how many votes did {_with_a_typo(person.name)} get",
            f"person:{person.id}"))
    ]  # fmt: skip
    # Two are known and left: a name with two apostrophes and hyphens, and "O'Niel" for
    # Neil O'Neil, where "Niel" is another candidate's first name.
    assert len(wrong) <= 2, "\n".join(wrong)
