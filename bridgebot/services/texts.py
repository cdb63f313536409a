"""Wording shared by replies, announcements and nudges: times in a group's zone, commitment lines."""

from __future__ import annotations

from datetime import datetime, time
from functools import cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_skeleton, format_time, get_datetime_format

from bridgebot.domain import Commitment, CommitmentStatus, Group
from bridgebot.i18n import Catalogs

if TYPE_CHECKING:
    from bridgebot.services.commitments import Change, Commitments
    from bridgebot.store.repository import Repository


def local_time(moment: datetime, tz: str, ui: str, weekday: bool = False) -> str:
    """24-hour times everywhere: partners read each other's messages across conventions."""
    local = moment.astimezone(ZoneInfo(tz))
    day = format_skeleton("yMMMEd" if weekday else "yMMMd", local, locale=ui)
    # CLDR's own glue, not a bare space: "6. Nov. 2026, 10:05" in German, "2026年11月6日 10:05" in Chinese.
    return get_datetime_format("medium", locale=ui).replace("{1}", day).replace("{0}", wall_clock(local, tz, ui))


def wall_clock(moment: datetime, tz: str, ui: str) -> str:
    """Just the hour and minute: what a partner's clock shows right now."""
    return format_skeleton("Hm", moment.astimezone(ZoneInfo(tz)), locale=ui)


def clock_text(at: str, ui: str) -> str:
    """A rule's "HH:MM" as the language writes a time ("09.00" in Indonesian), like every other time."""
    hour, minute = at.split(":")
    return format_time(time(int(hour), int(minute)), "HH:mm", locale=ui).replace(":", _time_separator(ui))


@cache
def _time_separator(ui: str) -> str:
    pattern = Locale.parse(ui).time_formats["short"].pattern
    return "." if "H.mm" in pattern or "HH.mm" in pattern else ":"


def join_list(items: list[str], ui: str) -> str:
    """Items side by side as the language separates them: "Mo., Di." but "月、火" and "周一、周二"."""
    middle = Locale.parse(ui).list_patterns["standard"]["middle"]
    return middle.replace("{0}", "").replace("{1}", "").join(items)


def local_due(catalogs: Catalogs, due: datetime | None, group: Group) -> str:
    ui = catalogs.ui_language(group.lang)
    if due is None:
        return catalogs.t(ui, "commitment-no-due")
    return local_time(due, group.tz, ui)


def commitment_line(catalogs: Catalogs, group: Group, commitment: Commitment, text: str, now: datetime) -> str:
    """One commitment as lists show it, in the group's language and time zone."""
    if commitment.status == CommitmentStatus.DONE:
        state = catalogs.t(group.lang, "commitment-state-done")
    elif commitment.status == CommitmentStatus.BLOCKED:
        state = catalogs.t(group.lang, "commitment-state-blocked", reason=commitment.blocked_reason or "")
    elif commitment.overdue(now):
        state = catalogs.t(group.lang, "commitment-state-overdue")
    else:
        state = ""
    return catalogs.t(
        group.lang,
        "commitment-line",
        id=commitment.number,
        owner=commitment.owner_name,
        city=commitment.city,
        due=local_due(catalogs, commitment.due_at, group),
        state=state,
        text=text,
    )


async def commitment_announcements(
    repo: Repository, catalogs: Catalogs, commitments: Commitments, change: Change
) -> dict[int, str]:
    """What every city of the partnership is told of a change, each in its language and local time."""
    commitment = change.commitment
    texts = {}
    for group in await repo.partnership_groups(commitment.partnership_id):
        texts[group.chat_id] = catalogs.t(
            group.lang,
            f"commitment-{change.action}",
            id=commitment.number,
            owner=commitment.owner_name,
            city=commitment.city,
            text=await commitments.text_in(commitment, group.lang),
            due=local_due(catalogs, commitment.due_at, group),
            reason=commitment.blocked_reason or "",
            actor=change.actor,
        )
    return texts
