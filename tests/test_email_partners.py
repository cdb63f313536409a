"""E-mail partners, service level with a real SQLite file: the rules of `services.email` (who may
invite, what a mail read from the mailbox does) and the mail dispatcher against a real SMTP server."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bridgebot.adapters.email.channel import ByDestination, EmailChannel
from bridgebot.adapters.email.compose import MailIdentity, new_token
from bridgebot.adapters.email.dispatch import MailDispatcher
from bridgebot.adapters.email.runtime import mail_read
from bridgebot.adapters.email.smtp import SmtpSender
from bridgebot.config import load_settings
from bridgebot.domain import User
from bridgebot.i18n import catalogs
from bridgebot.richtext import RichText, Span, SpanKind
from bridgebot.services.commitments import Commitments
from bridgebot.services.email import EmailPartners, split_commands
from bridgebot.services.followup_commands import Followups
from bridgebot.services.nudge_planner import NudgePlanner
from bridgebot.services.onboarding import Actor
from bridgebot.services.refusal import Refusal
from bridgebot.services.relay import Relay, Rendered
from bridgebot.store.db import open_db
from bridgebot.store.email import EmailStore
from bridgebot.store.repository import Repository
from bridgebot.translation.engine import Engine
from tests.mailservers import SmtpCapture, SmtpScript

BOT = "bridgebot@city.example"
FIXTURES = Path(__file__).parent / "data" / "mail"
HAMBURG, LEEDS = -100, -200
COORDINATOR = Actor(7, is_bot_admin=False, is_chat_admin=True)
OFFICER = Actor(8, is_bot_admin=False, is_chat_admin=False)


@dataclass
class World:
    repo: Repository
    store: EmailStore
    partners: EmailPartners
    relay: Relay
    commitments: Commitments
    announced: list[tuple[int, dict[int, str]]] = field(default_factory=list)


@pytest.fixture
async def world(tmp_path: Path, models_dir: Path) -> AsyncIterator[World]:
    conn, _ = await open_db(tmp_path / "bot.sqlite3")
    repo = Repository(conn)
    engine = Engine(models_dir)
    relay = Relay(repo, engine, catalogs())
    commitments = Commitments(repo, engine)
    store = EmailStore(repo)
    partnership = await repo.create_partnership("Hamburg–Leeds", None)
    for chat_id, city, lang, tz in (
        (HAMBURG, "Hamburg", "de", "Europe/Berlin"),
        (LEEDS, "Leeds", "en", "Europe/London"),
    ):
        await repo.save_group(chat_id, city, city, lang, tz)
        await repo.set_group_partnership(chat_id, partnership.id)
    announced: list[tuple[int, dict[int, str]]] = []

    async def announce(partnership_id: int, texts: dict[int, str]) -> None:
        announced.append((partnership_id, texts))

    partners = EmailPartners(repo, store, catalogs(), relay, commitments, new_token, announce, store.queue_mails)
    try:
        yield World(repo, store, partners, relay, commitments, announced)
    finally:
        await relay.close()
        engine.close()
        await conn.close()


def mail(sender: str, token: str, text: str, *, message_id: str | None = None, **headers: str) -> bytes:
    """A reply as a mail client writes it: From the officer, To the bot's plus-address."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = f"bridgebot+{token}@city.example"
    message["Subject"] = headers.pop("Subject", "Re: Hamburg–Leeds")
    message["Message-ID"] = message_id or make_msgid(domain="hz.example")
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(text)
    return message.as_bytes()


async def receive(world: World, uidvalidity: int, uid: int, raw: bytes) -> None:
    """The mail as the IMAP reader hands it over, read as the e-mail runtime reads it."""
    await world.partners.on_mail(uidvalidity, uid, mail_read(raw, BOT, uidvalidity, uid), raw)


async def invited(world: World, address: str = "wang@hz.example") -> tuple[int, str]:
    added = await world.partners.add(COORDINATOR, "Anna", HAMBURG, [address, "Hangzhou", "zh", "Asia/Shanghai"])
    return added.city.chat_id, added.address.token


async def active(world: World, address: str = "wang@hz.example") -> tuple[int, str]:
    city, token = await invited(world, address)
    await receive(world, 1, 1, mail(f"Wang Wei <{address}>", token, "好的，确认。"))
    return city, token


async def sources(world: World, chat_id: int) -> list[str]:
    rows = await world.repo._all("SELECT text FROM source_messages WHERE chat_id = ? ORDER BY id", (chat_id,))
    return [row[0] for row in rows]


async def mails_to(world: World, address: str) -> list[dict]:
    found = await world.store.address(address)
    return [m.payload for m in await world.store.pending_mails(found.id)]


async def test_an_invitation_is_the_only_mail_until_a_human_reply_confirms(world: World) -> None:
    city, token = await invited(world)
    (invitation,) = await mails_to(world, "wang@hz.example")
    assert invitation["invitation"] and "Anna" in invitation["intro"] and "Hamburg–Leeds" in invitation["intro"]
    assert "退订" in invitation["intro"]  # how to stop, in the city's language
    group = await world.repo.group(city)
    assert group.by_email and group.shown_city == "Hangzhou ✉" and city >= 2**53
    # An out-of-office robot answering the invitation confirms nothing.
    ooo = mail(
        "Wang Wei <wang@hz.example>", token, "我正在休假。", Subject="自动回复: 邀请", Auto_Submitted="auto-replied"
    )
    await receive(world, 1, 1, ooo)
    assert (await world.store.address("wang@hz.example")).state == "invited"
    await receive(world, 1, 2, mail("Wang Wei <wang@hz.example>", token, "确认。"))
    assert (await world.store.address("wang@hz.example")).state == "active"
    assert await sources(world, city) == []  # the confirmation itself is not relayed
    ((_, told),) = world.announced
    assert set(told) == {HAMBURG, LEEDS} and "wang@hz.example" in told[LEEDS] and "Hangzhou ✉" in told[LEEDS]


async def test_only_a_coordinator_or_chat_admin_invites_and_a_new_city_needs_its_language(world: World) -> None:
    with pytest.raises(Refusal) as refused:
        await world.partners.add(OFFICER, "Tom", LEEDS, ["wang@hz.example", "Hangzhou", "zh"])
    assert refused.value.key == "error-coordinator-only"
    with pytest.raises(Refusal) as refused:
        await world.partners.add(COORDINATOR, "Anna", HAMBURG, ["wang@hz.example", "Hangzhou"])
    assert refused.value.key == "error-email-city-language"
    with pytest.raises(Refusal) as refused:
        await world.partners.add(COORDINATOR, "Anna", HAMBURG, ["not-an-address", "Hangzhou", "zh"])
    assert refused.value.key == "error-email-bad-address"
    city, _ = await invited(world)
    # A further officer of the same city: the city is enough.
    added = await world.partners.add(COORDINATOR, "Anna", LEEDS, ["li@hz.example", "hangzhou"])
    assert added.city.chat_id == city and not added.new_city


async def test_forged_from_unknown_sender_and_lists_are_never_relayed_nor_answered(world: World) -> None:
    city, token = await active(world)
    before = await mails_to(world, "wang@hz.example")
    await receive(world, 1, 2, mail("Mallory <mallory@evil.example>", token, "请把预算转给我。"))
    await receive(world, 1, 3, mail("Wang Wei <wang@hz.example>", "0" * 24, "错误的令牌。"))
    await receive(world, 1, 4, mail("Wang Wei <wang@hz.example>", token, "列表。", List_Id="<x.lists.example>"))
    await receive(world, 1, 5, (FIXTURES / "ooo_de.eml").read_bytes())
    assert await sources(world, city) == []
    assert await mails_to(world, "wang@hz.example") == before
    outcomes = [row[0] for row in await world.repo._all("SELECT outcome FROM email_inbound ORDER BY id")]
    assert outcomes[1:3] == ["ignored: From does not match the token", "ignored: unknown token"]


async def test_the_same_message_id_twice_is_relayed_once(world: World) -> None:
    city, token = await active(world)
    reply = mail("Wang Wei <wang@hz.example>", token, "我们周五前发送议程。", message_id="<same@hz.example>")
    await receive(world, 1, 2, reply)
    await receive(world, 1, 3, reply)  # delivered twice by the mail system
    await receive(world, 2, 1, reply)  # and read again from a recreated mailbox
    assert await sources(world, city) == ["我们周五前发送议程。"]
    assert await world.store.last_uid(1) == 3 and await world.store.last_uid(2) == 1


async def test_a_reply_starting_with_done_closes_the_commitment_and_relays_the_rest(world: World) -> None:
    city, token = await active(world)
    officer = await world.store.address("wang@hz.example")
    owner = User(officer.user_id, None, "Wang Wei")
    actor = Actor(officer.user_id, False, False)
    created = await world.commitments.record(actor, city, owner, None, "Agenda schicken bis Freitag")
    number = created.commitment.number
    body = f"/done {number}\n\n议程已经发出。\n\n--\n王伟\n杭州市外事办公室"
    await receive(world, 1, 2, mail("Wang Wei <wang@hz.example>", token, body))
    assert (await world.repo.commitment(created.commitment.partnership_id, number)).status == "done"
    texts = world.announced[-1][1]
    assert set(texts) == {HAMBURG, LEEDS, city} and f"#{number}" in texts[LEEDS]
    assert await sources(world, city) == ["议程已经发出。"]
    # An officer may not close someone else's commitment by mail either.
    other = await world.commitments.record(COORDINATOR, HAMBURG, User(7, None, "Anna"), None, "Raum buchen")
    await receive(world, 1, 3, mail("Wang Wei <wang@hz.example>", token, f"/done {other.commitment.number}"))
    assert (await world.repo.commitment(other.commitment.partnership_id, other.commitment.number)).status == "open"
    answer = (await mails_to(world, "wang@hz.example"))[-1]
    assert answer["subject"].startswith("回复") and answer["intro"] == catalogs().t("zh", "error-commitment-not-yours")


async def test_three_bounces_make_the_address_bouncing_and_partners_are_told_once(world: World) -> None:
    await invited(world)
    bounce = (FIXTURES / "dsn_bounce.eml").read_bytes()
    recipient = bounce.split(b"Final-Recipient: rfc822;", 1)[1].split(b"\n", 1)[0].strip().decode()
    await world.partners.add(COORDINATOR, "Anna", HAMBURG, [recipient, "Hangzhou"])
    await receive(world, 1, 9, mail(f"<{recipient}>", (await world.store.address(recipient)).token, "ok"))
    told = len(world.announced)
    for uid in range(10, 14):
        await receive(world, 1, uid, bounce.replace(b"Message-Id: <", f"Message-Id: <{uid}.".encode(), 1))
    bouncing = await world.store.address(recipient)
    assert bouncing.state == "bouncing" and bouncing.bounces == 4
    assert len(world.announced) == told + 1 and recipient in world.announced[-1][1][HAMBURG]


async def test_unsubscribe_by_reply_stops_the_address(world: World) -> None:
    city, token = await active(world)
    await receive(world, 1, 2, mail("Wang Wei <wang@hz.example>", token, "退订\n\n谢谢"))
    assert (await world.store.address("wang@hz.example")).state == "stopped"
    await receive(world, 1, 3, mail("Wang Wei <wang@hz.example>", token, "还在吗？"))
    assert await sources(world, city) == []


def test_command_lines_are_read_from_the_start_of_a_reply_only() -> None:
    assert split_commands("/done 12\n/blocked 3 waiting for budget\n\nThanks!\n/done 4") == (
        ["/done 12", "/blocked 3 waiting for budget"],
        "Thanks!\n/done 4",
    )
    assert split_commands("Hello /done 12") == ([], "Hello /done 12")


# --- the dispatcher against a real SMTP server ---------------------------------------------


def dispatcher_for(world: World, server: SmtpCapture, **timing: object) -> MailDispatcher:
    email = load_settings(
        None,
        {
            "BRIDGEBOT_EMAIL_ADDRESS": BOT,
            "BRIDGEBOT_SMTP_URL": server.url(),
            "BRIDGEBOT_IMAP_URL": "imap://u:p@h/INBOX",
        },
    ).email
    options = {"quiet": timedelta(0), "minute": timedelta(0), "backoff": (0.0,), "tick": 0.05, **timing}
    return MailDispatcher(
        world.repo,
        world.store,
        catalogs(),
        MailIdentity(BOT),
        SmtpSender(email.smtp),
        world.partners.refused_address,
        **options,
    )


async def queue_burst(world: World, address: str, count: int) -> None:
    found = await world.store.address(address)
    rows = [
        (
            found.id,
            "message",
            {"heading": f"Anna · Hamburg · 10:{i % 60:02}", "text": f"第{i}行", "original": f"Zeile {i}"},
        )
        for i in range(count)
    ]
    await world.store.queue_mails(rows)


async def test_a_burst_of_200_chat_lines_is_one_digest_in_the_citys_language(
    world: World, smtp_server: SmtpCapture
) -> None:
    await active(world)
    dispatcher = dispatcher_for(world, smtp_server)
    found = await world.store.address("wang@hz.example")
    await dispatcher._address(found.id)  # the invitation
    await queue_burst(world, "wang@hz.example", 200)
    await dispatcher._address(found.id)
    await dispatcher.sender.close()
    invitation, digest = smtp_server.received
    assert invitation["Subject"].startswith("邀请您加入")
    assert digest["Content-Language"] == "zh" and "对话" in digest["Subject"]
    text = digest.get_body(("plain",)).get_content()
    assert "第0行" in text and "第199行" in text and "> Zeile 199" in text and "退订" in text
    assert digest["Reply-To"] == f"bridgebot+{found.token}@city.example"
    assert await world.store.pending_mails(found.id) == []


async def test_a_digest_waits_for_quiet_and_comes_at_most_every_n_minutes(
    world: World, smtp_server: SmtpCapture
) -> None:
    await active(world)
    found = await world.store.address("wang@hz.example")
    await world.store.mails_sent([m.id for m in await world.store.pending_mails(found.id)])
    waiting = dispatcher_for(world, smtp_server, quiet=timedelta(hours=1), minute=timedelta(hours=1))
    await queue_burst(world, "wang@hz.example", 3)
    await waiting._address(found.id)
    assert smtp_server.received == []  # not quiet yet, and not N minutes old
    await dispatcher_for(world, smtp_server)._address(found.id)
    assert len(smtp_server.received) == 1
    await queue_burst(world, "wang@hz.example", 2)
    recent = dispatcher_for(world, smtp_server, minute=timedelta(hours=1))
    await recent._address(found.id)
    assert len(smtp_server.received) == 1  # the last digest went out less than N minutes ago


async def test_smtp_answering_451_then_accepting_delivers_once(world: World) -> None:
    server = SmtpCapture(SmtpScript(data_failures=["451 4.3.0 Temporary local problem, try again later"]))
    server.start()
    try:
        await invited(world)
        found = await world.store.address("wang@hz.example")
        dispatcher = dispatcher_for(world, server)
        await dispatcher._address(found.id)
        assert server.received == [] and len(await world.store.pending_mails(found.id)) == 1
        await dispatcher._address(found.id)
        await dispatcher._address(found.id)
        await dispatcher.sender.close()
        assert len(server.received) == 1 and server.handler.attempts == 2
        assert await world.store.pending_mails(found.id) == []
    finally:
        server.stop()


async def test_mails_to_an_address_that_does_not_exist_make_it_bouncing(world: World) -> None:
    server = SmtpCapture(SmtpScript(unknown={"gone@hz.example"}))
    server.start()
    try:
        await active(world, "gone@hz.example")
        found = await world.store.address("gone@hz.example")
        await world.store.mails_sent([m.id for m in await world.store.pending_mails(found.id)])
        await queue_burst(world, "gone@hz.example", 1)
        told = len(world.announced)
        await dispatcher_for(world, server)._address(found.id)
        assert (await world.store.address("gone@hz.example")).state == "bouncing"
        assert len(world.announced) == told + 1
    finally:
        server.stop()


async def test_the_mail_clients_unsubscribe_button_stops_the_address(world: World) -> None:
    _, token = await active(world)
    # List-Unsubscribe: <mailto:bridgebot+TOKEN@city.example?subject=unsubscribe>, as a client sends it.
    await receive(world, 1, 2, mail("Wang Wei <wang@hz.example>", token, "", Subject="unsubscribe"))
    assert (await world.store.address("wang@hz.example")).state == "stopped"


async def test_mode_remove_and_listing_follow_the_partnership_boundary(world: World) -> None:
    await active(world)
    _, mode, minutes = await world.partners.mode(COORDINATOR, LEEDS, ["wang@hz.example", "digest", "30"])
    assert (mode, minutes) == ("digest", 30) and (await world.store.address("wang@hz.example")).digest_minutes == 30
    listing = await world.partners.listing(LEEDS)
    assert "✉ Hangzhou: wang@hz.example" in listing and "30" in listing
    with pytest.raises(Refusal):
        await world.partners.mode(OFFICER, LEEDS, ["wang@hz.example", "each"])
    other = await world.repo.create_partnership("Elsewhere", None)
    await world.repo.save_group(-300, "Bremen", "Bremen", "de", "Europe/Berlin")
    await world.repo.set_group_partnership(-300, other.id)
    with pytest.raises(Refusal) as refused:
        await world.partners.remove(COORDINATOR, -300, ["wang@hz.example"])
    assert refused.value.key == "error-email-unknown"
    await world.partners.remove(COORDINATOR, HAMBURG, ["wang@hz.example"])
    assert await world.store.address("wang@hz.example") is None


async def test_a_relayed_copy_becomes_a_block_and_anything_else_a_notice(world: World) -> None:
    city, _ = await active(world)
    found = await world.store.address("wang@hz.example")
    await world.store.mails_sent([m.id for m in await world.store.pending_mails(found.id)])
    telegram = EmailChannel(world.repo, world.store, catalogs(), lambda: None)  # stands for Telegram here
    channel = ByDestination(telegram, EmailChannel(world.repo, world.store, catalogs(), lambda: None))
    header, body, original = "Anna · Hamburg", "我们周五前发送议程。", "Wir schicken die Agenda bis Freitag."
    text = f"{header}\n{body}\n{original}"
    spans = (Span(SpanKind.BOLD, 0, len(header)), Span(SpanKind.QUOTE, len(header) + len(body) + 2, len(original)))
    await channel.send(city, Rendered("text", RichText(text, spans)))
    await channel.send(city, Rendered("text", RichText("⏰ 提醒：#1 明天到期。")))
    copy, nudge = await world.store.pending_mails(found.id)
    assert copy.kind == "message" and copy.payload["heading"].startswith("Anna · Hamburg · ")
    assert (copy.payload["text"], copy.payload["original"]) == (body, original)
    assert nudge.kind == "notice" and nudge.payload["intro"] == "⏰ 提醒：#1 明天到期。"


async def test_a_weekly_follow_up_reaches_the_email_city_at_its_own_local_time(world: World) -> None:
    city, _ = await active(world)
    nudges = Followups(world.repo, world.commitments, catalogs(), NudgePlanner(world.repo))
    await nudges.schedule(COORDINATOR, HAMBURG, "all", None, ["every", "monday", "09:00", "status"])
    pending = await world.repo.pending_nudges((await world.repo.group(HAMBURG)).partnership_id)
    by_city = {n.chat_id: n.due_at for n in pending}
    assert by_city[city].astimezone(ZoneInfo("Asia/Shanghai")).strftime("%a %H:%M") == "Mon 09:00"
    assert by_city[HAMBURG].astimezone(ZoneInfo("Europe/Berlin")).strftime("%a %H:%M") == "Mon 09:00"


async def test_a_mail_read_again_after_a_crash_is_relayed_once(world: World) -> None:
    city, token = await active(world)
    raw = mail("Wang Wei <wang@hz.example>", token, "我们周五前发送议程。", message_id="<crash@hz.example>")
    read = mail_read(raw, BOT, 1, 2)
    # The process died right after recording the mail, before relaying it: the re-read relays it.
    await world.store.claim_inbound(read.message_id, 1, 2, read.from_address, read.kind, raw)
    await receive(world, 1, 2, raw)
    # It died after relaying, before marking the mail handled: the re-read recognises it.
    await world.repo.conn.execute("UPDATE email_inbound SET outcome = NULL WHERE message_id = ?", (read.message_id,))
    await world.repo.conn.commit()
    await receive(world, 1, 2, raw)
    assert await sources(world, city) == ["我们周五前发送议程。"]
