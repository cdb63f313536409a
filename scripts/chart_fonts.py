"""Rebuild the small CJK fonts /report's chart labels are drawn with (bridgebot/fonts/).

Each is Noto Sans CJK (SIL Open Font License 1.1) cut down to the characters of the chart labels of
one catalog, so a plain `pip install` draws Chinese and Japanese labels without a system font and
without shipping a 20 MB font. City and partnership names are not covered: they need a system CJK
font (the Docker image installs one; see deploy/Dockerfile).

    python scripts/chart_fonts.py [/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc]

Run it after changing a report-chart-* message in zh, zh_Hant or ja; tests/test_report_font.py
fails until then. Needs the full font (Debian: fonts-noto-cjk) and fontTools (a matplotlib dependency).
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

from bridgebot.services.report import CHART_FONTS, chart_label_characters

SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
OUT = Path(__file__).resolve().parent.parent / "bridgebot" / "fonts"


def _face(collection: TTCollection, family: str):
    """The face of the .ttc whose family name is `family` ("Noto Sans CJK SC")."""
    for font in collection.fonts:
        if font["name"].getDebugName(1) == family:
            return font
    raise SystemExit(f"{family} is not in the collection")


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    OUT.mkdir(exist_ok=True)
    for ui, (file_name, family) in CHART_FONTS.items():
        font = _face(TTCollection(str(source)), family)
        options = subset.Options()
        options.name_IDs = ["*"]  # keep the copyright and license notices
        options.layout_features = []  # labels need no shaping
        options.hinting = False
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=chart_label_characters(ui))
        subsetter.subset(font)
        target = OUT / file_name
        font.save(str(target))
        print(f"{target.name}: {target.stat().st_size} bytes, {len(chart_label_characters(ui))} characters")


if __name__ == "__main__":
    main()
