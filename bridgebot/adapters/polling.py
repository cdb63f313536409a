"""Long polling that confirms an update to Telegram only after it has been handled.

PTB's Updater confirms a batch of updates (by asking for the next offset) as soon as it has queued
them; a crash while they wait in the queue loses them for good. Here each update goes through
`Application.process_update` — the same handlers, in the same order — and only then is the next
offset stored in the database and sent to Telegram. A crash repeats at most the update being
handled: the relay recognises a repeated message by its chat and message id, and a command that was
handled before is neither applied nor answered again (`handlers.common.handled_once`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from telegram import Update
from telegram.error import NetworkError, RetryAfter, TelegramError
from telegram.ext import Application

from bridgebot import metrics
from bridgebot.adapters.telegram import retry_seconds
from bridgebot.services.delivery import RetryPolicy
from bridgebot.store.repository import Repository

log = logging.getLogger(__name__)
OFFSET_KEY = "telegram_update_offset"
# Receiving backs off as delivering does: one schedule for the bot's every retry.
RETRY = RetryPolicy()


async def poll(application: Application, repo: Repository, stop: asyncio.Event, timeout: int) -> None:
    stored = await repo.state(OFFSET_KEY)
    offset = int(stored) if stored else None
    failures = 0
    while not stop.is_set():
        try:
            updates = await _fetch(application, offset, timeout, stop)
            failures = 0
        except RetryAfter as error:
            metrics.telegram_429.inc(method="getUpdates")  # getUpdates bypasses the rate limiter
            await _sleep(stop, retry_seconds(error))
            continue
        except (NetworkError, TelegramError) as error:
            delay = RETRY.delay(failures)
            failures += 1
            log.warning("getUpdates failed (%s); retrying in %ss", error, delay)
            await _sleep(stop, delay)
            continue
        for update in updates or []:
            await application.process_update(update)
            offset = update.update_id + 1
            await repo.set_state(OFFSET_KEY, str(offset))


async def _fetch(application: Application, offset: int | None, timeout: int, stop: asyncio.Event) -> tuple | None:
    """One long poll, abandoned as soon as `stop` is set."""
    request = asyncio.ensure_future(
        application.bot.get_updates(
            offset=offset, timeout=timeout, allowed_updates=Update.ALL_TYPES, read_timeout=timeout + 10
        )
    )
    stopping = asyncio.ensure_future(stop.wait())
    done, _ = await asyncio.wait({request, stopping}, return_when=asyncio.FIRST_COMPLETED)
    stopping.cancel()
    if request not in done:
        request.cancel()
        with contextlib.suppress(asyncio.CancelledError, TelegramError):
            await request
        return None
    return request.result()


async def _sleep(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)
