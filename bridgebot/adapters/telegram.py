"""The Telegram channel adapter: Telegram messages in, `Rendered` copies out.

Inbound, a PTB `Message` becomes the router's `Incoming`, its entities neutral spans; outbound,
`TelegramChannel` implements the delivery queue's `Channel`: it turns the rich text into entities, splits it
into messages within Telegram's limits (`telegram_entities`, `split`), and turns Telegram's errors
into the queue's vocabulary (retry later, transient, uncertain, already done, unauthorized,
permanent, rejected, chat moved), each blamed on the chat it is about.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable, Collection, Coroutine, Sequence
from contextlib import AbstractAsyncContextManager, nullcontext
from datetime import timedelta
from functools import partial
from typing import Any

import httpx
from aiolimiter import AsyncLimiter
from telegram import Bot, Message, MessageEntity, ReplyParameters
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import BaseRateLimiter

from bridgebot import metrics
from bridgebot.adapters.split import split_text
from bridgebot.adapters.telegram_entities import (
    CAPTION_LIMIT,
    CAPTIONED,
    TEXT_LIMIT,
    entities_of,
    spans_from_entities,
    utf16_width,
)
from bridgebot.richtext import RichText
from bridgebot.services.delivery import (
    AlreadyDone,
    ChatMoved,
    DeliveryError,
    Permanent,
    Record,
    Refused,
    Rejected,
    RetryLater,
    Transient,
    Unauthorized,
    Uncertain,
    unrecorded,
)
from bridgebot.services.relay import Incoming, Rendered

log = logging.getLogger(__name__)

ANONYMOUS_ADMIN_ID = 1087968824  # GroupAnonymousBot
MEDIA_KINDS = (
    *sorted(CAPTIONED),
    "sticker",
    "video_note",
    "location",
    "venue",
    "contact",
    "poll",
    "dice",
)
RELAY = {"relay": True}


def retry_seconds(error: RetryAfter) -> float:
    value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


# --- inbound -----------------------------------------------------------------------------------


def _entity_json(entity: MessageEntity) -> dict[str, Any]:
    """Every field of Telegram's entity (date_time's unix_time too), for `spans_from_entities`."""
    return {**entity.to_dict(), "type": str(entity.type)}


def message_kind(message: Message) -> str | None:
    if message.text is not None:
        return "text"
    for kind in MEDIA_KINDS:
        if getattr(message, kind, None):
            return "photo" if kind == "photo" else kind
    return None


def sender_name(message: Message) -> str:
    """People by name; an anonymous admin or a channel by its signature or the chat's title."""
    if message.sender_chat is not None:
        return message.author_signature or message.sender_chat.title or message.chat.title or ""
    user = message.from_user
    return user.full_name if user else ""


def is_person(message: Message) -> bool:
    """Bots (this one included) are never relayed; an anonymous admin posts via a bot but is a person."""
    if message.sender_chat is not None:
        return True
    return message.from_user is not None and not message.from_user.is_bot


def to_incoming(message: Message, edit_date: int = 0) -> Incoming | None:
    kind = message_kind(message)
    if kind is None:
        return None
    text = message.text if message.text is not None else (message.caption or "")
    entities = message.entities if message.text is not None else message.caption_entities
    reply = message.reply_to_message
    # In forums every message "replies" to the topic's first message; that is not a real reply.
    is_topic_root = reply is not None and reply.forum_topic_created is not None
    return Incoming(
        chat_id=message.chat.id,
        message_id=message.message_id,
        sender_id=message.from_user.id if message.sender_chat is None and message.from_user else None,
        sender_name=sender_name(message),
        kind=kind,
        text=text,
        spans=spans_from_entities(text, [_entity_json(e) for e in entities]),
        reply_to_message_id=reply.message_id if reply is not None and not is_topic_root else None,
        thread_id=message.message_thread_id if message.is_topic_message else None,
        edit_date=edit_date,
    )


# --- outbound ----------------------------------------------------------------------------------


def to_telegram_entities(rich: RichText) -> list[MessageEntity]:
    """Telegram's entities for `rich`, with every field they came with."""
    return [MessageEntity.de_json(data, None) for data in entities_of(rich)]


def captioned(rendered: Rendered) -> bool:
    """Media whose first text part travels as the copy's caption."""
    return rendered.copy_from is not None and rendered.kind in CAPTIONED


def parts(rendered: Rendered) -> list[RichText]:
    """The messages (or caption and messages) the rendered text takes, each within Telegram's limit;
    the same rendering always gives the same parts, so a resumed delivery continues where it stopped."""
    limit = CAPTION_LIMIT if captioned(rendered) else TEXT_LIMIT
    return split_text(rendered.text, limit, utf16_width)


def _reply(message_id: int | None) -> ReplyParameters | None:
    if message_id is None:
        return None
    return ReplyParameters(message_id, allow_sending_without_reply=True)


# "The bot cannot write here at all": the group stops receiving (Client.cpp:8158-8185, 124-127,
# 6596; DialogManager.cpp:1366, 1509; MessagesManager.cpp:27646; Client.cpp:196). A 403 says the same.
_CANNOT_WRITE = re.compile(
    r"chat not found|have no write access|have no rights to send|not enough rights to send (text )?messages"
    r"|chat_write_forbidden|chat_send_plain_forbidden|user_banned_in_channel|chat_restricted"
)
# One kind of message the group does not allow (stickers, photos, polls...): only that copy is lost
# (MessageContent.cpp:5929-6083 and the raw CHAT_SEND_*_FORBIDDEN codes).
_KIND_REFUSED = re.compile(r"not enough rights to send |chat_send_\w+_forbidden")
# The server failed after taking the request, which may have been carried out (Client.cpp:18066).
_MAYBE_DONE = re.compile(r"internal server error|gateway time-?out|\(50[04]\)")
_DONE = ("sent message was immediately deleted",)


def _classify(error: TelegramError) -> DeliveryError:
    text = str(error).lower()
    if isinstance(error, RetryAfter):
        return RetryLater(retry_seconds(error))
    if isinstance(error, ChatMigrated):
        return ChatMoved(error.new_chat_id)
    if isinstance(error, InvalidToken) and "unauthorized" in text:
        return Unauthorized(str(error))
    if any(done in text for done in _DONE):
        return AlreadyDone(str(error))
    if isinstance(error, Forbidden | BadRequest) and _CANNOT_WRITE.search(text):
        return Permanent(str(error))
    if isinstance(error, Forbidden | BadRequest) and _KIND_REFUSED.search(text):
        return Refused(str(error))
    if isinstance(error, Forbidden):
        return Permanent(str(error))
    if isinstance(error, TimedOut):
        # Never connected, or waited for a free connection: Telegram did not see it, safe to repeat.
        if isinstance(error.__cause__, httpx.ConnectTimeout | httpx.PoolTimeout):
            return Transient(str(error))
        return Uncertain(f"timed out: {error}")
    if isinstance(error, NetworkError) and not isinstance(error, BadRequest):
        return Uncertain(str(error)) if _MAYBE_DONE.search(text) else Transient(str(error))
    return Rejected(str(error))


_HARMLESS = ("message is not modified", "message to edit not found", "message to delete not found")


def _harmless(rejected: Rejected) -> bool:
    """Refusals that mean the wanted state is there already (nothing to change, nothing to delete)."""
    return any(h in str(rejected).lower() for h in _HARMLESS)


class TelegramChannel:
    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def _call(self, coroutine: Coroutine[Any, Any, Any]) -> Any:
        """Await a Bot API call; Telegram's error becomes what the outbox should do about it."""
        try:
            return await coroutine
        except TelegramError as error:
            raise _classify(error) from error

    async def _send_text(self, chat_id: int, part: RichText, reply_to: int | None) -> int:
        message = await self._call(
            self.bot.send_message(
                chat_id,
                part.text,
                entities=to_telegram_entities(part),
                reply_parameters=_reply(reply_to),
                rate_limit_args=RELAY,
            )
        )
        return message.message_id

    async def _copy(self, chat_id: int, rendered: Rendered, caption: RichText | None, reply_to: int | None) -> int:
        from_chat, message_id = rendered.copy_from
        captions = {}
        if caption is not None:
            captions = {"caption": caption.text, "caption_entities": to_telegram_entities(caption)}
        call = self.bot.copy_message(
            chat_id, from_chat, message_id, reply_parameters=_reply(reply_to), rate_limit_args=RELAY, **captions
        )
        try:
            copied = await self._call(call)
        except (Permanent, ChatMoved) as error:
            blamed = await self._whose(chat_id, error)
            if blamed is error:
                raise
            raise blamed from error
        return copied.message_id

    async def _whose(self, chat_id: int, error: DeliveryError) -> DeliveryError:
        """copyMessage checks its source chat before the target, in the same words (Client.cpp:13252):
        a chat-level error is the target's only if the target refuses the bot too. Otherwise it is
        about the source (bot removed, chat gone or upgraded), and only this copy is lost."""
        try:
            member = await self._call(self.bot.get_chat_member(chat_id, self.bot.id))
        except (Permanent, ChatMoved) as target_error:
            return target_error
        if member.status in ("left", "kicked") or getattr(member, "can_send_messages", True) is False:
            return error
        return Rejected(f"the copy's source cannot be read: {error}")

    async def send(
        self, chat_id: int, rendered: Rendered, sent: Sequence[int] = (), record: Record = unrecorded
    ) -> list[int]:
        """Text: the parts. Captioned media: the copy with the first part as caption, then the rest.
        Other media: the attribution line, then the copy. The first `len(sent)` of these steps were
        done by an earlier try and are skipped; each new message is recorded the moment it exists."""
        ids = list(sent)
        for index, step in enumerate(self._steps(chat_id, rendered)):
            if index < len(ids):
                continue
            message_id = await step(rendered.reply_to if index == 0 else None)
            await record(index, message_id)
            ids.append(message_id)
        return ids

    def _steps(self, chat_id: int, rendered: Rendered) -> list[Callable[[int | None], Awaitable[int]]]:
        """The messages a copy consists of, in order; each takes the message it replies to."""
        pieces = parts(rendered)
        texts = [partial(self._send_text, chat_id, part) for part in pieces]
        if rendered.copy_from is None:
            return texts
        if captioned(rendered):
            return [partial(self._copy, chat_id, rendered, pieces[0]), *texts[1:]]
        return [*texts, partial(self._copy, chat_id, rendered, None)]

    async def edit(
        self,
        chat_id: int,
        message_ids: Sequence[int],
        rendered: Rendered,
        fresh: Collection[int] = (),
        record: Record = unrecorded,
    ) -> list[int]:
        """Edit each part in place, except those in `fresh` (already showing this text: an earlier
        try got that far); a longer translation sends extra parts, a shorter one deletes the rest."""
        if rendered.copy_from is not None and not captioned(rendered):
            return list(message_ids)  # stickers, polls...: nothing editable
        pieces = parts(rendered)
        ids = []
        for index, part in enumerate(pieces):
            if index >= len(message_ids):
                ids.append(await self._send_text(chat_id, part, None))
                await record(index, ids[-1])
                continue
            if index not in fresh:
                await self._edit_part(chat_id, message_ids[index], part, captioned(rendered) and index == 0)
                await record(index, message_ids[index])
            ids.append(message_ids[index])
        surplus = list(message_ids[len(pieces) :])
        if surplus:
            kept = await self.delete(chat_id, surplus)
            if kept:
                log.warning("chat %s: %s surplus parts of an edited copy could not be deleted", chat_id, len(kept))
            for index in range(len(pieces), len(message_ids)):
                await record(index, None)
        return ids

    async def _edit_part(self, chat_id: int, message_id: int, part: RichText, caption: bool) -> None:
        entities = to_telegram_entities(part)
        if caption:
            call = self.bot.edit_message_caption(
                chat_id, message_id, caption=part.text, caption_entities=entities, rate_limit_args=RELAY
            )
        else:
            call = self.bot.edit_message_text(part.text, chat_id, message_id, entities=entities, rate_limit_args=RELAY)
        try:
            await self._call(call)
        except Rejected as rejected:
            if not _harmless(rejected):
                raise

    async def delete(self, chat_id: int, message_ids: list[int]) -> list[int]:
        """Delete the messages; returns those Telegram refused to delete (bots may delete only messages
        younger than 48 hours). deleteMessages then fails as a whole, so they go one by one."""
        if not message_ids:
            return []
        try:
            await self._call(self.bot.delete_messages(chat_id, message_ids, rate_limit_args=RELAY))
            return []
        except Rejected as rejected:
            if _harmless(rejected):
                return []
            if len(message_ids) == 1:
                return list(message_ids)
        kept = []
        for message_id in message_ids:
            try:
                await self._call(self.bot.delete_message(chat_id, message_id, rate_limit_args=RELAY))
            except Rejected as rejected:
                if not _harmless(rejected):
                    kept.append(message_id)
        return kept


class ChatRateLimiter(BaseRateLimiter[dict[str, Any]]):
    """Telegram's limits per group and overall, with 429s confined to the chat they concern.

    PTB's AIORateLimiter pauses *every* request on a 429. Relay sends (marked with
    `rate_limit_args={"relay": True}`) get the `RetryAfter` back at once, so the outbox waits for that
    group only; other calls (command replies) wait and retry here, also only for their chat.
    """

    def __init__(self, per_second: float = 30, per_group_per_minute: float = 20, max_retries: int = 3) -> None:
        self._overall = AsyncLimiter(per_second, 1)
        self._per_group_rate = per_group_per_minute
        self._groups: dict[Any, AsyncLimiter] = {}
        self._max_retries = max_retries

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    def _group_limiter(self, chat_id: Any) -> AbstractAsyncContextManager[Any]:
        try:
            is_group = int(chat_id) < 0
        except (TypeError, ValueError):
            is_group = isinstance(chat_id, str) and chat_id.startswith("@")
        if not is_group:
            return nullcontext()
        limiter = self._groups.get(chat_id)
        if limiter is None:
            limiter = self._groups[chat_id] = AsyncLimiter(self._per_group_rate, 60)
        return limiter

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: dict[str, Any] | None,
    ) -> Any:
        chat_id = data.get("chat_id")
        relay = bool(rate_limit_args and rate_limit_args.get("relay"))
        attempt = 0
        while True:
            async with self._group_limiter(chat_id), self._overall:
                try:
                    return await callback(*args, **kwargs)
                except RetryAfter as error:
                    metrics.telegram_429.inc(method=endpoint)
                    if relay or attempt >= self._max_retries:
                        raise
                    wait = retry_seconds(error)
            attempt += 1
            log.info("flood control on %s in chat %s: waiting %ss", endpoint, chat_id, wait)
            await asyncio.sleep(wait)
