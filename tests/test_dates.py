"""Due dates and one-off days as officers type them, and language names as people type them."""

from __future__ import annotations

import pytest

from bridgebot.languages import parse_language
from bridgebot.services.dates import extract_due, parse_due, shortest_promise
from bridgebot.services.refusal import Refusal
from tests.zones import WEDNESDAY, ZONES, local


@pytest.mark.parametrize(
    ("lang", "phrase", "due"),
    [
        ("en", "next friday", "Fri 2026-11-27 23:59"),
        ("en", "next wednesday", "Wed 2026-12-02 23:59"),  # today is Wednesday: the coming one
        ("de", "nächsten Freitag", "Fri 2026-11-27 23:59"),
        ("de", "nächster Freitag", "Fri 2026-11-27 23:59"),
        ("de", "kommenden Freitag", "Fri 2026-11-27 23:59"),
        ("de", "nächsten Mittwoch", "Wed 2026-12-02 23:59"),
        ("es", "el próximo viernes", "Fri 2026-11-27 23:59"),
        ("es", "el viernes próximo", "Fri 2026-11-27 23:59"),
        ("fr", "vendredi prochain", "Fri 2026-11-27 23:59"),
        ("fr", "le vendredi prochain", "Fri 2026-11-27 23:59"),
        ("pt", "próxima sexta", "Fri 2026-11-27 23:59"),
        ("pt", "a próxima sexta-feira", "Fri 2026-11-27 23:59"),
        ("pt", "sexta que vem", "Fri 2026-11-27 23:59"),
        ("id", "Jumat depan", "Fri 2026-11-27 23:59"),
        ("id", "hari Jumat depan", "Fri 2026-11-27 23:59"),
        ("ja", "来週の金曜日", "Fri 2026-12-04 23:59"),  # like 下周五: Friday of next week
        ("ja", "来週金曜", "Fri 2026-12-04 23:59"),
        ("ja", "金曜", "Fri 2026-11-27 23:59"),
        ("zh", "下周五", "Fri 2026-12-04 23:59"),
    ],
)
def test_next_weekday_is_the_coming_one_in_every_language(lang: str, phrase: str, due: str) -> None:
    assert local(parse_due(phrase, lang, ZONES[lang], WEDNESDAY), lang) == due


@pytest.mark.parametrize(
    ("lang", "phrase", "due"),
    [
        ("pt", "daqui a 3 dias", "Sat 2026-11-28 23:59"),
        ("pt", "dentro de 3 dias", "Sat 2026-11-28 23:59"),
        ("pt", "daqui a 2 horas", "Wed 2026-11-25 08:00"),
        ("id", "3 hari lagi", "Sat 2026-11-28 23:59"),
        ("id", "2 jam lagi", "Wed 2026-11-25 18:00"),
        ("id", "2 minggu lagi", "Wed 2026-12-09 23:59"),
        ("zh", "两周后", "Wed 2026-12-09 23:59"),
        ("zh", "两小时后", "Wed 2026-11-25 19:00"),
        ("zh", "三天后", "Sat 2026-11-28 23:59"),
        ("ja", "二週間後", "Wed 2026-12-09 23:59"),
    ],
)
def test_relative_dates_said_another_way(lang: str, phrase: str, due: str) -> None:
    assert local(parse_due(phrase, lang, ZONES[lang], WEDNESDAY), lang) == due


@pytest.mark.parametrize(
    ("lang", "phrase", "due"),
    [
        ("de", "01.12.2026", "Tue 2026-12-01 23:59"),  # day first, as Germans write it; not January 12
        ("de", "1.12.", "Tue 2026-12-01 23:59"),
        ("de", "am 1.12.", "Tue 2026-12-01 23:59"),
        ("de", "3.1.", "Sun 2027-01-03 23:59"),  # already past this year: next year
        ("fr", "01/12/2026", "Tue 2026-12-01 23:59"),
        ("es", "1/12/2026", "Tue 2026-12-01 23:59"),
        ("en", "12/1/2026", "Tue 2026-12-01 23:59"),
        ("en", "2026-12-01", "Tue 2026-12-01 23:59"),
    ],
)
def test_numeric_dates_follow_the_languages_day_month_order(lang: str, phrase: str, due: str) -> None:
    assert local(parse_due(phrase, lang, ZONES[lang], WEDNESDAY), lang) == due


@pytest.mark.parametrize(
    ("lang", "text", "promise", "due"),
    [
        ("de", "Budget schicken bis nächsten Freitag", "Budget schicken", "Fri 2026-11-27 23:59"),
        ("de", "Bericht bis 1.12.", "Bericht", "Tue 2026-12-01 23:59"),
        ("es", "enviar el acta para el próximo viernes", "enviar el acta", "Fri 2026-11-27 23:59"),
        ("fr", "envoyer le budget d'ici vendredi prochain", "envoyer le budget", "Fri 2026-11-27 23:59"),
        ("pt", "enviar a ata até a próxima sexta", "enviar a ata", "Fri 2026-11-27 23:59"),
        ("id", "kirim notulen paling lambat Jumat depan", "kirim notulen", "Fri 2026-11-27 23:59"),
        ("ja", "報告書を来週の金曜日までに", "報告書を", "Fri 2026-12-04 23:59"),
    ],
)
def test_due_dates_with_next_weekday_in_commands(lang: str, text: str, promise: str, due: str) -> None:
    rest, found = extract_due(text, lang, ZONES[lang], WEDNESDAY)
    assert rest == promise
    assert local(found, lang) == due


@pytest.mark.parametrize(
    ("lang", "phrase"),
    [
        ("id", "minggu depan"),
        ("id", "pekan depan"),
        ("de", "nächste Woche"),
        ("en", "next week"),
        ("es", "la semana que viene"),
        ("fr", "la semaine prochaine"),
        ("fr", "semaine prochaine"),
        ("pt", "semana que vem"),
    ],
)
def test_next_week_is_a_week_from_today_not_a_weekday(lang: str, phrase: str) -> None:
    """Indonesian "minggu depan" is next week, not next Sunday (Minggu)."""
    assert local(parse_due(phrase, lang, ZONES[lang], WEDNESDAY), lang) == "Wed 2026-12-02 23:59"


@pytest.mark.parametrize(("lang", "phrase"), [("de", "montags"), ("fr", "lundis"), ("en", "mondays")])
def test_plural_weekdays_are_not_one_day(lang: str, phrase: str) -> None:
    """ "montags" means every Monday: better refused as a due date than read as the next one."""
    with pytest.raises(Refusal):
        parse_due(phrase, lang, ZONES[lang], WEDNESDAY)


def test_today_in_indonesian_is_not_a_weekday_phrase() -> None:
    assert local(parse_due("hari ini", "id", ZONES["id"], WEDNESDAY), "id") == "Wed 2026-11-25 23:59"


@pytest.mark.parametrize(
    ("lang", "text", "promise", "due"),
    [
        ("id", "kirim laporan dalam 3 hari", "kirim laporan", "Sat 2026-11-28 23:59"),
        ("pt", "enviar a ata daqui a 3 dias", "enviar a ata", "Sat 2026-11-28 23:59"),
        ("es", "enviar las fotos dentro de 3 días", "enviar las fotos", "Sat 2026-11-28 23:59"),
    ],
)
def test_relative_due_dates_are_found_in_commands(lang: str, text: str, promise: str, due: str) -> None:
    rest, found = extract_due(text, lang, ZONES[lang], WEDNESDAY)
    assert (rest, local(found, lang)) == (promise, due)


@pytest.mark.parametrize(("lang", "phrase"), [("de", "nächsten Blorp"), ("id", "blorp depan")])
def test_next_with_something_that_is_no_weekday_is_refused(lang: str, phrase: str) -> None:
    with pytest.raises(Refusal) as refused:
        parse_due(phrase, lang, ZONES[lang], WEDNESDAY)
    assert refused.value.key == "error-date-unreadable"


# --- language names in /setup, /lang, /glossary ---------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("português", "pt"),
        ("portugues", "pt"),
        ("Portugues", "pt"),
        ("français", "fr"),
        ("francais", "fr"),
        ("español", "es"),
        ("espanol", "es"),
        ("Deutsch", "de"),
        ("deutsch", "de"),
        ("German", "de"),
        ("日本語", "ja"),
        ("中文", "zh"),
        ("Bahasa Indonesia", "id"),
        ("bahasa  indonesia", "id"),
        ("Indonesia", "id"),
        ("Englisch", "en"),
        ("inglés", "en"),
        ("ingles", "en"),
        ("alemão", "de"),
        ("alemao", "de"),
        ("繁體中文", "zt"),
        ("zh-Hant", "zt"),
        ("PT", "pt"),
    ],
)
def test_language_names_match_with_or_without_accents(typed: str, code: str) -> None:
    assert parse_language(typed) == code


def test_unknown_language_names_are_not_guessed() -> None:
    assert parse_language("klingonisch") is None
    assert parse_language("") is None


@pytest.mark.parametrize("tz", ["Europe/Berlin", "America/Mexico_City", "Asia/Tokyo", "Pacific/Pago_Pago"])
@pytest.mark.parametrize("text", ["poison by 9999-12-31 23:00", "poison by 9999-12-31", "poison in 99999 days"])
def test_due_dates_beyond_ten_years_are_refused(tz: str, text: str) -> None:
    with pytest.raises(Refusal) as refused:
        extract_due(text, "en", tz, WEDNESDAY)
    assert refused.value.key == "error-date-too-far"


def test_year_one_is_refused_not_an_overflow() -> None:
    with pytest.raises(Refusal) as refused:
        extract_due("x by 0001-01-01 00:00", "en", "Asia/Tokyo", WEDNESDAY)
    assert refused.value.key in ("error-date-past", "error-date-too-far")


def test_a_long_date_phrase_is_not_parsed_and_not_quoted_whole() -> None:
    with pytest.raises(Refusal) as refused:
        extract_due("ship it by " + "blorp " * 500, "en", "Europe/Berlin", WEDNESDAY)
    assert refused.value.key == "error-date-unreadable"
    assert len(refused.value.args_["date"]) <= 64


def test_shortest_promise_is_found_without_the_date() -> None:
    assert shortest_promise("send the budget by blorp", "en") == len("send the budget")
    assert shortest_promise("提交报告下周五之前", "zh") == 0  # the date may take up to 12 characters
    assert shortest_promise("提" * 600 + "下周五之前", "zh") == 600 + 3 - 12
