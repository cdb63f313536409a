"""The e-mail channel as the delivery queue sees it: one more `Channel`, for e-mail cities.

The queue delivers to an e-mail city (a group with channel "email") like to a Telegram group: relayed
copies rendered and translated into the city's language, announcements and nudges composed in it.
`EmailChannel` turns each into one mail row per active address of the city (`email_outbox`), which the
dispatcher (`dispatch.MailDispatcher`) sends alone or gathered into a digest. Addresses that are only
invited, stopped or bouncing get nothing. A mail cannot be edited or recalled: edits are not sent
again, and an unsend reports the e-mail city's copy as kept.

`ByDestination` is what the queue is given: it hands each destination to its channel by the number
space of its id (e-mail cities from `EMAIL_ID_BASE` on, Telegram chats below).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from bridgebot.domain import EMAIL_ID_BASE, Group
from bridgebot.i18n import Catalogs
from bridgebot.richtext import RichText, SpanKind
from bridgebot.services.delivery import Channel, Record, unrecorded
from bridgebot.services.relay import Rendered
from bridgebot.services.texts import wall_clock
from bridgebot.store.email import EmailStore
from bridgebot.store.repository import Repository


def mail_payload(rendered: Rendered, city: Group, catalogs: Catalogs, now) -> tuple[str, dict]:
    """("message", heading/text/original) for a relayed copy, whose first line is its bold header
    ("Anna · Hamburg"), with the city's local time added; ("notice", intro) for anything else."""
    text: RichText = rendered.text
    first_line_end = text.text.find("\n")
    first_line_end = len(text.text) if first_line_end < 0 else first_line_end
    header = any(s.kind == SpanKind.BOLD and s.start == 0 and s.end >= first_line_end for s in text.spans)
    if not header:
        return "notice", {"intro": text.text}
    heading = f"{text.text[:first_line_end]} · {wall_clock(now, city.tz, catalogs.ui_language(city.lang))}"
    quote = next((s for s in text.spans if s.kind == SpanKind.QUOTE and s.start > first_line_end), None)
    body_end = quote.start if quote else len(text.text)
    body = text.text[first_line_end + 1 : body_end].strip("\n")
    original = text.text[quote.start : quote.end] if quote else None
    if rendered.kind != "text":
        body = f"[{rendered.kind}] {body}".strip()
    return "message", {"heading": heading, "text": body, "original": original}


class EmailChannel:
    def __init__(self, repo: Repository, store: EmailStore, catalogs: Catalogs, wake: Callable[[], None]) -> None:
        self.repo = repo
        self.store = store
        self.catalogs = catalogs
        self.wake = wake

    async def _queue(self, chat_id: int, kind: str, payload: dict) -> list[int]:
        city = await self.repo.group(chat_id)
        active = [a for a in await self.store.addresses(chat_id) if a.state == "active"]
        if city is not None and active:
            await self.store.queue_mails([(address.id, kind, payload) for address in active])
            self.wake()
        return [0]

    async def send(
        self, chat_id: int, rendered: Rendered, sent: Sequence[int] = (), record: Record = unrecorded
    ) -> list[int]:
        if sent:  # an earlier try queued the mails already
            return list(sent)
        city = await self.repo.group(chat_id)
        if city is None:
            return []
        kind, payload = mail_payload(rendered, city, self.catalogs, self.repo.clock())
        ids = await self._queue(chat_id, kind, payload)
        await record(0, ids[0])
        return ids

    async def edit(
        self,
        chat_id: int,
        message_ids: Sequence[int],
        rendered: Rendered,
        fresh: Collection[int] = (),
        record: Record = unrecorded,
    ) -> list[int]:
        return list(message_ids)

    async def delete(self, chat_id: int, message_ids: list[int]) -> list[int]:
        return list(message_ids)


class ByDestination:
    """The queue's one channel: Telegram chats to Telegram, e-mail cities to e-mail."""

    def __init__(self, telegram: Channel, email: Channel | None) -> None:
        self.telegram = telegram
        self.email = email

    def _for(self, chat_id: int) -> Channel:
        return self.email if self.email is not None and chat_id >= EMAIL_ID_BASE else self.telegram

    async def send(
        self, chat_id: int, rendered: Rendered, sent: Sequence[int] = (), record: Record = unrecorded
    ) -> list[int]:
        return await self._for(chat_id).send(chat_id, rendered, sent, record)

    async def edit(
        self,
        chat_id: int,
        message_ids: Sequence[int],
        rendered: Rendered,
        fresh: Collection[int] = (),
        record: Record = unrecorded,
    ) -> list[int]:
        return await self._for(chat_id).edit(chat_id, message_ids, rendered, fresh, record)

    async def delete(self, chat_id: int, message_ids: list[int]) -> list[int]:
        return await self._for(chat_id).delete(chat_id, message_ids)
