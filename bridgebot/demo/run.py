"""`bridgebot demo`: the real bot, offline, in a scripted conversation of three partner cities.

Everything runs in this process and in a temporary directory that is removed at the end: a local Bot
API server (bridgebot.localapi) on loopback stands in for Telegram, the tiny Argos packages shipped in
bridgebot/demo/packages are installed into the temporary models directory, and the bot is the same
`serve()` that `bridgebot run` executes, with a clock the demo can move so that a follow-up fires
without waiting a day. No token, no network, nothing written to the user's home.

The tiny language packages only know the phrases in bridgebot/demo/phrases.json, so the people in
the script say exactly those.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO
from zoneinfo import ZoneInfo

from bridgebot.demo.view import BOLD, CYAN, DIM, GREEN, MAGENTA, YELLOW, Columns, Line, Painter, message_lines

if TYPE_CHECKING:
    from bridgebot.config import Settings
    from bridgebot.handlers.common import Services
    from bridgebot.localapi import LocalBotApi

PACKAGES = Path(__file__).resolve().parent / "packages"
# A demo token: the local server accepts any, and PTB wants one of the right shape.
TOKEN = "123456789:DEMO-offline-aaaaaaaaaaaaaaaaaaaaaaaa"
PAUSE = 0.8  # seconds between steps on a terminal, so a person can follow
WAIT = 20.0  # seconds the demo waits for the bot's answer before it gives up
# Where Argos, matplotlib and fontconfig would otherwise write into the user's home (and onnxruntime,
# which runs the sentence splitter, leaves a `.ses` file in TMPDIR).
_ISOLATED = ("ARGOS_PACKAGES_DIR", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "MPLCONFIGDIR", "TMPDIR")


class DemoFailed(Exception):
    """The bot did not answer as the script expects; the message says where."""


class DemoClock:
    """The bot's "now": real time flowing from a chosen start, plus the jumps the demo makes."""

    def __init__(self, start: datetime) -> None:
        self.start = start
        self.began = time.monotonic()
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return self.start + timedelta(seconds=time.monotonic() - self.began) + self.offset

    def jump_to(self, moment: datetime) -> None:
        self.offset += max(timedelta(), moment - self())


def demo_start(today: datetime | None = None) -> datetime:
    """The coming Tuesday, 08:00 UTC: working hours in Hamburg, Leeds and Hangzhou alike, a week with
    no weekly digest due, and a Friday ahead for the commitment's due date."""
    today = today or datetime.now(UTC)
    tuesday = today.date() + timedelta(days=(1 - today.weekday()) % 7)
    return datetime.combine(tuesday, clock_time(8, 0), tzinfo=UTC)


@dataclass
class City:
    name: str
    lang: str
    tz: str
    colour: str
    chat: dict
    person: dict

    @property
    def id(self) -> int:
        return self.chat["id"]

    @property
    def header(self) -> str:
        return f"{self.name} · {self.lang} · {self.tz}"


class Demo:
    """The script: people post in their groups; after each step every group's new messages are
    printed in that group's column."""

    def __init__(self, api: LocalBotApi, columns: Columns, clock: DemoClock, pause: float) -> None:
        self.api = api
        self.columns = columns
        self.painter = columns.painter
        self.clock = clock
        self.pause = pause
        self.services: Services | None = None
        self.bot_task: asyncio.Task | None = None
        self.cities: list[City] = []
        self._shown: dict[int, int] = {}

    # --- the world ---------------------------------------------------------------------------------

    def add_city(self, name: str, lang: str, tz: str, person: str, username: str, colour: str) -> City:
        chat = self.api.add_group(f"{name} – partner cities")
        user = self.api.add_user(person, username=username, language_code=lang)
        self.api.set_admin(chat["id"], user["id"])
        city = City(name, lang, tz, colour, chat, user)
        self.cities.append(city)
        self._shown[city.id] = 0
        return city

    def _bot_messages(self, city: City) -> int:
        return len(self.api.sent(city.id))

    # --- acting and showing ------------------------------------------------------------------------

    async def step(self, posts: list[tuple[City, str]], expect: dict[str, int]) -> None:
        """Each city's person posts their text; then wait until the bot has sent `expect[city name]`
        more messages in each group (the bot's replies, relayed copies, announcements) and show them."""
        before = {city.id: self._bot_messages(city) for city in self.cities}
        for city, text in posts:
            self.api.send_text(city.id, city.person, text)
        await self.settle(before, expect, " / ".join(text for _, text in posts))

    async def settle(self, before: dict[int, int], expect: dict[str, int], what: str) -> None:
        wanted = {city.id: before[city.id] + expect.get(city.name, 0) for city in self.cities}

        def arrived() -> bool:
            return self._bot_task_ended() or all(self._bot_messages(c) >= wanted[c.id] for c in self.cities)

        try:
            await self.api.wait_for(arrived, WAIT)
        except TimeoutError:
            got = {c.name: self._bot_messages(c) - before[c.id] for c in self.cities}
            raise DemoFailed(f"after {what!r} the bot sent {got} new messages, expected {expect}") from None
        if self._bot_task_ended():
            self.bot_task.result()
            raise DemoFailed("the bot stopped")
        # Let anything else the step caused arrive, so it is shown with this step.
        count = sum(self._bot_messages(c) for c in self.cities)
        while True:
            await asyncio.sleep(0.1)
            now = sum(self._bot_messages(c) for c in self.cities)
            if now == count:
                break
            count = now
        self.show()
        if self.pause:
            await asyncio.sleep(self.pause)

    def _bot_task_ended(self) -> bool:
        return self.bot_task is not None and self.bot_task.done()

    def show(self) -> None:
        """Every group's messages that were not printed yet, one column per group."""
        bot_id = self.api.bot["id"]
        cells: list[list[Line]] = []
        for city in self.cities:
            messages = self.api.messages(city.id)
            cell: list[Line] = []
            for message in messages[self._shown[city.id] :]:
                sender = message.get("from", {})
                if sender.get("id") == bot_id:
                    name, codes = "bridgebot", (CYAN,)
                else:
                    owner = next((c for c in self.cities if c.person["id"] == sender.get("id")), None)
                    name, codes = sender.get("first_name", "?"), (owner.colour if owner else YELLOW,)
                if cell:
                    cell.append(Line("", ""))
                cell.extend(message_lines(self.painter, name, codes, message, self.columns.column_width))
            self._shown[city.id] = len(messages)
            cells.append(cell)
        if any(cells):
            self.columns.row(cells)
            self.columns.rule("·")

    def chapter(self, title: str, explanation: str) -> None:
        self.columns.out.write("\n")
        self.columns.say(f"▶ {title}", BOLD)
        self.columns.say(explanation, DIM)
        self.columns.rule()

    def open_private_chat(self, city: City) -> None:
        """The city's person presses Start in a private chat with the bot: only then may the bot
        write to them, and join codes are handed over only there."""
        self.api.press_start(city.person)

    def last_code(self, city: City) -> str:
        """The join code the bot just sent the city's person privately, shown as a line of narration
        because the columns show the groups, where the code never appears."""
        text = self.api.texts(city.person["id"])[-1]
        match = re.search(r"\b[A-Z2-9]{4}-[A-Z2-9]{4}\b", text)
        if match is None:
            raise DemoFailed(f"no join code in {text!r}")
        self.columns.say(f"🔒 {city.person['first_name']}'s private chat with bridgebot: {text}", DIM)
        self.columns.rule("·")
        return match.group(0)

    # --- the story ---------------------------------------------------------------------------------

    async def play(self) -> None:
        hamburg, leeds, hangzhou = self.cities
        self.chapter(
            "1. Onboarding",
            "Each city's admin registers its group (name, language, time zone); Hamburg's admin creates the "
            "partnership and receives one-time codes in her private chat with the bot, which the other cities "
            "join with; each city names its contact person.",
        )
        self.open_private_chat(hamburg)
        await self.step(
            [(c, f"/setup {c.name} {c.lang} {c.tz}") for c in self.cities], {c.name: 1 for c in self.cities}
        )
        await self.step([(hamburg, "/partnership new Hamburg–Leeds–Hangzhou")], {hamburg.name: 1})
        await self.step([(leeds, f"/partnership join {self.last_code(hamburg)}")], {hamburg.name: 1, leeds.name: 1})
        await self.step([(hamburg, "/partnership invite")], {hamburg.name: 1})
        await self.step([(hangzhou, f"/partnership join {self.last_code(hamburg)}")], {c.name: 1 for c in self.cities})
        await self.step([(c, f"/focal @{c.person['username']}") for c in self.cities], {c.name: 1 for c in self.cities})

        self.chapter(
            "2. Everyone writes in their own language",
            "Every message appears in the partner groups, translated offline (Argos Translate, no cloud) "
            "into each group's language, with who wrote it and the original in a quote. German to Chinese "
            "has no direct model here, so it goes through English and says so.",
        )
        await self.step([(hamburg, "Guten Morgen!")], {leeds.name: 1, hangzhou.name: 1})
        await self.step([(leeds, "The delegation arrives on Monday.")], {hamburg.name: 1, hangzhou.name: 1})
        await self.step([(hangzhou, "会议在星期五。")], {hamburg.name: 1, leeds.name: 1})

        self.chapter(
            "3. A commitment",
            "Anna promises something, with a due date in German; every group gets it in its language and "
            "its local time.",
        )
        await self.step([(hamburg, "/commit wir schicken das budget bis Freitag")], {c.name: 1 for c in self.cities})

        self.chapter(
            "4. A follow-up",
            "Tom schedules a nudge about commitment #1 for tomorrow 10:00 his time; the confirmation lists "
            "each partner's local time for it.",
        )
        await self.step([(leeds, "/followup #1 tomorrow 10:00 please read")], {leeds.name: 1})
        due = await self.services.repo.next_nudge_at()
        if due is None:
            raise DemoFailed("no follow-up was planned")
        local = [f"{due.astimezone(ZoneInfo(c.tz)):%H:%M} in {c.name}" for c in (hamburg, hangzhou)]
        self.columns.say(
            f"⏩ The demo moves the bot's clock forward to {due.astimezone(ZoneInfo(leeds.tz)):%A %H:%M} in Leeds "
            f"({', '.join(local)}), when the follow-up is due.",
            BOLD,
        )
        self.columns.rule()
        before = {city.id: self._bot_messages(city) for city in self.cities}
        self.clock.jump_to(due)
        await self.services.nudges.run_due()
        await self.settle(before, {c.name: 1 for c in self.cities}, "the follow-up")
        await self.step([(hamburg, "/done 1")], {c.name: 1 for c in self.cities})
        await self.step([(hangzhou, "非常感谢！")], {hamburg.name: 1, leeds.name: 1})

        self.chapter("5. /report", "Partnership activity: messages and commitments per city, as text and a chart.")
        await self.step([(leeds, "/report")], {leeds.name: 2})


def _settings(api_url: str, directory: Path, admin_id: int) -> Settings:
    from bridgebot.config import Settings

    return Settings(
        token=TOKEN,
        telegram_base_url=api_url,
        data_dir=directory,
        db=directory / "bridgebot.sqlite3",
        models_dir=directory / "models",
        admins=frozenset({admin_id}),
        poll_timeout=1,
        # A local server: Telegram's flood limits would only slow the story down.
        rate_per_second=1000,
        rate_group_per_minute=100000,
        health_port=0,
        log_level="WARNING",
    )


def install_packages(models: Path) -> None:
    from bridgebot.translation.argos import use_models_dir
    from bridgebot.translation.packages import install_file

    use_models_dir(models)
    for archive in sorted(PACKAGES.glob("*.argosmodel")):
        install_file(archive)


async def play(out: TextIO, directory: Path, fast: bool = False, color: bool = False, width: int = 120) -> None:
    """Run the whole demo, printing to `out`; the bot's files go to `directory`."""
    from bridgebot.app import serve
    from bridgebot.localapi import LocalBotApi
    from bridgebot.translation import argos

    painter = Painter(color)
    columns = Columns(out, painter, width)
    try:
        previous_models: Path | None = argos.models_dir()
    except RuntimeError:
        previous_models = None
    install_packages(directory / "models")
    clock = DemoClock(demo_start())
    stop = asyncio.Event()
    try:
        async with LocalBotApi(bot_username="bridgebot_demo_bot") as api:
            demo = Demo(api, columns, clock, 0.0 if fast else PAUSE)
            hamburg = demo.add_city("Hamburg", "de", "Europe/Berlin", "Anna", "anna_hh", YELLOW)
            demo.add_city("Leeds", "en", "Europe/London", "Tom", "tom_leeds", GREEN)
            demo.add_city("Hangzhou", "zh", "Asia/Shanghai", "Li Wei", "liwei_hz", MAGENTA)

            def ready(services: Services) -> None:
                demo.services = services

            settings = _settings(api.base_url, directory, hamburg.person["id"])
            demo.bot_task = asyncio.create_task(serve(settings, stop, ready, clock))
            try:
                await api.wait_for(lambda: demo.services is not None or demo.bot_task.done(), WAIT)
                if demo.bot_task.done():
                    demo.bot_task.result()
                    raise DemoFailed("the bot stopped while starting")
                _title(columns, demo.cities)
                await demo.play()
            finally:
                stop.set()
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(asyncio.shield(demo.bot_task), WAIT)
    finally:
        if previous_models is not None:
            argos.use_models_dir(previous_models)


def _title(columns: Columns, cities: list[City]) -> None:
    painter = columns.painter
    columns.say(
        "bridgebot demo — the real bot against a local Telegram Bot API server, offline, with tiny "
        "language models that know only a few phrases. Three partner groups, one column each.",
        BOLD,
    )
    columns.rule("═")
    columns.row([[Line(c.header, painter.paint(c.header, BOLD, c.colour))] for c in cities])
    columns.rule("═")


@contextlib.contextmanager
def _isolated_environment(directory: Path) -> Iterator[None]:
    """Argos, matplotlib and fontconfig read these at import; point them into the demo's directory."""
    saved = {name: os.environ.get(name) for name in _ISOLATED}
    state = directory / "state"
    (state / "tmp").mkdir(parents=True)
    os.environ.update(
        ARGOS_PACKAGES_DIR=str(directory / "models"),
        XDG_DATA_HOME=str(state / "data"),
        XDG_CACHE_HOME=str(state / "cache"),
        XDG_CONFIG_HOME=str(state / "config"),
        MPLCONFIGDIR=str(state / "matplotlib"),
        TMPDIR=str(state / "tmp"),
    )
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def use_color(stream: TextIO) -> bool:
    """ANSI colour on a terminal, unless NO_COLOR is set (https://no-color.org) or TERM is dumb."""
    isatty: Callable[[], bool] = getattr(stream, "isatty", lambda: False)
    return isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def main(fast: bool = False, out: TextIO | None = None) -> int:
    """The `bridgebot demo` command: 0 when the story played through, 1 if the bot misbehaved, 130 on Ctrl-C."""
    from bridgebot.config import Settings
    from bridgebot.logs import configure_logging

    out = out or sys.stdout
    on_terminal = bool(getattr(out, "isatty", lambda: False)())
    width = max(60, min(200, shutil.get_terminal_size((120, 24)).columns))
    configure_logging(Settings(token=TOKEN, log_level="WARNING"))
    with tempfile.TemporaryDirectory(prefix="bridgebot-demo-") as name, _isolated_environment(Path(name)):
        started = time.monotonic()
        try:
            asyncio.run(play(out, Path(name), fast or not on_terminal, use_color(out), width))
        except KeyboardInterrupt:
            out.write("\ndemo interrupted\n")
            return 130
        except DemoFailed as exc:
            print(f"error: the demo stopped: {exc}", file=sys.stderr)
            return 1
    out.write(f"\nThe demo took {time.monotonic() - started:.1f} s; its temporary files are removed.\n")
    out.write("Run the real bot with `bridgebot run` (it explains how to get a token from @BotFather).\n")
    return 0
