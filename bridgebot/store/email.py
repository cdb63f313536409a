"""The e-mail partners' tables (migration 0009): cities, addresses, mails read and mails to send.

Kept beside the repository (it uses the repository's connection, write lock and clock) so that SQL
stays in bridgebot/store and the e-mail channel's rows are in one place.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from bridgebot.domain import EMAIL_ID_BASE, EmailAddress, Group
from bridgebot.store.repository import Repository, _when

_ADDRESS_COLUMNS = "id, chat_id, address, name, token, state, mode, digest_minutes, bounces, invited_by"


@dataclass(frozen=True, slots=True)
class Inbound:
    """A mail read from the mailbox, as recorded: `outcome` is None until it has been handled."""

    id: int
    outcome: str | None


@dataclass(frozen=True, slots=True)
class OutMail:
    """One row of the e-mail outbox: a relayed message or a notice, for one address."""

    id: int
    address_id: int
    kind: str  # message | notice
    payload: dict
    attempts: int
    created_at: datetime


class EmailStore:
    def __init__(self, repo: Repository) -> None:
        self.repo = repo

    # --- cities and addresses -------------------------------------------------------------------

    async def add_city(self, partnership_id: int, city: str, lang: str, tz: str) -> Group:
        """A new e-mail city in a partnership, with the next id of the e-mail number space."""
        now = self.repo.now_iso()
        async with self.repo._tx() as db:
            cursor = await db.execute(
                "INSERT INTO groups (chat_id, title, city, lang, tz, partnership_id, joined_at, created_at,"
                " updated_at, channel) SELECT MAX(?, COALESCE(MAX(chat_id) + 1, 0)), ?, ?, ?, ?, ?, ?, ?, ?, 'email'"
                " FROM groups WHERE chat_id >= ? RETURNING chat_id",
                (EMAIL_ID_BASE, city, city, lang, tz, partnership_id, now, now, now, EMAIL_ID_BASE),
            )
            row = await cursor.fetchone()
            await cursor.close()
        group = await self.repo.group(row[0])
        assert group is not None
        return group

    async def city(self, partnership_id: int, name: str) -> Group | None:
        row = await self.repo._one(
            "SELECT chat_id FROM groups WHERE partnership_id = ? AND channel = 'email' AND city = ? COLLATE NOCASE",
            (partnership_id, name),
        )
        return await self.repo.group(row[0]) if row else None

    async def add_address(
        self, chat_id: int, address: str, name: str, token: str, invited_by: int | None
    ) -> EmailAddress:
        """The address, invited, and its officer as a user seen in the e-mail city."""
        now = self.repo.now_iso()
        async with self.repo._tx() as db:
            cursor = await db.execute(
                "INSERT INTO email_addresses (chat_id, address, name, token, invited_by, created_at, updated_at)"
                f" VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING {_ADDRESS_COLUMNS}",
                (chat_id, address, name, token, invited_by, now, now),
            )
            added = EmailAddress(*await cursor.fetchone())
            await cursor.close()
            await db.execute(
                "INSERT INTO users (id, first_name, last_seen_at) VALUES (?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET first_name = excluded.first_name",
                (added.user_id, name or address, now),
            )
            await db.execute(
                "INSERT INTO group_members (chat_id, user_id, last_seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                (chat_id, added.user_id, now),
            )
        return added

    async def address(self, address: str) -> EmailAddress | None:
        row = await self.repo._one(f"SELECT {_ADDRESS_COLUMNS} FROM email_addresses WHERE address = ?", (address,))
        return EmailAddress(*row) if row else None

    async def address_by_id(self, address_id: int) -> EmailAddress | None:
        row = await self.repo._one(f"SELECT {_ADDRESS_COLUMNS} FROM email_addresses WHERE id = ?", (address_id,))
        return EmailAddress(*row) if row else None

    async def address_by_token(self, token: str) -> EmailAddress | None:
        row = await self.repo._one(f"SELECT {_ADDRESS_COLUMNS} FROM email_addresses WHERE token = ?", (token,))
        return EmailAddress(*row) if row else None

    async def addresses(self, chat_id: int) -> list[EmailAddress]:
        """The addresses of one e-mail city, in the order they were added."""
        rows = await self.repo._all(
            f"SELECT {_ADDRESS_COLUMNS} FROM email_addresses WHERE chat_id = ? ORDER BY id", (chat_id,)
        )
        return [EmailAddress(*row) for row in rows]

    async def set_state(self, address_id: int, state: str) -> None:
        async with self.repo._tx() as db:
            await db.execute(
                "UPDATE email_addresses SET state = ?, updated_at = ? WHERE id = ?",
                (state, self.repo.now_iso(), address_id),
            )

    async def set_mode(self, address_id: int, mode: str, minutes: int) -> None:
        async with self.repo._tx() as db:
            await db.execute(
                "UPDATE email_addresses SET mode = ?, digest_minutes = ?, updated_at = ? WHERE id = ?",
                (mode, minutes, self.repo.now_iso(), address_id),
            )

    async def remove_address(self, address_id: int) -> None:
        """Forget the address; its mails not yet sent go with it."""
        async with self.repo._tx() as db:
            await db.execute("DELETE FROM email_addresses WHERE id = ?", (address_id,))

    async def count_bounce(self, address_id: int, limit: int) -> bool:
        """One more bounce; True when this one made the address 'bouncing' (so partners are told once)."""
        async with self.repo._tx() as db:
            cursor = await db.execute(
                "UPDATE email_addresses SET bounces = bounces + 1, updated_at = ?,"
                " state = CASE WHEN bounces + 1 >= ? AND state = 'active' THEN 'bouncing' ELSE state END"
                " WHERE id = ? RETURNING state, bounces",
                (self.repo.now_iso(), limit, address_id),
            )
            row = await cursor.fetchone()
            await cursor.close()
        return row is not None and row[0] == "bouncing" and row[1] == limit

    # --- mails read ---------------------------------------------------------------------------

    async def claim_inbound(
        self, message_id: str, uidvalidity: int, uid: int, address: str | None, kind: str, raw: bytes
    ) -> Inbound:
        """Record a mail read (kept whole), or find it when its Message-ID was read before."""
        async with self.repo._tx() as db:
            await db.execute(
                "INSERT INTO email_inbound (message_id, uidvalidity, uid, address, kind, raw, received_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING",
                (message_id, uidvalidity, uid, address, kind, raw, self.repo.now_iso()),
            )
        row = await self.repo._one("SELECT id, outcome FROM email_inbound WHERE message_id = ?", (message_id,))
        assert row is not None
        return Inbound(row[0], row[1])

    async def finish_inbound(self, inbound_id: int, outcome: str, uidvalidity: int, uid: int) -> None:
        """The mail is handled, and the reader carries on after its UID: one transaction."""
        async with self.repo._tx() as db:
            await db.execute(
                "UPDATE email_inbound SET outcome = ?, handled_at = ? WHERE id = ?",
                (outcome, self.repo.now_iso(), inbound_id),
            )
            await self._seen(db, uidvalidity, uid)

    async def last_uid(self, uidvalidity: int) -> int | None:
        row = await self.repo._one("SELECT last_uid FROM email_uids WHERE uidvalidity = ?", (uidvalidity,))
        if row is not None:
            return row[0]
        # A recreated mailbox (new UIDVALIDITY) is read from its start once the bot has read mail before:
        # mails handled already are recognised by their Message-ID.
        return 0 if await self.repo._one("SELECT 1 FROM email_uids LIMIT 1") else None

    async def seen(self, uidvalidity: int, uid: int) -> None:
        async with self.repo._tx() as db:
            await self._seen(db, uidvalidity, uid)

    @staticmethod
    async def _seen(db, uidvalidity: int, uid: int) -> None:
        await db.execute(
            "INSERT INTO email_uids VALUES (?, ?) ON CONFLICT (uidvalidity)"
            " DO UPDATE SET last_uid = MAX(last_uid, excluded.last_uid)",
            (uidvalidity, uid),
        )

    # --- mails to send ------------------------------------------------------------------------

    async def queue_mails(self, rows: list[tuple[int, str, dict]]) -> None:
        """(address id, kind, payload) rows, in one transaction."""
        now = self.repo.now_iso()
        async with self.repo._tx() as db:
            await db.executemany(
                "INSERT INTO email_outbox (address_id, kind, payload, created_at) VALUES (?, ?, ?, ?)",
                [
                    (address_id, kind, json.dumps(payload, ensure_ascii=False), now)
                    for address_id, kind, payload in rows
                ],
            )

    async def pending_addresses(self) -> list[int]:
        rows = await self.repo._all("SELECT DISTINCT address_id FROM email_outbox WHERE state = 'pending'")
        return [row[0] for row in rows]

    async def pending_mails(self, address_id: int) -> list[OutMail]:
        rows = await self.repo._all(
            "SELECT id, address_id, kind, payload, attempts, created_at FROM email_outbox"
            " WHERE address_id = ? AND state = 'pending' ORDER BY id",
            (address_id,),
        )
        return [OutMail(r[0], r[1], r[2], json.loads(r[3]), r[4], _when(r[5])) for r in rows]

    async def last_sent(self, address_id: int, kind: str) -> datetime | None:
        row = await self.repo._one(
            "SELECT MAX(sent_at) FROM email_outbox WHERE address_id = ? AND kind = ? AND state = 'sent'",
            (address_id, kind),
        )
        return _when(row[0]) if row else None

    async def mails_sent(self, ids: list[int]) -> None:
        async with self.repo._tx() as db:
            await db.executemany(
                "UPDATE email_outbox SET state = 'sent', sent_at = ? WHERE id = ?",
                [(self.repo.now_iso(), mail_id) for mail_id in ids],
            )

    async def mails_failed(self, ids: list[int], error: str, final: bool) -> None:
        """A try that failed: counted, and the rows dropped only when `final` (the mail was refused)."""
        async with self.repo._tx() as db:
            await db.executemany(
                "UPDATE email_outbox SET attempts = attempts + 1, last_error = ?,"
                " state = CASE WHEN ? THEN 'failed' ELSE state END WHERE id = ?",
                [(error[:500], final, mail_id) for mail_id in ids],
            )

    async def partnership_addresses(self, partnership_id: int) -> list[tuple[Group, EmailAddress]]:
        """Every address of every e-mail city of a partnership (for /email)."""
        rows = await self.repo._all(
            f"SELECT a.{_ADDRESS_COLUMNS.replace(', ', ', a.')} FROM email_addresses a JOIN groups g"
            " ON g.chat_id = a.chat_id WHERE g.partnership_id = ? ORDER BY g.city COLLATE NOCASE, a.id",
            (partnership_id,),
        )
        result = []
        for row in rows:
            address = EmailAddress(*row)
            group = await self.repo.group(address.chat_id)
            if group is not None:
                result.append((group, address))
        return result
