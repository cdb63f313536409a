"""Follow-ups: nudges a coordinator schedules and the automatic ones, each group in its language and time.

The database is the source of truth. Every nudge is a row planned ahead, one per group and moment,
so a restart rebuilds nothing but the wait for the next row, and a row whose moment passed while the
bot was down is sent once at start, marked late. Firing a nudge composes its text and queues it for
delivery (`services/delivery.py`) in the same transaction that marks it sent and plans the next
occurrence of a recurring follow-up: a restart neither loses nor doubles it, and the delivery queue
gives it the same guarantees as every other message to that group, in order behind them.

Working hours hold back automatic nudges (reminders, overdue notices, digests, dormancy alerts); a time
a coordinator typed is honoured as typed, and the confirmation warns where it falls outside them.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time as monotonic
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta

from babel import Locale

from bridgebot import metrics
from bridgebot.domain import Commitment, Followup, FollowupSettings, Group, Nudge, PlannedNudge, User
from bridgebot.i18n import Catalogs
from bridgebot.richtext import RichText, Span, SpanKind
from bridgebot.services.commitments import MAX_TEXT, Change, Commitments, parse_number, translate_once
from bridgebot.services.delivery import BACKOFF, Outbox, RetryPolicy, rendered_to_json
from bridgebot.services.onboarding import Actor, member_group
from bridgebot.services.refusal import Refusal
from bridgebot.services.relay import Rendered
from bridgebot.services.schedule import Rule, WorkingHours, occurrences, parse_rule, split_when
from bridgebot.services.texts import clock_text, commitment_line, local_due, local_time
from bridgebot.store.repository import Repository
from bridgebot.translation.detect import detect_language

log = logging.getLogger(__name__)

# A nudge sent this long after its moment says that it is late.
LATE_AFTER = timedelta(minutes=5)
# How often (in real seconds) the automatic nudges are planned again without any event.
REPLAN_SECONDS = 600.0
MAX_LISTED = 10
AUTOMATIC = ("reminder", "overdue", "digest", "dormancy")
# "all" as coordinators write it.
EVERYONE = {
    "all",
    "everyone",
    "alle",
    "todos",
    "todas",
    "tous",
    "tout",
    "semua",
    "全部",
    "所有人",
    "大家",
    "全員",
    "みんな",
}
SETTING_KEYS = ("reminder", "overdue", "digest", "dormancy", "hours", "days")
_OWNER = "\ue000"  # where a mention goes in a rendered line


@dataclass(frozen=True, slots=True)
class Scheduled:
    """A new follow-up and each partner's first local moment for it."""

    followup: Followup
    firsts: list[tuple[Group, datetime, bool]]  # (group, first moment, inside its working hours)


@dataclass(frozen=True, slots=True)
class Listed:
    followup: Followup
    nexts: list[tuple[Group, datetime]]


def working_hours(settings: FollowupSettings) -> WorkingHours:
    return WorkingHours(
        time.fromisoformat(settings.hours_start),
        time.fromisoformat(settings.hours_end),
        frozenset(int(day) for day in settings.work_days.split(",") if day),
    )


class Followups:
    def __init__(
        self,
        repo: Repository,
        commitments: Commitments,
        catalogs: Catalogs,
        outbox: Outbox,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.repo = repo
        self.commitments = commitments
        self.catalogs = catalogs
        self.outbox = outbox
        self.clock = clock or (lambda: datetime.now(UTC))
        self._wake = asyncio.Event()
        self._firing = asyncio.Lock()

    def wake(self) -> None:
        self._wake.set()

    # --- commands ---------------------------------------------------------------------------------

    async def schedule(
        self, actor: Actor, chat_id: int, target: str, person: User | None, words: list[str]
    ) -> Scheduled:
        """`/followup <#id | @user | all> <when> [note]`; nothing is stored unless all of it is valid."""
        group = await member_group(self.repo, chat_id)
        if not await self.commitments.is_coordinator(actor, group.partnership_id):
            raise Refusal("error-coordinator-only")
        kind, commitment = await self._target(group, target, person)
        now = self.clock()
        when, note = split_when(words, group.lang, group.tz, now)
        if len(note) > MAX_TEXT:
            raise Refusal("error-commit-too-long", max=MAX_TEXT)
        members = await self.repo.partnership_groups(group.partnership_id)
        note_lang = detect_language(note, sorted({m.lang for m in members}), group.lang) if note else group.lang
        firsts = [(member, *self._first(when.moment, when.rule, member, now)) for member in members]

        def planned(followup_id: int) -> list[PlannedNudge]:
            return [
                PlannedNudge("followup", member.chat_id, f"F{followup_id}@{key}", moment, followup_id, commitment_id)
                for member, key, moment in firsts
            ]

        commitment_id = commitment.id if commitment else None
        followup = await self.repo.add_followup(
            partnership_id=group.partnership_id,
            target=kind,
            commitment_id=commitment_id,
            user=person if kind == "user" else None,
            note=note,
            note_lang=note_lang,
            at=when.moment,
            rule=when.rule.to_json() if when.rule else None,
            chat_id=chat_id,
            created_by=actor.user_id,
            nudges=planned,
        )
        self.wake()
        hours = working_hours(await self.repo.followup_settings(group.partnership_id))
        return Scheduled(followup, [(m, moment, hours.contains(moment, m.tz)) for m, _, moment in firsts])

    @staticmethod
    def _first(moment: datetime | None, rule: Rule | None, group: Group, now: datetime) -> tuple[str, datetime]:
        if rule is None:
            return moment.isoformat(), moment
        day, first = occurrences(rule, group.tz, now)
        return day.isoformat(), first

    async def _target(self, group: Group, target: str, person: User | None) -> tuple[str, Commitment | None]:
        if target.lower() in EVERYONE:
            return "all", None
        if person is not None:
            return "user", None
        if target.startswith("@"):
            raise Refusal("error-unknown-user", user=target)
        commitment = await self.repo.commitment(group.partnership_id, parse_number(target))
        if commitment is None:
            raise Refusal("error-commitment-unknown", id=target.lstrip("#"))
        if commitment.status == "done":
            raise Refusal("error-followup-commitment-done", id=commitment.number)
        return "commitment", commitment

    async def cancel(self, actor: Actor, chat_id: int, number_text: str) -> Followup:
        group = await member_group(self.repo, chat_id)
        if not await self.commitments.is_coordinator(actor, group.partnership_id):
            raise Refusal("error-coordinator-only")
        cleaned = number_text.strip().lstrip("Ff#")
        if not cleaned.isdigit() or not 0 < int(cleaned) < 10**9:
            raise Refusal("error-followup-id", id=number_text)
        followup = await self.repo.followup(group.partnership_id, int(cleaned))
        if followup is None or followup.status != "active":
            raise Refusal("error-followup-unknown", id=cleaned)
        await self.repo.end_followup(followup.id, "cancelled")
        return followup

    async def listing(self, chat_id: int) -> tuple[Group, list[Listed]]:
        """Active follow-ups with the next moment in every group, soonest first."""
        group = await member_group(self.repo, chat_id)
        members = {g.chat_id: g for g in await self.repo.partnership_groups(group.partnership_id)}
        nexts: dict[int, dict[int, datetime]] = {}
        for nudge in await self.repo.pending_nudges(group.partnership_id):
            if nudge.kind == "followup" and nudge.chat_id in members:
                nexts.setdefault(nudge.followup_id, {}).setdefault(nudge.chat_id, nudge.due_at)
        listed = [
            Listed(f, [(members[c], at) for c, at in nexts.get(f.id, {}).items()])
            for f in await self.repo.active_followups(group.partnership_id)
        ]
        listed.sort(key=lambda item: min((at for _, at in item.nexts), default=datetime.max.replace(tzinfo=UTC)))
        return group, listed

    async def settings(self, chat_id: int) -> tuple[Group, FollowupSettings]:
        group = await member_group(self.repo, chat_id)
        return group, await self.repo.followup_settings(group.partnership_id)

    async def change_setting(self, actor: Actor, chat_id: int, key: str, value: str) -> FollowupSettings:
        """`/followup settings <key> <value>`: reminder 2d|off, overdue on|off, digest monday 09:00|off,
        dormancy 21d|off, hours 08:00-20:00, days mon-fri."""
        group = await member_group(self.repo, chat_id)
        if not await self.commitments.is_coordinator(actor, group.partnership_id):
            raise Refusal("error-coordinator-only")
        key = key.lower()
        if key not in SETTING_KEYS:
            raise Refusal("error-setting-unknown", setting=key)
        current = await self.repo.followup_settings(group.partnership_id)
        try:
            updated = _apply_setting(current, key, value.strip(), group.lang)
        except ValueError as error:
            raise Refusal("error-setting-value", setting=key, value=value) from error
        await self.repo.save_followup_settings(group.partnership_id, updated)
        await self.plan(group.partnership_id)
        return updated

    # --- planning the automatic nudges -------------------------------------------------------------

    async def commitment_changed(self, change: Change) -> None:
        """Subscribed to `Commitments` (in app.py): a changed commitment changes its nudges."""
        if change.commitment.status == "done":
            await self.repo.end_commitment_nudges(change.commitment.id)
        await self._plan_or_log(change.commitment.partnership_id)

    async def plan_all(self) -> None:
        """Plan every partnership; one that cannot be planned is logged and left out, and the
        others are planned all the same."""
        for partnership_id in await self.repo.active_partnerships():
            await self._plan_or_log(partnership_id)

    async def _plan_or_log(self, partnership_id: int) -> None:
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
            if commitment.status == "done" or commitment.due_at is None:
                continue
            try:
                wanted += _due_date_nudges(commitment, groups, settings, hours)
            except Exception:  # e.g. a due date in year 9999, stored before dates were bounded
                log.exception("commitment %s: no reminders for its due date %s", commitment.id, commitment.due_at)
        if settings.digest_day is not None:
            rule = Rule("week", 1, settings.digest_time, now.date().isoformat(), weekday=settings.digest_day)
            for group in groups:
                day, moment = occurrences(rule, group.tz, now)
                wanted.append(
                    PlannedNudge("digest", group.chat_id, f"digest@{day}", hours.next_allowed(moment, group.tz))
                )
        if settings.dormancy_days:
            last = await self.repo.last_activity(partnership_id) or partnership.created_at
            quiet_from = last + timedelta(days=settings.dormancy_days)
            for group in groups:
                at = hours.next_allowed(max(quiet_from, now), group.tz)
                wanted.append(PlannedNudge("dormancy", group.chat_id, f"quiet@{last.isoformat()}", at))
        new = [n for n in wanted if n.due_at > now or n.kind == "dormancy"]
        await self.repo.plan_nudges(partnership_id, wanted, new, AUTOMATIC)
        self.wake()

    # --- firing -----------------------------------------------------------------------------------

    async def run(self, stop: asyncio.Event) -> None:
        """Fire due nudges until `stop`; sleeps until the next one, a wake-up, or a periodic re-plan.

        Nothing but `stop` ends this loop: the first planning is inside the `try` too, so a row that
        cannot be planned (or a database error) delays the nudges and is logged, instead of ending
        the scheduler for every partnership until the next restart."""
        planned_at: float | None = None
        failures = 0
        while not stop.is_set():
            self._wake.clear()
            try:
                if planned_at is None or monotonic.monotonic() - planned_at > REPLAN_SECONDS:
                    await self.plan_all()
                    planned_at = monotonic.monotonic()
                await self.run_due()
                wait = await self._seconds_to_next()
                failures = 0
            except Exception:
                wait = RetryPolicy().delay(failures)
                failures += 1
                log.exception("follow-up scheduler failed; retrying in %ss", wait)
            await _first_of(stop, self._wake, wait)

    async def _seconds_to_next(self) -> float:
        next_at = await self.repo.next_nudge_at()
        if next_at is None:
            return REPLAN_SECONDS
        return min(REPLAN_SECONDS, max(0.0, (next_at - self.clock()).total_seconds()))

    async def run_due(self) -> int:
        """Fire every nudge whose moment has come (queue it for delivery); returns how many fired."""
        sent = 0
        replan: set[int] = set()
        async with self._firing:
            now = self.clock()
            for nudge in await self.repo.due_nudges(now):
                try:
                    fired = await self._fire(nudge, now)
                except Exception as error:  # a row this version cannot render: the others still go out
                    log.exception("nudge %s (%s) to chat %s failed", nudge.id, nudge.kind, nudge.chat_id)
                    await self._set_aside(nudge, now, error)
                    continue
                if fired:
                    sent += 1
                    if nudge.kind in ("digest", "dormancy"):
                        replan.add(nudge.partnership_id)
        for partnership_id in replan:
            await self._plan_or_log(partnership_id)
        return sent

    async def _set_aside(self, nudge: Nudge, now: datetime, error: Exception) -> None:
        """Compose a nudge that raised again later, on the delivery queue's backoff; after the last
        step, give it up as failed, so it cannot hold back the nudges planned behind it."""
        if nudge.attempts + 1 >= len(BACKOFF):
            await self.repo.nudge_closed(nudge, "failed", repr(error))
        else:
            delay = RetryPolicy().delay(nudge.attempts)
            await self.repo.nudge_deferred(nudge, now + timedelta(seconds=delay), repr(error))

    async def _fire(self, nudge: Nudge, now: datetime) -> bool:
        group = await self.repo.group(nudge.chat_id)
        if group is None or group.partnership_id != nudge.partnership_id:
            await self.repo.nudge_closed(nudge, "cancelled", "the group left the partnership")
            return False
        parts = await self._compose(nudge, group, now)
        if parts is None:
            await self.repo.nudge_closed(nudge, "skipped")
            return False
        late = now - nudge.due_at > LATE_AFTER
        if late:
            ui = self.catalogs.ui_language(group.lang)
            parts.append(
                RichText(self.catalogs.t(group.lang, "nudge-late", time=local_time(nudge.due_at, group.tz, ui)))
            )
        payload = rendered_to_json(Rendered("text", RichText.joined(parts, "\n\n")))
        await self.repo.nudge_fired(nudge, payload, late, await self._following(nudge, group, now))
        self.outbox.wake(group.chat_id)
        metrics.nudges_sent.inc(kind=nudge.kind)
        if nudge.followup_id is not None:
            await self._finish_if_done(nudge.followup_id)
        return True

    async def _following(self, nudge: Nudge, group: Group, now: datetime) -> list[PlannedNudge]:
        """The next occurrence of a recurring follow-up in this group (missed ones are not repeated)."""
        if nudge.kind != "followup":
            return []
        followup = await self.repo.followup_by_id(nudge.followup_id)
        if followup is None or followup.rule is None or followup.status != "active":
            return []
        day, moment = occurrences(Rule.from_json(followup.rule), group.tz, max(now, nudge.due_at))
        return [
            PlannedNudge("followup", group.chat_id, f"F{followup.id}@{day}", moment, followup.id, nudge.commitment_id)
        ]

    async def _finish_if_done(self, followup_id: int) -> None:
        followup = await self.repo.followup_by_id(followup_id)
        if followup is None or followup.rule is not None or followup.status != "active":
            return
        pending = await self.repo.pending_nudges(followup.partnership_id)
        if not any(n.followup_id == followup_id for n in pending):
            await self.repo.end_followup(followup_id, "finished")

    # --- what a nudge says ------------------------------------------------------------------------

    async def _compose(self, nudge: Nudge, group: Group, now: datetime) -> list[RichText] | None:
        """The nudge in the group's language, or None when there is nothing (left) to say."""
        if nudge.kind == "followup":
            return await self._followup_nudge(nudge, group, now)
        if nudge.kind in ("reminder", "overdue"):
            commitment = await self.repo.commitment_by_id(nudge.commitment_id)
            if commitment is None or commitment.status == "done" or commitment.due_at is None:
                return None
            if not nudge.occurrence.endswith(commitment.due_at.isoformat()):
                return None  # the due date moved; the new one has its own nudges
            return [await self._commitment_part(f"nudge-{nudge.kind}", commitment, group)]
        if nudge.kind == "digest":
            return await self._digest(group, now)
        return await self._dormancy(nudge, group)

    async def _followup_nudge(self, nudge: Nudge, group: Group, now: datetime) -> list[RichText] | None:
        followup = await self.repo.followup_by_id(nudge.followup_id)
        if followup is None or followup.status != "active":
            return None
        parts: list[RichText]
        if followup.target == "commitment":
            commitment = await self.repo.commitment_by_id(followup.commitment_id)
            if commitment is None or commitment.status == "done":
                return None
            parts = [await self._commitment_part("nudge-followup-commitment", commitment, group)]
        elif followup.target == "user":
            person = await self.repo.user(followup.user_id) or User(followup.user_id, None, followup.user_name or "")
            head = self.catalogs.t(group.lang, "nudge-followup-person", person=_OWNER)
            parts = [await self._mention(head, person, person.handle, group.chat_id)]
            parts += await self._open_lines(group, now, owner_id=followup.user_id)
        else:
            partnership = await self.repo.partnership(followup.partnership_id)
            parts = [
                RichText(
                    self.catalogs.t(group.lang, "nudge-followup-all", name=partnership.name if partnership else "")
                )
            ]
            parts += await self._open_lines(group, now)
        if followup.note:
            note = await self._note_in(followup, group.lang)
            parts.append(RichText(self.catalogs.t(group.lang, "nudge-note", note=note)))
        return parts

    async def _commitment_part(self, key: str, commitment: Commitment, group: Group) -> RichText:
        text = self.catalogs.t(
            group.lang,
            key,
            id=commitment.number,
            owner=_OWNER,
            city=commitment.city,
            text=await self.commitments.text_in(commitment, group.lang),
            due=local_due(self.catalogs, commitment.due_at, group),
        )
        owner = await self.repo.user(commitment.owner_id) if commitment.owner_id else None
        return await self._mention(text, owner, commitment.owner_name, group.chat_id)

    async def _mention(self, text: str, person: User | None, name: str, chat_id: int) -> RichText:
        """Put `person` where `_OWNER` stands: their @username, a mention of them by name when they are
        in that group (the channel makes it reach them), else just their name."""
        if person is not None and person.username:
            shown, user_id = f"@{person.username}", None
        elif person is not None and await self.repo.is_member(chat_id, person.id):
            shown, user_id = person.display_name, person.id
        else:
            return RichText(text.replace(_OWNER, name))
        before, _, after = text.partition(_OWNER)
        mention = Span(SpanKind.MENTION, len(before), len(shown), user_id=user_id)
        return RichText(before + shown + after.replace(_OWNER, shown), (mention,))

    async def _open_lines(self, group: Group, now: datetime, owner_id: int | None = None) -> list[RichText]:
        items = [
            c
            for c in await self.repo.commitments(group.partnership_id)
            if c.status != "done" and (owner_id is None or c.owner_id == owner_id)
        ]
        if not items:
            return [RichText(self.catalogs.t(group.lang, "nudge-none-open"))]
        items.sort(key=lambda c: (c.due_at is None, c.due_at or now, c.number))
        lines = [
            commitment_line(self.catalogs, group, c, await self.commitments.text_in(c, group.lang), now)
            for c in items[:MAX_LISTED]
        ]
        if len(items) > MAX_LISTED:
            lines.append(self.catalogs.t(group.lang, "nudge-more", count=len(items) - MAX_LISTED))
        return [RichText("\n".join(lines))]

    async def _digest(self, group: Group, now: datetime) -> list[RichText] | None:
        items = [c for c in await self.repo.commitments(group.partnership_id) if c.status != "done"]
        if not items:
            return None
        partnership = await self.repo.partnership(group.partnership_id)
        head = self.catalogs.t(
            group.lang,
            "nudge-digest",
            name=partnership.name if partnership else "",
            open=len(items),
            overdue=sum(c.overdue(now) for c in items),
        )
        return [RichText(head), *await self._open_lines(group, now)]

    async def _dormancy(self, nudge: Nudge, group: Group) -> list[RichText] | None:
        partnership = await self.repo.partnership(nudge.partnership_id)
        settings = await self.repo.followup_settings(nudge.partnership_id)
        last = await self.repo.last_activity(nudge.partnership_id) or (partnership and partnership.created_at)
        if partnership is None or last is None or nudge.occurrence != f"quiet@{last.isoformat()}":
            return None  # someone spoke since: the silence this alert was for is over
        ui = self.catalogs.ui_language(group.lang)
        days = max(settings.dormancy_days, (self.clock() - last).days)
        text = self.catalogs.t(
            group.lang, "nudge-dormancy", name=partnership.name, days=days, since=local_time(last, group.tz, ui)
        )
        return [RichText(text)]

    async def _note_in(self, followup: Followup, lang: str) -> str:
        """The note in `lang`, machine translated at most once per language."""
        return await translate_once(
            self.commitments.engine,
            followup.note,
            followup.note_lang,
            lang,
            lambda: self.repo.followup_text(followup.id, lang),
            lambda text: self.repo.save_followup_text(followup.id, lang, text),
        )

    # --- wording for replies ----------------------------------------------------------------------

    def describe_rule(self, rule: Rule, lang: str) -> str:
        return describe_rule(self.catalogs, rule, lang)


def describe_rule(catalogs: Catalogs, rule: Rule, lang: str) -> str:
    """The rule in the group's words; what it prints can be typed back to /followup."""
    ui = catalogs.ui_language(lang)
    if rule.unit == "week":
        weekday = weekday_name(rule.weekday or 0, ui)
        return catalogs.t(lang, "rule-week", interval=rule.interval, weekday=weekday, time=clock_text(rule.at, ui))
    if rule.unit == "month":
        day = rule.monthday or 1
        return catalogs.t(lang, "rule-month", interval=rule.interval, day=day, time=clock_text(rule.at, ui))
    return catalogs.t(lang, "rule-day", interval=rule.interval, time=clock_text(rule.at, ui))


def _due_date_nudges(
    commitment: Commitment, groups: list[Group], settings: FollowupSettings, hours: WorkingHours
) -> list[PlannedNudge]:
    """The reminder before a commitment's due date and the overdue notice, in every group."""
    assert commitment.due_at is not None
    key = f"C{commitment.id}@{commitment.due_at.isoformat()}"
    wanted = []
    for group in groups:
        if settings.reminder_hours:
            remind = commitment.due_at - timedelta(hours=settings.reminder_hours)
            if remind > commitment.created_at:
                at = min(hours.next_allowed(remind, group.tz), commitment.due_at)
                wanted.append(PlannedNudge("reminder", group.chat_id, key, at, None, commitment.id))
        if settings.overdue_notice:
            at = hours.next_allowed(commitment.due_at, group.tz)
            wanted.append(PlannedNudge("overdue", group.chat_id, key, at, None, commitment.id))
    return wanted


def weekday_name(number: int, ui: str, width: str = "wide") -> str:
    return Locale.parse(ui).days["format"][width][number]


_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _apply_setting(current: FollowupSettings, key: str, value: str, lang: str) -> FollowupSettings:
    """A changed copy of `current`; ValueError when `value` does not fit `key`."""
    lowered = value.lower()
    off = lowered in ("off", "no", "0", "aus", "nein", "关", "关闭", "オフ", "non", "não", "tidak", "desactivado")
    on = lowered in ("on", "yes", "an", "ein", "ja", "开", "开启", "オン", "oui", "sí", "si", "sim", "ya", "activado")
    if key == "overdue":
        if not (on or off):
            raise ValueError(value)
        return replace(current, overdue_notice=on)
    if key in ("reminder", "dormancy"):
        amount = 0 if off else _duration_hours(lowered)
        if key == "reminder":
            return replace(current, reminder_hours=amount)
        return replace(current, dormancy_days=amount // 24 if amount % 24 == 0 else amount // 24 + 1)
    if key == "digest":
        if off:
            return replace(current, digest_day=None)
        rule = parse_rule(value, lang, "UTC", datetime.now(UTC))
        if rule.unit != "week" or rule.interval != 1:
            raise ValueError(value)
        return replace(current, digest_day=rule.weekday, digest_time=rule.at)
    if key == "hours":
        start, _, end = value.replace("–", "-").partition("-")
        begin, finish = time.fromisoformat(start.strip().zfill(5)), time.fromisoformat(end.strip().zfill(5))
        if begin >= finish:
            raise ValueError(value)
        return replace(current, hours_start=begin.strftime("%H:%M"), hours_end=finish.strftime("%H:%M"))
    first, _, last = lowered.replace("–", "-").partition("-")
    if first[:3] not in _DAYS or (last and last[:3] not in _DAYS):
        raise ValueError(value)
    begin, finish = _DAYS.index(first[:3]), _DAYS.index((last or first)[:3])
    days = [d % 7 for d in range(begin, finish + (7 if finish < begin else 0) + 1)]
    return replace(current, work_days=",".join(str(d) for d in sorted(set(days))))


def _duration_hours(text: str) -> int:
    """ "2d", "48h", "3 days", "1w" as hours."""
    match = re.fullmatch(r"(\d{1,3})\s*(h|hours?|d|days?|w|weeks?)", text)
    if match is None:
        raise ValueError(text)
    number, unit = int(match.group(1)), match.group(2)[0]
    return number * {"h": 1, "d": 24, "w": 168}[unit]


async def _first_of(stop: asyncio.Event, wake: asyncio.Event, timeout: float) -> None:
    waiters = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(wake.wait())]
    try:
        await asyncio.wait(waiters, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiter in waiters:
            waiter.cancel()
