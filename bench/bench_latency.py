"""The latency figures the tests no longer assert (they check the behaviour behind each one instead).

    python bench/bench_latency.py [--repeat 20] [--no-demo]

With the tiny Argos packages, on this machine:
  - a lone message on a warm pair: it goes in a call of its own, never waits for a batch to fill
    (tests/test_engine.py checks that it is a call of its own);
  - the longest event-loop stall while a 400-sentence message is translated (the test checks that the
    loop keeps running during the batch);
  - the local Bot API server's long poll: from an update to the getUpdates answer (the test checks it
    answers with the update long before the poll's timeout);
  - flood control in one group: how soon a partner group gets its copy while another is answered 429
    (the test checks that it gets it while the other is still refused);
  - `bridgebot demo` from start to exit (the test checks that it finishes and what it shows).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from telegram import Bot

from bridgebot.app import serve
from bridgebot.config import Settings
from bridgebot.handlers.common import Services
from bridgebot.localapi import LocalBotApi
from bridgebot.translation.argos import use_models_dir
from bridgebot.translation.engine import Engine
from bridgebot.translation.packages import install_file

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ROOT / "bridgebot" / "demo" / "packages"
TOKEN = "1:bench-token-aaaaaaaaaaaaaaaaaaaaaa"


def _row(name: str, seconds: list[float]) -> None:
    ordered = sorted(seconds)
    print(f"{name:44}{1000 * statistics.median(ordered):10.1f}{1000 * ordered[-1]:10.1f}")


async def lone_message(engine: Engine, repeat: int) -> list[float]:
    """Each phrase once, so every call reaches the model rather than the cache."""
    phrases = [row["en"] for row in json.loads((ROOT / "bridgebot/demo/phrases.json").read_text())]
    await engine.translate(phrases[0], [], "en", "de")
    timings = []
    for text in phrases[1 : repeat + 1]:
        started = time.perf_counter()
        await engine.translate(text, [], "en", "de")
        timings.append(time.perf_counter() - started)
    return timings


async def loop_stall(engine: Engine) -> list[float]:
    work = asyncio.create_task(engine.translate(" ".join(["The report is ready."] * 400), [], "en", "de"))
    stalls = []
    while not work.done():
        before = time.perf_counter()
        await asyncio.sleep(0.005)
        stalls.append(time.perf_counter() - before - 0.005)
    await work
    return [max(stalls, default=0.0)]


async def long_poll(repeat: int) -> list[float]:
    timings = []
    async with LocalBotApi() as api:
        group, anna = api.add_group("Leeds"), api.add_user("Anna")
        async with Bot(TOKEN, base_url=api.base_url) as bot:
            offset = None
            for _ in range(repeat):
                polls = len(api.calls_of("getUpdates"))
                poll = asyncio.create_task(bot.get_updates(offset=offset, timeout=30))
                await api.wait_for(lambda p=polls: len(api.calls_of("getUpdates")) > p)
                started = time.perf_counter()
                api.send_text(group["id"], anna, "hello")
                (update,) = await poll
                timings.append(time.perf_counter() - started)
                offset = update.update_id + 1
    return timings


async def _command(api: LocalBotApi, chat: dict, user: dict, text: str) -> str:
    before = len(api.sent(chat["id"]))
    api.send_text(chat["id"], user, text)
    return (await api.wait_sent(chat["id"], before + 1))[-1]["text"]


async def flood(work: Path, repeat: int) -> list[float]:
    """Leeds posts; Hamburg answers 429 (retry after 2 s) every time; how soon does Dresden get its copy?"""
    async with LocalBotApi() as api:
        admin = {"id": 1, "is_bot": False, "first_name": "Admin"}
        api.world.users[1] = admin
        cities = {name: api.add_group(name) for name in ("Leeds", "Hamburg", "Dresden")}
        for chat in cities.values():
            api.set_admin(chat["id"], 1)
        ready: list[Services] = []
        settings = Settings(
            token=TOKEN,
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
        for name, lang in (("Leeds", "en Europe/London"), ("Hamburg", "de Europe/Berlin"), ("Dresden", "de")):
            await _command(api, cities[name], admin, f"/setup {name} {lang}")
        api.press_start(admin)
        await _command(api, cities["Leeds"], admin, "/partnership new Bench")
        used: set[str] = set()
        for name in ("Hamburg", "Dresden"):
            if used:
                private = len(api.sent(admin["id"]))
                await _command(api, cities["Leeds"], admin, "/partnership invite")
                await api.wait_sent(admin["id"], private + 1)
            codes = re.findall(r"[A-Z2-9]{4}-[A-Z2-9]{4}", "\n".join(api.texts(admin["id"])))
            code = next(c for c in codes if c not in used)
            used.add(code)
            await _command(api, cities[name], admin, f"/partnership join {code}")
        api.fail("sendMessage", 429, retry_after=2, chat_id=cities["Hamburg"]["id"], times=None)
        tom, timings = api.add_user("Tom"), []
        dresden = cities["Dresden"]["id"]
        for _ in range(repeat):
            before = len(api.sent(dresden))
            started = time.perf_counter()
            api.send_text(cities["Leeds"]["id"], tom, "Good morning!")
            await api.wait_sent(dresden, before + 1, timeout=30)
            timings.append(time.perf_counter() - started)
        stop.set()
        await task
    return timings


def demo() -> list[float]:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bridgebot", "demo"], capture_output=True, check=True, timeout=600)
    return [time.perf_counter() - started]


async def main(repeat: int, with_demo: bool) -> None:
    work = Path(tempfile.mkdtemp())
    use_models_dir(work / "models")
    for archive in PACKAGES.glob("*.argosmodel"):
        install_file(archive)
    engine = Engine(work / "models")
    print(f"{'':44}{'median ms':>10}{'max ms':>10}")
    try:
        _row("lone message, warm pair (en->de)", await lone_message(engine, repeat))
        _row("event-loop stall, 400-sentence message", await loop_stall(engine))
    finally:
        engine.close()
    _row("local API long poll: update -> answer", await long_poll(repeat))
    _row("copy to a partner while another gets 429", await flood(work, min(repeat, 5)))
    if with_demo:
        _row("bridgebot demo, start to exit", demo())


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--no-demo", action="store_true")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.repeat, not arguments.no_demo))
