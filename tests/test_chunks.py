"""Splitting long texts for Telegram's limits: at good boundaries, never cutting content."""

from __future__ import annotations

import random

from bridgebot.services.chunks import split_text
from bridgebot.textmodel import Entity, entity_text, utf16_len


def _content(pieces: list[tuple[str, list[Entity]]]) -> str:
    return "".join("".join(p.split()) for p, _ in pieces)


def test_short_text_is_one_piece() -> None:
    assert split_text("hello", [Entity("bold", 0, 5)], 4096) == [("hello", [Entity("bold", 0, 5)])]


def test_long_text_splits_at_a_sentence_end() -> None:
    text = "The bridge is open. " * 250
    pieces = split_text(text.strip(), [], 4096)
    assert len(pieces) == 2
    assert all(p.endswith(".") and utf16_len(p) <= 4096 for p, _ in pieces)
    assert _content(pieces) == "".join(text.split())


def test_caption_limit_and_chinese_without_spaces() -> None:
    text = "桥开放了。" * 300
    pieces = split_text(text, [], 1024)
    assert all(utf16_len(p) <= 1024 and p.endswith("。") for p, _ in pieces)
    assert "".join(p for p, _ in pieces) == text


def test_emoji_surrogate_pairs_are_never_cut() -> None:
    text = "👍" * 3000
    pieces = split_text(text, [], 4096)
    assert "".join(p for p, _ in pieces) == text
    assert all(utf16_len(p) <= 4096 for p, _ in pieces)


def test_entity_across_a_split_becomes_one_per_piece() -> None:
    text = ("word " * 900).strip()
    pieces = split_text(text, [Entity("bold", 4000, 1000)], 4096)
    bolds = [(p, e) for p, es in pieces for e in es]
    assert len(bolds) == 2
    assert sum(e.length for _, e in bolds) <= 1000
    assert all(entity_text(p, e).strip() for p, e in bolds)


def test_a_single_huge_word_is_cut_hard_but_kept_whole() -> None:
    text = "x" * 5000
    pieces = split_text(text, [], 4096)
    assert [len(p) for p, _ in pieces] == [4096, 904]


def test_random_texts_stay_within_limits_and_keep_their_content() -> None:
    alphabet = ["a", "b", " ", ". ", "\n", "👍", "桥", "!"]
    for seed in range(100):
        rng = random.Random(seed)
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3000)))
        limit = rng.choice([50, 200, 1024])
        pieces = split_text(text, [], limit)
        assert all(utf16_len(p) <= limit for p, _ in pieces)
        assert _content(pieces) == "".join(text.split())
