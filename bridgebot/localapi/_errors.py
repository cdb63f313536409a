"""The error a Bot API method answers with, in Telegram's own words."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """An unsuccessful answer: HTTP status = error_code, and Telegram's description text.

    `parameters` carries Telegram's ResponseParameters (`retry_after`, `migrate_to_chat_id`), which
    is what python-telegram-bot turns into RetryAfter and ChatMigrated.
    """

    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body
