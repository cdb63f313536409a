"""The bot's own words, from the human-written Fluent catalogs in `locales/<lang>/bridgebot.ftl`.

Fluent gives CLDR plural rules per language and lets a catalog lag behind: a key missing in one
language falls back to English instead of showing a raw key. Nothing here is machine translated.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource

log = logging.getLogger(__name__)

FALLBACK = "en"
CATALOG = "bridgebot.ftl"


def locales_dir() -> Path:
    """Installed wheels carry the catalogs inside the package; a source checkout has them at the top."""
    packaged = Path(__file__).parent / "locales"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "locales"


class Catalogs:
    def __init__(self, directory: Path | None = None) -> None:
        directory = directory or locales_dir()
        self._bundles: dict[str, FluentBundle] = {}
        for path in sorted(directory.glob(f"*/{CATALOG}")):
            lang = path.parent.name
            # use_isolating=False: Unicode isolation marks around values would show up in Telegram.
            bundle = FluentBundle([lang], use_isolating=False)
            bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
            self._bundles[lang] = bundle
        if FALLBACK not in self._bundles:
            raise RuntimeError(f"no English catalog found in {directory}")

    @property
    def languages(self) -> list[str]:
        return sorted(self._bundles)

    def ui_language(self, lang: str | None) -> str:
        """The catalog to speak in a group: its own language when we have one, else English."""
        if lang in self._bundles:
            return lang
        if lang == "zt" and "zh" in self._bundles:
            return "zh"
        return FALLBACK

    def has(self, lang: str, key: str) -> bool:
        return lang in self._bundles and self._bundles[lang].has_message(key)

    def t(self, lang: str | None, key: str, /, **args: Any) -> str:
        for candidate in (self.ui_language(lang), FALLBACK):
            bundle = self._bundles[candidate]
            if bundle.has_message(key):
                message = bundle.get_message(key)
                text, errors = bundle.format_pattern(message.value, args)
                for error in errors:
                    log.warning("catalog %s, key %s: %s", candidate, key, error)
                return text
        log.error("missing UI string %s", key)
        return key


@cache
def catalogs() -> Catalogs:
    return Catalogs()
