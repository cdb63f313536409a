"""Every SQL statement of bridgebot lives here.

The bot shares one connection between coroutines, so writes go through `_tx()`, which serialises
them and commits or rolls back as a unit: a rejected command can never leave half a change behind.
The connection is in autocommit mode (see `db.open_db`): `_tx()` opens its transaction itself, and
a write of one statement (`_write()`) is atomic on its own, without BEGIN and COMMIT around it.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta

import aiosqlite

from bridgebot.adapters.telegram_entities import span_from_entity
from bridgebot.domain import (
    CityActivity,
    Commitment,
    CommitmentStatus,
    DeliveryKind,
    DeliveryRow,
    Followup,
    FollowupSettings,
    FollowupStatus,
    FollowupTarget,
    GlossaryEntry,
    Group,
    JoinCode,
    Nudge,
    NudgeKind,
    Occurrence,
    Partnership,
    PlannedNudge,
    SourceMessage,
    User,
)
from bridgebot.richtext import Span, is_stored_span, span_from_dict, spans_to_json

SEEN_REFRESH = timedelta(minutes=1)
SEEN_CACHE_SIZE = 10_000
DIRECTORY_CACHE_SIZE = 10_000
# Writes that change what the directory cache holds; matching a bit too much only costs a reload.
_DIRECTORY_WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b.*?\b(groups|partnerships|glossary)\b", re.I | re.S)
_GROUP_COLUMNS = "chat_id, title, city, lang, tz, focal_user_id, partnership_id, relay_broken, channel"


# Every column that holds a chat id, so a group -> supergroup upgrade moves all of its history. Message
# ids are not among them: a supergroup numbers its messages afresh (see `migrate_chat`).
_CHAT_COLUMNS = (
    ("group_members", "chat_id"),
    ("deliveries", "target_chat_id"),
    ("topics", "chat_id"),
    ("commitments", "chat_id"),
    ("followups", "chat_id"),
    ("nudges", "chat_id"),
    ("join_codes", "issued_by_chat"),
)


# Telegram drops an update 24 hours after its message; a command mark is kept a day longer.
COMMAND_MARKS_KEPT = timedelta(hours=48)


class CommandAlreadyHandled(Exception):
    """The command in this message was handled before: Telegram delivered its update again."""


@dataclass
class _CommandMark:
    chat_id: int
    message_id: int
    recorded: bool = False


# The command being handled in this task (see `Repository.command`); every write transaction
# looks at it, so the first one a command makes also records the command.
_COMMAND: ContextVar[_CommandMark | None] = ContextVar("bridgebot_command", default=None)


def _group(row: aiosqlite.Row) -> Group:
    return Group(*row)


def _spans(stored: str, text: str) -> tuple[Span, ...]:
    """The spans of `text` as stored. Rows written before 2026-12-06 hold the Telegram adapter's own
    entities, which only that adapter's converter can read (it imports no Telegram library)."""
    return tuple(
        span_from_dict(item) if is_stored_span(item) else span_from_entity(text, item) for item in json.loads(stored)
    )


def _source(row: aiosqlite.Row) -> SourceMessage:
    return SourceMessage(
        id=row["id"],
        partnership_id=row["partnership_id"],
        chat_id=row["chat_id"],
        message_id=row["message_id"],
        sender_id=row["sender_id"],
        sender_name=row["sender_name"],
        city=row["city"],
        topic=row["topic"],
        kind=row["kind"],
        lang=row["lang"],
        text=row["text"],
        spans=_spans(row["entities"], row["text"]),
        reply_to_message_id=row["reply_to_message_id"],
        revision=row["revision"],
        deleted=bool(row["deleted"]),
    )


def _stamp(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _commitment(row: aiosqlite.Row) -> Commitment:
    return Commitment(
        id=row["id"],
        partnership_id=row["partnership_id"],
        number=row["number"],
        owner_id=row["owner_id"],
        owner_name=row["owner_name"],
        city=row["city"],
        chat_id=row["chat_id"],
        text=row["text"],
        lang=row["lang"],
        due_at=_when(row["due_at"]),
        status=CommitmentStatus(row["status"]),
        blocked_reason=row["blocked_reason"],
        created_at=datetime.fromisoformat(row["created_at"]),
        done_at=_when(row["done_at"]),
    )


def _followup(row: aiosqlite.Row) -> Followup:
    return Followup(
        id=row["id"],
        partnership_id=row["partnership_id"],
        number=row["number"],
        target=FollowupTarget(row["target"]),
        commitment_id=row["commitment_id"],
        user_id=row["user_id"],
        user_name=row["user_name"],
        note=row["note"],
        note_lang=row["note_lang"],
        at=_when(row["at"]),
        rule=row["rule"],
        status=FollowupStatus(row["status"]),
        chat_id=row["chat_id"],
        created_at=datetime.fromisoformat(row["created_at"]),
        commitment_number=row["commitment_number"],
    )


_FOLLOWUPS = (
    "SELECT f.*, c.number AS commitment_number FROM followups f LEFT JOIN commitments c ON c.id = f.commitment_id"
)
_NUDGE_COLUMNS = "id, partnership_id, kind, followup_id, commitment_id, chat_id, occurrence, due_at, attempts"


def _nudge(row: aiosqlite.Row) -> Nudge:
    return Nudge(
        row[0],
        row[1],
        NudgeKind(row[2]),
        *row[3:6],
        Occurrence.from_key(row[6]),
        datetime.fromisoformat(row[7]),
        row[8],
    )


def _user(row: aiosqlite.Row) -> User:
    return User(row["id"], row["username"], row["first_name"], row["last_name"])


class _Tracked:
    """The connection as a write transaction sees it, noting writes to the directory tables."""

    def __init__(self, conn: aiosqlite.Connection, forget: Callable[[], None]) -> None:
        self._conn = conn
        self._forget = forget
        self.touched_directory = False

    async def execute(self, sql: str, params: Iterable = ()) -> aiosqlite.Cursor:
        try:
            return await self._conn.execute(sql, params)
        finally:
            self._note(sql)

    async def executemany(self, sql: str, params: Iterable[Iterable]) -> aiosqlite.Cursor:
        try:
            return await self._conn.executemany(sql, params)
        finally:
            self._note(sql)

    def _note(self, sql: str) -> None:
        if _DIRECTORY_WRITE.match(sql):
            self.touched_directory = True
            self._forget()


class Repository:
    def __init__(self, conn: aiosqlite.Connection, clock: Callable[[], datetime] | None = None) -> None:
        self.conn = conn
        # Every stored timestamp comes from one clock, so tests and the demo can move time for the whole bot.
        self.clock = clock or (lambda: datetime.now(UTC))
        self._write_lock = asyncio.Lock()
        # (user, chat) -> (what we stored, when): who posts again soon needs no new write.
        self._seen: dict[tuple[int, int | None], tuple[tuple, datetime]] = {}
        # Groups, partnerships and glossaries: read several times for every relayed copy, changed
        # by a command now and then. Any write to their tables empties the cache (see _Tracked).
        self._directory: dict[tuple, object] = {}
        self._generation = 0

    def now_iso(self) -> str:
        return self.clock().astimezone(UTC).isoformat(timespec="seconds")

    @asynccontextmanager
    async def _tx(self) -> AsyncIterator[_Tracked]:
        async with self._write_lock:
            tracked = _Tracked(self.conn, self._forget_directory)
            mark = _COMMAND.get()
            await self.conn.execute("BEGIN")
            try:
                if mark is not None and not mark.recorded:
                    await self._record_command(tracked, mark)
                yield tracked
            except BaseException:
                await self.conn.rollback()
                raise
            else:
                await self.conn.commit()
                if mark is not None:
                    mark.recorded = True
            finally:
                if tracked.touched_directory:  # again: a read during the transaction saw uncommitted rows
                    self._forget_directory()

    async def _write(self, sql: str, params: Iterable = ()) -> None:
        """One statement that writes: atomic by itself, so it needs no BEGIN and COMMIT (two
        statements saved on the hot path of every copy). It still waits for the write lock, or it
        would join another coroutine's open transaction; and the first write of a command goes
        through `_tx()`, where the command's mark is committed with it."""
        mark = _COMMAND.get()
        if mark is not None and not mark.recorded:
            async with self._tx() as db:
                await db.execute(sql, params)
            return
        async with self._write_lock:
            await _Tracked(self.conn, self._forget_directory).execute(sql, params)

    # --- commands handled once ---------------------------------------------------------------

    @asynccontextmanager
    async def command(self, chat_id: int, message_id: int) -> AsyncIterator[None]:
        """Handle the command of one message at most once, across crashes and redeliveries.

        Raises `CommandAlreadyHandled` when it was handled before. Inside, the first write
        transaction also records the command, so what the command applies and the record of it
        are committed together (as `accept_message` does for relayed messages); a command that
        wrote nothing (a listing, a refusal) is recorded when it has been answered.
        """
        if await self._one(
            "SELECT 1 FROM handled_commands WHERE chat_id = ? AND message_id = ?", (chat_id, message_id)
        ):
            raise CommandAlreadyHandled
        mark = _CommandMark(chat_id, message_id)
        token = _COMMAND.set(mark)
        try:
            yield
        except BaseException:
            mark.recorded = True  # inert for tasks the command started (an outbox worker): nothing to record
            raise
        finally:
            _COMMAND.reset(token)
        if not mark.recorded:
            async with self._tx() as db:
                await self._record_command(db, mark)
            mark.recorded = True  # a task the command started shares the mark: it must not record it again

    async def _record_command(self, db: _Tracked, mark: _CommandMark) -> None:
        now = self.clock().astimezone(UTC)
        cursor = await db.execute(
            "INSERT INTO handled_commands VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING 1",
            (mark.chat_id, mark.message_id, _stamp(now)),
        )
        inserted = await cursor.fetchone()
        await cursor.close()
        if inserted is None:  # handled meanwhile by another process sharing the database
            raise CommandAlreadyHandled
        await db.execute("DELETE FROM handled_commands WHERE handled_at < ?", (_stamp(now - COMMAND_MARKS_KEPT),))

    def _forget_directory(self) -> None:
        self._directory.clear()
        self._generation += 1

    async def _directory_read(self, key: tuple, load: Callable[[], Awaitable[object]]) -> object:
        """`load()` once until the next write to the directory tables.

        A read that overlaps such a write is returned but not kept (the generation moved on)."""
        if key in self._directory:
            return self._directory[key]
        generation = self._generation
        value = await load()
        if generation == self._generation:
            if len(self._directory) >= DIRECTORY_CACHE_SIZE:
                self._directory.clear()
            self._directory[key] = value
        return value

    async def _one(self, sql: str, params: Iterable = ()) -> aiosqlite.Row | None:
        """For queries of at most one row (a key, or LIMIT 1)."""
        rows = await self._all(sql, params)
        return rows[0] if rows else None

    async def _all(self, sql: str, params: Iterable = ()) -> list[aiosqlite.Row]:
        # One trip to aiosqlite's thread instead of three (execute, fetch, close): under a burst
        # each trip is a thread handoff the event loop pays for.
        return list(await self.conn.execute_fetchall(sql, tuple(params)))

    # --- bot state ---------------------------------------------------------------------------

    async def state(self, key: str) -> str | None:
        row = await self._one("SELECT value FROM bot_state WHERE key = ?", (key,))
        return row[0] if row else None

    async def set_state(self, key: str, value: str) -> None:
        await self._write("INSERT OR REPLACE INTO bot_state VALUES (?, ?)", (key, value))

    # --- people -------------------------------------------------------------------------------

    async def see_user(self, user: User, chat_id: int | None, is_bot: bool = False) -> None:
        """Remember a person (and where they were seen) so @names can be resolved later.

        Unchanged names are written at most once per SEEN_REFRESH per group: a busy chat would
        otherwise cost a transaction per message for a timestamp nobody reads to the second.
        """
        moment = self.clock()
        key, known = (user.id, chat_id), (user.username, user.first_name, user.last_name, is_bot)
        seen = self._seen.get(key)
        if seen is not None and seen[0] == known and timedelta(0) <= moment - seen[1] < SEEN_REFRESH:
            return
        now = self.now_iso()
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
        if len(self._seen) >= SEEN_CACHE_SIZE:
            self._seen.clear()
        self._seen[key] = (known, moment)

    async def user(self, user_id: int) -> User | None:
        row = await self._one("SELECT * FROM users WHERE id = ?", (user_id,))
        return _user(row) if row else None

    async def user_by_username(self, username: str, chat_ids: Sequence[int]) -> User | None:
        """The person with that @name seen in one of `chat_ids` (the asking partnership's groups):
        someone seen only in another partnership is not found."""
        marks = ", ".join("?" * len(chat_ids))
        row = await self._one(
            "SELECT u.* FROM users u JOIN group_members m ON m.user_id = u.id"
            f" WHERE u.username = ? COLLATE NOCASE AND m.chat_id IN ({marks})"
            " ORDER BY m.last_seen_at DESC LIMIT 1",
            (username.lstrip("@"), *chat_ids),
        )
        return _user(row) if row else None

    async def is_member(self, chat_id: int, user_id: int) -> bool:
        row = await self._one("SELECT 1 FROM group_members WHERE chat_id = ? AND user_id = ?", (chat_id, user_id))
        return row is not None

    # --- groups -------------------------------------------------------------------------------

    async def group(self, chat_id: int) -> Group | None:
        async def load() -> Group | None:
            row = await self._one(f"SELECT {_GROUP_COLUMNS} FROM groups WHERE chat_id = ?", (chat_id,))
            return _group(row) if row else None

        return await self._directory_read(("group", chat_id), load)

    async def save_group(self, chat_id: int, title: str, city: str, lang: str, tz: str) -> Group:
        now = self.now_iso()
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
                "UPDATE groups SET lang = ?, updated_at = ? WHERE chat_id = ?", (lang, self.now_iso(), chat_id)
            )

    async def set_focal(self, chat_id: int, person: User) -> None:
        """Record the person (a text mention may name someone never seen) and make them the
        group's focal person, as one change."""
        now = self.now_iso()
        async with self._tx() as db:
            await db.execute(
                "INSERT INTO users (id, username, first_name, last_name, last_seen_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET username = excluded.username, first_name = excluded.first_name,"
                " last_name = excluded.last_name",
                (person.id, person.username, person.first_name, person.last_name, now),
            )
            await db.execute(
                "UPDATE groups SET focal_user_id = ?, updated_at = ? WHERE chat_id = ?", (person.id, now, chat_id)
            )

    async def set_group_partnership(self, chat_id: int, partnership_id: int) -> None:
        async with self._tx() as db:
            await db.execute(
                "UPDATE groups SET partnership_id = ?, joined_at = ?, updated_at = ?, relay_broken = NULL"
                " WHERE chat_id = ?",
                (partnership_id, self.now_iso(), self.now_iso(), chat_id),
            )

    async def leave_partnership(self, chat_id: int) -> None:
        """Unlink a group, taking nothing with it and leaving nothing behind, in one transaction: its
        outstanding join codes die, nothing still queued reaches it, nothing it wrote is delivered
        or edited any more (its deletions still are), and its pending nudges are cancelled."""
        now, reason = self.now_iso(), "the group left the partnership"
        async with self._tx() as db:
            await db.execute(
                "UPDATE groups SET partnership_id = NULL, joined_at = NULL, updated_at = ?, relay_broken = NULL"
                " WHERE chat_id = ?",
                (now, chat_id),
            )
            await db.execute("DELETE FROM join_codes WHERE issued_by_chat = ? AND used_at IS NULL", (chat_id,))
            await db.execute(
                "UPDATE deliveries SET state = 'failed', last_error = ?, done_at = ? WHERE state = 'pending'"
                " AND (target_chat_id = ? OR kind IN ('copy', 'edit')"
                "      AND source_id IN (SELECT id FROM source_messages WHERE chat_id = ?))",
                (reason, now, chat_id, chat_id),
            )
            await db.execute(
                "UPDATE nudges SET state = 'cancelled', last_error = ? WHERE chat_id = ? AND state = 'pending'",
                (reason, chat_id),
            )

    async def migrate_chat(self, old_chat_id: int, new_chat_id: int) -> bool:
        """Follow Telegram's group -> supergroup upgrade; idempotent (both service messages call it)."""
        async with self._tx() as db:
            cursor = await db.execute(
                "UPDATE groups SET chat_id = ?, updated_at = ? WHERE chat_id = ?"
                " AND NOT EXISTS (SELECT 1 FROM groups WHERE chat_id = ?)",
                (new_chat_id, self.now_iso(), old_chat_id, new_chat_id),
            )
            moved = cursor.rowcount > 0
            # The basic group's message ids mean nothing in the supergroup, which numbers its messages
            # afresh: copies there are forgotten (a later edit or reply must not hit whatever message
            # has that id now), and originals keep their history under negated ids, which no new
            # message can have, and which still find each other as replies.
            await db.execute("DELETE FROM copies WHERE target_chat_id = ?", (old_chat_id,))
            await db.execute(
                "UPDATE source_messages SET chat_id = ?, message_id = -message_id,"
                " reply_to_message_id = -reply_to_message_id WHERE chat_id = ?",
                (new_chat_id, old_chat_id),
            )
            for table, column in _CHAT_COLUMNS:
                await db.execute(
                    f"UPDATE OR IGNORE {table} SET {column} = ? WHERE {column} = ?", (new_chat_id, old_chat_id)
                )
            return moved

    # --- partnerships -------------------------------------------------------------------------

    async def create_partnership(self, name: str, created_by: int | None) -> Partnership:
        async with self._tx() as db:
            cursor = await db.execute(
                "INSERT INTO partnerships (name, created_by, created_at) VALUES (?, ?, ?)",
                (name, created_by, self.now_iso()),
            )
            partnership_id = cursor.lastrowid
        partnership = await self.partnership(partnership_id)
        assert partnership is not None
        return partnership

    async def partnership(self, partnership_id: int) -> Partnership | None:
        async def load() -> Partnership | None:
            row = await self._one(
                "SELECT id, name, original_mode, created_at FROM partnerships WHERE id = ?", (partnership_id,)
            )
            return Partnership(row[0], row[1], row[2], datetime.fromisoformat(row[3])) if row else None

        return await self._directory_read(("partnership", partnership_id), load)

    async def partnership_languages(self) -> dict[str, set[str]]:
        """Partnership name -> the languages of its groups."""
        rows = await self._all(
            "SELECT p.name, g.lang FROM groups g JOIN partnerships p ON p.id = g.partnership_id ORDER BY p.id"
        )
        found: dict[str, set[str]] = {}
        for name, lang in rows:
            found.setdefault(name, set()).add(lang)
        return found

    async def active_partnerships(self) -> list[int]:
        """Ids of the partnerships that have at least one member group."""
        rows = await self._all("SELECT DISTINCT partnership_id FROM groups WHERE partnership_id IS NOT NULL")
        return sorted(row[0] for row in rows)

    async def languages_in_use(self) -> list[str]:
        rows = await self._all("SELECT DISTINCT lang FROM groups WHERE partnership_id IS NOT NULL")
        return sorted(row[0] for row in rows)

    async def partnership_groups(self, partnership_id: int) -> list[Group]:
        async def load() -> tuple[Group, ...]:
            rows = await self._all(
                f"SELECT {_GROUP_COLUMNS} FROM groups WHERE partnership_id = ? ORDER BY joined_at, chat_id",
                (partnership_id,),
            )
            return tuple(_group(row) for row in rows)

        return list(await self._directory_read(("partnership_groups", partnership_id), load))

    async def add_join_code(
        self,
        code_hash: str,
        partnership_id: int,
        created_by: int | None,
        issued_by_chat: int | None,
        expires_at: datetime,
    ) -> None:
        """`issued_by_chat`: the group the code was asked for in; the code dies when that group leaves."""
        async with self._tx() as db:
            await db.execute(
                "INSERT INTO join_codes (code_hash, partnership_id, created_by, issued_by_chat, created_at,"
                " expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                (code_hash, partnership_id, created_by, issued_by_chat, self.now_iso(), _stamp(expires_at)),
            )

    async def join_code(self, code_hash: str) -> JoinCode | None:
        row = await self._one(
            "SELECT partnership_id, expires_at, used_at FROM join_codes WHERE code_hash = ?", (code_hash,)
        )
        if row is None:
            return None
        used = _when(row[2])
        return JoinCode(row[0], datetime.fromisoformat(row[1]), used)

    async def redeem_join_code(self, code_hash: str, chat_id: int, now: datetime) -> bool:
        """Mark the code used and link the group in one transaction; False if someone was faster."""
        stamp = _stamp(now)
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
                "UPDATE groups SET partnership_id = ?, joined_at = ?, updated_at = ?, relay_broken = NULL"
                " WHERE chat_id = ?",
                (row[0], stamp, stamp, chat_id),
            )
        return True

    async def set_original_mode(self, partnership_id: int, mode: str) -> None:
        async with self._tx() as db:
            await db.execute("UPDATE partnerships SET original_mode = ? WHERE id = ?", (mode, partnership_id))

    async def set_relay_broken(self, chat_id: int, reason: str | None) -> None:
        async with self._tx() as db:
            await db.execute("UPDATE groups SET relay_broken = ? WHERE chat_id = ?", (reason, chat_id))
            if reason is not None:
                await db.execute(
                    "UPDATE deliveries SET state = 'failed', last_error = ?, done_at = ?"
                    " WHERE target_chat_id = ? AND state = 'pending'",
                    (reason, self.now_iso(), chat_id),
                )

    async def relay_broken(self, chat_id: int) -> str | None:
        row = await self._one("SELECT relay_broken FROM groups WHERE chat_id = ?", (chat_id,))
        return row[0] if row else None

    # --- relay ---------------------------------------------------------------------------------

    async def accept_message(
        self,
        *,
        partnership_id: int,
        chat_id: int,
        message_id: int,
        sender_id: int | None,
        sender_name: str,
        city: str,
        topic: str | None,
        kind: str,
        lang: str,
        text: str,
        entities: Sequence[Span],
        reply_to_message_id: int | None,
        targets: Sequence[int],
    ) -> int | None:
        """Record the message and one delivery row per target group atomically.

        Returns None when this message was accepted before (Telegram re-delivering an update).
        """
        now = self.now_iso()
        async with self._tx() as db:
            cursor = await db.execute(
                "INSERT INTO source_messages (partnership_id, chat_id, message_id, sender_id, sender_name,"
                " city, topic, kind, lang, text, entities, reply_to_message_id, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (chat_id, message_id) DO NOTHING RETURNING id",
                (
                    partnership_id,
                    chat_id,
                    message_id,
                    sender_id,
                    sender_name,
                    city,
                    topic,
                    kind,
                    lang,
                    text,
                    spans_to_json(entities),
                    reply_to_message_id,
                    now,
                ),
            )
            row = await cursor.fetchone()
            await cursor.close()
            if row is None:
                return None
            await self._enqueue(db, row[0], targets, DeliveryKind.COPY, now)
            return row[0]

    async def _enqueue(
        self, db: _Tracked, source_id: int, targets: Sequence[int], kind: DeliveryKind, now: str
    ) -> None:
        """One row per target, in one statement (ids ascend in the order of `targets`)."""
        if not targets:
            return
        await db.execute(
            "INSERT INTO deliveries (source_id, target_chat_id, kind, created_at) VALUES "
            + ", ".join("(?, ?, ?, ?)" for _ in targets),
            [value for target in targets for value in (source_id, target, kind, now)],
        )

    async def enqueue_composed(
        self, kind: DeliveryKind, partnership_id: int, payloads: dict[int, str], db: _Tracked | None = None
    ) -> None:
        """Queue composed text (an announcement or a nudge) per destination; inside `db`'s transaction
        when given (a nudge is queued in the one that marks it fired)."""
        rows = [(kind, chat_id, partnership_id, payload, self.now_iso()) for chat_id, payload in payloads.items()]
        sql = (
            "INSERT INTO deliveries (kind, target_chat_id, partnership_id, payload, created_at) VALUES (?, ?, ?, ?, ?)"
        )
        if db is not None:
            await db.executemany(sql, rows)
            return
        async with self._tx() as tx:
            await tx.executemany(sql, rows)

    async def apply_edit(
        self,
        chat_id: int,
        message_id: int,
        text: str,
        entities: Sequence[Span],
        edit_date: int,
        targets: Sequence[int],
    ) -> int | None:
        """A newer edit of a relayed message: bump its revision and queue an edit per target.

        `edit_date` has one-second resolution, so what counts is the content: an edit of the same
        second or later that changes text or entities (an identical one is Telegram delivering the
        update again, or a change the copies do not show); an older one never. The edit supersedes any
        edit of the same copy still pending (one pending edit row per copy: thirty quick edits cost
        a few edits, not thirty), and translations of the older revisions are dropped.
        """
        now = self.now_iso()
        content = spans_to_json(entities)
        async with self._tx() as db:
            cursor = await db.execute(
                "UPDATE source_messages SET text = ?, entities = ?, edit_date = ?, revision = revision + 1"
                " WHERE chat_id = ? AND message_id = ? AND deleted = 0"
                " AND edit_date <= ? AND (text != ? OR entities != ?) RETURNING id, revision",
                (text, content, edit_date, chat_id, message_id, edit_date, text, content),
            )
            row = await cursor.fetchone()
            await cursor.close()
            if row is None:
                return None
            source_id, revision = row
            await db.execute("DELETE FROM translations WHERE source_id = ? AND revision < ?", (source_id, revision))
            # Closed rather than deleted: a worker may hold one right now, and a deleted row's id
            # would be given to the new row, which that worker would then mark done.
            await db.execute(
                "UPDATE deliveries SET state = 'done', outcome = 'superseded', done_at = ?"
                " WHERE source_id = ? AND kind = 'edit' AND state = 'pending'",
                (now, source_id),
            )
            await self._enqueue(db, source_id, targets, DeliveryKind.EDIT, now)
            return source_id

    async def unsend(self, source_id: int, targets: Sequence[int]) -> None:
        async with self._tx() as db:
            await db.execute("UPDATE source_messages SET deleted = 1 WHERE id = ?", (source_id,))
            await self._enqueue(db, source_id, targets, DeliveryKind.DELETE, self.now_iso())

    async def source(self, source_id: int) -> SourceMessage | None:
        row = await self._one("SELECT * FROM source_messages WHERE id = ?", (source_id,))
        return _source(row) if row else None

    async def source_for(self, chat_id: int, message_id: int) -> SourceMessage | None:
        """The relayed message that `message_id` in `chat_id` is: the original or one of its copies."""
        row = await self._one(
            "SELECT * FROM source_messages WHERE chat_id = ? AND message_id = ?", (chat_id, message_id)
        )
        if row is None:
            row = await self._one(
                "SELECT s.* FROM copies c JOIN source_messages s ON s.id = c.source_id"
                " WHERE c.target_chat_id = ? AND c.message_id = ?",
                (chat_id, message_id),
            )
        return _source(row) if row else None

    async def delivery_view(
        self, source_id: int, target_chat_id: int
    ) -> tuple[SourceMessage | None, list[tuple[int, int]]]:
        """The source message and the parts of its copy in `target_chat_id`, (message id, source
        revision it shows) in order, in one read: what a worker needs for every relayed row."""
        row = await self._one(
            "SELECT s.*, (SELECT json_group_array(json_array(part, message_id, revision)) FROM copies"
            " WHERE source_id = s.id AND target_chat_id = ?) AS shown FROM source_messages s WHERE s.id = ?",
            (target_chat_id, source_id),
        )
        if row is None:
            return None, []
        return _source(row), [(message_id, revision) for _, message_id, revision in sorted(json.loads(row["shown"]))]

    async def copy_ids(self, source_id: int, target_chat_id: int) -> list[int]:
        rows = await self._all(
            "SELECT message_id FROM copies WHERE source_id = ? AND target_chat_id = ? ORDER BY part",
            (source_id, target_chat_id),
        )
        return [row[0] for row in rows]

    async def record_part(
        self, source_id: int, target_chat_id: int, revision: int, part: int, message_id: int | None
    ) -> None:
        """One part of a copy was sent or edited to show `revision` (None: it is gone), recorded at once
        so that a retry carries on from the first part not done instead of sending it all again."""
        if message_id is None:
            await self._write(
                "DELETE FROM copies WHERE source_id = ? AND target_chat_id = ? AND part = ?",
                (source_id, target_chat_id, part),
            )
        else:
            await self._write(
                "INSERT OR REPLACE INTO copies (source_id, target_chat_id, part, message_id, revision)"
                " VALUES (?, ?, ?, ?, ?)",
                (source_id, target_chat_id, part, message_id, revision),
            )

    async def copy_targets(self, source: SourceMessage) -> list[int]:
        """The groups that got (or are to get) a copy of `source` and are still in its partnership:
        an edit or a deletion never reaches a group that has left."""
        rows = await self._all(
            "SELECT t.chat_id FROM (SELECT target_chat_id AS chat_id FROM copies WHERE source_id = ?"
            " UNION SELECT target_chat_id FROM deliveries WHERE source_id = ? AND kind = 'copy') t"
            " JOIN groups g ON g.chat_id = t.chat_id WHERE g.partnership_id = ? ORDER BY t.chat_id",
            (source.id, source.id, source.partnership_id),
        )
        return [row[0] for row in rows]

    async def pending_chats(self) -> list[int]:
        rows = await self._all("SELECT DISTINCT target_chat_id FROM deliveries WHERE state = 'pending'")
        return [row[0] for row in rows]

    async def next_pending(self, chat_id: int) -> DeliveryRow | None:
        row = await self._one(
            "SELECT id, kind, source_id, target_chat_id, attempts, partnership_id, payload, sent FROM deliveries"
            " WHERE target_chat_id = ? AND state = 'pending' ORDER BY id LIMIT 1",
            (chat_id,),
        )
        if row is None:
            return None
        return DeliveryRow(
            id=row["id"],
            kind=DeliveryKind(row["kind"]),
            source_id=row["source_id"],
            target_chat_id=row["target_chat_id"],
            attempts=row["attempts"],
            partnership_id=row["partnership_id"],
            payload=row["payload"],
            sent=tuple(json.loads(row["sent"] or "[]")),
        )

    async def record_sent(self, row: DeliveryRow, message_ids: Sequence[int]) -> None:
        """The parts of a composed delivery sent so far, recorded as each is sent, so a retry goes on
        from the first part not sent."""
        await self._write("UPDATE deliveries SET sent = ? WHERE id = ?", (json.dumps(list(message_ids)), row.id))

    async def finish(self, row: DeliveryRow) -> None:
        """Mark a row done; the copies' ids were recorded part by part as they were sent."""
        await self._write(
            "UPDATE deliveries SET state = 'done', done_at = ?, attempts = attempts + 1 WHERE id = ?",
            (self.now_iso(), row.id),
        )

    async def finish_delete(self, row: DeliveryRow, kept: Sequence[int]) -> None:
        """A delete row done: the copies that are gone are forgotten, and the outcome says whether
        Telegram kept any of them (bots may delete only messages younger than 48 hours)."""
        async with self._tx() as db:
            await db.execute(
                f"DELETE FROM copies WHERE source_id = ? AND target_chat_id = ?"
                f" AND message_id NOT IN ({', '.join('?' * len(kept))})",
                (row.source_id, row.target_chat_id, *kept),
            )
            await db.execute(
                "UPDATE deliveries SET state = 'done', done_at = ?, attempts = attempts + 1, outcome = ? WHERE id = ?",
                (self.now_iso(), "kept" if kept else "deleted", row.id),
            )

    async def unsend_outcome(self, source_id: int) -> dict[int, bool] | None:
        """Target group -> whether its copies are gone, once every delete row of an /unsend is done or
        failed; None before that, and for every later call (the outcome is told once)."""
        async with self._tx() as db:
            cursor = await db.execute(
                "UPDATE source_messages SET unsend_reported = 1 WHERE id = ? AND deleted = 1 AND unsend_reported = 0"
                " AND NOT EXISTS (SELECT 1 FROM deliveries WHERE source_id = ? AND kind = 'delete'"
                " AND state = 'pending')",
                (source_id, source_id),
            )
            if cursor.rowcount == 0:
                return None
            cursor = await db.execute(
                "SELECT target_chat_id, MIN(state = 'done' AND outcome = 'deleted') FROM deliveries"
                " WHERE source_id = ? AND kind = 'delete' GROUP BY target_chat_id",
                (source_id,),
            )
            return {row[0]: bool(row[1]) for row in await cursor.fetchall()}

    async def prune(self, done_before: datetime, failed_before: datetime) -> tuple[int, int]:
        """Forget delivery rows finished before the cutoffs and translations nobody will read again
        (older revisions, messages unsent); returns how many of each went."""
        async with self._tx() as db:
            rows = await db.execute(
                "DELETE FROM deliveries WHERE state = 'done' AND done_at < ? OR state = 'failed' AND done_at < ?",
                (_stamp(done_before.astimezone(UTC)), _stamp(failed_before.astimezone(UTC))),
            )
            translations = await db.execute(
                "DELETE FROM translations WHERE source_id IN (SELECT id FROM source_messages WHERE deleted = 1)"
                " OR revision < (SELECT revision FROM source_messages s WHERE s.id = translations.source_id)"
            )
            return rows.rowcount, translations.rowcount

    async def fail(self, row: DeliveryRow, error: str) -> None:
        await self._write(
            "UPDATE deliveries SET state = 'failed', last_error = ?, done_at = ?, attempts = attempts + 1 WHERE id = ?",
            (error, self.now_iso(), row.id),
        )

    async def note_attempt(self, row: DeliveryRow, error: str) -> None:
        await self._write("UPDATE deliveries SET attempts = attempts + 1, last_error = ? WHERE id = ?", (error, row.id))

    async def outbox_depth(self) -> int:
        row = await self._one("SELECT COUNT(*) FROM deliveries WHERE state = 'pending'")
        return row[0]

    async def translation(self, source_id: int, revision: int, lang: str) -> tuple[str, tuple, bool] | None:
        row = await self._one(
            "SELECT text, entities, pivot FROM translations WHERE source_id = ? AND revision = ? AND lang = ?",
            (source_id, revision, lang),
        )
        return (row[0], _spans(row[1], row[0]), bool(row[2])) if row else None

    async def save_translation(
        self, source_id: int, revision: int, lang: str, text: str, entities: Sequence[Span], pivot: bool
    ) -> None:
        await self._write(
            "INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?, ?)",
            (source_id, revision, lang, text, spans_to_json(entities), int(pivot)),
        )

    # --- glossary and topics -------------------------------------------------------------------

    async def glossary(self, partnership_id: int) -> list[GlossaryEntry]:
        async def load() -> tuple[GlossaryEntry, ...]:
            rows = await self._all(
                "SELECT term, lang, translation FROM glossary WHERE partnership_id = ? ORDER BY term, lang",
                (partnership_id,),
            )
            return tuple(GlossaryEntry(*row) for row in rows)

        return list(await self._directory_read(("glossary", partnership_id), load))

    async def set_glossary_term(self, partnership_id: int, term: str, entries: Sequence[GlossaryEntry]) -> None:
        async with self._tx() as db:
            await db.execute("DELETE FROM glossary WHERE partnership_id = ? AND term = ?", (partnership_id, term))
            await db.executemany(
                "INSERT INTO glossary VALUES (?, ?, ?, ?)",
                [(partnership_id, e.term, e.lang, e.translation) for e in entries],
            )

    async def remove_glossary_term(self, partnership_id: int, term: str) -> bool:
        async with self._tx() as db:
            cursor = await db.execute(
                "DELETE FROM glossary WHERE partnership_id = ? AND term = ?", (partnership_id, term)
            )
            return cursor.rowcount > 0

    async def save_topic(self, chat_id: int, thread_id: int, name: str) -> None:
        async with self._tx() as db:
            await db.execute("INSERT OR REPLACE INTO topics VALUES (?, ?, ?)", (chat_id, thread_id, name))

    async def topic(self, chat_id: int, thread_id: int) -> str | None:
        row = await self._one("SELECT name FROM topics WHERE chat_id = ? AND thread_id = ?", (chat_id, thread_id))
        return row[0] if row else None

    # --- roles and commitments ------------------------------------------------------------------

    async def role(self, partnership_id: int, user_id: int) -> str | None:
        row = await self._one(
            "SELECT role FROM roles WHERE partnership_id = ? AND user_id = ?", (partnership_id, user_id)
        )
        return row[0] if row else None

    async def set_role(self, partnership_id: int, user_id: int, role: str) -> None:
        async with self._tx() as db:
            await db.execute("INSERT OR REPLACE INTO roles VALUES (?, ?, ?)", (partnership_id, user_id, role))

    async def add_commitment(
        self,
        *,
        partnership_id: int,
        owner: User,
        city: str,
        chat_id: int,
        text: str,
        lang: str,
        due_at: datetime | None,
        actor_id: int | None,
    ) -> Commitment:
        now = self.now_iso()
        async with self._tx() as db:
            cursor = await db.execute(
                "INSERT INTO commitments (partnership_id, number, owner_id, owner_name, city, chat_id, text, lang,"
                " due_at, created_by, created_at, updated_at) VALUES (?, (SELECT COALESCE(MAX(number), 0) + 1"
                " FROM commitments WHERE partnership_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (
                    partnership_id,
                    partnership_id,
                    owner.id,
                    owner.display_name,
                    city,
                    chat_id,
                    text,
                    lang,
                    _stamp(due_at),
                    actor_id,
                    now,
                    now,
                ),
            )
            commitment_id = (await cursor.fetchone())[0]
            await cursor.close()
            await self._event(db, commitment_id, actor_id, "created", _stamp(due_at))
        found = await self.commitment_by_id(commitment_id)
        assert found is not None
        return found

    async def _event(
        self, db: _Tracked, commitment_id: int, actor_id: int | None, action: str, detail: str | None
    ) -> None:
        await db.execute(
            "INSERT INTO commitment_events (commitment_id, at, actor_id, action, detail) VALUES (?, ?, ?, ?, ?)",
            (commitment_id, self.now_iso(), actor_id, action, detail),
        )

    async def commitment_by_id(self, commitment_id: int) -> Commitment | None:
        row = await self._one("SELECT * FROM commitments WHERE id = ?", (commitment_id,))
        return _commitment(row) if row else None

    async def commitment(self, partnership_id: int, number: int) -> Commitment | None:
        """Only ever looked up within one partnership: a guessed number cannot reach another's."""
        row = await self._one(
            "SELECT * FROM commitments WHERE partnership_id = ? AND number = ?", (partnership_id, number)
        )
        return _commitment(row) if row else None

    async def commitments(self, partnership_id: int) -> list[Commitment]:
        rows = await self._all(
            "SELECT * FROM commitments WHERE partnership_id = ? ORDER BY due_at IS NULL, due_at, number",
            (partnership_id,),
        )
        return [_commitment(row) for row in rows]

    async def update_commitment(
        self, commitment: Commitment, actor_id: int | None, action: str, detail: str | None, **changes: object
    ) -> Commitment:
        columns = ", ".join(f"{name} = ?" for name in changes)
        values = [_stamp(v) if isinstance(v, datetime) else v for v in changes.values()]
        async with self._tx() as db:
            await db.execute(
                f"UPDATE commitments SET {columns}, updated_at = ? WHERE id = ?",
                (*values, self.now_iso(), commitment.id),
            )
            await self._event(db, commitment.id, actor_id, action, detail)
        found = await self.commitment_by_id(commitment.id)
        assert found is not None
        return found

    async def commitment_text(self, commitment_id: int, lang: str) -> str | None:
        row = await self._one(
            "SELECT text FROM commitment_translations WHERE commitment_id = ? AND lang = ?", (commitment_id, lang)
        )
        return row[0] if row else None

    async def save_commitment_text(self, commitment_id: int, lang: str, text: str) -> None:
        async with self._tx() as db:
            await db.execute(
                "INSERT OR REPLACE INTO commitment_translations VALUES (?, ?, ?)", (commitment_id, lang, text)
            )

    # --- export --------------------------------------------------------------------------------

    async def export_rows(self) -> dict[str, list[dict]]:
        """Everything an admin may want outside the bot, as plain dicts (partnerships to audit rows)."""
        tables = {
            "partnerships": "SELECT id, name, original_mode, created_at FROM partnerships ORDER BY id",
            "groups": "SELECT chat_id, city, lang, tz, partnership_id, focal_user_id FROM groups ORDER BY chat_id",
            "commitments": "SELECT c.*, p.name AS partnership FROM commitments c"
            " JOIN partnerships p ON p.id = c.partnership_id ORDER BY c.partnership_id, c.number",
            "commitment_events": "SELECT e.*, c.partnership_id, c.number FROM commitment_events e"
            " JOIN commitments c ON c.id = e.commitment_id ORDER BY e.id",
            "followups": "SELECT * FROM followups ORDER BY partnership_id, number",
            "nudges": "SELECT * FROM nudges ORDER BY id",
            "followup_settings": "SELECT * FROM followup_settings ORDER BY partnership_id",
        }
        return {name: [dict(row) for row in await self._all(sql)] for name, sql in tables.items()}

    # --- follow-ups and nudges ----------------------------------------------------------------------

    async def followup_settings(self, partnership_id: int) -> FollowupSettings:
        row = await self._one(
            "SELECT reminder_hours, overdue_notice, digest_day, digest_time, dormancy_days, hours_start, hours_end,"
            " work_days FROM followup_settings WHERE partnership_id = ?",
            (partnership_id,),
        )
        if row is None:
            return FollowupSettings()
        return FollowupSettings(row[0], bool(row[1]), *row[2:])

    async def save_followup_settings(self, partnership_id: int, settings: FollowupSettings) -> None:
        values = asdict(settings)
        columns = ", ".join(values)
        async with self._tx() as db:
            await db.execute(
                f"INSERT OR REPLACE INTO followup_settings (partnership_id, {columns}) VALUES (?{', ?' * len(values)})",
                (partnership_id, *values.values()),
            )

    async def add_followup(
        self,
        *,
        partnership_id: int,
        target: str,
        commitment_id: int | None,
        user: User | None,
        note: str,
        note_lang: str,
        at: datetime | None,
        rule: str | None,
        chat_id: int,
        created_by: int | None,
        nudges: Callable[[int], Sequence[PlannedNudge]],
    ) -> Followup:
        """The follow-up and its first nudges in one transaction (`nudges` receives the new id)."""
        async with self._tx() as db:
            cursor = await db.execute(
                "SELECT COALESCE(MAX(number), 0) + 1 FROM followups WHERE partnership_id = ?", (partnership_id,)
            )
            (number,) = await cursor.fetchone()
            cursor = await db.execute(
                "INSERT INTO followups (partnership_id, number, target, commitment_id, user_id, user_name, note,"
                " note_lang, at, rule, chat_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    partnership_id,
                    number,
                    target,
                    commitment_id,
                    user.id if user else None,
                    user.handle if user else None,
                    note,
                    note_lang,
                    _stamp(at),
                    rule,
                    chat_id,
                    created_by,
                    self.now_iso(),
                ),
            )
            followup_id = cursor.lastrowid
            await self._insert_nudges(db, partnership_id, nudges(followup_id))
            cursor = await db.execute(f"{_FOLLOWUPS} WHERE f.id = ?", (followup_id,))
            return _followup(await cursor.fetchone())

    async def followup(self, partnership_id: int, number: int) -> Followup | None:
        row = await self._one(f"{_FOLLOWUPS} WHERE f.partnership_id = ? AND f.number = ?", (partnership_id, number))
        return _followup(row) if row else None

    async def followup_by_id(self, followup_id: int) -> Followup | None:
        row = await self._one(f"{_FOLLOWUPS} WHERE f.id = ?", (followup_id,))
        return _followup(row) if row else None

    async def active_followups(self, partnership_id: int | None = None) -> list[Followup]:
        sql = f"{_FOLLOWUPS} WHERE f.status = 'active'"
        params: tuple = ()
        if partnership_id is not None:
            sql += " AND f.partnership_id = ?"
            params = (partnership_id,)
        return [_followup(row) for row in await self._all(sql + " ORDER BY f.partnership_id, f.number", params)]

    async def end_followup(self, followup_id: int, status: str) -> None:
        """Finish or cancel a follow-up and every nudge of it still waiting, as one change."""
        async with self._tx() as db:
            await db.execute("UPDATE followups SET status = ? WHERE id = ?", (status, followup_id))
            await db.execute(
                "UPDATE nudges SET state = 'cancelled' WHERE followup_id = ? AND state = 'pending'", (followup_id,)
            )

    async def end_commitment_nudges(self, commitment_id: int) -> None:
        """A commitment done: its follow-ups end and its reminders, notices and nudges are cancelled."""
        async with self._tx() as db:
            await db.execute(
                "UPDATE followups SET status = 'finished' WHERE commitment_id = ? AND status = 'active'",
                (commitment_id,),
            )
            await db.execute(
                "UPDATE nudges SET state = 'cancelled' WHERE commitment_id = ? AND state = 'pending'"
                " OR followup_id IN (SELECT id FROM followups WHERE commitment_id = ?) AND state = 'pending'",
                (commitment_id, commitment_id),
            )

    async def followup_text(self, followup_id: int, lang: str) -> str | None:
        row = await self._one(
            "SELECT text FROM followup_translations WHERE followup_id = ? AND lang = ?", (followup_id, lang)
        )
        return row[0] if row else None

    async def save_followup_text(self, followup_id: int, lang: str, text: str) -> None:
        async with self._tx() as db:
            await db.execute(
                "INSERT OR REPLACE INTO followup_translations (followup_id, lang, text) VALUES (?, ?, ?)",
                (followup_id, lang, text),
            )

    @staticmethod
    async def _insert_nudges(db: _Tracked, partnership_id: int, planned: Iterable[PlannedNudge]) -> None:
        await db.executemany(
            "INSERT OR IGNORE INTO nudges (partnership_id, kind, followup_id, commitment_id, chat_id, occurrence,"
            " due_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    partnership_id,
                    n.kind,
                    n.followup_id,
                    n.commitment_id,
                    n.chat_id,
                    n.occurrence.to_key(),
                    _stamp(n.due_at),
                )
                for n in planned
            ],
        )

    async def plan_nudges(
        self,
        partnership_id: int,
        wanted: Sequence[PlannedNudge],
        new: Sequence[PlannedNudge],
        kinds: Sequence[str],
    ) -> None:
        """Store the `new` nudges and cancel waiting ones of `kinds` that are not `wanted` any more.

        A nudge already sent, cancelled or skipped keeps its row, so the same occurrence is never
        planned again.
        """
        keep = {(n.kind, n.chat_id, n.occurrence.to_key()) for n in wanted}
        async with self._tx() as db:
            cursor = await db.execute(
                f"SELECT id, kind, chat_id, occurrence FROM nudges WHERE partnership_id = ? AND state = 'pending'"
                f" AND kind IN ({', '.join('?' * len(kinds))})",
                (partnership_id, *kinds),
            )
            stale = [(row[0],) for row in await cursor.fetchall() if tuple(row[1:]) not in keep]
            await db.executemany("UPDATE nudges SET state = 'cancelled' WHERE id = ?", stale)
            await self._insert_nudges(db, partnership_id, new)

    async def add_nudges(self, partnership_id: int, planned: Sequence[PlannedNudge]) -> None:
        async with self._tx() as db:
            await self._insert_nudges(db, partnership_id, planned)

    async def due_nudges(self, now: datetime) -> list[Nudge]:
        stamp = _stamp(now)
        return [
            _nudge(row)
            for row in await self._all(
                f"SELECT {_NUDGE_COLUMNS} FROM nudges WHERE state = 'pending' AND due_at <= ?"
                " AND (not_before IS NULL OR not_before <= ?) ORDER BY due_at, id",
                (stamp, stamp),
            )
        ]

    async def next_nudge_at(self) -> datetime | None:
        row = await self._one(
            "SELECT MIN(MAX(due_at, COALESCE(not_before, due_at))) FROM nudges WHERE state = 'pending'"
        )
        return _when(row[0]) if row else None

    async def pending_nudges(self, partnership_id: int) -> list[Nudge]:
        return [
            _nudge(row)
            for row in await self._all(
                f"SELECT {_NUDGE_COLUMNS} FROM nudges WHERE partnership_id = ? AND state = 'pending'"
                " ORDER BY due_at, id",
                (partnership_id,),
            )
        ]

    async def nudge_fired(self, nudge: Nudge, payload: str, late: bool, following: Sequence[PlannedNudge] = ()) -> None:
        """Marked sent, its composed text queued for delivery, and the next occurrence planned, in one
        transaction: a restart neither loses the nudge nor queues it twice."""
        async with self._tx() as db:
            cursor = await db.execute(
                "UPDATE nudges SET state = 'sent', sent_at = ?, late = ?, attempts = attempts + 1"
                " WHERE id = ? AND state = 'pending'",
                (self.now_iso(), int(late), nudge.id),
            )
            if cursor.rowcount == 0:
                return  # fired already (or cancelled meanwhile)
            await self.enqueue_composed(DeliveryKind.NUDGE, nudge.partnership_id, {nudge.chat_id: payload}, db)
            await self._insert_nudges(db, nudge.partnership_id, following)

    async def nudge_closed(self, nudge: Nudge, state: str, reason: str | None = None) -> None:
        """Not to be sent: `skipped` (nothing to say), `cancelled` (obsolete) or `failed` (undeliverable)."""
        async with self._tx() as db:
            await db.execute("UPDATE nudges SET state = ?, last_error = ? WHERE id = ?", (state, reason, nudge.id))

    async def nudge_deferred(self, nudge: Nudge, not_before: datetime, error: str) -> None:
        async with self._tx() as db:
            await db.execute(
                "UPDATE nudges SET not_before = ?, last_error = ?, attempts = attempts + 1 WHERE id = ?",
                (_stamp(not_before), error, nudge.id),
            )

    async def last_activity(self, partnership_id: int) -> datetime | None:
        """The latest message or commitment change in the partnership."""
        row = await self._one(
            "SELECT MAX(at) FROM (SELECT MAX(created_at) AS at FROM source_messages WHERE partnership_id = ?"
            " UNION ALL SELECT MAX(e.at) FROM commitment_events e JOIN commitments c ON c.id = e.commitment_id"
            " WHERE c.partnership_id = ?)",
            (partnership_id, partnership_id),
        )
        return _when(row[0]) if row else None

    async def city_activity(self, partnership_id: int, since: datetime) -> list[CityActivity]:
        """Per member group: messages posted since `since`, and its latest message, commitment or
        commitment done, counting only what it did in this partnership (not in one it was in before)."""
        rows = await self._all(
            "SELECT g.chat_id, g.city || CASE g.channel WHEN 'email' THEN ' ✉' ELSE '' END,"
            " (SELECT COUNT(*) FROM source_messages s"
            "  WHERE s.chat_id = g.chat_id AND s.partnership_id = g.partnership_id AND s.created_at >= ?),"
            " MAX(COALESCE((SELECT MAX(created_at) FROM source_messages s"
            "               WHERE s.chat_id = g.chat_id AND s.partnership_id = g.partnership_id), ''),"
            "     COALESCE((SELECT MAX(MAX(created_at, COALESCE(done_at, ''))) FROM commitments c"
            "               WHERE c.chat_id = g.chat_id AND c.partnership_id = g.partnership_id), ''))"
            " FROM groups g WHERE g.partnership_id = ? ORDER BY g.city COLLATE NOCASE, g.chat_id",
            (_stamp(since), partnership_id),
        )
        return [CityActivity(row[0], row[1], row[2], _when(row[3] or None)) for row in rows]
