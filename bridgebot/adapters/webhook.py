"""Webhook mode: Telegram POSTs each update here, and gets its answer only once it has been handled.

PTB's own `Updater.start_webhook` puts the update in a queue and answers 200 at once; a crash
before the queue is drained loses the update, because Telegram deletes an update as soon as the
webhook answers 2xx. Here, as in `adapters/polling.py`, the update goes through
`Application.process_update` — the same handlers, in the same order — and the 200 is sent after it
has finished, so the relay's outbox rows are in the database by then. A crash before that leaves
Telegram without an answer, and it delivers the update again; the relay recognises a repeated
message by its chat and message id, and a command handled before is not run again (`handled_once`).

Updates are handled one at a time, as polling does (edits after their message, /setup before the
first relayed message); `set_webhook(max_connections=1)` asks Telegram for the same.

Every request must carry the secret token given to `setWebhook` in `X-Telegram-Bot-Api-Secret-Token`;
anything else gets 403 and is not looked at. TLS is a reverse proxy's job: this listens on plain
HTTP, on loopback by default, and accepts any path so a proxy may strip or keep its prefix.
"""

from __future__ import annotations

import asyncio
import hmac
import logging

from aiohttp import web
from telegram import Update
from telegram.ext import Application

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class WebhookServer:
    """An aiohttp server that feeds Telegram's POSTs to `application.process_update`."""

    def __init__(self, application: Application, secret: str, host: str, port: int) -> None:
        if not secret:
            raise ValueError("a webhook needs a secret token")
        self.application = application
        self.host = host
        self.port = port
        self._secret = secret.encode()
        self._one_at_a_time = asyncio.Lock()
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/{path:.*}", self._receive)
        # Telegram waits for our answer; shutdown lets an update being handled finish.
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=30)
        await runner.setup()
        try:
            await web.TCPSite(runner, self.host, self.port).start()
        except OSError:
            await runner.cleanup()
            raise
        self._runner = runner
        self.port = runner.addresses[0][1]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> WebhookServer:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    def _authentic(self, request: web.Request) -> bool:
        given = request.headers.get(SECRET_HEADER, "").encode()
        return hmac.compare_digest(given, self._secret)

    async def _update(self, request: web.Request) -> Update | None:
        try:
            data = await request.json()
            return Update.de_json(data, self.application.bot) if isinstance(data, dict) else None
        except (ValueError, TypeError, KeyError, AttributeError):
            return None

    async def _receive(self, request: web.Request) -> web.Response:
        if not self._authentic(request):
            log.warning("webhook: refused a request without the right secret token from %s", request.remote)
            return web.Response(status=403, text="forbidden\n")
        update = await self._update(request)
        if update is None:
            # Telegram retries a few times, then gives up: nothing in such a body could be handled.
            log.warning("webhook: refused a body that is not a Telegram update")
            return web.Response(status=400, text="not an update\n")
        async with self._one_at_a_time:
            # Handler errors are logged by the application's error handler and the update counts as
            # handled, exactly as in polling; anything escaping here becomes a 500 and a redelivery.
            await self.application.process_update(update)
        return web.Response(text="ok\n")
