"""What every handler needs: the services, who is asking, and a localized reply."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from telegram import Chat, Message, Update
from telegram.constants import ChatMemberStatus
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bridgebot.config import Settings
from bridgebot.domain import User
from bridgebot.i18n import Catalogs
from bridgebot.services.commitments import Commitments
from bridgebot.services.common import Actor
from bridgebot.services.delivery import Outbox
from bridgebot.services.email import EmailPartners
from bridgebot.services.followup_commands import Followups
from bridgebot.services.glossary import Glossary
from bridgebot.services.nudge_scheduler import NudgeScheduler
from bridgebot.services.onboarding import Onboarding
from bridgebot.services.refusal import Refusal
from bridgebot.services.relay import Relay
from bridgebot.store.repository import CommandAlreadyHandled, Repository
from bridgebot.translation.engine import Engine

log = logging.getLogger(__name__)
ADMIN_STATUSES = {ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER}


@dataclass
class Services:
    settings: Settings
    repo: Repository
    catalogs: Catalogs
    onboarding: Onboarding
    relay: Relay
    glossary: Glossary
    commitments: Commitments
    followups: Followups
    outbox: Outbox
    engine: Engine
    nudges: NudgeScheduler
    email: EmailPartners | None = None  # None unless e-mail is configured


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return context.application.bot_data["services"]


def as_user(tg_user: Any) -> User:
    return User(tg_user.id, tg_user.username, tg_user.first_name or "", tg_user.last_name)


async def chat_language(svc: Services, chat: Chat | None, message: Message | None = None) -> str:
    """The group's declared language; before /setup, the asker's Telegram language if we speak it."""
    if chat is not None:
        group = await svc.repo.group(chat.id)
        if group is not None:
            return group.lang
    sender = message.from_user if message is not None else None
    return svc.catalogs.ui_language(sender.language_code if sender else None)


async def actor(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Actor:
    """Who is asking, with the two permission facts the services decide on."""
    message, chat = update.effective_message, update.effective_chat
    svc = services(context)
    user = update.effective_user
    # An anonymous admin posts as the group itself (sender_chat == chat): only admins can do that.
    if message is not None and chat is not None and message.sender_chat is not None:
        return Actor(None, False, message.sender_chat.id == chat.id)
    if user is None:
        return Actor(None, False, False)
    is_bot_admin = user.id in svc.settings.admins
    is_chat_admin = False
    if chat is not None and chat.type != Chat.PRIVATE:
        try:
            member = await context.bot.get_chat_member(chat.id, user.id)
            is_chat_admin = member.status in ADMIN_STATUSES
        except TelegramError as exc:
            log.warning("could not check admin status in chat %s: %s", chat.id, exc)
    return Actor(user.id, is_bot_admin, is_chat_admin)


async def reply(update: Update, context: ContextTypes.DEFAULT_TYPE, key: str, /, **args: Any) -> None:
    svc = services(context)
    message = update.effective_message
    if message is None:
        return
    lang = await chat_language(svc, update.effective_chat, message)
    await message.reply_text(svc.catalogs.t(lang, key, **args), do_quote=True)


Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[None]]


def replies_refusals(func: Handler) -> Handler:
    """A service's `Refusal` becomes a localized answer in the chat; nothing was stored."""

    @wraps(func)
    async def wrapper(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        try:
            await func(update, context)
        except Refusal as refusal:
            await reply(update, context, refusal.key, **refusal.args_)

    return wrapper


def handled_once(func: Handler) -> Handler:
    """A command is applied and answered once per message, even when Telegram delivers its update
    again (the bot stopped after handling it but before confirming it: see adapters/polling.py).

    The record of the command is written in the transaction that applies it (`Repository.command`).
    A stop between that transaction and a later one of the same command (an announcement queued
    after its commitment) loses that later part rather than applying the command twice.
    """

    @wraps(func)
    async def wrapper(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.message
        if message is None:
            await func(update, context)
            return
        try:
            async with services(context).repo.command(message.chat_id, message.message_id):
                await func(update, context)
        except CommandAlreadyHandled:
            log.info(
                "command of message %s in chat %s was handled before: not again", message.message_id, message.chat_id
            )

    return wrapper


def group_only(func: Handler) -> Handler:
    @wraps(func)
    async def wrapper(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat = update.effective_chat
        if chat is None or chat.type == Chat.PRIVATE:
            raise Refusal("error-group-only")
        await func(update, context)

    return wrapper
