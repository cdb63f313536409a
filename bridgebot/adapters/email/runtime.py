"""The e-mail channel of a running bot: the rules (`services.email`), the mail dispatcher and the one
IMAP reader, built from `Settings.email` and started by `app.serve` when e-mail is configured."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bridgebot.adapters.email.channel import EmailChannel
from bridgebot.adapters.email.compose import MailIdentity, new_token
from bridgebot.adapters.email.dispatch import MailDispatcher
from bridgebot.adapters.email.imap import ImapReader
from bridgebot.adapters.email.parse import parse_mail
from bridgebot.adapters.email.smtp import SmtpSender
from bridgebot.config import EmailSettings
from bridgebot.i18n import Catalogs
from bridgebot.services.commitments import Commitments
from bridgebot.services.email import Announce, EmailPartners, MailRead
from bridgebot.services.relay import Relay
from bridgebot.store.email import EmailStore
from bridgebot.store.repository import Repository


def mail_read(raw: bytes, bot_address: str, uidvalidity: int, uid: int) -> MailRead:
    """What the rules need of a raw mail; one without a Message-ID is known by its place in the mailbox."""
    mail = parse_mail(raw, bot_address)
    message_id = mail.message_id or f"<uid.{uidvalidity}.{uid}@{bot_address.rpartition('@')[2]}>"
    return MailRead(
        message_id,
        str(mail.kind),
        mail.from_address,
        mail.from_name,
        mail.token,
        mail.subject,
        mail.reply_text,
        tuple(mail.bounced_recipients),
    )


class EmailRuntime:
    def __init__(
        self,
        settings: EmailSettings,
        repo: Repository,
        catalogs: Catalogs,
        relay: Relay,
        commitments: Commitments,
        announce: Announce,
    ) -> None:
        self.store = EmailStore(repo)
        self.identity = MailIdentity(settings.address, "bridgebot")
        self.partners = EmailPartners(repo, self.store, catalogs, relay, commitments, new_token, announce, self._queue)
        self.dispatcher = MailDispatcher(
            repo,
            self.store,
            catalogs,
            self.identity,
            SmtpSender(settings.smtp),
            self.partners.refused_address,
            quiet=timedelta(seconds=settings.pace.digest_quiet),
            minute=timedelta(seconds=settings.pace.digest_minute),
            backoff=settings.pace.smtp_backoff,
            tick=settings.pace.dispatch_tick,
        )
        self.reader = ImapReader(
            settings.imap,
            self.store,
            self._on_mail,
            poll_interval=settings.pace.imap_poll,
            backoff=settings.pace.imap_backoff,
        )
        self.channel = EmailChannel(repo, self.store, catalogs, self.dispatcher.wake)
        self._tasks: list[asyncio.Task[None]] = []
        self._stop = asyncio.Event()

    async def _on_mail(self, uidvalidity: int, uid: int, raw: bytes) -> None:
        await self.partners.on_mail(uidvalidity, uid, mail_read(raw, self.identity.address, uidvalidity, uid), raw)

    async def _queue(self, rows: list[tuple[int, str, dict]]) -> None:
        await self.store.queue_mails(rows)
        self.dispatcher.wake()

    def start(self) -> None:
        self._tasks = [
            asyncio.create_task(self.dispatcher.run(self._stop), name="email-dispatch"),
            asyncio.create_task(self.reader.run(), name="imap-reader"),
        ]

    async def stop(self) -> None:
        self._stop.set()
        await self.reader.stop()
        await asyncio.gather(*self._tasks, return_exceptions=True)
