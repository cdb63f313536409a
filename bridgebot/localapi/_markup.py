"""Text measured and formatted the way Telegram does it.

Telegram counts lengths and entity offsets in UTF-16 code units (an emoji is two), and turns
`parse_mode="HTML"` into plain text plus entities before checking the 4096/1024 limits. Doing the
same here is what lets a test catch a message that is too long only after formatting, or markup
that the real server would refuse.
"""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser

from ._errors import ApiError

_SIMPLE_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
}
_USER_LINK = "tg://user?id="
# The entity types the Bot API accepts, and the field each one cannot do without
# (Client.cpp get_input_message_entity, around line 11241 of telegram-bot-api@01a3679).
_ENTITY_TYPES = {
    "mention",
    "hashtag",
    "cashtag",
    "bot_command",
    "url",
    "email",
    "phone_number",
    "bold",
    "italic",
    "underline",
    "strikethrough",
    "spoiler",
    "blockquote",
    "expandable_blockquote",
    "code",
    "pre",
    "text_link",
    "text_mention",
    "custom_emoji",
    "date_time",
}
_REQUIRED = {"text_link": "url", "text_mention": "user", "custom_emoji": "custom_emoji_id", "date_time": "unix_time"}


def utf16_len(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def _bad_markup(reason: str) -> ApiError:
    return ApiError(400, f"Bad Request: can't parse entities: {reason}")


class _HtmlEntities(HTMLParser):
    """Telegram's HTML subset: supported tags become entities, anything else is refused."""

    def __init__(self, find_user: Callable[[int], dict | None]) -> None:
        super().__init__(convert_charrefs=True)
        self.find_user = find_user
        self.parts: list[str] = []
        self.length = 0
        self.entities: list[dict] = []
        self.open: list[tuple[str, dict | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        entity: dict | None = {"offset": self.length}
        if tag in _SIMPLE_TAGS:
            entity["type"] = _SIMPLE_TAGS[tag]
            if tag == "code" and self.open and self.open[-1][0] == "pre":
                # <pre><code class="language-x"> is one pre entity with a language, not two.
                outer = self.open[-1][1]
                language = (attributes.get("class") or "").removeprefix("language-")
                if outer is not None and language:
                    outer["language"] = language
                entity = None
        elif tag == "span" and attributes.get("class") == "tg-spoiler":
            entity["type"] = "spoiler"
        elif tag == "a" and attributes.get("href"):
            href = attributes["href"] or ""
            user_id = href.removeprefix(_USER_LINK)
            user = self.find_user(int(user_id)) if href.startswith(_USER_LINK) and user_id.isdigit() else None
            entity.update({"type": "text_mention", "user": user} if user else {"type": "text_link", "url": href})
        elif tag == "blockquote":
            entity["type"] = "expandable_blockquote" if "expandable" in attributes else "blockquote"
        elif tag == "tg-emoji" and attributes.get("emoji-id"):
            entity.update(type="custom_emoji", custom_emoji_id=attributes["emoji-id"])
        else:
            raise _bad_markup(f'Unsupported start tag "{tag}"')
        self.open.append((tag, entity))

    def handle_endtag(self, tag: str) -> None:
        if not self.open:
            raise _bad_markup(f'Unexpected end tag "{tag}"')
        expected, entity = self.open.pop()
        if expected != tag:
            raise _bad_markup(f'Unmatched end tag, expected "</{expected}>", found "</{tag}>"')
        if entity is not None and self.length > entity["offset"]:
            entity["length"] = self.length - entity["offset"]
            self.entities.append(entity)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
        self.length += utf16_len(data)


def parse_html(text: str, find_user: Callable[[int], dict | None]) -> tuple[str, list[dict]]:
    """Plain text and entities for `text` written in Telegram's HTML, or the 400 Telegram gives."""
    parser = _HtmlEntities(find_user)
    parser.feed(text)
    parser.close()
    if parser.open:
        raise _bad_markup(f'Can\'t find end tag corresponding to start tag "{parser.open[-1][0]}"')
    entities = sorted(parser.entities, key=lambda e: (e["offset"], -e["length"]))
    return "".join(parser.parts), entities


def _bad_entity(reason: str) -> ApiError:
    return ApiError(400, f"Bad Request: can't parse MessageEntity: {reason}")


def check_entities(text: str, entities: list[dict]) -> None:
    """Refuse explicit entities as Telegram does: unknown types and missing fields (Client.cpp:11241,
    11341), and an entity that starts or ends past the text, in UTF-16 units (MessageEntity.cpp:4280-4382)."""
    if not isinstance(entities, list) or not all(isinstance(e, dict) for e in entities):
        raise ApiError(400, "Bad Request: can't parse entities JSON object")
    size = utf16_len(text)
    for entity in entities:
        kind = entity.get("type")
        if kind is None:
            raise _bad_entity('Can\'t find field "type"')
        if kind not in _ENTITY_TYPES:
            raise _bad_entity("Unsupported type specified")
        for field in ("offset", "length"):
            if not isinstance(entity.get(field), int):
                raise _bad_entity(f'Field "{field}" must be a valid Number')
        required = _REQUIRED.get(kind)
        if required is not None and entity.get(required) in (None, ""):
            raise _bad_entity(f'Can\'t find field "{required}"')
    for entity in sorted(entities, key=lambda e: (e["offset"], -e["length"])):
        start, end = entity["offset"], entity["offset"] + entity["length"]
        if start > size:
            raise ApiError(400, f"Bad Request: entity begins after the end of the text at UTF-16 offset {start}")
        if end > size:
            raise ApiError(
                400,
                f"Bad Request: entity beginning at UTF-16 offset {start}"
                f" ends after the end of the text at UTF-16 offset {end}",
            )


def formatted(
    text: str, entities: list[dict] | None, parse_mode: str | None, find_user: Callable[[int], dict | None]
) -> tuple[str, list[dict] | None]:
    """Text and entities as Telegram stores them: explicit entities win over parse_mode."""
    if entities is not None or not parse_mode:
        if entities:
            check_entities(text, entities)
        return text, entities or None
    if parse_mode.lower() == "html":
        plain, parsed = parse_html(text, find_user)
        return plain, parsed or None
    if parse_mode.lower() in ("markdown", "markdownv2"):
        # Telegram supports these; this server does not, and says so rather than storing raw markup.
        raise ApiError(400, f"Bad Request: parse_mode {parse_mode} is not emulated by the local Bot API server")
    raise ApiError(400, "Bad Request: unsupported parse_mode")
