"""/followup, /followups and /report: adapters over `services.followup_commands` and `services.report`."""

from __future__ import annotations

import asyncio

from telegram import Update
from telegram.ext import ContextTypes

from bridgebot.domain import Followup, FollowupSettings, FollowupTarget, Group
from bridgebot.handlers.common import actor, group_only, replies_refusals, reply, services
from bridgebot.handlers.onboarding import resolve_person
from bridgebot.services.followup_commands import Followups, Listed, Scheduled, weekday_name
from bridgebot.services.refusal import Refusal
from bridgebot.services.report import build_report, report_chart, report_text
from bridgebot.services.schedule import Rule
from bridgebot.services.texts import clock_text, join_list, local_time


@replies_refusals
@group_only
async def followup(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    args = context.args or []
    chat_id = update.effective_chat.id
    if not args:
        raise Refusal("usage-followup")
    if args[0].lower() == "cancel":
        if len(args) != 2:
            raise Refusal("usage-followup")
        cancelled = await svc.followups.cancel(await actor(update, context), chat_id, args[1])
        await reply(update, context, "followup-cancelled", id=cancelled.number)
        return
    if args[0].lower() == "settings":
        await _settings(update, context, args[1:])
        return
    if len(args) < 2:
        raise Refusal("usage-followup")
    person = None
    if args[0].startswith("@") or _names_someone(update):
        person, asked = await resolve_person(update, context)
        if person is None:
            raise Refusal("error-unknown-user", user=asked or args[0])
    scheduled = await svc.followups.schedule(await actor(update, context), chat_id, args[0], person, args[1:])
    group = await svc.repo.group(chat_id)
    await update.effective_message.reply_text(_confirmation(svc.followups, scheduled, group), do_quote=True)


def _names_someone(update: Update) -> bool:
    """A text mention (a person without @username) right after the command."""
    message = update.effective_message
    return any(e.type == "text_mention" for e in message.entities)


def _confirmation(followups: Followups, scheduled: Scheduled, group: Group) -> str:
    t, lang = followups.catalogs.t, group.lang
    ui = followups.catalogs.ui_language(lang)
    lines = []
    for member, moment, inside in scheduled.firsts:
        warning = "" if inside else t(lang, "followup-outside-hours")
        lines.append(
            t(lang, "followup-time-line", city=member.city, time=local_time(moment, member.tz, ui, True)) + warning
        )
    return t(
        lang,
        "followup-scheduled",
        id=scheduled.followup.number,
        what=_what(followups, scheduled.followup, lang),
        when=_when(followups, scheduled.followup, group),
        times="\n".join(lines),
    )


def _what(followups: Followups, item: Followup, lang: str) -> str:
    t = followups.catalogs.t
    if item.target == FollowupTarget.COMMITMENT:
        return t(lang, "followup-target-commitment", id=item.commitment_number)
    if item.target == FollowupTarget.USER:
        return t(lang, "followup-target-user", person=item.user_name or "")
    return t(lang, "followup-target-all")


def _when(followups: Followups, item: Followup, group: Group) -> str:
    if item.rule is not None:
        return followups.describe_rule(Rule.from_json(item.rule), group.lang)
    ui = followups.catalogs.ui_language(group.lang)
    return followups.catalogs.t(group.lang, "followup-once", time=local_time(item.at, group.tz, ui, True))


@replies_refusals
@group_only
async def followups(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    group, listed = await svc.followups.listing(update.effective_chat.id)
    t, lang = svc.catalogs.t, group.lang
    if not listed:
        text = t(lang, "followups-empty")
    else:
        lines = [_listed_line(svc.followups, item, group) for item in listed]
        text = t(lang, "followups-header", count=len(listed)) + "\n\n" + "\n".join(lines)
    settings = await svc.repo.followup_settings(group.partnership_id)
    text += "\n\n" + _settings_text(svc.followups, settings, group)
    await update.effective_message.reply_text(text, do_quote=True)


def _listed_line(followups: Followups, item: Listed, group: Group) -> str:
    t, lang = followups.catalogs.t, group.lang
    ui = followups.catalogs.ui_language(lang)
    nexts = join_list(
        [
            t(lang, "followups-next-item", city=member.city, time=local_time(at, member.tz, ui, True))
            for member, at in item.nexts
        ],
        ui,
    )
    return t(
        lang,
        "followups-line",
        id=item.followup.number,
        what=_what(followups, item.followup, lang),
        when=_when(followups, item.followup, group),
        next=nexts or "—",
        note=item.followup.note or "—",
    )


async def _settings(update: Update, context: ContextTypes.DEFAULT_TYPE, args: list[str]) -> None:
    svc = services(context)
    chat_id = update.effective_chat.id
    if args:
        if len(args) < 2:
            raise Refusal("usage-followup-settings")
        await svc.followups.change_setting(await actor(update, context), chat_id, args[0], " ".join(args[1:]))
    group, settings = await svc.followups.settings(chat_id)
    prefix = svc.catalogs.t(group.lang, "followup-settings-saved") + "\n" if args else ""
    await update.effective_message.reply_text(prefix + _settings_text(svc.followups, settings, group), do_quote=True)


def _settings_text(followups: Followups, settings: FollowupSettings, group: Group) -> str:
    t, lang = followups.catalogs.t, group.lang
    ui = followups.catalogs.ui_language(lang)
    off = t(lang, "setting-off")
    days = [int(d) for d in settings.work_days.split(",") if d]
    if settings.digest_day is None:
        digest = off
    else:
        digest = followups.describe_rule(Rule("week", 1, settings.digest_time, "", settings.digest_day), lang)
    return t(
        lang,
        "followup-settings",
        reminder=t(lang, "setting-hours", hours=settings.reminder_hours) if settings.reminder_hours else off,
        overdue=t(lang, "setting-on") if settings.overdue_notice else off,
        digest=digest,
        dormancy=t(lang, "setting-days", days=settings.dormancy_days) if settings.dormancy_days else off,
        hours=f"{clock_text(settings.hours_start, ui)}–{clock_text(settings.hours_end, ui)}",
        days=join_list([weekday_name(d, ui, "abbreviated") for d in days], ui) or off,
    )


@replies_refusals
@group_only
async def report(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    group, figures = await build_report(svc.repo, update.effective_chat.id, svc.followups.clock())
    text = report_text(svc.catalogs, figures, group)
    message = update.effective_message
    await message.reply_text(text, do_quote=True)
    # Drawing takes a few hundred milliseconds: off the event loop.
    chart = await asyncio.to_thread(report_chart, svc.catalogs, figures, group)
    await message.reply_photo(chart, caption=svc.catalogs.t(group.lang, "report-chart-caption", name=figures.name))
