"""Incoming mail as the partner cities' clients write it: the new text only, the right kind, every charset."""

from pathlib import Path

import pytest

from bridgebot.adapters.email.parse import InboundMail, MailKind, parse_mail

MAIL = Path(__file__).parent / "data" / "mail"
BOT = "bridgebot@city.example"
TOKEN = "3f9a0c1d2e4b5a6978877665"


def parsed(name: str) -> InboundMail:
    return parse_mail((MAIL / name).read_bytes(), BOT)


@pytest.mark.parametrize(
    ("fixture", "sender", "reply"),
    [
        ("outlook_en.eml", "ann.smith@leeds.gov.uk", "Thanks, we will send the agenda by Friday.\n\nAnn"),
        (
            "outlook_de.eml",
            "jana.mueller@hamburg.example",
            "Guten Morgen,\n\nwir sind einverstanden und schicken die Tagesordnung bis Freitag.",
        ),
        ("gmail_en.eml", "tom.baker@gmail.com", "Sounds good, see you on Monday."),
        ("gmail_es.eml", "lucia.garcia@gmail.com", "Perfecto, nosotros llevamos la presentación."),
        (
            "apple_mail.eml",
            "ann.smith@icloud.com",
            "The venue is booked for the 14th, and the mayor's office has confirmed the time.",
        ),
        (
            "thunderbird_de.eml",
            "k.weber@dresden.example",
            "Hallo zusammen,\n\ndie Räume im Rathaus sind für den 14. reserviert; "
            "die Technik stellt das Amt für Kultur.",
        ),
        ("qq_zh_gbk.eml", "wangwei@qq.com", "好的，我们周五前把议程发给大家。\n\n王伟\n杭州市外事办公室"),
        ("foxmail_zh_gbk.eml", "lina@foxmail.com", "收到，朱镕同志负责场地。"),
        ("netease163_zh.eml", "chenjing@163.com", "同意，我们派两位同事参加。"),
        ("japanese_iso2022jp.eml", "hanako.sato@city.osaka.example", "承知しました。資料は金曜日までにお送りします。"),
        ("reply_with_signature.eml", "ann.smith@leeds.gov.uk", "The minutes are attached to the shared folder."),
    ],
)
def test_reply_text_is_exactly_the_new_text_of_each_client(fixture: str, sender: str, reply: str) -> None:
    mail = parsed(fixture)
    assert mail.kind is MailKind.HUMAN
    assert mail.from_address == sender
    assert mail.token == TOKEN
    assert mail.reply_text == reply


def test_legacy_charsets_decode_headers_and_bodies() -> None:
    foxmail = parsed("foxmail_zh_gbk.eml")
    # Labelled GB2312, written in GBK: 镕 and the en dash exist only in GBK.
    assert (foxmail.from_name, foxmail.subject) == ("李娜", "回复: 汉堡–杭州：今日对话")
    assert "镕" in foxmail.full_text and "\ufffd" not in foxmail.full_text
    qq = parsed("qq_zh_gbk.eml")
    assert (qq.from_name, qq.subject) == ("王伟", "回复：汉堡–杭州：今日对话")
    japanese = parsed("japanese_iso2022jp.eml")
    assert (japanese.from_name, japanese.subject) == ("佐藤 花子", "Re: 大阪・ハンブルク")
    assert parsed("outlook_de.eml").from_name == "Müller, Jana"


def test_html_only_mail_becomes_text_without_the_quote() -> None:
    mail = parsed("html_only.eml")
    assert mail.html_only and mail.kind is MailKind.HUMAN
    assert mail.reply_text == "Bonjour,\n\nNous confirmons la réunion & le dîner – merci !"
    assert "> Bestätigen Sie das Treffen?" in mail.full_text


def test_threading_headers_are_read() -> None:
    mail = parsed("gmail_en.eml")
    assert mail.message_id == "<CAF=kd8Yt7vS0pPp2_Q+ZmW@mail.gmail.com>"
    assert mail.in_reply_to == "<179653637210.28290.3@city.example>"
    assert mail.references == ["<179653637210.28290.3@city.example>"]


def test_inline_image_and_pdf_are_attachments_and_the_cid_placeholder_is_cut() -> None:
    mail = parsed("reply_inline_image_pdf.eml")
    assert mail.reply_text == "Here is the photo of the venue and the programme."
    assert [(a.filename, a.content_type, a.inline) for a in mail.attachments] == [
        ("image001.png", "image/png", True),
        ("Programm_14.12.pdf", "application/pdf", False),
    ]
    assert mail.attachments[0].data.startswith(b"\x89PNG") and mail.attachments[1].data.startswith(b"%PDF")


@pytest.mark.parametrize("fixture", ["ooo_de.eml", "ooo_zh.eml"])
def test_out_of_office_replies_are_auto_replies_with_no_text_to_relay(fixture: str) -> None:
    mail = parsed(fixture)
    assert mail.kind is MailKind.AUTO_REPLY
    assert mail.reply_text == ""


@pytest.mark.parametrize(
    "header",
    [
        "Auto-Submitted: auto-replied",
        "Auto-Submitted: auto-generated",
        "Precedence: bulk",
        "Precedence: junk",
        "Precedence: auto_reply",
        "X-Autoreply: yes",
        "X-Autorespond: yes",
        "Subject: Out of Office: Hamburg",
        "Subject: Automatic reply: Hamburg",
        "Subject: Abwesenheitsnotiz: Hamburg",
        "Subject: =?utf-8?b?6Ieq5YuV5Zue6KaG?=",
        "Subject: =?utf-8?q?Respuesta_autom=C3=A1tica=3A_Hamburg?=",
        "Subject: =?utf-8?q?R=C3=A9ponse_automatique_=3A_Hamburg?=",
        "Subject: =?utf-8?b?6Ieq5YuV5b+c562U?=",
    ],
)
def test_every_auto_reply_signal_is_recognised(header: str) -> None:
    raw = f"From: a@b.example\r\nTo: bridgebot+{TOKEN}@city.example\r\n{header}\r\n\r\nHello\r\n".encode()
    if not header.startswith("Subject"):
        raw = raw.replace(b"\r\n\r\n", b"\r\nSubject: Re: Hamburg\r\n\r\n")
    assert parse_mail(raw, BOT).kind is MailKind.AUTO_REPLY


def test_auto_submitted_no_is_a_human_mail() -> None:
    raw = f"From: a@b.example\r\nTo: bridgebot+{TOKEN}@city.example\r\nAuto-Submitted: no\r\n\r\nHello\r\n".encode()
    assert parse_mail(raw, BOT).kind is MailKind.HUMAN


def test_dsn_is_a_bounce_naming_the_failed_recipient() -> None:
    mail = parsed("dsn_bounce.eml")
    assert mail.kind is MailKind.BOUNCE
    assert mail.bounced_recipients == ["old.officer@leeds.gov.uk"]
    assert mail.reply_text == ""


def test_mailing_list_mail_is_list() -> None:
    assert parsed("mailing_list.eml").kind is MailKind.LIST


def test_forged_from_keeps_the_real_from_for_the_product_to_compare() -> None:
    mail = parsed("forged_from.eml")
    # The token is valid, but From is not the officer's: the product must match both.
    assert mail.token == TOKEN
    assert mail.from_address == "ann.smith@leeds-gov.example"


def test_token_is_found_in_cc_or_delivered_to_and_only_for_the_bot() -> None:
    cc = f"From: a@b.example\r\nTo: other@x.example\r\nCc: Bot <BridgeBot+{TOKEN}@City.Example>\r\n\r\nHi\r\n"
    assert parse_mail(cc.encode(), BOT).token == TOKEN
    delivered = f"Delivered-To: bridgebot+{TOKEN}@city.example\r\nFrom: a@b.example\r\nTo: list@x.example\r\n\r\nHi\r\n"
    assert parse_mail(delivered.encode(), BOT).token == TOKEN
    elsewhere = f"From: a@b.example\r\nTo: bridgebot+{TOKEN}@other.example\r\n\r\nHi\r\n"
    assert parse_mail(elsewhere.encode(), BOT).token is None


def test_garbage_does_not_raise() -> None:
    mail = parse_mail(b"\xff\xfe not a mail at all", BOT)
    assert mail.token is None and mail.from_address == ""
