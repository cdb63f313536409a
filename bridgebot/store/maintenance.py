"""Admin operations on the database file: migrate and an online backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bridgebot.store.db import StoreError, connect, open_db


async def migrate(path: Path) -> list[str]:
    conn, applied = await open_db(path)
    await conn.close()
    return applied


async def backup(path: Path, target: Path) -> None:
    """SQLite's online backup API: a consistent copy even while the bot is writing."""
    target.parent.mkdir(parents=True, exist_ok=True)
    async with connect(path) as conn:
        # aiosqlite runs the copy on its own thread, hence check_same_thread=False.
        copy = sqlite3.connect(target, check_same_thread=False)
        try:
            await conn.backup(copy)
        except sqlite3.Error as exc:
            raise StoreError(f"backup to {target}: {exc}") from None
        finally:
            copy.close()
