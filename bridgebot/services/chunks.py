"""Splitting a long text with entities into messages within Telegram's limits, never cutting words.

Limits count UTF-16 code units (4096 for a message, 1024 for a caption). Splits prefer paragraph
breaks, then sentence ends, then spaces; only a single word longer than the limit is cut, and never
inside a surrogate pair. An entity across a split becomes one entity per piece.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bridgebot.textmodel import Entity, index_to_utf16, utf16_len

_BREAKS = (
    re.compile(r"\n\s*\n"),
    re.compile(r"\n"),
    re.compile(r"(?<=[.!?。！？…])\s+|(?<=[。！？])"),
    re.compile(r"\s+"),
)


def _best_cut(text: str, limit_index: int) -> tuple[int, int]:
    """(end of this piece, start of the next) for the last good break before `limit_index`."""
    window = text[: limit_index + 1]
    for pattern in _BREAKS:
        cuts = [m for m in pattern.finditer(window) if 0 < m.start() <= limit_index]
        if cuts:
            last = cuts[-1]
            return last.start(), last.end()
    return limit_index, limit_index


def _index_for_units(text: str, units: int) -> int:
    """The largest str index whose UTF-16 prefix fits in `units` (never splits a surrogate pair)."""
    count = 0
    for index, char in enumerate(text):
        width = 2 if ord(char) > 0xFFFF else 1
        if count + width > units:
            return index
        count += width
    return len(text)


def _clip(entities: Sequence[Entity], start: int, end: int) -> list[Entity]:
    """Entities of the UTF-16 range [start, end), rebased to start at 0."""
    out = []
    for e in entities:
        s, t = max(e.offset, start), min(e.offset + e.length, end)
        if t > s:
            out.append(Entity(e.type, s - start, t - s, e.url, e.language, e.user_id, e.custom_emoji_id))
    return out


def split_text(text: str, entities: Sequence[Entity], limit: int) -> list[tuple[str, list[Entity]]]:
    if utf16_len(text) <= limit:
        return [(text, list(entities))]
    pieces: list[tuple[str, list[Entity]]] = []
    position = 0  # str index into text
    while position < len(text):
        rest = text[position:]
        if utf16_len(rest) <= limit:
            end, next_start = len(rest), len(rest)
        else:
            limit_index = _index_for_units(rest, limit)
            end, next_start = _best_cut(rest, limit_index)
            if end == 0:
                end = next_start = limit_index
        piece = rest[:end].rstrip()
        if piece.strip():
            start_units = index_to_utf16(text, position)
            pieces.append((piece, _clip(entities, start_units, start_units + utf16_len(piece))))
        position += max(next_start, 1)
        while position < len(text) and text[position].isspace():
            position += 1
    return pieces
