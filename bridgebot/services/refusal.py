"""How a service says no: a catalog key plus arguments, rendered in the chat's language by the handler."""

from __future__ import annotations

from typing import Any


class Refusal(Exception):
    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args
