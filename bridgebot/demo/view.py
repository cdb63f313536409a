"""What the demo prints: every partner group's chat in its own column, side by side.

Each message is shown as the group shows it: the sender's name, then the text wrapped to the column,
with the formatting the bot used (bold attribution, italic notes, the original in a quote). Widths
count East Asian wide characters and emoji as two cells, so Chinese text keeps the columns straight.
Colour (ANSI) is for terminals only; plain text otherwise.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TextIO

from bridgebot.adapters.telegram_entities import utf16_to_index

RESET = "\x1b[0m"
BOLD, DIM, ITALIC = "1", "2", "3"
CYAN, YELLOW, GREEN, MAGENTA, BLUE = "36", "33", "32", "35", "34"
QUOTE = "┃ "
GAP = " │ "
_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufe0e", "\ufe0f"}
# Line-breaking rules of Chinese and Japanese text: no line starts with the first, none ends with the second.
_NO_START = set("，。！？、：；）」』】〕〉》”’…・ー,.!?:;)]}")
_NO_END = set("（「『【〔〈《“‘([{")


def cell_width(char: str) -> int:
    """Terminal cells of one character: 0 for combining marks and joiners, 2 for wide ones."""
    if char in _ZERO_WIDTH or unicodedata.combining(char):
        return 0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 2
    return 1


def text_width(text: str) -> int:
    return sum(cell_width(char) for char in text)


def _tokens(text: str) -> list[tuple[int, int]]:
    """(start, end) of words, runs of spaces and single wide characters (a line may break between
    two Chinese characters); zero-width characters stay with the character before them."""
    out: list[tuple[int, int]] = []
    start = 0
    for index, char in enumerate(text):
        if index == start:
            continue
        width, previous = cell_width(char), text[index - 1]
        if width == 0 or char in _NO_START or previous in _NO_END:
            continue
        if char.isspace() != previous.isspace() or width == 2 or cell_width(text[start]) == 2:
            out.append((start, index))
            start = index
    if start < len(text):
        out.append((start, len(text)))
    return out


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy wrapping of one paragraph (no newlines) into (start, end) ranges of at most `width` cells;
    spaces at a break are dropped and a word longer than a line is cut."""
    width = max(width, 2)
    lines: list[tuple[int, int]] = []
    start = end = None
    used = 0
    for token_start, token_end in _tokens(text):
        token = text[token_start:token_end]
        size = text_width(token)
        if token.isspace():
            if start is not None:
                used += size  # counted only if a word follows on this line
            continue
        if start is not None and used + size > width:
            lines.append((start, end))
            start = None
        if start is None:
            start, used = token_start, 0
        while used + size > width:  # a word longer than the line
            cut, taken = token_start, 0
            while cut < token_end and used + taken + cell_width(text[cut]) <= width:
                taken += cell_width(text[cut])
                cut += 1
            cut = max(cut, token_start + 1)
            lines.append((start, cut))
            token_start, start, used = cut, cut, 0
            size = text_width(text[token_start:token_end])
        end = token_end
        used += size
    if start is not None:
        lines.append((start, end))
    return lines or [(0, 0)]


@dataclass(frozen=True)
class Line:
    """One row of a column: its plain text (for widths) and the same text with colour codes."""

    plain: str
    painted: str


@dataclass
class Painter:
    color: bool

    def paint(self, text: str, *codes: str) -> str:
        if not self.color or not codes or not text:
            return text
        return f"\x1b[{';'.join(codes)}m{text}{RESET}"


def _styles(text: str, entities: Iterable[dict]) -> list[frozenset[str]]:
    """The Telegram formatting of every character: bold, italic, code, quote (offsets in UTF-16)."""
    styles: list[set[str]] = [set() for _ in text]
    for entity in entities:
        start = utf16_to_index(text, entity["offset"])
        end = utf16_to_index(text, entity["offset"] + entity["length"])
        kind = "quote" if entity["type"] in ("blockquote", "expandable_blockquote") else entity["type"]
        for index in range(start, min(end, len(text))):
            styles[index].add(kind)
    return [frozenset(style) for style in styles]


_CODES = {"bold": BOLD, "italic": ITALIC, "code": CYAN, "pre": CYAN, "quote": DIM, "text_link": BLUE}


def _painted_range(painter: Painter, text: str, styles: Sequence[frozenset[str]], start: int, end: int) -> str:
    out, run_start = [], start
    for index in range(start, end + 1):
        if index == end or styles[index] != styles[run_start]:
            codes = sorted({_CODES[s] for s in styles[run_start] if s in _CODES}) if run_start < end else []
            out.append(painter.paint(text[run_start:index], *codes))
            run_start = index
    return "".join(out)


def message_lines(painter: Painter, sender: str, sender_codes: Sequence[str], message: dict, width: int) -> list[Line]:
    """A chat message as column rows: the sender, then its text (or caption), wrapped to `width`."""
    lines = [Line(sender, painter.paint(sender, BOLD, *sender_codes))]
    if "photo" in message:
        lines.append(Line("[picture]", painter.paint("[picture]", DIM)))
    text = message.get("text") or message.get("caption") or ""
    styles = _styles(text, message.get("entities") or message.get("caption_entities") or [])
    offset = 0
    for paragraph in text.split("\n"):
        quoted = bool(paragraph) and "quote" in styles[offset]
        prefix = QUOTE if quoted else ""
        for start, end in wrap(paragraph, width - text_width(prefix)):
            body = _painted_range(painter, text, styles, offset + start, offset + end)
            plain = prefix + paragraph[start:end]
            lines.append(Line(plain, painter.paint(prefix, DIM) + body))
        offset += len(paragraph) + 1
    return lines


def _pad(line: Line, width: int) -> str:
    return line.painted + " " * max(0, width - text_width(line.plain))


@dataclass
class Columns:
    """Prints blocks of rows: one column per group, each holding that group's new messages."""

    out: TextIO
    painter: Painter
    total_width: int
    count: int = 3
    widths: list[int] = field(init=False)

    def __post_init__(self) -> None:
        inner = self.total_width - text_width(GAP) * (self.count - 1)
        base = max(12, inner // self.count)
        self.widths = [base] * self.count

    @property
    def column_width(self) -> int:
        return self.widths[0]

    def row(self, cells: Sequence[Sequence[Line]]) -> None:
        height = max((len(cell) for cell in cells), default=0)
        gap = self.painter.paint(GAP, DIM)
        for index in range(height):
            parts = [
                _pad(cell[index] if index < len(cell) else Line("", ""), width)
                for cell, width in zip(cells, self.widths, strict=True)
            ]
            self.out.write(gap.join(parts).rstrip() + "\n")
        self.out.flush()

    def rule(self, char: str = "─") -> None:
        self.out.write(self.painter.paint(char * self.total_width, DIM) + "\n")

    def say(self, text: str, *codes: str) -> None:
        """A line of narration across all columns, wrapped to the full width."""
        for start, end in wrap(text, self.total_width):
            self.out.write(self.painter.paint(text[start:end], *codes) + "\n")
        self.out.flush()
