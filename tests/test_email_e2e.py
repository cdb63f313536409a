"""E-mail partners end to end: the real bot against the local Bot API server, a real Dovecot mailbox it
reads and a real SMTP server it sends through. Hamburg and Leeds chat on Telegram; Hangzhou takes part
by e-mail."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

import pytest

from bridgebot.config import EmailPace, Settings, load_settings
from bridgebot.localapi import LocalBotApi
from tests.conftest import TOKEN, RunningBot, Scenario
from tests.mailservers import Dovecot, SmtpCapture

BOT = "bridgebot@city.example"
WANG = "wang@hz.example"


async def until(predicate: Callable[[], object], timeout: float = 30.0) -> None:
    """Return once `predicate()` holds (mail arrives on servers the local Bot API does not see)."""
    async with asyncio.timeout(timeout):
        while not predicate():  # noqa: ASYNC110 — nothing to wait on: the SMTP server runs in its own thread
            await asyncio.sleep(0.05)


def reply(token: str, text: str, *, sender: str = f"Wang Wei <{WANG}>", message_id: str | None = None) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = f"bridgebot+{token}@city.example"
    message["Subject"] = "Re: Hamburg–Leeds"
    message["Message-ID"] = message_id or make_msgid(domain="hz.example")
    message.set_content(text)
    return message.as_bytes()


@pytest.fixture
async def mailbot(
    api: LocalBotApi, tmp_path: Path, models_dir: Path, dovecot: Dovecot, smtp_server: SmtpCapture
) -> AsyncIterator[RunningBot]:
    # The rules as configured, the waits shortened: 3 s of quiet (rows are stamped to the second, and a
    # loaded machine takes a while to translate a burst), a digest "minute" is 1 s.
    pace = EmailPace(3.0, 1.0, 0.05, 0.2, (0.2,), (0.1,))
    urls = {"BRIDGEBOT_EMAIL_ADDRESS": BOT, "BRIDGEBOT_SMTP_URL": smtp_server.url(), "BRIDGEBOT_IMAP_URL": dovecot.url}
    mail = load_settings(None, urls)
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
        health_port=0,
        email_address=mail.email_address,
        smtp_url=mail.smtp_url,
        imap_url=mail.imap_url,
        email_pace=pace,
    )
    running = RunningBot(settings, api)
    await running.start()
    yield running
    with contextlib.suppress(Exception):
        await running.stop()


async def test_hangzhou_joins_by_email_reads_a_digest_and_closes_a_commitment_by_reply(
    mailbot: RunningBot, api: LocalBotApi, story: Scenario, dovecot: Dovecot, smtp_server: SmtpCapture
) -> None:
    hamburg, leeds = story.city("Hamburg", "de"), story.city("Leeds", "en")
    await story.setup(hamburg)
    await story.setup(leeds, "Europe/London")
    await story.partnership("Hamburg–Leeds", hamburg, leeds)

    # A coordinator invites Hangzhou's officer: the invitation is the one mail it gets until it answers.
    (answer,) = await story.say(hamburg, hamburg.admin, f"/email add {WANG} Hangzhou zh Asia/Shanghai")
    assert WANG in answer and "Hangzhou ✉" in answer
    await until(lambda: len(smtp_server.received) == 1)
    invitation = smtp_server.received[0]
    assert invitation["Content-Language"] == "zh" and "Hamburg–Leeds" in invitation["Subject"]
    token = invitation["Reply-To"].addresses[0].username.split("+", 1)[1]

    # Chat before confirming reaches nobody by mail; an out-of-office reply confirms nothing.
    await story.say(leeds, leeds.admin, "Welcome, Hangzhou!", replies=0)
    ooo = reply(token, "我正在休假，12月10日回来。").replace(
        b"Subject: Re:", b"Auto-Submitted: auto-replied\nSubject: Re:"
    )
    await dovecot.deliver(ooo)
    await dovecot.deliver(reply(token, "好的，我们参加。"))
    await api.wait_for(lambda: any("✉" in t and WANG in t for t in api.texts(leeds.id)), 30)
    assert any("Hangzhou ✉" in t for t in api.texts(hamburg.id))
    assert len(smtp_server.received) == 1

    # A burst in the chat becomes one digest in Chinese, sender, city and local time on each message.
    for line in ("Guten Tag aus Hamburg.", "Wir schicken die Agenda bis Freitag.", "Die Sitzung ist am Montag."):
        await story.say(hamburg, hamburg.admin, line, replies=0)
    await until(lambda: len(smtp_server.received) == 2)
    digest = smtp_server.received[1]
    text = digest.get_body(("plain",)).get_content()
    headers = "".join(
        f"{name}: {digest[name]}\n" for name in ("Subject", "From", "Reply-To", "Content-Language", "In-Reply-To")
    )
    print("--- digest as the officer reads it ---\n" + headers + "\n" + text)
    assert digest["Content-Language"] == "zh" and digest["Auto-Submitted"] == "auto-generated"
    assert text.count("Hamburg Admin · Hamburg · ") == 3 and "> Die Sitzung ist am Montag." in text
    assert "退订" in text and digest["List-Unsubscribe"]

    # A commitment by mail, then a reply that closes it and says something.
    await dovecot.deliver(reply(token, "/commit send the agenda"))
    await api.wait_for(lambda: any("#1" in t for t in api.texts(leeds.id)), 30)
    done_mail = reply(
        token, "/done 1\n\n议程已经发出，请查收。\n\n--\n王伟\n杭州市外事办公室", message_id="<done-1@hz.example>"
    )
    await dovecot.deliver(done_mail)
    await api.wait_for(lambda: any("Hangzhou ✉" in t and "Wang Wei" in t for t in api.texts(leeds.id)), 30)
    relayed = next(t for t in api.texts(leeds.id) if t.startswith("Wang Wei · Hangzhou ✉"))
    print("--- relayed reply as Leeds reads it ---\n" + relayed)
    assert "议程已经发出" in relayed and "王伟" not in relayed  # translated, original beneath, signature cut
    commitment = await mailbot.services.repo.commitment(1, 1)
    assert commitment.status == "done"
    # The announcements come to Hangzhou too, each as its own mail, in Chinese.
    await until(lambda: sum("#1" in m.get_body(("plain",)).get_content() for m in smtp_server.received) >= 2)
    assert all(m["Content-Language"] == "zh" for m in smtp_server.received)

    # Forged From, and the same Message-ID again: neither is relayed.
    await dovecot.deliver(reply(token, "请把预算转给我。", sender="Mallory <mallory@evil.example>"))
    await dovecot.deliver(done_mail)
    await dovecot.deliver(reply(token, "最后一条。"))
    await api.wait_for(lambda: any("Wang Wei · Hangzhou ✉" in t and "最后一条" in t for t in api.texts(leeds.id)), 30)
    from_hangzhou = [t for t in api.texts(leeds.id) if t.startswith("Wang Wei · Hangzhou ✉")]
    assert len(from_hangzhou) == 2 and not any("预算" in t for t in api.texts(leeds.id))


async def test_without_the_three_settings_email_is_off_and_says_so(story: Scenario, pair: tuple) -> None:
    hamburg, _ = pair
    (answer,) = await story.say(hamburg, hamburg.admin, f"/email add {WANG} Hangzhou zh")
    assert "BRIDGEBOT_SMTP_URL" in answer
