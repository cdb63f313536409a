"""The bot's own words, from the human-written Fluent catalogs in `locales/<lang>/bridgebot.ftl`.

Fluent gives CLDR plural rules per language and lets a catalog lag behind: a key missing in one
language falls back to English instead of showing a raw key. Nothing here is machine translated.

Catalogs are named as Babel names locales (`de`, `pt`, `zh_Hant`), so a catalog's name can be handed
to Babel for dates and lists as it is. Groups and Telegram users bring other codes: Argos' `pb` and
`zt`, and BCP 47 tags such as `pt-BR`, `pt-PT`, `zh-TW`, `zh-Hans`. `ui_language` maps them:
Portuguese in every region reads the `pt` catalog (written for Brazil); Traditional Chinese
(`zt`, `zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO`) reads `zh_Hant`, whose missing keys fall back to
Simplified Chinese before English; any other regional tag reads its language's catalog.
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
# Arguments that name a thing rather than count it: #1234 and /done 1234, never #1,234 or #1.234.
IDENTIFIERS = frozenset({"id"})
_TRADITIONAL = frozenset({"zt", "zh-hant", "zh-tw", "zh-hk", "zh-mo"})
# A catalog whose missing keys are read from a close relative before English.
_PARENT = {"zh_Hant": "zh"}


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

    @property
    def menu_languages(self) -> list[str]:
        """The catalogs Telegram can pick a command menu for: it names languages by two letters only,
        so a Traditional Chinese client sees the zh menu."""
        return [lang for lang in self.languages if len(lang) == 2]

    def ui_language(self, lang: str | None) -> str:
        """The catalog to speak in a group: its own language (or its region's) when we have one, else English."""
        if lang is None:
            return FALLBACK
        if lang in self._bundles:
            return lang
        tag = lang.replace("_", "-").casefold()
        primary = tag.split("-")[0]
        if tag in _TRADITIONAL or tag.startswith("zh-hant-"):
            candidates = ["zh_Hant", "zh"]
        elif tag == "pb":
            candidates = ["pt"]
        else:
            candidates = [primary]
        return next((c for c in candidates if c in self._bundles), FALLBACK)

    def has(self, lang: str, key: str) -> bool:
        return lang in self._bundles and self._bundles[lang].has_message(key)

    def _chain(self, ui: str) -> list[str]:
        chain = [ui]
        while chain[-1] in _PARENT and _PARENT[chain[-1]] in self._bundles:
            chain.append(_PARENT[chain[-1]])
        return [*chain, FALLBACK]

    def t(self, lang: str | None, key: str, /, **args: Any) -> str:
        for candidate in self._chain(self.ui_language(lang)):
            if self._bundles[candidate].has_message(key):
                text, errors = self.render(candidate, key, args)
                for error in errors:
                    log.warning("catalog %s, key %s: %s", candidate, key, error)
                return text
        log.error("missing UI string %s", key)
        return key

    def render(self, catalog: str, key: str, args: dict[str, Any]) -> tuple[str, list[Exception]]:
        """One message of one catalog, with Fluent's complaints (a missing argument, an unknown function)."""
        bundle = self._bundles[catalog]
        args = {name: str(value) if name in IDENTIFIERS else value for name, value in args.items()}
        return bundle.format_pattern(bundle.get_message(key).value, args)


@cache
def catalogs() -> Catalogs:
    return Catalogs()
