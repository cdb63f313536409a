"""Seed a three-city partnership through the real bot and save what /report posts in each group.

    python scripts/report_example.py docs/

Chinese and Japanese chart labels come from the fonts shipped in bridgebot/fonts; city names in
CJK need a system CJK font (e.g. fonts-wqy-microhei).

Runs offline: the local Bot API server, the tiny Argos packages and a moved clock (three weeks of
messages and commitments in a few seconds). Writes report-<lang>.txt and report-<lang>.png.
"""

from __future__ import annotations

import asyncio
import re
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bridgebot.app import serve
from bridgebot.config import Settings
from bridgebot.localapi import LocalBotApi
from bridgebot.translation.argos import use_models_dir
from bridgebot.translation.packages import install_file

PACKAGES = Path(__file__).resolve().parent.parent / "bridgebot" / "demo" / "packages"
TOKEN = "123456:EXAMPLE-token-aaaaaaaaaaaaaaaaaaaaa"
ADMIN = 4242


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


async def answers(api: LocalBotApi, chat_id: int, user: dict, text: str, count: int = 1) -> list[dict]:
    asked = api.send_text(chat_id, user, text)

    def replies() -> list[dict]:
        return [m for m in api.sent(chat_id) if m["reply_to"] == asked["message_id"]]

    await api.wait_for(lambda: len(replies()) >= count, 30)
    return replies()


async def done(api: LocalBotApi, chat_id: int, user: dict, number: int) -> None:
    api.send_text(chat_id, user, f"/done {number}")
    await api.wait_for(lambda: any(f"✅ #{number}" in (m.get("text") or "") for m in api.sent(chat_id)), 30)


async def reports() -> dict[str, tuple[str, bytes]]:
    """UI language -> (the /report text, the chart PNG) as each group received them."""
    work = Path(tempfile.mkdtemp())
    use_models_dir(work / "models")
    for archive in sorted(PACKAGES.glob("*.argosmodel")):
        install_file(archive)
    clock = Clock(datetime(2026, 11, 2, 9, 0, tzinfo=UTC))
    async with LocalBotApi() as api:
        settings = Settings(
            token=TOKEN,
            telegram_base_url=api.base_url,
            data_dir=work,
            models_dir=work / "models",
            admins=frozenset({ADMIN}),
            poll_timeout=1,
            health_port=0,
        )
        stop = asyncio.Event()
        bot = asyncio.create_task(serve(settings, stop, None, clock))
        await api.wait_for(lambda: api.calls_of("getUpdates"), 30)
        admin = api.add_user("Ada", username="ada_admin")
        api.world.users[ADMIN] = {**admin, "id": ADMIN}
        admin = api.world.users[ADMIN]
        cities = {}
        for name, lang, tz in (
            ("Hamburg", "de", "Europe/Berlin"),
            ("Leeds", "en", "Europe/London"),
            ("Hangzhou", "zh", "Asia/Shanghai"),
        ):
            chat = api.add_group(f"{name} partner group")
            api.set_admin(chat["id"], ADMIN)
            await answers(api, chat["id"], admin, f"/setup {name} {lang} {tz}")
            cities[name] = chat["id"]
        created = await answers(api, cities["Hamburg"], admin, "/partnership new Hamburg–Leeds–Hangzhou")
        code = re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}", created[0]["text"]).group(0)
        await answers(api, cities["Leeds"], admin, f"/partnership join {code}")
        invite = await answers(api, cities["Hamburg"], admin, "/partnership invite")
        code = re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}", invite[0]["text"]).group(0)
        await answers(api, cities["Hangzhou"], admin, f"/partnership join {code}")

        anna = api.add_user("Anna", username="anna_hh")
        tom = api.add_user("Tom", username="tom_leeds")
        li = api.add_user("Li Wei", username="liwei")
        script = [
            ("Hamburg", anna, ["hallo", "guten morgen", "der bericht ist fertig"]),
            ("Leeds", tom, ["hello", "thank you", "the room is booked", "see you tomorrow", "Good morning!"]),
            ("Hangzhou", li, ["早上好", "谢谢"]),
        ]
        for city, person, lines in script:
            for line in lines:
                api.send_text(cities[city], person, line)
        for city, person, command in (
            ("Hamburg", anna, "/commit wir schicken das budget bis 2026-11-10"),
            ("Leeds", tom, "/commit send the photos by 2026-11-06"),
            ("Hangzhou", li, "/commit 桥开放了 2026-11-20之前"),
            ("Leeds", tom, "/commit the report is ready by 2026-11-30"),
        ):
            await answers(api, cities[city], person, command, 0)
            await api.wait_for(lambda c=cities[city]: any("📌" in (m.get("text") or "") for m in api.sent(c)), 30)
        clock.now += timedelta(days=3)
        await done(api, cities["Leeds"], tom, 2)
        clock.now += timedelta(days=9)
        await done(api, cities["Hamburg"], anna, 1)
        clock.now = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
        await answers(api, cities["Hangzhou"], li, "你好", 0)
        await api.wait_for(lambda: any("你好" in (m.get("text") or "") for m in api.sent(cities["Leeds"])), 30)
        found = {}
        for city, lang in (("Leeds", "en"), ("Hamburg", "de"), ("Hangzhou", "zh")):
            text, photo = await answers(api, cities[city], admin, "/report", 2)
            found[lang] = (text["text"], api.world.files[photo["photo"][-1]["file_id"]].data)
        stop.set()
        await bot
        return found


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for lang, (text, png) in asyncio.run(reports()).items():
        (out / f"report-{lang}.txt").write_text(text + "\n")
        (out / f"report-{lang}.png").write_bytes(png)
        print(text, end="\n\n")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "."))
