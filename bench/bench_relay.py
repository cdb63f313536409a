"""Relay latency: from an update reaching the bot to the copy's sendMessage, vs translation alone.

    python bench/bench_relay.py [--messages 200]

Runs the real bot (serve(), as `bridgebot run` does) against the local Bot API server with the tiny
Argos packages, one message at a time so each latency is measured on an otherwise idle bot.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import tempfile
import time
from pathlib import Path

from bridgebot.app import serve
from bridgebot.config import Settings
from bridgebot.handlers.common import Services
from bridgebot.localapi import LocalBotApi
from bridgebot.translation.argos import use_models_dir
from bridgebot.translation.packages import install_file

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ROOT / "bridgebot" / "demo" / "packages"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def command(api: LocalBotApi, chat: dict, user: dict, text: str) -> str:
    before = len(api.sent(chat["id"]))
    api.send_text(chat["id"], user, text)
    return (await api.wait_sent(chat["id"], before + 1))[-1]["text"]


async def main(count: int) -> None:
    work = Path(tempfile.mkdtemp())
    use_models_dir(work / "models")
    for archive in PACKAGES.glob("*.argosmodel"):
        install_file(archive)
    phrases = [row["en"] for row in json.loads((ROOT / "bridgebot/demo/phrases.json").read_text())]
    async with LocalBotApi() as api:
        admin = {"id": 1, "is_bot": False, "first_name": "Admin"}
        api.world.users[1] = admin
        hamburg, leeds = api.add_group("Hamburg"), api.add_group("Leeds")
        for chat in (hamburg, leeds):
            api.set_admin(chat["id"], 1)
        ready: list[Services] = []
        settings = Settings(
            token="1:bench-token-aaaaaaaaaaaaaaaaaaaaaa",
            telegram_base_url=api.base_url,
            data_dir=work,
            models_dir=work / "models",
            admins=frozenset({1}),
            poll_timeout=5,
            rate_per_second=100000,
            rate_group_per_minute=100000,
            health_port=0,
        )
        stop = asyncio.Event()
        task = asyncio.create_task(serve(settings, stop, ready.append))
        await api.wait_for(lambda: bool(ready), 30)
        await command(api, hamburg, admin, "/setup Hamburg de Europe/Berlin")
        await command(api, leeds, admin, "/setup Leeds en Europe/London")
        api.press_start(admin)  # join codes arrive in the admin's private chat with the bot
        await command(api, leeds, admin, "/partnership new Bench")
        code = re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}", api.texts(admin["id"])[-1]).group(0)
        await command(api, hamburg, admin, f"/partnership join {code}")
        await asyncio.sleep(0.5)
        officer = api.add_user("Tom")
        relay, translation = [], []
        engine = ready[0].engine
        for index in range(count):
            text = phrases[index % len(phrases)]
            started = time.perf_counter()
            await engine.translate(text, [], "en", "de")
            translation.append(time.perf_counter() - started)
            before = len(api.calls_of("sendMessage", hamburg["id"]))
            injected = time.monotonic()
            api.send_text(leeds["id"], officer, text)
            await api.wait_for(lambda b=before: len(api.calls_of("sendMessage", hamburg["id"])) > b, 10)
            relay.append(api.calls_of("sendMessage", hamburg["id"])[-1].at - injected)
        stop.set()
        await task
    print(f"messages: {count} (en -> de, tiny packages, one at a time)")
    print(f"{'':28}{'median ms':>10}{'p95 ms':>10}")
    for name, values in (("translation alone", translation), ("update -> sendMessage", relay)):
        print(f"{name:28}{1000 * statistics.median(values):10.1f}{1000 * percentile(values, 0.95):10.1f}")
    overhead = statistics.median(relay) - statistics.median(translation)
    print(f"everything but translation (median): {1000 * overhead:.1f} ms")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=200)
    asyncio.run(main(parser.parse_args().messages))
