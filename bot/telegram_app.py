"""The one place the Telegram application is wired: handlers in order, commands, start-up.

build_application() makes the application; serve() runs it in polling or webhook mode until
told to stop, and is what both `electionbot run` and the end-to-end tests use.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    Update,
)
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.addressing import ADDRESSED_TO_BOT
from bot.engine import Engine
from bot.handlers import ChatHandlers, on_error
from bot.inline import InlineCards
from bot.settings import Settings

log = logging.getLogger(__name__)

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]

PRIVATE_COMMANDS = [
    BotCommand("start", "What I do, with examples"),
    BotCommand("result", "A seat's result: /result Leicester South"),
    BotCommand("candidate", "A candidate: /candidate Corbyn"),
    BotCommand("elected", "Who was elected"),
    BotCommand("sources", "Where my knowledge comes from"),
    BotCommand("help", "What you can ask"),
]
GROUP_COMMANDS = [c for c in PRIVATE_COMMANDS if c.command != "start"]


def build_application(settings: Settings, engine: Engine) -> Application:  # type: ignore[type-arg]
    application = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(settings.telegram_api_url)
        .rate_limiter(AIORateLimiter())
        .build()
    )
    chat = ChatHandlers(engine)
    inline = InlineCards(engine, chat.codec)
    private, groups = filters.ChatType.PRIVATE, filters.ChatType.GROUPS
    text = filters.TEXT & ~filters.COMMAND
    application.add_handlers(
        [
            CommandHandler("start", chat.start),
            CommandHandler("help", chat.help),
            CommandHandler("result", chat.result),
            CommandHandler("candidate", chat.candidate),
            CommandHandler("elected", chat.elected),
            CommandHandler("sources", chat.sources),
            MessageHandler(private & text, chat.question),
            MessageHandler(groups & text & ADDRESSED_TO_BOT, chat.question),
            MessageHandler(private & filters.COMMAND, chat.unknown_command),
            MessageHandler(private & ~filters.TEXT & ~filters.StatusUpdate.ALL, chat.not_text),
            CallbackQueryHandler(chat.button),
            InlineQueryHandler(inline.answer),
        ]
    )
    application.add_error_handler(on_error)
    return application


async def set_commands(application: Application) -> None:  # type: ignore[type-arg]
    await application.bot.set_my_commands(PRIVATE_COMMANDS, scope=BotCommandScopeAllPrivateChats())
    await application.bot.set_my_commands(GROUP_COMMANDS, scope=BotCommandScopeAllGroupChats())


async def serve(settings: Settings, engine: Engine, stop: asyncio.Event) -> None:
    """Run the bot until `stop` is set, then finish the updates in hand and shut down.

    Stopping the updater first makes it confirm the last update it fetched, so a restart
    never answers an update twice; stopping the application then drains what was fetched.
    """
    application = build_application(settings, engine)
    async with application:
        await set_commands(application)
        await application.start()
        assert application.updater is not None
        if settings.bot_mode == "webhook":
            assert settings.webhook_secret is not None
            await application.updater.start_webhook(
                listen=settings.listen,
                port=settings.port,
                url_path=settings.webhook_path(),
                webhook_url=settings.webhook_url,
                secret_token=settings.webhook_secret.get_secret_value(),
                allowed_updates=ALLOWED_UPDATES,
            )
        else:
            await application.updater.start_polling(allowed_updates=ALLOWED_UPDATES)
        knowledge = engine.catalog.knowledge
        log.info(
            "serving @%s by %s from %s: %d seats, %d people, %d facts",
            application.bot.username, settings.bot_mode, settings.knowledge_path,
            len(knowledge.constituencies), len(knowledge.people), len(knowledge.facts),
        )  # fmt: skip
        await stop.wait()
        log.info("stopping: finishing the updates in hand")
        await application.updater.stop()
        await application.stop()
    log.info("stopped")
