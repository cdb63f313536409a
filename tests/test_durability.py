"""A crash in the middle of a burst: after `kill -9` and a restart every message arrives, in order,
and nothing repeats except at most the one send per group that was in flight."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from bridgebot.localapi import LocalBotApi
from tests.conftest import TOKEN, City, RunningBot, Scenario

BURST = 30


def _environment(bot: RunningBot) -> dict[str, str]:
    settings = bot.settings
    return {
        **os.environ,
        "BRIDGEBOT_TOKEN": TOKEN,
        "BRIDGEBOT_TELEGRAM_BASE_URL": settings.telegram_base_url,
        "BRIDGEBOT_DB": str(settings.db_path),
        "BRIDGEBOT_MODELS_DIR": str(settings.models_path),
        "BRIDGEBOT_ADMINS": "4242",
        "BRIDGEBOT_POLL_TIMEOUT": "1",
        "BRIDGEBOT_HEALTH_PORT": "0",
        "BRIDGEBOT_RATE_PER_SECOND": "1000",
        "BRIDGEBOT_RATE_GROUP_PER_MINUTE": "100000",
        "BRIDGEBOT_LOG_LEVEL": "WARNING",
    }


async def _start_process(api: LocalBotApi, env: dict[str, str], log: Path) -> asyncio.subprocess.Process:
    polls = len(api.calls_of("getUpdates"))
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bridgebot", "run", env=env, stdout=log.open("ab"), stderr=asyncio.subprocess.STDOUT
    )
    await api.wait_for(lambda: len(api.calls_of("getUpdates")) > polls, timeout=30)
    return process


def _numbers(api: LocalBotApi, chat_id: int) -> list[int]:
    """The burst numbers relayed into a group, in the order the copies were sent."""
    found = []
    for text in api.texts(chat_id):
        if text.startswith("Anna · Hamburg\n"):
            found.append(int(text.split("\n")[1].rsplit(" ", 1)[1]))
    return found


async def test_kill_9_in_the_middle_of_a_burst_loses_and_doubles_nothing(
    bot: RunningBot, api: LocalBotApi, story: Scenario, tmp_path: Path
) -> None:
    hamburg, leeds, dresden = story.city("Hamburg", "de"), story.city("Leeds", "en"), story.city("Dresden", "de")
    for city, tz in ((hamburg, "Europe/Berlin"), (leeds, "Europe/London"), (dresden, "Europe/Berlin")):
        await story.setup(city, tz)
    await story.partnership("Elbe–Aire", hamburg, leeds, dresden)
    await bot.stop()

    env, log = _environment(bot), tmp_path / "bot.log"
    first = await _start_process(api, env, log)
    api.delay("sendMessage", 0.05, times=10_000)  # a slow Telegram keeps sends in flight
    anna = api.add_user("Anna")
    for number in range(1, BURST + 1):
        api.send_text(hamburg.id, anna, f"Guten Morgen! {number}")
    await api.wait_for(lambda: len(_numbers(api, leeds.id)) >= 8, timeout=30)
    first.send_signal(signal.SIGKILL)
    await first.wait()
    delivered_before_crash = len(_numbers(api, leeds.id))
    assert delivered_before_crash < BURST, "the crash came too late to test anything"

    second = await _start_process(api, env, log)
    try:
        for group in (leeds, dresden):
            await api.wait_for(lambda g=group: set(_numbers(api, g.id)) == set(range(1, BURST + 1)), timeout=60)
    finally:
        second.send_signal(signal.SIGTERM)
        await asyncio.wait_for(second.wait(), 20)
    assert second.returncode == 0, log.read_text()
    for group in (leeds, dresden):
        numbers = _numbers(api, group.id)
        assert [n for i, n in enumerate(numbers) if n not in numbers[:i]] == list(range(1, BURST + 1))
        assert len(numbers) - BURST <= 1, f"more than the one in-flight send repeated: {numbers}"


async def test_logs_never_show_the_token_and_info_logs_never_show_messages(
    bot: RunningBot, api: LocalBotApi, pair: tuple[City, City], tmp_path: Path
) -> None:
    hamburg, leeds = pair
    await bot.stop()
    for level in ("DEBUG", "INFO"):
        log = tmp_path / f"{level}.log"
        process = await _start_process(api, {**_environment(bot), "BRIDGEBOT_LOG_LEVEL": level}, log)
        before = len(api.sent(leeds.id))
        api.send_text(hamburg.id, api.add_user("Anna"), f"Vielen Dank! {level}")
        await api.wait_sent(leeds.id, before + 1, timeout=30)
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), 20)
        text = log.read_text()
        assert TOKEN not in text and TOKEN.split(":")[1] not in text
        if level == "INFO":
            assert "bridgebot is running" in text and "Vielen Dank" not in text
