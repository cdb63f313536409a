"""Which language a short chat message is written in, among the partnership's languages.

Chosen by measurement (DESIGN.md, ~340 labelled officers' messages in 8 languages): langdetect
unrestricted is right 80% of the time, restricted 88%; py3langid restricted to the partnership's
languages, with URLs and mentions removed and the group's declared language used when the
normalized probability is below 0.8, is right 97.6% at ~0.04 ms per message. `bench/bench_detect.py`
repeats the comparison on tests/data/short_messages.tsv.

The identifier is used stateless: `rank()` scores every language and the probabilities are
normalized over the candidates here, so one model serves every partnership and every thread.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

THRESHOLD = 0.8
MIN_LETTERS = 3
# Argos codes that py3langid spells differently.
_TO_LANGID = {"zt": "zh", "pb": "pt", "nb": "no"}
_NOISE = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\w+|[@#/]\w+|\d[\d.,:/%-]*",
    re.UNICODE,
)
# A few characters that exist only in Traditional Chinese; enough to tell zt from zh in chat.
_TRADITIONAL = set("們這個說會對時來為開發經國學關過還點應報議請們從實與檔產際氣區變")
_SIMPLIFIED = set("们这个说会对时来为开发经国学关过还点应报议请从实与档产际气区变")


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)


def _letters(text: str) -> int:
    return sum(1 for c in text if unicodedata.category(c).startswith("L"))


def _chinese_script(text: str) -> str:
    traditional = sum(c in _TRADITIONAL for c in text)
    simplified = sum(c in _SIMPLIFIED for c in text)
    return "zt" if traditional > simplified else "zh"


def detect_language(text: str, candidates: Collection[str], fallback: str) -> str:
    """The most likely of `candidates`; `fallback` (the group's language) when unsure or no words."""
    langs = list(dict.fromkeys(candidates))
    if len(langs) <= 1:
        return langs[0] if langs else fallback
    cleaned = _NOISE.sub(" ", text)
    if _letters(cleaned) < MIN_LETTERS:
        return fallback
    scores = dict(_identifier().rank(cleaned))
    # Several of our codes can share one identifier label (zh and zt are both "zh").
    by_label: dict[str, list[str]] = {}
    for lang in langs:
        label = _TO_LANGID.get(lang, lang)
        if label in scores:
            by_label.setdefault(label, []).append(lang)
    if not by_label:
        return fallback
    top = max(scores[label] for label in by_label)
    total = sum(math.exp(scores[label] - top) for label in by_label)
    best_label = max(by_label, key=scores.__getitem__)
    if 1 / total < THRESHOLD:
        return fallback if fallback in langs else by_label[best_label][0]
    choices = by_label[best_label]
    if len(choices) > 1 and best_label == "zh":
        script = _chinese_script(cleaned)
        return script if script in choices else choices[0]
    return fallback if fallback in choices else choices[0]
