"""The delivery queue: one durable queue per destination, one worker each, one retry policy.

Every message the bot sends to a group is a row of the `deliveries` table: relayed copies, edits and
deletions (rendered and translated when delivered, from the source message they name), announcements
and fired nudges (composed when queued; the queue knows nothing about commitments). Rows of one
destination go out in the order they were queued. `Outbox._deliver` is the one place that decides what
a failure means: wait (flood control), retry with backoff, drop this one row, stop the destination, or
follow it to its new id. The partnership boundary is checked when a row is delivered, not only when it
is queued.

Each part of a copy is recorded (its message id, the source revision it shows) the moment it is sent
or edited, and a retry carries on from the first part not done: a 429 on the second part of a long
copy does not post the first part again (composed rows record their parts' ids the same way). A crash
between a send and that record can repeat exactly that one part (Telegram has no idempotent send);
everything else is delivered once. Flood control (`RetryLater`) pauses only the group it concerns.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable, Collection, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from functools import partial
from typing import Any, Protocol

from bridgebot import metrics
from bridgebot.domain import DeliveryKind, DeliveryRow, Group, SourceMessage
from bridgebot.i18n import Catalogs
from bridgebot.richtext import RichText, span_from_dict, spans_to_json
from bridgebot.services.relay import Relay, Rendered
from bridgebot.services.texts import join_list
from bridgebot.store.repository import Repository

log = logging.getLogger(__name__)

# The one retry schedule, in seconds, for every kind of row.
BACKOFF = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0, 60.0)
# A row that keeps failing inside bridgebot itself (not at Telegram) must not block its group forever.
MAX_INTERNAL_FAILURES = 5
# Finished rows are kept a while for diagnosis (failed ones longer), then pruned, on start and hourly.
KEEP_DONE = timedelta(days=7)
KEEP_FAILED = timedelta(days=30)
PRUNE_EVERY = 3600.0
# Tries of a row whose requests may have been carried out (timed out, server error): each retry may
# post the copy again, so after this many the row is dropped, loudly.
MAX_UNCERTAIN = 3
# While the token is refused, each worker tries its row again this often (nothing is consumed).
UNAUTHORIZED_RETRY = 60.0


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """The one retry policy of every delivery (tests shorten the waits, never the rules)."""

    backoff: tuple[float, ...] = BACKOFF
    max_uncertain: int = MAX_UNCERTAIN
    max_internal_failures: int = MAX_INTERNAL_FAILURES
    unauthorized_retry: float = UNAUTHORIZED_RETRY

    def delay(self, attempts: int) -> float:
        """The wait before the next try of a row that failed `attempts` times."""
        return self.backoff[min(attempts, len(self.backoff) - 1)]


class DeliveryError(Exception):
    """Raised by a channel adapter; the subclass tells the queue what to do next."""


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


# Called by a channel the moment one part of a copy exists (part index, message id) or is gone (None).
Record = Callable[[int, int | None], Awaitable[None]]


async def unrecorded(part: int, message_id: int | None) -> None:
    """The default `Record`: a caller with nothing to resume."""


class Channel(Protocol):
    async def send(
        self, chat_id: int, rendered: Rendered, sent: Sequence[int] = (), record: Record = unrecorded
    ) -> list[int]:
        """Send the parts not in `sent` (those of an earlier, interrupted try); all ids in order."""
        ...

    async def edit(
        self,
        chat_id: int,
        message_ids: Sequence[int],
        rendered: Rendered,
        fresh: Collection[int] = (),
        record: Record = unrecorded,
    ) -> list[int]:
        """Edit the parts whose index is not in `fresh`, send extra parts, delete surplus ones."""
        ...

    async def delete(self, chat_id: int, message_ids: list[int]) -> list[int]:
        """Delete what can be deleted; returns the ids that the channel refused to delete."""
        ...


def rendered_to_json(rendered: Rendered) -> str:
    """A composed message as stored in a queue row (announcements, nudges)."""
    return json.dumps(
        {
            "kind": rendered.kind,
            "text": rendered.text.text,
            "spans": json.loads(spans_to_json(rendered.text.spans)),
            "copy_from": rendered.copy_from,
            "reply_to": rendered.reply_to,
        },
        ensure_ascii=False,
    )


def rendered_from_json(payload: str) -> Rendered:
    data: dict[str, Any] = json.loads(payload)
    if "parts" in data:  # a notice queued before the one queue existed (migration 0008): plain text
        text = RichText("\n\n".join(part["text"] for part in data["parts"]))
    else:
        text = RichText(data["text"], tuple(span_from_dict(span) for span in data.get("spans", [])))
    copy_from = data.get("copy_from")
    return Rendered(data["kind"], text, tuple(copy_from) if copy_from else None, data.get("reply_to"))


def text_payload(text: str) -> str:
    """A plain announcement as a queue row's payload."""
    return rendered_to_json(Rendered("text", RichText(text)))


class Outbox:
    """The delivery queue and its workers: one per destination with pending rows."""

    def __init__(
        self,
        repo: Repository,
        relay: Relay,
        channel: Channel,
        catalogs: Catalogs,
        on_unauthorized: Callable[[str | None], None] = lambda reason: None,
        policy: RetryPolicy = RetryPolicy(),
    ) -> None:
        self.repo = repo
        self.policy = policy
        self.relay = relay
        self.channel = channel
        self.catalogs = catalogs
        self._pruner: asyncio.Task[None] | None = None
        self._workers: dict[int, asyncio.Task[None]] = {}
        self._again: set[int] = set()
        self._stopping = False
        self.unauthorized: str | None = None  # why the channel refuses the token, while it does
        # Told when delivery halts for a refused token (the reason) and when it works again (None).
        self.on_unauthorized = on_unauthorized

    async def start(self) -> None:
        """Resume whatever was pending when the process stopped or crashed; prune now and hourly."""
        await self.prune()
        self._pruner = asyncio.create_task(self._prune_hourly(), name="outbox-prune")
        for chat_id in await self.repo.pending_chats():
            self.wake(chat_id)

    async def announce(self, partnership_id: int, texts: dict[int, str]) -> None:
        """Queue the bot's own words (text per destination) behind whatever each destination already
        has queued; delivered only while the destination is still in `partnership_id`."""
        payloads = {chat_id: text_payload(text) for chat_id, text in texts.items()}
        await self.repo.enqueue_composed(DeliveryKind.ANNOUNCE, partnership_id, payloads)
        for chat_id in texts:
            self.wake(chat_id)

    async def prune(self) -> None:
        """Drop finished rows past their retention and translations no copy will show again."""
        now = self.repo.clock()
        rows, translations = await self.repo.prune(now - KEEP_DONE, now - KEEP_FAILED)
        if rows or translations:
            log.info("pruned %s finished delivery rows and %s old translations", rows, translations)

    async def _prune_hourly(self) -> None:
        while True:
            await asyncio.sleep(PRUNE_EVERY)
            try:
                await self.prune()
            except Exception:
                log.exception("pruning the delivery queue failed; trying again in an hour")

    def wake(self, chat_id: int) -> None:
        """Something was queued for `chat_id`: start its worker, or tell the running one to look again."""
        if self._stopping:
            return
        worker = self._workers.get(chat_id)
        if worker is not None and not worker.done():
            self._again.add(chat_id)
            return
        self._workers[chat_id] = asyncio.create_task(self._run(chat_id), name=f"outbox-{chat_id}")

    async def stop(self) -> None:
        self._stopping = True
        tasks = [*self._workers.values(), *([self._pruner] if self._pruner is not None else [])]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._workers.clear()

    async def idle(self) -> None:
        """Wait until every queued row has been handled (tests wait for this instead of sleeping)."""
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
                if row.kind is DeliveryKind.DELETE:
                    await self._report_unsend(row.source_id)
            except asyncio.CancelledError:
                raise
            except ChatMoved as moved:
                await self.repo.migrate_chat(chat_id, moved.new_chat_id)
                self.wake(moved.new_chat_id)
                return
            except Exception:
                log.exception("delivery row %s for chat %s failed unexpectedly", row.id, chat_id)
                if row.attempts + 1 >= self.policy.max_internal_failures:
                    await self.repo.fail(row, "internal error")
                    if row.kind is DeliveryKind.DELETE:
                        await self._report_unsend(row.source_id)
                else:
                    await self.repo.note_attempt(row, "internal error")
                    await asyncio.sleep(self.policy.delay(row.attempts))

    async def _deliver(self, row: DeliveryRow) -> None:
        """Try `row` until it is delivered or given up on. The one place that decides what a failure
        means, for every kind of row: wait, retry, drop this row, stop the destination, or follow it
        (`ChatMoved` goes up to `_run`, which moves the destination's rows)."""
        uncertain = 0
        while True:
            try:
                await self._attempt(row)
                self._authorized()
                return
            except RetryLater as wait:
                log.info("flood control in chat %s: waiting %ss", row.target_chat_id, wait.seconds)
                await self.repo.note_attempt(row, str(wait))
                await asyncio.sleep(wait.seconds)
            except Transient as exc:
                uncertain += isinstance(exc, Uncertain)
                if uncertain >= self.policy.max_uncertain:
                    await self._drop(row, f"gave up after {uncertain} tries that may have been carried out: {exc}")
                    return
                await self.repo.note_attempt(row, str(exc))
                delay = self.policy.delay(row.attempts)
                row = replace(row, attempts=row.attempts + 1)
                log.warning("chat %s: %s; retrying in %ss", row.target_chat_id, exc, delay)
                await asyncio.sleep(delay)
            except AlreadyDone as exc:
                log.info("chat %s: delivery row %s counts as done: %s", row.target_chat_id, row.id, exc)
                await self.repo.finish(row)
                return
            except Unauthorized as exc:
                self._unauthorized(str(exc))
                await asyncio.sleep(self.policy.unauthorized_retry)
            except Permanent as exc:
                await self._give_up(row, str(exc))
                return
            except Rejected as exc:
                log.warning("chat %s refused delivery row %s: %s", row.target_chat_id, row.id, exc)
                await self.repo.fail(row, str(exc))
                if isinstance(exc, Refused) and row.kind.relayed:
                    await self._tell_refused(row)
                return

    async def _drop(self, row: DeliveryRow, reason: str) -> None:
        log.error("chat %s: dropped delivery row %s: %s", row.target_chat_id, row.id, reason)
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

    async def _attempt(self, row: DeliveryRow) -> None:
        if row.kind.relayed:
            await self._attempt_relayed(row)
        else:
            await self._attempt_composed(row)

    async def _attempt_composed(self, row: DeliveryRow) -> None:
        """An announcement or a nudge: its text is in the row; it goes out only while the destination
        is still in the partnership it was composed for."""
        target = await self.repo.group(row.target_chat_id)
        if target is None or target.partnership_id != row.partnership_id:
            await self.repo.fail(row, "the group is no longer in the partnership")
            return
        sent = list(row.sent)

        async def record(part: int, message_id: int | None) -> None:
            if message_id is not None:
                del sent[part:]
                sent.append(message_id)
                await self.repo.record_sent(row, sent)

        await self.channel.send(target.chat_id, rendered_from_json(row.payload or ""), row.sent, record)
        await self.repo.finish(row)

    async def _attempt_relayed(self, row: DeliveryRow) -> None:
        assert row.source_id is not None
        source, shown = await self.repo.delivery_view(row.source_id, row.target_chat_id)
        target = await self.repo.group(row.target_chat_id)
        if source is None or target is None:
            await self.repo.fail(row, "source or target no longer exists")
            return
        if not await self._within_partnership(source, target, row.kind):
            await self.repo.fail(row, "a group is no longer in the message's partnership")
            return
        if row.kind is DeliveryKind.DELETE:
            kept = await self.channel.delete(target.chat_id, [message_id for message_id, _ in shown]) if shown else []
            await self.repo.finish_delete(row, kept)
            return
        if source.deleted or (row.kind is DeliveryKind.EDIT and not shown):
            await self.repo.finish(row)  # unsent meanwhile, or an edit of a copy that never arrived
            return
        rendered = await self.relay.render(source, target)
        record = partial(self.repo.record_part, source.id, target.chat_id, source.revision)
        ids = [message_id for message_id, _ in shown]
        if row.kind is DeliveryKind.COPY:
            await self.channel.send(target.chat_id, rendered, ids, record)
        else:
            fresh = {part for part, (_, revision) in enumerate(shown) if revision == source.revision}
            await self.channel.edit(target.chat_id, ids, rendered, fresh, record)
        await self.repo.finish(row)
        metrics.copies_delivered.inc(action="send" if row.kind is DeliveryKind.COPY else row.kind)

    async def _within_partnership(self, source: SourceMessage, target: Group, kind: DeliveryKind) -> bool:
        """The boundary holds at delivery time, not only when a row is queued: a copy or an edit goes out
        only while both groups are still in the message's partnership; a deletion needs only the target."""
        if target.partnership_id != source.partnership_id:
            return False
        if kind is DeliveryKind.DELETE:
            return True
        home = await self.repo.group(source.chat_id)
        return home is not None and home.partnership_id == source.partnership_id

    async def _report_unsend(self, source_id: int | None) -> None:
        """Once every delete row of an /unsend is through, tell its group honestly where the copies
        are gone and where Telegram kept them (bots may delete only messages younger than 48 hours)."""
        assert source_id is not None
        outcome = await self.repo.unsend_outcome(source_id)
        source = await self.repo.source(source_id)
        if not outcome or source is None:
            return
        home = await self.repo.group(source.chat_id)
        if home is None or home.partnership_id != source.partnership_id:
            return
        partners = {g.chat_id: g.city for g in await self.repo.partnership_groups(source.partnership_id)}
        gone = sorted(partners[chat] for chat, deleted in outcome.items() if deleted and chat in partners)
        kept = sorted(partners[chat] for chat, deleted in outcome.items() if not deleted and chat in partners)
        lines, ui = [], self.catalogs.ui_language(home.lang)
        if gone:
            lines.append(self.catalogs.t(home.lang, "unsend-report-deleted", cities=join_list(gone, ui)))
        if kept:
            lines.append(self.catalogs.t(home.lang, "unsend-report-kept", cities=join_list(kept, ui)))
        if lines:
            await self.announce(source.partnership_id, {home.chat_id: "\n".join(lines)})

    async def _give_up(self, row: DeliveryRow, reason: str) -> None:
        """Stop delivering to a group that cannot receive, and tell its partners once."""
        already = await self.repo.relay_broken(row.target_chat_id)
        await self.repo.fail(row, reason)
        await self.repo.set_relay_broken(row.target_chat_id, reason)
        if already:
            return
        broken = await self.repo.group(row.target_chat_id)
        if broken is None or broken.partnership_id is None:
            return
        log.warning("stopped delivering to chat %s: %s", row.target_chat_id, reason)
        texts = {
            p.chat_id: self.catalogs.t(p.lang, "relay-group-unreachable", city=broken.city)
            for p in await self.repo.partnership_groups(broken.partnership_id)
            if p.chat_id != broken.chat_id
        }
        await self.announce(broken.partnership_id, texts)

    async def _tell_refused(self, row: DeliveryRow) -> None:
        """Tell the partners, once per kind of message, that this group does not allow it."""
        assert row.source_id is not None
        source = await self.repo.source(row.source_id)
        target = await self.repo.group(row.target_chat_id)
        if source is None or target is None or target.partnership_id is None:
            return
        key = f"refused-kind:{target.chat_id}:{source.kind}"
        if await self.repo.state(key) is not None:
            return
        await self.repo.set_state(key, "told")
        texts = {
            p.chat_id: self.catalogs.t(p.lang, "relay-kind-refused", city=target.city, kind=source.kind)
            for p in await self.repo.partnership_groups(target.partnership_id)
            if p.chat_id != target.chat_id
        }
        await self.announce(target.partnership_id, texts)
