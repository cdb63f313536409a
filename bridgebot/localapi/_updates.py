"""Updates on their way to the bot: the getUpdates queue, or a webhook that they are POSTed to.

Telegram keeps an update until the bot confirms it (a later getUpdates offset, or a 2xx answer from
the webhook), answers a long poll as soon as one arrives, ends an older long poll with 409 when a
newer one starts, filters by the last `allowed_updates` it was given, and keeps updates in order
within a chat only: a webhook delivery that fails holds back that chat's updates, not the others'.
Those are the rules a bot's update loop depends on, so they are kept here.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import itertools
import re
import time
from collections.abc import Callable
from typing import Any

import aiohttp

from ._errors import ApiError

# Update kinds Telegram leaves out unless `allowed_updates` names them.
_OPT_IN = {"chat_member", "message_reaction", "message_reaction_count"}
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
_WEBHOOK_ACTIVE = (
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"
)
_TERMINATED = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
_RETRY_FIRST, _RETRY_MAX = 0.05, 2.0  # webhook retry backoff, seconds: short, because tests wait on it


def _chat_of(update: dict) -> int | None:
    """The chat an update belongs to, which is what Telegram keeps in order; None for the others."""
    body = next(value for key, value in update.items() if key != "update_id")
    if not isinstance(body, dict):
        return None
    chat = body.get("chat") or (body.get("message") or {}).get("chat") or {}
    return chat.get("id")


class Changes:
    """Wakes every waiter whenever anything changes; callable from sync code (injection helpers).

    An Event that is replaced on each change: waiters re-check their predicate on every wake-up, so
    none polls on a timer and a change made between two checks is never missed.
    """

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def wait_for(self, predicate: Callable[[], object], timeout: float | None) -> None:
        async with asyncio.timeout(timeout):
            while not predicate():
                await self._event.wait()


class UpdateFeed:
    """Pending updates and how they leave: getUpdates (long polling) or a webhook."""

    def __init__(self, changes: Changes) -> None:
        self.changes = changes
        self.queue: list[dict] = []
        self.allowed: set[str] | None = None  # None: Telegram's default (everything but _OPT_IN)
        self.closed = False
        self.webhook: dict[str, Any] = {}
        self._ids = itertools.count(1)
        self._carried: dict[tuple[int, int], dict] = {}  # (chat, message) -> the update that carried it
        self._poll = 0  # the newest getUpdates; older ones end with 409
        self._delivery: asyncio.Task | None = None
        self._retry_at: dict[int | None, float] = {}  # webhook: chats waiting out a failed delivery

    def push(self, update: dict) -> dict:
        """Queue `update` unless the bot's allowed_updates leave its kind out (then it never exists)."""
        kind = next(iter(update))
        if (kind in _OPT_IN) if self.allowed is None else (kind not in self.allowed):
            return update
        # A copy: the update says what was true when it happened, even if the message changes later.
        update = {"update_id": next(self._ids), **copy.deepcopy(update)}
        self.queue.append(update)
        message = update.get("message")
        if message is not None:
            self._carried[(message["chat"]["id"], message["message_id"])] = update
        self.changes.notify()
        return update

    def redeliver(self, chat_id: int, message_id: int) -> dict:
        """Queue again, under its own update_id, the update that carried a new message."""
        update = self._carried[(chat_id, message_id)]
        if update not in self.queue:
            self.queue = sorted([*self.queue, update], key=lambda u: u["update_id"])
        self.changes.notify()
        return update

    def _allow(self, kinds: list[str] | None) -> None:
        if kinds is not None:
            self.allowed = set(kinds) or None

    # --- getUpdates --------------------------------------------------------------------------------

    async def get_updates(self, params: dict) -> list[dict]:
        if self.webhook:
            raise ApiError(409, _WEBHOOK_ACTIVE)
        self._poll += 1
        mine = self._poll
        self.changes.notify()  # wakes an older long poll so that it ends with 409
        self._allow(params.get("allowed_updates"))
        offset = int(params.get("offset") or 0)
        if offset > 0:
            self.queue = [u for u in self.queue if u["update_id"] >= offset]
        elif offset < 0:
            self.queue = self.queue[offset:]  # "the last -offset updates; all previous are forgotten"
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        timeout = float(params.get("timeout") or 0)
        if not self.queue and timeout > 0:
            with contextlib.suppress(TimeoutError):
                await self.changes.wait_for(lambda: self.queue or self._poll != mine or self.closed, timeout)
        if self._poll != mine:
            raise ApiError(409, _TERMINATED)
        return self.queue[:limit]

    # --- webhook -----------------------------------------------------------------------------------

    async def set_webhook(self, params: dict) -> bool:
        url = params.get("url") or ""
        if not url:
            return await self.delete_webhook(params)
        if not url.startswith(("https://", "http://")):
            # Telegram wants HTTPS; plain HTTP is accepted here because the receiver is on loopback.
            raise ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        secret = params.get("secret_token")
        if secret is not None and not _SECRET.fullmatch(secret):
            raise ApiError(400, "Bad Request: secret token contains unallowed characters")
        await self._stop_delivery()
        self._retry_at.clear()
        if params.get("drop_pending_updates"):
            self.queue.clear()
        self._allow(params.get("allowed_updates"))
        self.webhook = {"url": url, "secret_token": secret, "max_connections": int(params.get("max_connections") or 40)}
        self._delivery = asyncio.create_task(self._deliver(url, secret), name="localapi-webhook")
        return True

    async def delete_webhook(self, params: dict) -> bool:
        await self._stop_delivery()
        self.webhook = {}
        if params.get("drop_pending_updates"):
            self.queue.clear()
        return True

    def webhook_info(self) -> dict:
        info: dict[str, Any] = {"url": "", "has_custom_certificate": False, "pending_update_count": len(self.queue)}
        if self.webhook:
            info.update(url=self.webhook["url"], max_connections=self.webhook["max_connections"])
            info.update({k: v for k, v in self.webhook.items() if k.startswith("last_error")})
            if self.allowed is not None:
                info["allowed_updates"] = sorted(self.allowed)
        return info

    def _next(self) -> tuple[dict | None, float | None]:
        """The oldest update whose chat is not waiting out a failed delivery, or else when the first
        such wait ends. Order holds within a chat only, as on Telegram (WebhookActor.cpp:511-514)."""
        now, waiting, wake = time.monotonic(), set(), None
        for update in self.queue:
            chat = _chat_of(update)
            if chat in waiting:
                continue
            until = self._retry_at.get(chat, 0.0)
            if until <= now:
                return update, None
            waiting.add(chat)
            wake = until if wake is None else min(wake, until)
        return None, wake

    async def _deliver(self, url: str, secret: str | None) -> None:
        """POST updates one at a time; an update leaves the queue only on a 2xx answer, and a failure
        holds back only the updates of its own chat (with backoff) while other chats go on."""
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
        failures: dict[int | None, int] = {}
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session:
            while True:
                update, wake = self._next()
                if update is None:
                    wait = None if wake is None else max(wake - time.monotonic(), 0.0)
                    with contextlib.suppress(TimeoutError):
                        await self.changes.wait_for(lambda: self._next()[0] is not None, wait)
                    continue
                chat = _chat_of(update)
                try:
                    async with session.post(url, json=update, headers=headers) as response:
                        error = None
                        if not 200 <= response.status < 300:
                            error = f"Wrong response from the webhook: {response.status} {response.reason}"
                except (aiohttp.ClientError, OSError, TimeoutError) as exc:
                    error = f"Connection failed: {exc.__class__.__name__}"
                if error is None:
                    failures.pop(chat, None)
                    self._retry_at.pop(chat, None)
                    self.queue = [u for u in self.queue if u is not update]
                    self.changes.notify()
                    continue
                self.webhook.update(last_error_date=int(time.time()), last_error_message=error)
                count = failures[chat] = failures.get(chat, 0) + 1
                self._retry_at[chat] = time.monotonic() + min(_RETRY_FIRST * 2 ** (count - 1), _RETRY_MAX)
                self.changes.notify()

    async def _stop_delivery(self) -> None:
        if self._delivery is not None:
            self._delivery.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._delivery
            self._delivery = None

    async def close(self) -> None:
        """End long polls (they answer with what they have) and webhook delivery."""
        self.closed = True
        self.changes.notify()
        await self._stop_delivery()
