"""`/healthz`, `/readyz` and `/metrics` on a local port, for Docker, systemd watchdogs and Prometheus.

`/healthz` answers 200 as long as the event loop runs (a hung loop answers nothing, which is what
a liveness probe must notice). `/readyz` answers 200 only when every check is fine — the store is
open, the models of the partnerships' languages are loaded, Telegram accepted our getMe and
polling or the webhook is set up — and 503 with a JSON body naming what is still missing otherwise.
`/metrics` is `bridgebot.metrics` in Prometheus' text format.

The port is local (127.0.0.1 by default) and unauthenticated: it shows counts and states, never
chat ids or text. Failing to listen does not stop the bot: relaying matters more than monitoring,
and the probe that cannot connect reports the problem.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from aiohttp import web

from bridgebot import metrics

log = logging.getLogger(__name__)

OK = "ok"


class Readiness:
    """The state of each thing the bot needs before it can do its work; `OK` or a short reason."""

    def __init__(self) -> None:
        self.checks: dict[str, str] = {
            "store": "not open yet",
            "models": "not loaded yet",
            "telegram": "not connected yet",
        }

    def set(self, check: str, state: str) -> None:
        self.checks[check] = state

    @property
    def missing(self) -> list[str]:
        return [name for name, state in self.checks.items() if state != OK]

    def report(self) -> dict[str, object]:
        missing = self.missing
        body: dict[str, object] = {"ready": not missing, "checks": dict(self.checks)}
        if missing:
            body["missing"] = missing
        return body


class HealthServer:
    """A small aiohttp server; `refresh` updates scrape-time gauges (outbox depth) before /metrics."""

    def __init__(self, readiness: Readiness, refresh: Callable[[], Awaitable[None]] | None = None) -> None:
        self.readiness = readiness
        self.refresh = refresh
        self.port: int | None = None  # where it listens, once started
        self._runner: web.AppRunner | None = None

    def _app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/healthz", self._healthz)
        app.router.add_get("/readyz", self._readyz)
        app.router.add_get("/metrics", self._metrics)
        return app

    async def start(self, host: str, port: int) -> None:
        """Listen on host:port; port 0 means the endpoint is turned off."""
        if port == 0:
            return
        runner = web.AppRunner(self._app(), access_log=None)
        await runner.setup()
        try:
            site = web.TCPSite(runner, host, port)
            await site.start()
        except OSError as error:
            await runner.cleanup()
            log.error("health endpoint cannot listen on %s:%s (%s); the bot runs without it", host, port, error)
            return
        self._runner = runner
        self.port = runner.addresses[0][1]
        log.info("health endpoint on http://%s:%s (/healthz, /readyz, /metrics)", host, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _healthz(self, request: web.Request) -> web.Response:
        return web.Response(text="ok\n")

    async def _readyz(self, request: web.Request) -> web.Response:
        body = self.readiness.report()
        return web.json_response(body, status=200 if body["ready"] else 503)

    async def _metrics(self, request: web.Request) -> web.Response:
        if self.refresh is not None:
            try:
                await self.refresh()
            except Exception as error:  # a scrape must still answer with what is known
                log.warning("could not refresh metrics: %s", error)
        return web.Response(body=metrics.render().encode(), headers={"Content-Type": metrics.CONTENT_TYPE})
