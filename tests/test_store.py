"""The SQLite store: migrations, WAL, foreign keys, and clear errors for unusable files."""

import os
import sqlite3
import stat
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bridgebot.cli import main
from bridgebot.domain import GlossaryEntry, User
from bridgebot.store.db import StoreError, migrations, open_db
from bridgebot.store.maintenance import backup
from bridgebot.store.repository import Repository
from bridgebot.translation.argos import use_models_dir


async def test_migrations_apply_once_and_enable_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    conn, applied = await open_db(path)
    assert applied == [name for _, name, _ in migrations()]
    async with conn.execute("PRAGMA journal_mode") as cur:
        assert (await cur.fetchone())[0] == "wal"
    async with conn.execute("PRAGMA foreign_keys") as cur:
        assert (await cur.fetchone())[0] == 1
    await conn.close()
    conn, applied = await open_db(path)
    assert applied == []
    await conn.close()


def test_db_migrate_command_reports_and_is_idempotent(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("BRIDGEBOT_DB", str(tmp_path / "m.sqlite3"))
    assert main(["db", "migrate"]) == 0
    assert "applied: 0001_" in capsys.readouterr().out
    assert main(["db", "migrate"]) == 0
    assert "up to date" in capsys.readouterr().out


async def test_locked_database_fails_clearly_instead_of_hanging(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "locked.sqlite3"
    conn, _ = await open_db(path)
    await conn.close()
    holder = sqlite3.connect(path)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr("bridgebot.store.db.BUSY_TIMEOUT_MS", 200)
    try:
        with pytest.raises(StoreError, match="locked"):
            await open_db(path)
    finally:
        holder.rollback()
        holder.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
async def test_read_only_database_fails_clearly(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite3"
    path.write_bytes(b"")
    path.chmod(0o444)
    with pytest.raises(StoreError, match=r"readonly|read-only"):
        await open_db(path)


def test_not_a_database_file_fails_clearly(tmp_path: Path, monkeypatch, capsys) -> None:
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"this is not sqlite, just a text file that happens to be here" * 20)
    monkeypatch.setenv("BRIDGEBOT_DB", str(path))
    assert main(["db", "migrate"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("error: database") and "not a" in err


async def test_backup_is_a_consistent_copy(tmp_path: Path) -> None:
    path = tmp_path / "live.sqlite3"
    conn, _ = await open_db(path)
    await conn.execute(
        "INSERT INTO partnerships (name, created_at) VALUES ('Hamburg–Leeds', '2026-11-22T10:00:00+00:00')"
    )
    await conn.commit()
    await backup(path, tmp_path / "copy.sqlite3")
    await conn.close()
    copy = sqlite3.connect(tmp_path / "copy.sqlite3")
    assert copy.execute("SELECT name FROM partnerships").fetchall() == [("Hamburg–Leeds",)]
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    copy.close()


def test_backup_while_the_bot_writes_holds_only_whole_transactions(tmp_path: Path, monkeypatch, capsys) -> None:
    """`bridgebot db backup` run by an admin while writes keep landing from another connection."""
    path = tmp_path / "live.sqlite3"
    monkeypatch.setenv("BRIDGEBOT_DB", str(path))
    assert main(["db", "migrate"]) == 0
    stop = threading.Event()
    batches = 0

    def write() -> None:
        """Ten partnerships per transaction: a copy that split one would hold a count not divisible by ten."""
        nonlocal batches
        writer = sqlite3.connect(path, timeout=30)
        while not stop.is_set():
            with writer:
                writer.executemany(
                    "INSERT INTO partnerships (name, created_at) VALUES (?, '2026-11-22T10:00:00+00:00')",
                    [(f"batch {batches} city {i} " + "x" * 500,) for i in range(10)],
                )
            batches += 1
        writer.close()

    thread = threading.Thread(target=write)
    thread.start()
    try:
        copies = []
        for n in range(5):
            while batches < (n + 1) * 20:  # let writes pile up between copies
                time.sleep(0.005)
            copies.append(tmp_path / f"copy-{n}.sqlite3")
            assert main(["db", "backup", str(copies[-1])]) == 0
    finally:
        stop.set()
        thread.join()
    counts = []
    for copy_path in copies:
        copy = sqlite3.connect(copy_path)
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        counts.append(copy.execute("SELECT COUNT(*) FROM partnerships").fetchone()[0])
        copy.close()
    assert all(count % 10 == 0 for count in counts), counts
    assert counts == sorted(counts) and counts[0] >= 200 and counts[-1] <= batches * 10
    assert "backup written to" in capsys.readouterr().out


async def test_a_person_seen_again_is_rewritten_only_when_something_changed(tmp_path: Path) -> None:
    now = [datetime(2026, 11, 22, 10, 0, tzinfo=UTC)]
    conn, _ = await open_db(tmp_path / "bot.sqlite3")
    repo = Repository(conn, lambda: now[0])
    try:
        await repo.see_user(User(7, "anna_hh", "Anna"), -100)
        now[0] += timedelta(seconds=20)
        await repo.see_user(User(7, "anna_hh", "Anna"), -100)
        assert (await repo._one("SELECT last_seen_at FROM users WHERE id = 7"))[0] == "2026-11-22T10:00:00+00:00"
        await repo.see_user(User(7, "anna_hamburg", "Anna"), -100)  # a new @name counts at once
        assert (await repo.user_by_username("anna_hamburg", [-100])).id == 7
        await repo.see_user(User(7, "anna_hamburg", "Anna"), -200)  # and so does a new group
        assert await repo.is_member(-200, 7)
        now[0] += timedelta(minutes=5)
        await repo.see_user(User(7, "anna_hamburg", "Anna"), -100)
        row = await repo._one("SELECT last_seen_at FROM group_members WHERE chat_id = -100 AND user_id = 7")
        assert row[0] == "2026-11-22T10:05:20+00:00"
    finally:
        await conn.close()


async def test_groups_partnerships_and_glossaries_are_read_fresh_after_every_change(tmp_path: Path) -> None:
    """They are cached for the relay's sake; a command's change must still count from the next message."""
    conn, _ = await open_db(tmp_path / "bot.sqlite3")
    repo = Repository(conn)
    statements: list[str] = []
    await conn.set_trace_callback(statements.append)
    try:
        hamburg = await repo.save_group(-100, "HH", "Hamburg", "de", "Europe/Berlin")
        partnership = await repo.create_partnership("Hamburg-Leeds", None)
        await repo.set_group_partnership(hamburg.chat_id, partnership.id)
        assert [g.city for g in await repo.partnership_groups(partnership.id)] == ["Hamburg"]
        assert (await repo.group(-100)).lang == "de" and await repo.glossary(partnership.id) == []
        assert (await repo.partnership(partnership.id)).original_mode == "quote"

        statements.clear()
        await repo.group(-100), await repo.partnership(partnership.id), await repo.glossary(partnership.id)
        await repo.partnership_groups(partnership.id)
        assert statements == [], "unchanged rows come from the cache"

        await repo.set_group_lang(-100, "en")
        await repo.save_group(-200, "Leeds", "Leeds", "en", "Europe/London")
        await repo.set_group_partnership(-200, partnership.id)
        await repo.set_original_mode(partnership.id, "full")
        await repo.set_glossary_term(partnership.id, "Rathaus", [GlossaryEntry("Rathaus", "en", "town hall")])
        assert (await repo.group(-100)).lang == "en"
        assert {g.city for g in await repo.partnership_groups(partnership.id)} == {"Hamburg", "Leeds"}
        assert (await repo.partnership(partnership.id)).original_mode == "full"
        assert await repo.glossary(partnership.id) == [GlossaryEntry("Rathaus", "en", "town hall")]

        with pytest.raises(RuntimeError):
            async with repo._tx() as db:
                await db.execute("UPDATE groups SET lang = 'zh' WHERE chat_id = -100")
                assert (await repo.group(-100)).lang == "zh"  # the same connection sees its own change
                raise RuntimeError("the command is refused halfway")
        assert (await repo.group(-100)).lang == "en", "a rolled-back change must not stay in the cache"
    finally:
        await conn.close()


# --- who can read what the bot writes ------------------------------------------------------------------


@pytest.fixture(params=[0o022, 0o000], ids=["umask-022", "umask-000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """The process umask an admin's shell or service manager might leave; restored afterwards."""
    previous = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


async def test_the_database_and_its_wal_and_shm_files_are_private_whatever_the_umask(
    tmp_path: Path, umask: int
) -> None:
    data = tmp_path / "data"
    path = data / "state" / "bridgebot.sqlite3"
    conn, _ = await open_db(path)
    try:
        await conn.execute("INSERT INTO partnerships (name, created_at) VALUES ('HH-Leeds', '2026-12-06T10:00:00')")
        await conn.commit()
        wal, shm = path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")
        assert wal.exists() and shm.exists()
        assert {f.name: _mode(f) for f in (path, wal, shm)} == {f.name: 0o600 for f in (path, wal, shm)}
        assert (_mode(data), _mode(data / "state")) == (0o700, 0o700)
    finally:
        await conn.close()


async def test_a_database_left_readable_by_others_is_restricted_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn, _ = await open_db(path)
    await conn.close()
    path.chmod(0o644)
    stale_wal = path.with_name(path.name + "-wal")
    stale_wal.write_bytes(b"")
    stale_wal.chmod(0o664)
    conn, _ = await open_db(path)
    await conn.close()
    assert _mode(path) == 0o600
    assert not stale_wal.exists() or _mode(stale_wal) == 0o600


def test_backups_and_exports_are_private_whatever_the_umask(tmp_path: Path, monkeypatch, umask: int) -> None:
    monkeypatch.setenv("BRIDGEBOT_DB", str(tmp_path / "bridgebot.sqlite3"))
    assert main(["db", "migrate"]) == 0
    backup_file = tmp_path / "backups" / "nightly" / "bridgebot.sqlite3"
    assert main(["db", "backup", str(backup_file)]) == 0
    exports = {fmt: tmp_path / "exports" / f"commitments.{fmt}" for fmt in ("json", "csv")}
    for fmt, target in exports.items():
        assert main(["db", "export", "--format", fmt, "--output", str(target)]) == 0
    assert _mode(backup_file) == 0o600
    assert (_mode(tmp_path / "backups"), _mode(backup_file.parent)) == (0o700, 0o700)
    assert [_mode(target) for target in exports.values()] == [0o600, 0o600]
    assert _mode(tmp_path / "exports") == 0o700
    assert sqlite3.connect(backup_file).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_the_models_folder_and_argos_state_are_private_whatever_the_umask(
    tmp_path: Path, models_dir: Path, umask: int
) -> None:
    try:
        use_models_dir(tmp_path / "data" / "models")
        assert _mode(tmp_path / "data") == 0o700
        assert _mode(tmp_path / "data" / "models") == 0o700
        assert _mode(tmp_path / "data" / ".models-argos") == 0o700
    finally:
        use_models_dir(models_dir)  # Argos' directories are process-wide: back to the tests' packages
