"""The committed tiny Argos packages (bridgebot/demo/packages, rebuilt by scripts/build_tiny_models.py)
translate every phrase of bridgebot/demo/phrases.json exactly, through the real argostranslate code
path (bundled MiniSBD splitter, SentencePiece, CTranslate2 beam search), and never download anything."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from bridgebot.translation.argos import argos

PHRASES = Path(__file__).resolve().parent.parent / "bridgebot" / "demo" / "phrases.json"
ROWS: list[dict[str, str]] = json.loads(PHRASES.read_text(encoding="utf-8"))
DIRECTIONS = [("en", "de"), ("de", "en"), ("en", "zh"), ("zh", "en"), ("en", "es"), ("es", "en")]
# No direct package between these: Argos chains two through English (each language once each way).
PIVOTS = [("de", "es"), ("es", "zh"), ("zh", "de")]


def meanings(source: str, target: str) -> dict[str, str]:
    """What each source phrase must translate to. A phrase that occurs twice on the source side (zh has
    no capitals: 请阅读 is both "please read" and "Please read") keeps its first meaning, as in training."""
    table: dict[str, str] = {}
    for row in ROWS:
        table.setdefault(row[source], row[target])
    return table


@pytest.fixture(scope="module")
def downloads() -> Iterator[list[str]]:
    """Every URL MiniSBD tries to fetch (it downloads with urllib.request.urlretrieve); none may be."""
    attempts: list[str] = []

    def refuse(url: str, *args: object, **kwargs: object) -> None:
        attempts.append(url)
        raise OSError(f"test_tiny_models: no download allowed ({url})")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(urllib.request, "urlretrieve", refuse)
        yield attempts


@pytest.fixture(scope="module")
def translate(models_dir: Path, downloads: list[str]) -> ModuleType:
    """argostranslate.translate over the session's models directory, where conftest installed every
    package through `use_models_dir` (Argos' directories are process-wide, so there is one per run)."""
    module = argos("translate")
    # Argos keeps one translation object per pair key ("en-de") for the whole process; drop those that
    # earlier tests built over other models directories, so these come from the packages installed here.
    module.installed_translates.clear()
    module.get_installed_languages.cache_clear()
    return module


def test_phrase_list_is_parallel_and_has_both_forms() -> None:
    assert 40 <= len(ROWS) <= 60
    assert all(set(row) == {"en", "de", "zh", "es"} and all(row.values()) for row in ROWS)
    english = [row["en"] for row in ROWS]
    assert len(set(english)) == len(english), "the pivot language must be unambiguous"
    # Text is translated as written, so both the chat form and the written form must be known.
    assert "the bridge is open" in english and "The bridge is open." in english


@pytest.mark.parametrize(("source", "target"), DIRECTIONS, ids=[f"{s}-{t}" for s, t in DIRECTIONS])
def test_every_phrase_translates_exactly(translate: ModuleType, source: str, target: str) -> None:
    wrong = {
        text: (got, want)
        for text, want in meanings(source, target).items()
        if (got := translate.translate(text, source, target)) != want
    }
    assert wrong == {}


@pytest.mark.parametrize(("source", "target"), PIVOTS, ids=[f"{s}-{t}" for s, t in PIVOTS])
def test_pivot_through_english(translate: ModuleType, source: str, target: str) -> None:
    translation = translate.get_translation_from_codes(source, target)
    assert type(translation).__name__ == "CompositeTranslation"  # no direct package: through en
    to_en, from_en = meanings(source, "en"), meanings("en", target)
    wrong = {
        text: (got, want)
        for text, english in to_en.items()
        if (got := translation.translate(text)) != (want := from_en[english])
    }
    assert wrong == {}


def test_sentences_and_lines_are_translated_one_by_one(translate: ModuleType) -> None:
    assert translate.translate("The bridge is open. Good morning!", "en", "de") == "Die Brücke ist offen. Guten Morgen!"
    assert translate.translate("the bridge is open\ngood morning", "en", "es") == "el puente está abierto\nbuenos días"
    assert translate.translate("桥开放了。早上好！", "zh", "en") == "The bridge is open. Good morning!"
    # Argos joins the translated sentences' pieces, and each starts with a SentencePiece space:
    # Chinese sentences come out with a space between them.
    assert translate.translate("The bridge is open. Good morning!", "en", "zh") == "桥开放了。 早上好！"


@pytest.mark.parametrize(
    ("source", "text", "sentences"),
    [
        ("en", "The bridge is open. Good morning!", ["The bridge is open.", "Good morning!"]),
        ("en", "We need 3.5 chairs. See you tomorrow.", ["We need 3.5 chairs.", "See you tomorrow."]),
        ("en", "Great!!! See you", ["Great!!!", "See you"]),
        ("en", "Is it open?Yes", ["Is it open?Yes"]),
        ("en", "Please read www.example.org/a.b now. Thanks", ["Please read www.example.org/a.b now.", "Thanks"]),
        ("de", "Bis morgen.  Danke!\n\nHallo", ["Bis morgen.", "Danke!", "Hallo"]),
        ("zh", "桥开放了。早上好！", ["桥开放了。", "早上好！"]),
        ("zh", "桥开放了！！早上好", ["桥开放了！！", "早上好"]),
        ("zh", "他说：“好。”然后走了。", ["他说：“好。”然后走了。"]),
    ],
)
def test_bundled_splitter_ends_sentences_at_final_punctuation(
    translate: ModuleType, source: str, text: str, sentences: list[str]
) -> None:
    """`. ! ?` followed by a space or the end; `。！？` unless more final or closing marks follow."""
    package = next(p for p in argos("package").get_installed_packages() if p.from_code == source)
    assert argos("sbd").MiniSBDSentencizer(package).split_sentences(text) == sentences


def test_nothing_is_downloaded(translate: ModuleType, downloads: list[str]) -> None:
    packages = argos("package").get_installed_packages()
    assert sorted((p.from_code, p.to_code) for p in packages) == sorted(DIRECTIONS)
    for package in packages:
        splitter = translate.get_translation_from_codes(package.from_code, package.to_code).underlying.sentencizer
        assert Path(splitter.lang).parent == Path(package.package_path) / "minisbd"
        splitter.split_sentences("Hello everyone!")  # loads the ONNX model, as the translations above did
    cache = Path(argos("sbd").minisbd_models.cache_dir)
    assert downloads == []
    assert not cache.exists() or not list(cache.glob("*.onnx"))
