"""The /followup commands: scheduling, cancelling and listing follow-ups, and the partnership's
nudge settings; what they print back is worded here too (`describe_rule`, `weekday_name`).

Only coordinators change anything. Nothing is stored unless the whole command is valid; the nudges
themselves are planned by `nudge_planner.py` and sent by `nudge_scheduler.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time

from babel import Locale

from bridgebot.domain import (
    Commitment,
    CommitmentStatus,
    Followup,
    FollowupSettings,
    FollowupStatus,
    FollowupTarget,
    Group,
    NudgeKind,
    Occurrence,
    PlannedNudge,
    User,
)
from bridgebot.i18n import Catalogs
from bridgebot.languages import EVERYONE, OFF_WORDS, ON_WORDS
from bridgebot.services.commitments import MAX_TEXT, Commitments, parse_number
from bridgebot.services.common import Actor, member_group
from bridgebot.services.nudge_planner import NudgePlanner, first_moment, working_hours
from bridgebot.services.refusal import Refusal
from bridgebot.services.schedule import Rule, parse_rule, split_when
from bridgebot.services.texts import clock_text
from bridgebot.store.repository import Repository
from bridgebot.translation.detect import detect_language

SETTING_KEYS = ("reminder", "overdue", "digest", "dormancy", "hours", "days")
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True, slots=True)
class Scheduled:
    """A new follow-up and each partner's first local moment for it."""

    followup: Followup
    firsts: list[tuple[Group, datetime, bool]]  # (group, first moment, inside its working hours)


@dataclass(frozen=True, slots=True)
class Listed:
    """An active follow-up and its next moment in each group that still has one."""

    followup: Followup
    nexts: list[tuple[Group, datetime]]


class Followups:
    def __init__(
        self,
        repo: Repository,
        commitments: Commitments,
        catalogs: Catalogs,
        planner: NudgePlanner,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.repo = repo
        self.commitments = commitments
        self.catalogs = catalogs
        self.planner = planner
        self.clock = clock or (lambda: datetime.now(UTC))

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
        firsts = [(member, *first_moment(when.moment, when.rule, member, now)) for member in members]
        commitment_id = commitment.id if commitment else None

        def planned(followup_id: int) -> list[PlannedNudge]:
            return [
                PlannedNudge(
                    NudgeKind.FOLLOWUP,
                    member.chat_id,
                    Occurrence.followup(followup_id, day),
                    moment,
                    followup_id,
                    commitment_id,
                )
                for member, day, moment in firsts
            ]

        followup = await self.repo.add_followup(
            partnership_id=group.partnership_id,
            target=kind,
            commitment_id=commitment_id,
            user=person if kind == FollowupTarget.USER else None,
            note=note,
            note_lang=note_lang,
            at=when.moment,
            rule=when.rule.to_json() if when.rule else None,
            chat_id=chat_id,
            created_by=actor.user_id,
            nudges=planned,
        )
        self.planner.wake()
        hours = working_hours(await self.repo.followup_settings(group.partnership_id))
        return Scheduled(followup, [(m, moment, hours.contains(moment, m.tz)) for m, _, moment in firsts])

    async def _target(self, group: Group, target: str, person: User | None) -> tuple[FollowupTarget, Commitment | None]:
        if target.lower() in EVERYONE:
            return FollowupTarget.ALL, None
        if person is not None:
            return FollowupTarget.USER, None
        if target.startswith("@"):
            raise Refusal("error-unknown-user", user=target)
        commitment = await self.repo.commitment(group.partnership_id, parse_number(target))
        if commitment is None:
            raise Refusal("error-commitment-unknown", id=target.lstrip("#"))
        if commitment.status == CommitmentStatus.DONE:
            raise Refusal("error-followup-commitment-done", id=commitment.number)
        return FollowupTarget.COMMITMENT, commitment

    async def cancel(self, actor: Actor, chat_id: int, number_text: str) -> Followup:
        group = await member_group(self.repo, chat_id)
        if not await self.commitments.is_coordinator(actor, group.partnership_id):
            raise Refusal("error-coordinator-only")
        cleaned = number_text.strip().lstrip("Ff#")
        if not cleaned.isdigit() or not 0 < int(cleaned) < 10**9:
            raise Refusal("error-followup-id", id=number_text)
        followup = await self.repo.followup(group.partnership_id, int(cleaned))
        if followup is None or followup.status != FollowupStatus.ACTIVE:
            raise Refusal("error-followup-unknown", id=cleaned)
        await self.repo.end_followup(followup.id, FollowupStatus.CANCELLED)
        return followup

    async def listing(self, chat_id: int) -> tuple[Group, list[Listed]]:
        """Active follow-ups with the next moment in every group, soonest first."""
        group = await member_group(self.repo, chat_id)
        members = {g.chat_id: g for g in await self.repo.partnership_groups(group.partnership_id)}
        nexts: dict[int, dict[int, datetime]] = {}
        for nudge in await self.repo.pending_nudges(group.partnership_id):
            if nudge.kind == NudgeKind.FOLLOWUP and nudge.chat_id in members:
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
            updated = apply_setting(current, key, value.strip(), group.lang, self.clock())
        except ValueError as error:
            raise Refusal("error-setting-value", setting=key, value=value) from error
        await self.repo.save_followup_settings(group.partnership_id, updated)
        await self.planner.plan(group.partnership_id)
        return updated

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


def weekday_name(number: int, ui: str, width: str = "wide") -> str:
    return Locale.parse(ui).days["format"][width][number]


def apply_setting(current: FollowupSettings, key: str, value: str, lang: str, now: datetime) -> FollowupSettings:
    """A changed copy of `current`; ValueError when `value` does not fit `key`. `now` is the bot's
    clock: "digest week 09:00" means this weekday."""
    lowered = value.lower()
    off, on = lowered in OFF_WORDS, lowered in ON_WORDS
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
        rule = parse_rule(value, lang, "UTC", now)
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
