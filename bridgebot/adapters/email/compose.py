"""Building the mails the bot sends: plain text plus an HTML alternative, threaded, unsubscribable.

The product renders every text in the reader's language (headings like "Wang Wei · Hangzhou · 09:14",
the translations, the intro and footer from `locales/`); this module only lays them out and adds the
headers that make a bot's mail behave well in a reader's client:

- From is always the bot's own address (never a partner's: DMARC), with a display name;
- Reply-To is the plus-address `local+TOKEN@domain` carrying the reader's random token, which is how a
  reply is recognised (`parse.InboundMail.token`); `new_token()` makes one;
- `Auto-Submitted: auto-generated` (RFC 3834) and `X-Auto-Response-Suppress` keep out-of-office
  robots from answering;
- a fresh Message-ID on the bot's domain; given a thread root id (`thread_id(key, domain)`, e.g. with
  the partnership, the reader's address and the local date as key) In-Reply-To and References point at
  it, so one day's conversation is one thread in the reader's client;
- `List-Unsubscribe` with a mailto: the plus-address, subject "unsubscribe" (RFC 2369); RFC 8058's
  one-click `List-Unsubscribe-Post` is added only with an https URL (`unsubscribe_url`), since that
  RFC requires one and a mailto: alone must not claim one-click;
- `Content-Language` (RFC 3282) with the reader's language.
"""

from __future__ import annotations

import hashlib
import html
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from bridgebot.adapters.email.model import Attachment


@dataclass(frozen=True)
class MailIdentity:
    """The bot as a sender: its mailbox address and the display name shown in the reader's inbox."""

    address: str
    display_name: str = "bridgebot"

    @property
    def local_part(self) -> str:
        return self.address.rpartition("@")[0]

    @property
    def domain(self) -> str:
        return self.address.rpartition("@")[2]

    def plus_address(self, token: str) -> str:
        """Where replies go: the bot's own mailbox, tagged with the reader's token."""
        return f"{self.local_part}+{token}@{self.domain}"


@dataclass(frozen=True)
class Block:
    """One message of the conversation: who/where/when, the translation, the original beneath.

    `original` is None when the message was already in the reader's language. `media` are the
    message's files: images inline under the block, others attached.
    """

    heading: str
    text: str
    original: str | None = None
    media: Sequence[Attachment] = ()


@dataclass(frozen=True)
class MailBody:
    """The text of one mail: an optional intro, the blocks (one for a single message, many for a
    digest, none for an invitation or nudge that is intro only), an optional footer (how to stop)."""

    blocks: Sequence[Block] = ()
    intro: str = ""
    footer: str = ""


def new_token() -> str:
    """A random per-address token: lower-case hex, since some servers lower-case the local part."""
    return secrets.token_hex(12)


def thread_id(key: str, domain: str) -> str:
    """A stable Message-ID-shaped thread root for `key`, so the product needs to store nothing:
    every mail of the same key (e.g. partnership, address, local date) joins one thread."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:24]
    return f"<thread.{digest}@{domain}>"


def compose(
    sender: MailIdentity,
    to: str,
    subject: str,
    body: MailBody,
    lang: str,
    token: str,
    thread: str | None = None,
    attachments: Sequence[Attachment] = (),
    unsubscribe_url: str | None = None,
) -> EmailMessage:
    """One mail to `to`, ready for `SmtpSender.send`; its Message-ID is `message["Message-ID"]`."""
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = Address(sender.display_name, addr_spec=sender.address)
    message["To"] = to
    message["Reply-To"] = sender.plus_address(token)
    message["Subject"] = subject
    message["Date"] = format_datetime(datetime.now(UTC))
    message["Message-ID"] = make_msgid(domain=sender.domain)
    if thread:
        message["In-Reply-To"] = thread
        message["References"] = thread
    message["Auto-Submitted"] = "auto-generated"
    message["X-Auto-Response-Suppress"] = "All"
    _add_unsubscribe(message, sender.plus_address(token), unsubscribe_url)
    media = [item for block in body.blocks for item in block.media]
    inline = {_content_id(index, sender.domain): item for index, item in enumerate(media) if _shown_inline(item)}
    message.set_content(render_text(body), cte="quoted-printable")
    message.add_alternative(render_html(body, lang, inline), subtype="html", cte="quoted-printable")
    html_part = message.get_payload()[1]
    for cid, item in inline.items():
        maintype, _, subtype = item.content_type.partition("/")
        html_part.add_related(item.data, maintype, subtype, cid=cid, filename=item.filename, disposition="inline")
    for item in [*(item for item in media if not _shown_inline(item)), *attachments]:
        maintype, _, subtype = item.content_type.partition("/")
        message.add_attachment(item.data, maintype, subtype, filename=item.filename)
    # Last: set_content and add_alternative move or clear the Content-* headers present before them.
    message["Content-Language"] = lang
    return message


def _add_unsubscribe(message: EmailMessage, plus_address: str, url: str | None) -> None:
    mailto = f"<mailto:{plus_address}?subject=unsubscribe>"
    if url and url.startswith("https://"):
        message["List-Unsubscribe"] = f"<{url}>, {mailto}"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    else:
        message["List-Unsubscribe"] = mailto


def _shown_inline(item: Attachment) -> bool:
    return item.is_image and item.inline


def _content_id(index: int, domain: str) -> str:
    return make_msgid(idstring=f"img{index}", domain=domain)


def render_text(body: MailBody) -> str:
    """The plain-text alternative: headings, translations, originals quoted with "> "."""
    parts = [body.intro] if body.intro else []
    for block in body.blocks:
        lines = [block.heading, block.text]
        if block.original:
            lines += ["", *(f"> {line}" if line else ">" for line in block.original.splitlines())]
        lines += [f"[{item.filename}]" for item in block.media]
        parts.append("\n".join(lines))
    if body.footer:
        parts.append(f"-- \n{body.footer}")
    return "\n\n".join(parts) + "\n"


def render_html(body: MailBody, lang: str, inline: dict[str, Attachment] | None = None) -> str:
    """The HTML alternative: the same content, every text escaped, readable without CSS support."""
    cids = {id(item): cid for cid, item in (inline or {}).items()}
    sections = [f"<p>{_html_text(body.intro)}</p>"] if body.intro else []
    for block in body.blocks:
        section = [
            f'<p style="margin:0;color:#555;font-size:90%">{html.escape(block.heading)}</p>',
            f'<p style="margin:4px 0">{_html_text(block.text)}</p>',
        ]
        if block.original:
            section.append(
                '<blockquote style="margin:4px 0 0 0;padding-left:8px;border-left:3px solid #ccc;color:#555">'
                f"{_html_text(block.original)}</blockquote>"
            )
        for item in block.media:
            if id(item) in cids:
                src = html.escape(cids[id(item)].strip("<>"), quote=True)
                section.append(f'<p><img src="cid:{src}" alt="{html.escape(item.filename, quote=True)}"></p>')
            else:
                section.append(f"<p>📎 {html.escape(item.filename)}</p>")
        sections.append('<div style="margin:0 0 16px 0">' + "".join(section) + "</div>")
    if body.footer:
        sections.append(f'<hr><p style="color:#777;font-size:85%">{_html_text(body.footer)}</p>')
    content = "\n".join(sections)
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(lang, quote=True)}"><head><meta charset="utf-8"></head>\n'
        f'<body style="font-family:sans-serif">\n{content}\n</body></html>\n'
    )


def _html_text(text: str) -> str:
    return html.escape(text).replace("\n", "<br>\n")
