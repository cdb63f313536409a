"""/setup, /partnership, /lang, /focal, /contacts: thin adapters over `services.onboarding`."""

from __future__ import annotations

import logging
from datetime import datetime

from telegram import Update
from telegram.constants import MessageEntityType
from telegram.error import BadRequest, Forbidden
from telegram.ext import ContextTypes

from bridgebot.domain import User
from bridgebot.handlers import relay
from bridgebot.handlers.common import (
    actor,
    as_user,
    chat_language,
    group_only,
    replies_refusals,
    reply,
    services,
)
from bridgebot.i18n import Catalogs
from bridgebot.languages import language_name
from bridgebot.services.onboarding import CODE_TTL, CodeSender, Member, PartnershipView
from bridgebot.services.refusal import Refusal
from bridgebot.services.texts import wall_clock

log = logging.getLogger(__name__)
# The payload of the deep link to the bot's private chat that a refused join code points to; /start
# with it says what to do next.
JOIN_CODE_START = "joincode"


@replies_refusals
@group_only
async def setup(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    chat = update.effective_chat
    group, tz_defaulted = await svc.onboarding.setup(
        await actor(update, context), chat.id, chat.title or "", context.args or []
    )
    ui = svc.catalogs.ui_language(group.lang)
    await reply(
        update,
        context,
        "setup-done",
        city=group.city,
        language=language_name(group.lang, ui),
        tz=group.tz,
        time=wall_clock(svc.repo.clock(), group.tz, ui),
    )
    if tz_defaulted:
        await reply(update, context, "setup-tz-hint", city=group.city, lang=group.lang)


async def partnership(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`/partnership [new|invite|join|leave] ...`: one command, as the contract names it."""
    args = context.args or []
    sub = args[0].casefold() if args else ""
    handler = _PARTNERSHIP_SUBCOMMANDS.get(sub)
    if handler is None and sub:
        await reply(update, context, "usage-partnership")
        return
    context.args = args[1:]
    await (handler or show_partnership)(update, context)


def _private_link(context: ContextTypes.DEFAULT_TYPE) -> str:
    """The deep link that opens the bot's private chat with a Start button."""
    return f"https://t.me/{context.bot.username}?start={JOIN_CODE_START}"


def _privately(update: Update, context: ContextTypes.DEFAULT_TYPE) -> CodeSender:
    """Hands a join code to the asking person in their private chat with the bot, in their language.

    Telegram lets a bot write to a person only after they started a private chat with it (403
    "bot can't initiate conversation with a user"; "chat not found" for someone it never met):
    then the command is refused with a link to that chat, and the service stores nothing."""
    svc, user = services(context), update.effective_user

    async def send(name: str, code: str) -> None:
        lang = svc.catalogs.ui_language(user.language_code)
        text = svc.catalogs.t(lang, "partnership-invite", name=name, code=code, days=CODE_TTL.days)
        try:
            await context.bot.send_message(user.id, text)
        except (Forbidden, BadRequest) as exc:
            log.info("cannot hand a join code to user %s privately: %s", user.id, exc)
            raise Refusal(
                "partnership-code-private-needed", person=user.first_name, link=_private_link(context)
            ) from None

    return send


async def _here(name: str, code: str) -> None:
    """In the private chat itself the code is part of the reply: nothing to hand over first."""


@replies_refusals
async def new_partnership(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    chat = update.effective_chat
    private = chat is None or chat.type == chat.PRIVATE
    created, code, joined = await svc.onboarding.new_partnership(
        await actor(update, context),
        None if private else chat.id,
        context.args or [],
        _here if private else _privately(update, context),
    )
    if private:
        await reply(update, context, "partnership-created", name=created.name, code=code, days=CODE_TTL.days)
        return
    key = "partnership-created-joined-code-sent" if joined else "partnership-created-code-sent"
    await reply(update, context, key, name=created.name, person=update.effective_user.first_name)


@replies_refusals
@group_only
async def invite(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    joined = await svc.onboarding.invite(
        await actor(update, context), update.effective_chat.id, _privately(update, context)
    )
    await reply(
        update, context, "partnership-invite-code-sent", name=joined.name, person=update.effective_user.first_name
    )


@replies_refusals
@group_only
async def join(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    chat_id = update.effective_chat.id
    joined = await svc.onboarding.join(await actor(update, context), chat_id, context.args or [])
    view = await svc.onboarding.view(chat_id)
    await reply(update, context, "partnership-joined", name=joined.name, count=len(view.members))
    group = await svc.repo.group(chat_id)
    texts = {
        member.group.chat_id: svc.catalogs.t(
            member.group.lang, "partnership-new-member", city=group.city, name=joined.name
        )
        for member in view.members
        if member.group.chat_id != chat_id
    }
    await svc.outbox.announce(joined.id, texts)


@replies_refusals
@group_only
async def leave(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    left = await svc.onboarding.leave(await actor(update, context), update.effective_chat.id)
    await reply(update, context, "partnership-left", name=left.name)


def _member_line(catalogs: Catalogs, member: Member, ui: str, now: datetime) -> str:
    group = member.group
    focal = member.focal.handle if member.focal else catalogs.t(ui, "focal-none")
    return catalogs.t(
        ui,
        "partnership-member-line",
        city=group.shown_city,
        language=language_name(group.lang, ui),
        time=wall_clock(now, group.tz, ui),
        tz=group.tz,
        focal=focal,
    )


async def _view_lines(update: Update, context: ContextTypes.DEFAULT_TYPE) -> tuple[PartnershipView, str]:
    """The partnership and one line per city, in the asking group's language."""
    svc = services(context)
    view = await svc.onboarding.view(update.effective_chat.id)
    ui = svc.catalogs.ui_language(await chat_language(svc, update.effective_chat))
    return view, "\n".join(_member_line(svc.catalogs, member, ui, svc.repo.clock()) for member in view.members)


@replies_refusals
@group_only
async def show_partnership(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    view, lines = await _view_lines(update, context)
    await reply(
        update,
        context,
        "partnership-show",
        name=view.partnership.name,
        count=len(view.members),
        members=lines,
    )


@replies_refusals
@group_only
async def contacts(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    _, lines = await _view_lines(update, context)
    await reply(update, context, "contacts-show", members=lines)


@replies_refusals
@group_only
async def lang(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    code = await svc.onboarding.set_language(await actor(update, context), update.effective_chat.id, context.args or [])
    await reply(update, context, "lang-done", language=language_name(code, svc.catalogs.ui_language(code)))


async def resolve_person(update: Update, context: ContextTypes.DEFAULT_TYPE) -> tuple[User | None, str]:
    """Whom a command names: a text mention, an @username seen in this partnership, or the replied-to author."""
    onboarding, chat_id = services(context).onboarding, update.effective_chat.id
    message = update.effective_message
    for entity in message.entities:
        if entity.offset == 0:
            continue
        if entity.type == MessageEntityType.TEXT_MENTION and entity.user is not None:
            return as_user(entity.user), entity.user.first_name
        if entity.type == MessageEntityType.MENTION:
            asked = message.parse_entity(entity)
            return await onboarding.find_person(chat_id, asked), asked
    args = context.args or []
    if args:
        asked = args[0]
        found = await onboarding.find_person(chat_id, asked) if asked.startswith("@") else None
        return found, asked
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and not replied.from_user.is_bot:
        return as_user(replied.from_user), replied.from_user.first_name
    return None, ""


@replies_refusals
@group_only
async def focal(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    person, asked = await resolve_person(update, context)
    chosen = await svc.onboarding.set_focal(await actor(update, context), update.effective_chat.id, person, asked)
    group = await svc.repo.group(update.effective_chat.id)
    await reply(update, context, "focal-done", person=chosen.handle, city=group.city)


_PARTNERSHIP_SUBCOMMANDS = {
    "new": new_partnership,
    "invite": invite,
    "join": join,
    "leave": leave,
    "original": relay.original_mode,
}
