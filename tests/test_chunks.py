"""Splitting long texts for Telegram's limits: at good boundaries, never losing content.

The splitter is the adapters' (`bridgebot.adapters.split`); here it measures the way the Telegram
adapter does, in UTF-16 code units, while span positions are characters.
"""

from __future__ import annotations

import random

import pytest
import regex

from bridgebot.adapters.split import split_text
from bridgebot.adapters.telegram_entities import CAPTION_LIMIT, TEXT_LIMIT, utf16_len, utf16_width
from bridgebot.richtext import RichText, Span, SpanKind

Pieces = list[tuple[str, list[Span]]]


def split(text: str, spans: list[Span], limit: int) -> Pieces:
    """`split_text` as the Telegram adapter calls it, as (text, spans) pairs."""
    return [(piece.text, list(piece.spans)) for piece in split_text(RichText(text, tuple(spans)), limit, utf16_width)]


def locate(text: str, pieces: Pieces) -> list[int]:
    """Where each piece starts in `text`; fails unless only whitespace lies between and around them."""
    starts, position = [], 0
    for piece, _ in pieces:
        while position < len(text) and text[position].isspace() and not text.startswith(piece, position):
            position += 1
        assert text.startswith(piece, position), (position, piece[:40])
        starts.append(position)
        position += len(piece)
    assert not text[position:].strip()
    return starts


def check(text: str, entities: list[Span], pieces: Pieces, limit: int) -> list[int]:
    """What every split must give: pieces within the limit that are the text, minus whitespace at
    the splits; entities inside their piece, covering exactly what the originals covered.

    The originals are told apart by their `url`, which must be "e<index>"."""
    starts = locate(text, pieces)
    for piece, piece_entities in pieces:
        assert piece.strip() and utf16_len(piece) <= limit
        if len(pieces) > 1:
            assert piece == piece.strip()
        for e in piece_entities:
            assert e.length > 0 and e.start >= 0 and e.end <= len(piece), (e, piece)
    for i, original in enumerate(entities):
        for (piece, piece_entities), start in zip(pieces, starts, strict=True):
            here = range(start, start + len(piece))
            wanted = {u for u in range(original.start, original.end) if u in here}
            kept = {start + u for e in piece_entities if e.url == f"e{i}" for u in range(e.start, e.end)}
            assert kept == wanted, (original, piece[:30])
    return starts


def test_a_text_within_the_limit_is_one_piece_unchanged() -> None:
    entities = [Span(SpanKind.BOLD, 1, 5)]
    assert split(" hello\n", entities, TEXT_LIMIT) == [(" hello\n", entities)]
    exactly = "x" * 4094 + "👍"
    assert split(exactly, [], TEXT_LIMIT) == [(exactly, [])]


def test_a_5000_character_text_splits_at_a_sentence_end() -> None:
    rng = random.Random(5000)
    words = ["bridge", "delegation", "budget", "visit", "partner", "city", "meeting", "agenda", "port"]
    sentences = []
    while sum(len(s) + 1 for s in sentences) < 5000:
        sentences.append(" ".join(rng.choice(words) for _ in range(rng.randint(3, 14))).capitalize() + ".")
    text = " ".join(sentences)[:5000]
    assert len(text) == 5000
    pieces = split(text, [], TEXT_LIMIT)
    check(text, [], pieces, TEXT_LIMIT)
    assert len(pieces) == 2
    first = pieces[0][0]
    assert first.endswith(".") and len(first) > TEXT_LIMIT - 120  # the last sentence end that fits
    assert text.startswith(first + " ")


def test_paragraphs_then_lines_then_sentences_but_not_at_any_cost() -> None:
    paragraph = ("One sentence here. " * 20).strip()  # 379 characters
    pieces = split(f"{paragraph}\n\n{paragraph} {paragraph}", [], 700)
    assert pieces[0][0] == paragraph
    # A paragraph break early in the window would leave the message nearly empty: a sentence end wins.
    text = f"Short.\n\n{paragraph} {paragraph}"
    pieces = split(text, [], 500)
    check(text, [], pieces, 500)
    assert len(pieces[0][0]) > 250 and pieces[0][0].endswith(".")
    # A list splits between its lines, not after a sentence inside a line.
    lines = "\n".join(f"- item {i}: agreed. Owner named." for i in range(60))
    pieces = split(lines, [], 500)
    check(lines, [], pieces, 500)
    assert all(p.startswith("- item") and p.endswith("Owner named.") for p, _ in pieces)


def test_a_caption_is_split_at_1024() -> None:
    text = ("Photos from the harbour festival. " * 40).strip()
    entities = [Span(SpanKind.ITALIC, 0, len(text), url="e0")]
    pieces = split(text, entities, CAPTION_LIMIT)
    check(text, entities, pieces, CAPTION_LIMIT)
    assert len(pieces) == 2 and all(p.endswith(".") for p, _ in pieces)
    assert [e for _, es in pieces for e in es] == [Span(SpanKind.ITALIC, 0, len(p), url="e0") for p, _ in pieces]


def test_chinese_without_spaces_splits_after_a_full_stop() -> None:
    text = "代表团周一到达杭州。我们下午参观港口！" * 150
    pieces = split(text, [], CAPTION_LIMIT)
    assert all(utf16_len(p) <= CAPTION_LIMIT and p[-1] in "。！" for p, _ in pieces)
    assert "".join(p for p, _ in pieces) == text
    # Without any punctuation there is no better place than between two characters.
    text = "桥" * 3000
    assert [len(p) for p, _ in split(text, [], CAPTION_LIMIT)] == [1024, 1024, 952]


def test_emoji_at_the_boundary_are_never_cut() -> None:
    text = "a" * 4095 + "👍" * 10  # the limit falls in the middle of the first 👍
    pieces = split(text, [], TEXT_LIMIT)
    assert [p for p, _ in pieces] == ["a" * 4095, "👍" * 10]
    text = "x" * 4094 + "👍" + "y" * 10  # exactly fits
    assert [p for p, _ in split(text, [], TEXT_LIMIT)] == ["x" * 4094 + "👍", "y" * 10]
    for emoji in ("👨‍👩‍👧", "🇩🇪", "👍🏽"):  # sequences of several code points stay whole
        text = "x" * 4093 + emoji + "y" * 10
        pieces = split(text, [], TEXT_LIMIT)
        assert [p for p, _ in pieces] == ["x" * 4093, emoji + "y" * 10]
    text = "👍" * 3000
    pieces = split(text, [], TEXT_LIMIT)
    assert [utf16_len(p) for p, _ in pieces] == [4096, 1904]
    assert "".join(p for p, _ in pieces) == text


def test_an_entity_across_a_split_becomes_one_entity_per_piece() -> None:
    text = ("Agenda item agreed. " * 200).strip() + " " + ("Budget line approved. " * 50).strip()
    start = text.index("Agenda", 3900)
    bold = Span(SpanKind.BOLD, start, 500, url="e0")
    link = Span(SpanKind.LINK, start + 10, 300, url="e1")
    pieces = split(text, [bold, link], TEXT_LIMIT)
    check(text, [bold, link], pieces, TEXT_LIMIT)
    (first, first_entities), (second, second_entities) = pieces
    assert [e.kind for e in first_entities] == [e.kind for e in second_entities] == [SpanKind.BOLD, SpanKind.LINK]
    assert first_entities[0].end == len(first)  # up to the end of piece 1
    assert second_entities[0].start == 0  # and on from the start of piece 2
    parts = RichText(first).covered(first_entities[0]) + " " + RichText(second).covered(second_entities[0])
    assert parts == RichText(text).covered(bold)
    assert second_entities[1].url == "e1"  # attributes survive


def test_pre_and_code_entities_are_split_the_same_way() -> None:
    code = "\n".join(f"line_{i} = call({i})" for i in range(400))
    text = "Config:\n" + code
    pre = Span(SpanKind.PRE, 8, len(code), language="python", url="e0")
    pieces = split(text, [pre], CAPTION_LIMIT)
    check(text, [pre], pieces, CAPTION_LIMIT)
    assert len(pieces) > 1
    assert all(es and es[0].kind == SpanKind.PRE and es[0].language == "python" for _, es in pieces)


def test_a_single_5000_character_word_is_cut_hard_and_kept_whole() -> None:
    text = "x" * 5000
    pieces = split(text, [Span(SpanKind.CODE, 0, 5000, url="e0")], TEXT_LIMIT)
    assert [len(p) for p, _ in pieces] == [4096, 904]
    check(text, [Span(SpanKind.CODE, 0, 5000, url="e0")], pieces, TEXT_LIMIT)


def test_numbers_and_no_break_spaces_are_not_split_points() -> None:
    # "3.5" is not a sentence end: the split is at the space after it, not after "3.".
    pieces = [p for p, _ in split("Costs rose 3.5 percent in total", [], 16)]
    assert pieces == ["Costs rose 3.5", "percent in total"]
    assert [p for p, _ in split("Distance: 10\u00a0km today", [], 13)] == ["Distance:", "10\u00a0km today"]


def test_a_limit_below_one_character_is_refused() -> None:
    with pytest.raises(ValueError):
        split("hello", [], 1)


_ALPHABET = (
    ["a", "b", "c", "é", "e\u0301", "桥", "👍", "👨‍👩‍👧", "🇩🇪", "!", ".", "。", "\u00a0"]
    + [" "] * 4
    + [". ", "\n", "\n\n", "\t"]
)
_LIMITS = [8, 13, 50, 200, 1024]
_SPLITS = regex.compile(r"[^\S\u00a0\u2007\u202f]")


def _random_case(rng: random.Random) -> tuple[str, list[Span], int]:
    text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 2500)))
    entities = []
    for _ in range(rng.randint(0, 6)):
        a, b = sorted(rng.randint(0, len(text)) for _ in range(2))
        if b > a:
            entities.append(Span(rng.choice([SpanKind.BOLD, SpanKind.PRE, SpanKind.LINK]), a, b - a))
    entities = [Span(e.kind, e.start, e.length, url=f"e{i}") for i, e in enumerate(entities)]
    return text, entities, rng.choice(_LIMITS)


@pytest.mark.parametrize("seed", range(200))
def test_random_texts_keep_limits_content_entities_and_graphemes(seed: int) -> None:
    text, entities, limit = _random_case(random.Random(seed))
    pieces = split(text, entities, limit)
    if utf16_len(text) <= limit:
        assert pieces == [(text, entities)]
        return
    starts = check(text, entities, pieces, limit)
    boundaries = {0, *(m.end() for m in regex.finditer(r"\X", text))}
    ends = [start + len(piece) for (piece, _), start in zip(pieces, starts, strict=True)]
    assert all(end in boundaries for end in ends)  # no grapheme (emoji sequence, accent) is torn apart
    longest_word = max(utf16_len(word) for word in _SPLITS.split(text))
    if longest_word < limit:  # then no word needs cutting, and none is cut
        for end in ends:
            assert end == len(text) or text[end].isspace() or text[end - 1] == "。", (end, text[end - 5 : end + 5])
