"""Telegram's formatting entities and limits, converted to and from the neutral rich text.

Telegram measures text in UTF-16 code units (characters past U+FFFF, most emoji, count twice) and
names its formatting differently from `bridgebot.richtext`. This module is the only place that knows
both; it imports nothing of python-telegram-bot, so the store can use it to read rows written before
the rich text was channel-neutral (they hold Telegram's entities in UTF-16 offsets).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bridgebot.richtext import RichText, Span, SpanKind, extra_of

TEXT_LIMIT = 4096  # UTF-16 code units of a message's text
CAPTION_LIMIT = 1024  # UTF-16 code units of a media caption
CAPTIONED = frozenset({"photo", "document", "video", "audio", "voice", "animation"})
"""Media kinds that carry a caption; other media (stickers, polls...) are copied as they are."""

_KINDS = {
    "bold": SpanKind.BOLD,
    "italic": SpanKind.ITALIC,
    "underline": SpanKind.UNDERLINE,
    "strikethrough": SpanKind.STRIKE,
    "spoiler": SpanKind.SPOILER,
    "code": SpanKind.CODE,
    "pre": SpanKind.PRE,
    "text_link": SpanKind.LINK,
    "mention": SpanKind.MENTION,
    "text_mention": SpanKind.MENTION,
    "blockquote": SpanKind.QUOTE,
    "expandable_blockquote": SpanKind.QUOTE,
}
# Entities that mark a thing rather than words: kept as written by a translation.
_VERBATIM = frozenset(
    {"url", "email", "phone_number", "hashtag", "cashtag", "bot_command", "custom_emoji", "date_time"}
)
# Fields a span holds itself; every other field goes to its `extra` (date_time's unix_time, a
# custom emoji's id, and whatever Telegram adds next).
_CONSUMED = frozenset({"type", "offset", "length", "url", "language", "user", "user_id"})


def utf16_len(text: str) -> int:
    """Length as Telegram counts it: characters past U+FFFF (most emoji) count twice."""
    return len(text.encode("utf-16-le")) // 2


def utf16_width(char: str) -> int:
    return 2 if ord(char) > 0xFFFF else 1


def utf16_to_index(text: str, offset: int) -> int:
    """The str index at UTF-16 `offset`; an offset inside a surrogate pair gives the index after it."""
    units = 0
    for index, char in enumerate(text):
        if units >= offset:
            return index
        units += utf16_width(char)
    return len(text)


# --- Telegram -> neutral -----------------------------------------------------------------------


def spans_from_entities(text: str, entities: Iterable[dict[str, Any]]) -> tuple[Span, ...]:
    """Spans from Telegram's entities in their JSON form (the user as `user` or as `user_id`)."""
    return tuple(span_from_entity(text, entity) for entity in entities)


def span_from_entity(text: str, entity: dict[str, Any]) -> Span:
    kind_name = str(entity["type"])
    start = utf16_to_index(text, entity["offset"])
    end = utf16_to_index(text, entity["offset"] + entity["length"])
    user = entity.get("user")
    user_id = user["id"] if isinstance(user, dict) else entity.get("user_id")
    kind = _KINDS.get(kind_name) or (SpanKind.VERBATIM if kind_name in _VERBATIM else SpanKind.FORMAT)
    extra = {key: value for key, value in entity.items() if key not in _CONSUMED}
    if kind in (SpanKind.VERBATIM, SpanKind.FORMAT):
        extra["type"] = kind_name
    return Span(
        kind,
        start,
        end - start,
        url=entity.get("url"),
        user_id=user_id if kind_name == "text_mention" else None,
        language=entity.get("language"),
        expandable=kind_name == "expandable_blockquote",
        extra=extra_of(extra),
    )


# --- neutral -> Telegram -----------------------------------------------------------------------


def entities_of(rich: RichText) -> list[dict[str, Any]]:
    """Telegram's entities (JSON form) for `rich`; a span Telegram has no entity for is left out."""
    out = []
    for span in rich.spans:
        entity = _entity(rich.text, span)
        if entity is not None:
            out.append(entity)
    return out


def _entity(text: str, span: Span) -> dict[str, Any] | None:
    extra = span.extras()
    kind_name = _type_name(span, extra.pop("type", None))
    if kind_name is None or span.length <= 0:
        return None
    offset = utf16_len(text[: span.start])
    entity: dict[str, Any] = {
        "type": kind_name,
        "offset": offset,
        "length": utf16_len(text[span.start : span.end]),
        **extra,
    }
    if span.url is not None:
        entity["url"] = span.url
    if span.language is not None:
        entity["language"] = span.language
    if kind_name == "text_mention":
        entity["user"] = {"id": span.user_id, "is_bot": False, "first_name": "user"}
    return entity


def _type_name(span: Span, carried: str | None) -> str | None:
    """Telegram's name for the span's kind; None when Telegram has no such entity."""
    match span.kind:
        case SpanKind.VERBATIM | SpanKind.FORMAT:
            return carried
        case SpanKind.MENTION:
            return "text_mention" if span.user_id is not None else "mention"
        case SpanKind.QUOTE:
            return "expandable_blockquote" if span.expandable else "blockquote"
        case SpanKind.LINK:
            return "text_link" if span.url else None
        case SpanKind.STRIKE:
            return "strikethrough"
        case _:
            return str(span.kind)
