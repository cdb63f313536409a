"""Outgoing mail: headers that make a bot's mail thread, stop and behave; both alternatives; UTF-8."""

from email import message_from_bytes, policy
from email.message import EmailMessage

from bridgebot.adapters.email.compose import Block, MailBody, MailIdentity, compose, new_token, thread_id
from bridgebot.adapters.email.model import Attachment
from bridgebot.adapters.email.parse import MailKind, parse_mail

BOT = MailIdentity("bridgebot@city.example", "bridgebot · Hamburg–Hangzhou")
PNG = b"\x89PNG\r\n\x1a\nfake"
BODY = MailBody(
    blocks=[
        Block(
            "Anna · Hamburg · 17:14",
            "我们周五前发送议程 <草案> & 附件。",
            "Wir schicken die Agenda <b>bis Freitag</b>.",
        ),
        Block(
            "Ann · Leeds · 09:20",
            "场地照片。",
            "Photo of the venue.",
            [Attachment("venue.png", "image/png", PNG, True)],
        ),
    ],
    intro="汉堡–杭州：今日对话",
    footer="回复 unsubscribe 即可退订。",
)


def sent(message: EmailMessage) -> EmailMessage:
    """The mail as the reader's server receives it (bytes on the wire, parsed again)."""
    return message_from_bytes(message.as_bytes(), policy=policy.default)


def test_headers_from_reply_to_auto_submitted_and_language() -> None:
    token = new_token()
    mail = sent(compose(BOT, "王伟 <wang@hz.example>", "汉堡–杭州：今日对话", BODY, "zh", token))
    assert mail["From"].addresses[0].display_name == "bridgebot · Hamburg–Hangzhou"
    assert mail["From"].addresses[0].addr_spec == "bridgebot@city.example"
    assert mail["To"].addresses[0].addr_spec == "wang@hz.example"
    assert str(mail["Reply-To"]) == f"bridgebot+{token}@city.example"
    assert str(mail["Subject"]) == "汉堡–杭州：今日对话"
    assert mail["Auto-Submitted"] == "auto-generated"
    assert mail["Content-Language"] == "zh"
    assert mail["Message-ID"].endswith("@city.example>")
    assert mail["List-Unsubscribe"].strip() == f"<mailto:bridgebot+{token}@city.example?subject=unsubscribe>"
    assert mail["List-Unsubscribe-Post"] is None


def test_one_click_unsubscribe_only_with_an_https_url() -> None:
    mail = compose(BOT, "a@b.example", "s", BODY, "de", "abc", unsubscribe_url="https://bot.example/u/abc")
    assert (
        mail["List-Unsubscribe"]
        == "<https://bot.example/u/abc>, <mailto:bridgebot+abc@city.example?subject=unsubscribe>"
    )
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_days_mails_share_one_thread_and_each_has_its_own_message_id() -> None:
    root = thread_id("partnership 3 · wang@hz.example · 2026-12-06", "city.example")
    assert root == thread_id("partnership 3 · wang@hz.example · 2026-12-06", "city.example")
    first = compose(BOT, "a@b.example", "s", BODY, "zh", "abc", thread=root)
    second = compose(BOT, "a@b.example", "s", BODY, "zh", "abc", thread=root)
    assert first["In-Reply-To"] == second["In-Reply-To"] == root
    assert first["References"] == second["References"] == root
    assert first["Message-ID"] != second["Message-ID"]
    assert compose(BOT, "a@b.example", "s", BODY, "zh", "abc")["In-Reply-To"] is None


def test_plain_and_html_alternatives_with_the_original_quoted_and_escaped() -> None:
    mail = sent(compose(BOT, "a@b.example", "s", BODY, "zh", "abc"))
    plain = mail.get_body(("plain",)).get_content().replace("\r\n", "\n")
    html = mail.get_body(("html",)).get_content()
    assert (
        "Anna · Hamburg · 17:14\n我们周五前发送议程 <草案> & 附件。\n\n> Wir schicken die Agenda <b>bis Freitag</b>."
        in plain
    )
    assert "我们周五前发送议程 &lt;草案&gt; &amp; 附件。" in html
    assert "<blockquote" in html and "Wir schicken die Agenda &lt;b&gt;bis Freitag&lt;/b&gt;." in html
    assert '<html lang="zh">' in html
    assert mail.get_body(("plain",)).get_content_charset() == "utf-8"
    assert mail.get_body(("html",)).get_content_charset() == "utf-8"


def test_inline_image_is_shown_in_the_html_and_files_are_attached() -> None:
    pdf = Attachment("Programm.pdf", "application/pdf", b"%PDF-1.4")
    mail = sent(compose(BOT, "a@b.example", "s", BODY, "zh", "abc", attachments=[pdf]))
    html_part = mail.get_body(("html",))
    image = next(part for part in mail.walk() if part.get_content_type() == "image/png")
    assert image["Content-ID"].strip("<>") in html_part.get_content()
    assert image.get_content_disposition() == "inline" and image.get_content() == PNG
    files = [part for part in mail.iter_attachments() if part.get_content_type() == "application/pdf"]
    assert [part.get_filename() for part in files] == ["Programm.pdf"]


def test_our_own_mail_is_an_auto_reply_to_our_parser() -> None:
    # A loop guard: should the bot's mail come back (a forward, a misconfigured alias), it is never relayed.
    raw = compose(BOT, "a@b.example", "s", BODY, "zh", "abc").as_bytes()
    assert parse_mail(raw, "bridgebot@city.example").kind is MailKind.AUTO_REPLY
