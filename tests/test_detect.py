"""Language detection of short chat messages, restricted to the partnership's languages."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest

from bridgebot.config import LANGUAGE_DETECTORS
from bridgebot.localapi import LocalBotApi
from bridgebot.translation.detect import DETECTORS, detect_language, use_detector
from tests.conftest import City, RunningBot

LABELLED = Path(__file__).parent / "data" / "short_messages.tsv"
TARGET = 0.95
LANGUAGES = {"en", "de", "zh", "es", "fr", "pt", "ja", "id"}


def labelled() -> list[dict[str, str]]:
    with LABELLED.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def detect_row(row: dict[str, str]) -> str:
    return detect_language(row["text"], row["candidates"].split(","), row["group_lang"])


def test_the_labelled_set_is_well_formed() -> None:
    rows = labelled()
    assert len(rows) >= 300
    assert {row["lang"] for row in rows} == LANGUAGES
    for row in rows:
        candidates = row["candidates"].split(",")
        assert row["lang"] in candidates and row["group_lang"] in candidates, row
        assert row["text"].strip(), row
    foreign = sum(row["lang"] != row["group_lang"] for row in rows)
    assert 0.2 <= foreign / len(rows) <= 0.35  # about a quarter written in another language


def test_accuracy_on_short_officers_messages() -> None:
    rows = labelled()
    wrong = [(row["text"], row["lang"], got) for row in rows if (got := detect_row(row)) != row["lang"]]
    accuracy = 1 - len(wrong) / len(rows)
    print(f"\ndetection accuracy {accuracy:.1%} on {len(rows)} messages; wrong (text, label, answer): {wrong}")
    assert accuracy >= TARGET, wrong


def test_an_officer_writing_the_partners_language_is_detected() -> None:
    # A German officer writing English, in the Leeds group and in her own Dresden group.
    german_english = "Herr Müller arrives at the Rathaus on Friday"
    assert detect_language(german_english, ["de", "en", "zh"], "en") == "en"
    assert detect_language(german_english, ["de", "en", "zh"], "de") == "en"
    assert detect_language("Sorry, writing in English for our guests", ["de", "en"], "de") == "en"
    assert detect_language("Muchas gracias por la invitación", ["de", "es"], "de") == "es"
    assert detect_language("感谢你们的热情接待", ["de", "en", "zh"], "de") == "zh"


@pytest.mark.parametrize(
    "text",
    ["👍", "👍🏽🎉", "16:30", "2026-12-01 09:30", "https://example.org/programm-2026", "@anna_hh", "ok", "OK 👌",
     "#elbe 2026", "anna@example.org", "/commitments", "+49 40 428 31 0", "", "   "],
)  # fmt: skip
def test_text_without_words_takes_the_groups_language(text: str) -> None:
    assert detect_language(text, ["de", "en", "zh"], "zh") == "zh"
    assert detect_language(text, ["de", "en", "zh"], "de") == "de"


def test_links_mentions_and_numbers_do_not_pull_towards_english() -> None:
    text = "@tom_leeds kannst du das Programm 2026 schicken? https://www.leipzig.de/programm #LeedsDresden 👍"
    assert detect_language(text, ["de", "en"], "en") == "de"


def test_an_unsure_answer_takes_the_groups_language() -> None:
    # "Merci !" could be French or (loosely) Portuguese chat; below 0.8 the group's language wins.
    assert detect_language("Merci !", ["fr", "pt"], "pt") == "pt"
    assert detect_language("Merci !", ["fr", "pt"], "fr") == "fr"
    # ...unless the group's language is not a candidate: then the best candidate.
    assert detect_language("Merci !", ["fr", "pt"], "de") == "fr"


def test_a_single_candidate_is_the_answer() -> None:
    assert detect_language("Guten Morgen zusammen", ["en"], "en") == "en"


def test_detection_is_deterministic() -> None:
    rows = labelled()
    first = [detect_row(row) for row in rows]
    assert [detect_row(row) for row in rows] == first
    assert {detect_language("Das Treffen ist am Freitag", ["de", "en"], "en") for _ in range(20)} == {"de"}


def test_detection_is_the_same_in_another_process_with_another_hash_seed() -> None:
    """Candidate sets are frozensets: their order must not depend on PYTHONHASHSEED."""
    rows = labelled()
    script = (
        "import csv, json, sys\n"
        "from bridgebot.translation.detect import detect_language\n"
        f"rows = list(csv.DictReader(open({str(LABELLED)!r}, encoding='utf-8', newline=''), delimiter='\\t'))\n"
        "json.dump([detect_language(r['text'], r['candidates'].split(','), r['group_lang']) for r in rows],"
        " sys.stdout)\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == [detect_row(row) for row in rows]


def test_concurrent_detection_in_threads_gives_the_sequential_answers() -> None:
    rows = labelled() * 4
    expected = [detect_row(row) for row in rows]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(detect_row, rows)) == expected


def test_simplified_and_traditional_chinese_are_told_apart() -> None:
    assert detect_language("我们这个会议的报告", ["zh", "zt"], "zh") == "zh"
    assert detect_language("我們這個會議的報告", ["zh", "zt"], "zh") == "zt"
    assert detect_language("歡迎光臨台北，謝謝大家", ["en", "zh", "zt"], "en") == "zt"
    assert detect_language("欢迎来杭州，谢谢大家", ["en", "zh", "zt"], "en") == "zh"
    # No script-specific character: the group's own Chinese.
    assert detect_language("我明天在市政府", ["zh", "zt"], "zt") == "zt"
    assert detect_language("我明天在市政府", ["zh", "zt"], "zh") == "zh"
    # zt alone still means Chinese for the detector.
    assert detect_language("歡迎光臨台北", ["de", "zt"], "de") == "zt"


def test_unknown_language_codes_do_not_crash() -> None:
    assert detect_language("Guten Morgen zusammen", ["de", "xx"], "de") == "de"
    assert detect_language("hello there friends", ["xx", "yy"], "xx") == "xx"
    # An unknown code could be the right answer: English text is not forced into German.
    assert detect_language("hello there friends", ["de", "xx"], "xx") == "xx"
    assert detect_language("Guten Morgen zusammen", [], "de") == "de"
    assert detect_language("Obrigado pela recepção", ["pb", "fr"], "fr") == "pb"


# --- language_detector = langdetect ---------------------------------------------------------------------


@pytest.fixture
def langdetect() -> Iterator[None]:
    """Detection through langdetect, as `language_detector = "langdetect"` sets it at start; the
    default again afterwards (the choice is process-wide, like the bot's)."""
    use_detector("langdetect")
    try:
        yield
    finally:
        use_detector(DETECTORS[0])


def test_the_settings_offer_exactly_the_detectors_there_are() -> None:
    assert LANGUAGE_DETECTORS == DETECTORS
    assert DETECTORS[0] == "py3langid"  # the default: see the measurements in detect.py and the README
    with pytest.raises(ValueError, match="fasttext"):
        use_detector("fasttext")


@pytest.mark.usefixtures("langdetect")
def test_langdetect_recognises_clear_sentences_among_the_partnerships_languages() -> None:
    assert detect_language("Die Delegation kommt am Freitag mit dem Zug", ["de", "en", "zh"], "en") == "de"
    assert detect_language("Sorry, writing in English for our guests", ["de", "en"], "de") == "en"
    assert detect_language("Muchas gracias por la invitación", ["de", "es"], "de") == "es"
    assert detect_language("感谢你们的热情接待", ["de", "en", "zh"], "de") == "zh"
    assert detect_language("我們這個會議的報告", ["zh", "zt"], "zh") == "zt"
    assert detect_language("Obrigado pela recepção", ["pb", "fr"], "fr") == "pb"
    # Restricted: Dutch-looking German is German when Dutch is no partner's language.
    assert detect_language("Wij komen morgen", ["de", "en"], "en") == "de"


@pytest.mark.usefixtures("langdetect")
@pytest.mark.parametrize(
    "text", ["👍", "👍🏽🎉", "16:30", "https://example.org/programm-2026", "@anna_hh", "ok", "🙂🙂🙂🙂"]
)
def test_langdetect_takes_the_groups_language_for_text_without_words(text: str) -> None:
    assert detect_language(text, ["de", "en", "zh"], "zh") == "zh"
    assert detect_language(text, ["de", "en", "zh"], "de") == "de"


@pytest.mark.usefixtures("langdetect")
def test_langdetect_without_a_feature_it_knows_takes_the_groups_language() -> None:
    """Letters langdetect has no n-gram for make it raise LangDetectException: the group's language."""
    assert detect_language("ᚠᚢᚦᚨᚱᚲ ᚷᚹᚺ", ["de", "en"], "en") == "en"
    assert detect_language("ᚠᚢᚦᚨᚱᚲ ᚷᚹᚺ", ["de", "en"], "de") == "de"


@pytest.mark.usefixtures("langdetect")
def test_langdetect_meets_the_target_and_is_deterministic() -> None:
    rows = labelled()
    answers = [detect_row(row) for row in rows]
    accuracy = sum(got == row["lang"] for got, row in zip(answers, rows, strict=True)) / len(rows)
    assert accuracy >= TARGET
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(detect_row, rows)) == answers


@pytest.mark.usefixtures("langdetect")
def test_langdetect_with_unknown_language_codes_does_not_crash() -> None:
    assert detect_language("Guten Morgen zusammen", ["de", "xx"], "de") == "de"
    assert detect_language("hello there friends", ["xx", "yy"], "xx") == "xx"
    assert detect_language("hello there friends", ["de", "xx"], "xx") == "xx"


async def test_the_language_detector_setting_reaches_the_relay(
    bot: RunningBot, api: LocalBotApi, pair: tuple[City, City]
) -> None:
    """Tom, in Leeds' group, answers Hamburg in German: "Genau". py3langid is unsure of one word and
    keeps Leeds' English, so Hamburg gets a translation; langdetect, configured, finds German, and
    Hamburg gets Tom's word as written."""
    hamburg, leeds = pair
    tom = api.add_user("Tom")
    try:
        before = len(api.sent(hamburg.id))
        api.send_text(leeds.id, tom, "Genau")
        translated = (await api.wait_sent(hamburg.id, before + 1))[-1]
        assert translated["text"].startswith("Tom · Leeds\n") and translated["text"].endswith("\nGenau")
        assert any(e["type"] == "expandable_blockquote" for e in translated["entities"])

        await bot.stop()
        bot.settings = replace(bot.settings, language_detector="langdetect")
        await bot.start()
        api.send_text(leeds.id, tom, "Genau")
        as_written = (await api.wait_sent(hamburg.id, before + 2))[-1]
        assert as_written["text"] == "Tom · Leeds\nGenau"
        assert not any(e["type"].endswith("blockquote") for e in as_written.get("entities") or [])
    finally:
        use_detector(DETECTORS[0])
