"""Protected tokens come back byte-identical; formatting lands on the translated words.

The translators here are small deterministic stand-ins for a model (the real tiny Argos models are
exercised end to end in test_engine.py and test_relay.py): a word dictionary en->de that upper-cases
every word it does not know, so anything sent to it by mistake comes back visibly mangled, and that
keeps, drops, mangles or repeats the numbers it is given, the way real models treat placeholders.
"""

from __future__ import annotations

import random
import re

import pytest

from bridgebot.richtext import RichText, Span, SpanKind
from bridgebot.translation.protect import PLACEHOLDERS, clean_repetition, protected_tokens, translate_message

WORDS = {
    "please": "bitte",
    "read": "lesen",
    "and": "und",
    "call": "ruf",
    "now": "jetzt",
    "the": "die",
    "bridge": "brücke",
    "is": "ist",
    "open": "offen",
    "meeting": "treffen",
    "at": "um",
    "salad": "Salat",
}
MODES = ("keep", "drop", "mangle", "double")


class Model:
    """A word-for-word en->de "model" that records every batch it is given.

    `placeholders` says what it does with numbers (the placeholders): "keep" them, "drop" them,
    "mangle" them ("707" -> "7 07") or "double" them (repeat the first one at the end).
    """

    def __init__(self, placeholders: str = "keep") -> None:
        self.mode = placeholders
        self.batches: list[list[str]] = []

    def __call__(self, batch: list[str]) -> list[str]:
        self.batches.append(list(batch))
        return [self._one(text) for text in batch]

    @property
    def sent(self) -> list[str]:
        return [text for batch in self.batches for text in batch]

    def _one(self, text: str) -> str:
        out = re.sub(r"[^\W\d_]+", lambda m: WORDS.get(m.group(), m.group().upper()), text)
        numbers = re.findall(r"\d+", out)
        if self.mode == "drop":
            return re.sub(r"\d+", "", out)
        if self.mode == "mangle":
            return re.sub(r"\d+", lambda m: m.group()[0] + " " + m.group()[1:], out)
        if self.mode == "double" and numbers:
            return f"{out} {numbers[0]}"
        return out


def spans(text: str, placed: tuple[Span, ...]) -> list[tuple[str, str]]:
    return [(str(s.kind), RichText(text).covered(s)) for s in placed]


TOKENS = [
    "@anna_hh",
    "https://example.org/a?b=1&c=2",
    "www.hamburg.de/elbe",
    "x.y@city.gov",
    "#elbe",
    "/status@bridge_bot",
    "1,000.50",
    "12:30",
    "2026-12-04",
    "3rd",
    "50%",
    "+49 40 123",
    "👨‍👩‍👧",
    "🇩🇪",
    "👍🏽",
    "1️⃣",
]


@pytest.mark.parametrize("mode", MODES)
def test_urls_mentions_hashtags_emails_numbers_emoji_come_back_byte_identical(mode: str) -> None:
    text = "please read " + " and ".join(TOKENS) + " now"
    model = Model(mode)
    out, _ = translate_message(text, [], model)
    assert protected_tokens(text) == TOKENS
    for token in TOKENS:
        assert out.count(token) == 1, (token, out)
        assert not any(token in sent for sent in model.sent), "a protected token reached the model"
    assert out.startswith("bitte lesen @anna_hh und https://example.org/a?b=1&c=2 und ")
    assert out.endswith(" und 1️⃣ jetzt")


def test_tokens_at_line_edges_are_not_sent_to_the_model() -> None:
    model = Model()
    out, _ = translate_message("@anna,  please read the bridge (https://x.org/p) 👍\n#elbe 12:30 now", [], model)
    assert model.batches == [["please read the bridge", "now"]]
    assert out == "@anna,  bitte lesen die brücke (https://x.org/p) 👍\n#elbe 12:30 jetzt"


@pytest.mark.parametrize("mode", ["drop", "mangle", "double"])
def test_placeholder_lost_falls_back_to_segments(mode: str) -> None:
    model = Model(mode)
    out, _ = translate_message("please read https://x.org/1 and call @anna, now", [], model)
    assert out == "bitte lesen https://x.org/1 und ruf @anna, jetzt"
    first, second = model.batches
    assert first == ["please read 707 and call 808, now"]
    assert second == ["please read", "and call", "now"], "one more call, with every segment"


def test_fallback_for_several_lines_is_one_more_call() -> None:
    model = Model("drop")
    out, _ = translate_message("please read @anna now\nthe bridge\ncall #elbe now", [], model)
    assert out == "bitte lesen @anna jetzt\ndie brücke\nruf #elbe jetzt"
    assert model.batches == [
        ["please read 707 now", "the bridge", "call 707 now"],
        ["please read", "now", "call"],
    ]


def test_bold_run_keeps_its_formatting_on_translated_words() -> None:
    text = "please read the bridge now"
    bold = Span(SpanKind.BOLD, text.index("the"), len("the bridge"))
    model = Model()
    out, entities = translate_message(text, [bold], model)
    assert out == "bitte lesen die brücke jetzt"
    assert spans(out, entities) == [("bold", "die brücke")]
    assert model.batches == [["please read", "the bridge", "now"]], "each formatted run on its own, one call"


def test_nested_styles_split_into_runs_and_merge_back() -> None:
    text = "please read the bridge"
    entities = [Span(SpanKind.BOLD, 0, len(text)), Span(SpanKind.ITALIC, text.index("the"), len("the bridge"))]
    out, placed = translate_message(text, entities, Model())
    assert spans(out, placed) == [("bold", "bitte lesen die brücke"), ("italic", "die brücke")]


def test_mention_inside_bold_keeps_bold_and_sentence() -> None:
    text = "please call @anna now"
    model = Model()
    out, placed = translate_message(text, [Span(SpanKind.BOLD, text.index("@anna"), 5)], model)
    assert out == "bitte ruf @anna jetzt"
    assert spans(out, placed) == [("bold", "@anna")]
    assert model.batches == [["please call 707 now"]], "a formatted token does not split the sentence"


def test_text_link_keeps_url() -> None:
    text = "please read the bridge now"
    link = Span(SpanKind.LINK, text.index("the"), len("the bridge"), url="https://x.org/bridge")
    out, entities = translate_message(text, [link], Model())
    assert entities == (Span(SpanKind.LINK, out.index("die"), len("die brücke"), url="https://x.org/bridge"),)


def test_code_and_pre_spans_untouched() -> None:
    text = "please read `the bridge` now\n```\nplease read\n  the bridge 42\n```"
    code = Span(SpanKind.CODE, text.index("`"), len("`the bridge`"))
    pre_start = text.index("```")
    pre = Span(SpanKind.PRE, pre_start, len(text) - pre_start, language="python")
    model = Model()
    out, entities = translate_message(text, [code, pre], model)
    assert out == "bitte lesen `the bridge` jetzt\n```\nplease read\n  the bridge 42\n```"
    assert spans(out, entities) == [("code", "`the bridge`"), ("pre", text[pre_start:])]
    assert entities[1].language == "python"
    assert model.batches == [["please read 707 now"]]


def test_spans_kept_as_is_keep_their_data() -> None:
    text = "call Anna now ⭐ #elbe"
    mention = Span(SpanKind.MENTION, text.index("Anna"), 4, user_id=42)
    star = Span(SpanKind.VERBATIM, text.index("⭐"), 1, extra=(("id", '"5368324170671202286"'),))
    tag = Span(SpanKind.VERBATIM, text.index("#"), 5)
    out, entities = translate_message(text, [mention, star, tag], Model())
    assert out == "ruf Anna jetzt ⭐ #elbe"
    assert entities == (
        Span(SpanKind.MENTION, 4, 4, user_id=42),
        Span(SpanKind.VERBATIM, out.index("⭐"), 1, extra=(("id", '"5368324170671202286"'),)),
        Span(SpanKind.VERBATIM, out.index("#"), 5),
    )


def test_a_mention_by_name_is_never_sent_to_the_model() -> None:
    text = "please call Anna Schmidt now"
    mention = Span(SpanKind.MENTION, text.index("Anna"), len("Anna Schmidt"), user_id=42)
    model = Model()
    out, _ = translate_message(text, [mention], model)
    assert out == "bitte ruf Anna Schmidt jetzt"
    assert not any("Anna" in sent for sent in model.sent)


def test_glossary_term_replaced_per_language() -> None:
    text = "please call Port Authority and read Elbphilharmonie now"
    german = {"Port Authority": "Hafenbehörde", "Port": "Hafen", "Elbphilharmonie": "Elbphilharmonie"}
    spanish = {"Port Authority": "Autoridad Portuaria", "Elbphilharmonie": "Elbphilharmonie"}
    model = Model()
    assert translate_message(text, [], model, german)[0] == "bitte ruf Hafenbehörde und lesen Elbphilharmonie jetzt"
    assert translate_message(text, [], Model(), spanish)[0] == (
        "bitte ruf Autoridad Portuaria und lesen Elbphilharmonie jetzt"
    )
    assert "Port" not in model.sent[0] and "Elbphilharmonie" not in model.sent[0]
    # Case-sensitive and whole words only: these are ordinary words for the model.
    assert translate_message("the port and Elbphilharmonies", [], Model(), german)[0] == "die PORT und ELBPHILHARMONIES"


def test_multiline_layout_kept() -> None:
    text = "please read\n\n  - the bridge\n\n\ncall now \n"
    model = Model()
    out, _ = translate_message(text, [], model)
    assert out == "bitte lesen\n\n  - die brücke\n\n\nruf jetzt \n"
    assert model.batches == [["please read", "the bridge", "call now"]]


def test_blockquote_over_lines_stays_one_entity() -> None:
    text = "please read\nthe bridge"
    out, entities = translate_message(text, [Span(SpanKind.QUOTE, 0, len(text), expandable=True)], Model())
    assert spans(out, entities) == [("quote", "bitte lesen\ndie brücke")]
    assert entities[0].expandable


def test_one_batch_call_when_placeholders_survive() -> None:
    model = Model()
    out, _ = translate_message("please read https://x.org/1 now\nand call +49 40 123 now\nplease read", [], model)
    assert out == "bitte lesen https://x.org/1 jetzt\nund ruf +49 40 123 jetzt\nbitte lesen"
    assert model.batches == [["please read 707 now", "and call 707 now", "please read"]]


def test_emoji_only_and_url_only_text_needs_no_model() -> None:
    model = Model()
    for text in ("👍🎉", "https://example.org", "@anna 👍 #elbe", "...", "  \n\n ", "", "12:30 - 14:00 🇩🇪"):
        assert translate_message(text, [], model) == (text, ())
    assert model.batches == []


def test_span_positions_are_characters_even_after_emoji() -> None:
    text = "👍🏽🇩🇪 please read the bridge"
    italic = Span(SpanKind.ITALIC, text.index("the"), len("the bridge"))
    out, entities = translate_message(text, [italic], Model())
    assert out == "👍🏽🇩🇪 bitte lesen die brücke"
    assert entities == (Span(SpanKind.ITALIC, out.index("die"), len("die brücke")),)


def test_clean_repetition_salad() -> None:
    assert clean_repetition("salad", "salad salad salad.") == "salad"
    assert clean_repetition("Salad!", "Salat Salat!") == "Salat!"
    assert clean_repetition("the bridge", "die Brücke die Brücke die Brücke") == "die Brücke"
    assert clean_repetition("very very good", "sehr sehr gut") == "sehr sehr gut", "the source repeats too"
    assert clean_repetition("we see each other", "nous nous voyons") == "nous nous voyons", "a real double word"
    assert clean_repetition("Really?", "Wirklich??") == "Wirklich?"
    assert clean_repetition("Really?", "Wirklich.") == "Wirklich?"
    assert clean_repetition("Really?", "真的") == "真的？"
    assert clean_repetition("wait...", "warte.") == "warte..."
    assert clean_repetition("is it open", "ist es offen?") == "ist es offen"

    def looping(batch: list[str]) -> list[str]:
        return ["Salat Salat Salat." for _ in batch]

    assert translate_message("salad 🥗", [], looping) == ("Salat 🥗", ())


def test_no_capitalisation_added() -> None:
    model = Model()
    assert translate_message("please read the bridge", [], model)[0] == "bitte lesen die brücke"
    assert translate_message("the bridge is open 👍", [], model)[0] == "die brücke ist offen 👍"
    assert model.sent == ["please read the bridge", "the bridge is open"], "sent as written: no capital, no full stop"


def test_placeholders_avoid_numbers_already_in_the_text() -> None:
    model = Model()
    out, _ = translate_message("please read B707 and A808 #elbe now", [], model)
    assert out == "bitte lesen B707 und A808 #elbe jetzt"
    assert model.batches == [["please read B707 and A808 909 now"]]
    assert PLACEHOLDERS[:3] == ("707", "808", "909")


def test_wrong_number_of_outputs_is_an_error() -> None:
    with pytest.raises(ValueError, match="returned 0 strings for 1"):
        translate_message("please read", [], lambda batch: [])


PIECES = [
    *["please", "read", "and", "call", "now", "the", "bridge", "meeting", "at", "is", "open"],
    *["@anna", "#elbe", "https://x.org/p?q=1", "x@city.gov", "/status", "42", "12:30", "2026-12-04", "50%"],
    *["👍", "🇩🇪", "👩🏽‍💻", ",", "...", "(", ")", "-", "\n"],
]


def test_random_messages_keep_every_protected_token_exactly_as_often() -> None:
    for seed in range(500):
        rng = random.Random(seed)
        words = [rng.choice(PIECES) for _ in range(rng.randint(1, 16))]
        text = "".join(w + rng.choice([" ", " ", "  ", ", ", " - ", "... ", "\n"]) for w in words)
        tokens = protected_tokens(text)
        bold = sorted(rng.sample(range(len(text) + 1), 2))
        entities = [Span(SpanKind.BOLD, bold[0], bold[1] - bold[0])] if bold[1] > bold[0] else []
        model = Model(MODES[seed % len(MODES)])
        out, placed = translate_message(text, entities, model)
        for token in set(tokens):
            assert out.count(token) == text.count(token), (seed, text, out, token)
            assert not any(token in sent for sent in model.sent), (seed, text, token)
        assert out.count("\n") == text.count("\n")
        assert len(model.batches) <= 2
        assert all(0 <= s.start < s.end <= len(out) for s in placed)
        assert list(placed) == sorted(placed, key=lambda s: s.start)


def adversarial_message(size: int = 4096) -> tuple[str, list[str]]:
    """A message of `size` characters built to make a backtracking number pattern retry from every
    digit of a long run (a run glued to a word, "x1:1:…:1"), between ordinary protected tokens;
    and the tokens that must come back: the ordinary ones only, the glued run being no number."""
    head, tail = "please read 12:30 and x", " and @anna_hh and 1️⃣ now"
    run = "1" + ":1" * ((size - len(head) - len(tail) - 1) // 2)
    return (head + run).ljust(size - len(tail)) + tail, ["12:30", "@anna_hh", "1️⃣"]


def test_crafted_4kb_number_run_is_protected_whole_or_not_at_all() -> None:
    text, tokens = adversarial_message()
    assert len(text) == 4096
    assert protected_tokens(text) == tokens, "no fragment of the glued run is taken for a number"
    model = Model()
    out, _ = translate_message(text, [], model)
    for token in tokens:
        assert out.count(token) == 1, token
        assert not any(token in sent for sent in model.sent), token
