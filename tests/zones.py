"""One time zone per UI language and a fixed Wednesday, shared by the date and schedule tests.

Keyed by the code a group stores: a zt (Traditional Chinese) group reads the zh_Hant catalog.
"""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

# A Wednesday: "every 2 weeks" or "next friday" cannot land on the right day by chance.
WEDNESDAY = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
ZONES = {
    "en": "Europe/London",
    "de": "Europe/Berlin",
    "zh": "Asia/Shanghai",
    "es": "America/Mexico_City",
    "fr": "Europe/Paris",
    "pt": "America/Sao_Paulo",
    "ja": "Asia/Tokyo",
    "id": "Asia/Jakarta",
    "zt": "Asia/Taipei",  # Traditional Chinese groups read the zh_Hant catalog
}


def local(moment: datetime, lang: str) -> str:
    """The moment on the wall clock of the language's zone, e.g. "Fri 2026-11-27 15:00"."""
    return moment.astimezone(ZoneInfo(ZONES[lang])).strftime("%a %Y-%m-%d %H:%M")
