"""Admin operations on the database file: migrate, an online backup, and exports."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

from bridgebot.private_files import private_dir, private_file
from bridgebot.store.db import StoreError, connect, open_db
from bridgebot.store.repository import Repository


async def migrate(path: Path) -> list[str]:
    conn, applied = await open_db(path)
    await conn.close()
    return applied


async def backup(path: Path, target: Path) -> None:
    """SQLite's online backup API: a consistent copy even while the bot is writing. The copy is as
    private as the database (0600, new folders 0700)."""
    try:
        private_dir(target.parent)
        private_file(target)
    except OSError as exc:
        raise StoreError(f"backup to {target}: {exc.strerror}") from None
    async with connect(path) as conn:
        # aiosqlite runs the copy on its own thread, hence check_same_thread=False.
        copy = sqlite3.connect(target, check_same_thread=False)
        try:
            await conn.backup(copy)
        except sqlite3.Error as exc:
            raise StoreError(f"backup to {target}: {exc}") from None
        finally:
            copy.close()


async def export(path: Path, fmt: str) -> str:
    """JSON: every table with commitments carrying their history. CSV: one row per commitment change."""
    async with connect(path) as conn:
        data = await Repository(conn).export_rows()
    if fmt == "json":
        history: dict[int, list[dict]] = {}
        for event in data["commitment_events"]:
            history.setdefault(event["commitment_id"], []).append(event)
        for commitment in data["commitments"]:
            commitment["history"] = history.get(commitment["id"], [])
        del data["commitment_events"]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    commitments = {c["id"]: c for c in data["commitments"]}
    out = io.StringIO()
    columns = [
        "partnership",
        "number",
        "owner_name",
        "city",
        "text",
        "due_at",
        "status",
        "at",
        "actor_id",
        "action",
        "detail",
    ]
    writer = csv.DictWriter(out, columns, extrasaction="ignore")
    writer.writeheader()
    for event in data["commitment_events"]:
        writer.writerow({**commitments[event["commitment_id"]], **event})
    return out.getvalue()
