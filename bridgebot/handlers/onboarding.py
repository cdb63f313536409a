"""/setup, /partnership, /lang, /focal, /contacts: thin adapters over `services.onboarding`."""

from __future__ import annotations

from datetime import datetime

from telegram import Update
from telegram.constants import MessageEntityType
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
from bridgebot.services.onboarding import Member, PartnershipView
from bridgebot.services.texts import wall_clock


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


@replies_refusals
async def new_partnership(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    chat = update.effective_chat
    chat_id = chat.id if chat is not None and chat.type != chat.PRIVATE else None
    created, code, joined = await svc.onboarding.new_partnership(
        await actor(update, context), chat_id, context.args or []
    )
    key = "partnership-created-joined" if joined else "partnership-created"
    await reply(update, context, key, name=created.name, code=code, days=7)


@replies_refusals
@group_only
async def invite(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    joined, code = await svc.onboarding.invite(await actor(update, context), update.effective_chat.id)
    await reply(update, context, "partnership-invite", name=joined.name, code=code, days=7)


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
    await svc.followups.notify(joined.id, texts)


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
        city=group.city,
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
    """Whom a command names: a text mention, an @username the bot has seen, or the replied-to author."""
    svc = services(context)
    message = update.effective_message
    for entity in message.entities:
        if entity.offset == 0:
            continue
        if entity.type == MessageEntityType.TEXT_MENTION and entity.user is not None:
            return as_user(entity.user), entity.user.first_name
        if entity.type == MessageEntityType.MENTION:
            asked = message.parse_entity(entity)
            return await svc.repo.user_by_username(asked), asked
    args = context.args or []
    if args:
        asked = args[0]
        found = await svc.repo.user_by_username(asked) if asked.startswith("@") else None
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
    if person is not None:
        await svc.repo.see_user(person, None)
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
