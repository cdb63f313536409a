"""Wording shared by replies, announcements and nudges: times in a group's zone, commitment lines."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_skeleton

from bridgebot.domain import Commitment, Group
from bridgebot.i18n import Catalogs


def local_time(moment: datetime, tz: str, ui: str, weekday: bool = False) -> str:
    """24-hour times everywhere: partners read each other's messages across conventions."""
    local = moment.astimezone(ZoneInfo(tz))
    day = format_skeleton("yMMMEd" if weekday else "yMMMd", local, locale=ui)
    return f"{day} {wall_clock(local, tz, ui)}"


def wall_clock(moment: datetime, tz: str, ui: str) -> str:
    """Just the hour and minute: what a partner's clock shows right now."""
    return format_skeleton("Hm", moment.astimezone(ZoneInfo(tz)), locale=ui)


def local_due(catalogs: Catalogs, due: datetime | None, group: Group) -> str:
    ui = catalogs.ui_language(group.lang)
    if due is None:
        return catalogs.t(ui, "commitment-no-due")
    return local_time(due, group.tz, ui)


def commitment_line(catalogs: Catalogs, group: Group, commitment: Commitment, text: str, now: datetime) -> str:
    """One commitment as lists show it, in the group's language and time zone."""
    if commitment.status == "done":
        state = catalogs.t(group.lang, "commitment-state-done")
    elif commitment.status == "blocked":
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
