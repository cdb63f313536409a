"""Language detection of short chat messages: accuracy and speed of the candidates.

    python bench/bench_detect.py

Uses tests/data/short_messages.tsv (officers' messages in 8 languages, some written in a partner's
language, each with its partnership's languages and the group's declared language).
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable
from pathlib import Path

from langdetect import DetectorFactory, LangDetectException, detect_langs
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from bridgebot.translation.detect import detect_language

ROWS = list(csv.DictReader((Path(__file__).parent.parent / "tests/data/short_messages.tsv").open(), delimiter="\t"))
DetectorFactory.seed = 0
_LANGDETECT = {"zh": "zh-cn"}
_identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def langdetect_any(row: dict[str, str]) -> str:
    try:
        code = detect_langs(row["text"])[0].lang
    except LangDetectException:
        return row["group_lang"]
    return {"zh-cn": "zh", "zh-tw": "zh"}.get(code, code)


def langdetect_restricted(row: dict[str, str]) -> str:
    candidates = row["candidates"].split(",")
    try:
        found = detect_langs(row["text"])
    except LangDetectException:
        return row["group_lang"]
    for guess in found:
        code = {"zh-cn": "zh", "zh-tw": "zh"}.get(guess.lang, guess.lang)
        if code in candidates:
            return code
    return row["group_lang"]


def py3langid_any(row: dict[str, str]) -> str:
    return _identifier.classify(row["text"])[0]


def bridgebot(row: dict[str, str]) -> str:
    return detect_language(row["text"], row["candidates"].split(","), row["group_lang"])


def measure(name: str, detector: Callable[[dict[str, str]], str]) -> None:
    started = time.perf_counter()
    right = sum(detector(row) == row["lang"] for row in ROWS)
    elapsed = time.perf_counter() - started
    print(f"{name:44}{right / len(ROWS):9.1%}{1000 * elapsed / len(ROWS):12.3f}")


def main() -> None:
    bridgebot(ROWS[0])  # load the model outside the timing, as the bot does at start
    print(f"{len(ROWS)} messages, {sum(r['lang'] != r['group_lang'] for r in ROWS)} in a partner's language")
    print(f"{'detector':44}{'accuracy':>9}{'ms/message':>12}")
    measure("langdetect, unrestricted", langdetect_any)
    measure("langdetect, restricted to partnership", langdetect_restricted)
    measure("py3langid, unrestricted", py3langid_any)
    measure("bridgebot: py3langid restricted + fallback", bridgebot)


if __name__ == "__main__":
    main()
