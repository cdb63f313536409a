"""/commit, /commitments, /done, /blocked, /reopen, /due, /role: adapters over `services.commitments`."""

from __future__ import annotations

import contextlib

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import MessageEntityType
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bridgebot.handlers.common import Services, actor, as_user, group_only, replies_refusals, reply, services
from bridgebot.handlers.onboarding import resolve_person
from bridgebot.services.commitments import FILTERS, Change
from bridgebot.services.refusal import Refusal
from bridgebot.services.texts import commitment_announcements, commitment_line

PAGE = 8
CALLBACK = "cm"


def _command_text(update: Update) -> tuple[str, bool]:
    """The text after the command, and whether it starts with a mention of someone else."""
    message = update.effective_message
    text = message.text or ""
    first = text.split(maxsplit=1)
    rest = first[1] if len(first) > 1 else ""
    mention = any(
        e.type in (MessageEntityType.MENTION, MessageEntityType.TEXT_MENTION) and e.offset == len(text) - len(rest)
        for e in message.entities
    )
    return rest, mention or rest.startswith("@")


async def announce(context: ContextTypes.DEFAULT_TYPE, change: Change) -> None:
    """Tell every partner group, each in its own language and local time (queued: never lost)."""
    svc = services(context)
    texts = await commitment_announcements(svc.repo, svc.catalogs, svc.commitments, change)
    await svc.outbox.announce(change.commitment.partnership_id, texts)


@replies_refusals
@group_only
async def commit(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    message = update.effective_message
    rest, names_owner = _command_text(update)
    owner = None
    if names_owner:
        owner, asked = await resolve_person(update, context)
        if owner is None:
            raise Refusal("error-unknown-user", user=asked)
        rest = rest.split(maxsplit=1)[1] if len(rest.split(maxsplit=1)) > 1 else ""
    replied = message.reply_to_message
    if replied is not None and (replied.text or replied.caption):
        rest = f"{replied.text or replied.caption} {rest}".strip()
    if not rest:
        raise Refusal("usage-commit")
    sender = as_user(message.from_user) if message.from_user and message.sender_chat is None else None
    change = await svc.commitments.record(await actor(update, context), message.chat.id, sender, owner, rest)
    await announce(context, change)


def _change_command(action: str):
    @replies_refusals
    @group_only
    async def handler(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        svc = services(context)
        message = update.effective_message
        name = message.from_user.full_name if message.sender_chat is None else (message.chat.title or "")
        change = await svc.commitments.change(
            await actor(update, context), name, message.chat.id, action, context.args or []
        )
        await announce(context, change)

    handler.__name__ = action
    return handler


done = _change_command("done")
blocked = _change_command("blocked")
reopen = _change_command("reopen")
due = _change_command("due")


async def _page(svc: Services, chat_id: int, which: str, page: int) -> tuple[str, InlineKeyboardMarkup | None]:
    group = await svc.repo.group(chat_id)
    owner = await svc.repo.user(int(which[1:])) if which.startswith("@") else None
    items = await svc.commitments.listing(chat_id, "open" if owner else which, owner)
    if not items:
        return svc.catalogs.t(group.lang, "commitments-empty"), None
    pages = (len(items) + PAGE - 1) // PAGE
    page = max(0, min(page, pages - 1))
    now = svc.commitments.clock()
    shown = items[page * PAGE : (page + 1) * PAGE]
    lines = [commitment_line(svc.catalogs, group, c, await svc.commitments.text_in(c, group.lang), now) for c in shown]
    header = svc.catalogs.t(group.lang, "commitments-header", count=len(items), page=page + 1, pages=pages)
    buttons = []
    if page > 0:
        buttons.append(InlineKeyboardButton("◀", callback_data=f"{CALLBACK}|{which}|{page - 1}"))
    if page < pages - 1:
        buttons.append(InlineKeyboardButton("▶", callback_data=f"{CALLBACK}|{which}|{page + 1}"))
    return "\n".join([header, *lines]), InlineKeyboardMarkup([buttons]) if buttons else None


@replies_refusals
@group_only
async def commitments(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    args = context.args or []
    which = args[0].casefold() if args else "open"
    if which.startswith("@") or any(
        e.type == MessageEntityType.TEXT_MENTION for e in update.effective_message.entities
    ):
        person, asked = await resolve_person(update, context)
        if person is None:
            raise Refusal("error-unknown-user", user=asked)
        which = f"@{person.id}"
    elif which not in FILTERS:
        raise Refusal("usage-commitments")
    text, markup = await _page(svc, update.effective_chat.id, which, 0)
    await update.effective_message.reply_text(text, reply_markup=markup, do_quote=True)


async def commitments_page(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Inline ◀ ▶ buttons under a list; the list is recomputed so it is never stale."""
    query = update.callback_query
    await query.answer()
    try:
        _, which, page = query.data.split("|")
        text, markup = await _page(services(context), query.message.chat.id, which, int(page))
    except (ValueError, Refusal):
        return
    with contextlib.suppress(TelegramError):  # e.g. "message is not modified" on a double tap
        await query.edit_message_text(text, reply_markup=markup)


@replies_refusals
@group_only
async def role(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    args = context.args or []
    person, asked = await resolve_person(update, context)
    chosen = args[-1].casefold() if len(args) >= 2 else ""
    given = await svc.commitments.set_role(
        await actor(update, context), update.effective_chat.id, person, asked, chosen
    )
    await reply(update, context, f"role-{given}", person=person.handle)
