"""Every UI catalog has every key of the English one, with the same placeholders, and reads right with
the values real groups bring: 0, 1, 1.5 and 1234, no due date, a long city name."""

import re
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast, visitor

from bridgebot.i18n import CATALOG, Catalogs, locales_dir
from bridgebot.services.commitments import parse_number
from bridgebot.services.report import WINDOW_DAYS
from bridgebot.services.schedule import parse_when
from bridgebot.services.texts import clock_text, join_list, local_time

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
        if key in other:
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
    assert catalogs.t("zt", "error-group-only") == catalogs.t("zh_Hant", "error-group-only")


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


# --- locale variants ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "catalog"),
    [
        ("pb", "pt"),  # Argos' Brazilian Portuguese
        ("pt-BR", "pt"),
        ("pt_PT", "pt"),
        ("zt", "zh_Hant"),  # Argos' Traditional Chinese
        ("zh-Hant", "zh_Hant"),
        ("zh-TW", "zh_Hant"),
        ("zh-hk", "zh_Hant"),
        ("zh-Hans", "zh"),
        ("zh-CN", "zh"),
        ("en-US", "en"),
        ("de-AT", "de"),
        ("sw", "en"),
        (None, "en"),
    ],
)
def test_regional_codes_read_their_languages_catalog(code: str | None, catalog: str) -> None:
    assert Catalogs().ui_language(code) == catalog


def test_a_key_traditional_chinese_lacks_is_read_in_simplified_before_english(tmp_path: Path) -> None:
    """A key added to the eight catalogs but not yet to zh_Hant still reaches a Taiwanese group in Chinese."""
    for lang, text in (("en", "Hello"), ("zh", "您好"), ("zh_Hant", None)):
        (tmp_path / lang).mkdir()
        body = f"greeting = {text}\n" if text else "other = 其他\n"
        (tmp_path / lang / CATALOG).write_text(body, encoding="utf-8")
    assert Catalogs(tmp_path).t("zt", "greeting") == "您好"


# --- every message with the values real groups bring --------------------------------------------------

LONG_CITY = "Santiago de los Caballeros de Guatemala"
NUMBERS = {
    "id",
    "count",
    "days",
    "hours",
    "made",
    "done",
    "ontime",
    "overdue",
    "open",
    "messages",
    "page",
    "pages",
    "interval",
    "day",
}
EDGE_VALUES = (0, 1, 1.5, 1234)
# The report's window is a constant number of days, never 1.
WINDOW_KEYS = ("report-header", "report-chart-messages")
# What a reader would catch after "1 " (or "1,5 " in French): a plural noun or participle.
PLURAL_AFTER_ONE = {
    "en": r"1 (days|cities|messages|hours|terms|partner groups|weeks|months)\b",
    "de": r"1 (Tage|Tagen|Städte|Nachrichten|Stunden|Begriffe|Partnergruppen|Wochen|Monate)\b",
    "es": r"1 (días|ciudades|mensajes|horas|términos|grupos|asumidos|cumplidos|vencidos|abiertos|semanas|meses)\b",
    "fr": r"1(,5)? (jours|villes|messages|heures|termes|groupes|semaines)\b",
    "pt": r"1 (dias|cidades|mensagens|horas|termos|grupos|assumidos|concluídos|semanas|meses)\b",
}
QUOTES = {
    "en": "“”",
    "de": "„“",
    "fr": "«»",
    "es": "“”",
    "pt": "“”",
    "id": "“”",
    "zh": "“”",
    "ja": "「」",
    "zh_Hant": "「」",
}
ALL_QUOTES = '"“”„«»「」‘’‚'


@cache
def _catalogs() -> Catalogs:
    return Catalogs()


def _render(lang: str, key: str, names: set[str], number: float) -> str:
    catalogs = _catalogs()
    due = catalogs.t(lang, "commitment-no-due")
    values = {name: number if name in NUMBERS else f"<{name}>" for name in names}
    fixed = {"city": LONG_CITY, "due": due, "max": 200}  # max: a configured limit, never 1
    values.update({k: v for k, v in fixed.items() if k in names})
    if key in WINDOW_KEYS:
        values["days"] = WINDOW_DAYS
    text, errors = catalogs.render(lang, key, values)
    assert errors == [], f"{lang}:{key}: {errors}"
    return text


@pytest.mark.parametrize("lang", _languages())
def test_every_message_reads_right_with_edge_values(lang: str) -> None:
    for key, names in _catalog(lang).items():
        for number in EDGE_VALUES:
            text = _render(lang, key, names, number)
            assert not re.search(r"\{|\}|\$[a-z]", text), f"{lang}:{key} shows a raw placeholder: {text}"
            if "id" in names:
                assert not re.search(r"1[,.\s\u00a0\u202f]234", text), f"{lang}:{key} groups a number: {text}"
            if number == 1 and lang in PLURAL_AFTER_ONE:
                assert not re.search(PLURAL_AFTER_ONE[lang], text), f"{lang}:{key}: {text}"
            if number == 1.5 and lang == "fr":
                assert not re.search(PLURAL_AFTER_ONE["fr"], text), f"{lang}:{key}: {text}"
            used = {c for c in text if c in ALL_QUOTES}
            assert used <= set(QUOTES[lang]), f"{lang}:{key} uses foreign quotation marks {used}: {text}"
            opener, closer = QUOTES[lang]
            if opener != closer and lang != "de":  # German „…“ closes with the English opener
                assert text.count(opener) == text.count(closer), f"{lang}:{key} leaves a quote open: {text}"
            if lang == "fr":
                assert not re.search(r"«[^\u00a0]|[^\u00a0]»|[^\W\d][:;?!]", text), (
                    f"fr:{key} lacks a no-break space: {text}"
                )


@pytest.mark.parametrize("lang", _languages())
def test_the_due_label_is_said_once_when_there_is_no_date(lang: str) -> None:
    """Not "due no date" / "fällig ohne Frist" / "截止 无截止日期": a label, then a bare "none"."""
    for key in ("commitment-created", "nudge-followup-commitment", "commitment-line"):
        names = _catalog(lang).get(key) or _catalog("en")[key]
        text = _render(lang, key, names, 7)
        no_due = _catalogs().t(lang, "commitment-no-due")
        label = text[: text.rindex(no_due)].rstrip(" ：:\u00a0")
        assert label.endswith(
            ("due", "Frist", "plazo", "fecha límite", "échéance", "prazo", "期限", "截止", "tenggat")
        ), f"{lang}:{key}: {text}"
        assert no_due not in ("no date", "ohne Frist", "sem prazo", "期限なし", "无截止日期", "tanpa tenggat")


@pytest.mark.parametrize("lang", _languages())
def test_commitment_numbers_are_never_grouped_and_the_hints_parse(lang: str) -> None:
    text = Catalogs().t(lang, "nudge-overdue", id=1234, due="x", owner="@olaf", city=LONG_CITY, text="budget")
    assert "#1234" in text
    for command in ("done", "due"):
        hinted = re.search(rf"/{command} (\S+)", text)
        assert hinted and parse_number(hinted.group(1)) == 1234


# --- dates, times and lists as each language writes them ----------------------------------------------

MOMENT = datetime(2026, 11, 6, 10, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    ("ui", "expected"),
    [
        ("en", "Nov 6, 2026, 10:05"),
        ("de", "6. Nov. 2026, 10:05"),
        ("fr", "6 nov. 2026, 10:05"),
        ("es", "6 nov 2026, 10:05"),
        ("ja", "2026年11月6日 10:05"),
        ("zh_Hant", "2026年11月6日 10:05"),
        ("id", "6 Nov 2026 10.05"),
    ],
)
def test_date_and_time_are_joined_as_the_language_joins_them(ui: str, expected: str) -> None:
    assert local_time(MOMENT, "UTC", ui) == expected


@pytest.mark.parametrize(
    ("ui", "separator"), [("ja", "、"), ("zh", "、"), ("zh_Hant", "、"), ("de", ", "), ("id", ", ")]
)
def test_lists_use_the_languages_separator(ui: str, separator: str) -> None:
    assert join_list(["a", "b", "c"], ui) == f"a{separator}b{separator}c"


def test_indonesian_rules_write_times_like_every_other_indonesian_time() -> None:
    """One style per message: "setiap Senin pukul 09.00", as local_time writes "10.05"."""
    from bridgebot.services.followup_commands import describe_rule
    from bridgebot.services.schedule import Rule

    assert clock_text("09:00", "id") == "09.00"
    printed = describe_rule(Catalogs(), Rule("week", 1, "09:00", "", weekday=0), "id")
    assert "09.00" in printed and "09:00" not in printed
    assert parse_when(printed, "id", "Asia/Jakarta", MOMENT).rule.at == "09:00"
