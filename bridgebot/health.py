"""`/healthz`, `/readyz` and `/metrics` on a local port, for Docker, systemd watchdogs and Prometheus.

`/healthz` answers 200 as long as the event loop runs (a hung loop answers nothing, which is what
a liveness probe must notice). `/readyz` answers 200 only when every check is fine — the store is
open, the models of the partnerships' languages are loaded, Telegram accepted our getMe and
polling or the webhook is set up — and 503 with a JSON body naming what is still missing otherwise.
`/metrics` is `bridgebot.metrics` in Prometheus' text format.

`/readyz` also carries facts that need no action to become ready under `info`: after a downtime
longer than the 24 hours Telegram keeps an update, `info.downtime` says how long the bot was away
and that what was posted early in it never reached the bot (see `Heartbeat`).

The port is local (127.0.0.1 by default) and unauthenticated: it shows counts and states, never
chat ids or text. Failing to listen does not stop the bot: relaying matters more than monitoring,
and the probe that cannot connect reports the problem.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from aiohttp import web

from bridgebot import metrics
from bridgebot.store.repository import Repository

log = logging.getLogger(__name__)

OK = "ok"
# Telegram drops an update 24 hours after its message (getUpdates and webhook alike).
UPDATES_KEPT = timedelta(hours=24)
HEARTBEAT_KEY = "last_alive"
HEARTBEAT_SECONDS = 60.0


class Readiness:
    """The state of each thing the bot needs before it can do its work; `OK` or a short reason."""

    def __init__(self) -> None:
        self.checks: dict[str, str] = {
            "store": "not open yet",
            "models": "not loaded yet",
            "telegram": "not connected yet",
        }
        self.info: dict[str, object] = {}  # shown, never a reason to answer 503

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
        if self.info:
            body["info"] = dict(self.info)
        return body


class Heartbeat:
    """When the bot was last alive, kept in the database, and what a long absence has cost.

    Telegram keeps an update for 24 hours: a bot that was down longer never receives what was posted
    in the first part of the gap. The stored time is refreshed every HEARTBEAT_SECONDS while the bot
    runs (so a crash is seen too, not only a clean stop); at start, a gap over UPDATES_KEPT is logged
    as a WARNING and shown in /readyz under `info.downtime`.
    """

    def __init__(self, repo: Repository, readiness: Readiness, clock: Callable[[], datetime]) -> None:
        self.repo = repo
        self.readiness = readiness
        self.clock = clock

    async def check(self) -> timedelta | None:
        """The gap since the last heartbeat (None on a first start), reported if updates were lost."""
        stored = await self.repo.state(HEARTBEAT_KEY)
        now = self.clock()
        await self.beat()
        try:
            last = datetime.fromisoformat(stored) if stored else None
        except ValueError:
            log.warning("the stored heartbeat %r is no time; the downtime before this start is unknown", stored)
            last = None
        if last is None:
            return None
        if last.tzinfo is None:
            last = last.replace(tzinfo=UTC)
        gap = now - last
        if gap > UPDATES_KEPT:
            lost_before = now - UPDATES_KEPT
            log.warning(
                "bridgebot was not running for %.1f hours (last alive %s): Telegram keeps updates for 24 hours,"
                " so messages and commands posted before %s were never received",
                gap.total_seconds() / 3600,
                _iso(last),
                _iso(lost_before),
            )
            self.readiness.info["downtime"] = {
                "last_alive": _iso(last),
                "hours": round(gap.total_seconds() / 3600, 1),
                "updates_lost": True,
                "lost_before": _iso(lost_before),
            }
        return gap

    async def beat(self) -> None:
        await self.repo.set_state(HEARTBEAT_KEY, _iso(self.clock()))

    async def run(self, stop: asyncio.Event) -> None:
        """Refresh the heartbeat until `stop`, and once more then: a clean stop is a known moment."""
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), HEARTBEAT_SECONDS)
            try:
                await self.beat()
            except Exception as error:  # a busy database must not end the bot; the next beat tries again
                log.warning("could not store the heartbeat: %s", error)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


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
        body, content_type = metrics.scrape(request.headers.get("Accept"))
        return web.Response(body=body, headers={"Content-Type": content_type})
