"""/report: a partnership's health as figures per city, a short text and a chart people can glance at.

The chart is drawn headless with matplotlib (Agg) and only imported when a report is asked for, so
the bot's start and memory do not pay for it. It is labelled in the group's language: Chinese and
Japanese labels come from small Noto Sans CJK subsets shipped in bridgebot/fonts (a few kB each,
just the label characters; scripts/chart_fonts.py rebuilds them), so a plain install needs no system
font for them. City and partnership names in CJK need a system CJK font (the Docker image has one);
without it their characters show as boxes, the rest of the chart is still right.
"""

from __future__ import annotations

import io
import statistics
import warnings
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from bridgebot.domain import CommitmentStatus, Group
from bridgebot.i18n import Catalogs
from bridgebot.i18n import catalogs as shared_catalogs
from bridgebot.services.common import member_group
from bridgebot.services.texts import local_time
from bridgebot.store.repository import Repository

WINDOW_DAYS = 30
_CJK_FONTS = ("Noto Sans CJK", "Noto Sans SC", "Noto Sans JP", "WenQuanYi", "Droid Sans Fallback", "Source Han")
FONTS_DIR = Path(__file__).resolve().parent.parent / "fonts"
# Catalog -> (file in FONTS_DIR, the font's family name): the glyph forms each language expects.
CHART_FONTS = {
    "zh": ("NotoSansCJK-chart-SC.otf", "Noto Sans CJK SC"),
    "zh_Hant": ("NotoSansCJK-chart-TC.otf", "Noto Sans CJK TC"),
    "ja": ("NotoSansCJK-chart-JP.otf", "Noto Sans CJK JP"),
}
CHART_LABELS = (
    "report-chart-messages",
    "report-chart-commitments",
    "report-chart-made",
    "report-chart-done",
    "report-chart-ontime",
    "report-chart-overdue",
)


@dataclass(frozen=True, slots=True)
class CityFigures:
    city: str
    messages: int  # posted in the last WINDOW_DAYS days
    made: int
    done: int
    on_time: int
    overdue: int
    last_activity: datetime | None


@dataclass(frozen=True, slots=True)
class Report:
    name: str
    until: datetime
    cities: list[CityFigures]
    median_days_to_done: float | None


async def build_report(repo: Repository, chat_id: int, now: datetime) -> tuple[Group, Report]:
    group = await member_group(repo, chat_id)
    partnership = await repo.partnership(group.partnership_id)
    activity = await repo.city_activity(group.partnership_id, now - timedelta(days=WINDOW_DAYS))
    commitments = await repo.commitments(group.partnership_id)
    cities = []
    for city in activity:
        mine = [c for c in commitments if c.chat_id == city.chat_id]
        done = [c for c in mine if c.status == CommitmentStatus.DONE]
        cities.append(
            CityFigures(
                city=city.city,
                messages=city.messages,
                made=len(mine),
                done=len(done),
                on_time=sum(1 for c in done if c.due_at is None or (c.done_at and c.done_at <= c.due_at)),
                overdue=sum(1 for c in mine if c.overdue(now)),
                last_activity=city.last_activity,
            )
        )
    durations = [(c.done_at - c.created_at).total_seconds() / 86400 for c in commitments if c.done_at]
    median = statistics.median(durations) if durations else None
    return group, Report(partnership.name if partnership else "", now, cities, median)


def report_text(catalogs: Catalogs, report: Report, group: Group) -> str:
    ui = catalogs.ui_language(group.lang)
    lines = [
        catalogs.t(
            group.lang, "report-header", name=report.name, days=WINDOW_DAYS, date=local_time(report.until, group.tz, ui)
        )
    ]
    for city in report.cities:
        last = (
            local_time(city.last_activity, group.tz, ui)
            if city.last_activity
            else catalogs.t(group.lang, "report-never")
        )
        lines.append(
            catalogs.t(
                group.lang,
                "report-city",
                city=city.city,
                messages=city.messages,
                made=city.made,
                done=city.done,
                ontime=city.on_time,
                overdue=city.overdue,
                last=last,
            )
        )
    if report.median_days_to_done is None:
        lines.append(catalogs.t(group.lang, "report-median-none"))
    else:
        lines.append(catalogs.t(group.lang, "report-median", days=round(report.median_days_to_done, 1)))
    return "\n".join(lines)


def chart_label_characters(ui: str, catalogs: Catalogs | None = None) -> str:
    """Every character outside ASCII that the chart labels of catalog `ui` use."""
    catalogs = catalogs or shared_catalogs()
    text = "".join(catalogs.t(ui, key, days=WINDOW_DAYS) for key in CHART_LABELS)
    return "".join(sorted({char for char in text if ord(char) > 0x7F and not char.isspace()}))


@cache
def _system_cjk_families() -> tuple[str, ...]:
    """CJK fonts installed on this server, for city and partnership names in Chinese or Japanese."""
    from matplotlib import font_manager

    names = {font.name for font in font_manager.fontManager.ttflist}
    return tuple(sorted(name for name in names if any(cjk in name for cjk in _CJK_FONTS)))


@cache
def chart_families(ui: str) -> tuple[str, ...]:
    """Font families for the chart, first match per glyph: Latin, the shipped label font, a system CJK font."""
    from matplotlib import font_manager

    families = ["DejaVu Sans"]
    if ui in CHART_FONTS:
        file_name, family = CHART_FONTS[ui]
        font_manager.fontManager.addfont(str(FONTS_DIR / file_name))
        families.append(family)
    return (*families, *(name for name in _system_cjk_families() if name not in families))


def report_chart(catalogs: Catalogs, report: Report, group: Group) -> bytes:
    """A PNG: messages per city, and commitments made / done / on time / overdue per city."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    lang = catalogs.ui_language(group.lang)
    with plt.rc_context({"font.family": list(chart_families(lang))}):
        return _draw(plt, catalogs, report, lang)


def _draw(plt: Any, catalogs: Catalogs, report: Report, lang: str) -> bytes:
    cities = [city.city for city in report.cities]
    series = [
        ("report-chart-made", [c.made for c in report.cities], "#4C72B0"),
        ("report-chart-done", [c.done for c in report.cities], "#55A868"),
        ("report-chart-ontime", [c.on_time for c in report.cities], "#8172B2"),
        ("report-chart-overdue", [c.overdue for c in report.cities], "#C44E52"),
    ]
    figure, (messages, commitments) = plt.subplots(1, 2, figsize=(10, 4), dpi=100)
    try:
        figure.suptitle(report.name)
        messages.bar(cities, [c.messages for c in report.cities], color="#4C72B0")
        messages.set_title(catalogs.t(lang, "report-chart-messages", days=WINDOW_DAYS))
        width = 0.8 / len(series)
        for index, (key, values, colour) in enumerate(series):
            positions = [x + (index - (len(series) - 1) / 2) * width for x in range(len(cities))]
            commitments.bar(positions, values, width, label=catalogs.t(lang, key), color=colour)
        commitments.set_xticks(range(len(cities)), cities)
        commitments.set_title(catalogs.t(lang, "report-chart-commitments"))
        commitments.legend()
        for axes in (messages, commitments):
            axes.yaxis.get_major_locator().set_params(integer=True)
            axes.spines[["top", "right"]].set_visible(False)
        figure.tight_layout()
        buffer = io.BytesIO()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # a glyph missing from the font
            figure.savefig(buffer, format="png")
        return buffer.getvalue()
    finally:
        plt.close(figure)
