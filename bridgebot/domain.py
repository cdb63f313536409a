"""Plain records shared by the store, the services and the handlers (no Telegram, no SQL)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class User:
    id: int
    username: str | None
    first_name: str
    last_name: str | None = None

    @property
    def display_name(self) -> str:
        name = " ".join(part for part in (self.first_name, self.last_name) if part)
        return name or (f"@{self.username}" if self.username else str(self.id))

    @property
    def handle(self) -> str:
        """How the bot names someone in a reply: the @username when there is one."""
        return f"{self.display_name} (@{self.username})" if self.username else self.display_name


@dataclass(frozen=True, slots=True)
class Group:
    chat_id: int
    title: str
    city: str
    lang: str
    tz: str
    focal_user_id: int | None
    partnership_id: int | None


@dataclass(frozen=True, slots=True)
class Partnership:
    id: int
    name: str
    original_mode: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class JoinCode:
    partnership_id: int
    expires_at: datetime
    used_at: datetime | None
