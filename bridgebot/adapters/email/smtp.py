"""Sending mails over SMTP, with errors in the delivery queue's vocabulary.

The product's e-mail channel calls `await sender.send(message)` for one queue row and lets the
outbox act on what it raises (bridgebot.services.delivery):

- `Transient`: the server cannot be reached, dropped the connection before DATA, or answered 4xx
  (greylisting, "try again later"): retried with backoff, nothing lost;
- `Uncertain`: the connection broke or timed out after the mail's data was sent, so the server may
  have taken it: retried a few times only (a repeat is possible, as for Telegram);
- `Rejected`: a 5xx about this mail (too big, content refused): the row is dropped, the address kept;
- `Permanent`: a 5xx saying the address does not exist (550 5.1.1 "user unknown" and kin): the
  address cannot receive anything; the product marks it bouncing and tells the partnership once;
- `Unauthorized`: the server refused the bot's login (535): nothing can be sent until an operator
  fixes BRIDGEBOT_SMTP_URL; rows stay pending.

One connection is kept and reused between mails (servers close idle ones; the next send reconnects).
"""

from __future__ import annotations

import asyncio
import logging
import re
import ssl
from email.message import EmailMessage

import aiosmtplib

from bridgebot.config import MailServer
from bridgebot.services.delivery import Permanent, Rejected, Transient, Unauthorized, Uncertain

log = logging.getLogger(__name__)

# Seconds one SMTP command may take (connect, each reply, the data transfer).
TIMEOUT = 60.0
# Enhanced status codes (RFC 3463) and texts that say the address itself is bad, not this one mail.
_UNKNOWN_STATUS = re.compile(r"\b5\.(?:1\.[0-3]|1\.10|2\.1)\b")
_UNKNOWN_TEXT = re.compile(
    r"user unknown|unknown user|no such user|mailbox (?:unavailable|not found|does not exist)|"
    r"address rejected|does not exist|invalid recipient|recipient not found|no mailbox",
    re.IGNORECASE,
)
_AUTH_CODES = {530, 534, 535, 538}


class SmtpSender:
    """Sends mails through the bot's SMTP server (BRIDGEBOT_SMTP_URL), one at a time, on one connection."""

    def __init__(self, server: MailServer, *, timeout: float = TIMEOUT, tls_context: ssl.SSLContext | None = None):
        self._server = server
        self._timeout = timeout
        self._tls_context = tls_context
        self._client: aiosmtplib.SMTP | None = None
        self._lock = asyncio.Lock()

    async def send(self, message: EmailMessage, envelope_from: str | None = None) -> None:
        """Send one mail to its To address; raises a `DeliveryError` subclass when it was not taken.

        `envelope_from` (MAIL FROM, where bounces go) defaults to the From address; passing the
        reader's plus-address (`MailIdentity.plus_address(token)`) makes a later bounce carry the
        token in its To/Delivered-To, so `parse_mail` finds whose address bounced even when the DSN
        is not a standard one.
        """
        async with self._lock:
            client = await self._connected()
            try:
                errors, _ = await client.send_message(message, sender=envelope_from)
            except aiosmtplib.SMTPRecipientsRefused as exc:
                raise _recipient_error(exc.recipients[0]) from exc
            except aiosmtplib.SMTPResponseException as exc:
                await self._drop()
                raise _response_error(exc.code, exc.message) from exc
            except (aiosmtplib.SMTPServerDisconnected, aiosmtplib.SMTPTimeoutError, OSError) as exc:
                # Which command failed is not known here: after DATA the mail may have been taken.
                await self._drop()
                raise Uncertain(f"SMTP connection lost while sending: {exc}") from exc
            if errors:
                recipient, (code, text) = next(iter(errors.items()))
                raise _recipient_error(aiosmtplib.SMTPRecipientRefused(code, text, recipient))

    async def close(self) -> None:
        async with self._lock:
            await self._drop()

    async def _connected(self) -> aiosmtplib.SMTP:
        if self._client is not None and self._client.is_connected:
            try:
                await self._client.noop()
                return self._client
            except (aiosmtplib.SMTPException, OSError):
                await self._drop()
        server = self._server
        client = aiosmtplib.SMTP(
            hostname=server.host,
            port=server.port,
            use_tls=server.tls,
            start_tls=None if server.starttls and not server.tls else False,
            timeout=self._timeout,
            tls_context=self._tls_context,
        )
        try:
            await client.connect()
            await client.login(server.username, server.password)
        except aiosmtplib.SMTPAuthenticationError as exc:
            await _quietly_close(client)
            raise Unauthorized(f"SMTP login refused by {server.host}: {exc.code} {exc.message}") from exc
        except aiosmtplib.SMTPResponseException as exc:
            await _quietly_close(client)
            if exc.code in _AUTH_CODES:
                raise Unauthorized(f"SMTP login refused by {server.host}: {exc.code} {exc.message}") from exc
            raise Transient(f"SMTP server {server.host} answered {exc.code} {exc.message}") from exc
        except (aiosmtplib.SMTPException, OSError) as exc:
            await _quietly_close(client)
            raise Transient(f"cannot reach SMTP server {server.host}:{server.port}: {exc}") from exc
        self._client = client
        return client

    async def _drop(self) -> None:
        if self._client is not None:
            await _quietly_close(self._client)
            self._client = None


async def _quietly_close(client: aiosmtplib.SMTP) -> None:
    try:
        if client.is_connected:
            await asyncio.wait_for(client.quit(), 5)
    except (aiosmtplib.SMTPException, OSError, TimeoutError):
        client.close()


def _recipient_error(refused: aiosmtplib.SMTPRecipientRefused) -> Exception:
    text = f"{refused.recipient}: {refused.code} {refused.message}"
    if refused.code >= 500 and (_UNKNOWN_STATUS.search(refused.message) or _UNKNOWN_TEXT.search(refused.message)):
        return Permanent(f"address refused by the mail server: {text}")
    return _response_error(refused.code, text)


def _response_error(code: int, message: str) -> Exception:
    if code in _AUTH_CODES:
        return Unauthorized(f"SMTP authentication: {code} {message}")
    if 400 <= code < 500 or code < 200:
        return Transient(f"SMTP server answered {code} {message}")
    return Rejected(f"SMTP server refused the mail: {code} {message}")
