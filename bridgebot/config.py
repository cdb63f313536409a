"""One settings object: a TOML file, overridden by `BRIDGEBOT_*` environment variables.

Keys in the file are the environment names without the prefix, lower-cased (`token`, `db`,
`models_dir`, ...), so an admin never has to learn two vocabularies. Every invalid value becomes a
`ConfigError` naming the key, which the CLI prints as one line.
"""

from __future__ import annotations

import logging
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ENV_PREFIX = "BRIDGEBOT_"
_TOKEN_RE = re.compile(r"^\d{3,15}:[A-Za-z0-9_-]{20,}$")
_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class ConfigError(Exception):
    """A setting that cannot be used; the message starts with the key it concerns."""


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "bridgebot"


@dataclass(frozen=True)
class Settings:
    token: str | None = field(default=None, repr=False)
    telegram_base_url: str | None = None
    data_dir: Path = field(default_factory=default_data_dir)
    db: Path | None = None
    models_dir: Path | None = None
    admins: frozenset[int] = frozenset()
    log_level: str = "INFO"
    poll_timeout: int = 10
    # Telegram allows about 30 messages/s overall and 20 per minute in one group.
    rate_per_second: int = 30
    rate_group_per_minute: int = 20
    # CTranslate2 workers (0: one per core) and how many language pairs stay loaded at once.
    translation_threads: int = 0
    max_loaded_pairs: int = 8
    # Longest translation, in tokens, one sentence may produce (guards against runaway decoding).
    max_decoding_length: int = 256

    @property
    def db_path(self) -> Path:
        return self.db or self.data_dir / "bridgebot.sqlite3"

    @property
    def models_path(self) -> Path:
        return self.models_dir or self.data_dir / "models"

    def token_looks_valid(self) -> bool:
        return bool(self.token and _TOKEN_RE.match(self.token))


def _parse_admins(value: Any) -> frozenset[int]:
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list | tuple):
        raise ValueError("expected a list of Telegram user ids")
    ids = set()
    for item in items:
        text = str(item).strip()
        if not text:
            continue
        if not re.fullmatch(r"\d{1,20}", text):
            raise ValueError(f"{text!r} is not a Telegram user id (digits only)")
        ids.add(int(text))
    return frozenset(ids)


def _parse_level(value: Any) -> str:
    level = str(value).strip().upper()
    if level not in _LOG_LEVELS:
        raise ValueError(f"{value!r} is not one of {', '.join(_LOG_LEVELS)}")
    return level


def _parse_url(value: Any) -> str:
    url = str(value).strip()
    if not re.match(r"^https?://[^\s/]+", url):
        raise ValueError(f"{url!r} is not an http(s) URL")
    return url


def _parse_token(value: Any) -> str:
    token = str(value).strip()
    if not token or any(c.isspace() for c in token):
        raise ValueError("the token must be one word, as BotFather gives it")
    return token


def _parse_positive_int(value: Any) -> int:
    number = int(str(value).strip())
    if number <= 0:
        raise ValueError(f"{value!r} must be a positive number")
    return number


def _parse_path(value: Any) -> Path:
    text = str(value).strip()
    if not text:
        raise ValueError("empty path")
    return Path(text).expanduser()


_PARSERS = {
    "token": _parse_token,
    "telegram_base_url": _parse_url,
    "data_dir": _parse_path,
    "db": _parse_path,
    "models_dir": _parse_path,
    "admins": _parse_admins,
    "log_level": _parse_level,
    "poll_timeout": _parse_positive_int,
    "rate_per_second": _parse_positive_int,
    "rate_group_per_minute": _parse_positive_int,
    "translation_threads": lambda value: _parse_positive_int(value) if str(value).strip() != "0" else 0,
    "max_loaded_pairs": _parse_positive_int,
    "max_decoding_length": _parse_positive_int,
}


def _read_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"config: file {path} does not exist") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config: {path} is not valid TOML ({exc})") from None


def load_settings(config_file: Path | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """Merge defaults, the TOML file and the environment, validating every value."""
    environ = os.environ if environ is None else environ
    raw: dict[str, tuple[str, Any]] = {}
    if config_file is not None:
        for key, value in _read_file(config_file).items():
            if key not in _PARSERS:
                known = ", ".join(sorted(_PARSERS))
                raise ConfigError(f"{key}: unknown setting in {config_file} (known: {known})")
            raw[key] = (key, value)
    for key in _PARSERS:
        env_name = ENV_PREFIX + key.upper()
        if environ.get(env_name, "") != "":
            raw[key] = (env_name, environ[env_name])
    values: dict[str, Any] = {}
    for key, (origin, value) in raw.items():
        try:
            values[key] = _PARSERS[key](value)
        except (ValueError, TypeError) as exc:
            raise ConfigError(f"{origin}: {exc}") from None
    return Settings(**values)


class RedactToken(logging.Filter):
    """Keeps the bot token out of every log line (httpx logs request URLs, which contain it)."""

    def __init__(self, token: str | None) -> None:
        super().__init__()
        self._token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if self._token:
            message = record.getMessage()
            if self._token in message:
                record.msg = message.replace(self._token, "<token>")
                record.args = None
        return True
