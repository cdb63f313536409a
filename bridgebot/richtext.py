"""Channel-neutral rich text: a string and its formatting spans, in Python string indices.

The router, the services, the translation layer and the store speak only this; each channel
adapter converts it to and from its own protocol (Telegram's entities in UTF-16 code units, an
e-mail's HTML) and applies its own limits, so that a second channel needs no change here.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any


class SpanKind(StrEnum):
    """What a span does to its text. The first group is formatting, which a translation moves onto
    the translated words; CODE, PRE, MENTION and VERBATIM are text that must come through as is."""

    BOLD = "bold"
    ITALIC = "italic"
    UNDERLINE = "underline"
    STRIKE = "strike"
    SPOILER = "spoiler"
    LINK = "link"  # `url` is where it points
    QUOTE = "quote"  # `expandable`: shown collapsed until the reader opens it
    # Formatting this model has no name for (a channel's newer feature): the adapter keeps what it
    # needs in `extra`; it moves with the words like any formatting.
    FORMAT = "format"
    CODE = "code"
    PRE = "pre"  # `language` of the code block, if known
    MENTION = "mention"  # `user_id` when the person is known, else the text is their @handle
    # Text a channel marked as a thing rather than words (a hashtag, a command, an address, a
    # channel's own emoji or date): never translated; the adapter keeps its details in `extra`.
    VERBATIM = "verbatim"


KEPT_AS_IS = frozenset({SpanKind.CODE, SpanKind.PRE, SpanKind.MENTION, SpanKind.VERBATIM})
"""Span kinds whose text a translation passes through untouched."""


@dataclass(frozen=True, slots=True)
class Span:
    """A formatted run of a `RichText`: `start` and `length` in str indices (code points).

    Frozen so that pieces of a message can share spans safely and sets of spans can be formed.
    """

    kind: SpanKind
    start: int
    length: int
    url: str | None = None
    user_id: int | None = None
    language: str | None = None
    expandable: bool = False
    # What a channel adapter needs to give the span back to its channel and this model does not
    # know: (name, JSON text) pairs, sorted, so the span stays hashable.
    extra: tuple[tuple[str, str], ...] = ()

    @property
    def end(self) -> int:
        return self.start + self.length

    def moved(self, delta: int) -> Span:
        """This span `delta` characters later (text was inserted before it)."""
        return replace(self, start=self.start + delta)

    def extras(self) -> dict[str, Any]:
        return {key: json.loads(value) for key, value in self.extra}


def extra_of(values: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """`Span.extra` from a dict of JSON-serialisable values."""
    return tuple(sorted((key, json.dumps(value)) for key, value in values.items()))


@dataclass(frozen=True, slots=True)
class RichText:
    """Text with its spans; the unit the router composes and a channel adapter delivers."""

    text: str = ""
    spans: tuple[Span, ...] = ()

    def __add__(self, other: RichText) -> RichText:
        return RichText(self.text + other.text, (*self.spans, *(s.moved(len(self.text)) for s in other.spans)))

    def covered(self, span: Span) -> str:
        """The part of the text that `span` covers."""
        return self.text[span.start : span.end]

    @staticmethod
    def joined(parts: Sequence[RichText], separator: str) -> RichText:
        """The parts one after another with `separator` (unformatted) between them."""
        out = RichText()
        for index, part in enumerate(parts):
            out = out + RichText(separator) + part if index else part
        return out


# --- stored form -----------------------------------------------------------------------------------

_OPTIONAL = ("url", "user_id", "language")


def spans_to_json(spans: Sequence[Span]) -> str:
    """The stored form: a JSON list of objects with `kind`, `start`, `length` and the set fields."""
    return json.dumps([_span_dict(span) for span in spans])


def _span_dict(span: Span) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": str(span.kind), "start": span.start, "length": span.length}
    data.update((name, getattr(span, name)) for name in _OPTIONAL if getattr(span, name) is not None)
    if span.expandable:
        data["expandable"] = True
    if span.extra:
        data["extra"] = span.extras()
    return data


def is_stored_span(data: dict[str, Any]) -> bool:
    """Whether `data` is in this module's stored form (earlier versions stored something else)."""
    return "kind" in data


def span_from_dict(data: dict[str, Any]) -> Span:
    return Span(
        SpanKind(data["kind"]),
        data["start"],
        data["length"],
        **{name: data[name] for name in _OPTIONAL if data.get(name) is not None},
        expandable=bool(data.get("expandable", False)),
        extra=extra_of(data.get("extra") or {}),
    )
