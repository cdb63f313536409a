"""Bookkeeping updates: people seen, group upgrades, the bot added to or removed from a group."""

from __future__ import annotations

import logging

from telegram import ChatMember, Update
from telegram.ext import ContextTypes

from bridgebot.handlers.common import as_user, services

log = logging.getLogger(__name__)


async def remember_sender(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs before every other handler so `@name` arguments resolve to people already seen."""
    message = update.effective_message
    user = update.effective_user
    if message is None or user is None or message.sender_chat is not None:
        return
    chat = update.effective_chat
    await services(context).repo.see_user(as_user(user), chat.id if chat else None, is_bot=user.is_bot)


async def group_migrated(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Telegram changes a group's id when it becomes a supergroup; the registration follows it."""
    message = update.effective_message
    if message.migrate_to_chat_id:
        old, new = message.chat.id, message.migrate_to_chat_id
    else:
        old, new = message.migrate_from_chat_id, message.chat.id
    if await services(context).onboarding.migrate(old, new):
        log.info("group %s migrated to supergroup %s", old, new)


async def membership_changed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    change = update.my_chat_member
    gone = change.new_chat_member.status in (ChatMember.LEFT, ChatMember.BANNED)
    if not gone:
        return
    group = await services(context).onboarding.bot_removed(change.chat.id)
    if group is not None:
        log.info("removed from group %s (%s); unlinked from its partnership", change.chat.id, group.city)
