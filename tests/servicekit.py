"""Services built directly on a real SQLite file and the tiny models: no Telegram, no bot, no server.

The business rules live in the services; these fixtures let a test reach them in milliseconds.
A test module imports `repo_fixture` / `engine_fixture` and asks for `repo` / `engine`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bridgebot.domain import Group, Partnership, User
from bridgebot.services.onboarding import Actor
from bridgebot.services.refusal import Refusal
from bridgebot.store.db import open_db
from bridgebot.store.repository import Repository
from bridgebot.translation.engine import Engine

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)  # a Monday
ADMIN = Actor(user_id=1, is_bot_admin=False, is_chat_admin=True)
MEMBER = Actor(user_id=2, is_bot_admin=False, is_chat_admin=False)
BOT_ADMIN = Actor(user_id=3, is_bot_admin=True, is_chat_admin=False)


@pytest.fixture(name="repo")
async def repo_fixture(tmp_path: Path) -> AsyncIterator[Repository]:
    conn, _ = await open_db(tmp_path / "bridgebot.sqlite3")
    try:
        yield Repository(conn, clock=lambda: NOW)
    finally:
        await conn.close()


@pytest.fixture(name="engine")
def engine_fixture(models_dir: Path) -> Iterator[Engine]:
    built = Engine(models_dir)
    yield built
    built.close()


@dataclass
class Towns:
    """A partnership of set-up groups, by city name."""

    partnership: Partnership
    groups: dict[str, Group]

    def __getitem__(self, city: str) -> int:
        return self.groups[city].chat_id


async def partnership(repo: Repository, name: str, *cities: tuple[str, str], first_chat: int = -100) -> Towns:
    """Set up one group per (city, language) and link them all into a new partnership."""
    created = await repo.create_partnership(name, BOT_ADMIN.user_id)
    groups = {}
    for offset, (city, lang) in enumerate(cities):
        chat_id = first_chat - offset
        await repo.save_group(chat_id, f"{city} group", city, lang, "Europe/Berlin")
        await repo.set_group_partnership(chat_id, created.id)
        groups[city] = await repo.group(chat_id)
    return Towns(created, groups)


async def person(repo: Repository, user_id: int, name: str, chat_id: int) -> User:
    user = User(user_id, name.lower(), name)
    await repo.see_user(user, chat_id)
    return user


async def refused(awaitable) -> str:
    """The catalog key of the refusal the call ends in (fails the test if it does not refuse)."""
    with pytest.raises(Refusal) as caught:
        await awaitable
    return caught.value.key
