"""Due dates as officers type them, in their group's language and time zone.

`dateparser` does most of the reading ("Freitag", "in 2 Wochen", "viernes", "明天"); this module
finds where the date starts in a command ("… by friday", "… bis Freitag", "…下周五之前") and fills
the gaps measured here with small word tables per language rather than per-phrase cases:

- weekdays with "next" before or after them ("nächsten Freitag", "vendredi prochain", "próxima
  sexta", "Jumat depan"), with a day word ("hari Jumat") or an everyday short name ("sexta",
  "金曜"): the first such day after today, as dateparser reads English "next friday";
- Chinese and Japanese weeks ("下周五", "来週の金曜日"): that weekday of this or the next week;
- "in N units" said another way ("daqui a 3 dias", "3 hari lagi", "两周后") and numeric dates in
  the language's own day/month order ("01.12.2026" and "1.12." are 1 December in German).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import dateparser
from babel import Locale, UnknownLocaleError

from bridgebot.languages import fold
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
RELATIVE: dict[str, tuple[str, ...]] = {
    "en": ("in",),
    "de": ("in",),
    "es": ("en", "dentro de"),
    "fr": ("dans",),
    "pt": ("em", "daqui a", "dentro de"),
    "id": ("dalam",),
}
# "in N units" and "next week" said in ways dateparser does not read, rewritten to ones it does.
RELATIVE_REWRITES: dict[str, tuple[tuple[str, str], ...]] = {
    "es": ((r"^(semana|mes|año) que viene$", r"en 1 \1"),),  # semana que viene -> en 1 semana
    "fr": ((r"^(semaine|mois|année) prochaine?$", r"dans 1 \1"),),  # semaine prochaine -> dans 1 semaine
    "pt": (
        (r"^(?:daqui\s+a|dentro\s+de)\s+", "em "),  # daqui a 3 dias -> em 3 dias
        (r"^(semana|mês|ano) que vem$", r"em 1 \1"),  # semana que vem -> em 1 semana
    ),
    "id": (
        (r"\bpekan\b", "minggu"),  # both mean "week"
        (r"^(\d+\s+\w+)\s+lagi$", r"dalam \1"),  # 3 hari lagi -> dalam 3 hari
        (r"^(minggu|bulan|tahun) depan$", r"dalam 1 \1"),  # minggu depan -> dalam 1 minggu
    ),
}
# Words that make a weekday "the coming one", before and after its name.
NEXT_BEFORE: dict[str, tuple[str, ...]] = {
    "en": ("next", "this coming", "coming", "this"),
    "de": ("nächsten", "nächster", "nächste", "kommenden", "kommender", "kommende", "diesen", "dieser"),
    "es": ("próximo", "próxima", "este"),
    "fr": ("prochain", "ce"),
    "pt": ("próxima", "próximo", "esta", "este"),
}
NEXT_AFTER: dict[str, tuple[str, ...]] = {
    "es": ("próximo", "que viene"),
    "fr": ("prochain",),
    "pt": ("que vem",),
    "id": ("depan", "ini"),
}
# Words that may stand before a weekday's name and add nothing ("hari Jumat", "na sexta").
DAY_WORDS: dict[str, tuple[str, ...]] = {"en": ("on",), "pt": ("na", "no"), "id": ("hari",), "ja": ("の",)}
# Everyday weekday names CLDR does not list (Portuguese drops "-feira"; Japanese drops "日").
EXTRA_WEEKDAYS: dict[str, dict[str, int]] = {
    "pt": {
        **{name: day for day, name in enumerate(("segunda", "terça", "quarta", "quinta", "sexta"))},
        **{f"{name}s-feiras": day for day, name in enumerate(("segunda", "terça", "quarta", "quinta", "sexta"))},
    },
    "ja": {f"{name}曜": day for day, name in enumerate("月火水木金土日")},
    "id": {"jum'at": 4},
}
# Weekday names that are also the word for "week": Indonesian "Minggu" is Sunday, "minggu" a week.
# They name the day only when written capitalised or after a day word ("hari Minggu").
WEEKDAY_OR_WEEK: dict[str, frozenset[str]] = {"id": frozenset({"minggu"})}

# Refusals that end the search for a date: the date was read, and it is no good.
FINAL_REFUSALS = ("error-date-past", "error-date-too-far")
# The longest date read off the end of a Chinese or Japanese promise ("2026年12月31日", "下下周五").
_CJK_DATE_CHARS = 12
_CJK_SUFFIX = re.compile(r"(?:之前|以前|前|までに|まで)$")
# "下周五", "周五", "来週の金曜日", "金曜": a weekday of this (none), the next or the week after.
_CJK_WEEKDAY = (
    re.compile(r"^(?P<week>下下|下个|下|这个|这|本)?(?:周|星期|礼拜)(?P<day>[一二三四五六日天])$"),
    re.compile(r"^(?:(?P<week>再来週|来週|今週)の?)?(?P<day>[月火水木金土日])曜日?$"),
)
_CJK_WEEKS = {"": 0, "这": 0, "这个": 0, "本": 0, "今週": 0, "下": 1, "下个": 1, "来週": 1, "下下": 2, "再来週": 2}
_CJK_DAYS = {c: i for i, c in enumerate("一二三四五六日")} | {"天": 6} | {c: i for i, c in enumerate("月火水木金土")}
_CJK_MONTH_DAY = re.compile(r"^(?:(?P<year>\d{4})年)?(?P<month>\d{1,2})月(?P<day>\d{1,2})[日号號]$")
# Chinese and Japanese counts before a unit ("两周后", "三天后", "二週間後"), in digits for dateparser.
_CJK_COUNT = re.compile(
    r"(?P<n>[一二两三四五六七八九十]+)(?=[个個]?(?:天|日|小时|小時|時間|周|週|星期|月|か月|ヶ月|分))"
)
_CJK_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"两": 2}
_DOTTED_DAY_MONTH = re.compile(r"^(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.?$")
_ARTICLES = re.compile(r"^(?:el|la|le|der|am|the|o|a)\s+", re.IGNORECASE)
# How far ahead a due date or a follow-up may lie. Beyond it a date is a typo or a probe
# ("9999-12-31"), and one near datetime's end (year 9999) overflows in every later time zone sum.
HORIZON_YEARS = 10
HORIZON = timedelta(days=round(365.25 * HORIZON_YEARS))
# The longest date phrase handed to dateparser, whose work grows with its input; no date is longer.
MAX_DATE_PHRASE = 64
_HAS_TIME = re.compile(r"\d{1,2}[:h]\d{2}|(?<![\d.])\d{1,2}\.\d{2}(?![.\d])|\d{1,2}\s*(?:am|pm|uhr|h)\b|点|時", re.I)


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
    for length in range(min(_CJK_DATE_CHARS, len(body)), 0, -1):
        try:
            return body[:-length].strip(), parse_due(body[-length:], lang, tz, now)
        except Refusal as refusal:
            if refusal.key in FINAL_REFUSALS:
                raise
    raise Refusal("error-date-unreadable", date=body[-6:])


def shortest_promise(text: str, lang: str) -> int:
    """How long the promise in a `/commit` text is at least, found without reading its date: an
    over-long command is refused before the date parser runs."""
    text = text.strip()
    suffix = _CJK_SUFFIX.search(text)
    if suffix and lang in ("zh", "zt", "ja"):
        body = text[: suffix.start()].strip()
        head, _, _ = body.rpartition(" ")
        return len(head.strip()) if head else max(0, len(body) - _CJK_DATE_CHARS)
    return len(split_due(text, lang)[0])


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


# The characters of date and time words that Traditional Chinese writes differently ("下週五", "每 2 個月").
_TO_SIMPLIFIED = str.maketrans("週個後點兩號鐘時間禮這", "周个后点两号钟时间礼这")


def reading_language(phrase: str, lang: str) -> tuple[str, str]:
    """Traditional Chinese (zt) is read with the Chinese rules: its date words differ only in script."""
    if lang == "zt":
        return phrase.translate(_TO_SIMPLIFIED), "zh"
    return phrase, lang


def parse_due(phrase: str, lang: str, tz: str, now: datetime, bare_day: time = time(23, 59)) -> datetime:
    """The moment `phrase` means in the group's zone, in UTC.

    A bare day means `bare_day` on that day: the end of it for a due date, the start of the working
    day for a follow-up.
    """
    if len(phrase) > MAX_DATE_PHRASE:
        raise Refusal("error-date-unreadable", date=_shortened(phrase))
    try:
        return _parse_due(phrase, lang, tz, now, bare_day)
    except OverflowError:  # a date at datetime's ends (year 1 or 9999) moved into another zone
        raise Refusal("error-date-too-far", date=phrase, years=HORIZON_YEARS) from None


def _parse_due(phrase: str, lang: str, tz: str, now: datetime, bare_day: time) -> datetime:
    phrase, lang = reading_language(phrase, lang)
    zone = ZoneInfo(tz)
    local_now = now.astimezone(zone)
    cleaned = _ARTICLES.sub("", phrase.strip())
    day = _cjk_weekday(cleaned, local_now) or _cjk_month_day(cleaned, local_now)
    day = day or next_weekday(cleaned, lang, local_now.date()) or _dotted_day_month(cleaned, lang, local_now)
    if day is not None:
        found = datetime.combine(day, bare_day, zone)
    else:
        found = _dateparser(_rewrite_relative(cleaned, lang), lang, tz, local_now)
        if found is None and cleaned != phrase.strip():  # "la semaine prochaine" needs its article
            found = _dateparser(_rewrite_relative(phrase.strip(), lang), lang, tz, local_now)
        if found is None:
            raise Refusal("error-date-unreadable", date=phrase)
        if found.tzinfo is None:
            found = found.replace(tzinfo=zone)
        within_horizon(found, now, phrase)  # before any zone arithmetic, which overflows near year 9999
        if not _HAS_TIME.search(cleaned) and found.astimezone(zone).time() in (
            time(0, 0),
            local_now.time().replace(microsecond=0),
        ):
            found = datetime.combine(found.astimezone(zone).date(), bare_day, zone)
    if found <= now:
        raise Refusal("error-date-past", date=phrase)
    return within_horizon(found, now, phrase).astimezone(UTC)


def within_horizon(moment: datetime, now: datetime, phrase: str) -> datetime:
    """`moment`, or a refusal when it lies more than HORIZON_YEARS ahead (comparing aware datetimes
    never overflows, unlike moving one into another zone)."""
    if moment > now + HORIZON:
        raise Refusal("error-date-too-far", date=_shortened(phrase), years=HORIZON_YEARS)
    return moment


def _shortened(phrase: str) -> str:
    """A phrase as a reply may quote it: not a whole page of it."""
    return phrase if len(phrase) <= MAX_DATE_PHRASE else phrase[: MAX_DATE_PHRASE - 1] + "…"


def _dateparser(text: str, lang: str, tz: str, local_now: datetime) -> datetime | None:
    code = _dateparser_lang(lang)
    return dateparser.parse(
        text,
        languages=list(dict.fromkeys([code, "en"])),
        settings={
            "PREFER_DATES_FROM": "future",
            "RELATIVE_BASE": local_now.replace(tzinfo=None),
            "TIMEZONE": tz,
            "RETURN_AS_TIMEZONE_AWARE": True,
            "DATE_ORDER": _date_order(code),
        },
    )


def _dateparser_lang(lang: str) -> str:
    return {"zt": "zh", "pb": "pt"}.get(lang, lang)


@cache
def _date_order(lang: str) -> str:
    """ "DMY", "MDY" or "YMD", from the order of the fields in the language's short CLDR date."""
    try:
        pattern = Locale.parse(lang).date_formats["short"].pattern
    except (UnknownLocaleError, ValueError):
        return "MDY"
    fields = [c for c in pattern if c in "yMd"]
    order = "".join(dict.fromkeys(fields)).upper()
    return order if len(order) == 3 else "MDY"


def _rewrite_relative(text: str, lang: str) -> str:
    """ "daqui a 3 dias" -> "em 3 dias", "3 hari lagi" -> "dalam 3 hari", "两周后" -> "2周后"."""
    for pattern, replacement in RELATIVE_REWRITES.get(_dateparser_lang(lang), ()):
        text = re.sub(pattern, replacement, text, flags=re.IGNORECASE)
    return _CJK_COUNT.sub(lambda m: str(cjk_number(m.group("n")) or m.group("n")), text)


def cjk_number(text: str) -> int | None:
    """ "两" 2, "十二" 12, "二十" 20, "三" 3; None for what is no number from 1 to 99."""
    if len(text) == 1 and text in _CJK_DIGITS:
        return _CJK_DIGITS[text] or None
    tens, ten, ones = text.partition("十")
    if not ten or len(tens) > 1 or len(ones) > 1 or not all(c in _CJK_DIGITS for c in tens + ones):
        return None
    return (_CJK_DIGITS[tens] if tens else 1) * 10 + (_CJK_DIGITS[ones] if ones else 0)


def weekday_in(text: str, lang: str, plural: bool = True) -> int | None:
    """Monday = 0 for a weekday name in `lang` or English ("Montag", "周一", "sexta", "月曜"), with
    `plural` also "lundis", "Montags", "mondays" (which say "every", so never one day)."""
    word = fold(text.strip()).rstrip(".")
    if not word:
        return None
    suffixes = _SUFFIXES if plural else ()
    for code in dict.fromkeys((lang, "en")):
        for names in _weekday_names(code):
            for name, number in names.items():
                if word == name or (word.startswith(name) and len(name) >= 2 and word[len(name) :] in suffixes):
                    return number
    return None


# "mondays", "lundis", "Montags"; "星期一" also accepts "星期一的".
_SUFFIXES = ("s", "es", "的")


@cache
def _weekday_names(lang: str) -> tuple[dict[str, int], ...]:
    """Folded name -> weekday, widest first: CLDR's wide and short names, then everyday ones."""
    try:
        days = Locale.parse(lang).days
    except (UnknownLocaleError, ValueError):
        return ()
    widths = (days["format"]["wide"], days["format"]["abbreviated"], days["stand-alone"]["abbreviated"])
    tables = tuple({fold(name).rstrip("."): number for number, name in width.items()} for width in widths)
    return (*tables, {fold(name): number for name, number in EXTRA_WEEKDAYS.get(lang, {}).items()})


def names_weekday_or_week(word: str, lang: str) -> bool:
    """True for a word that is both a weekday and "week" in `lang` (Indonesian "minggu")."""
    return fold(word) in WEEKDAY_OR_WEEK.get(lang, frozenset())


@cache
def _next_weekday_pattern(lang: str) -> re.Pattern[str]:
    codes = dict.fromkeys((lang, "en"))

    def words(table: dict[str, tuple[str, ...]]) -> str:
        found = sorted({w for code in codes for w in table.get(code, ())}, key=len, reverse=True)
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in found) or "(?!)"

    return re.compile(
        rf"^(?:(?P<dayword>{words(DAY_WORDS)})\s*)?(?:(?P<before>{words(NEXT_BEFORE)})\s+)?"
        rf"(?:(?P<dayword2>{words(DAY_WORDS)})\s*)?(?P<name>.+?)(?:\s+(?P<after>{words(NEXT_AFTER)}))?$",
        re.IGNORECASE,
    )


def next_weekday(phrase: str, lang: str, today: date) -> date | None:
    """The first day after `today` that `phrase` names: "friday", "nächsten Freitag", "Jumat depan".

    "next" means the coming one, as dateparser reads English "next friday": on a Wednesday,
    "nächsten Freitag" is in two days and "nächsten Mittwoch" in a week. A name that also means
    "week" counts only as written for the day ("Minggu depan", "hari minggu"; "minggu depan" is
    next week); one-character names ("日") never do.
    """
    match = _next_weekday_pattern(lang).match(phrase.strip())
    if match is None:
        return None
    name = match.group("name").strip()
    weekday = weekday_in(name, lang, plural=False) if len(name) >= 2 else None
    if weekday is None:
        return None
    if names_weekday_or_week(name, lang) and not (
        name[:1].isupper() or match.group("dayword") or match.group("dayword2")
    ):
        return None
    return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)


def _dotted_day_month(phrase: str, lang: str, local_now: datetime) -> date | None:
    """ "1.12." where dates are written with dots (German): the next 1 December."""
    match = _DOTTED_DAY_MONTH.match(phrase)
    if match is None or _date_order(_dateparser_lang(lang)) != "DMY" or not _dotted_dates(lang):
        return None
    return _next_date(local_now.date(), int(match.group("month")), int(match.group("day")))


@cache
def _dotted_dates(lang: str) -> bool:
    try:
        return "." in Locale.parse(_dateparser_lang(lang)).date_formats["short"].pattern
    except (UnknownLocaleError, ValueError):
        return False


def _next_date(today: date, month: int, day: int, year: int | None = None) -> date | None:
    """That day in `year`, or else its next occurrence from `today`; None for no such day."""
    try:
        found = date(year or today.year, month, day)
        if year is None and found < today:
            found = date(today.year + 1, month, day)
    except ValueError:
        return None
    return found


def _cjk_month_day(phrase: str, local_now: datetime) -> date | None:
    """ "12月4日" / "12月4号": the next such day (dateparser reads it as a year in Japanese)."""
    match = _CJK_MONTH_DAY.match(phrase)
    if match is None:
        return None
    year = int(match.group("year")) if match.group("year") else None
    return _next_date(local_now.date(), int(match.group("month")), int(match.group("day")), year)


def _cjk_weekday(phrase: str, local_now: datetime) -> date | None:
    """ "周五" this week's Friday (next week's once it is past), "下周五" and "来週の金曜日" next week's."""
    for pattern in _CJK_WEEKDAY:
        match = pattern.match(phrase)
        if match is not None:
            break
    else:
        return None
    week = match.group("week") or ""
    today = local_now.date()
    monday = today - timedelta(days=today.weekday())
    day = monday + timedelta(weeks=_CJK_WEEKS[week], days=_CJK_DAYS[match.group("day")])
    if not week and day < today:
        day += timedelta(weeks=1)
    return day
