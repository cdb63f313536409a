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

aioimaplib has no STARTTLS: `imaps://` (implicit TLS, port 993) is what providers offer; `imap://` is
a plain connection, meant for a server on the same host or a test server.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import ssl
from collections.abc import Awaitable, Callable
from typing import Protocol, TypeVar

import aioimaplib

from bridgebot.config import MailServer

log = logging.getLogger(__name__)

BACKOFF = (1.0, 2.0, 5.0, 10.0, 30.0, 60.0)
# Servers drop an IDLE after 30 minutes (RFC 2177): it is renewed before that.
IDLE_RENEW = 25 * 60.0
POLL_INTERVAL = 60.0
TIMEOUT = 30.0
_UIDVALIDITY = re.compile(rb"\[UIDVALIDITY (\d+)\]")
_UIDNEXT = re.compile(rb"\[UIDNEXT (\d+)\]")
_FETCH_UID = re.compile(rb"\bUID (\d+)\b")

T = TypeVar("T")
OnMail = Callable[[int, int, bytes], Awaitable[None]]


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
        self._lost = asyncio.Event()
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
                expected = isinstance(exc, aioimaplib.AioImapException | ImapError | OSError | TimeoutError)
                log.warning("imap: %s; reconnecting in %.0fs", exc or type(exc).__name__, pause, exc_info=not expected)
                await self._sleep(pause)
            finally:
                self.connected.clear()

    async def stop(self) -> None:
        """Ask `run()` to finish: it leaves IDLE or its pause at once and logs out."""
        self._stopping.set()

    async def _session(self) -> None:
        client = await self._connect()
        try:
            uidvalidity, uidnext = await self._select(client)
            self.connected.set()
            idle = client.has_capability("IDLE")
            self.mode = "idle" if idle else "poll"
            log.info("imap: reading %s on %s (%s)", self._server.mailbox, self._server.host, self.mode)
            while not self._stopping.is_set() and not self._lost.is_set():
                await self._catch_up(client, uidvalidity, uidnext)
                if idle:
                    await self._idle(client)
                else:
                    await self._sleep(self._poll_interval)
                    await self._checked(client.noop())
            if self._lost.is_set():
                raise ImapError("connection lost")
        finally:
            await self._close(client)

    async def _connect(self) -> aioimaplib.IMAP4:
        # One event per connection: the callback of a closed connection must not mark the next one lost.
        lost = self._lost = asyncio.Event()
        server = self._server
        context = (self._tls_context or ssl.create_default_context()) if server.tls else None
        client = aioimaplib.IMAP4(
            host=server.host,
            port=server.port,
            timeout=self._timeout,
            conn_lost_cb=lambda exc: lost.set(),
            ssl_context=context,
        )
        try:
            await client.wait_hello_from_server()
            # aioimaplib quotes the password but sends the user name as it is.
            response = await client.login(aioimaplib.quoted(server.username), server.password)
        except BaseException:
            await self._close(client)
            raise
        if response.result != "OK":
            await self._close(client)
            raise ImapError(f"login to {server.host} refused: {_text(response)}")
        return client

    async def _select(self, client: aioimaplib.IMAP4) -> tuple[int, int]:
        response = await client.select(self._server.mailbox)
        if response.result != "OK":
            raise ImapError(f"cannot open mailbox {self._server.mailbox!r}: {_text(response)}")
        lines = b"\n".join(line for line in response.lines if isinstance(line, bytes))
        validity = _UIDVALIDITY.search(lines)
        if validity is None:
            raise ImapError("the server gave no UIDVALIDITY")
        uidnext = _UIDNEXT.search(lines)
        return int(validity.group(1)), int(uidnext.group(1)) if uidnext else 0

    async def _catch_up(self, client: aioimaplib.IMAP4, uidvalidity: int, uidnext: int) -> None:
        last = await self._store.last_uid(uidvalidity)
        if last is None:
            # Never read this mailbox: mails already there are history, not news.
            last = max(uidnext - 1, 0)
            await self._store.seen(uidvalidity, last)
        for uid in await self._uids_after(client, last):
            if self._stopping.is_set():
                return
            raw = await self._fetch(client, uid)
            if raw is None:
                continue
            await self._on_mail(uidvalidity, uid, raw)
            await self._store.seen(uidvalidity, uid)

    async def _uids_after(self, client: aioimaplib.IMAP4, last: int) -> list[int]:
        response = await self._checked(client.uid_search("UID", f"{last + 1}:*", charset=None))
        found = response.lines[0] if response.lines and isinstance(response.lines[0], bytes) else b""
        # "n:*" always matches the newest mail, even when its UID is below n.
        return sorted(uid for uid in (int(word) for word in found.split() if word.isdigit()) if uid > last)

    async def _fetch(self, client: aioimaplib.IMAP4, uid: int) -> bytes | None:
        response = await self._checked(client.uid("fetch", str(uid), "(UID BODY.PEEK[])"))
        lines = response.lines
        for index, line in enumerate(lines[:-1]):
            if isinstance(line, bytes) and b"FETCH" in line and (match := _FETCH_UID.search(line)):
                data = lines[index + 1]
                if int(match.group(1)) == uid and isinstance(data, bytearray | bytes):
                    return bytes(data)
        return None  # expunged in the meantime

    async def _idle(self, client: aioimaplib.IMAP4) -> None:
        idle = await self._unless_lost(client.idle_start(timeout=self._idle_renew))
        push = asyncio.ensure_future(client.wait_server_push(timeout=self._idle_renew + 60))
        stop = asyncio.ensure_future(self._stopping.wait())
        lost = asyncio.ensure_future(self._lost.wait())
        try:
            await asyncio.wait({push, stop, lost}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (push, stop, lost):
                task.cancel()
        if self._lost.is_set():
            return
        client.idle_done()
        await asyncio.wait_for(idle, self._timeout)

    async def _unless_lost(self, command: Awaitable[T]) -> T:
        """`command`'s result, or ImapError once the connection is gone (aioimaplib would wait on)."""
        work = asyncio.ensure_future(command)
        lost = asyncio.ensure_future(self._lost.wait())
        try:
            await asyncio.wait({work, lost}, timeout=self._timeout, return_when=asyncio.FIRST_COMPLETED)
        finally:
            lost.cancel()
        if not work.done():
            work.cancel()
            raise ImapError("connection lost" if self._lost.is_set() else "the server did not answer in time")
        return work.result()

    async def _checked(self, command: Awaitable[aioimaplib.Response]) -> aioimaplib.Response:
        response = await self._unless_lost(command)
        if response.result != "OK":
            raise ImapError(f"server answered {response.result}: {_text(response)}")
        return response

    async def _sleep(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), seconds)

    async def _close(self, client: aioimaplib.IMAP4) -> None:
        with contextlib.suppress(Exception):
            if not self._lost.is_set() and client.get_state() in ("AUTH", "SELECTED"):
                await asyncio.wait_for(client.logout(), 5)
        with contextlib.suppress(Exception):
            if client.protocol.transport is not None:
                client.protocol.transport.close()


def _text(response: aioimaplib.Response) -> str:
    return " ".join(line.decode(errors="replace") for line in response.lines if isinstance(line, bytes))
