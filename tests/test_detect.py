"""Language detection of short chat messages, restricted to the partnership's languages."""

from __future__ import annotations

import csv
from pathlib import Path

from bridgebot.translation.detect import detect_language

LABELLED = Path(__file__).parent / "data" / "short_messages.tsv"
TARGET = 0.95


def labelled() -> list[dict[str, str]]:
    with LABELLED.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def test_accuracy_on_short_officers_messages_does_not_regress() -> None:
    rows = labelled()
    wrong = [
        (row["text"], row["lang"], got)
        for row in rows
        if (got := detect_language(row["text"], row["candidates"].split(","), row["group_lang"])) != row["lang"]
    ]
    accuracy = 1 - len(wrong) / len(rows)
    print(f"detection accuracy {accuracy:.1%} on {len(rows)} messages; wrong: {wrong}")
    assert accuracy >= TARGET, wrong


def test_an_officer_writing_the_partners_language_is_detected() -> None:
    assert detect_language("Sorry, writing in English for our guests", ["de", "en"], "de") == "en"
    assert detect_language("Muchas gracias por la invitación", ["de", "es"], "de") == "es"


def test_text_without_words_takes_the_groups_language() -> None:
    for text in ("👍", "16:30", "https://example.org/x", "@anna_hh", "ok", "#elbe 2026"):
        assert detect_language(text, ["de", "en", "zh"], "zh") == "zh"


def test_detection_is_deterministic() -> None:
    results = {detect_language("Das Treffen ist am Freitag", ["de", "en"], "en") for _ in range(20)}
    assert results == {"de"}


def test_simplified_and_traditional_chinese_are_told_apart() -> None:
    assert detect_language("我们这个会议的报告", ["zh", "zt"], "zh") == "zh"
    assert detect_language("我們這個會議的報告", ["zh", "zt"], "zh") == "zt"


def test_an_unknown_language_code_does_not_crash() -> None:
    assert detect_language("Guten Morgen zusammen", ["de", "xx"], "de") == "de"
    assert detect_language("hello there friends", ["xx", "yy"], "xx") == "xx"
