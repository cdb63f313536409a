"""What the translation model may touch, and putting the message back together around it.

Protected tokens — URLs, e-mail addresses, @mentions, #hashtags, /commands, numbers, dates and
times, emoji, code and pre spans, other verbatim entities and glossary terms — never reach the
model and come back byte-identical, exactly once. Text is translated as written (no added capitals
or punctuation), line by line, and each formatted run (bold, italic, a text link...) is translated
on its own so its formatting lands on the translated words, the way `argostranslate.tags` handles
markup.

Tokens at the start or end of a line are simply cut off and re-attached. A token *inside* a sentence
is first replaced by a placeholder so the sentence is translated whole; Argos models do not reliably
copy placeholders, so each one is verified afterwards, and when any is lost or doubled the pieces
between the tokens are translated separately instead. All strings of a message go to the model in
one batch, and the fallback in at most one more.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import regex

from bridgebot.textmodel import Entity, utf16_len, utf16_to_index

TranslateBatch = Callable[[list[str]], list[str]]

VERBATIM_ENTITIES = frozenset(
    {
        "code",
        "pre",
        "url",
        "email",
        "mention",
        "text_mention",
        "hashtag",
        "cashtag",
        "bot_command",
        "phone_number",
        "custom_emoji",
    }
)
STYLE_ENTITIES = frozenset(
    {
        "bold",
        "italic",
        "underline",
        "strikethrough",
        "spoiler",
        "text_link",
        "blockquote",
        "expandable_blockquote",
    }
)

_EMOJI = (
    r"(?:\p{RI}\p{RI}"
    r"|[0-9#*]\ufe0f?\u20e3"
    r"|\p{Extended_Pictographic}[\ufe0f\U0001F3FB-\U0001F3FF]*(?:\u200d\p{Extended_Pictographic}[\ufe0f\U0001F3FB-\U0001F3FF]*)*)"
)
TOKEN_KINDS: dict[str, str] = {
    "url": r"(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)\]}'’]",
    "email": r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
    "mention": r"(?<![\w@])@\w{2,32}",
    "hashtag": r"(?<![\w#$])[#$]\w+",
    "command": r"(?<![\w/])/[A-Za-z]\w*(?:@\w+)?",
    "number": r"(?<!\w)[+-]?\d(?:[\d.,:/-]*\d)?(?:st|nd|rd|th|h|%)?(?!\w)",
    "emoji": _EMOJI,
}
_TOKENS = regex.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in TOKEN_KINDS.items()))
PLACEHOLDER = "{}0{}"  # e.g. "707": digit-only placeholders are what NMT models copy most reliably


@dataclass(slots=True)
class _Atom:
    """A run of the message with one formatting and one role (translatable text or verbatim)."""

    text: str
    styles: frozenset[tuple[str, str | None, str | None]]
    verbatim: bool
    entity: Entity | None = None  # the verbatim entity this atom is, if any
    output: str = ""


@dataclass(slots=True)
class _Chunk:
    """Consecutive atoms of one line and one formatting, translated together if possible."""

    atoms: list[_Atom] = field(default_factory=list)


def _glossary_pattern(glossary: Mapping[str, str]) -> regex.Pattern | None:
    terms = sorted((t for t in glossary if t.strip()), key=len, reverse=True)
    if not terms:
        return None
    return regex.compile(r"(?<!\w)(?:" + "|".join(regex.escape(t) for t in terms) + r")(?!\w)")


def _verbatim_spans(
    text: str, entities: Sequence[Entity], glossary: Mapping[str, str]
) -> list[tuple[int, int, Entity | None, str | None]]:
    """(start, end, entity, replacement) in str indices; entities win over patterns, longest first."""
    spans: list[tuple[int, int, Entity | None, str | None]] = []
    for e in entities:
        if e.type in VERBATIM_ENTITIES:
            start, end = utf16_to_index(text, e.offset), utf16_to_index(text, e.offset + e.length)
            spans.append((start, end, e, None))
    pattern = _glossary_pattern(glossary)
    if pattern is not None:
        spans += [(m.start(), m.end(), None, glossary[m.group()]) for m in pattern.finditer(text)]
    spans += [(m.start(), m.end(), None, None) for m in _TOKENS.finditer(text)]
    taken = [False] * len(text)
    chosen = []
    for start, end, entity, replacement in spans:
        if end > start and not any(taken[start:end]):
            taken[start:end] = [True] * (end - start)
            chosen.append((start, end, entity, replacement))
    return sorted(chosen, key=lambda s: s[0])


def protected_tokens(
    text: str, entities: Sequence[Entity] = (), glossary: Mapping[str, str] | None = None
) -> list[str]:
    return [text[s:e] for s, e, _, _ in _verbatim_spans(text, entities, glossary or {})]


def _styles_at(text: str, entities: Sequence[Entity]) -> list[frozenset]:
    styles: list[set] = [set() for _ in text]
    for e in entities:
        if e.type in STYLE_ENTITIES:
            start, end = utf16_to_index(text, e.offset), utf16_to_index(text, e.offset + e.length)
            for i in range(start, end):
                styles[i].add((e.type, e.url, e.language))
    return [frozenset(s) for s in styles]


def _atoms(text: str, entities: Sequence[Entity], glossary: Mapping[str, str]) -> list[_Atom]:
    styles = _styles_at(text, entities)
    spans = {s: (e, entity, repl) for s, e, entity, repl in _verbatim_spans(text, entities, glossary)}
    atoms: list[_Atom] = []
    i = 0
    while i < len(text):
        if i in spans:
            end, entity, replacement = spans[i]
            atom = _Atom(text[i:end], styles[i], True, entity)
            atom.output = atom.text if replacement is None else replacement
            atoms.append(atom)
            i = end
            continue
        j = i
        while j < len(text) and j not in spans and styles[j] == styles[i] and text[j] != "\n":
            j += 1
        if j == i:  # a newline
            j = i + 1
        atoms.append(_Atom(text[i:j], styles[i], False))
        i = j
    for atom in atoms:
        if not atom.verbatim and not any(c.isalpha() for c in atom.text):
            atom.verbatim, atom.output = True, atom.text  # whitespace, punctuation, newlines
    return atoms


def _chunks(atoms: list[_Atom]) -> list[_Chunk]:
    """Group atoms into translation units: one formatting, one line, text on both ends."""
    chunks: list[_Chunk] = []
    current = _Chunk()
    for atom in atoms:
        breaks = atom.text == "\n" or (current.atoms and atom.styles != current.atoms[0].styles)
        if breaks and current.atoms:
            chunks.append(current)
            current = _Chunk()
        if atom.text != "\n":
            current.atoms.append(atom)
    if current.atoms:
        chunks.append(current)
    return chunks


def _inner(chunk: _Chunk) -> list[_Atom]:
    """The chunk's atoms from its first to its last translatable one (edge tokens cut off)."""
    indices = [i for i, a in enumerate(chunk.atoms) if not a.verbatim]
    return chunk.atoms[indices[0] : indices[-1] + 1] if indices else []


def _split_space(text: str) -> tuple[str, str, str]:
    core = text.strip()
    if not core:
        return text, "", ""
    start = text.index(core)
    return text[:start], core, text[start + len(core) :]


def _with_placeholders(atoms: list[_Atom]) -> tuple[str, list[str]]:
    parts, marks = [], []
    for atom in atoms:
        if atom.verbatim:
            mark = PLACEHOLDER.format(len(marks) + 7, len(marks) + 7)
            marks.append(mark)
            parts.append(mark)
        else:
            parts.append(atom.text)
    return "".join(parts).strip(), marks


def _fill(translated: str, atoms: list[_Atom], marks: list[str]) -> str | None:
    """Put the tokens back for their placeholders; None if any placeholder did not survive once."""
    if any(len(regex.findall(rf"(?<!\d){m}(?!\d)", translated)) != 1 for m in marks):
        return None
    tokens = [a for a in atoms if a.verbatim]
    for mark, atom in zip(marks, tokens, strict=True):
        translated = regex.sub(rf"(?<!\d){mark}(?!\d)", lambda _, a=atom: a.output, translated)
    return translated


def translate_message(
    text: str,
    entities: Sequence[Entity],
    translate: TranslateBatch,
    glossary: Mapping[str, str] | None = None,
) -> tuple[str, list[Entity]]:
    atoms = _atoms(text, entities, glossary or {})
    units = [_inner(chunk) for chunk in _chunks(atoms)]
    units = [u for u in units if u]
    first = [_with_placeholders(unit) for unit in units]
    outputs = translate([s for s, _ in first]) if first else []
    fallback: list[_Atom] = []
    for unit, (source, marks), output in zip(units, first, outputs, strict=True):
        output = clean_repetition(source, output)
        filled = _fill(output, unit, marks) if marks else output
        if filled is None:
            fallback += [a for a in unit if not a.verbatim]
            continue
        lead, _, trail = _split_space("".join(a.text for a in unit))
        unit[0].output = lead + filled + trail
        for atom in unit[1:]:
            atom.output = ""
    if fallback:
        cores = [_split_space(a.text) for a in fallback]
        for atom, (lead, core, trail), out in zip(fallback, cores, translate([c for _, c, _ in cores]), strict=True):
            atom.output = lead + clean_repetition(core, out) + trail
    return _assemble(atoms)


def _assemble(atoms: list[_Atom]) -> tuple[str, list[Entity]]:
    """Concatenate outputs and rebuild entities in UTF-16 offsets, merging touching runs."""
    out: list[str] = []
    entities: list[Entity] = []
    position = 0
    for atom in atoms:
        piece = atom.output if (atom.output or atom.verbatim or atom.text == "\n") else ""
        if atom.text == "\n":
            piece = "\n"
        length = utf16_len(piece)
        if length:
            for type_, url, language in sorted(atom.styles, key=lambda s: (s[0], s[1] or "", s[2] or "")):
                entities.append(Entity(type_, position, length, url=url, language=language))
            if atom.entity is not None:
                e = atom.entity
                entities.append(Entity(e.type, position, length, e.url, e.language, e.user_id, e.custom_emoji_id))
        out.append(piece)
        position += length
    return "".join(out), _merge(entities)


def _merge(entities: list[Entity]) -> list[Entity]:
    merged: list[Entity] = []
    for e in sorted(entities, key=lambda x: (x.type, x.url or "", x.language or "", x.offset)):
        last = merged[-1] if merged else None
        same = last is not None and (last.type, last.url, last.language) == (e.type, e.url, e.language)
        if same and last.type in STYLE_ENTITIES and last.offset + last.length >= e.offset:
            end = max(last.offset + last.length, e.offset + e.length)
            merged[-1] = Entity(last.type, last.offset, end - last.offset, last.url, last.language)
        else:
            merged.append(e)
    return sorted(merged, key=lambda x: (x.offset, -x.length))


_FINAL_PUNCTUATION = ".!?。！？"


def clean_repetition(source: str, translated: str) -> str:
    """Undo the loops small models fall into on short input ("salad salad salad" -> "salad").

    Like LibreTranslate: collapse a word or short phrase repeated back to back when the source does
    not repeat it, and end with the source's final punctuation rather than an invented one.
    """
    words = translated.split(" ")
    source_repeats = _repeated_sizes(_bare(source.split()))
    for size in (1, 2, 3):
        if size in source_repeats:
            continue
        i = 0
        while i + 2 * size <= len(words):
            if _bare(words[i : i + size]) == _bare(words[i + size : i + 2 * size]):
                del words[i : i + size]  # keep the later copy: it carries any final punctuation
            else:
                i += 1
    result = " ".join(words)
    stripped = result.rstrip()
    source_end = source.rstrip()[-1:]
    if stripped and stripped[-1] in _FINAL_PUNCTUATION and source_end not in _FINAL_PUNCTUATION:
        result = stripped.rstrip(_FINAL_PUNCTUATION)
    return result


def _bare(words: list[str]) -> list[str]:
    return [w.strip(_FINAL_PUNCTUATION + ",;:").casefold() for w in words]


def _repeated_sizes(words: list[str]) -> set[int]:
    return {
        size
        for size in (1, 2, 3)
        for i in range(len(words) - 2 * size + 1)
        if words[i : i + size] == words[i + size : i + 2 * size]
    }
