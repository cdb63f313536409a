"""Sending an e-mail city's mails: the e-mail outbox (`email_outbox`) to SMTP, one address at a time.

The delivery queue hands every row for an e-mail city to the e-mail channel (`channel.EmailChannel`),
which records one mail row per active address, already rendered in the city's language. This module
decides when those rows leave and as how many mails:

- a notice (invitation, commitment announcement, nudge, answer to a command) is one mail, at once;
- a relayed message is one mail at once in mode "each"; in mode "digest" the messages wait until the
  conversation has been quiet for `QUIET` (or the oldest has waited the address's N minutes) and no
  digest went out in the last N minutes, then all of them leave as one mail: a burst of 200 chat lines
  is one mail, not 200.

A row is marked sent only once the SMTP server has taken its mail. An outage, a 4xx or a crash leaves
it pending, retried with backoff, so nothing is dropped; only a crash between the server's "250" and
that mark can repeat the one mail in flight (as for Telegram). A refused mail (5xx about the mail) is
dropped alone; a refused address (5xx "user unknown") is marked bouncing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_date

from bridgebot.adapters.email.compose import Block, MailBody, MailIdentity, compose, thread_id
from bridgebot.adapters.email.smtp import SmtpSender
from bridgebot.domain import EmailAddress, Group
from bridgebot.i18n import Catalogs
from bridgebot.services.delivery import Permanent, Rejected, Transient, Unauthorized
from bridgebot.store.email import EmailStore, OutMail
from bridgebot.store.repository import Repository

log = logging.getLogger(__name__)

# A digest leaves after this much quiet in the conversation.
QUIET = timedelta(minutes=2)
BACKOFF = (5.0, 15.0, 30.0, 60.0, 120.0, 300.0)
# How often the dispatcher looks for due digests when nothing woke it.
TICK = 10.0


class MailDispatcher:
    def __init__(
        self,
        repo: Repository,
        store: EmailStore,
        catalogs: Catalogs,
        identity: MailIdentity,
        sender: SmtpSender,
        on_refused_address: Callable[[EmailAddress], Awaitable[None]],
        *,
        quiet: timedelta = QUIET,
        minute: timedelta = timedelta(minutes=1),
        backoff: tuple[float, ...] = BACKOFF,
        tick: float = TICK,
    ) -> None:
        self.repo = repo
        self.store = store
        self.catalogs = catalogs
        self.identity = identity
        self.sender = sender
        self.on_refused_address = on_refused_address
        self.quiet = quiet
        self.minute = minute  # tests shorten a digest's minutes, never the rule
        self.backoff = backoff
        self.tick = tick
        self._woken = asyncio.Event()
        # address id -> (failures in a row, no try before)
        self._retry: dict[int, tuple[int, datetime]] = {}

    def wake(self) -> None:
        self._woken.set()

    async def run(self, stop: asyncio.Event) -> None:
        """Send what is due until `stop`; a failing round is logged and tried again."""
        while not stop.is_set():
            self._woken.clear()
            try:
                for address_id in await self.store.pending_addresses():
                    await self._address(address_id)
            except Exception:
                log.exception("e-mail dispatch failed; trying again")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(_first(stop, self._woken), self.tick)
        await self.sender.close()

    async def _address(self, address_id: int) -> None:
        now = self.repo.clock()
        failures, not_before = self._retry.get(address_id, (0, now))
        if now < not_before:
            return
        address = await self.store.address_by_id(address_id)
        mails = await self.store.pending_mails(address_id)
        city = await self.repo.group(address.chat_id) if address else None
        if address is None or city is None or not mails:
            return
        for batch in await self._due(address, mails, now):
            try:
                await self.sender.send(
                    await self._compose(address, city, batch), self.identity.plus_address(address.token)
                )
            except (Transient, Unauthorized) as exc:
                await self.store.mails_failed([m.id for m in batch], str(exc), final=False)
                pause = self.backoff[min(failures, len(self.backoff) - 1)]
                self._retry[address_id] = (failures + 1, now + timedelta(seconds=pause))
                log.warning("mail to address %s delayed %.0fs: %s", address_id, pause, exc)
                return
            except Permanent as exc:
                await self.store.mails_failed([m.id for m in mails], str(exc), final=True)
                await self.on_refused_address(address)
                return
            except Rejected as exc:
                await self.store.mails_failed([m.id for m in batch], str(exc), final=True)
                continue
            await self.store.mails_sent([m.id for m in batch])
            self._retry.pop(address_id, None)

    async def _due(self, address: EmailAddress, mails: list[OutMail], now: datetime) -> list[list[OutMail]]:
        """The mails to send now, each a list of rows (one row, or a digest's messages), in order."""
        if address.state != "active":
            # Invited: the invitation only. Stopped or bouncing: nothing; what waited is dropped.
            invitations = [m for m in mails if m.payload.get("invitation")]
            dropped = [m.id for m in mails if m not in invitations and address.state != "invited"]
            if dropped:
                await self.store.mails_failed(dropped, f"address {address.state}", final=True)
            return [[m] for m in invitations]
        notices = [[m] for m in mails if m.kind == "notice"]
        messages = [m for m in mails if m.kind == "message"]
        if address.mode == "each":
            return notices + [[m] for m in messages]
        if messages and await self._digest_due(address, messages, now):
            return [*notices, messages]
        return notices

    async def _digest_due(self, address: EmailAddress, messages: list[OutMail], now: datetime) -> bool:
        every = self.minute * address.digest_minutes
        last = await self.store.last_sent(address.id, "message")
        if last is not None and now - last < every:
            return False
        quiet = now - messages[-1].created_at >= self.quiet
        return quiet or now - messages[0].created_at >= every

    async def _compose(self, address: EmailAddress, city: Group, batch: list[OutMail]):
        partnership = await self.repo.partnership(city.partnership_id) if city.partnership_id else None
        name = partnership.name if partnership else city.city
        now = self.repo.clock()
        ui = self.catalogs.ui_language(city.lang)
        today = now.astimezone(ZoneInfo(city.tz)).date()
        first = batch[0].payload
        invitation = bool(first.get("invitation"))
        if first.get("subject"):
            subject = first["subject"]
        elif batch[0].kind == "message":
            date = format_date(today, "medium", locale=ui)
            subject = self.catalogs.t(city.lang, "email-digest-subject", partnership=name, date=date)
        else:
            subject = f"{name}: {first.get('intro', '').splitlines()[0][:80] if first.get('intro') else ''}"
        blocks = [
            Block(m.payload["heading"], m.payload["text"], m.payload.get("original"))
            for m in batch
            if "heading" in m.payload
        ]
        body = MailBody(
            blocks,
            intro=first.get("intro", ""),
            footer="" if invitation else self.catalogs.t(city.lang, "email-footer"),
        )
        thread = (
            None if invitation else thread_id(f"{city.partnership_id}:{address.address}:{today}", self.identity.domain)
        )
        return compose(self.identity, address.address, subject, body, city.lang, address.token, thread)


async def _first(*events: asyncio.Event) -> None:
    waits = [asyncio.ensure_future(event.wait()) for event in events]
    try:
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for wait in waits:
            wait.cancel()
