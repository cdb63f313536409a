"""Which language a short chat message is written in, among the partnership's languages.

Two detectors under the same rules, chosen by the `language_detector` setting (`use_detector`, called
once at start): py3langid, the default, and langdetect, which the design card named. Both see the text
with URLs, mentions, numbers and emoji removed; fewer than 3 letters, an answer outside the candidates,
a normalized probability below 0.8 or (langdetect) no n-gram it knows give the group's declared
language. Two labelled sets of officers' chat messages (1-12 words, en de zh es fr pt ja id, a quarter
written in another language than the group's): the earlier one (~340 messages, docs/architecture.md) and
tests/data/short_messages.tsv (380, rerun with `python bench/bench_detect.py`). Accuracy, earlier set / ours:

- langdetect, unrestricted: 80% / 89%, ~2-3 ms per message; random unless seeded, raises on
  emoji-only text, and reports p≈1.0 for wrong one-word answers, so its probabilities catch few of
  its mistakes;
- langdetect restricted to the partnership's languages: 88% / 98%;
- langdetect with the rules above (`language_detector = "langdetect"`): - / 98.4%, 0.9-2 ms per
  message (the restriction is a prior of zero for every other language, which also makes it converge
  sooner); seeded, so deterministic;
- py3langid with the rules above (the default): 97.6% / 98.9%, 0.05-0.08 ms per message,
  deterministic, a 4 MB model;
- lingua with the same rules: 95% / 98%, but a 96 MB package.

py3langid stays the default: more accurate (98.9% against 98.4% on ours; langdetect under these rules
was not measured on the earlier set) and 15-25 times faster, which counts because detection runs for
every relayed message, on the event loop. Restricting does most of the work: a short German message
only has to beat English and Chinese, not the 140 labels of the model. The threshold makes very short
or ambiguous messages ("Merci !", "Hotel") safe: when in doubt, the group's declared language is the
best prior.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Collection

import regex
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException
from py3langid.langid import MODEL_FILE, LanguageIdentifier

__all__ = ["DETECTORS", "MIN_LETTERS", "THRESHOLD", "detect_language", "strip_noise", "use_detector"]

DETECTORS = ("py3langid", "langdetect")
"""The `language_detector` setting's values; the first is the default (measured better, see above)."""
_detector = DETECTORS[0]

THRESHOLD = 0.8
"""Below this normalized probability the group's declared language wins."""
MIN_LETTERS = 3
"""'ok', 'K', '好的' say nothing about the language: fewer letters than this take the group's language."""

# Argos codes that py3langid spells differently. zt (traditional Chinese) is told apart from zh
# by script after detection; pb (Brazilian Portuguese) is pt; nb (Bokmål) is no.
_TO_LANGID = {"zt": "zh", "pb": "pt", "nb": "no"}
# The same for langdetect, whose Chinese profiles are per script: both go to zh and zt alike, and the
# script decides between those as for py3langid.
_TO_LANGDETECT = {"zh": ("zh-cn", "zh-tw"), "zt": ("zh-cn", "zh-tw"), "pb": ("pt",), "nb": ("no",)}

# Things that are not language: they are kept verbatim by translation anyway, and they pull short
# messages towards English (URLs, handles). Order matters: e-mail before @mention, URL before /command.
_NOISE = regex.compile(
    r"""
      (?:https?://|www\.)\S+                        # URLs
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                  # e-mail addresses
    | (?<![\w/])[@#/]\w+(?:@\w+)?                   # @mentions, #hashtags, /commands (also /cmd@bot)
    | [+-]?\d[\d.,:/%'\-–]*                         # numbers, times, dates, amounts
    | [\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0f\u20e3]+  # emoji
    """,
    regex.VERBOSE,
)
_LETTER = regex.compile(r"\p{L}")

# Characters written differently in Simplified and Traditional Chinese (pairs, same order), limited
# to forms that the other script does not also use in ordinary text (so no 后/里/干/只/台/准/划).
_SIMPLIFIED = set(
    "们这个说会对时来为开发经国学关过还点应报议请从实与档产际气区变门问间题长见现动办务书东车电话认识记让谢该给"
    "约级线组织计设论访评读谁场边运进远连选达钟钱银错阳队险难须项预领飞馆验体义乐买卖亲众优传价儿党兰兴养写农"
    "决况创则刚华协单卫厅历压县参双号启员团园围图圆块坚处备头夺妇妈孙宁宝宪导层岁岛币师带帮广庆库废张弹归录态"
    "总惊战户扩执扫护担拥择换据携摄数断无旧显晓术机杂权条杨极构标样桥检欢欧毕汇汉没沟济测润涨温湾满灯热爱状独"
    "环画畅疗盖监确礼离种积称税稳节筑简类纪纳纸练细终结统继续维综网罗职联肃脑艺药获营虑补观规视览觉订讨训讯许"
    "证诉诊词试询语误调谈负贡财责质购贸费资赛赵转软轮轻较辑输违迟递释铁链锁闭闻阅阶陆随隐雾页顶顺顾频额风饭驶"
    "鱼鸟黄齐龙"
)
_TRADITIONAL = set(
    "們這個說會對時來為開發經國學關過還點應報議請從實與檔產際氣區變門問間題長見現動辦務書東車電話認識記讓謝該給"
    "約級線組織計設論訪評讀誰場邊運進遠連選達鐘錢銀錯陽隊險難須項預領飛館驗體義樂買賣親眾優傳價兒黨蘭興養寫農"
    "決況創則剛華協單衛廳歷壓縣參雙號啟員團園圍圖圓塊堅處備頭奪婦媽孫寧寶憲導層歲島幣師帶幫廣慶庫廢張彈歸錄態"
    "總驚戰戶擴執掃護擔擁擇換據攜攝數斷無舊顯曉術機雜權條楊極構標樣橋檢歡歐畢匯漢沒溝濟測潤漲溫灣滿燈熱愛狀獨"
    "環畫暢療蓋監確禮離種積稱稅穩節築簡類紀納紙練細終結統繼續維綜網羅職聯肅腦藝藥獲營慮補觀規視覽覺訂討訓訊許"
    "證訴診詞試詢語誤調談負貢財責質購貿費資賽趙轉軟輪輕較輯輸違遲遞釋鐵鏈鎖閉聞閱階陸隨隱霧頁頂順顧頻額風飯駛"
    "魚鳥黃齊龍"
)

_CACHE_SIZE = 64
_cache: OrderedDict[frozenset[str] | None, tuple[LanguageIdentifier, threading.Lock]] = OrderedDict()
_cache_lock = threading.Lock()
_base_lock = threading.Lock()
_base: LanguageIdentifier | None = None
_langdetect_lock = threading.Lock()
_langdetect: DetectorFactory | None = None


def detect_language(text: str, candidates: Collection[str], fallback: str) -> str:
    """The language of `text` among `candidates` (Argos codes); `fallback`, the group's declared
    language, when the text has no words (emoji, numbers, links, 'ok') or the detector is unsure.

    Never raises, and the same input always gives the same answer. The detector is the one chosen
    with `use_detector` (the `language_detector` setting), py3langid unless told otherwise.
    """
    langs = list(dict.fromkeys(candidates))
    cleaned = strip_noise(text)
    if len(_LETTER.findall(cleaned)) < MIN_LETTERS:
        return fallback
    if len(langs) == 1:
        return langs[0]
    detect = _with_langdetect if _detector == "langdetect" else _with_py3langid
    return detect(cleaned, langs, fallback)


def use_detector(name: str) -> None:
    """Detect with `name` (one of DETECTORS) from now on; the bot calls this once at start."""
    global _detector
    if name not in DETECTORS:
        raise ValueError(f"unknown language detector {name!r} (known: {', '.join(DETECTORS)})")
    _detector = name


def _with_py3langid(cleaned: str, langs: list[str], fallback: str) -> str:
    labels = _labels_for(langs)
    if not labels:
        return fallback
    # A code py3langid does not know could be the right answer, so the known ones must then win
    # against every language the model knows, not only against each other.
    restrict = frozenset(labels) if sum(map(len, labels.values())) == len(langs) else None
    label, probability = _classify(cleaned, restrict)
    return _decide(labels, label, probability, cleaned, langs, fallback)


def _with_langdetect(cleaned: str, langs: list[str], fallback: str) -> str:
    """langdetect under the same rules: restricted to the candidates (a prior of zero for every other
    language, so none of them can win), the group's language when unsure or when it finds no features.
    As with py3langid, a candidate it has no profile for lifts the restriction."""
    factory = _langdetect_factory()
    known = set(factory.get_lang_list())
    labels: dict[str, list[str]] = {}
    restrict = True
    for lang in langs:
        found = [label for label in _TO_LANGDETECT.get(lang, (lang,)) if label in known]
        restrict = restrict and bool(found)
        for label in found:
            labels.setdefault(label, []).append(lang)
    if not labels:
        return fallback
    detector = factory.create()
    if restrict:
        detector.set_prior_map(dict.fromkeys(labels, 1.0))
    detector.append(cleaned)
    try:
        guesses = detector.get_probabilities()
    except LangDetectException:  # no letter n-gram it knows
        return fallback
    if not guesses:
        return fallback
    return _decide(labels, guesses[0].lang, guesses[0].prob, cleaned, langs, fallback)


def _decide(
    labels: dict[str, list[str]], label: str, probability: float, cleaned: str, langs: list[str], fallback: str
) -> str:
    """The detector's answer, unless it is not a candidate or too unsure: then the group's language."""
    if label not in labels:
        return fallback
    if probability < THRESHOLD and fallback in langs:
        return fallback
    return _pick(labels[label], cleaned, fallback)


def strip_noise(text: str) -> str:
    """`text` without URLs, e-mail addresses, mentions, hashtags, commands, numbers and emoji."""
    return " ".join(_NOISE.sub(" ", text).split())


def _labels_for(langs: list[str]) -> dict[str, list[str]]:
    """py3langid label -> our codes that map to it (zh and zt share one), for the known codes only."""
    known = set(_identifier_base().nb_classes)
    labels: dict[str, list[str]] = {}
    for lang in langs:
        label = _TO_LANGID.get(lang, lang)
        if label in known:
            labels.setdefault(label, []).append(lang)
    return labels


def _pick(choices: list[str], text: str, fallback: str) -> str:
    """One of our codes sharing a py3langid label: only zh and zt do, and the script decides."""
    if len(choices) == 1:
        return choices[0]
    script = _chinese_script(text)
    if script is None:
        script = fallback if fallback in choices else "zh"
    return script if script in choices else choices[0]


def _chinese_script(text: str) -> str | None:
    """'zt' or 'zh' by counting script-specific characters; None when the text favours neither."""
    traditional = sum(c in _TRADITIONAL for c in text)
    simplified = sum(c in _SIMPLIFIED for c in text)
    if traditional == simplified:
        return None
    return "zt" if traditional > simplified else "zh"


def _classify(text: str, labels: frozenset[str] | None) -> tuple[str, float]:
    """py3langid's answer among `labels` (None: all it knows) with its normalized probability."""
    if labels is not None and len(labels) == 1:
        return next(iter(labels)), 1.0
    identifier, lock = _identifier_for(labels)
    # Classifying only reads the model today, but py3langid does not promise that; the lock costs
    # nothing next to the work and keeps this correct when relay workers run in threads.
    with lock:
        label, probability = identifier.classify(text)
    return label, float(probability)


def _identifier_for(labels: frozenset[str] | None) -> tuple[LanguageIdentifier, threading.Lock]:
    """One identifier per language set, cached: `set_languages` mutates the identifier it is
    called on, so two sets never share one. They all share the base model's arrays and only slice
    their own columns (~0.6 MB for three languages, vs 28 MB for the full table)."""
    with _cache_lock:
        entry = _cache.get(labels)
        if entry is not None:
            _cache.move_to_end(labels)
            return entry
        base = _identifier_base()
        identifier = LanguageIdentifier(
            base.nb_ptc,
            base.nb_pc,
            base.nb_classes,
            base.tk_nextmove,
            base.tk_output,
            norm_probs=True,
            tk_row=base.tk_row,
        )
        if labels is not None:
            identifier.set_languages(sorted(labels))
        entry = _cache[labels] = (identifier, threading.Lock())
        if len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
        return entry


def _identifier_base() -> LanguageIdentifier:
    """The full model, loaded once (~0.5 s) and never restricted: only its tables are used."""
    global _base
    with _base_lock:
        if _base is None:
            _base = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return _base


def _langdetect_factory() -> DetectorFactory:
    """langdetect's 55 profiles, loaded once (~1 s). Its own factory rather than the module's global
    one, seeded: langdetect samples n-grams at random and is not deterministic unless seeded.
    Detectors made from it are per call, so threads never share one."""
    global _langdetect
    with _langdetect_lock:
        if _langdetect is None:
            factory = DetectorFactory()
            factory.load_profile(PROFILES_DIRECTORY)
            factory.set_seed(0)
            _langdetect = factory
        return _langdetect
