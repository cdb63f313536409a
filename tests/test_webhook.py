"""Webhook mode end to end: Telegram (the local Bot API server) POSTs updates to the real bot, which
answers only after handling them; a request without the right secret token is refused."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest

from bridgebot.adapters.webhook import SECRET_HEADER
from bridgebot.app import serve
from bridgebot.config import Settings
from bridgebot.localapi import LocalBotApi
from tests.conftest import TOKEN, City, RunningBot, Scenario
from tests.ports import free_port

SECRET = "hook_Secret-0123456789"


@dataclass
class WebhookBot(RunningBot):
    """`serve()` in webhook mode: started once Telegram has been told where to post."""

    async def start(self) -> WebhookBot:
        self.stop_event = asyncio.Event()
        calls = len(self.api.calls_of("setWebhook"))
        self.task = asyncio.create_task(serve(self.settings, self.stop_event, self._ready, self.clock))
        await self.api.wait_for(lambda: len(self.api.calls_of("setWebhook")) > calls or self.task.done(), 20)
        if self.task.done():
            self.task.result()
        return self

    @property
    def url(self) -> str:
        assert self.settings.webhook_url is not None
        return self.settings.webhook_url


@pytest.fixture
async def hooked(api: LocalBotApi, tmp_path: Path, models_dir: Path) -> AsyncIterator[WebhookBot]:
    port = free_port()
    settings = Settings(
        token=TOKEN,
        telegram_base_url=api.base_url,
        data_dir=tmp_path,
        models_dir=models_dir,
        admins=frozenset({4242}),
        rate_per_second=1000,
        rate_group_per_minute=100000,
        webhook_url=f"http://127.0.0.1:{port}/telegram",
        webhook_secret=SECRET,
        webhook_port=port,
        health_port=0,
    )
    running = WebhookBot(settings, api)
    await running.start()
    yield running
    with contextlib.suppress(Exception):
        await running.stop()


@pytest.fixture
async def linked(hooked: WebhookBot, story: Scenario) -> tuple[City, City]:
    """Hamburg (German) and Leeds (English), onboarded through the webhook."""
    hamburg, leeds = story.city("Hamburg", "de"), story.city("Leeds", "en")
    await story.setup(hamburg)
    await story.setup(leeds, "Europe/London")
    await story.partnership("Hamburg–Leeds", hamburg, leeds)
    return hamburg, leeds


def _forged(city: City, user: dict, text: str, message_id: int) -> dict:
    """An update as Telegram would post it, but sent by a test instead of by Telegram."""
    message = {"message_id": message_id, "date": int(time.time()), "chat": city.chat, "from": user, "text": text}
    return {"update_id": 900_000 + message_id, "message": message}


async def _post(url: str, update: dict, secret: str | None) -> int:
    headers = {SECRET_HEADER: secret} if secret is not None else {}
    async with aiohttp.ClientSession() as session, session.post(url, json=update, headers=headers) as response:
        return response.status


async def test_a_relayed_message_arrives_translated_through_the_webhook(
    hooked: WebhookBot, api: LocalBotApi, linked: tuple[City, City]
) -> None:
    hamburg, leeds = linked
    assert api.calls_of("getUpdates") == [], "webhook mode never polls"
    (registered,) = api.calls_of("setWebhook")
    assert registered.params["url"] == hooked.url and registered.params["secret_token"] == SECRET
    before = len(api.sent(leeds.id))
    api.send_text(hamburg.id, api.add_user("Anna"), "Die Brücke ist offen.")
    (copy,) = (await api.wait_sent(leeds.id, before + 1))[before:]
    assert copy["text"] == "Anna · Hamburg\nThe bridge is open.\nDie Brücke ist offen."


async def test_a_wrong_or_missing_secret_is_refused_and_nothing_is_relayed(
    hooked: WebhookBot, api: LocalBotApi, linked: tuple[City, City]
) -> None:
    hamburg, leeds = linked
    mallory = api.add_user("Mallory")
    forged = _forged(hamburg, mallory, "Die Brücke ist geschlossen.", 7001)
    assert await _post(hooked.url, forged, "wrong_secret") == 403
    assert await _post(hooked.url, forged, None) == 403
    assert await _post(hooked.url, forged, SECRET[:-1]) == 403
    # A real message afterwards is relayed; the forged one, which would have come first, never was.
    before = len(api.sent(leeds.id))
    api.send_text(hamburg.id, api.add_user("Anna"), "Guten Morgen!")
    await api.wait_sent(leeds.id, before + 1)
    await hooked.services.outbox.idle()
    assert not any("geschlossen" in text for text in api.texts(leeds.id))
    assert await hooked.services.repo.source_for(hamburg.id, 7001) is None


async def test_telegram_gets_its_answer_only_after_the_update_is_stored(
    hooked: WebhookBot, api: LocalBotApi, linked: tuple[City, City]
) -> None:
    hamburg, leeds = linked
    update = _forged(hamburg, api.add_user("Anna"), "Vielen Dank!", 7002)
    assert await _post(hooked.url, update, SECRET) == 200
    # The 200 means "handled": the message and its outbox row are in the database already.
    assert await hooked.services.repo.source_for(hamburg.id, 7002) is not None
    assert await _post(hooked.url, update, SECRET) == 200  # Telegram redelivers after a lost answer
    await api.wait_for(lambda: any("Thank you very much!" in t for t in api.texts(leeds.id)))
    await hooked.services.outbox.idle()
    assert sum("Thank you very much!" in t for t in api.texts(leeds.id)) == 1, "a redelivery is relayed once"


async def test_bodies_that_are_not_updates_get_400(hooked: WebhookBot) -> None:
    async with aiohttp.ClientSession() as session:
        for body in (b"not json", b"[1, 2]", b'{"no_update_id": 1}'):
            async with session.post(hooked.url, data=body, headers={SECRET_HEADER: SECRET}) as response:
                assert response.status == 400


# --- a crash in webhook mode ------------------------------------------------------------------------

BURST = 20


def _numbers(api: LocalBotApi, chat_id: int) -> list[int]:
    return [int(t.split("\n")[1].rsplit(" ", 1)[1]) for t in api.texts(chat_id) if t.startswith("Anna · Hamburg\n")]


async def _start_process(api: LocalBotApi, env: dict[str, str], log: Path) -> asyncio.subprocess.Process:
    calls = len(api.calls_of("setWebhook"))
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bridgebot", "run", env=env, stdout=log.open("ab"), stderr=asyncio.subprocess.STDOUT
    )
    await api.wait_for(lambda: len(api.calls_of("setWebhook")) > calls, timeout=30)
    return process


async def test_kill_9_in_webhook_mode_loses_and_doubles_nothing(
    hooked: WebhookBot, api: LocalBotApi, linked: tuple[City, City], tmp_path: Path
) -> None:
    hamburg, leeds = linked
    await hooked.stop()
    settings = hooked.settings
    env = {
        **os.environ,
        "BRIDGEBOT_TOKEN": TOKEN,
        "BRIDGEBOT_TELEGRAM_BASE_URL": api.base_url,
        "BRIDGEBOT_DB": str(settings.db_path),
        "BRIDGEBOT_MODELS_DIR": str(settings.models_path),
        "BRIDGEBOT_RATE_PER_SECOND": "1000",
        "BRIDGEBOT_RATE_GROUP_PER_MINUTE": "100000",
        "BRIDGEBOT_WEBHOOK_URL": hooked.url,
        "BRIDGEBOT_WEBHOOK_SECRET": SECRET,
        "BRIDGEBOT_WEBHOOK_PORT": str(settings.webhook_port),
        "BRIDGEBOT_HEALTH_PORT": "0",
        "BRIDGEBOT_LOG_LEVEL": "WARNING",
    }
    log = tmp_path / "bot.log"
    first = await _start_process(api, env, log)
    api.delay("sendMessage", 0.05, times=10_000)
    anna = api.add_user("Anna")
    for number in range(1, BURST + 1):
        api.send_text(hamburg.id, anna, f"Guten Morgen! {number}")
    await api.wait_for(lambda: len(_numbers(api, leeds.id)) >= 5, timeout=30)
    first.send_signal(signal.SIGKILL)
    await first.wait()
    assert len(_numbers(api, leeds.id)) < BURST, "the crash came too late to test anything"

    second = await _start_process(api, env, log)
    try:
        await api.wait_for(lambda: set(_numbers(api, leeds.id)) == set(range(1, BURST + 1)), timeout=60)
    finally:
        second.send_signal(signal.SIGTERM)
        await asyncio.wait_for(second.wait(), 20)
    assert second.returncode == 0, log.read_text()
    numbers = _numbers(api, leeds.id)
    assert [n for i, n in enumerate(numbers) if n not in numbers[:i]] == list(range(1, BURST + 1))
    assert len(numbers) - BURST <= 1, f"more than the one in-flight send repeated: {numbers}"


async def test_a_commit_posted_again_after_a_lost_answer_is_applied_once(
    hooked: WebhookBot, api: LocalBotApi, linked: tuple[City, City]
) -> None:
    hamburg, leeds = linked
    update = _forged(leeds, api.add_user("Tom"), "/commit send the budget by friday", 7003)
    update["message"]["entities"] = [{"type": "bot_command", "offset": 0, "length": len("/commit")}]
    assert await _post(hooked.url, update, SECRET) == 200
    assert await _post(hooked.url, update, SECRET) == 200  # Telegram redelivers after a lost answer
    await api.wait_for(lambda: any(t.startswith("📌 #1") for t in api.texts(hamburg.id)))
    group = await hooked.services.repo.group(leeds.id)
    assert [c.number for c in await hooked.services.repo.commitments(group.partnership_id)] == [1]
    await hooked.services.outbox.idle()  # whatever announcements were queued are out now
    assert [t[:4] for t in api.texts(hamburg.id) if t.startswith("📌")] == ["📌 #1"]
