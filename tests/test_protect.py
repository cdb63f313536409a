"""Protected tokens come back byte-identical; formatting lands on the translated words.

The translators here are small deterministic functions standing in for a model (the real model is
exercised end to end in test_relay.py): one that keeps placeholders, one that drops them.
"""

from __future__ import annotations

import random

from bridgebot.textmodel import Entity, entity_text, utf16_len
from bridgebot.translation.protect import clean_repetition, protected_tokens, translate_message

WORDS = {
    "please": "bitte",
    "read": "lesen",
    "and": "und",
    "call": "ruf",
    "now": "jetzt",
    "the": "die",
    "bridge": "brücke",
}


class Model:
    """Word-by-word "translation"; `keeps_placeholders=False` mangles digits like a toy model."""

    def __init__(self, keeps_placeholders: bool = True) -> None:
        self.keeps = keeps_placeholders
        self.batches: list[list[str]] = []

    def __call__(self, batch: list[str]) -> list[str]:
        self.batches.append(list(batch))
        out = []
        for text in batch:
            words = [WORDS.get(w, w.upper()) for w in text.split(" ")]
            joined = " ".join(words)
            out.append(joined if self.keeps else "".join(c for c in joined if not c.isdigit()))
        return out


def test_urls_mentions_hashtags_emails_numbers_emoji_come_back_byte_identical() -> None:
    text = "@anna_hh please read https://example.org/a?b=1&c=2 and mail x.y@city.gov now 12:30 #elbe 🇩🇪👍🏽"
    out, _ = translate_message(text, [], Model())
    for token in ("@anna_hh", "https://example.org/a?b=1&c=2", "x.y@city.gov", "12:30", "#elbe", "🇩🇪", "👍🏽"):
        assert out.count(token) == 1, (token, out)
    assert out.startswith("@anna_hh bitte lesen")


def test_tokens_at_line_edges_are_not_sent_to_the_model() -> None:
    model = Model()
    translate_message("@anna please read 👍", [], model)
    assert model.batches == [["please read"]]


def test_placeholder_lost_falls_back_to_segments_in_one_more_call() -> None:
    model = Model(keeps_placeholders=False)
    out, _ = translate_message("please read https://x.org/1 and call 555 now", [], model)
    assert out == "bitte lesen https://x.org/1 und ruf 555 jetzt"
    assert len(model.batches) == 2 and model.batches[1] == ["please read", "and call", "now"]


def test_one_batch_call_when_placeholders_survive() -> None:
    model = Model()
    out, _ = translate_message("please read https://x.org/1 now\nand call 555 now", [], model)
    assert out == "bitte lesen https://x.org/1 jetzt\nund ruf 555 jetzt"
    assert len(model.batches) == 1


def test_bold_run_keeps_its_formatting_on_translated_words() -> None:
    text = "please read the bridge"
    bold = Entity("bold", text.index("the"), len("the bridge"))
    out, entities = translate_message(text, [bold], Model())
    assert out == "bitte lesen die brücke"
    assert [entity_text(out, e) for e in entities if e.type == "bold"] == ["die brücke"]


def test_text_link_keeps_url_and_code_stays_untouched() -> None:
    text = "please read the bridge and call `now`"
    link = Entity("text_link", text.index("the"), len("the bridge"), url="https://x.org")
    code = Entity("code", text.index("`now`"), 5)
    out, entities = translate_message(text, [link, code], Model())
    assert "`now`" in out
    found = {e.type: e for e in entities}
    assert entity_text(out, found["text_link"]) == "die brücke" and found["text_link"].url == "https://x.org"
    assert entity_text(out, found["code"]) == "`now`"


def test_utf16_offsets_with_emoji_before_an_entity() -> None:
    text = "👍🏽 please read the bridge"
    start = utf16_len(text[: text.index("the")])
    out, entities = translate_message(text, [Entity("italic", start, len("the bridge"))], Model())
    assert [entity_text(out, e) for e in entities] == ["die brücke"]


def test_glossary_term_replaced_per_language_or_kept() -> None:
    out, _ = translate_message("please read Elbphilharmonie now", [], Model(), {"Elbphilharmonie": "Elbe Hall"})
    assert out == "bitte lesen Elbe Hall jetzt"
    out, _ = translate_message("call HPA now", [], Model(), {"HPA": "HPA"})
    assert out == "ruf HPA jetzt"


def test_multiline_layout_kept() -> None:
    out, _ = translate_message("please read\n\n- the bridge\n", [], Model())
    assert out == "bitte lesen\n\n- die brücke\n"


def test_emoji_only_and_url_only_text_needs_no_model() -> None:
    model = Model()
    assert translate_message("👍🎉", [], model)[0] == "👍🎉"
    assert translate_message("https://example.org", [], model)[0] == "https://example.org"
    assert model.batches == []


def test_no_capitalisation_or_punctuation_added() -> None:
    assert translate_message("please read", [], Model())[0] == "bitte lesen"


def test_clean_repetition_like_libretranslate() -> None:
    assert clean_repetition("salad", "salad salad salad.") == "salad"
    assert clean_repetition("Salad!", "Salat Salat!") == "Salat!"
    assert clean_repetition("very very good", "sehr sehr gut") == "sehr sehr gut"


def test_every_protected_token_survives_exactly_once_in_random_messages() -> None:
    pieces = ["please", "read", "and", "call", "now", "the", "bridge", "@anna", "#elbe", "https://x.org/p", "42", "👍"]
    for seed in range(200):
        rng = random.Random(seed)
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        tokens = protected_tokens(text)
        for keeps in (True, False):
            out, _ = translate_message(text, [], Model(keeps_placeholders=keeps))
            for token in set(tokens):
                assert out.count(token) == text.count(token), (text, out, token)
