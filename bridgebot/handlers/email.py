"""/email, /email add|remove|mode: an adapter over `services.email` (the rules live there)."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bridgebot.handlers.common import actor, group_only, replies_refusals, reply, services
from bridgebot.services.refusal import Refusal


@replies_refusals
@group_only
async def email(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    if svc.email is None:
        raise Refusal("error-email-off")
    args = context.args or []
    chat_id = update.effective_chat.id
    action = args[0].casefold() if args else ""
    if not args:
        await update.effective_message.reply_text(await svc.email.listing(chat_id), do_quote=True)
    elif action == "add":
        who = update.effective_user.full_name if update.effective_user else ""
        added = await svc.email.add(await actor(update, context), who, chat_id, args[1:])
        await reply(update, context, "email-invited", address=added.address.address, city=added.city.city)
    elif action == "remove":
        removed = await svc.email.remove(await actor(update, context), chat_id, args[1:])
        await reply(update, context, "email-removed", address=removed.address)
    elif action == "mode":
        address, mode, minutes = await svc.email.mode(await actor(update, context), chat_id, args[1:])
        key = "email-mode-set-each" if mode == "each" else "email-mode-set-digest"
        await reply(update, context, key, address=address.address, minutes=minutes)
    else:
        raise Refusal("usage-email")
