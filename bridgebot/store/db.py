"""Opening the SQLite file and applying versioned migrations.

One aiosqlite connection serves the whole bot: SQLite serialises writers anyway, and a single
connection keeps transactions simple. WAL lets `bridgebot db backup` and exports read while the bot
writes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import aiosqlite

from bridgebot.private_files import private_dir, private_file

BUSY_TIMEOUT_MS = 5000


class StoreError(Exception):
    """The database cannot be used (locked, read-only, corrupt); the message says which and where."""


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration shipped with the package, in order."""
    found = []
    for entry in resources.files("bridgebot.store.migrations").iterdir():
        if entry.name.endswith(".sql"):
            version = int(entry.name.split("_", 1)[0])
            found.append((version, entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


async def _apply_migrations(conn: aiosqlite.Connection) -> list[str]:
    await conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL)"
    )
    await conn.commit()
    async with conn.execute("SELECT version FROM schema_migrations") as cursor:
        done = {row[0] for row in await cursor.fetchall()}
    applied = []
    for version, name, sql in migrations():
        if version in done:
            continue
        # executescript commits first; wrapping the script in BEGIN/COMMIT makes each migration atomic.
        record = f"INSERT INTO schema_migrations VALUES ({version}, '{name}', '{now_iso()}');"
        await conn.executescript(f"BEGIN;\n{sql}\n{record}\nCOMMIT;")
        applied.append(name)
    return applied


async def open_db(path: Path) -> tuple[aiosqlite.Connection, list[str]]:
    """Open (creating if needed) and migrate the database; returns the migrations just applied."""
    path = Path(path)
    try:
        private_dir(path.parent)
    except OSError as exc:
        raise StoreError(f"database {path}: cannot create its folder ({exc.strerror})") from None
    try:
        _make_private(path)
    except OSError as exc:
        raise StoreError(f"database {path}: cannot make it private to this user ({exc.strerror})") from None
    conn: aiosqlite.Connection | None = None
    try:
        # Autocommit: the repository opens its transactions itself, and a write of one statement
        # runs without BEGIN and COMMIT around it (see `Repository._write`).
        conn = await aiosqlite.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.row_factory = aiosqlite.Row
        await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        await conn.execute("PRAGMA journal_mode = WAL")
        await conn.execute("PRAGMA foreign_keys = ON")
        await conn.execute("PRAGMA synchronous = NORMAL")
        applied = await _apply_migrations(conn)
    except sqlite3.Error as exc:
        if conn is not None:
            await conn.close()
        raise StoreError(f"database {path}: {_explain(exc)}") from None
    return conn, applied


def _make_private(path: Path) -> None:
    """The database 0600 before SQLite opens it: SQLite creates a new file 0644 minus the umask, and
    its -wal and -shm files take the database's mode. Those left by an older version are restricted too."""
    private_file(path)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            private_file(companion)


def _explain(exc: sqlite3.Error) -> str:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return f"{text} (another process holds it; is a second bridgebot running?)"
    if "readonly" in text or "read-only" in text:
        return f"{text} (check the file's and folder's permissions)"
    if "not a database" in text:
        return f"{text} (the file is not a bridgebot database)"
    return text


@asynccontextmanager
async def connect(path: Path) -> AsyncIterator[aiosqlite.Connection]:
    conn, _ = await open_db(path)
    try:
        yield conn
    finally:
        await conn.close()
