"""`<when>` as coordinators type it, in their language; recurrences read in each group's own zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bridgebot.services.refusal import Refusal
from bridgebot.services.schedule import Rule, WorkingHours, occurrences, parse_when, split_when

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
