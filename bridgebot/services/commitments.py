"""The partnership's commitment log: who promised what, by when, and every change to it.

Every lookup is scoped to the partnership of the group asking, so a guessed `#id` from another
partnership finds nothing. The commitment text is machine translated once per language and
stored; the bot's own words come from the catalogs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from bridgebot.domain import Commitment, CommitmentStatus, Group, User
from bridgebot.services.common import Actor, member_group, translate_once
from bridgebot.services.dates import extract_due, parse_due, shortest_promise
from bridgebot.services.refusal import Refusal
from bridgebot.store.repository import Repository
from bridgebot.translation.detect import detect_language
from bridgebot.translation.engine import Engine

MAX_TEXT = 500
ROLES = ("coordinator", "officer")
FILTERS = ("open", "all", "done", "overdue")


@dataclass(frozen=True, slots=True)
class Change:
    """What a command did, for the announcement in every partner group."""

    commitment: Commitment
    action: str  # created | done | blocked | reopened | due
    actor: str


def parse_number(text: str) -> int:
    cleaned = text.strip().lstrip("#")
    if not cleaned.isdigit() or not 0 < int(cleaned) < 10**9:
        raise Refusal("error-commitment-id", id=text)
    return int(cleaned)


class Commitments:
    def __init__(self, repo: Repository, engine: Engine, clock: Callable[[], datetime] | None = None) -> None:
        self.repo = repo
        self.engine = engine
        self.clock = clock or (lambda: datetime.now(UTC))
        # Told of every change once it is stored (the follow-ups plan and cancel their nudges).
        self.listeners: list[Callable[[Change], Awaitable[None]]] = []

    async def _changed(self, change: Change) -> Change:
        for listener in self.listeners:
            await listener(change)
        return change

    async def _member_group(self, chat_id: int) -> Group:
        return await member_group(self.repo, chat_id)

    async def is_coordinator(self, actor: Actor, partnership_id: int) -> bool:
        if actor.may_manage_group:
            return True
        return actor.user_id is not None and await self.repo.role(partnership_id, actor.user_id) == "coordinator"

    async def record(self, actor: Actor, chat_id: int, sender: User | None, owner: User | None, text: str) -> Change:
        """`/commit [@owner] <text> [by <date>]`; `text` already holds a replied-to message's text."""
        group = await self._member_group(chat_id)
        owner = owner or sender
        if owner is None:
            raise Refusal("error-commit-owner")
        assigns_someone_else = sender is None or owner.id != sender.id
        if assigns_someone_else and not await self.is_coordinator(actor, group.partnership_id):
            raise Refusal("error-coordinator-only")
        # The cheap check first: reading dates is the costly part, and an over-long text is refused anyway.
        if shortest_promise(text, group.lang) > MAX_TEXT:
            raise Refusal("error-commit-too-long", max=MAX_TEXT)
        promise, due = extract_due(text, group.lang, group.tz, self.clock())
        if not promise:
            raise Refusal("usage-commit")
        if len(promise) > MAX_TEXT:
            raise Refusal("error-commit-too-long", max=MAX_TEXT)
        members = await self.repo.partnership_groups(group.partnership_id)
        lang = detect_language(promise, sorted({m.lang for m in members}), group.lang)
        commitment = await self.repo.add_commitment(
            partnership_id=group.partnership_id,
            owner=owner,
            city=group.city,
            chat_id=chat_id,
            text=promise,
            lang=lang,
            due_at=due,
            actor_id=actor.user_id,
        )
        return await self._changed(Change(commitment, "created", sender.display_name if sender else group.city))

    async def _editable(self, actor: Actor, chat_id: int, number_text: str) -> Commitment:
        group = await self._member_group(chat_id)
        commitment = await self.repo.commitment(group.partnership_id, parse_number(number_text))
        if commitment is None:
            raise Refusal("error-commitment-unknown", id=number_text.lstrip("#"))
        is_owner = actor.user_id is not None and actor.user_id == commitment.owner_id
        if not is_owner and not await self.is_coordinator(actor, group.partnership_id):
            raise Refusal("error-commitment-not-yours")
        return commitment

    async def change(self, actor: Actor, actor_name: str, chat_id: int, action: str, args: list[str]) -> Change:
        """`/done <id>`, `/blocked <id> <reason>`, `/reopen <id>`, `/due <id> <date>`."""
        if not args:
            raise Refusal(f"usage-{action}")
        commitment = await self._editable(actor, chat_id, args[0])
        rest = " ".join(args[1:]).strip()
        now = self.clock()
        if action == "done":
            if commitment.status == CommitmentStatus.DONE:
                raise Refusal("error-commitment-already-done", id=commitment.number)
            updated = await self.repo.update_commitment(
                commitment, actor.user_id, "done", None, status=CommitmentStatus.DONE, done_at=now, blocked_reason=None
            )
        elif action == "blocked":
            if not rest:
                raise Refusal("usage-blocked")
            updated = await self.repo.update_commitment(
                commitment,
                actor.user_id,
                "blocked",
                rest,
                status=CommitmentStatus.BLOCKED,
                blocked_reason=rest[:MAX_TEXT],
            )
        elif action == "reopen":
            if commitment.status == CommitmentStatus.OPEN:
                raise Refusal("error-commitment-already-open", id=commitment.number)
            updated = await self.repo.update_commitment(
                commitment,
                actor.user_id,
                "reopened",
                None,
                status=CommitmentStatus.OPEN,
                done_at=None,
                blocked_reason=None,
            )
            action = "reopened"
        else:
            if not rest:
                raise Refusal("usage-due")
            group = await self._member_group(chat_id)
            due = parse_due(rest, group.lang, group.tz, now)
            updated = await self.repo.update_commitment(
                commitment, actor.user_id, "due", due.isoformat(timespec="seconds"), due_at=due
            )
        return await self._changed(Change(updated, action, actor_name))

    async def listing(self, chat_id: int, which: str, owner: User | None = None) -> list[Commitment]:
        group = await self._member_group(chat_id)
        now = self.clock()
        items = await self.repo.commitments(group.partnership_id)
        if owner is not None:
            return [c for c in items if c.owner_id == owner.id and c.status != CommitmentStatus.DONE]
        if which == "all":
            return items
        if which == "done":
            return [c for c in items if c.status == CommitmentStatus.DONE]
        if which == "overdue":
            return [c for c in items if c.overdue(now)]
        if which == "open":
            return [c for c in items if c.status != CommitmentStatus.DONE]
        raise Refusal("usage-commitments")

    async def text_in(self, commitment: Commitment, lang: str) -> str:
        """The commitment text in `lang`, translated at most once per language."""
        return await translate_once(
            self.engine,
            commitment.text,
            commitment.lang,
            lang,
            lambda: self.repo.commitment_text(commitment.id, lang),
            lambda text: self.repo.save_commitment_text(commitment.id, lang, text),
        )

    async def set_role(self, actor: Actor, chat_id: int, person: User | None, asked: str, role: str) -> str:
        group = await self._member_group(chat_id)
        if not actor.may_manage_group:
            raise Refusal("error-chat-admin-only")
        if role not in ROLES:
            raise Refusal("usage-role")
        if person is None:
            raise Refusal("error-unknown-user" if asked else "usage-role", user=asked)
        await self.repo.set_role(group.partnership_id, person.id, role)
        return role
