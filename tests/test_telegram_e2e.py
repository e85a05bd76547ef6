"""The real application, in polling mode, against the fake Bot API on 127.0.0.1."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from bot.engine import Engine
from bot.telegram.handlers import TOO_MANY_TAPS
from tests.fake_bot_api import ALICE, BOB, GROUP_CHAT, GROUP_CHAT_ID, FakeBotApi
from tests.telegram_harness import TOKEN, calls, running, sent_after, settings_for


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi(TOKEN) as fake:
        yield fake


@pytest.fixture
async def bot(api: FakeBotApi, engine: Engine) -> AsyncIterator[FakeBotApi]:
    async with running(settings_for(api), engine):
        await calls(api, "getUpdates")
        yield api
    assert api.refused == [], "the bot made calls Telegram would refuse"


def buttons(call_params: dict[str, object]) -> list[tuple[str, str]]:
    markup = call_params.get("reply_markup") or {}
    assert isinstance(markup, dict)
    return [
        (b["text"], b.get("callback_data", "")) for row in markup["inline_keyboard"] for b in row
    ]


async def test_start_up_sets_commands_for_private_chats_and_groups(bot: FakeBotApi) -> None:
    await calls(bot, "setMyCommands", 2)
    private = {c["command"] for c in bot.commands["all_private_chats"]}
    groups = {c["command"] for c in bot.commands["all_group_chats"]}
    assert {"start", "help", "result", "candidate", "elected", "sources"} <= private
    assert {"result", "candidate", "elected", "sources", "help"} <= groups


async def test_private_question_and_follow_up(bot: FakeBotApi) -> None:
    bot.send_text("who won Leicester South?")
    first = await sent_after(bot, 1)
    assert "Shockat Adam" in first.params["text"]
    assert first.params["parse_mode"] == "HTML"
    bot.send_text("how many votes did he get")
    second = await sent_after(bot, 2)
    assert "14,739" in second.params["text"]


async def test_start_shows_examples_as_buttons_that_ask(bot: FakeBotApi) -> None:
    bot.send_text("/start")
    welcome = await sent_after(bot, 1)
    assert "Ask me things like" in welcome.params["text"]
    examples = buttons(welcome.params)
    assert ("who won Leicester South?", "q|who won Leicester South?") in examples
    bot.press(bot.bot_messages()[-1], "q|who won Leicester South?")
    answer = await sent_after(bot, 2)
    assert "Shockat Adam" in answer.params["text"]
    await calls(bot, "answerCallbackQuery")


async def test_start_with_a_payload_opens_that_result(bot: FakeBotApi) -> None:
    bot.send_text("/start seat-leicester-south")
    assert "Majority: <b>979 votes</b>" in (await sent_after(bot, 1)).params["text"]


async def test_help_and_sources(bot: FakeBotApi) -> None:
    bot.send_text("/help")
    assert "Ask me things like" in (await sent_after(bot, 1)).params["text"]
    bot.send_text("/sources")
    text = (await sent_after(bot, 2)).params["text"]
    assert "24 seats" in text
    assert "Charlie Kimber" in text


async def test_result_and_candidate_commands_understand_typos(bot: FakeBotApi) -> None:
    bot.send_text("/result leicster south")
    assert "Shockat Adam" in (await sent_after(bot, 1)).params["text"]
    bot.send_text("/candidate corbin")
    assert "24,120" in (await sent_after(bot, 2)).params["text"]
    bot.send_text("/result")
    assert "Which seat?" in (await sent_after(bot, 3)).params["text"]
    bot.send_text("/elected")
    assert "names 8 winners" in (await sent_after(bot, 4)).params["text"]


async def test_group_answers_only_when_addressed_and_replies_to_the_asker(
    bot: FakeBotApi,
) -> None:
    asked = bot.send_text("/result@TheBot leicester south", chat=GROUP_CHAT)
    reply = await sent_after(bot, 1)
    assert "Shockat Adam" in reply.params["text"]
    assert reply.params["reply_parameters"]["message_id"] == asked["message_id"]

    bot.send_text("who won blackburn?", chat=GROUP_CHAT)  # chatter: not for the bot
    bot.send_text("/result@OtherBot leicester south", chat=GROUP_CHAT)  # another bot's
    mentioned = bot.send_text("@TheBot who won blackburn?", chat=GROUP_CHAT, user=BOB)
    second = await sent_after(bot, 2)
    assert "Adnan Hussain" in second.params["text"]
    assert second.params["reply_parameters"]["message_id"] == mentioned["message_id"]

    bot_reply = bot.bot_messages(GROUP_CHAT_ID)[-1]
    bot.send_text("and what share?", chat=GROUP_CHAT, user=BOB, reply_to=bot_reply)
    third = await sent_after(bot, 3)
    assert "27%" in third.params["text"]
    # A group's messages are handled in order: once this is answered, the chatter was passed over.
    last = bot.send_text("@TheBot who won dewsbury?", chat=GROUP_CHAT, user=BOB)
    fourth = await sent_after(bot, 4)
    assert fourth.params["reply_parameters"]["message_id"] == last["message_id"]
    assert len(bot.calls_to("sendMessage")) == 4


async def test_group_mention_in_the_middle(bot: FakeBotApi) -> None:
    bot.send_text("hey @thebot who won dewsbury?", chat=GROUP_CHAT)
    assert "Iqbal Mohamed" in (await sent_after(bot, 1)).params["text"]


async def test_one_person_repeating_a_question_in_a_group_gets_one_answer(
    bot: FakeBotApi,
) -> None:
    with bot.at_once():
        for _ in range(8):
            bot.send_text("@TheBot who won blackburn", chat=GROUP_CHAT, user=ALICE)
        bot.send_text("@TheBot who won preston", chat=GROUP_CHAT, user=BOB)
    blackburn, preston = await calls(bot, "sendMessage", 2)
    assert "Adnan Hussain" in blackburn.params["text"]
    assert "people asked" not in blackburn.params["text"]  # one person, however many times
    assert "Preston" in preston.params["text"]
    # A group's questions are answered in order: once this one is, all before it were.
    bot.send_text("@TheBot who won leicester south", chat=GROUP_CHAT, user=BOB)
    assert "Shockat Adam" in (await sent_after(bot, 3)).params["text"]
    assert len(bot.calls_to("sendMessage")) == 3


async def test_one_person_flooding_a_group_gets_a_few_answers(bot: FakeBotApi) -> None:
    for seat in ["blackburn", "dewsbury", "leicester south", "perry barr", "preston", "chingford"]:
        bot.send_text(f"@TheBot who won {seat}", chat=GROUP_CHAT, user=ALICE)
    await calls(bot, "sendMessage", 3)
    bot.send_text("@TheBot who won islington north", chat=GROUP_CHAT, user=BOB)
    corbyn = await sent_after(bot, 4)
    assert "Jeremy Corbyn" in corbyn.params["text"]
    assert len(bot.calls_to("sendMessage")) == 4  # Alice's last three stopped at the gate


async def test_inline_query_offers_cards(bot: FakeBotApi) -> None:
    bot.inline("leic")
    results = (await calls(bot, "answerInlineQuery"))[0].params["results"]
    titles = [r["title"] for r in results]
    assert titles[:2] == ["Leicester East", "Leicester South"]
    south = results[1]
    assert "Shockat Adam" in south["description"]
    assert "Majority" in south["input_message_content"]["message_text"]
    assert int((await calls(bot, "answerInlineQuery"))[0].params["cache_time"]) > 0


async def test_empty_inline_query_offers_the_elected_independents(bot: FakeBotApi) -> None:
    bot.inline("")
    results = (await calls(bot, "answerInlineQuery"))[0].params["results"]
    assert sorted(r["title"] for r in results) == [
        "Adnan Hussain", "Ayoub Khan", "Iqbal Mohamed", "Jeremy Corbyn", "Shockat Adam"
    ]  # fmt: skip


async def test_inline_query_with_no_match_says_so(bot: FakeBotApi) -> None:
    bot.inline("xqzvw")
    results = (await calls(bot, "answerInlineQuery"))[0].params["results"]
    assert len(results) == 1
    assert "No seat or person matches" in results[0]["title"]


async def test_clarify_buttons_turn_the_message_into_the_answer(bot: FakeBotApi) -> None:
    bot.send_text("how many votes did hussain get")
    asked = await sent_after(bot, 1)
    options = dict(buttons(asked.params))
    assert set(options) == {"Adnan Hussain (Blackburn)", "Perveen Hussain (Halifax)"}
    bot.press(bot.bot_messages()[-1], options["Perveen Hussain (Halifax)"], user=BOB)
    edit = (await calls(bot, "editMessageText"))[0]
    assert "1,367" in edit.params["text"]
    assert edit.params["message_id"] == bot.bot_messages()[-1]["message_id"]
    await calls(bot, "answerCallbackQuery")
    assert len(bot.calls_to("sendMessage")) == 1


async def test_source_button_shows_the_sentences_and_hides_them(bot: FakeBotApi) -> None:
    bot.send_text("who won Leicester South")
    answer = await sent_after(bot, 1)
    [(label, data)] = buttons(answer.params)
    assert label == "Source"
    bot.press(bot.bot_messages()[-1], data)
    shown = (await calls(bot, "editMessageText"))[0].params
    assert "Adam won 14,739 votes to Ashworth’s 13,760 votes." in shown["text"]
    [(hide, hide_data)] = buttons(shown)
    assert hide == "Hide source"
    bot.press(bot.bot_messages()[-1], hide_data)
    hidden = (await calls(bot, "editMessageText", 2))[1].params
    assert "Ashworth’s 13,760 votes." not in hidden["text"]
    assert "Shockat Adam" in hidden["text"]


async def test_a_stale_button_gets_a_polite_answer(bot: FakeBotApi) -> None:
    bot.send_text("who won Leicester South")
    await sent_after(bot, 1)
    bot.press(bot.bot_messages()[-1], "zz|nonsense")
    answered = (await calls(bot, "answerCallbackQuery"))[0]
    assert "no longer works" in answered.params["text"]


async def test_html_in_a_question_is_escaped(bot: FakeBotApi) -> None:
    bot.send_text("who won <b>Chelmsford</b> & <i>")
    reply = await sent_after(bot, 1)  # the fake API refuses unescaped HTML
    assert "&lt;" in reply.params["text"] or "chelmsford" in reply.params["text"].lower()


async def test_a_private_message_that_is_not_text_gets_told_what_works(bot: FakeBotApi) -> None:
    pictured = bot.new_message("placeholder")
    del pictured["text"], pictured["entities"]
    photo = [{"file_id": "p1", "file_unique_id": "p1", "width": 90, "height": 90}]
    bot.push({"message": {**pictured, "photo": photo}})
    assert "I read text questions" in (await sent_after(bot, 1)).params["text"]


async def test_the_flood_gate_stops_button_taps_in_a_group_too(bot: FakeBotApi) -> None:
    bot.send_text("@TheBot help", chat=GROUP_CHAT, user=BOB)
    await sent_after(bot, 1)
    message = bot.bot_messages(GROUP_CHAT_ID)[-1]
    for _ in range(5):  # an example question's button, tapped five times in a moment
        bot.press(message, "q|who won Leicester South?", user=ALICE)
    acknowledged = await calls(bot, "answerCallbackQuery", 5)
    stopped = [call for call in acknowledged if call.params.get("text") == TOO_MANY_TAPS]
    assert len(stopped) == 2  # three taps in ten seconds pass, the rest stop at the gate
    await calls(bot, "sendMessage", 4)
    assert len(bot.calls_to("sendMessage")) == 4
