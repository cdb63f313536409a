"""Registering city groups and linking them into partnerships.

Permission facts (bot admin, chat admin) arrive as plain booleans in `Actor`: the handler asks
Telegram, the rules live here, so they can be tested without a bot.

Join codes are private: a code is handed to the person who asked for it through a `CodeSender`
(the channel adapter's private chat with them) *before* anything is stored, so when that person
cannot be reached the command fails as a whole and no code exists. A code belongs to the group it
was asked for in and dies when that group leaves.
"""

from __future__ import annotations

import hashlib
import secrets
import unicodedata
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bridgebot.domain import Group, Partnership, User
from bridgebot.languages import parse_language
from bridgebot.services.common import Actor, member_group
from bridgebot.services.refusal import Refusal
from bridgebot.store.repository import Repository

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are read aloud and retyped
CODE_LENGTH = 8
CODE_TTL = timedelta(days=7)
MAX_NAME = 64
DEFAULT_TZ = "UTC"
_INVISIBLE = {"Cf", "Cc", "Zl", "Zp"}  # zero-width, bidi controls, control chars

# Hands a fresh code (partnership name, code) to the asking person privately; raises `Refusal` when
# that person cannot be written to, which stops the command before anything is stored.
CodeSender = Callable[[str, str], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Member:
    group: Group
    focal: User | None


@dataclass(frozen=True, slots=True)
class PartnershipView:
    partnership: Partnership
    members: list[Member]


def clean_name(text: str) -> str:
    """Drop invisible characters (zero-width, bidi overrides) and squeeze spaces; refuse empty or long."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(c for c in text if unicodedata.category(c) not in _INVISIBLE)
    text = " ".join(text.split())
    if not any(c.isalpha() for c in text):
        raise Refusal("error-name-empty")
    if len(text) > MAX_NAME:
        raise Refusal("error-name-too-long", max=MAX_NAME)
    return text


def parse_timezone(text: str) -> str:
    candidate = text.strip()
    lookup = {name.casefold(): name for name in available_timezones()}
    name = lookup.get(candidate.casefold())
    if name is None:
        raise Refusal("error-bad-timezone", tz=candidate)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise Refusal("error-bad-timezone", tz=candidate) from None
    return name


def _looks_like_timezone(token: str) -> bool:
    return "/" in token or token.upper() in ("UTC", "GMT")


def hash_code(code: str) -> str:
    normalized = "".join(c for c in code.upper() if c.isalnum())
    return hashlib.sha256(normalized.encode()).hexdigest()


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


class Onboarding:
    def __init__(self, repo: Repository, clock: Callable[[], datetime] | None = None) -> None:
        self.repo = repo
        self.clock = clock or (lambda: datetime.now(UTC))

    async def _group(self, chat_id: int) -> Group:
        group = await self.repo.group(chat_id)
        if group is None:
            raise Refusal("error-not-set-up")
        return group

    async def _store_code(self, code: str, partnership_id: int, actor: Actor, chat_id: int | None) -> None:
        expires = self.clock() + CODE_TTL
        await self.repo.add_join_code(hash_code(code), partnership_id, actor.user_id, chat_id, expires)

    @staticmethod
    def _may_receive_code(actor: Actor) -> None:
        """A code goes to a person: an anonymous admin (posting as the group) has no private chat."""
        if actor.user_id is None:
            raise Refusal("error-code-anonymous")

    async def setup(self, actor: Actor, chat_id: int, title: str, args: list[str]) -> tuple[Group, bool]:
        """`/setup <city> <lang> [<tz>]`; the city may have spaces, so it is read from the right.

        Returns the group and whether the time zone was defaulted (the reply then suggests one).
        """
        if not actor.may_manage_group:
            raise Refusal("error-chat-admin-only")
        if len(args) < 2:
            raise Refusal("usage-setup")
        tz_given = len(args) >= 3 and _looks_like_timezone(args[-1])
        tz = parse_timezone(args[-1]) if tz_given else DEFAULT_TZ
        rest = args[:-1] if tz_given else args
        lang = parse_language(rest[-1])
        if lang is None:
            raise Refusal("error-bad-language", lang=rest[-1])
        if len(rest) < 2:
            raise Refusal("usage-setup")
        city = clean_name(" ".join(rest[:-1]))
        return await self.repo.save_group(chat_id, title, city, lang, tz), not tz_given

    async def new_partnership(
        self, actor: Actor, chat_id: int | None, args: list[str], send_code: CodeSender
    ) -> tuple[Partnership, str, bool]:
        """Create a partnership; a set-up group that is in none joins it at once.

        Returns the partnership, its first code (already handed over by `send_code`) and whether
        the asking group joined."""
        if not actor.is_bot_admin:
            raise Refusal("error-bot-admin-only")
        if not args:
            raise Refusal("usage-partnership-new")
        name = clean_name(" ".join(args))
        group = await self.repo.group(chat_id) if chat_id is not None else None
        if group is not None and group.partnership_id is not None:
            raise Refusal("error-already-in-partnership")
        self._may_receive_code(actor)
        code = new_code()
        await send_code(name, code)
        partnership = await self.repo.create_partnership(name, actor.user_id)
        if group is not None:
            await self.repo.set_group_partnership(group.chat_id, partnership.id)
        await self._store_code(code, partnership.id, actor, group.chat_id if group is not None else None)
        return partnership, code, group is not None

    async def invite(self, actor: Actor, chat_id: int, send_code: CodeSender) -> Partnership:
        """A fresh code for one more city, handed privately to the admin who asked."""
        group = await member_group(self.repo, chat_id)
        if not actor.may_manage_group:
            raise Refusal("error-chat-admin-only")
        self._may_receive_code(actor)
        partnership = await self.repo.partnership(group.partnership_id)
        assert partnership is not None
        code = new_code()
        await send_code(partnership.name, code)
        await self._store_code(code, partnership.id, actor, chat_id)
        return partnership

    async def join(self, actor: Actor, chat_id: int, args: list[str]) -> Partnership:
        if not actor.may_manage_group:
            raise Refusal("error-chat-admin-only")
        if len(args) != 1:
            raise Refusal("usage-partnership-join")
        group = await self._group(chat_id)
        if group.partnership_id is not None:
            raise Refusal("error-already-in-partnership")
        code_hash = hash_code(args[0])
        code = await self.repo.join_code(code_hash)
        now = self.clock()
        if code is None:
            raise Refusal("error-code-unknown")
        if code.used_at is not None:
            raise Refusal("error-code-used")
        if code.expires_at <= now:
            raise Refusal("error-code-expired")
        if not await self.repo.redeem_join_code(code_hash, chat_id, now):
            raise Refusal("error-code-used")
        partnership = await self.repo.partnership(code.partnership_id)
        assert partnership is not None
        return partnership

    async def view(self, chat_id: int) -> PartnershipView:
        group = await member_group(self.repo, chat_id)
        partnership = await self.repo.partnership(group.partnership_id)
        assert partnership is not None
        members = []
        for member in await self.repo.partnership_groups(partnership.id):
            focal = await self.repo.user(member.focal_user_id) if member.focal_user_id else None
            members.append(Member(member, focal))
        return PartnershipView(partnership, members)

    async def leave(self, actor: Actor, chat_id: int) -> Partnership:
        if not actor.may_manage_group:
            raise Refusal("error-chat-admin-only")
        group = await member_group(self.repo, chat_id)
        partnership = await self.repo.partnership(group.partnership_id)
        assert partnership is not None
        await self.repo.leave_partnership(chat_id)
        return partnership

    async def set_language(self, actor: Actor, chat_id: int, args: list[str]) -> str:
        if not actor.may_manage_group:
            raise Refusal("error-chat-admin-only")
        if len(args) != 1:
            raise Refusal("usage-lang")
        await self._group(chat_id)
        lang = parse_language(args[0])
        if lang is None:
            raise Refusal("error-bad-language", lang=args[0])
        await self.repo.set_group_lang(chat_id, lang)
        return lang

    async def set_focal(self, actor: Actor, chat_id: int, person: User | None, asked: str) -> User:
        """`person` is whom the handler resolved (a text mention, a reply, or a seen @username);
        they are recorded only once the command is accepted."""
        if not actor.may_manage_group:
            raise Refusal("error-chat-admin-only")
        await self._group(chat_id)
        if person is None:
            if not asked:
                raise Refusal("usage-focal")
            raise Refusal("error-unknown-user", user=asked)
        await self.repo.set_focal(chat_id, person)
        return person

    async def find_person(self, chat_id: int, username: str) -> User | None:
        """Whom `@username` names, as seen in this partnership's groups (or this group, before it
        joins one): a person seen only in another partnership is not found."""
        group = await self.repo.group(chat_id)
        chats = [chat_id]
        if group is not None and group.partnership_id is not None:
            chats = [member.chat_id for member in await self.repo.partnership_groups(group.partnership_id)]
        return await self.repo.user_by_username(username, chats)

    async def bot_removed(self, chat_id: int) -> Group | None:
        """The bot was kicked or left: the group stays registered but leaves its partnership, exactly
        as with `/partnership leave`. Added back, it is not in any partnership until an admin joins
        it again with a fresh code, so nothing of the old partnership reaches it or comes from it."""
        group = await self.repo.group(chat_id)
        if group is not None and group.partnership_id is not None:
            await self.repo.leave_partnership(chat_id)
        return group

    async def migrate(self, old_chat_id: int, new_chat_id: int) -> bool:
        return await self.repo.migrate_chat(old_chat_id, new_chat_id)
