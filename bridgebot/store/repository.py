"""Every SQL statement of bridgebot lives here.

The bot shares one connection between coroutines, so writes go through `_tx()`, which serialises
them and commits or rolls back as a unit: a rejected command can never leave half a change behind.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from datetime import datetime

import aiosqlite

from bridgebot.domain import Group, JoinCode, Partnership, User
from bridgebot.store.db import now_iso

_GROUP_COLUMNS = "chat_id, title, city, lang, tz, focal_user_id, partnership_id"


def _group(row: aiosqlite.Row) -> Group:
    return Group(*row)


def _user(row: aiosqlite.Row) -> User:
    return User(row["id"], row["username"], row["first_name"], row["last_name"])


class Repository:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self.conn = conn
        self._write_lock = asyncio.Lock()

    @asynccontextmanager
    async def _tx(self) -> AsyncIterator[aiosqlite.Connection]:
        async with self._write_lock:
            try:
                yield self.conn
            except BaseException:
                await self.conn.rollback()
                raise
            await self.conn.commit()

    async def _one(self, sql: str, params: Iterable = ()) -> aiosqlite.Row | None:
        async with self.conn.execute(sql, tuple(params)) as cursor:
            return await cursor.fetchone()

    async def _all(self, sql: str, params: Iterable = ()) -> list[aiosqlite.Row]:
        async with self.conn.execute(sql, tuple(params)) as cursor:
            return list(await cursor.fetchall())

    # --- people -------------------------------------------------------------------------------

    async def see_user(self, user: User, chat_id: int | None, is_bot: bool = False) -> None:
        """Remember a person (and where they were seen) so @names can be resolved later."""
        now = now_iso()
        async with self._tx() as db:
            await db.execute(
                "INSERT INTO users (id, username, first_name, last_name, is_bot, last_seen_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET username = excluded.username,"
                " first_name = excluded.first_name, last_name = excluded.last_name,"
                " last_seen_at = excluded.last_seen_at",
                (user.id, user.username, user.first_name, user.last_name, int(is_bot), now),
            )
            if chat_id is not None:
                await db.execute(
                    "INSERT INTO group_members (chat_id, user_id, last_seen_at) VALUES (?, ?, ?)"
                    " ON CONFLICT (chat_id, user_id) DO UPDATE SET last_seen_at = excluded.last_seen_at",
                    (chat_id, user.id, now),
                )

    async def user(self, user_id: int) -> User | None:
        row = await self._one("SELECT * FROM users WHERE id = ?", (user_id,))
        return _user(row) if row else None

    async def user_by_username(self, username: str) -> User | None:
        row = await self._one(
            "SELECT * FROM users WHERE username = ? COLLATE NOCASE ORDER BY last_seen_at DESC LIMIT 1",
            (username.lstrip("@"),),
        )
        return _user(row) if row else None

    async def is_member(self, chat_id: int, user_id: int) -> bool:
        row = await self._one(
            "SELECT 1 FROM group_members WHERE chat_id = ? AND user_id = ?", (chat_id, user_id)
        )
        return row is not None

    # --- groups -------------------------------------------------------------------------------

    async def group(self, chat_id: int) -> Group | None:
        row = await self._one(f"SELECT {_GROUP_COLUMNS} FROM groups WHERE chat_id = ?", (chat_id,))
        return _group(row) if row else None

    async def save_group(self, chat_id: int, title: str, city: str, lang: str, tz: str) -> Group:
        now = now_iso()
        async with self._tx() as db:
            await db.execute(
                "INSERT INTO groups (chat_id, title, city, lang, tz, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET title = excluded.title,"
                " city = excluded.city, lang = excluded.lang, tz = excluded.tz,"
                " updated_at = excluded.updated_at",
                (chat_id, title, city, lang, tz, now, now),
            )
        group = await self.group(chat_id)
        assert group is not None
        return group

    async def set_group_lang(self, chat_id: int, lang: str) -> None:
        async with self._tx() as db:
            await db.execute(
                "UPDATE groups SET lang = ?, updated_at = ? WHERE chat_id = ?", (lang, now_iso(), chat_id)
            )

    async def set_focal(self, chat_id: int, user_id: int | None) -> None:
        async with self._tx() as db:
            await db.execute(
                "UPDATE groups SET focal_user_id = ?, updated_at = ? WHERE chat_id = ?",
                (user_id, now_iso(), chat_id),
            )

    async def set_group_partnership(self, chat_id: int, partnership_id: int | None) -> None:
        async with self._tx() as db:
            await db.execute(
                "UPDATE groups SET partnership_id = ?, joined_at = ?, updated_at = ? WHERE chat_id = ?",
                (partnership_id, now_iso() if partnership_id else None, now_iso(), chat_id),
            )

    async def migrate_chat(self, old_chat_id: int, new_chat_id: int) -> bool:
        """Follow Telegram's group -> supergroup upgrade; idempotent (both service messages call it)."""
        async with self._tx() as db:
            cursor = await db.execute(
                "UPDATE groups SET chat_id = ?, updated_at = ? WHERE chat_id = ?"
                " AND NOT EXISTS (SELECT 1 FROM groups WHERE chat_id = ?)",
                (new_chat_id, now_iso(), old_chat_id, new_chat_id),
            )
            await db.execute(
                "UPDATE OR IGNORE group_members SET chat_id = ? WHERE chat_id = ?", (new_chat_id, old_chat_id)
            )
            return cursor.rowcount > 0

    # --- partnerships -------------------------------------------------------------------------

    async def create_partnership(self, name: str, created_by: int | None) -> Partnership:
        async with self._tx() as db:
            cursor = await db.execute(
                "INSERT INTO partnerships (name, created_by, created_at) VALUES (?, ?, ?)",
                (name, created_by, now_iso()),
            )
            partnership_id = cursor.lastrowid
        partnership = await self.partnership(partnership_id)
        assert partnership is not None
        return partnership

    async def partnership(self, partnership_id: int) -> Partnership | None:
        row = await self._one(
            "SELECT id, name, original_mode, created_at FROM partnerships WHERE id = ?", (partnership_id,)
        )
        if row is None:
            return None
        return Partnership(row[0], row[1], row[2], datetime.fromisoformat(row[3]))

    async def partnership_groups(self, partnership_id: int) -> list[Group]:
        rows = await self._all(
            f"SELECT {_GROUP_COLUMNS} FROM groups WHERE partnership_id = ? ORDER BY joined_at, chat_id",
            (partnership_id,),
        )
        return [_group(row) for row in rows]

    async def add_join_code(
        self, code_hash: str, partnership_id: int, created_by: int | None, expires_at: datetime
    ) -> None:
        async with self._tx() as db:
            await db.execute(
                "INSERT INTO join_codes (code_hash, partnership_id, created_by, created_at, expires_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (code_hash, partnership_id, created_by, now_iso(), expires_at.isoformat(timespec="seconds")),
            )

    async def join_code(self, code_hash: str) -> JoinCode | None:
        row = await self._one(
            "SELECT partnership_id, expires_at, used_at FROM join_codes WHERE code_hash = ?", (code_hash,)
        )
        if row is None:
            return None
        used = datetime.fromisoformat(row[2]) if row[2] else None
        return JoinCode(row[0], datetime.fromisoformat(row[1]), used)

    async def redeem_join_code(self, code_hash: str, chat_id: int, now: datetime) -> bool:
        """Mark the code used and link the group in one transaction; False if someone was faster."""
        stamp = now.isoformat(timespec="seconds")
        async with self._tx() as db:
            cursor = await db.execute(
                "UPDATE join_codes SET used_at = ?, used_by_chat = ? WHERE code_hash = ? AND used_at IS NULL"
                " AND expires_at > ? RETURNING partnership_id",
                (stamp, chat_id, code_hash, stamp),
            )
            row = await cursor.fetchone()
            await cursor.close()
            if row is None:
                return False
            await db.execute(
                "UPDATE groups SET partnership_id = ?, joined_at = ?, updated_at = ? WHERE chat_id = ?",
                (row[0], stamp, stamp, chat_id),
            )
        return True
