"""The channel-neutral rich text: the router, the services, the translation layer and the store speak
it; only the Telegram adapter knows Telegram's entities, UTF-16 offsets and limits."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bridgebot.adapters.telegram import parts
from bridgebot.adapters.telegram_entities import entities_of, spans_from_entities, utf16_len
from bridgebot.i18n import catalogs
from bridgebot.richtext import RichText, Span, SpanKind, span_from_dict, spans_to_json
from bridgebot.services.relay import Incoming, Relay
from bridgebot.store.db import open_db
from bridgebot.store.repository import Repository
from bridgebot.translation.engine import Engine

PACKAGE = Path(__file__).resolve().parent.parent / "bridgebot"
NEUTRAL = ("services", "translation", "store")
# Names only Telegram uses for its formatting, its offsets and its limits.
TELEGRAM_ONLY = re.compile(
    r"\b(?:text_mention|text_link|(?:expandable_)?blockquote|custom_emoji|bot_command|phone_number|strikethrough"
    r"|date_time|MessageEntity|utf-?16|TEXT_LIMIT|CAPTION_LIMIT)\b|^\s*(?:import telegram|from telegram\b)",
    re.IGNORECASE | re.MULTILINE,
)


def test_the_router_services_translation_and_store_know_no_telegram() -> None:
    leaks = [
        f"{path.relative_to(PACKAGE)}:{source[: match.start()].count(chr(10)) + 1}: {match.group()}"
        for folder in NEUTRAL
        for path in sorted((PACKAGE / folder).rglob("*.py"))
        for source in [path.read_text(encoding="utf-8")]
        for match in TELEGRAM_ONLY.finditer(source)
    ]
    assert leaks == []


# Every kind of entity Telegram sends, after an emoji that takes two UTF-16 code units.
TEXT = (
    "👍 bold it under strike spoil code pre link @anna Anna quote more"
    " www.x.org a@b.org +49401 #elbe $EUR /go ⭐ 9:00 new"
)


def _entity(kind: str, word: str, **fields: object) -> dict:
    start = TEXT.index(word)
    return {"type": kind, "offset": start + 1, "length": len(word), **fields}  # +1: the emoji before it


ENTITIES = [
    _entity("bold", "bold"),
    _entity("italic", "it"),
    _entity("underline", "under"),
    _entity("strikethrough", "strike"),
    _entity("spoiler", "spoil"),
    _entity("code", "code"),
    _entity("pre", "pre", language="python"),
    _entity("text_link", "link", url="https://x.org/"),
    _entity("mention", "@anna"),
    _entity("text_mention", "Anna", user={"id": 42, "is_bot": False, "first_name": "user"}),
    _entity("blockquote", "quote"),
    _entity("expandable_blockquote", "more"),
    _entity("url", "www.x.org"),
    _entity("email", "a@b.org"),
    _entity("phone_number", "+49401"),
    _entity("hashtag", "#elbe"),
    _entity("cashtag", "$EUR"),
    _entity("bot_command", "/go"),
    _entity("custom_emoji", "⭐", custom_emoji_id="5368324170671202286"),
    _entity("date_time", "9:00", unix_time=1767261600, date_time_format="t"),
    _entity("sparkle", "new", glow=3),  # a kind Telegram may add one day
]


def test_telegram_entities_become_neutral_spans_and_come_back_identical() -> None:
    spans = spans_from_entities(TEXT, ENTITIES)
    assert [(span.kind, TEXT[span.start : span.end]) for span in spans][:4] == [
        (SpanKind.BOLD, "bold"),
        (SpanKind.ITALIC, "it"),
        (SpanKind.UNDERLINE, "under"),
        (SpanKind.STRIKE, "strike"),
    ]
    kinds = {TEXT[span.start : span.end]: span for span in spans}
    assert kinds["Anna"].kind == SpanKind.MENTION and kinds["Anna"].user_id == 42
    assert kinds["@anna"].kind == SpanKind.MENTION and kinds["@anna"].user_id is None
    assert kinds["more"].kind == SpanKind.QUOTE and kinds["more"].expandable
    assert kinds["link"].kind == SpanKind.LINK and kinds["link"].url == "https://x.org/"
    assert {kinds[word].kind for word in ("www.x.org", "#elbe", "/go", "⭐", "9:00")} == {SpanKind.VERBATIM}
    assert kinds["new"].kind == SpanKind.FORMAT
    assert entities_of(RichText(TEXT, spans)) == ENTITIES


def test_spans_survive_the_stored_form() -> None:
    spans = spans_from_entities(TEXT, ENTITIES)
    stored = spans_to_json(spans)
    assert "date_time" in stored, "what the adapter needs travels in the span's extra"
    read_back = tuple(span_from_dict(item) for item in json.loads(stored))
    assert entities_of(RichText(TEXT, read_back)) == ENTITIES


def test_a_neutral_mention_reaches_telegram_as_a_mention_of_that_person() -> None:
    text = "Anna, bitte"
    (entity,) = entities_of(RichText(text, (Span(SpanKind.MENTION, 0, 4, user_id=42),)))
    assert (entity["type"], entity["user"]["id"], entity["offset"], entity["length"]) == ("text_mention", 42, 0, 4)
    assert entities_of(RichText("@anna", (Span(SpanKind.MENTION, 0, 5),)))[0]["type"] == "mention"
    assert entities_of(RichText("x", (Span(SpanKind.VERBATIM, 0, 1),))) == [], "nothing for Telegram to mark"


@pytest.fixture
async def repo(tmp_path: Path) -> AsyncIterator[Repository]:
    conn, _ = await open_db(tmp_path / "bot.sqlite3")
    yield Repository(conn)
    await conn.close()


async def test_messages_stored_with_telegram_entities_by_an_earlier_version_still_read(repo: Repository) -> None:
    """Rows written before the rich text was neutral hold Telegram's entities in UTF-16 offsets."""
    partnership = await repo.create_partnership("P", None)
    for chat_id, city in ((-1, "Hamburg"), (-2, "Leeds")):
        await repo.save_group(chat_id, city, city, "de", "Europe/Berlin")
        await repo.set_group_partnership(chat_id, partnership.id)
    text = "👍 Anna kommt um 9:00"
    source_id = await repo.accept_message(
        partnership_id=partnership.id,
        chat_id=-1,
        message_id=1,
        sender_id=None,
        sender_name="Anna",
        city="Hamburg",
        topic=None,
        kind="text",
        lang="de",
        text=text,
        entities=(),
        reply_to_message_id=None,
        targets=[-2],
    )
    old = [
        {"type": "text_mention", "offset": 3, "length": 4, "user_id": 42},
        {"type": "date_time", "offset": 17, "length": 4, "unix_time": 1767261600, "date_time_format": "t"},
    ]
    await repo.conn.execute("UPDATE source_messages SET entities = ? WHERE id = ?", (json.dumps(old), source_id))
    await repo.conn.commit()
    source = await repo.source(source_id)
    assert source is not None
    mention, moment = source.spans
    assert (mention.kind, mention.user_id, text[mention.start : mention.end]) == (SpanKind.MENTION, 42, "Anna")
    assert (moment.kind, text[moment.start : moment.end]) == (SpanKind.VERBATIM, "9:00")
    assert entities_of(RichText(text, source.spans))[1]["unix_time"] == 1767261600


async def test_the_router_renders_one_rich_text_and_the_telegram_adapter_splits_it(
    repo: Repository, models_dir: Path
) -> None:
    """A copy too long for one Telegram message is rendered whole, with neutral spans: a bold header
    and the original as a collapsed quote; the Telegram adapter makes parts of it."""
    partnership = await repo.create_partnership("P", None)
    for chat_id, city, lang in ((-1, "Hamburg", "de"), (-2, "Leeds", "en")):
        await repo.save_group(chat_id, city, city, lang, "Europe/Berlin")
        await repo.set_group_partnership(chat_id, partnership.id)
    text = "👍 " + "Guten Morgen. " * 200
    engine = Engine(models_dir)
    relay = Relay(repo, engine, catalogs())
    try:
        source_id = await relay.accept(Incoming(-1, 1, 7, "Anna", "text", text, (Span(SpanKind.BOLD, 2, 5),)))
        assert source_id is not None
        source, target = await repo.source(source_id), await repo.group(-2)
        assert source is not None and target is not None
        rendered = await relay.render(source, target)
    finally:
        await relay.close()
        engine.close()
    rich = rendered.text
    header, *_, quote, bold = rich.spans
    assert header.kind == SpanKind.BOLD and rich.covered(header).startswith("Anna")
    assert (quote.kind, quote.expandable, rich.covered(quote)) == (SpanKind.QUOTE, True, text)
    assert (bold.kind, rich.covered(bold)) == (SpanKind.BOLD, "Guten")
    pieces = parts(rendered)
    assert len(pieces) == 2 and all(utf16_len(piece.text) <= 4096 for piece in pieces)
    assert parts(rendered) == pieces, "the same rendering always gives the same parts"
