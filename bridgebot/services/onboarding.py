"""Registering city groups and linking them into partnerships.

Permission facts (bot admin, chat admin) arrive as plain booleans in `Actor`: the handler asks
Telegram, the rules live here, so they can be tested without a bot.
"""

from __future__ import annotations

import hashlib
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bridgebot.domain import Group, Partnership, User
from bridgebot.languages import parse_language
from bridgebot.services.refusal import Refusal
from bridgebot.store.repository import Repository

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are read aloud and retyped
CODE_LENGTH = 8
CODE_TTL = timedelta(days=7)
MAX_NAME = 64
DEFAULT_TZ = "UTC"
_INVISIBLE = {"Cf", "Cc", "Zl", "Zp"}  # zero-width, bidi controls, control chars


@dataclass(frozen=True, slots=True)
class Actor:
    user_id: int | None
    is_bot_admin: bool
    is_chat_admin: bool

    @property
    def may_manage_group(self) -> bool:
        return self.is_bot_admin or self.is_chat_admin


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


async def member_group(repo: Repository, chat_id: int) -> Group:
    """The asking group, which must be set up and in a partnership."""
    group = await repo.group(chat_id)
    if group is None:
        raise Refusal("error-not-set-up")
    if group.partnership_id is None:
        raise Refusal("error-no-partnership")
    return group


class Onboarding:
    def __init__(self, repo: Repository, clock: Callable[[], datetime] | None = None) -> None:
        self.repo = repo
        self.clock = clock or (lambda: datetime.now(UTC))

    async def _group(self, chat_id: int) -> Group:
        group = await self.repo.group(chat_id)
        if group is None:
            raise Refusal("error-not-set-up")
        return group

    async def _issue_code(self, partnership_id: int, actor: Actor) -> str:
        code = new_code()
        await self.repo.add_join_code(hash_code(code), partnership_id, actor.user_id, self.clock() + CODE_TTL)
        return code

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
        self, actor: Actor, chat_id: int | None, args: list[str]
    ) -> tuple[Partnership, str, bool]:
        """Create a partnership; a set-up group that is in none joins it at once."""
        if not actor.is_bot_admin:
            raise Refusal("error-bot-admin-only")
        if not args:
            raise Refusal("usage-partnership-new")
        name = clean_name(" ".join(args))
        group = await self.repo.group(chat_id) if chat_id is not None else None
        if group is not None and group.partnership_id is not None:
            raise Refusal("error-already-in-partnership")
        partnership = await self.repo.create_partnership(name, actor.user_id)
        if group is not None:
            await self.repo.set_group_partnership(group.chat_id, partnership.id)
        code = await self._issue_code(partnership.id, actor)
        return partnership, code, group is not None

    async def invite(self, actor: Actor, chat_id: int) -> tuple[Partnership, str]:
        group = await member_group(self.repo, chat_id)
        if not actor.may_manage_group:
            raise Refusal("error-chat-admin-only")
        partnership = await self.repo.partnership(group.partnership_id)
        assert partnership is not None
        return partnership, await self._issue_code(partnership.id, actor)

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
        await self.repo.set_group_partnership(chat_id, None)
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
        """`person` is whom the handler resolved (a text mention, a reply, or a seen @username)."""
        if not actor.may_manage_group:
            raise Refusal("error-chat-admin-only")
        await self._group(chat_id)
        if person is None:
            if not asked:
                raise Refusal("usage-focal")
            raise Refusal("error-unknown-user", user=asked)
        await self.repo.set_focal(chat_id, person.id)
        return person

    async def bot_removed(self, chat_id: int) -> Group | None:
        """The bot was kicked or left: the group stays registered but leaves its partnership."""
        group = await self.repo.group(chat_id)
        if group is not None and group.partnership_id is not None:
            await self.repo.set_group_partnership(chat_id, None)
        return group

    async def migrate(self, old_chat_id: int, new_chat_id: int) -> bool:
        return await self.repo.migrate_chat(old_chat_id, new_chat_id)
