"""What the translation model may touch, and putting the message back together around it.

Protected tokens (URLs, e-mail addresses, @mentions, #hashtags, /commands, numbers, dates and
times, emoji, glossary terms, code/pre spans and the other spans kept as is) never reach the model
and come back byte-identical, exactly once: an NMT model rewrites whatever it sees, and a mangled
link or mention is worse than an untranslated word. Text is translated as written (no capitals or
punctuation added before translation), line by line so the layout survives, and each formatted run
(bold, italic, a text link...) is translated on its own so its formatting lands on the translated
words, the way `argostranslate.tags` handles markup.

Tokens at the start or end of a line (or of a formatted run) are cut off and re-attached with their
original spacing: the model never needs them. A token *inside* a sentence is replaced by a
placeholder so the sentence is still translated whole; Argos models do not reliably copy
placeholders, so every placeholder is verified afterwards, and when any is lost or doubled the
pieces between the tokens are translated separately instead. All strings of a message go to the
model in one batch call, and all fallbacks in at most one more.

Placeholder scheme: three-digit palindromes (707, 808, 909, 606, ...), none of which occurs in the
string being translated. Numbers are what NMT models copy most reliably: parallel corpora copy them
verbatim in every language pair, SentencePiece keeps them as a few plain pieces, and they are never
inflected, capitalised or transliterated (Chinese and Japanese output keep Arabic digits too).
Three digits stay clear of thousands separators ("1,000" vs "1.000"), times and years, and
sentinel-style tags such as "__X0__" or "<x>" get split into pieces and mangled by small models.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

import regex

from bridgebot.richtext import KEPT_AS_IS, Span

TranslateBatch = Callable[[list[str]], list[str]]
"""Translates many plain strings in one model call; returns them in the same order."""

# --- Token patterns -------------------------------------------------------------------------------

_EMOJI_CHAR = r"\p{Extended_Pictographic}(?:\ufe0f|\p{Emoji_Modifier})*"
_EMOJI = (
    r"(?:\p{Regional_Indicator}{2}"  # flags
    r"|[0-9#*]\ufe0f?\u20e3"  # keycaps
    r"|\U0001F3F4[\U000E0020-\U000E007E]+\U000E007F"  # subdivision flags (England, Scotland, Wales)
    rf"|{_EMOJI_CHAR}(?:\u200d{_EMOJI_CHAR})*"  # single emoji, skin tones, ZWJ sequences
    r"|\p{Emoji_Modifier})"  # a stray skin tone
)
# A URL ends before trailing punctuation and keeps balanced parentheses (Wikipedia links).
_URL_CHAR = r"[^\s<>\"()\[\]{}\p{Han}\p{Hiragana}\p{Katakana}\u3000-\u303f\uff00-\uffef]"
_URL_LAST = r"[^\s<>\"()\[\]{}.,;:!?'’”»…\p{Han}\p{Hiragana}\p{Katakana}\u3000-\u303f\uff00-\uffef]"
_URL = rf"(?<![\w@])(?i:https?://|www\.)(?:\([^\s()]*\)|{_URL_CHAR})*(?:\([^\s()]*\)|{_URL_LAST})"
_GAP = r"[ \u00a0\u202f]"  # spaces allowed inside one number ("50 %", "1 000")
# Each number form ends with a lookahead that keeps it whole: "2026-12-04open" is glued to a word
# and protected not at all, rather than as "2026" with "-12-04open" sent to the model.
# A run of digits and separators is read from its first digit only (the lookbehind). A try from a
# digit inside the run reads to the same end, and such retries from every digit after a ":" made
# "1:1:1:…1a" cost time quadratic in its length (0.3-0.6 s for 4 KB; bench/bench_protect.py). So a run
# whose head is glued to a word ("A3/12", "x1:30") is protected not at all, like "2026-12-04open",
# rather than as its tail ("12") with the head ("A3/") sent to the model.
_SEPARATOR = r"[.,:/\-–\u00a0\u202f]"
_DIGITS = (
    rf"(?=\d)(?<!\d{_SEPARATOR}*)"  # the lookahead first: the lookbehind runs at digits only
    rf"\d(?:[\d.,:/\-–\u00a0\u202f]*\d)?(?!{_SEPARATOR}?\d)"  # 1,000.50 12:30 2026-12-04
)
_ISO_MOMENT = r"\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?(?![:\d])"
_CLOCK = r"\d{1,2}(?:[:.h]\d{2}){1,2}(?:[aApP][mM]|" + _GAP + r"?[aApP]\.[mM]\.)?(?![.,:/\-–]?\d)"  # 9h30
_PHONE = r"\+\d{1,4}(?:[ \-.]?(?:\(\d{1,5}\)|\d{1,6}))+(?![ \-.]?\(?\d)"  # +49 40 123, +1 (555) 010-2030
_SUFFIX = r"(?:st|nd|rd|th|er|e|ème|º|ª|am|pm|AM|PM|h|k|K|%|‰|°[CF]?)"  # 3rd, 1er, 10am, 5k, 20°C
_NUMBER = (
    rf"(?<![\w.,+\-−])(?:\p{{Sc}}{_GAP}?)?"
    rf"(?:{_ISO_MOMENT}|{_PHONE}|[+\-−]?{_DIGITS}|{_CLOCK})"
    rf"(?:{_GAP}?[%‰]|{_SUFFIX}|{_GAP}?\p{{Sc}}|{_GAP}?[aApP]\.[mM]\.)?(?!\w)"
)

TOKEN_KINDS: dict[str, str] = {
    "url": _URL,
    "email": r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+",
    "mention": r"(?<![\w@.])@[A-Za-z0-9_]{2,32}(?![\w@])",
    "hashtag": r"(?<![\w#$&/])#\w+",
    "cashtag": r"(?<![\w$])\$[A-Z]{1,8}(?!\w)",
    "command": r"(?<![\w/@])/[A-Za-z][A-Za-z0-9_]{0,31}(?:@[A-Za-z0-9_]{3,32})?(?![\w/])",
    "emoji": _EMOJI,
    "number": _NUMBER,
}
"""Protected token kinds found in plain text (spans kept as is and the glossary come on top)."""

# Strong tokens win over glossary terms (a term inside a URL stays part of the URL); glossary terms
# win over weak ones (the "19" of a "COVID-19" term).
_STRONG = regex.compile("|".join(TOKEN_KINDS[k] for k in ("url", "email", "mention", "hashtag", "cashtag", "command")))
_WEAK = regex.compile("|".join(TOKEN_KINDS[k] for k in ("emoji", "number")))

PLACEHOLDERS: tuple[str, ...] = tuple(f"{a}{b}{a}" for b in range(10) for a in (7, 8, 9, 6, 5, 4, 3, 2, 1))
"""Candidate placeholders, in order of use (see the module docstring for why numbers)."""

_FINAL = ".!?,;:…。！？，；：．"
_SENTENCE_END = ".!?…。！？．"
_SAME_PUNCT = str.maketrans({"。": ".", "．": ".", "！": "!", "？": "?", "，": ",", "；": ";", "：": ":"})
_TO_FULLWIDTH = str.maketrans({".": "。", "!": "！", "?": "？", ",": "，", ";": "；", ":": "："})
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


# --- Finding protected spans ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Protected:
    """A protected part of the text (str indices) and what to write in its place."""

    start: int
    end: int
    output: str


def _glossary_pattern(glossary: Mapping[str, str]) -> regex.Pattern | None:
    """Whole-word, case-sensitive; longest term first so "Hamburg Port" beats "Hamburg"."""
    terms = sorted((t for t in glossary if t.strip()), key=lambda t: (-len(t), t))
    if not terms:
        return None
    return regex.compile(r"(?<!\w)(?:" + "|".join(regex.escape(t) for t in terms) + r")(?!\w)")


def _candidates(text: str, spans: Sequence[Span], glossary: Mapping[str, str]) -> Iterable[_Protected]:
    """Every protected span candidate, strongest claim first."""
    for span in sorted(spans, key=lambda s: (s.start, -s.length)):
        if span.kind in KEPT_AS_IS:
            yield _Protected(span.start, span.end, text[span.start : span.end])
    for match in _STRONG.finditer(text):
        yield _Protected(match.start(), match.end(), match.group())
    pattern = _glossary_pattern(glossary)
    if pattern is not None:
        for match in pattern.finditer(text):
            yield _Protected(match.start(), match.end(), glossary[match.group()])
    for match in _WEAK.finditer(text):
        yield _Protected(match.start(), match.end(), match.group())


def _protected_spans(text: str, spans: Sequence[Span], glossary: Mapping[str, str]) -> list[_Protected]:
    """Non-overlapping protected spans in text order; an earlier (stronger) claim wins an overlap."""
    taken = bytearray(len(text))
    chosen = []
    for span in _candidates(text, spans, glossary):
        if span.end > span.start and not any(taken[span.start : span.end]):
            taken[span.start : span.end] = b"\x01" * (span.end - span.start)
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


def protected_tokens(text: str, spans: Sequence[Span] = (), glossary: Mapping[str, str] | None = None) -> list[str]:
    """The protected tokens of `text` as written, in order (what must come through unchanged)."""
    return [text[s.start : s.end] for s in _protected_spans(text, spans, glossary or {})]


# --- Cutting the message into atoms, chunks and bodies ---------------------------------------------


@dataclass(frozen=True, slots=True)
class _Atom:
    """A run of the message: translatable text of one style set, or something passed through.

    `fixed` is the output of a passed-through atom (a token, its glossary replacement, a newline,
    whitespace or punctuation) and None for text the model translates. `marks` are the spans to
    put on a fixed output, relative to its start; `styles` the formatting of translatable text.
    """

    text: str
    styles: frozenset[Span]
    fixed: str | None
    marks: tuple[Span, ...] = ()


_Piece = tuple[str, tuple[Span, ...]]  # output text and its spans, relative to it


def _style_key(span: Span) -> Span:
    """The span without its position: equal keys are the same formatting."""
    return replace(span, start=0, length=0)


def _styles_at(text: str, spans: Sequence[Span]) -> list[frozenset[Span]]:
    styles: list[set[Span]] = [set() for _ in text]
    for span in spans:
        if span.kind not in KEPT_AS_IS:
            for i in range(span.start, min(span.end, len(text))):
                styles[i].add(_style_key(span))
    return [frozenset(s) for s in styles]


def _marks(text: str, start: int, end: int, output: str, spans: Sequence[Span]) -> tuple[Span, ...]:
    """Spans on a passed-through run, clipped to it; a replaced glossary term keeps only the
    spans that covered all of it, stretched over the replacement."""
    marks = []
    for span in spans:
        low, high = max(span.start, start), min(span.end, end)
        if low >= high:
            continue
        if output == text[start:end]:
            marks.append(replace(span, start=low - start, length=high - low))
        elif (low, high) == (start, end) and output:
            marks.append(replace(span, start=0, length=len(output)))
    return tuple(marks)


def _atoms(text: str, spans: Sequence[Span], glossary: Mapping[str, str]) -> list[_Atom]:
    """Split the text at protected spans, newlines and changes of formatting."""
    styles = _styles_at(text, spans)
    protected = {p.start: p for p in _protected_spans(text, spans, glossary)}
    atoms: list[_Atom] = []
    i = 0
    while i < len(text):
        kept = protected.get(i)
        if kept is not None:
            end, fixed = kept.end, kept.output
        elif text[i] == "\n":
            end, fixed = i + 1, "\n"
        else:
            end = i + 1
            while end < len(text) and end not in protected and text[end] != "\n" and styles[end] == styles[i]:
                end += 1
            piece = text[i:end]
            # Whitespace and punctuation ("...", " - ") need no model: pass them through.
            fixed = None if any(c.isalpha() for c in piece) else piece
        marks = _marks(text, i, end, fixed, spans) if fixed is not None else ()
        atoms.append(_Atom(text[i:end], styles[i], fixed, marks))
        i = end
    return atoms


def _chunks(atoms: list[_Atom]) -> list[list[_Atom]]:
    """Group atoms into one line's runs whose translatable text shares one set of styles.

    Passed-through atoms join whichever run they are in: a bold mention inside a plain sentence
    does not split the sentence.
    """
    chunks: list[list[_Atom]] = []
    current: list[_Atom] = []
    style: frozenset[Span] | None = None
    for atom in atoms:
        breaks = atom.fixed == "\n" or (atom.fixed is None and style is not None and atom.styles != style)
        if breaks and current:
            chunks.append(current)
            current, style = [], None
        current.append(atom)
        if atom.fixed is None:
            style = atom.styles
    if current:
        chunks.append(current)
    return chunks


@dataclass(slots=True)
class _Body:
    """The translatable middle of a chunk: text segments with runs of passed-through atoms between.

    `texts` has one more element than `runs`: text, run, text, ..., text.
    """

    texts: list[str]
    runs: list[list[_Atom]]
    styles: frozenset[Span]
    pieces: list[_Piece] | None = None  # the translated output, once known

    @property
    def lead(self) -> str:
        return _edges(self.texts[0])[0]

    @property
    def trail(self) -> str:
        return _edges(self.texts[-1])[2]

    def placeholders(self) -> list[str] | None:
        """One placeholder per inner run, none of them already in the text; None if out of them."""
        plain = "".join(self.texts)
        free = [p for p in PLACEHOLDERS if p not in plain]
        return free[: len(self.runs)] if len(free) >= len(self.runs) else None

    def source(self, marks: list[str]) -> str:
        """What the model sees: the text with each inner run replaced by its placeholder.

        Punctuation next to an inner token stays in the sentence: there it is grammar.
        """
        parts = [self.texts[0]]
        for mark, text in zip(marks, self.texts[1:], strict=True):
            parts += [mark, text]
        joined = "".join(parts)
        return joined[len(self.lead) : len(joined) - len(self.trail)]


def _is_separator(char: str) -> bool:
    """Leading whitespace and punctuation ("@anna, the", "- item", "... and") carry no meaning for
    the model, and small models drop them: they stay outside. Opening brackets and quotes belong to
    the words after them."""
    category = unicodedata.category(char)
    return char.isspace() or (category[0] in "PS" and category not in ("Ps", "Pi") and char not in "\"'¿¡")


def _is_opener(char: str) -> bool:
    """Trailing whitespace and opening brackets ("read (" before a link) stay outside too."""
    return char.isspace() or unicodedata.category(char) in ("Ps", "Pi") or char in "¿¡"


def _edges(text: str) -> tuple[str, str, str]:
    """(lead, core, trail): the part of a segment the model sees, and what stays around it."""
    start = 0
    while start < len(text) and _is_separator(text[start]):
        start += 1
    end = len(text)
    while end > start and _is_opener(text[end - 1]):
        end -= 1
    return text[:start], text[start:end], text[end:]


def _split_chunk(chunk: list[_Atom]) -> list[_Atom | _Body]:
    """Cut the passed-through atoms off both ends of a chunk; the rest becomes one body."""
    indices = [i for i, atom in enumerate(chunk) if atom.fixed is None]
    if not indices:
        return list(chunk)
    first, last = indices[0], indices[-1]
    texts: list[str] = []
    runs: list[list[_Atom]] = []
    for translatable, group in itertools.groupby(chunk[first : last + 1], key=lambda a: a.fixed is None):
        members = list(group)
        if translatable:
            texts.append("".join(a.text for a in members))
        else:
            runs.append(members)
    return [*chunk[:first], _Body(texts, runs, chunk[first].styles), *chunk[last + 1 :]]


# --- Translating -----------------------------------------------------------------------------------


def _call(translate: TranslateBatch, strings: list[str]) -> dict[str, str]:
    """One model call for all distinct strings, each cleaned of repetition loops."""
    unique = list(dict.fromkeys(strings))
    if not unique:
        return {}
    outputs = translate(unique)
    if len(outputs) != len(unique):
        raise ValueError(f"translator returned {len(outputs)} strings for {len(unique)}")
    return {source: clean_repetition(source, out) for source, out in zip(unique, outputs, strict=True)}


def _styled(text: str, styles: frozenset[Span]) -> _Piece:
    length = len(text)
    if not length:
        return text, ()
    return text, tuple(replace(style, length=length) for style in sorted(styles, key=repr))


def _fixed(atoms: list[_Atom]) -> list[_Piece]:
    return [(atom.fixed or "", atom.marks) for atom in atoms]


def _fill(body: _Body, marks: list[str], translated: str) -> list[_Piece] | None:
    """The translation with each placeholder replaced by its run; None unless each placeholder
    occurs exactly once (the model dropped, mangled or repeated one)."""
    if not marks:
        return [_styled(body.lead + translated + body.trail, body.styles)]
    pattern = regex.compile(r"(?<!\d)(?:" + "|".join(marks) + r")(?!\d)")
    found = [m.group() for m in pattern.finditer(translated)]
    if sorted(found) != sorted(marks):
        return None
    pieces = [_styled(body.lead, body.styles)]
    position = 0
    for match in pattern.finditer(translated):
        pieces.append(_styled(translated[position : match.start()], body.styles))
        pieces += _fixed(body.runs[marks.index(match.group())])
        position = match.end()
    pieces += [_styled(translated[position:], body.styles), _styled(body.trail, body.styles)]
    return pieces


def _segments(body: _Body, outputs: Mapping[str, str]) -> list[_Piece]:
    """The fallback: each text segment translated alone, joined with the runs and original spacing."""
    pieces: list[_Piece] = []
    for i, text in enumerate(body.texts):
        lead, core, trail = _edges(text)
        pieces.append(_styled(lead + outputs[core] + trail, body.styles))
        if i < len(body.runs):
            pieces += _fixed(body.runs[i])
    return pieces


def _translate_bodies(bodies: list[_Body], translate: TranslateBatch) -> None:
    """Fill every body's pieces: one call with placeholders, at most one more for the fallbacks."""
    attempts = [(body, body.placeholders()) for body in bodies]
    tried = [(body, marks) for body, marks in attempts if marks is not None]
    outputs = _call(translate, [body.source(marks) for body, marks in tried])
    for body, marks in tried:
        body.pieces = _fill(body, marks, outputs[body.source(marks)])
    failed = [body for body in bodies if body.pieces is None]
    segment_outputs = _call(translate, [_edges(text)[1] for body in failed for text in body.texts])
    for body in failed:
        body.pieces = _segments(body, segment_outputs)


def translate_message(
    text: str,
    spans: Sequence[Span],
    translate: TranslateBatch,
    glossary: Mapping[str, str] | None = None,
) -> tuple[str, tuple[Span, ...]]:
    """Translate `text` with `translate`, keeping protected tokens and moving formatting along.

    `glossary` maps a term (whole word, case-sensitive) to what to write instead in the target
    language; mapping a term to itself keeps it verbatim. Returns the translated text and its
    spans, sorted by position.
    """
    parts = [part for chunk in _chunks(_atoms(text, spans, glossary or {})) for part in _split_chunk(chunk)]
    _translate_bodies([p for p in parts if isinstance(p, _Body)], translate)
    pieces: list[_Piece] = []
    for part in parts:
        if isinstance(part, _Body):
            pieces += part.pieces or []
        else:
            pieces += _fixed([part])
    return _assemble(pieces)


def _assemble(pieces: list[_Piece]) -> tuple[str, tuple[Span, ...]]:
    """Concatenate the pieces and place their spans, merging touching runs of one formatting."""
    out: list[str] = []
    placed: list[Span] = []
    position = 0
    for piece, marks in pieces:
        placed += [mark.moved(position) for mark in marks if mark.length]
        out.append(piece)
        position += len(piece)
    return "".join(out), _merge(placed)


def _merge(spans: list[Span]) -> tuple[Span, ...]:
    """Join same formatting that touches or overlaps; spans kept as is stay as they are."""
    merged: list[Span] = []
    latest: dict[Span, int] = {}
    for span in sorted(spans, key=lambda s: (s.start, -s.length)):
        key = _style_key(span)
        index = latest.get(key)
        if span.kind not in KEPT_AS_IS and index is not None:
            previous = merged[index]
            if previous.end >= span.start:
                merged[index] = replace(previous, length=max(previous.end, span.end) - previous.start)
                continue
        latest[key] = len(merged)
        merged.append(span)
    return tuple(sorted(merged, key=lambda s: (s.start, -s.length, s.kind)))


# --- Cleaning model output -------------------------------------------------------------------------


def clean_repetition(source: str, translated: str) -> str:
    """Undo the loops small models fall into on short input, and match the source's final punctuation.

    Like LibreTranslate's `improve_translation_formatting` ("salad salad salad" for "salad"), but
    for any short phrase: a word or 2-3 word phrase repeated back to back is collapsed when the source
    repeats nothing of that size. A single word must repeat three times (or fill the whole output,
    or come from a one-word source) because real languages double words legitimately ("nous nous
    voyons", "dass das das"). Then the final punctuation follows the source: an invented full stop is
    removed, a dropped "?" restored, "??" for "?" reduced to one. Letter case is never changed: the
    text is translated as written, and German nouns are capitalised by the model on purpose.
    """
    body = translated.rstrip()
    ending = translated[len(body) :]
    words = body.split(" ")
    source_words = source.split()
    for size in (1, 2, 3):
        if not _repeats(_bare(source_words), size):
            words = _collapse(words, size, one_word_source=len(source_words) == 1)
    return _match_final_punctuation(source, " ".join(words)) + ending


def _bare(words: list[str]) -> list[str]:
    """Words compared for repetition: case and sentence-final punctuation do not count."""
    return [w.rstrip(_SENTENCE_END).casefold() for w in words]


def _repeats(words: list[str], size: int) -> bool:
    return any(words[i : i + size] == words[i + size : i + 2 * size] for i in range(len(words) - 2 * size + 1))


def _collapse(words: list[str], size: int, one_word_source: bool) -> list[str]:
    """Replace each back-to-back run of copies of a `size`-word phrase with one copy."""
    bare = _bare(words)
    out: list[str] = []
    i = 0
    while i < len(words):
        copies = 1
        while i + size <= len(words) and bare[i : i + size] == bare[i + copies * size : i + (copies + 1) * size]:
            copies += 1
        end = i + copies * size
        whole = i == 0 and end == len(words)
        if copies >= 2 and (size > 1 or copies >= 3 or whole or one_word_source):
            # The first copy's words, with the final punctuation of the last copy.
            kept = words[i : i + size]
            kept[-1] = kept[-1].rstrip(_SENTENCE_END) + _split_final(words[end - 1], _SENTENCE_END)[1]
            out += kept
            i = end
        else:
            out.append(words[i])
            i += 1
    return out


def _split_final(text: str, chars: str = _FINAL) -> tuple[str, str]:
    """(text, its trailing run of final punctuation)."""
    stripped = text.rstrip(chars)
    return stripped, text[len(stripped) :]


def _match_final_punctuation(source: str, translated: str) -> str:
    """End `translated` with the source's final punctuation, in the translation's script."""
    _, source_end = _split_final(source.rstrip())
    body, end = _split_final(translated)
    if not body:
        return translated  # nothing but punctuation: leave it
    if not source_end:
        return body
    normal = source_end.replace("…", "...").translate(_SAME_PUNCT)
    if end.replace("…", "...").translate(_SAME_PUNCT) == normal:
        return translated
    if len(normal) == 1 and end and set(end.translate(_SAME_PUNCT)) == {normal}:
        return body + end[0]  # "??" for "?": keep one, in the model's own width
    fullwidth = any(c in "。！？，；：" for c in end) or (not end and _CJK.match(body[-1]) is not None)
    return body + (source_end.translate(_TO_FULLWIDTH) if fullwidth else source_end)
