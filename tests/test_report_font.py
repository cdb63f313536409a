"""/report's chart is labelled in the group's language, and Chinese and Japanese labels are drawn from
the small fonts shipped with the package, so a server with no CJK font draws them too."""

from __future__ import annotations

import pytest
from fontTools.ttLib import TTFont

from bridgebot.i18n import Catalogs
from bridgebot.services.report import CHART_FONTS, FONTS_DIR, chart_families, chart_label_characters


@pytest.mark.parametrize("ui", sorted(CHART_FONTS))
def test_the_shipped_chart_font_has_every_label_character(ui: str) -> None:
    """Fails after a report-chart-* label changes in zh, zh_Hant or ja: run scripts/chart_fonts.py."""
    file_name, _family = CHART_FONTS[ui]
    covered = set(TTFont(FONTS_DIR / file_name).getBestCmap())
    missing = [char for char in chart_label_characters(ui) if ord(char) not in covered]
    assert missing == [], f"{file_name} lacks {''.join(missing)}: run scripts/chart_fonts.py"


@pytest.mark.parametrize("ui", sorted(CHART_FONTS))
def test_labels_find_their_glyphs_without_a_system_font(ui: str) -> None:
    """What matplotlib does per glyph, with only the fonts a plain `pip install` brings."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    plain_install = list(chart_families(ui)[:2])  # DejaVu Sans (matplotlib's own) and the shipped font
    paths = [
        font_manager.findfont(font_manager.FontProperties(family=name), fallback_to_default=False)
        for name in plain_install
    ]
    fonts = [FT2Font(path) for path in paths]
    text = "".join(Catalogs().t(ui, key, days=30) for key in ("report-chart-messages", "report-chart-made"))
    for char in text.replace(" ", ""):
        assert any(font.get_char_index(ord(char)) for font in fonts), f"{ui}: no glyph for {char!r} in {paths}"


def test_the_shipped_fonts_are_small_subsets() -> None:
    sizes = {name: (FONTS_DIR / name).stat().st_size for name, _family in CHART_FONTS.values()}
    assert all(size < 32_000 for size in sizes.values()), sizes
    assert (FONTS_DIR / "LICENSE-OFL.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE") == 1
