"""The e-mail channel against real servers on loopback: aiosmtpd for SMTP, Dovecot for IMAP."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from bridgebot.adapters.email.compose import Block, MailBody, MailIdentity, compose
from bridgebot.adapters.email.imap import ImapReader
from bridgebot.adapters.email.smtp import SmtpSender
from bridgebot.config import load_settings
from bridgebot.services.delivery import Permanent, Rejected, Transient, Unauthorized
from tests.mailservers import Dovecot, SmtpCapture, SmtpScript, dovecot_missing

BOT = MailIdentity("bridgebot@city.example", "bridgebot · Hamburg–Hangzhou")
FIXTURES = Path(__file__).parent / "data" / "mail"


def mail_to(address: str, text: str = "我们周五前发送议程。") -> object:
    body = MailBody([Block("Anna · Hamburg · 17:14", text, "Wir schicken die Agenda bis Freitag.")])
    return compose(BOT, address, "汉堡–杭州：今日对话", body, "zh", "abc123")


def settings_for(smtp_url: str, imap_url: str = "imap://u:p@127.0.0.1:1/INBOX"):
    email = load_settings(
        None,
        {"BRIDGEBOT_EMAIL_ADDRESS": BOT.address, "BRIDGEBOT_SMTP_URL": smtp_url, "BRIDGEBOT_IMAP_URL": imap_url},
    ).email
    assert email is not None
    return email


class Handed(list[tuple[int, int, bytes]]):
    """The mails the reader handed to the product's callback, in order; `wait(n)` until n have come."""

    def __init__(self) -> None:
        super().__init__()
        self._changed = asyncio.Condition()

    async def on_mail(self, uidvalidity: int, uid: int, raw: bytes) -> None:
        async with self._changed:
            self.append((uidvalidity, uid, raw))
            self._changed.notify_all()

    async def wait(self, count: int, timeout: float = 30.0) -> None:
        async with asyncio.timeout(timeout), self._changed:
            await self._changed.wait_for(lambda: len(self) >= count)

    @property
    def uids(self) -> list[int]:
        return [uid for _, uid, _ in self]


async def test_mail_reaches_the_smtp_server_with_login_and_utf8(smtp_server: SmtpCapture) -> None:
    sender = SmtpSender(settings_for(smtp_server.url()).smtp)
    await sender.send(mail_to("wang@hz.example"))
    await sender.send(mail_to("li@hz.example", "第二封。"))
    await sender.close()
    first, second = smtp_server.received
    assert len(smtp_server.handler.connections) == 1  # one connection, reused
    assert first["X-Envelope-From"] == BOT.address
    assert first["To"].addresses[0].addr_spec == "wang@hz.example"
    assert "我们周五前发送议程。" in first.get_body(("plain",)).get_content()
    assert "第二封。" in second.get_body(("html",)).get_content()


async def test_bounces_can_be_sent_to_the_readers_plus_address(smtp_server: SmtpCapture) -> None:
    sender = SmtpSender(settings_for(smtp_server.url()).smtp)
    await sender.send(mail_to("wang@hz.example"), envelope_from=BOT.plus_address("abc123"))
    await sender.close()
    assert smtp_server.received[0]["X-Envelope-From"] == "bridgebot+abc123@city.example"


async def test_451_is_transient_and_the_next_try_is_accepted() -> None:
    server = SmtpCapture(SmtpScript(data_failures=["451 4.3.0 Temporary local problem, try again later"]))
    server.start()
    try:
        sender = SmtpSender(settings_for(server.url()).smtp)
        with pytest.raises(Transient, match="451"):
            await sender.send(mail_to("wang@hz.example"))
        assert server.received == []
        await sender.send(mail_to("wang@hz.example"))
        await sender.close()
        assert len(server.received) == 1 and server.handler.attempts == 2
    finally:
        server.stop()


async def test_unknown_mailbox_550_5_1_1_is_permanent_for_that_address() -> None:
    server = SmtpCapture(SmtpScript(unknown={"gone@hz.example"}))
    server.start()
    try:
        sender = SmtpSender(settings_for(server.url()).smtp)
        with pytest.raises(Permanent, match=r"5\.1\.1"):
            await sender.send(mail_to("gone@hz.example"))
        # The connection stays usable for the next address.
        await sender.send(mail_to("wang@hz.example"))
        await sender.close()
        assert [mail["To"].addresses[0].addr_spec for mail in server.received] == ["wang@hz.example"]
    finally:
        server.stop()


async def test_a_mail_too_big_for_the_server_is_rejected_alone() -> None:
    server = SmtpCapture(SmtpScript(data_failures=["552 5.3.4 Message size exceeds fixed limit"]))
    server.start()
    try:
        sender = SmtpSender(settings_for(server.url()).smtp)
        with pytest.raises(Rejected, match="552"):
            await sender.send(mail_to("wang@hz.example"))
        await sender.send(mail_to("wang@hz.example"))
        await sender.close()
        assert len(server.received) == 1
    finally:
        server.stop()


async def test_refused_login_is_unauthorized(smtp_server: SmtpCapture) -> None:
    sender = SmtpSender(settings_for(smtp_server.url(password="wrong")).smtp)
    with pytest.raises(Unauthorized, match="535"):
        await sender.send(mail_to("wang@hz.example"))
    assert smtp_server.received == []


async def test_unreachable_server_is_transient() -> None:
    server = SmtpCapture()  # never started: nothing listens on its port
    sender = SmtpSender(settings_for(server.url()).smtp, timeout=5)
    with pytest.raises(Transient, match="cannot reach"):
        await sender.send(mail_to("wang@hz.example"))


class MemoryUids:
    """The product's UID store, kept in memory: what the reader resumes from."""

    def __init__(self, last: int | None = 0) -> None:
        self.last: dict[int, int] = {}
        self.default = last

    async def last_uid(self, uidvalidity: int) -> int | None:
        return self.last.get(uidvalidity, self.default)

    async def seen(self, uidvalidity: int, uid: int) -> None:
        self.last[uidvalidity] = uid


@asynccontextmanager
async def reading(
    dovecot: Dovecot, uids: MemoryUids, handed: list[tuple[int, int, bytes]]
) -> AsyncIterator[ImapReader]:
    async def on_mail(uidvalidity: int, uid: int, raw: bytes) -> None:
        handed.append((uidvalidity, uid, raw))

    imap = settings_for("smtp://u:p@127.0.0.1:1?starttls=off", dovecot.url).imap
    reader = ImapReader(imap, uids, handed.on_mail, poll_interval=0.2, backoff=(0.2, 0.5))
    task = asyncio.create_task(reader.run())
    try:
        yield reader
    finally:
        await reader.stop()
        await asyncio.wait_for(task, 10)


def fixture_mail(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


async def test_idle_hands_over_a_newly_delivered_mail(dovecot: Dovecot) -> None:
    handed = Handed()
    async with reading(dovecot, MemoryUids(), handed) as reader:
        await asyncio.wait_for(reader.connected.wait(), 10)
        assert reader.mode == "idle"
        await dovecot.deliver(fixture_mail("qq_zh_gbk.eml"))
        await handed.wait(1)
    assert handed[0][1] == 1 and handed[0][2].replace(b"\r\n", b"\n") == fixture_mail("qq_zh_gbk.eml").replace(
        b"\r\n", b"\n"
    )
    assert dovecot.message_count() == 1  # never deleted


async def test_without_idle_the_reader_polls(tmp_path: Path) -> None:
    if reason := dovecot_missing():
        pytest.skip(reason)
    dovecot = Dovecot(tmp_path / "dovecot", idle=False)
    dovecot.start()
    try:
        handed = Handed()
        async with reading(dovecot, MemoryUids(), handed) as reader:
            await asyncio.wait_for(reader.connected.wait(), 10)
            assert reader.mode == "poll"
            await dovecot.deliver(fixture_mail("japanese_iso2022jp.eml"))
            await handed.wait(1)
    finally:
        dovecot.remove()
    assert handed.uids == [1]


async def test_last_uid_is_respected_so_nothing_is_handed_twice(dovecot: Dovecot) -> None:
    for name in ("gmail_en.eml", "outlook_en.eml", "netease163_zh.eml"):
        dovecot.append(fixture_mail(name))
    uids = MemoryUids()
    handed = Handed()
    async with reading(dovecot, uids, handed):
        await handed.wait(3)
    assert handed.uids == [1, 2, 3]
    # A restart of the bot resumes after the last UID seen: only the new mail comes.
    dovecot.append(fixture_mail("thunderbird_de.eml"))
    async with reading(dovecot, uids, handed) as reader:
        await handed.wait(4)
        await asyncio.wait_for(reader.connected.wait(), 10)
        # A mail after a full round: had anything been handed again, it would sit before this one.
        await dovecot.deliver(fixture_mail("apple_mail.eml"))
        await handed.wait(5)
    assert handed.uids == [1, 2, 3, 4, 5]


async def test_first_start_skips_the_mails_already_in_the_mailbox(dovecot: Dovecot) -> None:
    dovecot.append(fixture_mail("gmail_en.eml"))
    handed = Handed()
    async with reading(dovecot, MemoryUids(last=None), handed) as reader:
        await asyncio.wait_for(reader.connected.wait(), 10)
        await dovecot.deliver(fixture_mail("gmail_es.eml"))
        await handed.wait(1)
    assert handed[0][1] == 2


async def test_server_restarted_mid_run_the_reader_reconnects_and_reads_the_next_mail_once(dovecot: Dovecot) -> None:
    handed = Handed()
    async with reading(dovecot, MemoryUids(), handed) as reader:
        await dovecot.deliver(fixture_mail("gmail_en.eml"))
        await handed.wait(1)
        dovecot.stop()  # every process: the reader's connection dies with the server
        dovecot.start()
        await dovecot.deliver(fixture_mail("outlook_de.eml"))
        await handed.wait(2)
        await asyncio.wait_for(reader.connected.wait(), 10)
        await dovecot.deliver(fixture_mail("apple_mail.eml"))
        await handed.wait(3)
    assert handed.uids == [1, 2, 3]


async def test_a_failing_handler_gets_the_same_mail_again_and_nothing_is_skipped(dovecot: Dovecot) -> None:
    dovecot.append(fixture_mail("gmail_en.eml"))
    handed = Handed()
    uids = MemoryUids()

    async def on_mail(uidvalidity: int, uid: int, raw: bytes) -> None:
        await handed.on_mail(uidvalidity, uid, raw)
        if len(handed) == 1:
            raise RuntimeError("database is locked")

    imap = settings_for("smtp://u:p@127.0.0.1:1?starttls=off", dovecot.url).imap
    reader = ImapReader(imap, uids, on_mail, poll_interval=0.2, backoff=(0.2,))
    task = asyncio.create_task(reader.run())
    try:
        await handed.wait(2)
    finally:
        await reader.stop()
        await asyncio.wait_for(task, 10)
    assert handed.uids == [1, 1] and list(uids.last.values()) == [1]
