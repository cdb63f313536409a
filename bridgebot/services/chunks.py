"""Splitting a long text with formatting entities into messages within Telegram's limits.

A translation can grow past Telegram's limits (4096 UTF-16 code units for a text, 1024 for a
caption), and the relay must split it, never cut it. A reader should see
natural breaks, so a piece ends at the best boundary that keeps it reasonably full, in this order:

1. a paragraph break (a blank line);
2. a line break;
3. a sentence end: . ! ? … followed by whitespace or the end (so "3.5" and "example.org" are not
   sentence ends), and 。！？ even without a space, because Chinese and Japanese use none;
4. any whitespace;
5. only as a last resort, inside a word: between grapheme clusters, so neither a surrogate pair
   nor an emoji sequence (👨‍👩‍👧, 🇩🇪) nor a letter and its accent are torn apart.

"Reasonably full" means at least half the limit: a paragraph break near the start of the window
would otherwise give a tiny message followed by as many others as before. When no boundary of any
kind reaches half, the last one found still beats cutting a word.

The whitespace at a split is dropped (it would only show as a blank start or end of a message), so
the pieces joined with that whitespace give the text back. Entities (bold, links, pre, code...)
that cross a split become one entity per piece, each rebased to its piece.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import replace

import regex

from bridgebot.textmodel import Entity

__all__ = ["split_text"]

Piece = tuple[str, list[Entity]]

_PARAGRAPH = re.compile(r"\n[^\S\n]*\n")
_LINE = re.compile(r"\n")
_SENTENCE = re.compile(r"[.!?…]+[\"'’”»)\]]*(?=\s|\Z)|[。！？]+[」』”’）]*")
# Whitespace, except the no-break spaces that exist to keep "10 km" or "Merci !" together.
_SPACE = re.compile(r"[^\S\u00a0\u2007\u202f]")
_GRAPHEME = regex.compile(r"\X")


def split_text(text: str, entities: Sequence[Entity], limit: int) -> list[Piece]:
    """`text` and its `entities` as pieces of at most `limit` UTF-16 code units each.

    A text within the limit comes back as one piece, unchanged. Otherwise pieces are never empty
    (a text of nothing but whitespace gives none) and have no whitespace at either end; offsets and
    lengths of the entities are in UTF-16 code units of their own piece, like Telegram's.
    """
    if limit < 2:
        raise ValueError("limit must be at least 2 UTF-16 code units (one character of any kind)")
    units = _utf16_prefix(text)
    if units[-1] <= limit:
        return [(text, list(entities))]
    pieces: list[Piece] = []
    start = _skip_space(text, 0)
    while start < len(text):
        window_end = bisect.bisect_right(units, units[start] + limit) - 1
        cut = len(text) if window_end == len(text) else _best_cut(text, start, window_end)
        end = len(text[start:cut].rstrip()) + start
        pieces.append((text[start:end], _clip(entities, units[start], units[end])))
        start = _skip_space(text, cut)
    return pieces


def _best_cut(text: str, start: int, window_end: int) -> int:
    """Where the piece starting at `start` ends, at most `window_end` (a str index)."""
    half = start + (window_end - start) // 2
    latest = start  # the latest boundary of any kind, when none reaches half the window
    for finder in (_paragraph_breaks, _line_breaks, _sentence_ends, _spaces):
        cut = _last(finder(text, start, window_end))
        if cut is not None and cut >= half:
            return cut
        latest = max(latest, cut or start)
    return latest if latest > start else _grapheme_cut(text, start, window_end)


# Each finder yields the str indices where a piece may end, in order, up to `window_end`. They read
# one character past the window, because what follows it decides: a space right after the window
# makes the whole window one piece, and a sentence end needs the whitespace after it. Bounding the
# search keeps long texts linear. A blank line may hold spaces: up to _BLANK_SPACES are looked past.
_BLANK_SPACES = 64


def _paragraph_breaks(text: str, start: int, window_end: int) -> Iterator[int]:
    found = _PARAGRAPH.finditer(text, start, window_end + 2 + _BLANK_SPACES)
    return _until(window_end, (m.start() for m in found))


def _line_breaks(text: str, start: int, window_end: int) -> Iterator[int]:
    return _until(window_end, (m.start() for m in _LINE.finditer(text, start, window_end + 1)))


def _sentence_ends(text: str, start: int, window_end: int) -> Iterator[int]:
    # At the search's end \Z matches too, but only for an end past the window, which is dropped.
    return _until(window_end, (m.end() for m in _SENTENCE.finditer(text, start, window_end + 1)))


def _spaces(text: str, start: int, window_end: int) -> Iterator[int]:
    return _until(window_end, (m.start() for m in _SPACE.finditer(text, start, window_end + 1)))


def _until(window_end: int, positions: Iterator[int]) -> Iterator[int]:
    return itertools.takewhile(lambda position: position <= window_end, positions)


def _grapheme_cut(text: str, start: int, window_end: int) -> int:
    """The last grapheme boundary in the window; a code point boundary if one grapheme overflows it."""
    boundary = start
    for match in _GRAPHEME.finditer(text, start, len(text)):
        if match.end() > window_end:
            break
        boundary = match.end()
    return boundary if boundary > start else window_end


def _last(positions: Iterator[int]) -> int | None:
    last = deque(positions, maxlen=1)
    return last[0] if last else None


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def _utf16_prefix(text: str) -> list[int]:
    """UTF-16 offset of every str index (and of the end): characters past U+FFFF take two units."""
    return [0, *itertools.accumulate(2 if ord(char) > 0xFFFF else 1 for char in text)]


def _clip(entities: Sequence[Entity], start: int, end: int) -> list[Entity]:
    """The parts of `entities` inside the UTF-16 range [start, end), rebased to start at 0."""
    clipped = []
    for entity in entities:
        first, last = max(entity.offset, start), min(entity.offset + entity.length, end)
        if last > first:
            clipped.append(replace(entity, offset=first - start, length=last - first))
    return clipped
