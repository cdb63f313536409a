"""Builds the Telegram Application: every handler in one place, in order, and the command menus.

`serve()` is what `bridgebot run` executes; the end-to-end tests call the same coroutine against a
local Bot API server.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from datetime import datetime

from telegram import (
    BotCommand,
    BotCommandScopeAllChatAdministrators,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    Update,
)
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bridgebot import metrics
from bridgebot.adapters.email.channel import ByDestination
from bridgebot.adapters.email.runtime import EmailRuntime
from bridgebot.adapters.polling import poll
from bridgebot.adapters.telegram import ChatRateLimiter, TelegramChannel
from bridgebot.adapters.webhook import WebhookServer
from bridgebot.config import Settings
from bridgebot.handlers import commitments, followups, onboarding, relay, tracking
from bridgebot.handlers import email as email_handlers
from bridgebot.handlers import help as help_handlers
from bridgebot.handlers.common import Services, handled_once
from bridgebot.health import OK, HealthServer, Heartbeat, Readiness
from bridgebot.i18n import Catalogs, catalogs
from bridgebot.services.commitments import Commitments
from bridgebot.services.delivery import Outbox
from bridgebot.services.followup_commands import Followups
from bridgebot.services.glossary import Glossary
from bridgebot.services.nudge_composer import NudgeComposer
from bridgebot.services.nudge_planner import NudgePlanner
from bridgebot.services.nudge_scheduler import NudgeScheduler
from bridgebot.services.onboarding import Onboarding
from bridgebot.services.relay import Relay
from bridgebot.store.db import open_db
from bridgebot.store.repository import Repository
from bridgebot.translation.detect import use_detector
from bridgebot.translation.engine import Engine

log = logging.getLogger(__name__)
# Opt in to PTB's coming behaviour (durations as timedelta) instead of a deprecation warning per 429.
os.environ.setdefault("PTB_TIMEDELTA", "1")

# Menus per scope: what everyone in a group sees, what chat admins see in addition, and private chats.
GROUP_COMMANDS = [
    "help",
    "partnership",
    "contacts",
    "commit",
    "commitments",
    "done",
    "blocked",
    "reopen",
    "due",
    "followup",
    "followups",
    "report",
    "glossary",
    "unsend",
]
ADMIN_COMMANDS = [*GROUP_COMMANDS, "setup", "lang", "focal", "role", "email"]
PRIVATE_COMMANDS = ["start", "help"]


def build_application(settings: Settings) -> Application:
    """The PTB Application with every handler; the handlers find the services in `bot_data`, which
    `serve` fills once they are built (they need the application's bot for their channel)."""
    limiter = ChatRateLimiter(settings.rate_per_second, settings.rate_group_per_minute)
    builder = ApplicationBuilder().token(settings.token or "").rate_limiter(limiter)
    # PTB waits 5 s by default and a timed-out send may still arrive: a longer wait means fewer
    # answers lost (getUpdates sets its own timeout in adapters/polling.py).
    timeout = settings.telegram_timeout
    builder = builder.connect_timeout(timeout).read_timeout(timeout).write_timeout(timeout).pool_timeout(timeout)
    if settings.telegram_base_url:
        base = settings.telegram_base_url.rstrip("/")
        builder = builder.base_url(base).base_file_url(base.removesuffix("/bot") + "/file/bot")
    application = builder.build()
    _add_handlers(application)
    return application


def _add_handlers(application: Application) -> None:
    # Group -1 runs for every update before the commands, so a command can already resolve the
    # sender's @username; it never stops later groups from handling the update.
    application.add_handler(TypeHandler(Update, tracking.remember_sender), group=-1)

    application.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, tracking.group_migrated))
    application.add_handler(ChatMemberHandler(tracking.membership_changed, ChatMemberHandler.MY_CHAT_MEMBER))
    topics = filters.StatusUpdate.FORUM_TOPIC_CREATED | filters.StatusUpdate.FORUM_TOPIC_EDITED
    application.add_handler(MessageHandler(topics, relay.topic_named))

    commands = {
        "start": help_handlers.start,
        "help": help_handlers.help_command,
        "setup": onboarding.setup,
        "partnership": onboarding.partnership,
        "lang": onboarding.lang,
        "focal": onboarding.focal,
        "contacts": onboarding.contacts,
        "glossary": relay.glossary,
        "unsend": relay.unsend,
        "commit": commitments.commit,
        "commitments": commitments.commitments,
        "done": commitments.done,
        "blocked": commitments.blocked,
        "reopen": commitments.reopen,
        "due": commitments.due,
        "role": commitments.role,
        "followup": followups.followup,
        "followups": followups.followups,
        "report": followups.report,
        "email": email_handlers.email,
    }
    # Commands answer new messages only: editing "/setup ..." must not run it again; nor does the
    # same message delivered twice (handled_once).
    for name, callback in commands.items():
        application.add_handler(CommandHandler(name, handled_once(callback), filters=filters.UpdateType.MESSAGE))
    application.add_handler(CallbackQueryHandler(commitments.commitments_page, pattern=rf"^{commitments.CALLBACK}\|"))
    # After the commands: any other command gets a hint, and is never relayed.
    application.add_handler(MessageHandler(filters.COMMAND & filters.UpdateType.MESSAGE, help_handlers.unknown_command))
    # Last: everything people post in a group is relayed; service messages are not.
    groups = filters.ChatType.GROUPS
    application.add_handler(
        MessageHandler(groups & filters.UpdateType.MESSAGE & ~filters.StatusUpdate.ALL, relay.relay_message)
    )
    application.add_handler(MessageHandler(groups & filters.UpdateType.EDITED_MESSAGE, relay.relay_edit))
    application.add_error_handler(_on_error)


async def _on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """One place for failures: log with the update's ids (never its text) and keep running."""
    where = ""
    if isinstance(update, Update):
        chat = update.effective_chat
        where = f" (update {update.update_id}, chat {chat.id if chat else '-'})"
    log.error("handler failed%s", where, exc_info=context.error)


def _menu(catalog: Catalogs, lang: str, names: list[str]) -> list[BotCommand]:
    return [BotCommand(name, catalog.t(lang, f"cmd-{name}")) for name in names]


async def set_command_menus(application: Application, catalog: Catalogs) -> None:
    """Menus per scope and per UI language, so a German admin sees German descriptions."""
    scopes = [
        (BotCommandScopeAllGroupChats(), GROUP_COMMANDS),
        (BotCommandScopeAllChatAdministrators(), ADMIN_COMMANDS),
        (BotCommandScopeAllPrivateChats(), PRIVATE_COMMANDS),
    ]
    try:
        for scope, names in scopes:
            await application.bot.set_my_commands(_menu(catalog, "en", names), scope=scope)
            for lang in catalog.menu_languages:
                menu = _menu(catalog, lang, names)
                await application.bot.set_my_commands(menu, scope=scope, language_code=lang)
    except TelegramError as exc:
        log.warning("could not set the command menus: %s", exc)


async def serve(
    settings: Settings,
    stop: asyncio.Event,
    on_ready: Callable[[Services], None] | None = None,
    clock: Callable[[], datetime] | None = None,
) -> None:
    """Open the store, run the bot (long polling, or a webhook) until `stop` is set, then close cleanly.

    `on_ready` receives the running services (the demo and the tests read figures from them);
    `clock` fixes "now" for tests of dates and deadlines.
    """
    use_detector(settings.language_detector)
    conn, applied = await open_db(settings.db_path)
    if applied:
        log.info("database %s: applied migrations %s", settings.db_path, ", ".join(applied))
    repo = Repository(conn, clock)
    threads = (settings.translation_threads, 1) if settings.translation_threads else None
    engine = Engine(settings.models_path, threads, settings.max_loaded_pairs, settings.max_decoding_length)
    ui = catalogs()
    readiness = Readiness()
    readiness.set("store", OK)
    # In order: the channel, the delivery queue (it renders through the relay), the services that
    # queue deliveries; then the events each service subscribes to. Nothing is set after construction.
    application = build_application(settings)
    relay_service = Relay(repo, engine, ui)
    commitment_log = Commitments(repo, engine, clock)
    # E-mail partners, when configured: e-mail cities are destinations of the same queue (their channel
    # beside Telegram's), and one IMAP reader and the mail dispatcher run beside the bot. What they tell
    # the partnership goes through the queue built next.
    mail = (
        EmailRuntime(
            settings.email, repo, ui, relay_service, commitment_log, lambda pid, texts: outbox.announce(pid, texts)
        )
        if settings.email
        else None
    )
    channel = ByDestination(TelegramChannel(application.bot), mail.channel if mail else None)
    # A refused token stops delivery (rows stay pending) and makes the bot not ready until it works.
    outbox = Outbox(
        repo,
        relay_service,
        channel,
        ui,
        on_unauthorized=lambda why: readiness.set("telegram", OK if why is None else f"token refused: {why}"),
    )
    planner = NudgePlanner(repo, clock)
    nudges = NudgeScheduler(repo, planner, NudgeComposer(repo, commitment_log, ui, clock), outbox, clock)
    followup_commands = Followups(repo, commitment_log, ui, planner, clock)
    relay_service.queued.append(outbox.wake)
    commitment_log.listeners.append(planner.commitment_changed)
    svc = Services(
        settings,
        repo,
        ui,
        Onboarding(repo),
        relay_service,
        Glossary(repo),
        commitment_log,
        followup_commands,
        outbox,
        engine,
        nudges,
        mail.partners if mail else None,
    )
    application.bot_data["services"] = svc
    health = HealthServer(readiness, lambda: _refresh_gauges(repo))
    heartbeat = Heartbeat(repo, readiness, repo.clock)
    beating: asyncio.Task[None] | None = None
    try:
        await heartbeat.check()  # before anything else writes: how long was the bot away?
        beating = asyncio.create_task(heartbeat.run(stop))
        await health.start(settings.health_listen, settings.health_port)
        async with application:
            await set_command_menus(application, svc.catalogs)
            # Loading models takes a moment: warm them beside polling rather than before it.
            warming = asyncio.get_running_loop().run_in_executor(None, engine.warm, await repo.languages_in_use())
            _watch_models(readiness, warming, engine, await repo.partnership_languages())
            await outbox.start()
            if mail is not None:
                mail.start()
            await application.start()
            log.info("bridgebot is running as @%s", application.bot.username)
            # Nudges are planned in the database; this loop only waits for the next one (and sends
            # those missed while the bot was down, once).
            scheduler = asyncio.create_task(nudges.run(stop))
            if on_ready is not None:
                on_ready(svc)
            await _receive_updates(application, settings, repo, stop, readiness)
            readiness.set("telegram", "stopping")
            await scheduler
            await beating
            await application.stop()
            if mail is not None:
                await mail.stop()
            await outbox.stop()
            await relay_service.close()
            await warming
    finally:
        if beating is not None:
            beating.cancel()
        readiness.set("store", "closed")
        await health.stop()
        engine.close()
        await conn.close()


async def _receive_updates(
    application: Application, settings: Settings, repo: Repository, stop: asyncio.Event, readiness: Readiness
) -> None:
    """Long polling, or the webhook when `webhook_url` is set, until `stop`. Both confirm an update to
    Telegram only after `process_update` has handled it (see adapters/polling.py, adapters/webhook.py)."""
    if not settings.webhook_url:
        await application.bot.delete_webhook()
        readiness.set("telegram", OK)
        await poll(application, repo, stop, settings.poll_timeout)
        return
    server = WebhookServer(application, settings.webhook_secret or "", settings.webhook_listen, settings.webhook_port)
    async with server:
        # Listening before setWebhook, so Telegram's first delivery finds us; the webhook stays set
        # on stop, so Telegram keeps the updates that arrive while the bot is down.
        await application.bot.set_webhook(
            settings.webhook_url,
            secret_token=settings.webhook_secret,
            allowed_updates=Update.ALL_TYPES,
            max_connections=1,
        )
        readiness.set("telegram", OK)
        log.info("receiving updates by webhook on %s:%s", settings.webhook_listen, server.port)
        await stop.wait()


def _watch_models(
    readiness: Readiness, warming: asyncio.Future[None], engine: Engine, languages: dict[str, set[str]]
) -> None:
    """/readyz: models are ready once warmed, and only if every partnership's language pair has a route."""
    missing = sorted(
        {f"{s}->{t}" for langs in languages.values() for s in langs for t in langs if engine.route(s, t) is None}
    )
    readiness.set("models", "loading")

    def warmed(future: asyncio.Future[None]) -> None:
        if future.cancelled():
            return
        if future.exception() is not None:
            readiness.set("models", f"failed to load: {future.exception()}")
        elif missing:
            readiness.set("models", f"no model for {', '.join(missing)} (bridgebot models install FROM TO)")
        else:
            readiness.set("models", OK)

    warming.add_done_callback(warmed)


async def _refresh_gauges(repo: Repository) -> None:
    """Levels read when /metrics is scraped; the SQL stays in the repository."""
    metrics.outbox_depth.set(await repo.outbox_depth())
