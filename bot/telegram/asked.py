"""What a message asks the bot, whichever way it was typed: "/result blackburn",
"/result@TheBot Blackburn" and "@TheBot who won Blackburn" are all questions, and a busy
group's repeats are found among them (bot/telegram/repeats.py) by their answers."""

from __future__ import annotations

from telegram import Message

from bot.telegram.addressing import ADDRESSED_TO_BOT, without_mention

# The commands that ask a question, and the question each asks of its argument.
COMMAND_QUESTIONS = {
    "result": "{}",
    "candidate": "{}",
    "mp": "who is the MP for {}",
}


def command_question(command: str, argument: str) -> str:
    """The question '/COMMAND ARGUMENT' asks; empty when the argument is."""
    return COMMAND_QUESTIONS[command].format(argument) if argument.strip() else ""


def question_of(message: Message) -> str | None:
    """The question a group message asks the bot, or None if it asks none (a command of
    another kind, or a message to someone else)."""
    text = message.text
    if text is None:
        return None
    username = message.get_bot().username
    if text.startswith("/"):
        head, _, argument = text.partition(" ")
        command, _, bot_named = head[1:].partition("@")
        if bot_named and bot_named.lower() != username.lower():
            return None  # "/result@OtherBot"
        if command.lower() not in COMMAND_QUESTIONS:
            return None
        return command_question(command.lower(), argument.strip()) or None
    if not ADDRESSED_TO_BOT.filter(message):
        return None
    return without_mention(text, username)
