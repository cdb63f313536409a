"""/healthz, /readyz and /metrics of the running bot, scraped over HTTP like Docker and Prometheus do."""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3
from datetime import UTC, datetime, timedelta

import aiohttp
from prometheus_client import CollectorRegistry
from prometheus_client.parser import text_string_to_metric_families

from bridgebot import metrics
from bridgebot.health import OK, HealthServer, Readiness
from bridgebot.localapi import LocalBotApi
from tests.conftest import City, RunningBot, Scenario, replace
from tests.ports import free_port


async def _get(port: int, path: str) -> tuple[int, str, str]:
    async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}{path}") as response:
        return response.status, response.headers.get("Content-Type", ""), await response.text()


async def _get_json(port: int, path: str) -> tuple[int, dict]:
    async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}{path}") as response:
        return response.status, await response.json()


def _sample(exposition: str, name: str) -> float:
    """One sample's value from Prometheus text (`name` may include labels, e.g. 'x{action="send"}');
    a labelled series that has not been counted yet is 0."""
    match = re.search(rf"^{re.escape(name)} (\S+)$", exposition, re.MULTILINE)
    assert match or "{" in name, f"{name} not in\n{exposition}"
    return float(match.group(1)) if match else 0.0


async def _with_health(bot: RunningBot) -> int:
    port = free_port()
    bot.settings = replace(bot.settings, health_port=port)
    await bot.restart()
    return port


async def _until_ready(port: int, timeout: float = 20) -> tuple[int, dict]:
    """/readyz's answer once it is 200, or its last answer after `timeout` seconds."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        status, body = await _get_json(port, "/readyz")
        if status == 200 or asyncio.get_running_loop().time() > deadline:
            return status, body
        await asyncio.sleep(0.05)


async def test_readyz_says_what_is_missing_until_everything_is_ready() -> None:
    readiness = Readiness()
    server = HealthServer(readiness)
    await server.start("127.0.0.1", free_port())
    try:
        assert server.port is not None
        assert (await _get(server.port, "/healthz"))[0] == 200
        status, body = await _get_json(server.port, "/readyz")
        assert status == 503 and body["ready"] is False
        assert body["missing"] == ["store", "models", "telegram"]
        readiness.set("store", OK)
        readiness.set("telegram", OK)
        readiness.set("models", "loading")
        status, body = await _get_json(server.port, "/readyz")
        assert status == 503 and body["missing"] == ["models"] and body["checks"]["models"] == "loading"
        readiness.set("models", OK)
        status, body = await _get_json(server.port, "/readyz")
        assert status == 200 and body == {"ready": True, "checks": {"store": OK, "models": OK, "telegram": OK}}
    finally:
        await server.stop()


async def test_port_zero_turns_the_endpoint_off_and_a_taken_port_does_not_stop_the_bot() -> None:
    off = HealthServer(Readiness())
    await off.start("127.0.0.1", 0)
    assert off.port is None
    first = HealthServer(Readiness())
    await first.start("127.0.0.1", free_port())
    second = HealthServer(Readiness())
    try:
        assert first.port is not None
        await second.start("127.0.0.1", first.port)  # logged, not raised
        assert second.port is None
    finally:
        await first.stop()


async def test_the_running_bot_is_live_then_ready_and_counts_what_it_relays(
    bot: RunningBot, api: LocalBotApi, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    port = await _with_health(bot)
    status, content_type, text = await _get(port, "/healthz")
    assert status == 200 and text == "ok\n"
    assert await _until_ready(port) == (200, {"ready": True, "checks": {"store": OK, "models": OK, "telegram": OK}})

    status, content_type, before = await _get(port, "/metrics")
    assert status == 200 and content_type.startswith("text/plain")
    for name in ("bridgebot_outbox_depth", "bridgebot_nudges_sent_total", "bridgebot_telegram_429_total"):
        assert f"# TYPE {name} " in before
    api.fail("sendMessage", 429, retry_after=1, chat_id=leeds.id)
    sent = len(api.sent(leeds.id))
    api.send_text(hamburg.id, api.add_user("Anna"), "Die Brücke ist offen.")
    await api.wait_sent(leeds.id, sent + 1, timeout=15)
    await bot.services.outbox.idle()
    _, _, after = await _get(port, "/metrics")

    def moved(name: str) -> float:
        return _sample(after, name) - _sample(before, name)

    assert moved("bridgebot_messages_relayed_total") == 1
    assert moved('bridgebot_copies_delivered_total{action="send"}') == 1
    assert moved("bridgebot_translation_seconds_count") == 1
    assert moved("bridgebot_translation_seconds_sum") > 0
    assert moved('bridgebot_telegram_429_total{method="sendMessage"}') == 1
    assert _sample(after, "bridgebot_outbox_depth") == 0


async def test_outbox_depth_is_read_from_the_store_when_scraped(
    bot: RunningBot, api: LocalBotApi, pair: tuple[City, City]
) -> None:
    hamburg, leeds = pair
    port = await _with_health(bot)
    api.fail("sendMessage", 429, retry_after=30, chat_id=leeds.id)  # Leeds' outbox waits half a minute
    tried = len(api.calls_of("sendMessage", leeds.id))
    api.send_text(hamburg.id, api.add_user("Anna"), "Guten Morgen!")
    await api.wait_for(lambda: len(api.calls_of("sendMessage", leeds.id)) > tried)
    _, _, text = await _get(port, "/metrics")
    assert _sample(text, "bridgebot_outbox_depth") == 1


async def test_readyz_names_the_models_a_partnership_lacks(bot: RunningBot, api: LocalBotApi, story: Scenario) -> None:
    hamburg, osaka = story.city("Hamburg", "de"), story.city("Osaka", "ja")
    await story.setup(hamburg)
    await story.setup(osaka, "Asia/Tokyo")
    await story.partnership("Hamburg–Osaka", hamburg, osaka)
    port = await _with_health(bot)
    status, body = await _until_ready(port, timeout=3)
    assert status == 503 and body["missing"] == ["models"]
    assert "de->ja" in body["checks"]["models"] and "ja->de" in body["checks"]["models"]


def test_metrics_exposition_escapes_labels_and_accumulates_buckets() -> None:
    registry = CollectorRegistry()
    counter = metrics.Counter("test_things_total", "Things.", ("method",), registry=registry)
    counter.inc(method='say "hi"\n')
    histogram = metrics.Histogram("test_seconds", "Durations.", buckets=(0.1, 1.0), registry=registry)
    for seconds in (0.05, 0.5, 5):
        histogram.observe(seconds)
    text = metrics.render(registry)
    assert "# HELP test_things_total Things.\n# TYPE test_things_total counter\n" in text
    assert 'test_things_total{method="say \\"hi\\"\\n"} 1.0\n' in text
    assert (
        'test_seconds_bucket{le="0.1"} 1.0\ntest_seconds_bucket{le="1.0"} 2.0\ntest_seconds_bucket{le="+Inf"} 3.0\n'
        in text
    )
    assert "test_seconds_count 3.0\n" in text and "test_seconds_sum 5.55\n" in text
    assert counter.value() == 1 and counter.value(method='say "hi"\n') == 1 and counter.value(method="other") == 0


def test_a_scraper_asking_for_openmetrics_gets_it() -> None:
    body, content_type = metrics.scrape("application/openmetrics-text; version=1.0.0")
    assert content_type.startswith("application/openmetrics-text") and body.decode().endswith("# EOF\n")
    body, content_type = metrics.scrape(None)
    assert content_type.startswith("text/plain; version=0.0.4") and b"# EOF" not in body


def test_the_bots_exposition_parses_with_every_documented_metric() -> None:
    families = {family.name: family.type for family in text_string_to_metric_families(metrics.render())}
    assert families == {
        "bridgebot_messages_relayed": "counter",
        "bridgebot_copies_delivered": "counter",
        "bridgebot_translation_seconds": "histogram",
        "bridgebot_outbox_depth": "gauge",
        "bridgebot_nudges_sent": "counter",
        "bridgebot_copies_dropped": "counter",
        "bridgebot_telegram_unauthorized": "counter",
        "bridgebot_telegram_429": "counter",
    }


async def test_a_start_after_more_than_a_day_away_says_that_updates_were_lost(
    bot: RunningBot, api: LocalBotApi, caplog
) -> None:
    """Telegram keeps an update for 24 hours: after 30 hours away, the first 6 never reached the bot."""
    await bot.stop()
    last_alive = datetime.now(UTC) - timedelta(hours=30)
    with sqlite3.connect(bot.settings.db_path) as db:
        db.execute("INSERT OR REPLACE INTO bot_state VALUES ('last_alive', ?)", (last_alive.isoformat(),))
    port = free_port()
    bot.settings = replace(bot.settings, health_port=port)
    with caplog.at_level(logging.WARNING, logger="bridgebot.health"):
        await bot.start()
    (warning,) = [r.getMessage() for r in caplog.records if "not running for" in r.getMessage()]
    assert warning.startswith("bridgebot was not running for 30.0 hours") and "were never received" in warning
    _, body = await _until_ready(port)
    downtime = body["info"]["downtime"]
    assert downtime["hours"] == 30.0 and downtime["updates_lost"] is True
    assert downtime["last_alive"] == last_alive.isoformat(timespec="seconds")
    # A quick restart loses nothing, and says nothing about it.
    caplog.clear()
    await bot.restart()
    _, body = await _until_ready(port)
    assert "info" not in body
    assert not [r for r in caplog.records if "not running for" in r.getMessage()]
