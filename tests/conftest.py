"""Fixtures that build real things: a local Bot API server, the real bot, a SQLite file, and the
tiny Argos packages installed into a models directory."""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

import pytest

from bridgebot.app import serve
from bridgebot.config import Settings
from bridgebot.handlers.common import Services
from bridgebot.localapi import LocalBotApi
from bridgebot.translation.argos import use_models_dir
from tests.mailservers import Dovecot, SmtpCapture, dovecot_missing

PACKAGES = Path(__file__).resolve().parent.parent / "bridgebot" / "demo" / "packages"
TOKEN = "123456:TEST-token-aaaaaaaaaaaaaaaaaaaaaaaa"


@pytest.fixture(scope="session")
def models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """All tiny packages, installed once: Argos' directories are process-wide."""
    directory = tmp_path_factory.mktemp("argos") / "models"
    use_models_dir(directory)
    from bridgebot.translation.packages import install_file

    for archive in sorted(PACKAGES.glob("*.argosmodel")):
        install_file(archive)
    return directory


@pytest.fixture
async def api() -> AsyncIterator[LocalBotApi]:
    async with LocalBotApi() as server:
        yield server


@dataclass
class RunningBot:
    """The real `serve()` of `bridgebot run`, in this event loop, against the local server."""

    settings: Settings
    api: LocalBotApi
    task: asyncio.Task | None = None
    stop_event: asyncio.Event = field(default_factory=asyncio.Event)
    services: Services | None = None
    clock: Callable[[], datetime] | None = None

    async def start(self) -> RunningBot:
        self.stop_event = asyncio.Event()
        polls = len(self.api.calls_of("getUpdates"))
        self.task = asyncio.create_task(serve(self.settings, self.stop_event, self._ready, self.clock))
        await self.api.wait_for(lambda: len(self.api.calls_of("getUpdates")) > polls or self.task.done(), 20)
        if self.task.done():
            self.task.result()
        return self

    def _ready(self, services: Services) -> None:
        self.services = services

    async def stop(self) -> None:
        if self.task is not None and not self.task.done():
            self.stop_event.set()
            await asyncio.wait_for(self.task, 20)
        self.task = None

    async def restart(self) -> RunningBot:
        await self.stop()
        return await self.start()


@pytest.fixture
def clock() -> Callable[[], datetime] | None:
    """The bot's "now"; test modules about dates override this with a fixed moment."""
    return None


@pytest.fixture
async def bot(
    api: LocalBotApi, tmp_path: Path, models_dir: Path, clock: Callable[[], datetime] | None
) -> AsyncIterator[RunningBot]:
    settings = Settings(
        token=TOKEN,
        telegram_base_url=api.base_url,
        data_dir=tmp_path,
        db=tmp_path / "bridgebot.sqlite3",
        models_dir=models_dir,
        admins=frozenset({4242}),
        poll_timeout=1,
        rate_per_second=1000,
        rate_group_per_minute=100000,
        health_port=0,  # tests that scrape it pick a free port; the default 8080 may be taken
    )
    running = RunningBot(settings, api, clock=clock)
    await running.start()
    yield running
    with contextlib.suppress(Exception):
        await running.stop()


@dataclass
class City:
    chat: dict
    admin: dict
    name: str
    lang: str

    @property
    def id(self) -> int:
        return self.chat["id"]


class Scenario:
    """Telling the story of partner cities: groups, their admins, and what they type."""

    def __init__(self, api: LocalBotApi) -> None:
        self.api = api
        self.bot_admin = {"id": 4242, "is_bot": False, "first_name": "Ada", "username": "ada_admin"}
        api.world.users[4242] = self.bot_admin

    def city(self, name: str, lang: str, admin_name: str | None = None) -> City:
        chat = self.api.add_group(f"{name} partner group")
        admin = self.api.add_user(admin_name or f"{name} Admin", username=f"{name.lower()}_admin")
        self.api.set_admin(chat["id"], admin["id"])
        self.api.set_admin(chat["id"], self.bot_admin["id"])
        return City(chat, admin, name, lang)

    def replies_to(self, chat_id: int, message_id: int) -> list[str]:
        return [
            m.get("text") or m.get("caption") or ""
            for m in self.api.sent(chat_id)
            if (m.get("reply_to_message") or {}).get("message_id") == message_id
        ]

    async def say(self, city: City, user: dict, text: str, replies: int = 1, **kwargs) -> list[str]:
        """Post `text` and wait for the bot's `replies` answers to it in that group."""
        message = self.api.send_text(city.id, user, text, **kwargs)
        if replies:
            await self.api.wait_for(lambda: len(self.replies_to(city.id, message["message_id"])) >= replies)
        return self.replies_to(city.id, message["message_id"])

    async def setup(self, city: City, tz: str = "Europe/Berlin") -> None:
        await self.say(city, city.admin, f"/setup {city.name} {city.lang} {tz}")

    async def start_private_chat(self, person: dict) -> None:
        """The person presses Start in a private chat with the bot, which may then send them join codes."""
        if person["id"] in self.api.world.chats:
            return
        message = self.api.press_start(person)
        await self.api.wait_for(lambda: len(self.replies_to(person["id"], message["message_id"])) >= 2)

    def private_code(self, person: dict) -> str:
        """The join code the bot sent the person last, in their private chat."""
        codes = [match for text in self.api.texts(person["id"]) for match in CODE.findall(text)]
        assert codes, self.api.texts(person["id"])
        return codes[-1]

    async def code(self, city: City, person: dict, command: str) -> str:
        """`person` asks for a join code in the city's group (`/partnership new|invite`) and reads it
        in their private chat with the bot; the group only learns that it was sent."""
        await self.start_private_chat(person)
        before = len(self.api.texts(person["id"]))
        answer = (await self.say(city, person, command))[0]
        assert not CODE.search(answer), answer
        assert len(self.api.texts(person["id"])) == before + 1, answer
        return self.private_code(person)

    async def partnership(self, name: str, *cities: City) -> str:
        """Create a partnership from the first city's group and join the others with fresh codes."""
        first, *others = cities
        code = await self.code(first, self.bot_admin, f"/partnership new {name}")
        for index, city in enumerate(others):
            if index:
                code = await self.code(first, first.admin, "/partnership invite")
            notices = len(self.api.sent(first.id))
            await self.say(city, city.admin, f"/partnership join {code}", replies=1)
            await self.api.wait_sent(first.id, notices + 1)  # "<city> joined the partnership"
        return code


CODE = re.compile(r"\b[A-Z2-9]{4}-[A-Z2-9]{4}\b")


@pytest.fixture
def story(api: LocalBotApi) -> Scenario:
    return Scenario(api)


@pytest.fixture
async def pair(bot: RunningBot, story: Scenario) -> tuple[City, City]:
    """Hamburg (German) and Leeds (English), set up and linked."""
    hamburg, leeds = story.city("Hamburg", "de"), story.city("Leeds", "en")
    await story.setup(hamburg)
    await story.setup(leeds, "Europe/London")
    await story.partnership("Hamburg–Leeds", hamburg, leeds)
    return hamburg, leeds


__all__ = ["City", "RunningBot", "Scenario", "replace"]


@pytest.fixture
def dovecot(tmp_path: Path) -> Iterator[Dovecot]:
    """A real Dovecot IMAP server with the bot's mailbox (tests/mailservers.py); skipped without Dovecot."""
    if reason := dovecot_missing():
        pytest.skip(reason)
    server = Dovecot(tmp_path / "dovecot")
    server.start()
    yield server
    server.remove()


@pytest.fixture
def smtp_server() -> Iterator[SmtpCapture]:
    """A real SMTP server (aiosmtpd) on loopback that captures what the bot sends."""
    server = SmtpCapture()
    server.start()
    yield server
    server.stop()
