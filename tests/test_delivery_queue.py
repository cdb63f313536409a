"""The delivery queue as a service: a real SQLite file, the real relay for rendering, and a channel that
records what it was asked to deliver (no Telegram, no emulator). One destination's rows go out in the
order they were queued, whatever their kind; each class of failure has one outcome; the partnership
boundary is checked when a row is delivered; a crash repeats at most the one send in flight.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from bridgebot.domain import DeliveryKind
from bridgebot.i18n import catalogs
from bridgebot.richtext import RichText, Span, SpanKind
from bridgebot.services.delivery import (
    AlreadyDone,
    ChatMoved,
    DeliveryError,
    Outbox,
    Permanent,
    Record,
    Refused,
    Rejected,
    RetryLater,
    RetryPolicy,
    Transient,
    Unauthorized,
    Uncertain,
    rendered_from_json,
    rendered_to_json,
    text_payload,
    unrecorded,
)
from bridgebot.services.relay import Relay, Rendered
from bridgebot.store.db import migrations, open_db
from bridgebot.store.repository import Repository
from bridgebot.translation.engine import Engine

HAMBURG, LEEDS, BREMEN = -1, -2, -3
FAST = RetryPolicy(backoff=(0.0,), unauthorized_retry=0.0)


class RecordingChannel:
    """A channel that delivers into a list: (chat id, text of each part). `fail[chat]` holds errors to
    raise, one per call, before anything is sent; `hang_after_send` makes the call with that number
    send and then never return, as a process that dies before it can record the send."""

    def __init__(self) -> None:
        self.log: list[tuple[int, str]] = []
        self.fail: dict[int, list[DeliveryError]] = {}
        self.calls = 0
        self.hang_after_send: int | None = None
        self.hung = asyncio.Event()

    def texts(self, chat_id: int) -> list[str]:
        return [text for chat, text in self.log if chat == chat_id]

    async def _call(self) -> None:
        self.calls += 1

    async def send(
        self, chat_id: int, rendered: Rendered, sent: Sequence[int] = (), record: Record = unrecorded
    ) -> list[int]:
        await self._call()
        if self.fail.get(chat_id):
            raise self.fail[chat_id].pop(0)
        ids = list(sent)
        # A channel without a length limit, like e-mail: one message per rendering.
        for index, part in enumerate([rendered.text.text][len(sent) :], start=len(sent)):
            self.log.append((chat_id, part))
            if self.calls == self.hang_after_send:
                self.hung.set()
                await asyncio.Event().wait()
            ids.append(len(self.log))
            await record(index, len(self.log))
        return ids

    async def edit(
        self,
        chat_id: int,
        message_ids: Sequence[int],
        rendered: Rendered,
        fresh: Collection[int] = (),
        record: Record = unrecorded,
    ) -> list[int]:
        await self._call()
        self.log.append((chat_id, "edited: " + rendered.text.text))
        return list(message_ids)

    async def delete(self, chat_id: int, message_ids: list[int]) -> list[int]:
        await self._call()
        self.log.append((chat_id, f"deleted {message_ids}"))
        return []


@dataclass
class World:
    repo: Repository
    relay: Relay
    channel: RecordingChannel
    partnership_id: int
    path: Path

    def outbox(self, **kwargs: object) -> Outbox:
        return Outbox(self.repo, self.relay, self.channel, catalogs(), policy=FAST, **kwargs)  # type: ignore[arg-type]

    async def post(self, text: str, targets: Sequence[int] = (LEEDS,)) -> int:
        """Hamburg's message `text`, accepted for relaying (its copy rows queued)."""
        self.message_id = getattr(self, "message_id", 0) + 1
        source_id = await self.repo.accept_message(
            partnership_id=self.partnership_id,
            chat_id=HAMBURG,
            message_id=self.message_id,
            sender_id=None,
            sender_name="Anna",
            city="Hamburg",
            topic=None,
            kind="text",
            lang="de",
            text=text,
            entities=(),
            reply_to_message_id=None,
            targets=list(targets),
        )
        assert source_id is not None
        return source_id

    async def queue(self, kind: DeliveryKind, chat_id: int, text: str) -> None:
        """An announcement or a fired nudge, queued as the services queue them (no worker started)."""
        await self.repo.enqueue_composed(kind, self.partnership_id, {chat_id: text_payload(text)})

    async def states(self, chat_id: int) -> list[tuple[str, str]]:
        rows = await self.repo.conn.execute_fetchall(
            "SELECT kind, state FROM deliveries WHERE target_chat_id = ? ORDER BY id", (chat_id,)
        )
        return [(row[0], row[1]) for row in rows]


@pytest.fixture
async def world(tmp_path: Path, models_dir: Path) -> AsyncIterator[World]:
    """Hamburg, Leeds and Bremen in one partnership, all writing German (no translation needed)."""
    path = tmp_path / "bot.sqlite3"
    conn, _ = await open_db(path)
    repo = Repository(conn)
    partnership = await repo.create_partnership("Hamburg–Leeds", None)
    for chat_id, city in ((HAMBURG, "Hamburg"), (LEEDS, "Leeds"), (BREMEN, "Bremen")):
        await repo.save_group(chat_id, city, city, "de", "Europe/Berlin")
        await repo.set_group_partnership(chat_id, partnership.id)
    engine = Engine(models_dir)
    yield World(repo, Relay(repo, engine, catalogs()), RecordingChannel(), partnership.id, path)
    engine.close()
    await conn.close()


async def deliver_all(outbox: Outbox) -> None:
    await outbox.start()
    await outbox.idle()
    await outbox.stop()


async def test_a_nudge_and_relayed_copies_to_one_group_go_out_in_the_order_they_were_queued(world: World) -> None:
    await world.post("Erste Nachricht")
    await world.queue(DeliveryKind.NUDGE, LEEDS, "Erinnerung")
    await world.queue(DeliveryKind.ANNOUNCE, LEEDS, "Bremen ist beigetreten")
    await world.post("Zweite Nachricht")
    await deliver_all(world.outbox())
    texts = world.channel.texts(LEEDS)
    assert len(texts) == 4
    assert "Erste Nachricht" in texts[0] and "Zweite Nachricht" in texts[3]
    assert texts[1:3] == ["Erinnerung", "Bremen ist beigetreten"]
    assert await world.states(LEEDS) == [("copy", "done"), ("nudge", "done"), ("announce", "done"), ("copy", "done")]


@pytest.mark.parametrize(
    ("errors", "outcome", "tries"),
    [
        ([RetryLater(0)], "done", 2),
        ([Transient("bad gateway")], "done", 2),
        ([Uncertain("timed out"), Uncertain("timed out")], "done", 3),
        ([Uncertain("timed out")] * 3, "failed", 3),
        ([AlreadyDone("sent message was immediately deleted")], "done", 1),
        ([Rejected("can't parse entities")], "failed", 1),
    ],
    ids=["flood-waits", "transient-retries", "uncertain-retries", "uncertain-capped", "already-done", "rejected-drops"],
)
async def test_each_class_of_failure_has_one_outcome_for_every_kind_of_row(
    world: World, errors: list[DeliveryError], outcome: str, tries: int
) -> None:
    for kind in (DeliveryKind.COPY, DeliveryKind.ANNOUNCE):
        world.channel.fail[LEEDS] = list(errors)
        calls = world.channel.calls
        if kind is DeliveryKind.COPY:
            await world.post("Guten Morgen")
        else:
            await world.queue(DeliveryKind.ANNOUNCE, LEEDS, "Guten Morgen")
        await deliver_all(world.outbox())
        assert (await world.states(LEEDS))[-1] == (kind, outcome)
        assert world.channel.calls - calls == tries
    # A dropped row never stops the group: the next one is delivered.
    await world.post("Noch eine")
    await deliver_all(world.outbox())
    assert "Noch eine" in world.channel.texts(LEEDS)[-1]


async def test_a_group_that_cannot_receive_stops_and_its_partners_are_told_once(world: World) -> None:
    world.channel.fail[LEEDS] = [Permanent("bot was kicked")]
    await world.post("Eins")
    await world.post("Zwei")
    await deliver_all(world.outbox())
    assert world.channel.texts(LEEDS) == []
    assert await world.states(LEEDS) == [("copy", "failed"), ("copy", "failed")]
    assert await world.repo.relay_broken(LEEDS) == "bot was kicked"
    (told,) = world.channel.texts(BREMEN)
    assert "Leeds" in told
    assert world.channel.texts(HAMBURG) == [told]


async def test_a_refused_kind_drops_that_copy_and_partners_are_told_once_per_kind(world: World) -> None:
    world.channel.fail[LEEDS] = [Refused("not enough rights to send text messages"), Refused("again")]
    await world.post("Eins")
    await world.post("Zwei")
    await world.post("Drei")
    await deliver_all(world.outbox())
    assert await world.states(LEEDS) == [("copy", "failed"), ("copy", "failed"), ("copy", "done")]
    assert len(world.channel.texts(HAMBURG)) == 1 and len(world.channel.texts(BREMEN)) == 1


async def test_a_moved_chat_takes_its_queue_along(world: World) -> None:
    world.channel.fail[LEEDS] = [ChatMoved(-1002)]
    await world.post("Eins")
    await world.queue(DeliveryKind.ANNOUNCE, LEEDS, "Hallo")
    await deliver_all(world.outbox())
    assert len(world.channel.texts(-1002)) == 2 and world.channel.texts(-1002)[1] == "Hallo"
    assert world.channel.texts(LEEDS) == []


async def test_a_refused_token_keeps_every_row_pending_until_it_works_again(world: World) -> None:
    world.channel.fail[LEEDS] = [Unauthorized("401 Unauthorized")] * 3
    told: list[str | None] = []
    await world.post("Eins")
    await deliver_all(world.outbox(on_unauthorized=told.append))
    assert told == ["401 Unauthorized", None]  # said once when it stopped, once when it worked again
    assert await world.states(LEEDS) == [("copy", "done")]


async def test_composed_rows_check_the_partnership_when_they_are_delivered(world: World) -> None:
    other = await world.repo.create_partnership("Anderswo", None)
    await world.queue(DeliveryKind.NUDGE, LEEDS, "Erinnerung")
    await world.queue(DeliveryKind.ANNOUNCE, BREMEN, "Willkommen")
    await world.repo.leave_partnership(BREMEN)
    await world.repo.set_group_partnership(LEEDS, other.id)  # moved on before the nudge went out
    await deliver_all(world.outbox())
    assert world.channel.log == []
    assert await world.states(LEEDS) == [("nudge", "failed")]
    assert await world.states(BREMEN) == [("announce", "failed")]


async def test_a_crash_between_a_send_and_its_record_repeats_only_that_send(world: World) -> None:
    for text in ("Eins", "Zwei", "Drei"):
        await world.post(text)
    world.channel.hang_after_send = 2
    crashed = world.outbox()
    await crashed.start()
    await world.channel.hung.wait()
    await crashed.stop()  # the worker dies after Telegram took "Zwei", before it was recorded
    world.channel.hang_after_send = None
    await deliver_all(world.outbox())  # the next start resumes the pending rows
    bodies = [text.splitlines()[-1] for text in world.channel.texts(LEEDS)]
    assert bodies == ["Eins", "Zwei", "Zwei", "Drei"]


async def test_pending_rows_survive_a_restart_of_the_process(world: World) -> None:
    await world.post("Eins")
    await world.queue(DeliveryKind.ANNOUNCE, LEEDS, "Hallo")
    await world.repo.conn.close()
    conn, _ = await open_db(world.path)
    world.repo = Repository(conn)
    world.relay = Relay(world.repo, world.relay.engine, catalogs())
    try:
        await deliver_all(world.outbox())
        assert [text.splitlines()[-1] for text in world.channel.texts(LEEDS)] == ["Eins", "Hallo"]
    finally:
        await conn.close()


def test_a_composed_message_survives_its_trip_through_the_queue_row() -> None:
    text = RichText("@tom bitte\n\nTeil 2", (Span(SpanKind.MENTION, 0, 4, user_id=42), Span(SpanKind.BOLD, 12, 6)))
    rendered = Rendered("text", text, reply_to=7)
    assert rendered_from_json(rendered_to_json(rendered)) == rendered


async def test_upgrading_moves_pending_copies_and_queued_announcements_into_the_one_queue(
    tmp_path: Path, models_dir: Path
) -> None:
    """A database of the two-pipeline version: a pending copy in `outbox`, a finished deletion whose
    outcome /unsend still reports, a pending announcement in `nudges` and a planned follow-up nudge."""
    path, now = tmp_path / "old.sqlite3", "2026-12-01T09:00:00+00:00"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)")
        for version, name, sql in migrations():
            if version < 8:
                db.executescript(sql)
                db.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, name, now))
        db.execute("INSERT INTO partnerships (id, name, created_at) VALUES (1, 'P', ?)", (now,))
        for chat_id, city in ((HAMBURG, "Hamburg"), (LEEDS, "Leeds")):
            db.execute(
                "INSERT INTO groups (chat_id, city, lang, tz, partnership_id, created_at, updated_at)"
                " VALUES (?, ?, 'de', 'Europe/Berlin', 1, ?, ?)",
                (chat_id, city, now, now),
            )
        for message_id in (1, 2):
            db.execute(
                "INSERT INTO source_messages (id, partnership_id, chat_id, message_id, sender_name, city, kind, lang,"
                " text, created_at) VALUES (?, 1, ?, ?, 'Anna', 'Hamburg', 'text', 'de', 'Moin', ?)",
                (message_id, HAMBURG, message_id, now),
            )
        db.execute(
            "INSERT INTO outbox (source_id, target_chat_id, action, state, outcome, created_at)"
            " VALUES (1, ?, 'delete', 'done', 'deleted', ?)",
            (LEEDS, now),
        )
        db.execute(
            "INSERT INTO outbox (source_id, target_chat_id, action, created_at) VALUES (2, ?, 'send', ?)", (LEEDS, now)
        )
        for kind, payload in (("notice", "🤝 Bremen ist beigetreten"), ("followup", None)):
            db.execute(
                "INSERT INTO nudges (partnership_id, kind, chat_id, occurrence, due_at, payload)"
                " VALUES (1, ?, ?, 'x', ?, ?)",
                (kind, LEEDS, now, payload),
            )
    conn, applied = await open_db(path)
    try:
        assert applied[0] == "0008_delivery_queue.sql"  # later migrations follow it
        rows = await conn.execute_fetchall("SELECT kind, state, outcome FROM deliveries ORDER BY id")
        assert [tuple(r) for r in rows] == [
            ("delete", "done", "deleted"),
            ("copy", "pending", None),
            ("announce", "pending", None),
        ]
        nudges = await conn.execute_fetchall("SELECT kind, state FROM nudges ORDER BY id")
        assert [tuple(r) for r in nudges] == [("notice", "sent"), ("followup", "pending")]
        repo, channel = Repository(conn), RecordingChannel()
        engine = Engine(models_dir)
        await deliver_all(Outbox(repo, Relay(repo, engine, catalogs()), channel, catalogs(), policy=FAST))
        engine.close()
        texts = channel.texts(LEEDS)
        assert len(texts) == 2 and texts[0].endswith("Moin") and texts[1] == "🤝 Bremen ist beigetreten"
    finally:
        await conn.close()
