"""The one place the Telegram application is wired: handlers in order, commands, start-up.

build_application() makes the application; serve() runs it in polling or webhook mode until
told to stop, and is what both `electionbot run` and the end-to-end tests use.

Updates flow: Telegram -> updater -> DurableUpdateQueue (on disk before Telegram is told they
arrived) -> application -> ChatLanes (concurrent across chats, in order within one) ->
the flood gate, then the handlers -> RetryingRateLimiter (Telegram's limits, its bad moments)
-> Telegram; the lane marks the update done in the inbox once it is answered. getUpdates
goes through PatientPolling, which tries it again within a second through an outage.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import os
from collections.abc import AsyncIterator
from functools import partial
from pathlib import Path
from typing import Any, TypeAlias

from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.answering import Think, at_once
from bot.engine import Engine
from bot.engine.night.changes import NightEvent
from bot.engine.night.live import LiveEngine
from bot.engine.night.results import NightResults
from bot.night.session import NightPlan
from bot.postcode_lookup import PostcodeLookup
from bot.settings import Settings
from bot.startup import StartupError
from bot.telegram.addressing import ADDRESSED_TO_BOT
from bot.telegram.alerts import AlertDesk
from bot.telegram.chat_prefs import PicturePreferences
from bot.telegram.chat_state import ConversationStore
from bot.telegram.following import FollowHandlers
from bot.telegram.follows import FollowBook
from bot.telegram.handlers import ChatHandlers, on_error
from bot.telegram.inbox import DurableUpdateQueue, Inbox, InboxError
from bot.telegram.inline import InlineCards
from bot.telegram.lanes import ChatLanes
from bot.telegram.polling import PatientPolling
from bot.telegram.repeats import Repeats
from bot.telegram.retries import RetryingRateLimiter, call_of, failed_call
from bot.telegram.thinking import EngineThread
from bot.telegram.tuning import DEFAULT_TUNING, Tuning

log = logging.getLogger(__name__)

# python-telegram-bot's documented opt-in to its next major version's durations (timedelta,
# not seconds): without it, reading a 429's retry_after inside its own rate limiter warns
# that the old behaviour is deprecated, once per 429. Read when used, so set before serving.
os.environ.setdefault("PTB_TIMEDELTA", "true")

App: TypeAlias = Application[Any, Any, Any, Any, Any, Any]
EXIT_FAILED = 1
EXIT_USAGE = 2
# Channel posts: a channel's admins post "/follow all" there (issue 18); nothing else reads them.
ALLOWED_UPDATES = [Update.MESSAGE, Update.CHANNEL_POST, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
FLOOD_GATE_GROUP = -1  # before every handler, for every kind of update

PRIVATE_COMMANDS = [
    BotCommand("start", "What I do, with examples"),
    BotCommand("result", "A seat's result: /result Leicester South"),
    BotCommand("candidate", "A candidate: /candidate Corbyn"),
    BotCommand("mp", "Your constituency by postcode: /mp SW1A 1AA"),
    BotCommand("elected", "Who was elected"),
    BotCommand("sources", "Where my knowledge comes from"),
    BotCommand("settings", "Pictures on or off in this chat"),
    BotCommand("follow", "Alerts on election night: /follow Clacton, /follow all"),
    BotCommand("following", "What this chat follows"),
    BotCommand("unfollow", "Stop alerts: /unfollow Clacton, or /unfollow for all"),
    BotCommand("scoreboard", "A live count of seats, kept up to date (pin it)"),
    BotCommand("help", "What you can ask"),
]
GROUP_COMMANDS = [c for c in PRIVATE_COMMANDS if c.command != "start"]


def build_application(
    settings: Settings,
    engine: Engine,
    inbox: Inbox,
    pictures: PicturePreferences,
    tuning: Tuning = DEFAULT_TUNING,
    lookup: PostcodeLookup | None = None,
    think: Think = at_once,
    book: FollowBook | None = None,
) -> tuple[App, ChatLanes, Repeats, AlertDesk | None]:
    lanes = ChatLanes(inbox)
    queue = DurableUpdateQueue(inbox)
    application = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(settings.telegram_api_url)
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .rate_limiter(RetryingRateLimiter(tuning.retry, **tuning.limits()))
        # One connection, as the builder's own getUpdates request has: one poll at a time.
        .get_updates_request(PatientPolling(tuning.polling, connection_pool_size=1))
        .concurrent_updates(lanes)
        .update_queue(queue)
        .post_init(_post_init)
        .build()
    )
    conversations = ConversationStore()
    repeats = Repeats(engine, conversations, lanes, renote_seconds=tuning.renote_seconds)
    chat = ChatHandlers(
        engine, conversations, pictures=pictures, lookup=lookup, think=think, repeats=repeats
    )
    inline = InlineCards(engine, chat.codec, think)
    book = book if book is not None else FollowBook(settings.inbox_path)
    desk = None
    live = engine if isinstance(engine, LiveEngine) else None  # following a night, or not
    if live is not None:
        desk = AlertDesk(
            application.bot, book, lambda: live.night, tuning.pacing,
            # groups and channels have ids below zero: text unless they chose pictures
            takes_pictures=lambda chat_id: pictures.pictures(chat_id, group=chat_id < 0),
            chart_of=live.night_answers.seat_chart,
        )  # fmt: skip
    follows = FollowHandlers(engine, live, book, desk, think)
    questions = partial(follows.tell_me_when, chat=chat)  # "tell me when X declares", or a question
    private, groups = filters.ChatType.PRIVATE, filters.ChatType.GROUPS
    # The night's commands work in channels too (a channel's post, not a message)
    anywhere = filters.UpdateType.MESSAGE | filters.UpdateType.CHANNEL_POST
    text = filters.TEXT & ~filters.COMMAND
    application.add_handler(TypeHandler(Update, chat.flood_gate), group=FLOOD_GATE_GROUP)
    application.add_handlers(
        [
            CommandHandler("follow", follows.follow, filters=anywhere),
            CommandHandler("following", follows.following, filters=anywhere),
            CommandHandler("unfollow", follows.unfollow, filters=anywhere),
            CommandHandler("scoreboard", follows.scoreboard, filters=anywhere),
            CommandHandler("start", chat.start),
            CommandHandler("help", chat.help),
            CommandHandler("result", chat.result),
            CommandHandler("candidate", chat.candidate),
            CommandHandler("mp", chat.mp),
            CommandHandler("elected", chat.elected),
            CommandHandler("sources", chat.sources),
            CommandHandler("settings", chat.settings),
            MessageHandler(private & text, questions),
            MessageHandler(groups & text & ADDRESSED_TO_BOT, questions),
            MessageHandler(private & filters.COMMAND, chat.unknown_command),
            MessageHandler(private & filters.LOCATION, chat.location),
            MessageHandler(private & ~filters.TEXT & ~filters.StatusUpdate.ALL, chat.not_text),
            CallbackQueryHandler(chat.button),
            InlineQueryHandler(inline.answer),
        ]
    )
    application.add_error_handler(on_error)
    return application, lanes, repeats, desk


async def _post_init(application: App) -> None:
    """Start-up work: what the last run received and did not answer is queued before
    anything new. The command menu is not set here but beside answering (_set_command_menu).
    """
    queue = application.update_queue
    assert isinstance(queue, DurableUpdateQueue)
    replayed = queue.replay(application.bot)
    if replayed:
        log.info("answering %d updates received before the last stop", replayed)


async def serve(
    settings: Settings,
    engine: Engine,
    stop: asyncio.Event,
    tuning: Tuning = DEFAULT_TUNING,
    night: NightPlan | None = None,
) -> None:
    """Run the bot until `stop` is set; StartupError if it cannot start.

    On stop: the updater stops first (confirming what it fetched, which is in the inbox),
    then updates in progress get tuning.stop_grace seconds, and what is left waits in the
    inbox for the next start. The lifecycle is driven here rather than by run_polling() so
    that the same code runs inside the tests' event loop; post_init is called as run_polling
    would call it.
    """
    try:
        inbox = Inbox(settings.inbox_path, _bot_id(settings))
    except InboxError as error:
        raise StartupError(f"{error} (INBOX_PATH)", EXIT_USAGE) from None
    pictures = PicturePreferences(settings.inbox_path)
    lookup = PostcodeLookup(settings.postcodes_api_url) if settings.postcodes_api_url else None
    engine_thread = EngineThread()
    book = FollowBook(settings.inbox_path)
    try:
        application, lanes, repeats, desk = build_application(
            settings, engine, inbox, pictures, tuning, lookup, engine_thread, book
        )
        await _introduce(application.bot)
        async with application:
            assert application.post_init is not None
            await application.post_init(application)
            await application.start()
            menu = asyncio.create_task(_set_command_menu(application.bot))
            try:
                await _receive_updates(application, settings)
                _log_serving(application, settings, engine)
                async with _following(engine, desk, night, settings.inbox_path):
                    await stop.wait()
            finally:
                menu.cancel()  # still retrying at a stop: the next start sets it
                with contextlib.suppress(asyncio.CancelledError):
                    await menu
                log.info("stopping: finishing the updates in hand")
                if application.updater is not None and application.updater.running:
                    await application.updater.stop()
                await lanes.drain(tuning.stop_grace)
                with contextlib.suppress(TimeoutError):  # a count is not worth holding a stop
                    await asyncio.wait_for(repeats.settle(), tuning.stop_grace)
                await application.stop()
    except InvalidToken:
        raise StartupError(
            "Telegram refused TELEGRAM_BOT_TOKEN; check it with BotFather", EXIT_USAGE
        ) from None
    except NetworkError as error:
        if isinstance(error, BadRequest):
            raise StartupError(f"Telegram refused a start-up call: {error}", EXIT_FAILED) from None
        raise StartupError(
            f"cannot reach the Bot API at {settings.telegram_api_url} ({error}); "
            "tried several times",
            EXIT_FAILED,
        ) from None
    except Exception as error:
        unusable = _unusable_answer(error)
        if unusable is None:
            raise
        raise StartupError(unusable, EXIT_FAILED) from None
    finally:
        log.info("stopped; inbox: %d updates waiting for the next start, %d done", *inbox.counts())
        inbox.close()
        pictures.close()
        book.close()
        engine_thread.close()
        if lookup is not None:
            await lookup.close()


@contextlib.asynccontextmanager
async def _following(
    engine: Engine, desk: AlertDesk | None, night: NightPlan | None, kept: Path
) -> AsyncIterator[None]:
    """The election night, while the bot serves: the feed read into the engine, its
    declarations sent to the chats that follow them."""
    if night is None or desk is None or not isinstance(engine, LiveEngine):
        yield
        return
    live = engine

    async def take(results: NightResults, events: list[NightEvent]) -> None:
        live.update(results)
        await desk.on_night(results, events)

    async with night.watching(kept) as watcher:
        watcher.listen(take)
        await watcher.read_once()  # the night as it stands, before the outbox is opened
        desk.resume()
        reading = asyncio.create_task(watcher.run())
        try:
            yield
        finally:
            reading.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reading
            await desk.close()


def _bot_id(settings: Settings) -> int:
    """The bot's id, the one getMe gives, known before any call: a token is the bot's id, a
    colon and its secret (the settings have checked its shape)."""
    return int(settings.telegram_bot_token.get_secret_value().partition(":")[0])


async def _introduce(bot: Bot) -> None:
    """getMe, made on its own before the application starts (its initialize() then finds
    the bot known and asks nothing), so that an answer to it that cannot be read, such as a
    user without is_bot, which python-telegram-bot raises as a bare TypeError, is known to
    be getMe's and said as such (_unusable_answer)."""
    try:
        await bot.initialize()
    except Exception as error:
        await bot.shutdown()  # the application does not, for a start that failed this early
        if not isinstance(error, TelegramError) and call_of(error) is None:
            failed_call(error, "getMe")
        raise


async def _set_command_menu(bot: Bot) -> None:
    """The command menus, set beside answering rather than before it.

    The menu is a convenience and answering is the job: a refusal is one warning, and a Bot
    API failing with 5xx is retried as any call is (about 15 s of backoff) without holding
    up a single answer, so the menu is still there after a blip at start-up.
    """
    try:
        await bot.set_my_commands(PRIVATE_COMMANDS, scope=BotCommandScopeAllPrivateChats())
        await bot.set_my_commands(GROUP_COMMANDS, scope=BotCommandScopeAllGroupChats())
    except Exception as error:  # whatever the menu meets, the bot answers on
        if call_of(error) is None:  # not the Bot API's doing: a bug, with its traceback
            log.exception("the command menu could not be set; serving without")
            return
        log.warning("Telegram refused the command menu (setMyCommands: %s); serving without",
                    error)  # fmt: skip


def _unusable_answer(error: BaseException) -> str | None:
    """One line for a Bot API call whose answer the bot cannot use: not JSON, missing what
    the call returns, or a refusal no start-up step expects. None for anything else (a bug
    keeps its traceback)."""
    call = call_of(error)
    if call is None:
        return None
    if isinstance(error, TelegramError) and type(error) is not TelegramError:
        return f"Telegram refused {call}: {error}"
    why = f"{error.args[0]!r} is missing" if isinstance(error, KeyError) else str(error)
    if isinstance(error.__cause__, ValueError):  # python-telegram-bot's "Invalid server response"
        why += f" (not JSON: {error.__cause__})"
    return f"Telegram's answer to {call} could not be read: {why}"


async def _receive_updates(application: App, settings: Settings) -> None:
    updater = application.updater
    assert updater is not None
    if settings.bot_mode == "polling":
        await updater.start_polling(allowed_updates=ALLOWED_UPDATES)
        return
    assert settings.webhook_secret is not None
    try:
        await updater.start_webhook(
            listen=settings.listen,
            port=settings.port,
            url_path=settings.webhook_path(),
            webhook_url=settings.webhook_url,
            secret_token=settings.webhook_secret.get_secret_value(),
            allowed_updates=ALLOWED_UPDATES,
        )
    except BadRequest as error:
        raise StartupError(f"Telegram refused WEBHOOK_URL: {error}", EXIT_USAGE) from None
    except OSError as error:
        raise StartupError(_listen_problem(settings, error), EXIT_USAGE) from None


def _listen_problem(settings: Settings, error: OSError) -> str:
    where = f"{settings.listen}:{settings.port}"
    if error.errno == errno.EADDRINUSE:
        return f"cannot listen on {where}: the port is in use (PORT)"
    if error.errno == errno.EADDRNOTAVAIL:
        return f"cannot listen on {where}: not an address of this machine (LISTEN)"
    if error.errno == errno.EACCES:
        return f"cannot listen on {where}: not allowed; use a port above 1023 (PORT)"
    return f"cannot listen on {where}: {error.strerror or error} (LISTEN, PORT)"


def _log_serving(application: App, settings: Settings, engine: Engine) -> None:
    knowledge = engine.catalog.knowledge
    log.info(
        "serving @%s by %s from %s: %d seats, %d people, %d facts",
        application.bot.username, settings.bot_mode, settings.knowledge_path,
        len(knowledge.constituencies), len(knowledge.people), len(knowledge.facts),
    )  # fmt: skip
