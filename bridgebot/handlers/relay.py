"""Messages to relay, their edits, forum topics, and the relay's commands (/unsend, /glossary)."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bridgebot.adapters.telegram import is_person, to_incoming
from bridgebot.handlers.common import actor, group_only, replies_refusals, reply, services
from bridgebot.services.common import member_group
from bridgebot.services.refusal import Refusal


async def relay_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.message
    if message is None or not is_person(message):
        return
    incoming = to_incoming(message)
    if incoming is not None:
        await services(context).relay.accept(incoming)


async def relay_edit(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.edited_message
    if message is None or not is_person(message):
        return
    edit_date = int(message.edit_date.timestamp()) if message.edit_date else 0
    incoming = to_incoming(message, edit_date=edit_date)
    if incoming is not None:
        await services(context).relay.edited(incoming)


async def topic_named(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Forum topic names arrive only in service messages; remember them for attribution lines."""
    message = update.effective_message
    created, edited = message.forum_topic_created, message.forum_topic_edited
    name = created.name if created else (edited.name if edited else None)
    if name and message.message_thread_id:
        await services(context).relay.add_topic(message.chat.id, message.message_thread_id, name)


@replies_refusals
@group_only
async def unsend(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message.reply_to_message is None:
        raise Refusal("usage-unsend")
    count = await services(context).relay.unsend(
        await actor(update, context), message.chat.id, message.reply_to_message.message_id
    )
    # With partner groups to clean up, the outbox reports what was and was not deleted once it is done.
    if not count:
        await reply(update, context, "unsend-done", count=count)


async def _partnership_of(update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
    return (await member_group(services(context).repo, update.effective_chat.id)).partnership_id


@replies_refusals
@group_only
async def glossary(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    partnership_id = await _partnership_of(update, context)
    args = context.args or []
    sub = args[0].casefold() if args else ""
    if sub in ("add", "remove"):
        if not await svc.commitments.is_coordinator(await actor(update, context), partnership_id):
            raise Refusal("error-coordinator-only")
        if sub == "add":
            term, entries = await svc.glossary.add(partnership_id, args[1:])
            shown = ", ".join(f"{e.lang}={e.translation}" for e in entries if e.lang) or term
            await reply(update, context, "glossary-added", term=term, translations=shown)
        else:
            await reply(update, context, "glossary-removed", term=await svc.glossary.remove(partnership_id, args[1:]))
        return
    if sub:
        raise Refusal("usage-glossary")
    entries = await svc.glossary.entries(partnership_id)
    if not entries:
        await reply(update, context, "glossary-empty")
        return
    lines: dict[str, list[str]] = {}
    for entry in entries:
        items = lines.setdefault(entry.term, [])
        if entry.lang:
            items.append(f"{entry.lang}={entry.translation}")
    listing = "\n".join(f"• {term}" + (f" ({', '.join(items)})" if items else "") for term, items in lines.items())
    await reply(update, context, "glossary-list", count=len(lines), terms=listing)


@replies_refusals
@group_only
async def original_mode(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`/partnership original quote|full|none`: how each copy shows the original text."""
    svc = services(context)
    if not (await actor(update, context)).may_manage_group:
        raise Refusal("error-chat-admin-only")
    await _partnership_of(update, context)
    args = context.args or []
    if len(args) != 1:
        raise Refusal("usage-partnership-original")
    group = await svc.repo.group(update.effective_chat.id)
    mode = args[0].casefold()
    await svc.relay.set_original_mode(group, mode)
    await reply(update, context, "partnership-original-done", mode=mode)
