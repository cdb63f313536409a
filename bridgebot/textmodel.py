"""Text with formatting entities, measured the way Telegram measures it (UTF-16 code units).

Shared by the translation engine and the relay, so it belongs to neither: no Telegram types here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class Entity:
    type: str
    offset: int  # UTF-16 code units, as Telegram counts
    length: int
    url: str | None = None
    language: str | None = None
    user_id: int | None = None
    custom_emoji_id: str | None = None


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def index_to_utf16(text: str, index: int) -> int:
    return utf16_len(text[:index])


def utf16_to_index(text: str, offset: int) -> int:
    """The str index at UTF-16 `offset` (an offset inside a surrogate pair rounds down)."""
    units = 0
    for index, char in enumerate(text):
        if units >= offset:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def entity_text(text: str, entity: Entity) -> str:
    start = utf16_to_index(text, entity.offset)
    end = utf16_to_index(text, entity.offset + entity.length)
    return text[start:end]


def shift(entity: Entity, delta: int) -> Entity:
    return replace(entity, offset=entity.offset + delta)
