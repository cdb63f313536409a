"""Due dates as officers type them, in their group's language and time zone.

`dateparser` does the reading ("Freitag", "in 2 Wochen", "viernes", "明天"); this module only finds
where the date starts in a command ("… by friday", "… bis Freitag", "…下周五之前") and fills two
gaps measured here: Spanish/French articles before weekdays ("el viernes") and Chinese
"下周五"-style weekdays, which dateparser 1.2 does not read.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import dateparser

from bridgebot.services.refusal import Refusal

# Words that introduce a due date, per language; the date is what follows the last one.
MARKERS: dict[str, tuple[str, ...]] = {
    "en": ("by", "until", "before", "due"),
    "de": ("bis zum", "bis", "spätestens", "vor"),
    "es": ("antes del", "antes de", "para el", "hasta el", "para"),
    "fr": ("d'ici", "avant le", "avant", "pour le"),
    "pt": ("até", "antes de"),
    "id": ("paling lambat", "sebelum"),
}
# Relative phrases whose first word belongs to the date ("in 2 weeks", "dans 3 jours").
RELATIVE: dict[str, tuple[str, ...]] = {"en": ("in",), "de": ("in",), "es": ("en",), "fr": ("dans",), "pt": ("em",)}
_CJK_SUFFIX = re.compile(r"(?:之前|以前|前|までに|まで)$")
_ZH_WEEKDAY = re.compile(r"^(?P<week>下下?|这|本|下个)?(?:周|星期|礼拜)(?P<day>[一二三四五六日天])$")
_ZH_DAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_CJK_MONTH_DAY = re.compile(r"^(?:(?P<year>\d{4})年)?(?P<month>\d{1,2})月(?P<day>\d{1,2})[日号號]$")
_ARTICLES = re.compile(r"^(?:el|la|le|der|am|the|o|a)\s+", re.IGNORECASE)
_HAS_TIME = re.compile(r"\d{1,2}[:.h]\d{2}|\d{1,2}\s*(?:am|pm|uhr|h)\b|点|時", re.IGNORECASE)


def extract_due(text: str, lang: str, tz: str, now: datetime) -> tuple[str, datetime | None]:
    """(what was promised, when it is due in UTC or None); refuses an unreadable or past date."""
    text = text.strip()
    suffix = _CJK_SUFFIX.search(text)
    if suffix and lang in ("zh", "zt", "ja"):
        return _cjk_due(text[: suffix.start()], lang, tz, now)
    rest, phrase = split_due(text, lang)
    return rest, parse_due(phrase, lang, tz, now) if phrase else None


def _cjk_due(body: str, lang: str, tz: str, now: datetime) -> tuple[str, datetime | None]:
    """No spaces to split at: the longest tail of `body` that reads as a date is the date."""
    body = body.strip()
    head, _, tail = body.rpartition(" ")
    if head:
        return head.strip(), parse_due(tail, lang, tz, now)
    for length in range(min(12, len(body)), 0, -1):
        try:
            return body[:-length].strip(), parse_due(body[-length:], lang, tz, now)
        except Refusal as refusal:
            if refusal.key == "error-date-past":
                raise
    raise Refusal("error-date-unreadable", date=body[-6:])


def split_due(text: str, lang: str) -> tuple[str, str | None]:
    """(what was promised, the date phrase or None), trying the group's language, then English."""
    text = text.strip()
    for code in dict.fromkeys((lang, "en")):
        for marker in MARKERS.get(code, ()):
            match = _last_word(text, marker)
            if match is not None:
                return text[: match.start()].strip(), text[match.end() :].strip()
        for marker in RELATIVE.get(code, ()):
            match = _last_word(text, marker)
            if match is not None and re.match(r"\s*\d", text[match.end() :]):
                return text[: match.start()].strip(), text[match.start() :].strip()
    return text, None


def _last_word(text: str, word: str) -> re.Match | None:
    matches = list(re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE))
    return matches[-1] if matches else None


def parse_due(phrase: str, lang: str, tz: str, now: datetime, bare_day: time = time(23, 59)) -> datetime:
    """The moment `phrase` means in the group's zone, in UTC.

    A bare day means `bare_day` on that day: the end of it for a due date, the start of the working
    day for a follow-up.
    """
    zone = ZoneInfo(tz)
    local_now = now.astimezone(zone)
    cleaned = _ARTICLES.sub("", phrase.strip())
    found = (
        _zh_weekday(cleaned, local_now)
        or _cjk_month_day(cleaned, local_now)
        or dateparser.parse(
            cleaned,
            languages=list(dict.fromkeys([_dateparser_lang(lang), "en"])),
            settings={
                "PREFER_DATES_FROM": "future",
                "RELATIVE_BASE": local_now.replace(tzinfo=None),
                "TIMEZONE": tz,
                "RETURN_AS_TIMEZONE_AWARE": True,
            },
        )
    )
    if found is None:
        raise Refusal("error-date-unreadable", date=phrase)
    if found.tzinfo is None:
        found = found.replace(tzinfo=zone)
    if not _HAS_TIME.search(cleaned) and found.astimezone(zone).time() in (
        time(0, 0),
        local_now.time().replace(microsecond=0),
    ):
        found = datetime.combine(found.astimezone(zone).date(), bare_day, zone)
    if found <= now:
        raise Refusal("error-date-past", date=phrase)
    return found.astimezone(UTC)


def _dateparser_lang(lang: str) -> str:
    return {"zt": "zh", "pb": "pt"}.get(lang, lang)


def _cjk_month_day(phrase: str, local_now: datetime) -> datetime | None:
    """ "12月4日" / "12月4号": the next such day (dateparser reads it as a year in Japanese)."""
    match = _CJK_MONTH_DAY.match(phrase)
    if match is None:
        return None
    year = int(match.group("year") or local_now.year)
    try:
        day = datetime(year, int(match.group("month")), int(match.group("day")), tzinfo=local_now.tzinfo)
    except ValueError:
        return None
    if match.group("year") is None and day.date() < local_now.date():
        day = day.replace(year=year + 1)
    return day


def _zh_weekday(phrase: str, local_now: datetime) -> datetime | None:
    match = _ZH_WEEKDAY.match(phrase)
    if match is None:
        return None
    week = match.group("week") or ""
    monday = local_now.date() - timedelta(days=local_now.weekday())
    weeks_ahead = 2 if week == "下下" else (1 if week in ("下", "下个") else 0)
    day = monday + timedelta(weeks=weeks_ahead, days=_ZH_DAYS[match.group("day")])
    if not week and day < local_now.date():
        day += timedelta(weeks=1)
    return datetime.combine(day, time(0, 0), local_now.tzinfo)
