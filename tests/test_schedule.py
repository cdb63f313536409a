"""`<when>` as coordinators type it, in their language; recurrences read in each group's own zone."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bridgebot.i18n import Catalogs
from bridgebot.services.dates import extract_due, parse_due
from bridgebot.services.followup_commands import describe_rule
from bridgebot.services.refusal import Refusal
from bridgebot.services.schedule import Rule, WorkingHours, occurrences, parse_when, split_when
from tests.zones import WEDNESDAY, ZONES, local

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)  # Sunday, 10:00 in Berlin
BERLIN = "Europe/Berlin"


@pytest.mark.parametrize(
    ("lang", "phrase", "local"),
    [
        ("en", "in 3d", "Wed 2026-11-25 10:00"),
        ("en", "in 2h", "Sun 2026-11-22 12:00"),
        ("en", "in 2 hours", "Sun 2026-11-22 12:00"),
        ("en", "tomorrow 10:00", "Mon 2026-11-23 10:00"),
        ("en", "2026-12-01 09:30", "Tue 2026-12-01 09:30"),
        ("en", "friday 15:00", "Fri 2026-11-27 15:00"),
        ("en", "friday", "Fri 2026-11-27 09:00"),  # a bare day: the start of the working day
        ("en", "15:00", "Sun 2026-11-22 15:00"),
        ("en", "next monday 9am", "Mon 2026-11-23 09:00"),
        ("de", "morgen 10:00", "Mon 2026-11-23 10:00"),
        ("de", "Freitag 15 Uhr", "Fri 2026-11-27 15:00"),
        ("de", "in 3 Tagen", "Wed 2026-11-25 09:00"),
        ("zh", "明天 10:00", "Mon 2026-11-23 10:00"),
        ("zh", "周五 15:00", "Fri 2026-11-27 15:00"),
        ("es", "mañana 10:00", "Mon 2026-11-23 10:00"),
        ("fr", "vendredi 15h00", "Fri 2026-11-27 15:00"),
        ("fr", "demain 10h", "Mon 2026-11-23 10:00"),
        ("pt", "amanhã 10:00", "Mon 2026-11-23 10:00"),
        ("ja", "明日 10:00", "Mon 2026-11-23 10:00"),
        ("id", "besok 10:00", "Mon 2026-11-23 10:00"),
    ],
)
def test_one_off_times_are_read_in_the_issuing_groups_zone(lang: str, phrase: str, local: str) -> None:
    when = parse_when(phrase, lang, BERLIN, NOW)
    assert when.rule is None
    assert when.moment.astimezone(ZoneInfo(BERLIN)).strftime("%a %Y-%m-%d %H:%M") == local


@pytest.mark.parametrize(
    ("lang", "phrase", "unit", "interval", "at", "weekday", "monthday"),
    [
        ("en", "every monday 09:00", "week", 1, "09:00", 0, None),
        ("en", "every 2 weeks", "week", 2, "09:00", 6, None),  # from today, a Sunday
        ("en", "every other week", "week", 2, "09:00", 6, None),
        ("en", "every month on the 1st", "month", 1, "09:00", None, 1),
        ("en", "every day 8:30", "day", 1, "08:30", None, None),
        ("de", "jeden Montag 9:00", "week", 1, "09:00", 0, None),
        ("de", "alle 2 Wochen", "week", 2, "09:00", 6, None),
        ("de", "jeden Monat am 1.", "month", 1, "09:00", None, 1),
        ("zh", "每周一 09:00", "week", 1, "09:00", 0, None),
        ("zh", "每两周", "week", 2, "09:00", 6, None),
        ("zh", "每月1日", "month", 1, "09:00", None, 1),
        ("es", "cada lunes 09:00", "week", 1, "09:00", 0, None),
        ("es", "todos los lunes 9:00", "week", 1, "09:00", 0, None),
        ("fr", "tous les lundis 9h", "week", 1, "09:00", 0, None),
        ("pt", "toda segunda-feira 09:00", "week", 1, "09:00", 0, None),
        ("ja", "毎週月曜日 9:00", "week", 1, "09:00", 0, None),
        ("ja", "毎月1日", "month", 1, "09:00", None, 1),
        ("id", "setiap Senin 09:00", "week", 1, "09:00", 0, None),
        ("id", "setiap 2 minggu", "week", 2, "09:00", 6, None),
    ],
)
def test_recurrences_in_every_language(
    lang: str, phrase: str, unit: str, interval: int, at: str, weekday: int | None, monthday: int | None
) -> None:
    rule = parse_when(phrase, lang, BERLIN, NOW).rule
    assert (rule.unit, rule.interval, rule.at, rule.weekday, rule.monthday) == (unit, interval, at, weekday, monthday)


@pytest.mark.parametrize(
    ("phrase", "key"),
    [("yesterday", "error-date-past"), ("banana", "error-date-unreadable"), ("every banana", "error-when-unreadable")],
)
def test_unreadable_or_past_times_are_refused(phrase: str, key: str) -> None:
    with pytest.raises(Refusal) as refused:
        parse_when(phrase, "en", BERLIN, NOW)
    assert refused.value.key == key


def test_the_note_is_what_follows_the_longest_readable_time() -> None:
    when, note = split_when("friday 15:00 send the agenda".split(), "en", BERLIN, NOW)
    assert when.moment == datetime(2026, 11, 27, 14, 0, tzinfo=UTC)
    assert note == "send the agenda"
    when, note = split_when("in 3d bitte Agenda schicken".split(), "de", BERLIN, NOW)
    assert note == "bitte Agenda schicken"


def test_monthly_rules_use_the_last_day_of_shorter_months() -> None:
    rule = Rule("month", 1, "09:00", "2027-01-31", monthday=31)
    day, _ = occurrences(rule, BERLIN, datetime(2027, 2, 1, tzinfo=UTC))
    assert day == date(2027, 2, 28)


def test_every_two_weeks_counts_from_the_start_week() -> None:
    rule = Rule("week", 2, "09:00", "2026-11-22", weekday=0)
    after, days = NOW, []
    for _ in range(3):
        day, after = occurrences(rule, BERLIN, after)
        days.append(day)
    assert days == [date(2026, 11, 30), date(2026, 12, 14), date(2026, 12, 28)]


def test_working_hours_move_a_moment_to_the_next_opening() -> None:
    hours = WorkingHours(time(8), time(20), frozenset(range(5)))
    saturday = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
    assert hours.next_allowed(saturday, BERLIN) == datetime(2026, 11, 30, 7, 0, tzinfo=UTC)  # Monday 08:00
    late = datetime(2026, 11, 24, 20, 30, tzinfo=UTC)  # Tuesday 21:30 in Berlin
    assert hours.next_allowed(late, BERLIN) == datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
    inside = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    assert hours.next_allowed(inside, BERLIN) == inside
    assert hours.next_allowed(inside, "Asia/Shanghai") == datetime(2026, 11, 25, 0, 0, tzinfo=UTC)  # 20:00 there


# --- every UI language, from a Wednesday (so "every 2 weeks" must not fall on Sunday by chance) -----

MON, WED, FRI, SUN = 0, 2, 4, 6


def _rule(phrase: str, lang: str) -> tuple:
    when = parse_when(phrase, lang, ZONES[lang], WEDNESDAY)
    assert when.moment is None, f"{phrase!r} read as one moment"
    rule = when.rule
    return rule.unit, rule.interval, rule.at, rule.weekday, rule.monthday


@pytest.mark.parametrize(
    ("lang", "phrase", "expected"),
    [
        # in 3d · in 2h · tomorrow 10:00 · friday 15:00 · next friday, in each language
        ("en", "in 3d", "Sat 2026-11-28 09:00"),
        ("en", "in 2h", "Wed 2026-11-25 11:00"),
        ("en", "tomorrow 10:00", "Thu 2026-11-26 10:00"),
        ("en", "friday 15:00", "Fri 2026-11-27 15:00"),
        ("en", "next friday 15:00", "Fri 2026-11-27 15:00"),
        ("de", "in 3 Tagen", "Sat 2026-11-28 09:00"),
        ("de", "in 2 Stunden", "Wed 2026-11-25 12:00"),
        ("de", "morgen 10:00", "Thu 2026-11-26 10:00"),
        ("de", "Freitag 15:00", "Fri 2026-11-27 15:00"),
        ("de", "Freitag 9.30", "Fri 2026-11-27 09:30"),
        ("de", "nächsten Freitag", "Fri 2026-11-27 09:00"),
        ("de", "nächsten Freitag 15:00", "Fri 2026-11-27 15:00"),
        ("de", "nächsten Freitag um 15 Uhr", "Fri 2026-11-27 15:00"),
        ("de", "am 1.12. 10:00", "Tue 2026-12-01 10:00"),
        ("zh", "3天后", "Sat 2026-11-28 09:00"),
        ("zh", "两小时后", "Wed 2026-11-25 19:00"),
        ("zh", "明天 10:00", "Thu 2026-11-26 10:00"),
        ("zh", "明天上午10点", "Thu 2026-11-26 10:00"),
        ("zh", "周五 15:00", "Fri 2026-11-27 15:00"),
        ("zh", "周五下午3点", "Fri 2026-11-27 15:00"),
        ("zh", "下周五 15:00", "Fri 2026-12-04 15:00"),
        ("es", "en 3 días", "Sat 2026-11-28 09:00"),
        ("es", "en 2 horas", "Wed 2026-11-25 05:00"),
        ("es", "mañana 10:00", "Thu 2026-11-26 10:00"),
        ("es", "viernes 15:00", "Fri 2026-11-27 15:00"),
        ("es", "el próximo viernes a las 15:00", "Fri 2026-11-27 15:00"),
        ("fr", "dans 3 jours", "Sat 2026-11-28 09:00"),
        ("fr", "dans 2 heures", "Wed 2026-11-25 12:00"),
        ("fr", "demain 10h", "Thu 2026-11-26 10:00"),
        ("fr", "vendredi 15h", "Fri 2026-11-27 15:00"),
        ("fr", "vendredi prochain 15h", "Fri 2026-11-27 15:00"),
        ("pt", "em 3 dias", "Sat 2026-11-28 09:00"),
        ("pt", "daqui a 3 dias", "Sat 2026-11-28 09:00"),
        ("pt", "daqui a 2 horas", "Wed 2026-11-25 08:00"),
        ("pt", "amanhã 10:00", "Thu 2026-11-26 10:00"),
        ("pt", "sexta 15:00", "Fri 2026-11-27 15:00"),
        ("pt", "sexta-feira às 15:00", "Fri 2026-11-27 15:00"),
        ("pt", "próxima sexta 15h", "Fri 2026-11-27 15:00"),
        ("ja", "3日後", "Sat 2026-11-28 09:00"),
        ("ja", "2時間後", "Wed 2026-11-25 20:00"),
        ("ja", "明日 10:00", "Thu 2026-11-26 10:00"),
        ("ja", "明日10時", "Thu 2026-11-26 10:00"),
        ("ja", "金曜日 15:00", "Fri 2026-11-27 15:00"),
        ("ja", "金曜 15:00", "Fri 2026-11-27 15:00"),
        ("ja", "来週の金曜日 15:00", "Fri 2026-12-04 15:00"),
        ("id", "dalam 3 hari", "Sat 2026-11-28 09:00"),
        ("id", "3 hari lagi", "Sat 2026-11-28 09:00"),
        ("id", "dalam 2 jam", "Wed 2026-11-25 18:00"),
        ("id", "besok 10.00", "Thu 2026-11-26 10:00"),
        ("id", "besok pukul 10.00", "Thu 2026-11-26 10:00"),
        ("id", "Jumat 15.00", "Fri 2026-11-27 15:00"),
        ("id", "hari Jumat 15.00", "Fri 2026-11-27 15:00"),
        ("id", "Jumat depan 15.00", "Fri 2026-11-27 15:00"),
        ("id", "10.10", "Thu 2026-11-26 10:10"),  # Indonesian writes times with a dot
    ],
)
def test_one_off_times_in_every_ui_language(lang: str, phrase: str, expected: str) -> None:
    when = parse_when(phrase, lang, ZONES[lang], WEDNESDAY)
    assert when.rule is None, f"{phrase!r} read as a recurrence"
    assert local(when.moment, lang) == expected


@pytest.mark.parametrize(
    ("lang", "phrase", "expected"),
    [
        # every monday 09:00 · every 2 weeks · every month on the 1st · every day, in each language
        ("en", "every monday 09:00", ("week", 1, "09:00", MON, None)),
        ("en", "every monday at 9am", ("week", 1, "09:00", MON, None)),
        ("en", "every 2 weeks", ("week", 2, "09:00", WED, None)),
        ("en", "every month on the 1st", ("month", 1, "09:00", None, 1)),
        ("en", "every 1st of the month 10:00", ("month", 1, "10:00", None, 1)),
        ("en", "every day 8:30", ("day", 1, "08:30", None, None)),
        ("de", "jeden Montag 09:00", ("week", 1, "09:00", MON, None)),
        ("de", "jeden Montag um 9 Uhr", ("week", 1, "09:00", MON, None)),
        ("de", "alle 2 Wochen", ("week", 2, "09:00", WED, None)),
        ("de", "jede zweite Woche", ("week", 2, "09:00", WED, None)),
        ("de", "jeden Monat am 1.", ("month", 1, "09:00", None, 1)),
        ("de", "jeden 1. des Monats", ("month", 1, "09:00", None, 1)),
        ("de", "am 1. jedes Monats 9:00", ("month", 1, "09:00", None, 1)),
        ("de", "jedes Jahr", None),  # no yearly rules: refused rather than misread
        ("zh", "每周一 09:00", ("week", 1, "09:00", MON, None)),
        ("zh", "每个星期一 9点", ("week", 1, "09:00", MON, None)),
        ("zh", "每两周", ("week", 2, "09:00", WED, None)),
        ("zh", "每2周", ("week", 2, "09:00", WED, None)),
        ("zh", "每月1日", ("month", 1, "09:00", None, 1)),
        ("zh", "每月1号 10:00", ("month", 1, "10:00", None, 1)),
        ("zh", "每天 9:00", ("day", 1, "09:00", None, None)),
        ("es", "cada lunes 09:00", ("week", 1, "09:00", MON, None)),
        ("es", "todos los lunes a las 9:00", ("week", 1, "09:00", MON, None)),
        ("es", "cada 2 semanas", ("week", 2, "09:00", WED, None)),
        ("es", "cada dos semanas", ("week", 2, "09:00", WED, None)),
        ("es", "cada mes el día 1", ("month", 1, "09:00", None, 1)),
        ("es", "el día 1 de cada mes", ("month", 1, "09:00", None, 1)),
        ("es", "todos los días 8:30", ("day", 1, "08:30", None, None)),
        ("fr", "chaque lundi 09:00", ("week", 1, "09:00", MON, None)),
        ("fr", "tous les lundis à 9h", ("week", 1, "09:00", MON, None)),
        ("fr", "toutes les 2 semaines", ("week", 2, "09:00", WED, None)),
        ("fr", "toutes les deux semaines", ("week", 2, "09:00", WED, None)),
        ("fr", "chaque mois le 1er", ("month", 1, "09:00", None, 1)),
        ("fr", "le 1er de chaque mois", ("month", 1, "09:00", None, 1)),
        ("fr", "tous les jours 8h30", ("day", 1, "08:30", None, None)),
        ("pt", "toda segunda", ("week", 1, "09:00", MON, None)),
        ("pt", "toda segunda 09:00", ("week", 1, "09:00", MON, None)),
        ("pt", "toda segunda-feira 09:00", ("week", 1, "09:00", MON, None)),
        ("pt", "todas as segundas às 9h", ("week", 1, "09:00", MON, None)),
        ("pt", "todas as segundas-feiras", ("week", 1, "09:00", MON, None)),
        ("pt", "toda sexta", ("week", 1, "09:00", FRI, None)),
        ("pt", "a cada 2 semanas", ("week", 2, "09:00", WED, None)),
        ("pt", "a cada duas semanas", ("week", 2, "09:00", WED, None)),
        ("pt", "de 2 em 2 semanas", ("week", 2, "09:00", WED, None)),
        ("pt", "todo dia 1", ("month", 1, "09:00", None, 1)),
        ("pt", "todo dia 1 09:00", ("month", 1, "09:00", None, 1)),
        ("pt", "todo dia 15 às 10h", ("month", 1, "10:00", None, 15)),
        ("pt", "todo mês no dia 1", ("month", 1, "09:00", None, 1)),
        ("pt", "todo dia 09:00", ("day", 1, "09:00", None, None)),
        ("pt", "todos os dias 8:30", ("day", 1, "08:30", None, None)),
        ("ja", "毎週月曜日 9:00", ("week", 1, "09:00", MON, None)),
        ("ja", "毎週月曜 09:00", ("week", 1, "09:00", MON, None)),
        ("ja", "2週間ごと", ("week", 2, "09:00", WED, None)),
        ("ja", "隔週", ("week", 2, "09:00", WED, None)),
        ("ja", "毎月1日", ("month", 1, "09:00", None, 1)),
        ("ja", "毎日 9:00", ("day", 1, "09:00", None, None)),
        ("id", "setiap Senin 09:00", ("week", 1, "09:00", MON, None)),
        ("id", "setiap Senin 09.00", ("week", 1, "09:00", MON, None)),
        ("id", "setiap hari Senin pukul 09.00", ("week", 1, "09:00", MON, None)),
        ("id", "setiap dua minggu", ("week", 2, "09:00", WED, None)),
        ("id", "setiap bulan tanggal 1", ("month", 1, "09:00", None, 1)),
        ("id", "setiap tanggal 1", ("month", 1, "09:00", None, 1)),
        ("id", "setiap hari 09.00", ("day", 1, "09:00", None, None)),
    ],
)
def test_recurrences_in_every_ui_language(lang: str, phrase: str, expected: tuple | None) -> None:
    if expected is None:
        with pytest.raises(Refusal):
            parse_when(phrase, lang, ZONES[lang], WEDNESDAY)
        return
    assert _rule(phrase, lang) == expected


@pytest.mark.parametrize("phrase", ["setiap 2 minggu", "setiap 2 Minggu", "tiap 3 minggu", "setiap 2 minggu 10.00"])
def test_indonesian_every_two_weeks_is_not_sunday(phrase: str) -> None:
    """A number before "minggu" makes it the unit "week": nobody means "every 2 Sundays"."""
    unit, interval, _, weekday, _ = _rule(phrase, "id")
    assert (unit, weekday) == ("week", WED)
    assert interval > 1


@pytest.mark.parametrize(
    ("phrase", "weekday"),
    [
        ("setiap hari Minggu 09:00", SUN),  # "hari Minggu" is always the day
        ("setiap hari minggu", SUN),
        ("setiap Minggu", SUN),  # capitalised, as Indonesian writes day names
        ("setiap Minggu 09.00", SUN),
        ("setiap minggu 09.00", SUN),  # a time of day goes with a day, as in "setiap Senin 09.00"
        ("setiap minggu", WED),  # bare and lower case: every week, from today
        ("tiap minggu", WED),
    ],
)
def test_indonesian_minggu_is_sunday_or_week_as_documented(phrase: str, weekday: int) -> None:
    unit, interval, _, found, _ = _rule(phrase, "id")
    assert (unit, interval, found) == ("week", 1, weekday)


@pytest.mark.parametrize("phrase", ["todo dia 1 09:00", "todo dia 1", "todo dia 01"])
def test_portuguese_todo_dia_with_a_day_number_is_monthly(phrase: str) -> None:
    unit, interval, _, _, monthday = _rule(phrase, "pt")
    assert (unit, interval, monthday) == ("month", 1, 1)


@pytest.mark.parametrize("phrase", ["toda segunda", "toda segunda-feira 09:00", "todas as segundas"])
def test_portuguese_toda_segunda_is_weekly_on_monday(phrase: str) -> None:
    assert _rule(phrase, "pt")[:1] + _rule(phrase, "pt")[3:4] == ("week", MON)


@pytest.mark.parametrize("phrase", ["every day", "毎日", "每天", "每日"])
def test_every_day_is_daily_not_sunday(phrase: str) -> None:
    """Japanese 日 is also Sunday's short name; 毎日 is still every day."""
    assert _rule(phrase, "ja" if phrase == "毎日" else "zh")[0] == "day"


@pytest.mark.parametrize(
    ("lang", "words", "note", "unit"),
    [
        ("en", "every week send the report", "send the report", "week"),
        ("en", "every 2 weeks send report", "send report", "week"),
        ("en", "every day 8:30 stand-up", "stand-up", "day"),
        ("en", "every month on the 1st send the invoice", "send the invoice", "month"),
        ("de", "jeden Monat am 1. Rechnung schicken", "Rechnung schicken", "month"),
        ("id", "setiap 2 minggu kirim laporan", "kirim laporan", "week"),
        ("id", "setiap minggu kirim laporan", "kirim laporan", "week"),
        ("pt", "todo dia 1 09:00 enviar o relatório", "enviar o relatório", "month"),
        ("pt", "toda segunda reunião de equipe", "reunião de equipe", "week"),
    ],
)
def test_a_recurrence_does_not_swallow_the_note(lang: str, words: str, note: str, unit: str) -> None:
    when, rest = split_when(words.split(), lang, ZONES[lang], WEDNESDAY)
    assert (when.rule.unit, rest) == (unit, note)


@pytest.mark.parametrize(
    ("lang", "phrase", "expected"),
    [
        ("id", "besok 09.00", "Thu 2026-11-26 09:00"),
        ("id", "besok 23.59", "Thu 2026-11-26 23:59"),
        ("de", "morgen 9.30 Uhr", "Thu 2026-11-26 09:30"),
        ("de", "morgen 15.00", "Thu 2026-11-26 15:00"),  # 00 is no month: a time
    ],
)
def test_dotted_times_where_unambiguous(lang: str, phrase: str, expected: str) -> None:
    assert local(parse_when(phrase, lang, ZONES[lang], WEDNESDAY).moment, lang) == expected


@pytest.mark.parametrize(("lang", "phrase"), [("id", "besok 24.00"), ("id", "besok 09.60")])
def test_dotted_numbers_out_of_range_are_no_times(lang: str, phrase: str) -> None:
    with pytest.raises(Refusal):
        parse_when(phrase, lang, ZONES[lang], WEDNESDAY)


# --- the examples the catalogs show must parse ------------------------------------------------------

_END = r"(?:(?![,，、。　;；]|\.(?:\s|$)).)+"


def _catalog_examples(command: str, first_per_line: bool = False) -> list[tuple[str, str]]:
    """("de", "#7 Freitag 10:00 bitte die Agenda schicken") for each example of `/command` in a catalog.

    Synopses (with <…> or […]) are skipped; with `first_per_line`, so is prose after the first
    example ("也可以用 /commit 回复一条消息": "you can also reply with /commit").
    """
    from bridgebot.i18n import CATALOG, locales_dir

    found = []
    group_code = {"zh_Hant": "zt"}  # the catalog a group of that code reads
    for path in sorted(locales_dir().glob(f"*/{CATALOG}")):
        for line in path.read_text(encoding="utf-8").splitlines():
            for match in re.finditer(rf"/{command} ({_END})", line):
                example = match.group(1).strip()
                if "<" not in example and "[" not in example and not example.startswith(("cancel", "settings")):
                    found.append((group_code.get(path.parent.name, path.parent.name), example))
                    if first_per_line:
                        break
    return found


FOLLOWUP_EXAMPLES = _catalog_examples("followup")
DUE_EXAMPLES = _catalog_examples("due")
COMMIT_EXAMPLES = _catalog_examples("commit", first_per_line=True)


def test_every_catalog_shows_followup_due_and_commit_examples() -> None:
    for examples, least in ((FOLLOWUP_EXAMPLES, 4), (DUE_EXAMPLES, 1), (COMMIT_EXAMPLES, 1)):
        counts = {lang: sum(1 for code, _ in examples if code == lang) for lang in ZONES}
        assert all(count >= least for count in counts.values()), counts


@pytest.mark.parametrize(("lang", "example"), FOLLOWUP_EXAMPLES)
def test_followup_examples_in_the_catalogs_parse(lang: str, example: str) -> None:
    """Each says "friday 10:00 [note]" or "every monday 09:00" in its language."""
    _target, *words = example.split()
    when, _note = split_when(words, lang, ZONES[lang], WEDNESDAY)
    if when.rule:
        assert (when.rule.unit, when.rule.weekday, when.rule.at) == ("week", MON, "09:00")
    else:
        assert local(when.moment, lang) == "Fri 2026-11-27 10:00"


@pytest.mark.parametrize(("lang", "example"), DUE_EXAMPLES)
def test_due_examples_in_the_catalogs_parse(lang: str, example: str) -> None:
    _target, phrase = example.split(maxsplit=1)
    assert parse_due(phrase, lang, ZONES[lang], WEDNESDAY) > WEDNESDAY


@pytest.mark.parametrize(("lang", "example"), COMMIT_EXAMPLES)
def test_commit_examples_in_the_catalogs_parse(lang: str, example: str) -> None:
    promise, due = extract_due(example, lang, ZONES[lang], WEDNESDAY)
    assert promise and due is not None and due > WEDNESDAY


@pytest.mark.parametrize(
    ("lang", "phrases"),
    [
        # error-when-unreadable and error-date-unreadable suggest these; they must work as suggested
        ("en", ["in 3d", "tomorrow 10:00", "2026-12-01 09:30", "friday 15:00", "every monday 09:00"]),
        ("de", ["in 3d", "morgen 10:00", "2026-12-01 09:30", "Freitag 15:00", "jeden Montag 09:00"]),
        ("zh", ["in 3d", "明天 10:00", "2026-12-01 09:30", "周五 15:00", "每周一 09:00"]),
        ("es", ["en 3 días", "mañana 10:00", "2026-12-01 09:30", "viernes 15:00", "cada lunes 09:00"]),
        ("fr", ["dans 3 jours", "demain 10:00", "2026-12-01 09:30", "vendredi 15:00", "chaque lundi 09:00"]),
        ("pt", ["em 3 dias", "amanhã 10:00", "2026-12-01 09:30", "sexta-feira 15:00", "toda segunda-feira 09:00"]),
        ("ja", ["in 3d", "明日 10:00", "2026-12-01 09:30", "金曜日 15:00", "毎週月曜日 09:00"]),
        ("id", ["dalam 3 hari", "besok 10:00", "2026-12-01 09:30", "Jumat 15:00", "setiap Senin 09:00"]),
        ("en", ["2026-12-04", "friday", "tomorrow", "in 2 weeks"]),
        ("de", ["2026-12-04", "Freitag", "morgen", "in 2 Wochen"]),
        ("zh", ["2026-12-04", "周五", "明天", "两周后"]),
        ("es", ["2026-12-04", "viernes", "mañana", "en 2 semanas"]),
        ("fr", ["2026-12-04", "vendredi", "demain", "dans 2 semaines"]),
        ("pt", ["2026-12-04", "sexta-feira", "amanhã", "em 2 semanas"]),
        ("ja", ["2026-12-04", "金曜日", "明日", "2週間後"]),
        ("id", ["2026-12-04", "Jumat", "besok", "dalam 2 minggu"]),
    ],
)
def test_suggestions_in_the_error_messages_parse(lang: str, phrases: list[str]) -> None:
    for phrase in phrases:
        _when, note = split_when(phrase.split(), lang, ZONES[lang], WEDNESDAY)
        assert note == "", phrase


@pytest.mark.parametrize("lang", sorted(ZONES))
@pytest.mark.parametrize(
    "rule",
    [
        Rule("day", 1, "09:00", ""),
        Rule("day", 3, "18:30", ""),
        Rule("week", 1, "09:00", "", weekday=0),
        Rule("week", 2, "10:15", "", weekday=4),
        Rule("month", 1, "09:00", "", monthday=1),
        Rule("month", 3, "08:00", "", monthday=15),
    ],
    ids=["daily", "every-3-days", "monday", "every-2-weeks-friday", "monthly-1st", "quarterly-15th"],
)
def test_a_rule_as_the_bot_prints_it_can_be_typed_back(lang: str, rule: Rule) -> None:
    """People copy the confirmation ("täglich um 09:00") into their next /followup."""
    printed = describe_rule(Catalogs(), rule, lang)
    parsed = parse_when(printed, lang, ZONES[lang], WEDNESDAY).rule
    assert parsed is not None, printed
    assert (parsed.unit, parsed.interval, parsed.at, parsed.weekday, parsed.monthday) == (
        rule.unit,
        rule.interval,
        rule.at,
        rule.weekday,
        rule.monthday,
    ), printed


NOTES = {
    "en": "send the report",
    "de": "Bericht schicken",
    "es": "enviar el informe",
    "fr": "envoyer le rapport",
    "pt": "enviar o relatório",
    "ja": "報告を送る",
    "zh": "发送报告",
    "id": "kirim laporan",
    "zt": "傳送報告",
}


@pytest.mark.parametrize("lang", sorted(ZONES))
@pytest.mark.parametrize(
    "rule",
    [
        Rule("day", 3, "18:30", ""),
        Rule("week", 1, "09:00", "", weekday=0),
        Rule("week", 2, "10:15", "", weekday=4),
        Rule("month", 1, "09:00", "", monthday=1),
        Rule("month", 3, "08:00", "", monthday=15),
    ],
    ids=["every-3-days", "monday", "every-2-weeks-friday", "monthly-1st", "quarterly-15th"],
)
def test_a_printed_rule_followed_by_a_note_splits_into_both(lang: str, rule: Rule) -> None:
    """The longest printed rule has 9 words ("cada 3 meses, el día 15, a las 08:00"); none eats the note."""
    printed = describe_rule(Catalogs(), rule, lang)
    when, note = split_when(f"{printed} {NOTES[lang]}".split(), lang, ZONES[lang], WEDNESDAY)
    assert when.rule is not None, printed
    assert (when.rule.unit, when.rule.interval, when.rule.at, when.rule.weekday, when.rule.monthday) == (
        rule.unit,
        rule.interval,
        rule.at,
        rule.weekday,
        rule.monthday,
    ), printed
    assert note == NOTES[lang], printed


@pytest.mark.parametrize(
    ("lang", "words", "rule", "note"),
    [
        ("de", "jeden Montag um 09:00 Bericht schicken", ("week", 1, "09:00", MON, None), "Bericht schicken"),
        ("de", "alle 2 Wochen am Freitag um 10:15 den Bericht", ("week", 2, "10:15", FRI, None), "den Bericht"),
        ("de", "jeden Monat am 1. den Bericht", ("month", 1, "09:00", None, 1), "den Bericht"),
        ("en", "every monday on the agenda", ("week", 1, "09:00", MON, None), "on the agenda"),
        ("en", "every day 1 report", ("day", 1, "09:00", None, None), "1 report"),  # no "on day": no monthday
        ("fr", "toutes les 2 semaines, le vendredi, à 10:15 le rapport", ("week", 2, "10:15", FRI, None), "le rapport"),
        ("pt", "todos os meses, no dia 1, às 09:00 no escritório", ("month", 1, "09:00", None, 1), "no escritório"),
        ("es", "cada mes, el día 1, a las 09:00 el informe", ("month", 1, "09:00", None, 1), "el informe"),
        ("id", "setiap 2 minggu pada hari Jumat pukul 10:15 pada rapat", ("week", 2, "10:15", FRI, None), "pada rapat"),
    ],
)
def test_a_link_word_at_the_end_of_a_rule_belongs_to_the_note(lang: str, words: str, rule: tuple, note: str) -> None:
    when, rest = split_when(words.split(), lang, ZONES[lang], WEDNESDAY)
    assert (when.rule.unit, when.rule.interval, when.rule.at, when.rule.weekday, when.rule.monthday) == rule
    assert rest == note


@pytest.mark.parametrize(
    ("lang", "phrase", "expected"),
    [
        ("en", "every 2 weeks on friday 10:15", ("week", 2, "10:15", FRI, None)),
        ("en", "every month on day 1", ("month", 1, "09:00", None, 1)),
        ("de", "alle 2 Wochen am Freitag", ("week", 2, "09:00", FRI, None)),
        ("de", "jeden Montag 9 Uhr", ("week", 1, "09:00", MON, None)),
        ("de", "jeden Montag um 9.30 Uhr", ("week", 1, "09:30", MON, None)),
        ("fr", "tous les lundis 9h30", ("week", 1, "09:30", MON, None)),
        ("fr", "tous les 3\u202fmois le 15 à 8h", ("month", 3, "08:00", None, 15)),  # narrow no-break space
        ("es", "cada 2 semanas el viernes", ("week", 2, "09:00", FRI, None)),
        ("pt", "a cada 2 semanas na sexta", ("week", 2, "09:00", FRI, None)),
        ("ja", "2週間ごとの金曜日", ("week", 2, "09:00", FRI, None)),
        ("zh", "每两周的星期五 10:15", ("week", 2, "10:15", FRI, None)),
        ("zh", "每月 15 号", ("month", 1, "09:00", None, 15)),
        ("id", "setiap minggu pada hari Jumat", ("week", 1, "09:00", FRI, None)),
    ],
)
def test_rules_with_link_words_as_people_type_them(lang: str, phrase: str, expected: tuple) -> None:
    assert _rule(phrase, lang) == expected


@pytest.mark.parametrize(
    ("lang", "phrase"),
    [
        ("en", "every 2 weeks on"),
        ("en", "every 2 weeks on the"),
        ("en", "every month on day"),
        ("en", "every month on day 32"),
        ("en", "every the the 1st"),
        ("en", "every 2 months on friday"),
        ("en", "every 2 days on friday"),
        ("en", "every day 1"),
        ("de", "alle 2 Wochen am Bericht"),
        ("de", "jeden Montag am"),
        ("es", "cada mes, el"),
        ("fr", "chaque mois, le"),
        ("id", "setiap bulan pada"),
        ("zh", "每 2 周的"),
        ("ja", "2週間ごとの報告"),
    ],
)
def test_link_words_alone_make_no_rule(lang: str, phrase: str) -> None:
    with pytest.raises(Refusal):
        parse_when(phrase, lang, ZONES[lang], WEDNESDAY)


@pytest.mark.parametrize("tz", ["Europe/Berlin", "America/Mexico_City", "Asia/Tokyo", "Pacific/Pago_Pago"])
@pytest.mark.parametrize(
    "phrase", ["9999-12-31 23:00", "9999-12-31", "2100-01-01 10:00", "in 9999d", "every 999 months", "every 600 weeks"]
)
def test_times_beyond_ten_years_are_refused_in_every_zone(tz: str, phrase: str) -> None:
    """Near year 9999 a time zone sum overflowed (OverflowError, not a reply) in zones west of UTC."""
    with pytest.raises(Refusal) as refused:
        split_when([*phrase.split(), "note"], "en", tz, NOW)
    assert refused.value.key == "error-date-too-far"
    assert refused.value.args_["years"] == 10


def test_times_within_ten_years_are_still_read() -> None:
    assert parse_when("2036-11-01 10:00", "en", BERLIN, NOW).moment == datetime(2036, 11, 1, 9, 0, tzinfo=UTC)
    assert parse_when("every 12 months", "en", BERLIN, NOW).rule.interval == 12


def test_working_hours_leave_a_moment_at_the_end_of_time_as_it_is() -> None:
    """A due date stored in year 9999 by an older version: the next opening lies past datetime's end."""
    end = datetime(9999, 12, 31, 22, 0, tzinfo=UTC)  # a Friday, 23:00 in Berlin
    assert WorkingHours().next_allowed(end, BERLIN) == end
