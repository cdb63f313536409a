"""Reading the bot's mailbox over IMAP: every new mail handed over once, in UID order, never deleted.

The product runs exactly one `ImapReader` (one process, even when several serve the bot: e.g. the one
holding a lease) as a background task:

    reader = ImapReader(settings.email.imap, store, on_mail)
    task = asyncio.create_task(reader.run())
    ...
    await reader.stop()   # at shutdown: leaves IDLE, logs out, `run()` returns

- `store.last_uid(uidvalidity)` says where to carry on in that mailbox generation: the highest UID
  already handled, 0 to read every mail in it, None for "never read this mailbox", which starts after
  the mails already there (a bot's first start does not replay an old mailbox). A new UIDVALIDITY
  (the mailbox was recreated) has no last UID: the product answers 0 or None, and recognises mails it
  already processed by Message-ID.
- `on_mail(uidvalidity, uid, raw)` gets each new mail (RFC 5322 bytes). Only when it returns does
  the reader call `store.seen(uidvalidity, uid)` and go on; the product should record the UID in the
  transaction that relays the mail, so that a crash in between re-reads the mail and recognises it.
  If `on_mail` raises, the reader waits (backoff) and hands the same mail again: it must not raise
  for a mail it merely dislikes (`parse.parse_mail` never raises).
- New mail is noticed with IDLE when the server offers it, else by polling every `poll_interval`
  seconds. A lost connection or a server restart is retried with growing pauses (`BACKOFF`).
- Mail is fetched with BODY.PEEK[]: it stays unread and in place for a human looking at the mailbox.

The client is `imap-tools` (Apache-2.0) over the stdlib's blocking `imaplib`: every IMAP exchange runs
in a worker thread (`asyncio.to_thread`), one at a time, so the event loop never blocks. `imaps://` is
implicit TLS (port 993, what providers offer); `imap://` is a plain connection, meant for a server on the
same host or a test server.
"""

from __future__ import annotations

import asyncio
import contextlib
import imaplib
import logging
import re
import select
import ssl
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Protocol

from imap_tools import MailBox, MailBoxUnencrypted
from imap_tools.errors import ImapToolsError
from imap_tools.mailbox import BaseMailBox

from bridgebot.config import MailServer

log = logging.getLogger(__name__)

BACKOFF = (1.0, 2.0, 5.0, 10.0, 30.0, 60.0)
# Servers drop an IDLE after 30 minutes (RFC 2177): it is renewed before that.
IDLE_RENEW = 25 * 60.0
POLL_INTERVAL = 60.0
TIMEOUT = 30.0
# How often a worker thread waiting in IDLE looks whether the reader is being stopped.
STOP_CHECK = 0.5
_FETCH_UID = re.compile(rb"\bUID (\d+)\b")

OnMail = Callable[[int, int, bytes], Awaitable[None]]
EXPECTED = (imaplib.IMAP4.error, ImapToolsError, OSError, TimeoutError)


class UidStore(Protocol):
    async def last_uid(self, uidvalidity: int) -> int | None: ...

    async def seen(self, uidvalidity: int, uid: int) -> None: ...


class ImapError(Exception):
    """The server refused something the reader needs (login, the mailbox): retried with backoff."""


class ImapReader:
    def __init__(
        self,
        server: MailServer,
        store: UidStore,
        on_mail: OnMail,
        *,
        poll_interval: float = POLL_INTERVAL,
        idle_renew: float = IDLE_RENEW,
        backoff: tuple[float, ...] = BACKOFF,
        timeout: float = TIMEOUT,
        tls_context: ssl.SSLContext | None = None,
    ) -> None:
        self._server = server
        self._store = store
        self._on_mail = on_mail
        self._poll_interval = poll_interval
        self._idle_renew = idle_renew
        self._backoff = backoff
        self._timeout = timeout
        self._tls_context = tls_context
        self._stopping = asyncio.Event()
        # The same signal for the worker thread that waits in IDLE.
        self._halt = threading.Event()
        # Set while logged in and reading; `mode` says how news is noticed ("idle" or "poll"), for logs.
        self.connected = asyncio.Event()
        self.mode: str | None = None

    async def run(self) -> None:
        """Read until `stop()`: connect, catch up, wait for news, repeat; reconnect after failures."""
        failures = 0
        while not self._stopping.is_set():
            try:
                await self._session()
                failures = 0
            except Exception as exc:
                # Network and server trouble, or the product's on_mail failing: the same mail comes again.
                if self.connected.is_set():
                    failures = 0  # it had worked: start the pauses over
                pause = self._backoff[min(failures, len(self._backoff) - 1)]
                failures += 1
                expected = isinstance(exc, (*EXPECTED, ImapError))
                log.warning("imap: %s; reconnecting in %.0fs", exc or type(exc).__name__, pause, exc_info=not expected)
                await self._sleep(pause)
            finally:
                self.connected.clear()

    async def stop(self) -> None:
        """Ask `run()` to finish: it leaves IDLE or its pause at once and logs out."""
        self._stopping.set()
        self._halt.set()

    async def _session(self) -> None:
        mailbox = await asyncio.to_thread(self._connect)
        try:
            uidvalidity, uidnext = await asyncio.to_thread(self._select, mailbox)
            self.connected.set()
            idle = "IDLE" in mailbox.client.capabilities
            self.mode = "idle" if idle else "poll"
            log.info("imap: reading %s on %s (%s)", self._server.mailbox, self._server.host, self.mode)
            while not self._stopping.is_set():
                await self._catch_up(mailbox, uidvalidity, uidnext)
                if idle:
                    await asyncio.to_thread(self._idle, mailbox)
                else:
                    await self._sleep(self._poll_interval)
                    await asyncio.to_thread(_checked, mailbox.client.noop())
        finally:
            await asyncio.to_thread(_close, mailbox)

    def _connect(self) -> BaseMailBox:
        server = self._server
        mailbox: BaseMailBox
        if server.tls:
            context = self._tls_context or ssl.create_default_context()
            mailbox = MailBox(server.host, server.port, timeout=self._timeout, ssl_context=context)
        else:
            mailbox = MailBoxUnencrypted(server.host, server.port, timeout=self._timeout)
        try:
            # imaplib quotes user name and password at LOGIN.
            mailbox.login(server.username, server.password, initial_folder=None)
        except ImapToolsError as exc:
            _close(mailbox)
            raise ImapError(f"login to {server.host} refused: {exc}") from None
        except BaseException:
            _close(mailbox)
            raise
        return mailbox

    def _select(self, mailbox: BaseMailBox) -> tuple[int, int]:
        client = mailbox.client
        typ, data = client.select(_quoted(self._server.mailbox))
        if typ != "OK":
            raise ImapError(f"cannot open mailbox {self._server.mailbox!r}: {_text(data)}")
        validity = client.untagged_responses.get("UIDVALIDITY")
        if not validity:
            raise ImapError("the server gave no UIDVALIDITY")
        uidnext = client.untagged_responses.get("UIDNEXT")
        return int(validity[-1]), int(uidnext[-1]) if uidnext else 0

    async def _catch_up(self, mailbox: BaseMailBox, uidvalidity: int, uidnext: int) -> None:
        last = await self._store.last_uid(uidvalidity)
        if last is None:
            # Never read this mailbox: mails already there are history, not news.
            last = max(uidnext - 1, 0)
            await self._store.seen(uidvalidity, last)
        for uid in await asyncio.to_thread(_uids_after, mailbox, last):
            if self._stopping.is_set():
                return
            raw = await asyncio.to_thread(_fetch, mailbox, uid)
            if raw is None:
                continue
            await self._on_mail(uidvalidity, uid, raw)
            await self._store.seen(uidvalidity, uid)

    def _idle(self, mailbox: BaseMailBox) -> None:
        """In a worker thread: IDLE until the server reports news, the renewal is due or the reader stops."""
        client = mailbox.client
        mailbox.idle.start()
        deadline = time.monotonic() + self._idle_renew
        while not self._halt.is_set() and time.monotonic() < deadline:
            if select.select([client.sock], [], [], STOP_CHECK)[0]:
                # An untagged response (EXISTS, EXPUNGE...); at end of stream imaplib raises `abort`.
                client._get_line()  # imap-tools reads IDLE responses with it too
                break
        mailbox.idle.stop()

    async def _sleep(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), seconds)


def _uids_after(mailbox: BaseMailBox, last: int) -> list[int]:
    found = _checked(mailbox.client.uid("SEARCH", "UID", f"{last + 1}:*"))
    words = b" ".join(item for item in found if isinstance(item, bytes)).split()
    # "n:*" always matches the newest mail, even when its UID is below n.
    return sorted(uid for uid in (int(word) for word in words if word.isdigit()) if uid > last)


def _fetch(mailbox: BaseMailBox, uid: int) -> bytes | None:
    for item in _checked(mailbox.client.uid("FETCH", str(uid), "(UID BODY.PEEK[])")):
        if isinstance(item, tuple) and (match := _FETCH_UID.search(item[0])) and int(match.group(1)) == uid:
            return bytes(item[1])
    return None  # expunged in the meantime


def _checked(response: tuple[str, list[object]]) -> list[object]:
    typ, data = response
    if typ != "OK":
        raise ImapError(f"server answered {typ}: {_text(data)}")
    return data


def _close(mailbox: BaseMailBox) -> None:
    client = getattr(mailbox, "client", None)
    if client is None:
        return
    with contextlib.suppress(Exception):
        if client.state in ("AUTH", "SELECTED"):
            client.sock.settimeout(5)
            client.logout()
    with contextlib.suppress(Exception):
        client.shutdown()


def _quoted(name: str) -> str:
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _text(data: list[object]) -> str:
    return " ".join(item.decode(errors="replace") for item in data if isinstance(item, bytes))
