"""When a follow-up fires: `<when>` as coordinators type it, recurrences, and working hours.

A one-off time ("tomorrow 10:00", "in 3d", "2026-12-01 09:30") is one moment, read in the issuing
group's zone. A recurrence ("every monday 09:00", "jeden Montag 9:00", "每周一 09:00", "every 2 weeks",
"every month on the 1st") is a wall-clock rule that each group reads in its own zone, so "09:00" is
09:00 in Hamburg and 09:00 in Guadalajara, before and after a DST change. Dates are read by
`dateparser` (through `dates.parse_due`); weekday names come from Babel's CLDR data (`dates.weekday_in`).

This module knows the words of recurrences, as tables that hold every UI language at once (a
German group may type English): the words that say "every" (_EVERY), units (_UNITS), numbers,
the words around a day of the month (_MONTHDAY) and the small words that link the parts of a
rule (_LINKS: "every 2 weeks *on* Friday", "alle 2 Wochen *am* Freitag", "每 2 周*的*星期五").
Whatever `describe_rule` prints for a rule reads back as that rule, with its commas and no-break
spaces ("toutes les 2 semaines, le vendredi, à 10:15", "每 3 个月 15 日 08:00"). A recurrence must be read whole: "every
week send the report" is "every week" and the note "send the report", never a rule that ate it;
a link word is skipped only between two parts, never at the end where a note may begin.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError

from bridgebot.services.dates import (
    DAY_WORDS,
    FINAL_REFUSALS,
    HORIZON,
    HORIZON_YEARS,
    cjk_number,
    names_weekday_or_week,
    parse_due,
    reading_language,
    weekday_in,
    within_horizon,
)
from bridgebot.services.refusal import Refusal

DEFAULT_TIME = time(9, 0)
# The longest `<when>` we try to read, in words; what follows it is the note. The longest rule the
# bot prints has 9 ("cada 3 meses, el día 15, a las 08:00", "a cada 3 meses, no dia 15, às 08:00").
MAX_WHEN_WORDS = 9

_EVERY = re.compile(
    r"^(?:(?:every|each|jeden|jedes|jede|alle|cada|a\s+cada|todos\s+los|todas\s+las|chaque|tous\s+les"
    r"|toutes\s+les|todos\s+os|todas\s+as|todo|toda|setiap|tiap)(?:\s+|$)|每个|每|毎)",
    re.IGNORECASE,
)
# One word for "every day/week/month", as the confirmations print it ("täglich um 09:00").
_PERIODIC = {
    "day": r"daily|täglich|quotidiennement|diariamente|a\s+diario|harian|setiap\s+harinya",
    "week": r"weekly|wöchentlich|chaque\s+semaine|semanalmente|mingguan",
    "month": r"monthly|monatlich|mensuellement|mensualmente|mensalmente|bulanan",
}
_PERIODIC_WORD = re.compile(
    r"^(?:" + "|".join(f"(?P<{unit}>{words})" for unit, words in _PERIODIC.items()) + r")(?=\s|$)",
    re.IGNORECASE,
)
# "Every other": 隔週 is every two weeks.
_EVERY_OTHER = re.compile(r"^隔(?=[日天周週月])")
# Every as a suffix: 2週間ごと (every two weeks), 2週間ごとの金曜日 (every two weeks on Friday).
_EVERY_AFTER = re.compile(r"(?:ごとに?|毎に)(?=\s|$)|ごとの(?=\S)")
# Portuguese "de 2 em 2 semanas": every two weeks.
_EVERY_N = re.compile(r"^de\s+(?P<n>\w+)\s+em\s+(?P=n)(?:\s+|$)", re.IGNORECASE)
# "… of every month" after the day: "el día 1 de cada mes", "le 1er de chaque mois", "am 1. jedes Monats".
_OF_EVERY_MONTH = re.compile(
    r"(?:^|\s+)(?:of\s+(?:each|every)\s+month|(?:eines\s+)?jeden\s+monats|jedes\s+monats|de\s+cada\s+mes"
    r"|de\s+chaque\s+mois|de\s+cada\s+m[êe]s|de\s+todo\s+m[êe]s|(?:se)?tiap\s+bulan)(?=\s|$)",
    re.IGNORECASE,
)
_UNITS = {
    "day": r"days?|tage?n?|d[ií]as?|jours?|hari|天|日",
    "week": r"weeks?|wochen?|semanas?|semaines?|minggu|pekan|周|週間|週|星期|个星期|個星期|礼拜",
    "month": r"months?|monate?n?|mes(?:es)?|mois|m[êe]s|meses|bulan|月|个月|ヶ月|か月|カ月",
}
# Words that link the parts of a rule and add nothing: between the unit and the weekday or day
# ("weeks on Friday", "Wochen am Freitag", "semanas, el viernes", "mois, le 1er", "meses, no dia 1",
# "minggu pada hari Jumat", "週間の金曜日", "周的星期五"). Words that tie the time on are _TIME_GLUE.
_LINKS: dict[str, tuple[str, ...]] = {
    "en": ("on the", "on", "the"),
    "de": ("am", "den"),
    "es": ("el", "los"),
    "fr": ("le", "les"),
    "pt": ("no", "na", "nos", "nas"),
    "id": ("pada",),
    "ja": ("の",),
    "zh": ("的",),
}
_LINK = "|".join(
    re.escape(word).replace(r"\ ", r"\s+") + ("" if re.match(r"[\u3040-\u9fff]", word) else r"(?=\s)")
    for word in sorted({w for words in _LINKS.values() for w in words}, key=len, reverse=True)
)
# Around a day of the month: "month on the 1st", "Monat am 1.", "mois le 1er", "mes el día 1",
# "mês no dia 1", "bulan tanggal 1", "月1日", "每月 1 日", "1st of the month", "1. des Monats",
# "dia 1", "month on day 1". A day word ("día", "dia", "tanggal", English "on day") says the number
# is a day of the month even without "month" ("todo dia 1", "setiap tanggal 1").
_MONTHDAY = re.compile(
    rf"^(?:(?P<unit>{_UNITS['month']})\s*)?(?:(?:{_LINK})\s*)?"
    r"(?:(?P<word>on\s+day|d[ií]a|tanggal|tgl\.?)\s*)?"
    r"(?P<d>0?[1-9]|[12]\d|3[01])(?P<ordinal>st|nd|rd|th|er|e|º|ª|\.|\s*[日号號])?"
    r"(?P<of>\s*(?:of\s+the\s+month|des\s+monats|du\s+mois|del\s+mes|do\s+m[êe]s))?$",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    "other": 2,
    "two": 2,
    "zwei": 2,
    "zweite": 2,
    "zweiten": 2,
    "dos": 2,
    "deux": 2,
    "dois": 2,
    "duas": 2,
    "dua": 2,
    "three": 3,
    "drei": 3,
    "dritte": 3,
    "dritten": 3,
    "tres": 3,
    "trois": 3,
    "três": 3,
    "tiga": 3,
    "four": 4,
    "vier": 4,
    "cuatro": 4,
    "quatre": 4,
    "quatro": 4,
    "empat": 4,
}
# Clock times: "15:00", "3pm", "15 Uhr", "15h30", "15点", "下午3点", and "09.00" (see _take_time).
_TIME = re.compile(
    r"(?<![\d.])(?P<pre>上午|早上|中午|下午|晚上|午前|午後)?(?P<h>[01]?\d|2[0-3])"
    r"(?:(?P<sep>[:：.h])(?P<m>[0-5]\d))?\s*(?P<suffix>am|pm|a\.m\.|p\.m\.|uhr|h|点|時)?(?!\w)(?![.:]\d)",
    re.IGNORECASE,
)
_PM = ("下午", "晚上", "午後")
# Words that tie a time to the day ("Freitag um 15 Uhr", "hari Senin pukul 09.00", "月曜日の9時").
_TIME_GLUE = re.compile(
    r"(?:^|\s+)(?:at|um|à|a\s+las|às|pukul|jam)$|^(?:at|um|à|a\s+las|às|pukul|jam)\s+|[のに]$", re.I
)
_COMPACT = re.compile(r"^(?:in\s*)?(?P<n>\d{1,4})\s*(?P<unit>m|min|h|d|w)$", re.IGNORECASE)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 31}
_COMPACT_UNITS = {"m": "minutes", "min": "minutes", "h": "hours", "d": "days", "w": "weeks"}


@dataclass(frozen=True, slots=True)
class Rule:
    """A recurrence on the wall clock: every `interval` days/weeks/months at `at`, from `start`."""

    unit: str  # day | week | month
    interval: int
    at: str  # "HH:MM", local to each group
    start: str  # ISO date the rule counts from (the issuing group's today)
    weekday: int | None = None  # Monday = 0, for weekly rules
    monthday: int | None = None  # for monthly rules; 31 means the month's last day in shorter months

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Rule:
        return cls(**json.loads(text))

    @property
    def clock_time(self) -> time:
        hours, minutes = self.at.split(":")
        return time(int(hours), int(minutes))


@dataclass(frozen=True, slots=True)
class When:
    """A parsed `<when>`: exactly one of a moment (UTC) or a rule."""

    moment: datetime | None = None
    rule: Rule | None = None


def split_when(words: list[str], lang: str, tz: str, now: datetime) -> tuple[When, str]:
    """(when, note): the longest run of leading words that reads as a time; the rest is the note."""
    if not words:
        raise Refusal("usage-followup")
    for count in range(min(MAX_WHEN_WORDS, len(words)), 0, -1):
        phrase = " ".join(words[:count])
        try:
            return parse_when(phrase, lang, tz, now), " ".join(words[count:]).strip()
        except Refusal as refusal:
            if refusal.key in FINAL_REFUSALS:
                raise
    raise Refusal("error-when-unreadable", when=" ".join(words[:3]))


def parse_when(phrase: str, lang: str, tz: str, now: datetime) -> When:
    phrase, lang = reading_language(phrase, lang)
    moment_phrase = _spaced(phrase)
    phrase = _plain(phrase)
    every = _EVERY.match(phrase)
    if every:
        return When(rule=parse_rule(phrase[every.end() :], lang, tz, now))
    periodic = _PERIODIC_WORD.match(phrase)
    if periodic:
        return When(rule=parse_rule(f"{periodic.lastgroup} {phrase[periodic.end() :]}", lang, tz, now))
    other = _EVERY_OTHER.match(phrase)
    if other:
        return When(rule=parse_rule(phrase[other.end() :], lang, tz, now, interval=2))
    each = _EVERY_N.match(phrase)
    if each:
        return When(rule=parse_rule(f"{each.group('n')} {phrase[each.end() :]}", lang, tz, now))
    after = _EVERY_AFTER.search(phrase)
    if after:
        return When(rule=parse_rule(phrase[: after.start()] + " " + phrase[after.end() :], lang, tz, now))
    monthly = _OF_EVERY_MONTH.search(phrase)
    if monthly:
        spec = phrase[: monthly.start()] + " " + phrase[monthly.end() :]
        return When(rule=parse_rule(spec, lang, tz, now, monthly=True))
    return When(moment=parse_moment(moment_phrase, lang, tz, now))


def _spaced(text: str) -> str:
    """`text` with each run of white space, no-break and narrow no-break spaces included, as one space."""
    return re.sub(r"[\s\u00a0\u2007\u202f]+", " ", text).strip()


def _plain(text: str) -> str:
    """A rule as words: commas are pauses ("cada mes, el día 1, a las 09:00"), spaces are single."""
    return _spaced(re.sub(r"[,，、]", " ", text))


def parse_moment(phrase: str, lang: str, tz: str, now: datetime) -> datetime:
    """One moment in UTC: "in 3d", "tomorrow 10:00", "friday 15:00", "2026-12-01 09:30", "明天 10:00";
    never more than HORIZON_YEARS ahead."""
    compact = _COMPACT.match(phrase)
    if compact:
        unit = _COMPACT_UNITS[compact.group("unit").lower()]
        return within_horizon(now.astimezone(UTC) + timedelta(**{unit: int(compact.group("n"))}), now, phrase)
    if not phrase or _EVERY.match(phrase):
        raise Refusal("error-when-unreadable", when=phrase)
    clock, rest = _take_time(phrase, lang)
    if clock is None:
        if _looks_like_time(phrase, lang):  # "24:00", "09.60": dateparser would guess a year from it
            raise Refusal("error-when-unreadable", when=phrase)
        return parse_due(phrase, lang, tz, now, bare_day=DEFAULT_TIME)
    if not rest:
        return _next_at(clock, tz, now)
    try:
        # The end of the named day is never past for "today", so the day alone can be read.
        day = parse_due(rest, lang, tz, now, bare_day=time(23, 59)).astimezone(ZoneInfo(tz)).date()
    except Refusal:
        # dateparser reads some phrases only whole ("in 2 hours", "next monday 9am").
        return parse_due(phrase, lang, tz, now, bare_day=clock)
    moment = within_horizon(datetime.combine(day, clock, ZoneInfo(tz)), now, phrase).astimezone(UTC)
    if moment <= now:
        raise Refusal("error-date-past", date=phrase)
    return moment


def _next_at(clock: time, tz: str, now: datetime) -> datetime:
    """A bare "15:00": today at 15:00, or tomorrow if that has passed."""
    zone = ZoneInfo(tz)
    today = now.astimezone(zone).date()
    moment = datetime.combine(today, clock, zone)
    if moment <= now:
        moment = datetime.combine(today + timedelta(days=1), clock, zone)
    return moment.astimezone(UTC)


def _take_time(phrase: str, lang: str = "en") -> tuple[time | None, str]:
    """A clock time in `phrase` ("15:00", "3pm", "15 Uhr", "下午3点", "09.00"), and the phrase without it.

    A dot between hours and minutes is a time where the language writes times that way
    (Indonesian "09.00"); elsewhere only where it cannot be a day and month ("9.30", "15.00",
    "9.30 Uhr", but not German "1.12", the first of December). Dotted runs ("1.12.", "01.12.2026")
    are dates everywhere.
    """
    for match in _TIME.finditer(phrase):
        pre, minutes, suffix = match.group("pre"), match.group("m"), (match.group("suffix") or "").lower()
        if minutes is None and not suffix and not pre:
            continue
        could_be_a_date = 1 <= int(minutes or 0) <= 12 and 1 <= int(match.group("h")) <= 31
        if match.group("sep") == "." and could_be_a_date and not (suffix or pre or _dotted_times(lang)):
            continue
        hour = int(match.group("h"))
        suffix = suffix.replace(".", "")
        if suffix in ("am", "pm"):
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if suffix == "pm" else 0)
        elif pre in _PM and hour < 12:
            hour += 12
        rest = (phrase[: match.start()] + " " + phrase[match.end() :]).strip(" ,")
        rest = _TIME_GLUE.sub("", rest).strip()
        return time(hour, int(minutes or 0)), rest
    return None, phrase


def _looks_like_time(phrase: str, lang: str) -> bool:
    """ "HH:MM" (or "HH.MM" where that cannot be a day and month) that _take_time found no time in."""
    for match in re.finditer(r"(?<![\d.])(?P<h>\d{1,2})(?P<sep>[:：.])(?P<m>\d{2})(?![.:\d])", phrase):
        if match.group("sep") != "." or _dotted_times(lang) or not 1 <= int(match.group("m")) <= 12:
            return True
    return False


@cache
def _dotted_times(lang: str) -> bool:
    """True where CLDR writes short times with a dot between hours and minutes (Indonesian "HH.mm")."""
    try:
        return "." in Locale.parse(lang).time_formats["short"].pattern
    except (UnknownLocaleError, ValueError):
        return False


def parse_rule(
    spec: str, lang: str, tz: str, now: datetime, *, interval: int | None = None, monthly: bool = False
) -> Rule:
    """What follows "every", whole: "monday 09:00", "2 weeks", "month on the 1st", "周一 09:00", "Tag 8:30".

    Indonesian "minggu" is both "week" and "Sunday" (Minggu). After a number it is the week
    ("setiap 2 minggu", "setiap dua minggu": nobody says "every two Sundays"); after "hari" it is
    Sunday ("setiap hari Minggu"); alone it is Sunday when written capitalised, as Indonesian
    writes day names, or when a time of day follows, as in "setiap Senin 09.00" ("setiap Minggu",
    "setiap minggu 09.00"), and otherwise the week ("setiap minggu": every week from today). The
    confirmation names the weekday, so a misreading shows at once.

    `interval` is given by the caller for "every other" words (隔週); `monthly` when the phrase said
    "of every month" itself ("el día 1 de cada mes"), so a bare day number is enough. A rule whose
    period is longer than HORIZON_YEARS ("every 999 months") is refused like a date that far ahead.
    """
    rule = _parse_rule(spec, lang, tz, now, interval, monthly)
    if rule.interval * _UNIT_DAYS[rule.unit] > HORIZON.days:
        raise Refusal("error-date-too-far", date=spec, years=HORIZON_YEARS)
    return rule


def _parse_rule(spec: str, lang: str, tz: str, now: datetime, interval: int | None, monthly: bool) -> Rule:
    spec = _plain(spec)
    clock, rest = _take_time(spec, lang)
    today = now.astimezone(ZoneInfo(tz)).date()
    number, rest = _take_interval(rest.strip())
    every = (interval or 1) * (number or 1)
    at = (clock or DEFAULT_TIME).strftime("%H:%M")
    start = today.isoformat()
    if not monthly:
        unit = _unit(rest)
        sunday_or_week = unit == "week" and names_weekday_or_week(rest, lang) and number is None
        if sunday_or_week and (rest[:1].isupper() or clock is not None):
            return Rule("week", every, at, start, weekday=weekday_in(rest, lang))
        if unit is not None:
            weekday = today.weekday() if unit == "week" else None
            monthday = today.day if unit == "month" else None
            return Rule(unit, every, at, start, weekday=weekday, monthday=monthday)
        weekday = _weekday(rest, lang)
        if weekday is not None:
            return Rule("week", every, at, start, weekday=weekday)
    monthday = _monthday(rest, monthly)
    if monthday is not None:
        return Rule("month", every, at, start, monthday=monthday)
    raise Refusal("error-when-unreadable", when=spec)


def _unit(text: str) -> str | None:
    """ "day", "week" or "month" for a unit word on its own ("weeks", "Wochen", "週間", "bulan")."""
    return next((name for name, words in _UNITS.items() if re.fullmatch(words, text, re.IGNORECASE)), None)


def _weekday(text: str, lang: str) -> int | None:
    """A weekday, maybe after "week", a link and a day word: "Montag", "周一", "週月曜日", "hari Senin",
    "weeks on monday", "Wochen am Freitag", "minggu pada hari Jumat", "周的星期五"."""
    day_words = "|".join(re.escape(w) for code in (lang, "en") for w in DAY_WORDS.get(code, ()))
    bare = re.sub(
        rf"^(?:(?:{_UNITS['week']})\s*)?(?:(?:{_LINK})\s*)?(?:(?:{day_words})\s*)?", "", text, flags=re.IGNORECASE
    )
    for candidate in dict.fromkeys((text, bare)):
        if len(candidate) >= 2 or not re.match(r"[\u3040-\u9fff]", candidate):
            weekday = weekday_in(candidate, lang)
            if weekday is not None:
                return weekday
    return None


def _monthday(text: str, monthly: bool) -> int | None:
    """The day in "month on the 1st", "Monat am 1.", "月1日", "dia 1", "1st of the month".

    Without "month" around it a bare number is no day ("every 15"): it needs an ordinal ("every
    1st"), a day word ("todo dia 1", "setiap tanggal 1") or `monthly`.
    """
    match = _MONTHDAY.match(text.strip())
    if match is None:
        return None
    if not (monthly or match.group("word") or match.group("unit") or match.group("of") or match.group("ordinal")):
        return None
    return int(match.group("d"))


def _take_interval(text: str) -> tuple[int | None, str]:
    """ "2 weeks", "other week", "zwei Wochen", "两周", "2週間": (2, the rest); (None, text) without a number."""
    match = (
        re.match(r"^(\d{1,3})(?:\s+|(?=[\u3040-\u9fff]))", text)
        or re.match(r"^([一二两三四五六七八九十]+)(?=[周週星个個天日月か])", text)
        or re.match(r"^(\w+)\s+", text)
    )
    if match is None:
        return None, text
    word = match.group(1).lower()
    number = int(word) if word.isdigit() else (_NUMBER_WORDS.get(word) or cjk_number(word))
    if not number:
        return None, text
    return number, text[match.end() :].strip()


def occurrences(rule: Rule, tz: str, after: datetime) -> tuple[date, datetime]:
    """The first (local date, UTC moment) of `rule` in `tz` strictly after `after`."""
    zone = ZoneInfo(tz)
    start = date.fromisoformat(rule.start)
    day = max(after.astimezone(zone).date(), start)
    for _ in range(400 * rule.interval + 32):
        if _matches(rule, start, day):
            moment = datetime.combine(day, rule.clock_time, zone).astimezone(UTC)
            if moment > after:
                return day, moment
        day += timedelta(days=1)
    raise ValueError(f"rule {rule} never fires")


def _matches(rule: Rule, start: date, day: date) -> bool:
    if rule.unit == "day":
        return (day - start).days % rule.interval == 0
    if rule.unit == "week":
        weeks = (day - (start - timedelta(days=start.weekday()))).days // 7
        return day.weekday() == rule.weekday and weeks % rule.interval == 0
    months = (day.year - start.year) * 12 + day.month - start.month
    last = (date(day.year + day.month // 12, day.month % 12 + 1, 1) - timedelta(days=1)).day
    return months % rule.interval == 0 and day.day == min(rule.monthday or start.day, last)


@dataclass(frozen=True, slots=True)
class WorkingHours:
    """When automatic nudges may arrive in a group: weekdays (Monday = 0) between two local times."""

    start: time = time(8, 0)
    end: time = time(20, 0)
    days: frozenset[int] = frozenset(range(5))

    def contains(self, moment: datetime, tz: str) -> bool:
        local = moment.astimezone(ZoneInfo(tz))
        return local.weekday() in self.days and self.start <= local.time() < self.end

    def next_allowed(self, moment: datetime, tz: str) -> datetime:
        """`moment` itself when allowed, else the start of the next working period in `tz`.

        A moment at datetime's end (a due date stored before dates were bounded) stays as it is:
        moving it into `tz` or a day on would overflow.
        """
        try:
            return self._next_allowed(moment, tz)
        except OverflowError:
            return moment

    def _next_allowed(self, moment: datetime, tz: str) -> datetime:
        if not self.days or self.contains(moment, tz):
            return moment
        zone = ZoneInfo(tz)
        local = moment.astimezone(zone)
        day = local.date()
        for _ in range(8):
            opening = datetime.combine(day, self.start, zone)
            if day.weekday() in self.days and opening >= local:
                return opening.astimezone(UTC)
            day += timedelta(days=1)
        return moment
