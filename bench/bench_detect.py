"""Language detection of short chat messages: accuracy and speed of the candidate detectors.

    python bench/bench_detect.py

Uses tests/data/short_messages.tsv: officers' messages in 8 languages, a quarter of them written in a
language other than the group's, each row with its partnership's languages (`candidates`) and the
group's declared language (`group_lang`). Every detector answers the group's language when it has no
answer (langdetect raises on emoji-only text). The two "(bridgebot)" rows are the product's
detect_language with each value of the `language_detector` setting: the same noise removal, letter
minimum, restriction to the candidates and 0.8 threshold around either detector. Models are loaded
and per-partnership detectors built in a warm-up pass that is not timed, as the bot does once at
start. lingua is measured only if it is installed (`pip install lingua-language-detector`); it is not
a project dependency.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from langdetect import DetectorFactory, LangDetectException, detect_langs
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from bridgebot.translation.detect import (
    DETECTORS,
    MIN_LETTERS,
    THRESHOLD,
    detect_language,
    strip_noise,
    use_detector,
)

Row = dict[str, str]
Detector = Callable[[Row], str]

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "short_messages.tsv"
MIN_SECONDS = 0.5  # repeat fast detectors until the timing is stable

DetectorFactory.seed = 0  # langdetect is random unless seeded
_py3langid = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def load_rows() -> list[Row]:
    with DATA.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def _candidates(row: Row) -> list[str]:
    return row["candidates"].split(",")


def _from_langdetect(code: str) -> str:
    return {"zh-cn": "zh", "zh-tw": "zh"}.get(code, code)


def langdetect_any(row: Row) -> str:
    try:
        return _from_langdetect(detect_langs(row["text"])[0].lang)
    except LangDetectException:
        return row["group_lang"]


def langdetect_restricted(row: Row) -> str:
    """Its probability list filtered to the partnership's languages; the best remaining one."""
    try:
        guesses = detect_langs(row["text"])
    except LangDetectException:
        return row["group_lang"]
    for guess in guesses:  # best first
        if (code := _from_langdetect(guess.lang)) in _candidates(row):
            return code
    return row["group_lang"]


def langdetect_restricted_ten_letters(row: Row) -> str:
    """The rule measured on the earlier set (docs/architecture.md): fewer than 10 letters -> the group's language."""
    if sum(c.isalpha() for c in row["text"]) < 10:
        return row["group_lang"]
    return langdetect_restricted(row)


def py3langid_any(row: Row) -> str:
    return _py3langid.classify(row["text"])[0]


def bridgebot(name: str) -> Detector:
    """bridgebot's detect_language with `language_detector = name`: the same rules around either."""

    def detect(row: Row) -> str:
        use_detector(name)
        return detect_language(row["text"], _candidates(row), row["group_lang"])

    return detect


def lingua_detector() -> Detector | None:
    """lingua restricted to the candidates with bridgebot's rule (noise removed, < 0.8 -> group)."""
    try:
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder
    except ImportError:
        return None

    @cache
    def build(langs: frozenset[str]) -> Any:
        languages = [Language.from_iso_code_639_1(IsoCode639_1.from_str(code)) for code in sorted(langs)]
        return LanguageDetectorBuilder.from_languages(*languages).with_preloaded_language_models().build()

    def detect(row: Row) -> str:
        text = strip_noise(row["text"])
        if sum(c.isalpha() for c in text) < MIN_LETTERS:
            return row["group_lang"]
        best = build(frozenset(_candidates(row))).compute_language_confidence_values(text)[0]
        if best.value < THRESHOLD:
            return row["group_lang"]
        return best.language.iso_code_639_1.name.lower()

    return detect


def measure(detector: Detector, rows: list[Row]) -> tuple[float, float, float, list[tuple[Row, str]]]:
    """(accuracy, accuracy on messages in another language than the group's, ms/message, errors)."""
    answers = [detector(row) for row in rows]  # warm-up: load models, build per-set detectors
    passes, started = 0, time.perf_counter()
    while True:
        for row in rows:
            detector(row)
        passes += 1
        elapsed = time.perf_counter() - started
        if elapsed >= MIN_SECONDS:
            break
    wrong = [(row, got) for row, got in zip(rows, answers, strict=True) if got != row["lang"]]
    foreign = [row for row in rows if row["lang"] != row["group_lang"]]
    foreign_wrong = sum(row["lang"] != row["group_lang"] for row, _ in wrong)
    return (
        1 - len(wrong) / len(rows),
        1 - foreign_wrong / len(foreign),
        1000 * elapsed / (passes * len(rows)),
        wrong,
    )


def main() -> None:
    rows = load_rows()
    foreign = sum(row["lang"] != row["group_lang"] for row in rows)
    print(f"{len(rows)} messages, {foreign} of them in another language than the group's")
    detectors: list[tuple[str, Detector | None]] = [
        ("langdetect, unrestricted", langdetect_any),
        ("langdetect, restricted to candidates", langdetect_restricted),
        ("langdetect, restricted, <10 letters -> group", langdetect_restricted_ten_letters),
        ("py3langid, unrestricted", py3langid_any),
        ("langdetect, restricted + fallback (bridgebot)", bridgebot("langdetect")),
        ("py3langid, restricted + fallback (bridgebot)", bridgebot("py3langid")),
        ("lingua, restricted + fallback", lingua_detector()),
    ]
    print(f"| {'detector':46} | accuracy | other-language msgs | ms/message |")
    print(f"|{'-' * 48}|---------:|--------------------:|-----------:|")
    errors: dict[str, list[tuple[Row, str]]] = {}
    for name, detector in detectors:
        if detector is None:
            print(f"| {name:46} | {'not installed':>8} | {'':>19} | {'':>10} |")
            continue
        accuracy, foreign_accuracy, ms, errors[name] = measure(detector, rows)
        print(f"| {name:46} | {accuracy:8.1%} | {foreign_accuracy:19.1%} | {ms:10.3f} |")
    for name in DETECTORS:
        print(f"\nbridgebot's errors with language_detector = {name} (lang, group, candidates, text -> answer):")
        for row, got in errors[f"{name}, restricted + fallback (bridgebot)"]:
            print(f"  {row['lang']} {row['group_lang']} {row['candidates']:9} {row['text']!r} -> {got}")


if __name__ == "__main__":
    main()
