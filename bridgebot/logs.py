"""One line per log record, as `key=value` pairs (logfmt) or as a JSON object.

Log files of a city's server are read by people and by collectors (journald, Loki, Elastic); both
want one record per line with named fields. Fields passed as `extra={...}` become keys of their own.
What is never logged: the token and the webhook secret (`RedactToken` on the handler) and, at INFO
and above, anything people wrote (officials' conversations are not for log files); code logs ids.

Why hand-written: two 5-line `logging.Formatter`s over the standard library beat a dependency
(structlog, python-json-logger, logfmter each cover one format or replace the logging calls).
"""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import UTC, datetime
from typing import Any

from bridgebot.config import RedactToken, Settings

# Attributes every LogRecord has; anything else on a record came from `extra=`.
_STANDARD = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message", "asctime", "taskName"}
_BARE = re.compile(r"^[^\s=\"\\]+$")


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    """The record as ordered fields: time, level, logger, msg, extras, then the exception if any."""
    fields: dict[str, Any] = {
        "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "level": record.levelname.lower(),
        "logger": record.name,
        "msg": record.getMessage(),
    }
    for key, value in record.__dict__.items():
        if key not in _STANDARD and not key.startswith("_"):
            fields[key] = value
    if record.exc_info and not record.exc_text:
        record.exc_text = logging.Formatter().formatException(record.exc_info)
    if record.exc_text:
        fields["exc"] = record.exc_text
    if record.stack_info:
        fields["stack"] = record.stack_info
    return fields


def _logfmt_value(value: Any) -> str:
    text = (
        value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    )
    if text and _BARE.match(text):
        return text
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


class LogfmtFormatter(logging.Formatter):
    """`time=... level=info logger=bridgebot.app msg="..."`; newlines (tracebacks) escaped as \\n."""

    def format(self, record: logging.LogRecord) -> str:
        return " ".join(f"{key}={_logfmt_value(value)}" for key, value in _fields(record).items())


class JsonFormatter(logging.Formatter):
    """One JSON object per line, the same fields as logfmt."""

    def format(self, record: logging.LogRecord) -> str:
        return json.dumps(_fields(record), ensure_ascii=False, default=str)


FORMATTERS: dict[str, type[logging.Formatter]] = {"logfmt": LogfmtFormatter, "json": JsonFormatter}


def configure_logging(settings: Settings) -> None:
    """Root logging for the `bridgebot` command: stderr (journald/docker collect it), one line a record."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(FORMATTERS[settings.log_format]())
    handler.addFilter(RedactToken(settings.token, settings.webhook_secret, *settings.mail_passwords))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level)
    # httpx logs every request URL at INFO, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(max(logging.WARNING, root.level))
    # One line per webhook POST from Telegram is noise; the bot logs what matters about updates.
    logging.getLogger("aiohttp.access").setLevel(max(logging.WARNING, root.level))
