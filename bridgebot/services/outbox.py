"""Delivering the outbox: one worker per target group, rows in order, nothing dropped or doubled.

A row is marked done in the same transaction that records the copies' message ids. A crash between
the send and that transaction can repeat exactly that one send (Telegram has no idempotent send);
every other row is delivered once. Flood control (`RetryLater`) pauses only the group it concerns.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Protocol

from bridgebot import metrics
from bridgebot.domain import Group, OutboxRow
from bridgebot.i18n import Catalogs
from bridgebot.services.relay import Relay, Rendered
from bridgebot.store.repository import Repository

log = logging.getLogger(__name__)

BACKOFF = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0, 60.0)
# A row that keeps failing inside bridgebot itself (not at Telegram) must not block its group forever.
MAX_INTERNAL_FAILURES = 5
# Tries of a row whose requests may have been carried out (timed out, server error): each retry may
# post the copy again, so after this many the row is dropped, loudly.
MAX_UNCERTAIN = 3
# While the token is refused, each worker tries its row again this often (nothing is consumed).
UNAUTHORIZED_RETRY = 60.0


class DeliveryError(Exception):
    """Raised by a channel adapter; the subclass tells the outbox what to do next."""


class RetryLater(DeliveryError):
    def __init__(self, seconds: float) -> None:
        super().__init__(f"flood control: retry after {seconds}s")
        self.seconds = seconds


class Transient(DeliveryError):
    """Network trouble or a server error: try again with backoff."""


class Uncertain(Transient):
    """The request may have been carried out (it timed out, or the server failed after taking it):
    tried again, but at most MAX_UNCERTAIN times, since every retry may post the copy again."""


class AlreadyDone(DeliveryError):
    """Telegram carried the request out but its result is gone ("sent message was immediately
    deleted"): the row is done; sending again would only repeat it."""


class Unauthorized(DeliveryError):
    """The bot's token was refused (revoked, logged out): nothing can be delivered until an operator
    gives it a working one. Rows stay pending; nothing is dropped."""


class Permanent(DeliveryError):
    """The group cannot receive anything (bot removed, chat gone): stop relaying there."""


class Rejected(DeliveryError):
    """Telegram refused this one request (bad entities, message gone): drop the row, keep the group."""


class Refused(Rejected):
    """The group does not allow this kind of message (stickers, photos...): this copy is dropped, the
    group keeps receiving everything else, and its partners are told once per kind."""


class ChatMoved(DeliveryError):
    def __init__(self, new_chat_id: int) -> None:
        super().__init__(f"chat moved to {new_chat_id}")
        self.new_chat_id = new_chat_id


class Channel(Protocol):
    async def send(self, chat_id: int, rendered: Rendered) -> list[int]: ...

    async def edit(self, chat_id: int, message_ids: list[int], rendered: Rendered) -> list[int]: ...

    async def delete(self, chat_id: int, message_ids: list[int]) -> None: ...

    async def notify(self, chat_id: int, text: str) -> None: ...


class Outbox:
    def __init__(
        self,
        repo: Repository,
        relay: Relay,
        channel: Channel,
        catalogs: Catalogs,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.repo = repo
        self.relay = relay
        self.channel = channel
        self.catalogs = catalogs
        self.sleep = sleep
        self._workers: dict[int, asyncio.Task[None]] = {}
        self._again: set[int] = set()
        self._stopping = False
        self.unauthorized: str | None = None  # why Telegram refuses the token, while it does
        # Told when delivery halts for a refused token (the reason) and when it works again (None).
        self.on_unauthorized: Callable[[str | None], None] = lambda reason: None

    async def start(self) -> None:
        """Resume whatever was pending when the process stopped or crashed."""
        for chat_id in await self.repo.pending_chats():
            self.wake(chat_id)

    def wake(self, chat_id: int) -> None:
        if self._stopping:
            return
        worker = self._workers.get(chat_id)
        if worker is not None and not worker.done():
            self._again.add(chat_id)
            return
        self._workers[chat_id] = asyncio.create_task(self._run(chat_id), name=f"outbox-{chat_id}")

    async def stop(self) -> None:
        self._stopping = True
        for worker in self._workers.values():
            worker.cancel()
        await asyncio.gather(*self._workers.values(), return_exceptions=True)
        self._workers.clear()

    async def idle(self) -> None:
        """Wait until every queued row has been handled (used by the demo and the benchmarks)."""
        while any(not w.done() for w in self._workers.values()):
            await asyncio.gather(*self._workers.values(), return_exceptions=True)

    async def _run(self, chat_id: int) -> None:
        while True:
            self._again.discard(chat_id)
            row = await self.repo.next_pending(chat_id)
            if row is None:
                if chat_id in self._again:
                    continue
                return
            try:
                await self._deliver(row)
            except asyncio.CancelledError:
                raise
            except ChatMoved as moved:
                await self.repo.migrate_chat(chat_id, moved.new_chat_id)
                self.wake(moved.new_chat_id)
                return
            except Exception:
                log.exception("outbox row %s for chat %s failed unexpectedly", row.id, chat_id)
                if row.attempts + 1 >= MAX_INTERNAL_FAILURES:
                    await self.repo.fail(row, "internal error")
                else:
                    await self.repo.note_attempt(row, "internal error")
                    await self.sleep(BACKOFF[min(row.attempts, len(BACKOFF) - 1)])

    async def _deliver(self, row: OutboxRow) -> None:
        uncertain = 0
        while True:
            try:
                await self._attempt(row)
                self._authorized()
                return
            except RetryLater as wait:
                log.info("flood control in chat %s: waiting %ss", row.target_chat_id, wait.seconds)
                await self.repo.note_attempt(row, str(wait))
                await self.sleep(wait.seconds)
            except Transient as exc:
                uncertain += isinstance(exc, Uncertain)
                if uncertain >= MAX_UNCERTAIN:
                    await self._drop(row, f"gave up after {uncertain} tries that may have been carried out: {exc}")
                    return
                await self.repo.note_attempt(row, str(exc))
                delay = BACKOFF[min(row.attempts, len(BACKOFF) - 1)]
                row = OutboxRow(row.id, row.source_id, row.target_chat_id, row.action, row.attempts + 1)
                log.warning("chat %s: %s; retrying in %ss", row.target_chat_id, exc, delay)
                await self.sleep(delay)
            except AlreadyDone as exc:
                log.info("chat %s: outbox row %s counts as done: %s", row.target_chat_id, row.id, exc)
                await self.repo.finish(row, None)
                return
            except Unauthorized as exc:
                self._unauthorized(str(exc))
                await self.sleep(UNAUTHORIZED_RETRY)
            except Permanent as exc:
                await self._give_up(row, str(exc))
                return
            except Rejected as exc:
                log.warning("chat %s refused outbox row %s: %s", row.target_chat_id, row.id, exc)
                await self.repo.fail(row, str(exc))
                if isinstance(exc, Refused):
                    await self._tell_refused(row)
                return

    async def _drop(self, row: OutboxRow, reason: str) -> None:
        log.error("chat %s: dropped outbox row %s: %s", row.target_chat_id, row.id, reason)
        metrics.copies_dropped.inc(reason="uncertain")
        await self.repo.fail(row, reason)

    def _unauthorized(self, reason: str) -> None:
        """Stop and say so once: every row stays pending until the token works again."""
        if self.unauthorized is None:
            log.critical("Telegram refuses the bot's token (%s): delivery stopped, nothing is dropped", reason)
            metrics.telegram_unauthorized.inc()
            self.unauthorized = reason
            self.on_unauthorized(reason)

    def _authorized(self) -> None:
        if self.unauthorized is not None:
            log.warning("Telegram accepts the bot's token again: delivery resumed")
            self.unauthorized = None
            self.on_unauthorized(None)

    async def _attempt(self, row: OutboxRow) -> None:
        source = await self.repo.source(row.source_id)
        target = await self.repo.group(row.target_chat_id)
        if source is None or target is None:
            await self.repo.fail(row, "source or target no longer exists")
            return
        if row.action == "delete":
            await self.channel.delete(row.target_chat_id, await self.repo.copy_ids(source.id, target.chat_id))
            await self.repo.finish(row, [])
            return
        if source.deleted and row.action == "send":
            await self.repo.finish(row, None)
            return
        rendered = await self.relay.render(source, target)
        if row.action == "send":
            ids = await self.channel.send(target.chat_id, rendered)
        else:
            existing = await self.repo.copy_ids(source.id, target.chat_id)
            ids = await self.channel.edit(target.chat_id, existing, rendered) if existing else None
        await self.repo.finish(row, ids)
        metrics.copies_delivered.inc(action=row.action)

    async def _give_up(self, row: OutboxRow, reason: str) -> None:
        """Stop relaying to a group that cannot receive, and tell its partners once."""
        already = await self.repo.relay_broken(row.target_chat_id)
        await self.repo.fail(row, reason)
        await self.repo.set_relay_broken(row.target_chat_id, reason)
        if already:
            return
        broken = await self.repo.group(row.target_chat_id)
        if broken is None or broken.partnership_id is None:
            return
        log.warning("stopped relaying to chat %s: %s", row.target_chat_id, reason)
        for partner in await self.repo.partnership_groups(broken.partnership_id):
            if partner.chat_id != broken.chat_id:
                await self._notify(partner, broken)

    async def _tell_refused(self, row: OutboxRow) -> None:
        """Tell the partners, once per kind of message, that this group does not allow it."""
        source = await self.repo.source(row.source_id)
        target = await self.repo.group(row.target_chat_id)
        if source is None or target is None or target.partnership_id is None:
            return
        key = f"refused-kind:{target.chat_id}:{source.kind}"
        if await self.repo.state(key) is not None:
            return
        await self.repo.set_state(key, "told")
        for partner in await self.repo.partnership_groups(target.partnership_id):
            if partner.chat_id != target.chat_id:
                text = self.catalogs.t(partner.lang, "relay-kind-refused", city=target.city, kind=source.kind)
                try:
                    await self.channel.notify(partner.chat_id, text)
                except DeliveryError as exc:
                    log.warning("could not tell chat %s what %s refuses: %s", partner.chat_id, target.city, exc)

    async def _notify(self, partner: Group, broken: Group) -> None:
        text = self.catalogs.t(partner.lang, "relay-group-unreachable", city=broken.city)
        try:
            await self.channel.notify(partner.chat_id, text)
        except DeliveryError as exc:
            log.warning("could not tell chat %s that %s is unreachable: %s", partner.chat_id, broken.city, exc)
