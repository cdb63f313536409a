"""Language codes as Argos names them, and the names people type instead of codes.

Codes are ISO 639-1 plus Argos' `zt` (Traditional Chinese); `/setup Hamburg Deutsch` and
`/setup Hamburg german` work as well as `/setup Hamburg de`, because arguments come in any language.

Portuguese from any region (`pt-BR`, `pt-PT`, "português (Brasil)") is stored as `pt`: the group then
translates with Argos' pt models, which every install has, and reads the pt catalog, which is
written for Brazil. `pb` typed as such stays Argos' own code for Brazilian Portuguese models.
Traditional Chinese (`zh-Hant`, `zh-TW`, `zh-HK`, "繁體中文") is Argos' `zt`, which has its own models.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from babel import Locale, UnknownLocaleError

ISO_639_1 = frozenset(
    """aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de
    dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie
    ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg
    mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro
    ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty
    ug uk ur uz ve vi vo wa wo xh yi yo za zh zu""".split()
)
ARGOS_EXTRA = frozenset({"zt", "pb"})
KNOWN = ISO_639_1 | ARGOS_EXTRA
NAME_LOCALES = ("en", "de", "zh", "es", "fr", "pt", "ja", "id")
_ALIASES = {
    "bahasa indonesia": "id",
    "简体中文": "zh",
    "zh-hans": "zh",
    "zh-cn": "zh",
    "zh-hant": "zt",
    "zh-tw": "zt",
    "zh-hk": "zt",
    "zh-mo": "zt",
    "pt-br": "pt",
    "pt-pt": "pt",
}
# Regional names Babel knows ("português (Brasil)", "Chinese (Traditional)"), for the code we store.
_VARIANTS = {"pt_BR": "pt", "pt_PT": "pt", "zh_Hans": "zh", "zh_Hant": "zt"}


def fold(text: str) -> str:
    """What people type and what Babel calls it, made comparable: case, spacing, format characters
    and accents on Latin letters don't count ("Portugues" = "português", "francais" = "français");
    other scripts keep their marks."""
    text = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    kept: list[str] = []
    for char in unicodedata.normalize("NFKD", text):
        category = unicodedata.category(char)
        if category == "Cf" or (category == "Mn" and kept and "LATIN" in unicodedata.name(kept[-1], "")):
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


@cache
def _names() -> dict[str, str]:
    names: dict[str, str] = {}
    for ui in NAME_LOCALES:
        for code, name in Locale.parse(ui).languages.items():
            if code in ISO_639_1:
                names.setdefault(fold(name), code)
        for variant, code in _VARIANTS.items():
            names.setdefault(fold(Locale.parse(variant).get_display_name(ui) or variant), code)
    names.update({fold("Traditional Chinese"): "zt", fold("繁體中文"): "zt", fold("繁体中文"): "zt"})
    return names


def parse_language(text: str) -> str | None:
    """A language code for what someone typed (`de`, `DE`, `zh-Hant`, `German`, `Deutsch`, `中文`,
    `portugues`): a code, an alias, or a language's name in any UI language, accents optional."""
    folded = fold(text).replace("_", "-")
    if folded in KNOWN:
        return folded
    if folded in _ALIASES:
        return _ALIASES[folded]
    return _names().get(folded)


def language_name(code: str, in_lang: str) -> str:
    """`de` shown to a Chinese group as 德语; falls back to the code itself."""
    if code == "zt":
        code_for_babel = "zh_Hant"
    elif code == "pb":
        code_for_babel = "pt_BR"
    else:
        code_for_babel = code
    try:
        locale = Locale.parse(in_lang)
        return Locale.parse(code_for_babel).get_display_name(locale) or code
    except (UnknownLocaleError, ValueError):
        return code


# Words that coordinators type in commands, in every language the bot speaks (and a few spellings).
# "all" as in `/followup all tomorrow 10:00`.
EVERYONE = frozenset(
    {"all", "everyone", "alle", "todos", "todas", "tous", "tout", "semua", "全部", "所有人", "大家", "全員", "みんな"}
)
# Switching a setting off or on: `/followup settings overdue aus`.
OFF_WORDS = frozenset({"off", "no", "0", "aus", "nein", "关", "关闭", "オフ", "non", "não", "tidak", "desactivado"})
ON_WORDS = frozenset({"on", "yes", "an", "ein", "ja", "开", "开启", "オン", "oui", "sí", "si", "sim", "ya", "activado"})
