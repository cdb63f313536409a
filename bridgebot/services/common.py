"""Helpers every service uses: who is asking, the asking group, and text translated once per language."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bridgebot.domain import Group
from bridgebot.services.refusal import Refusal
from bridgebot.store.repository import Repository
from bridgebot.translation.engine import Engine


@dataclass(frozen=True, slots=True)
class Actor:
    user_id: int | None
    is_bot_admin: bool
    is_chat_admin: bool

    @property
    def may_manage_group(self) -> bool:
        return self.is_bot_admin or self.is_chat_admin


async def member_group(repo: Repository, chat_id: int) -> Group:
    """The asking group, which must be set up and in a partnership."""
    group = await repo.group(chat_id)
    if group is None:
        raise Refusal("error-not-set-up")
    if group.partnership_id is None:
        raise Refusal("error-no-partnership")
    return group


async def translate_once(
    engine: Engine,
    text: str,
    source: str,
    lang: str,
    stored: Callable[[], Awaitable[str | None]],
    save: Callable[[str], Awaitable[None]],
) -> str:
    """`text` in `lang`, machine translated on first use and then read back from the store.

    Without a model for the pair the original comes back, and nothing is stored, so installing the
    model later still helps."""
    if lang == source or not text:
        return text
    known = await stored()
    if known is not None:
        return known
    translated = await engine.translate(text, [], source, lang)
    if translated.missing:
        return text
    await save(translated.text)
    return translated.text
