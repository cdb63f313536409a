"""What a nudge says: its text in the group's language, with mentions as rich-text spans.

A nudge is composed when it fires, not when it is planned, so it tells the state of that moment;
None means there is nothing (left) to say, and the nudge is skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from bridgebot.domain import (
    Commitment,
    CommitmentStatus,
    Followup,
    FollowupStatus,
    FollowupTarget,
    Group,
    Nudge,
    NudgeKind,
    Occurrence,
    User,
)
from bridgebot.i18n import Catalogs
from bridgebot.richtext import RichText, Span, SpanKind
from bridgebot.services.commitments import Commitments
from bridgebot.services.common import translate_once
from bridgebot.services.texts import commitment_line, local_due, local_time
from bridgebot.store.repository import Repository

MAX_LISTED = 10
_OWNER = "\ue000"  # where a mention goes in a rendered line


class NudgeComposer:
    def __init__(
        self,
        repo: Repository,
        commitments: Commitments,
        catalogs: Catalogs,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.repo = repo
        self.commitments = commitments
        self.catalogs = catalogs
        self.clock = clock or (lambda: datetime.now(UTC))

    async def compose(self, nudge: Nudge, group: Group, now: datetime) -> list[RichText] | None:
        """The nudge in the group's language, or None when there is nothing (left) to say."""
        if nudge.kind == NudgeKind.FOLLOWUP:
            return await self._followup_nudge(nudge, group, now)
        if nudge.kind in (NudgeKind.REMINDER, NudgeKind.OVERDUE):
            commitment = await self.repo.commitment_by_id(nudge.commitment_id)
            if commitment is None or commitment.status == CommitmentStatus.DONE or commitment.due_at is None:
                return None
            if nudge.occurrence != Occurrence.due_date(commitment.id, commitment.due_at):
                return None  # the due date moved; the new one has its own nudges
            return [await self._commitment_part(f"nudge-{nudge.kind}", commitment, group)]
        if nudge.kind == NudgeKind.DIGEST:
            return await self._digest(group, now)
        return await self._dormancy(nudge, group)

    def late_note(self, nudge: Nudge, group: Group) -> RichText:
        """The line a nudge sent well after its moment ends with."""
        ui = self.catalogs.ui_language(group.lang)
        return RichText(self.catalogs.t(group.lang, "nudge-late", time=local_time(nudge.due_at, group.tz, ui)))

    async def _followup_nudge(self, nudge: Nudge, group: Group, now: datetime) -> list[RichText] | None:
        followup = await self.repo.followup_by_id(nudge.followup_id)
        if followup is None or followup.status != FollowupStatus.ACTIVE:
            return None
        parts: list[RichText]
        if followup.target == FollowupTarget.COMMITMENT:
            commitment = await self.repo.commitment_by_id(followup.commitment_id)
            if commitment is None or commitment.status == CommitmentStatus.DONE:
                return None
            parts = [await self._commitment_part("nudge-followup-commitment", commitment, group)]
        elif followup.target == FollowupTarget.USER:
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
            if c.status != CommitmentStatus.DONE and (owner_id is None or c.owner_id == owner_id)
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
        items = [c for c in await self.repo.commitments(group.partnership_id) if c.status != CommitmentStatus.DONE]
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
        if partnership is None or last is None or nudge.occurrence != Occurrence.quiet(last):
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
