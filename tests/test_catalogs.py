"""Every UI catalog has every key of the English one, with the same placeholders."""

from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast, visitor

from bridgebot.i18n import CATALOG, Catalogs, locales_dir

REQUIRED = ("en", "de", "zh", "es", "fr", "pt", "ja", "id")


class _Variables(visitor.Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        self.names.add(node.id.name)


def _catalog(lang: str) -> dict[str, set[str]]:
    resource = FluentParser().parse((locales_dir() / lang / CATALOG).read_text(encoding="utf-8"))
    junk = [entry for entry in resource.body if isinstance(entry, ast.Junk)]
    assert not junk, f"{lang}: unparseable entries: {[j.content[:60] for j in junk]}"
    messages = {}
    for entry in resource.body:
        if isinstance(entry, ast.Message):
            found = _Variables()
            found.visit(entry)
            messages[entry.id.name] = found.names
    return messages


def _languages() -> list[str]:
    return sorted(p.parent.name for p in Path(locales_dir()).glob(f"*/{CATALOG}"))


def test_required_languages_are_shipped() -> None:
    assert set(REQUIRED) <= set(_languages())


@pytest.mark.parametrize("lang", _languages())
def test_catalog_has_every_key_with_the_same_placeholders(lang: str) -> None:
    english = _catalog("en")
    other = _catalog(lang)
    assert sorted(set(english) - set(other)) == [], f"{lang} is missing keys"
    assert sorted(set(other) - set(english)) == [], f"{lang} has keys English does not"
    for key, names in english.items():
        assert other[key] == names, f"{lang}:{key} placeholders {other[key]} != {names}"


def test_plural_forms_follow_the_language() -> None:
    catalogs = Catalogs()
    assert "1 city." in catalogs.t("en", "partnership-joined", name="X", count=1)
    assert "3 cities." in catalogs.t("en", "partnership-joined", name="X", count=3)
    assert "1 Stadt." in catalogs.t("de", "partnership-joined", name="X", count=1)
    assert "3 Städte." in catalogs.t("de", "partnership-joined", name="X", count=3)


def test_unknown_language_falls_back_to_english() -> None:
    catalogs = Catalogs()
    assert catalogs.t("sw", "error-group-only") == catalogs.t("en", "error-group-only")
    assert catalogs.t("zt", "error-group-only") == catalogs.t("zh", "error-group-only")


@pytest.mark.parametrize("lang", _languages())
@pytest.mark.parametrize("key", ["rule-day", "rule-week", "rule-month"])
def test_a_rule_every_single_period_reads_naturally(lang: str, key: str) -> None:
    """Every day, not "every 1 days": Chinese, Japanese and Indonesian have no plural category
    "one", so their catalogs must select on the number itself."""
    catalogs = Catalogs()
    once = catalogs.t(lang, key, interval=1, time="09:00", weekday="X", day=15)
    twice = catalogs.t(lang, key, interval=2, time="09:00", weekday="X", day=15)
    assert "2" in twice.replace("09:00", "")
    assert "1" not in once.replace("09:00", "").replace("15", ""), once
