"""Text with formatting entities, measured the way Telegram measures it (UTF-16 code units).

Shared by the translation engine and the relay, so it belongs to neither: no Telegram types here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass(frozen=True, slots=True)
class Entity:
    """A formatting entity (bold, text_link, pre, mention...) as Telegram describes one, without its types.

    Frozen so that pieces of a message can share entities safely; positions stay in UTF-16 code
    units so that they go to and from Telegram without conversion.
    """

    type: str
    offset: int  # UTF-16 code units, as Telegram counts
    length: int
    url: str | None = None
    language: str | None = None
    user_id: int | None = None
    custom_emoji_id: str | None = None
    # Every other field, passed through untouched (date_time's unix_time and date_time_format, and
    # whatever Telegram adds next): (name, JSON text) pairs, sorted, so the entity stays hashable.
    extra: tuple[tuple[str, str], ...] = ()


_KNOWN = tuple(f.name for f in fields(Entity) if f.name != "extra")


def entity_from_dict(data: dict[str, Any]) -> Entity:
    """An entity from its flat JSON form (Telegram's fields, `user_id` for the user); fields this
    model does not know go to `extra` rather than being lost."""
    known = {key: value for key, value in data.items() if key in _KNOWN}
    extra = tuple(sorted((key, json.dumps(value)) for key, value in data.items() if key not in _KNOWN))
    return Entity(**known, extra=extra)


def entity_to_dict(entity: Entity) -> dict[str, Any]:
    """The flat JSON form of `entity`: its set fields and every extra one, as it came in."""
    data = {name: getattr(entity, name) for name in _KNOWN if getattr(entity, name) is not None}
    data.update((key, json.loads(value)) for key, value in entity.extra)
    return data


def utf16_len(text: str) -> int:
    """Length as Telegram counts it: characters past U+FFFF (most emoji) count twice."""
    return len(text.encode("utf-16-le")) // 2


def index_to_utf16(text: str, index: int) -> int:
    """The UTF-16 offset of the str index `index`."""
    return utf16_len(text[:index])


def utf16_to_index(text: str, offset: int) -> int:
    """The str index at UTF-16 `offset`; an offset inside a surrogate pair gives the index after it."""
    units = 0
    for index, char in enumerate(text):
        if units >= offset:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def entity_text(text: str, entity: Entity) -> str:
    """The part of `text` that `entity` covers."""
    start = utf16_to_index(text, entity.offset)
    end = utf16_to_index(text, entity.offset + entity.length)
    return text[start:end]


def shift(entity: Entity, delta: int) -> Entity:
    """`entity` moved by `delta` UTF-16 code units (text was inserted or removed before it)."""
    return replace(entity, offset=entity.offset + delta)
