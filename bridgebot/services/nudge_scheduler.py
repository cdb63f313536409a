"""The loop that sleeps until the next planned nudge and fires it into the delivery queue.

A row whose moment passed while the bot was down is sent once at start, marked late. Firing a nudge
composes its text (`nudge_composer.py`) and queues it for delivery (`services/delivery.py`) in the
same transaction that marks it sent and plans the next occurrence of a recurring follow-up: a
restart neither loses nor doubles it, and the delivery queue gives it the same guarantees as every
other message to that group, in order behind them.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from bridgebot import metrics
from bridgebot.domain import FollowupStatus, Nudge, NudgeKind
from bridgebot.richtext import RichText
from bridgebot.services.delivery import BACKOFF, Outbox, RetryPolicy, rendered_to_json
from bridgebot.services.nudge_composer import NudgeComposer
from bridgebot.services.nudge_planner import NudgePlanner
from bridgebot.services.relay import Rendered
from bridgebot.store.repository import Repository

log = logging.getLogger(__name__)

# A nudge sent this long after its moment says that it is late.
LATE_AFTER = timedelta(minutes=5)
# How often (in real seconds) the automatic nudges are planned again without any event.
REPLAN_SECONDS = 600.0


class NudgeScheduler:
    def __init__(
        self,
        repo: Repository,
        planner: NudgePlanner,
        composer: NudgeComposer,
        outbox: Outbox,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.repo = repo
        self.planner = planner
        self.composer = composer
        self.outbox = outbox
        self.clock = clock or (lambda: datetime.now(UTC))
        self._firing = asyncio.Lock()

    async def run(self, stop: asyncio.Event) -> None:
        """Fire due nudges until `stop`; sleeps until the next one, new rows, or a periodic re-plan.

        Nothing but `stop` ends this loop: the first planning is inside the `try` too, so a row that
        cannot be planned (or a database error) delays the nudges and is logged, instead of ending
        the scheduler for every partnership until the next restart."""
        planned_at: float | None = None
        failures = 0
        while not stop.is_set():
            self.planner.changed.clear()
            try:
                if planned_at is None or time.monotonic() - planned_at > REPLAN_SECONDS:
                    await self.planner.plan_all()
                    planned_at = time.monotonic()
                await self.run_due()
                wait = await self._seconds_to_next()
                failures = 0
            except Exception:
                wait = RetryPolicy().delay(failures)
                failures += 1
                log.exception("follow-up scheduler failed; retrying in %ss", wait)
            await _first_of(stop, self.planner.changed, wait)

    async def _seconds_to_next(self) -> float:
        next_at = await self.repo.next_nudge_at()
        if next_at is None:
            return REPLAN_SECONDS
        return min(REPLAN_SECONDS, max(0.0, (next_at - self.clock()).total_seconds()))

    async def run_due(self) -> int:
        """Fire every nudge whose moment has come (queue it for delivery); returns how many fired."""
        sent = 0
        replan: set[int] = set()
        async with self._firing:
            now = self.clock()
            for nudge in await self.repo.due_nudges(now):
                try:
                    fired = await self._fire(nudge, now)
                except Exception as error:  # a row this version cannot render: the others still go out
                    log.exception("nudge %s (%s) to chat %s failed", nudge.id, nudge.kind, nudge.chat_id)
                    await self._set_aside(nudge, now, error)
                    continue
                if fired:
                    sent += 1
                    if nudge.kind in (NudgeKind.DIGEST, NudgeKind.DORMANCY):
                        replan.add(nudge.partnership_id)
        for partnership_id in replan:
            await self.planner.plan_or_log(partnership_id)
        return sent

    async def _set_aside(self, nudge: Nudge, now: datetime, error: Exception) -> None:
        """Compose a nudge that raised again later, on the delivery queue's backoff; after the last
        step, give it up as failed, so it cannot hold back the nudges planned behind it."""
        if nudge.attempts + 1 >= len(BACKOFF):
            await self.repo.nudge_closed(nudge, "failed", repr(error))
        else:
            delay = RetryPolicy().delay(nudge.attempts)
            await self.repo.nudge_deferred(nudge, now + timedelta(seconds=delay), repr(error))

    async def _fire(self, nudge: Nudge, now: datetime) -> bool:
        group = await self.repo.group(nudge.chat_id)
        if group is None or group.partnership_id != nudge.partnership_id:
            await self.repo.nudge_closed(nudge, "cancelled", "the group left the partnership")
            return False
        parts = await self.composer.compose(nudge, group, now)
        if parts is None:
            await self.repo.nudge_closed(nudge, "skipped")
            return False
        late = now - nudge.due_at > LATE_AFTER
        if late:
            parts.append(self.composer.late_note(nudge, group))
        payload = rendered_to_json(Rendered("text", RichText.joined(parts, "\n\n")))
        await self.repo.nudge_fired(nudge, payload, late, await self.planner.following(nudge, group, now))
        self.outbox.wake(group.chat_id)
        metrics.nudges_sent.inc(kind=nudge.kind)
        if nudge.followup_id is not None:
            await self._finish_if_done(nudge.followup_id)
        return True

    async def _finish_if_done(self, followup_id: int) -> None:
        """A one-off follow-up ends when its last group has been nudged."""
        followup = await self.repo.followup_by_id(followup_id)
        if followup is None or followup.rule is not None or followup.status != FollowupStatus.ACTIVE:
            return
        pending = await self.repo.pending_nudges(followup.partnership_id)
        if not any(n.followup_id == followup_id for n in pending):
            await self.repo.end_followup(followup_id, FollowupStatus.FINISHED)


async def _first_of(stop: asyncio.Event, wake: asyncio.Event, timeout: float) -> None:
    waiters = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(wake.wait())]
    try:
        await asyncio.wait(waiters, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiter in waiters:
            waiter.cancel()
