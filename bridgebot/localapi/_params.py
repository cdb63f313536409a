"""Reading a Bot API request the way Telegram does: query string, JSON body, urlencoded or multipart form.

python-telegram-bot sends a form (multipart when it uploads a file) in which every value is a string
and lists/objects are JSON text, so each parameter is decoded by its name to the type Telegram
documents for it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from ._errors import ApiError

_JSON = {
    "allowed_updates",
    "caption_entities",
    "commands",
    "correct_option_ids",
    "entities",
    "explanation_entities",
    "link_preview_options",
    "media",
    "message_ids",
    "options",
    "question_entities",
    "reply_markup",
    "reply_parameters",
    "scope",
}
_INT = {
    "chat_id",
    "duration",
    "from_chat_id",
    "height",
    "limit",
    "live_period",
    "max_connections",
    "message_id",
    "message_thread_id",
    "offset",
    "reply_to_message_id",
    "user_id",
    "width",
}
_FLOAT = {"horizontal_accuracy", "latitude", "longitude", "timeout"}
_BOOL = {
    "allow_sending_without_reply",
    "allows_multiple_answers",
    "allows_revoting",
    "disable_notification",
    "drop_pending_updates",
    "has_spoiler",
    "is_anonymous",
    "is_closed",
    "members_only",
    "protect_content",
    "show_alert",
    "show_caption_above_media",
}
_INTEGER = re.compile(r"-?\d+")


@dataclass
class Upload:
    """A file part of a multipart request."""

    filename: str | None
    content_type: str
    data: bytes


def _decode(key: str, value: str) -> Any:
    if key in _JSON:
        try:
            return json.loads(value)
        except ValueError:
            raise ApiError(400, f"Bad Request: can't parse {key} JSON object") from None
    if key in _BOOL:
        return value.lower() in ("true", "1")
    if key in _FLOAT:
        try:
            return float(value)
        except ValueError:
            raise ApiError(400, f"Bad Request: {key} must be a number") from None
    if key in _INT and _INTEGER.fullmatch(value):
        return int(value)
    return value  # includes "@username" chat ids, which are looked up (and not found) as strings


async def read_params(request: web.Request) -> dict[str, Any]:
    raw: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        try:
            body = await request.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            raise ApiError(400, "Bad Request: can't parse JSON request body")
        raw.update(body)
    elif request.content_type in ("multipart/form-data", "application/x-www-form-urlencoded"):
        for key, value in (await request.post()).items():
            if isinstance(value, web.FileField):
                raw[key] = Upload(value.filename, value.content_type, value.file.read())
            else:
                raw[key] = value
    return {key: _decode(key, value) if isinstance(value, str) else value for key, value in raw.items()}
