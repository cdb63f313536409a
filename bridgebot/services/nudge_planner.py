"""Planning nudges: which nudge is due when, in every group of a partnership.

The database is the source of truth. Every nudge is a row planned ahead, one per group and
`Occurrence`, so a restart rebuilds nothing but the wait for the next row (`nudge_scheduler.py`),
and planning again stores nothing twice.

Working hours hold back automatic nudges (reminders, overdue notices, digests, dormancy alerts); a time
a coordinator typed is honoured as typed, and the confirmation warns where it falls outside them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

from bridgebot.domain import (
    AUTOMATIC_NUDGES,
    Commitment,
    CommitmentStatus,
    FollowupSettings,
    FollowupStatus,
    Group,
    Nudge,
    NudgeKind,
    Occurrence,
    PlannedNudge,
)
from bridgebot.services.commitments import Change
from bridgebot.services.schedule import Rule, WorkingHours, occurrences
from bridgebot.store.repository import Repository

log = logging.getLogger(__name__)


def working_hours(settings: FollowupSettings) -> WorkingHours:
    return WorkingHours(
        time.fromisoformat(settings.hours_start),
        time.fromisoformat(settings.hours_end),
        frozenset(int(day) for day in settings.work_days.split(",") if day),
    )


def first_moment(moment: datetime | None, rule: Rule | None, group: Group, now: datetime) -> tuple[date, datetime]:
    """A new follow-up's first moment in `group`, and what its occurrence is named after: the
    moment itself for a one-off, the group's local day for a recurring one."""
    if rule is None:
        return moment, moment
    return occurrences(rule, group.tz, now)


class NudgePlanner:
    def __init__(self, repo: Repository, clock: Callable[[], datetime] | None = None) -> None:
        self.repo = repo
        self.clock = clock or (lambda: datetime.now(UTC))
        # Set whenever planned rows may have changed: the scheduler waits on it besides the clock.
        self.changed = asyncio.Event()

    def wake(self) -> None:
        """Tell the scheduler that rows were planned, so it looks again for the next one."""
        self.changed.set()

    async def commitment_changed(self, change: Change) -> None:
        """Subscribed to `Commitments` (in app.py): a changed commitment changes its nudges."""
        if change.commitment.status == CommitmentStatus.DONE:
            await self.repo.end_commitment_nudges(change.commitment.id)
        await self.plan_or_log(change.commitment.partnership_id)

    async def plan_all(self) -> None:
        """Plan every partnership; one that cannot be planned is logged and left out, and the
        others are planned all the same."""
        for partnership_id in await self.repo.active_partnerships():
            await self.plan_or_log(partnership_id)

    async def plan_or_log(self, partnership_id: int) -> None:
        """`plan`, where a failure must not spread: a row no version should have written stops the
        nudges of its own partnership, not a command already stored nor the other partnerships."""
        try:
            await self.plan(partnership_id)
        except Exception:
            log.exception("cannot plan the nudges of partnership %s; the others go on", partnership_id)

    async def plan(self, partnership_id: int) -> None:
        """Plan reminders, overdue notices, the next digest and the dormancy alert of a partnership.

        Rows already stored are kept (so a nudge missed while the bot was down still fires, late);
        a new row is only planned for a moment still ahead, except the dormancy alert, which is due
        whenever the silence has lasted long enough.
        """
        settings = await self.repo.followup_settings(partnership_id)
        groups = await self.repo.partnership_groups(partnership_id)
        partnership = await self.repo.partnership(partnership_id)
        if partnership is None:
            return
        hours = working_hours(settings)
        now = self.clock()
        wanted: list[PlannedNudge] = []
        for commitment in await self.repo.commitments(partnership_id):
            if commitment.status == CommitmentStatus.DONE or commitment.due_at is None:
                continue
            try:
                wanted += due_date_nudges(commitment, groups, settings, hours)
            except Exception:  # e.g. a due date in year 9999, stored before dates were bounded
                log.exception("commitment %s: no reminders for its due date %s", commitment.id, commitment.due_at)
        if settings.digest_day is not None:
            rule = Rule("week", 1, settings.digest_time, now.date().isoformat(), weekday=settings.digest_day)
            for group in groups:
                day, moment = occurrences(rule, group.tz, now)
                at = hours.next_allowed(moment, group.tz)
                wanted.append(PlannedNudge(NudgeKind.DIGEST, group.chat_id, Occurrence.digest(day), at))
        if settings.dormancy_days:
            last = await self.repo.last_activity(partnership_id) or partnership.created_at
            quiet_from = last + timedelta(days=settings.dormancy_days)
            for group in groups:
                at = hours.next_allowed(max(quiet_from, now), group.tz)
                wanted.append(PlannedNudge(NudgeKind.DORMANCY, group.chat_id, Occurrence.quiet(last), at))
        new = [n for n in wanted if n.due_at > now or n.kind == NudgeKind.DORMANCY]
        await self.repo.plan_nudges(partnership_id, wanted, new, AUTOMATIC_NUDGES)
        self.wake()

    async def following(self, nudge: Nudge, group: Group, now: datetime) -> list[PlannedNudge]:
        """The next occurrence of a recurring follow-up in this group (missed ones are not repeated)."""
        if nudge.kind != NudgeKind.FOLLOWUP:
            return []
        followup = await self.repo.followup_by_id(nudge.followup_id)
        if followup is None or followup.rule is None or followup.status != FollowupStatus.ACTIVE:
            return []
        day, moment = occurrences(Rule.from_json(followup.rule), group.tz, max(now, nudge.due_at))
        occurrence = Occurrence.followup(followup.id, day)
        return [PlannedNudge(NudgeKind.FOLLOWUP, group.chat_id, occurrence, moment, followup.id, nudge.commitment_id)]


def due_date_nudges(
    commitment: Commitment, groups: list[Group], settings: FollowupSettings, hours: WorkingHours
) -> list[PlannedNudge]:
    """The reminder before a commitment's due date and the overdue notice, in every group."""
    assert commitment.due_at is not None
    occurrence = Occurrence.due_date(commitment.id, commitment.due_at)
    wanted = []
    for group in groups:
        if settings.reminder_hours:
            remind = commitment.due_at - timedelta(hours=settings.reminder_hours)
            if remind > commitment.created_at:
                at = min(hours.next_allowed(remind, group.tz), commitment.due_at)
                wanted.append(PlannedNudge(NudgeKind.REMINDER, group.chat_id, occurrence, at, None, commitment.id))
        if settings.overdue_notice:
            at = hours.next_allowed(commitment.due_at, group.tz)
            wanted.append(PlannedNudge(NudgeKind.OVERDUE, group.chat_id, occurrence, at, None, commitment.id))
    return wanted
