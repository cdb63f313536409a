"""Reading a mail the IMAP reader handed over: who, which token, what kind, and the new text only.

`parse_mail(raw, bot_address)` never raises on a malformed mail (a mailbox receives anything); what it
cannot read stays empty. It decides nothing about the partnership: the product relays an `InboundMail`
only when `kind` is HUMAN and both `token` and `from_address` match one active address (a valid token
with a forged From does not count), and answers nothing else (no backscatter). Bounces carry the
failed recipients for the product's bounce count.

Cutting quoted text and signatures: `mail-parser-reply` (maintained, many languages) after a small
pre-pass for what it misses (checked against the fixtures in tests/data/mail): the QQ/Foxmail
separator "------------------ 原始邮件 ------------------", 163.com's "在 … 写道：", Gmail's Spanish
"El … escribió:", French "Le … a écrit :", the "-- " signature delimiter (RFC 3676), which the library
loses by stripping trailing spaces, and Outlook's "-----Original Message-----". HTML-only mail becomes
text with BeautifulSoup (MIT; html2text would have been GPL). Legacy charsets: GB2312 and GBK are
decoded as GB18030 (their superset: clients label GBK text as GB2312), Big5 as Big5-HKSCS.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email import policy
from email.header import decode_header
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr
from enum import StrEnum

from bs4 import BeautifulSoup
from mailparser_reply import EmailReplyParser

from bridgebot.adapters.email.model import Attachment

# The languages of mail-parser-reply whose client headers ("On … wrote:", "Am … schrieb …:") it knows.
REPLY_LANGUAGES = ["en", "de", "zh", "ja", "es", "fr", "it", "nl", "pl", "sv", "da", "cs", "ko"]
_REPLY_PARSER = EmailReplyParser(languages=REPLY_LANGUAGES)

# Labels that clients put on legacy encodings, mapped to the codec that reads what they really send.
_CHARSET_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "big5": "big5hkscs",
    "ks_c_5601-1987": "cp949",
    "iso-8859-1": "windows-1252",
    "us-ascii": "windows-1252",
}


class MailKind(StrEnum):
    HUMAN = "human"
    AUTO_REPLY = "auto_reply"
    BOUNCE = "bounce"
    LIST = "list"


@dataclass(frozen=True)
class InboundMail:
    message_id: str
    from_address: str
    from_name: str
    to_addresses: list[str]
    token: str | None
    subject: str
    in_reply_to: str | None
    references: list[str]
    kind: MailKind
    reply_text: str
    full_text: str
    html_only: bool
    attachments: list[Attachment] = field(default_factory=list)
    bounced_recipients: list[str] = field(default_factory=list)


# Subjects of out-of-office and other automatic answers, as the clients of the partner cities write them.
_AUTO_SUBJECT = re.compile(
    r"^\s*(?:\[[^\]]*\]\s*)?(?:"
    r"out of (?:the )?office|automatic reply|auto(?:matic)?[- ]?reply|autoreply|auto[- ]response|"
    r"abwesenheitsnotiz|automatische antwort|abwesend|"
    r"respuesta autom[aá]tica|fuera de la oficina|r[ée]ponse automatique|absence|"
    r"resposta autom[aá]tica|risposta automatica|balasan otomatis|"
    r"自动回复|自動回覆|自動回复|自動応答|自動返信|不在通知"
    r")",
    re.IGNORECASE,
)
_LIST_PRECEDENCE = {"list"}
_AUTO_PRECEDENCE = {"bulk", "junk", "auto_reply"}
_DAEMON_SENDER = re.compile(r"^(?:mailer-daemon|postmaster|mail-daemon|mailer_daemon)@", re.IGNORECASE)

# Lines where the quoted part starts, missed by mail-parser-reply (see the module docstring).
# Client headers may be wrapped over up to three lines (Gmail wraps long addresses).
_QUOTE_STARTS = re.compile(
    r"^(?:"
    r"-{2,}\s*(?:原始邮件|原始郵件|Original|Original Message|Ursprüngliche Nachricht|Mensaje original|"
    r"Message d'origine)\s*-{2,}"
    r"|在[^\n]{0,200}写道[:：]"
    r"|El [^\n]*(?:\n[^\n]*){0,2}?escribió:"
    r"|Le [^\n]*(?:\n[^\n]*){0,2}?a écrit\s?:"
    r"|-- "
    r"|-{10,}"
    r")[ \t]*$",
    re.MULTILINE,
)
# Outlook's plain-text stand-in for an inline image.
_CID_PLACEHOLDER = re.compile(r"^\[cid:[^\]\n]+\]\s*$\n?", re.MULTILINE)


def parse_mail(raw: bytes, bot_address: str) -> InboundMail:
    """Everything the product needs of one raw mail (RFC 5322 bytes as fetched by IMAP)."""
    message = BytesParser(policy=policy.default).parsebytes(raw)
    assert isinstance(message, EmailMessage)
    raw_name, from_address = parseaddr(_raw_header(message, "From"))
    from_name = _decode_words(raw_name)
    recipients = _addresses(message, "To", "Cc")
    plain, html_text = _bodies(message)
    full_text = plain if plain is not None else html_text or ""
    kind = classify(message, from_address)
    return InboundMail(
        message_id=_header(message, "Message-ID").strip(),
        from_address=from_address.lower(),
        from_name=from_name,
        to_addresses=recipients,
        token=find_token([*recipients, *_addresses(message, "Delivered-To", "X-Original-To")], bot_address),
        subject=_header(message, "Subject"),
        in_reply_to=_header(message, "In-Reply-To").strip() or None,
        references=_header(message, "References").split(),
        kind=kind,
        reply_text=reply_text(full_text) if kind is MailKind.HUMAN else "",
        full_text=full_text,
        html_only=plain is None and html_text is not None,
        attachments=_attachments(message),
        bounced_recipients=_bounced(message) if kind is MailKind.BOUNCE else [],
    )


def find_token(addresses: list[str], bot_address: str) -> str | None:
    """The token of the first `local+TOKEN@domain` of the bot's address among `addresses`."""
    local, _, domain = bot_address.lower().rpartition("@")
    pattern = re.compile(rf"^{re.escape(local)}\+([0-9a-z_-]+)@{re.escape(domain)}$")
    for address in addresses:
        if match := pattern.match(address.lower()):
            return match.group(1)
    return None


def classify(message: Message, from_address: str) -> MailKind:
    """Bounce, automatic answer, list mail or a human's mail (RFC 3834, RFC 3464, RFC 2369/2919)."""
    if _is_bounce(message, from_address):
        return MailKind.BOUNCE
    precedence = _header(message, "Precedence").strip().lower()
    auto_submitted = _header(message, "Auto-Submitted").strip().lower()
    if (
        (auto_submitted and auto_submitted != "no")
        or precedence in _AUTO_PRECEDENCE
        or message.get("X-Autoreply")
        or message.get("X-Autorespond")
        or _AUTO_SUBJECT.match(_header(message, "Subject"))
    ):
        return MailKind.AUTO_REPLY
    if precedence in _LIST_PRECEDENCE or message.get("List-Id") or message.get("List-Unsubscribe"):
        return MailKind.LIST
    return MailKind.HUMAN


def reply_text(text: str) -> str:
    """The new text of a reply: quoted text, client reply headers and the signature cut."""
    text = _CID_PLACEHOLDER.sub("", text.replace("\r\n", "\n"))
    match = _QUOTE_STARTS.search(text)
    head = text[: match.start()] if match else text
    replies = _REPLY_PARSER.read(head).replies
    return replies[0].body.strip() if replies else head.strip()


def _is_bounce(message: Message, from_address: str) -> bool:
    if message.get_content_type() == "multipart/report":
        return message.get_param("report-type", "").lower() == "delivery-status"
    return bool(_DAEMON_SENDER.match(from_address)) or _header(message, "Return-Path").strip() == "<>"


def _bounced(message: Message) -> list[str]:
    """The recipients a DSN reports as failed (`Action: failed`), from each per-recipient block."""
    failed = []
    for part in message.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        for block in part.get_payload():
            if str(block.get("Action", "")).strip().lower() != "failed":
                continue
            recipient = str(block.get("Final-Recipient") or block.get("Original-Recipient") or "")
            address = recipient.partition(";")[2].strip() or recipient.strip()
            if address:
                failed.append(address.lower())
    return failed


def _raw_header(message: Message, name: str) -> str:
    """A header as it came, unfolded; raw 8-bit bytes (UTF-8 or GBK, against the RFC) made text."""
    raw = next((value for key, value in message.raw_items() if key.lower() == name.lower()), "")
    text = re.sub(r"\r?\n[ \t]", " ", str(raw))
    if any("\udc80" <= char <= "\udcff" for char in text):
        data = text.encode("utf-8", "surrogateescape")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("gb18030", errors="replace")
    return text.strip()


def _header(message: Message, name: str) -> str:
    """A header's text, its encoded words decoded with the same charset aliases as bodies (Foxmail
    labels GBK subjects GB2312; the stdlib would turn every GBK-only character into U+FFFD)."""
    return _decode_words(_raw_header(message, name))


def _decode_words(raw: str) -> str:
    try:
        pieces = decode_header(raw)
    except (ValueError, LookupError):
        return raw
    decoded = []
    for value, charset in pieces:
        if isinstance(value, str):
            decoded.append(value)
            continue
        codec = _CHARSET_ALIASES.get((charset or "utf-8").lower(), charset or "utf-8")
        try:
            decoded.append(value.decode(codec, errors="replace"))
        except LookupError:
            decoded.append(value.decode("utf-8", errors="replace"))
    return "".join(decoded).strip()


def _addresses(message: Message, *names: str) -> list[str]:
    values = [_raw_header(message, name) for name in names]
    return [address.lower() for _, address in getaddresses(values) if address]


def _bodies(message: Message) -> tuple[str | None, str | None]:
    """The first text/plain and text/html parts that are not attachments, decoded."""
    plain = html_text = None
    for part in message.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        if part.get_content_type() == "text/plain" and plain is None:
            plain = _unflow(part, _decode(part))
        elif part.get_content_type() == "text/html" and html_text is None:
            html_text = html_to_text(_decode(part))
    return plain, html_text


def _decode(part: Message) -> str:
    data = part.get_payload(decode=True) or b""
    charset = (part.get_content_charset() or "us-ascii").lower()
    try:
        return data.decode(_CHARSET_ALIASES.get(charset, charset), errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def _unflow(part: Message, text: str) -> str:
    """RFC 3676 format=flowed (Thunderbird, Apple Mail): rejoin soft line breaks, keep quotes apart."""
    if part.get_param("format", "").lower() != "flowed":
        return text
    delsp = part.get_param("delsp", "").lower() == "yes"
    lines: list[str] = []
    carry = ""
    for line in text.replace("\r\n", "\n").split("\n"):
        flowed = line.endswith(" ") and line != "-- "
        piece = line[:-1] if flowed and delsp else line
        if flowed:
            carry += piece
        else:
            lines.append(carry + piece)
            carry = ""
    if carry:
        lines.append(carry)
    return "\n".join(lines)


def html_to_text(markup: str) -> str:
    """Readable text of an HTML mail: blocks on their own lines, quoted history (blockquote) kept as
    "> " lines so that the reply parser can cut it, scripts and styles dropped."""
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["script", "style", "head"]):
        tag.decompose()
    for quote in soup.find_all("blockquote"):
        inner = quote.get_text("\n").strip()
        quote.replace_with("\n" + "\n".join(f"> {line.strip()}" for line in inner.splitlines()) + "\n")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for block in soup.find_all(["p", "div", "tr", "li", "h1", "h2", "h3", "h4", "table"]):
        block.insert_before("\n")
        block.insert_after("\n")
    text = soup.get_text()
    lines = [re.sub(r"[ \t\xa0]+", " ", line).strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _attachments(message: Message) -> list[Attachment]:
    """Files and images of the mail (attached, or inline with a filename or Content-ID)."""
    found = []
    for part in message.walk():
        if part.is_multipart() or part.get_content_maintype() == "message":
            continue
        disposition = part.get_content_disposition()
        is_text_body = part.get_content_maintype() == "text" and disposition != "attachment"
        if is_text_body or (disposition is None and not part.get("Content-ID") and not part.get_filename()):
            continue
        data = part.get_payload(decode=True) or b""
        name = part.get_filename() or f"attachment-{len(found) + 1}"
        found.append(Attachment(name, part.get_content_type(), data, inline=disposition != "attachment"))
    return found
