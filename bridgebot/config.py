"""One settings object: a TOML file, overridden by `BRIDGEBOT_*` environment variables.

Keys in the file are the environment names without the prefix, lower-cased (`token`, `db`,
`models_dir`, ...), so an admin never has to learn two vocabularies. Every invalid value becomes a
`ConfigError` naming the key, which the CLI prints as one line.

Why hand-written: the standard library's `tomllib` and a frozen dataclass do it for ~20 keys;
pydantic-settings would bring pydantic and its compiled core into the image for the same checks.
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
from urllib.parse import parse_qs, quote, unquote, urlsplit

ENV_PREFIX = "BRIDGEBOT_"
_TOKEN_RE = re.compile(r"^\d{3,15}:[A-Za-z0-9_-]{20,}$")
_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LOG_FORMATS = ("logfmt", "json")
# bridgebot.translation.detect.DETECTORS, repeated so that reading settings does not load the models.
LANGUAGE_DETECTORS = ("py3langid", "langdetect")
# Telegram's own rule for the secret token it sends back in X-Telegram-Bot-Api-Secret-Token.
_SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


class ConfigError(Exception):
    """A setting that cannot be used; the message starts with the key it concerns."""


def default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "bridgebot"


_MAIL_SCHEMES = {"smtp": 587, "smtps": 465, "imap": 143, "imaps": 993}
_ADDRESS_RE = re.compile(
    r"^[A-Za-z0-9.!#$%&'*=?^_`{|}~/-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+$"
)


@dataclass(frozen=True)
class MailServer:
    """One mail server from `BRIDGEBOT_SMTP_URL` or `BRIDGEBOT_IMAP_URL`, the password kept out of repr.

    `tls` is implicit TLS (smtps/imaps); `starttls` is False only when the URL says `?starttls=off`
    (plain loopback test servers); otherwise STARTTLS is used when the server offers it.
    """

    scheme: str
    host: str
    port: int
    username: str
    password: str = field(repr=False)
    mailbox: str = "INBOX"
    starttls: bool = True

    @property
    def tls(self) -> bool:
        return self.scheme in ("smtps", "imaps")

    def redacted(self) -> str:
        """The URL as it may be printed: everything but the password."""
        mailbox = f"/{self.mailbox}" if self.scheme.startswith("imap") else ""
        return f"{self.scheme}://{quote(self.username, safe='')}:***@{self.host}:{self.port}{mailbox}"

    def __str__(self) -> str:
        return self.redacted()


@dataclass(frozen=True)
class EmailPace:
    """How the e-mail channel paces itself (not read from the environment; tests shorten the waits,
    never the rules): seconds throughout."""

    digest_quiet: float = 120.0  # quiet in the conversation before a digest leaves
    digest_minute: float = 60.0  # the unit of `/email mode <address> digest <minutes>`
    dispatch_tick: float = 10.0  # how often due digests are looked for
    imap_poll: float = 60.0  # polling interval where the server has no IDLE
    imap_backoff: tuple[float, ...] = (1.0, 2.0, 5.0, 10.0, 30.0, 60.0)
    smtp_backoff: tuple[float, ...] = (5.0, 15.0, 30.0, 60.0, 120.0, 300.0)


@dataclass(frozen=True)
class EmailSettings:
    """Everything the e-mail channel needs (bridgebot.adapters.email): present only when all three are set."""

    address: str
    smtp: MailServer
    imap: MailServer
    pace: EmailPace = field(default_factory=lambda: EmailPace())

    @property
    def domain(self) -> str:
        return self.address.rpartition("@")[2]


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
    # Seconds a Bot API call may take before it counts as timed out. It may still have been carried
    # out, so a send that times out is retried only a few times (services/delivery.py MAX_UNCERTAIN).
    telegram_timeout: int = 30
    # Telegram allows about 30 messages/s overall and 20 per minute in one group.
    rate_per_second: int = 30
    rate_group_per_minute: int = 20
    # CTranslate2 workers (0: one per core) and how many language pairs stay loaded at once.
    translation_threads: int = 0
    max_loaded_pairs: int = 8
    # Longest translation, in tokens, one sentence may produce (guards against runaway decoding).
    max_decoding_length: int = 256
    # One line per record: "logfmt" (key=value) or "json" (one object a line).
    log_format: str = "logfmt"
    # Webhook mode (instead of long polling) when `webhook_url` is set: Telegram POSTs updates to that
    # public HTTPS address, a reverse proxy terminates TLS and forwards to webhook_listen:webhook_port.
    webhook_url: str | None = None
    webhook_secret: str | None = field(default=None, repr=False)
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    # /healthz, /readyz and /metrics; port 0 turns the endpoint off.
    health_listen: str = "127.0.0.1"
    health_port: int = 8080
    # Which detector tells the language of a message among the partnership's: py3langid measured more
    # accurate and 15-25 times faster on short chat messages (bench/bench_detect.py); langdetect, the
    # design card's choice, is the alternative under the same rules (bridgebot.translation.detect).
    language_detector: str = "py3langid"
    # E-mail partners: the bot's mailbox and its two servers; e-mail is off unless all three are set.
    # The URLs carry passwords, so they stay out of repr (use `email`, whose repr redacts them).
    email_address: str | None = None
    smtp_url: MailServer | None = field(default=None, repr=False)
    imap_url: MailServer | None = field(default=None, repr=False)
    email_pace: EmailPace = field(default_factory=EmailPace)

    @property
    def email(self) -> EmailSettings | None:
        """The e-mail channel's settings, or None while e-mail is off."""
        if self.email_address and self.smtp_url and self.imap_url:
            return EmailSettings(self.email_address, self.smtp_url, self.imap_url, self.email_pace)
        return None

    @property
    def mail_passwords(self) -> tuple[str, ...]:
        """The mail servers' passwords, for the log filter that keeps secrets out of every line."""
        return tuple(server.password for server in (self.smtp_url, self.imap_url) if server)

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


def _parse_webhook_url(value: Any) -> str:
    url = str(value).strip()
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname or any(c.isspace() for c in url):
        raise ValueError(f"{url!r} is not an https URL")
    if parts.scheme == "http" and parts.hostname not in _LOOPBACK_HOSTS:
        raise ValueError(f"{url!r}: Telegram only posts to https:// addresses (plain http only on loopback)")
    return url


def _parse_secret(value: Any) -> str:
    secret = str(value).strip()
    if not _SECRET_RE.match(secret):
        raise ValueError("1-256 characters from A-Z, a-z, 0-9, _ and - (Telegram's rule for secret tokens)")
    return secret


def _parse_host(value: Any) -> str:
    host = str(value).strip().removeprefix("[").removesuffix("]")
    if not re.fullmatch(r"[A-Za-z0-9.:-]+", host):
        raise ValueError(f"{value!r} is not an address to listen on (e.g. 127.0.0.1, or 0.0.0.0 in a container)")
    return host


def _parse_port(value: Any, allow_off: bool = False) -> int:
    number = int(str(value).strip())
    if not (0 if allow_off else 1) <= number <= 65535:
        off = " (0: off)" if allow_off else ""
        raise ValueError(f"{value!r} is not a TCP port, 1-65535{off}")
    return number


def _parse_log_format(value: Any) -> str:
    name = str(value).strip().lower()
    if name not in LOG_FORMATS:
        raise ValueError(f"{value!r} is not one of {', '.join(LOG_FORMATS)}")
    return name


def _parse_language_detector(value: Any) -> str:
    name = str(value).strip().lower()
    if name not in LANGUAGE_DETECTORS:
        raise ValueError(f"{value!r} is not one of {', '.join(LANGUAGE_DETECTORS)}")
    return name


def _parse_email_address(value: Any) -> str:
    address = str(value).strip()
    if not _ADDRESS_RE.match(address) or "+" in address.partition("@")[0]:
        raise ValueError(f"{address!r} is not a plain e-mail address like bridgebot@city.example (no +tag)")
    return address


def _parse_mail_url(value: Any, schemes: tuple[str, str]) -> MailServer:
    text = str(value).strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise ValueError(
            f"{schemes[0]}:// URL that cannot be read (is a character in the password not percent-encoded?)"
        ) from None
    if parts.scheme not in schemes:
        raise ValueError(f"the URL must start with {schemes[0]}:// or {schemes[1]}://")
    if not parts.hostname or not parts.username or parts.password is None:
        raise ValueError(f"expected {parts.scheme}://user:password@host:port (user and password percent-encoded)")
    query = parse_qs(parts.query)
    if set(query) - {"starttls"} or query.get("starttls", ["on"]) not in (["on"], ["off"]):
        raise ValueError("the only option is ?starttls=off (plain connection, for a loopback test server)")
    starttls = query.get("starttls") != ["off"]
    if not starttls and (parts.scheme in ("smtps", "imaps") or parts.hostname not in _LOOPBACK_HOSTS):
        raise ValueError("?starttls=off is for a plain loopback test server only (the password would travel in clear)")
    mailbox = unquote(parts.path.strip("/")) if parts.scheme.startswith("imap") else ""
    if parts.scheme.startswith("smtp") and parts.path.strip("/"):
        raise ValueError("an SMTP URL has no path")
    return MailServer(
        scheme=parts.scheme,
        host=parts.hostname,
        port=port or _MAIL_SCHEMES[parts.scheme],
        username=unquote(parts.username),
        password=unquote(parts.password),
        mailbox=mailbox or "INBOX",
        starttls=starttls,
    )


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
    "telegram_timeout": _parse_positive_int,
    "rate_per_second": _parse_positive_int,
    "rate_group_per_minute": _parse_positive_int,
    "translation_threads": lambda value: _parse_positive_int(value) if str(value).strip() != "0" else 0,
    "max_loaded_pairs": _parse_positive_int,
    "max_decoding_length": _parse_positive_int,
    "log_format": _parse_log_format,
    "webhook_url": _parse_webhook_url,
    "webhook_secret": _parse_secret,
    "webhook_listen": _parse_host,
    "webhook_port": _parse_port,
    "health_listen": _parse_host,
    "health_port": lambda value: _parse_port(value, allow_off=True),
    "language_detector": _parse_language_detector,
    "email_address": _parse_email_address,
    "smtp_url": lambda value: _parse_mail_url(value, ("smtp", "smtps")),
    "imap_url": lambda value: _parse_mail_url(value, ("imap", "imaps")),
}
_EMAIL_KEYS = ("email_address", "smtp_url", "imap_url")


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
    if "webhook_url" in values and "webhook_secret" not in values:
        # Without the secret anyone who learns the URL could post fake updates to the bot.
        url_origin = raw["webhook_url"][0]
        secret = ENV_PREFIX + "WEBHOOK_SECRET" if url_origin.startswith(ENV_PREFIX) else "webhook_secret"
        raise ConfigError(f"{secret}: required when {url_origin} is set (a random string of A-Z, a-z, 0-9, _, -)")
    _check_email_complete(raw)
    return Settings(**values)


def _check_email_complete(raw: Mapping[str, tuple[str, Any]]) -> None:
    """E-mail is off unless all three are set; some but not all is a mistake worth one clear line."""
    given = [key for key in _EMAIL_KEYS if key in raw]
    if given and len(given) < len(_EMAIL_KEYS):
        missing = next(key for key in _EMAIL_KEYS if key not in raw)
        from_env = raw[given[0]][0].startswith(ENV_PREFIX)
        name = ENV_PREFIX + missing.upper() if from_env else missing
        raise ConfigError(f"{name}: required for e-mail partners when {raw[given[0]][0]} is set (all three or none)")


class RedactToken(logging.Filter):
    """Keeps the bot token and the webhook secret out of every log line.

    httpx logs request URLs, which contain the token, and PTB logs the parameters of every call at
    DEBUG, setWebhook's secret among them. Tracebacks are covered too: an exception's text is
    formatted here, redacted, and left in `exc_text`, which formatters use instead of re-formatting.
    """

    def __init__(self, token: str | None, *secrets: str | None) -> None:
        super().__init__()
        pairs = [(token, "<token>")] + [(secret, "<secret>") for secret in secrets]
        # Also as they appear percent-encoded in a URL ("123%3AAAE...").
        self._hidden = [(form, mask) for value, mask in pairs if value for form in {value, quote(value, safe="")}]

    def _redact(self, text: str) -> str:
        for value, mask in self._hidden:
            text = text.replace(value, mask)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._hidden:
            return True
        message = record.getMessage()
        redacted = self._redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self._redact(record.stack_info)
        return True
