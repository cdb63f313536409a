"""When a follow-up fires: `<when>` as coordinators type it, recurrences, and working hours.

A one-off time ("tomorrow 10:00", "in 3d", "2026-12-01 09:30") is one moment, read in the issuing
group's zone. A recurrence ("every monday 09:00", "jeden Montag 9:00", "每周一 09:00", "every 2 weeks",
"every month on the 1st") is a wall-clock rule that each group reads in its own zone, so "09:00" is
09:00 in Hamburg and 09:00 in Guadalajara, before and after a DST change. Dates are read by
`dateparser` (through `dates.parse_due`); weekday names come from Babel's CLDR data; this module
only knows the few words that say "every".
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError

from bridgebot.services.dates import parse_due
from bridgebot.services.refusal import Refusal

DEFAULT_TIME = time(9, 0)
# The longest `<when>` we try to read, in words; what follows it is the note.
MAX_WHEN_WORDS = 7

_EVERY = re.compile(
    r"^(?:every|each|jeden|jede|jedes|alle|cada|todos\s+los|todas\s+las|chaque|tous\s+les|toutes\s+les"
    r"|toda|todo|todas\s+as|todos\s+os|setiap|tiap|每个?|毎)(?:\s+|(?=\w)|$)",
    re.IGNORECASE,
)
_UNITS = {
    "day": r"days?|tage?n?|t[äa]glich|d[ií]as?|jours?|dias?|hari|天|日",
    "week": r"weeks?|wochen?|semanas?|semaines?|minggu|周|週|星期|礼拜",
    "month": r"months?|monate?n?|mes(?:es)?|mois|m[êe]s|meses|bulan|月|ヶ月|か月",
}
_NUMBER_WORDS = {
    "other": 2,
    "two": 2,
    "zwei": 2,
    "zweite": 2,
    "dos": 2,
    "deux": 2,
    "dois": 2,
    "duas": 2,
    "dua": 2,
    "两": 2,
    "二": 2,
    "three": 3,
    "drei": 3,
    "dritte": 3,
    "tres": 3,
    "trois": 3,
    "três": 3,
    "tiga": 3,
    "三": 3,
    "four": 4,
    "vier": 4,
    "cuatro": 4,
    "quatre": 4,
    "quatro": 4,
    "empat": 4,
    "四": 4,
}
_TIME = re.compile(
    r"(?<!\d)(?P<h>[01]?\d|2[0-3])(?:[:：.h](?P<m>[0-5]\d))?\s*(?P<suffix>am|pm|a\.m\.|p\.m\.|uhr|h|点|時)?(?!\w)",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(r"(?<!\d)(?P<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th|er|e|º|\.|日|号|號)?(?!\d)")
_COMPACT = re.compile(r"^(?:in\s*)?(?P<n>\d{1,4})\s*(?P<unit>m|min|h|d|w)$", re.IGNORECASE)
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
            if refusal.key == "error-date-past":
                raise
    raise Refusal("error-when-unreadable", when=" ".join(words[:3]))


def parse_when(phrase: str, lang: str, tz: str, now: datetime) -> When:
    phrase = phrase.strip()
    every = _EVERY.match(phrase)
    if every:
        return When(rule=parse_rule(phrase[every.end() :], lang, tz, now))
    return When(moment=parse_moment(phrase, lang, tz, now))


def parse_moment(phrase: str, lang: str, tz: str, now: datetime) -> datetime:
    """One moment in UTC: "in 3d", "tomorrow 10:00", "friday 15:00", "2026-12-01 09:30", "明天 10:00"."""
    compact = _COMPACT.match(phrase)
    if compact:
        unit = _COMPACT_UNITS[compact.group("unit").lower()]
        return now.astimezone(UTC) + timedelta(**{unit: int(compact.group("n"))})
    if not phrase or _EVERY.match(phrase):
        raise Refusal("error-when-unreadable", when=phrase)
    clock, rest = _take_time(phrase)
    if clock is None:
        return parse_due(phrase, lang, tz, now, bare_day=DEFAULT_TIME)
    if not rest:
        return _next_at(clock, tz, now)
    try:
        # The end of the named day is never past for "today", so the day alone can be read.
        day = parse_due(rest, lang, tz, now, bare_day=time(23, 59)).astimezone(ZoneInfo(tz)).date()
    except Refusal:
        # dateparser reads some phrases only whole ("in 2 hours", "next monday 9am").
        return parse_due(phrase, lang, tz, now, bare_day=clock)
    moment = datetime.combine(day, clock, ZoneInfo(tz)).astimezone(UTC)
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


def _take_time(phrase: str) -> tuple[time | None, str]:
    """A clock time in `phrase` ("15:00", "3pm", "15 Uhr", "15点"), and the phrase without it."""
    for match in _TIME.finditer(phrase):
        if match.group("m") is None and match.group("suffix") is None:
            continue
        hour = int(match.group("h"))
        suffix = (match.group("suffix") or "").lower().replace(".", "")
        if suffix in ("am", "pm"):
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if suffix == "pm" else 0)
        rest = (phrase[: match.start()] + " " + phrase[match.end() :]).strip(" ,")
        rest = re.sub(r"\s+(?:at|um|à|a las|às|pukul|jam)$", "", rest, flags=re.IGNORECASE).strip()
        rest = re.sub(r"^(?:at|um|à|a las|às|pukul|jam)\s+", "", rest, flags=re.IGNORECASE).strip()
        return time(hour, int(match.group("m") or 0)), rest
    return None, phrase


def parse_rule(spec: str, lang: str, tz: str, now: datetime) -> Rule:
    """What follows "every": "monday 09:00", "2 weeks", "month on the 1st", "周一 09:00", "Tag 8:30"."""
    clock, rest = _take_time(spec.strip())
    rest = rest.strip()
    today = now.astimezone(ZoneInfo(tz)).date()
    interval, rest = _take_interval(rest)
    at = (clock or DEFAULT_TIME).strftime("%H:%M")
    after_unit = re.sub(rf"^(?:{_UNITS['week']})\s*", "", rest, flags=re.IGNORECASE)
    weekday = weekday_in(rest, lang)
    if weekday is None:
        weekday = weekday_in(after_unit, lang)
    if weekday is not None:
        return Rule("week", interval, at, today.isoformat(), weekday=weekday)
    unit = next((name for name, pattern in _UNITS.items() if re.match(rf"^(?:{pattern})", rest, re.IGNORECASE)), None)
    if unit is None:
        raise Refusal("error-when-unreadable", when=spec.strip())
    if unit == "week":
        return Rule("week", interval, at, today.isoformat(), weekday=today.weekday())
    if unit == "month":
        found = _MONTH_DAY.search(re.sub(rf"^(?:{_UNITS['month']})", "", rest, flags=re.IGNORECASE))
        monthday = int(found.group("d")) if found else today.day
        return Rule("month", interval, at, today.isoformat(), monthday=monthday)
    return Rule("day", interval, at, today.isoformat())


def _take_interval(text: str) -> tuple[int, str]:
    """ "2 weeks", "other week", "zwei Wochen", "两周": (2, the rest); no number means 1."""
    match = re.match(r"^(\d{1,3})\s*", text) or re.match(r"^([两二三四])", text) or re.match(r"^(\w+)\s+", text)
    if match is None:
        return 1, text
    word = match.group(1).lower()
    number = int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
    if not number:
        return 1, text
    return number, text[match.end() :].strip()


def weekday_in(text: str, lang: str) -> int | None:
    """Monday = 0 for a weekday name in `lang` or English ("Montag", "lundis", "周一", "月曜日")."""
    word = text.strip().lower().rstrip(".")
    if not word:
        return None
    for code in dict.fromkeys((lang, "en")):
        for names in _weekday_names(code):
            for number, name in names.items():
                name = name.lower().rstrip(".")
                if word == name or (word.startswith(name) and len(name) >= 2 and _plural_or_suffix(word, name)):
                    return number
    return None


def _plural_or_suffix(word: str, name: str) -> bool:
    """ "mondays", "lundis", "Montags"; "星期一" also accepts "星期一的"."""
    return word[len(name) :] in ("s", "es", "的")


def _weekday_names(lang: str) -> list[dict[int, str]]:
    try:
        days = Locale.parse(lang).days
    except (UnknownLocaleError, ValueError):
        return []
    return [days["format"]["wide"], days["format"]["abbreviated"], days["stand-alone"]["abbreviated"]]


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
        """`moment` itself when allowed, else the start of the next working period in `tz`."""
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
