"""Logs of `bridgebot run`: one record per line (logfmt or JSON), nobody's messages at INFO, and
never the token or the webhook secret, even at DEBUG where PTB logs every call's parameters."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import signal
import sys
from pathlib import Path

import pytest

from bridgebot.config import Settings
from bridgebot.localapi import LocalBotApi
from bridgebot.logs import JsonFormatter, LogfmtFormatter, configure_logging
from tests.conftest import TOKEN, City, RunningBot
from tests.ports import free_port

SECRET = "log_test_secret_42"
LOGFMT_LINE = re.compile(
    r'^time=\S+ level=[a-z]+ logger=\S+ msg=("(?:[^"\\]|\\.)*"|\S+)( [a-z_]+=("(?:[^"\\]|\\.)*"|\S+))*$'
)


def _environment(bot: RunningBot, api: LocalBotApi, level: str, log_format: str) -> dict[str, str]:
    port = free_port()
    return {
        **os.environ,
        "BRIDGEBOT_TOKEN": TOKEN,
        "BRIDGEBOT_TELEGRAM_BASE_URL": api.base_url,
        "BRIDGEBOT_DB": str(bot.settings.db_path),
        "BRIDGEBOT_MODELS_DIR": str(bot.settings.models_path),
        "BRIDGEBOT_RATE_PER_SECOND": "1000",
        "BRIDGEBOT_RATE_GROUP_PER_MINUTE": "100000",
        "BRIDGEBOT_WEBHOOK_URL": f"http://127.0.0.1:{port}/telegram",
        "BRIDGEBOT_WEBHOOK_SECRET": SECRET,
        "BRIDGEBOT_WEBHOOK_PORT": str(port),
        "BRIDGEBOT_HEALTH_PORT": "0",
        "BRIDGEBOT_LOG_LEVEL": level,
        "BRIDGEBOT_LOG_FORMAT": log_format,
    }


async def _relay_once(api: LocalBotApi, env: dict[str, str], log: Path, hamburg: City, leeds: City, text: str) -> str:
    """Start `bridgebot run` (webhook mode), relay `text` from Hamburg to Leeds, stop it; its log."""
    hooks = len(api.calls_of("setWebhook"))
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bridgebot", "run", env=env, stdout=log.open("wb"), stderr=asyncio.subprocess.STDOUT
    )
    try:
        await api.wait_for(lambda: len(api.calls_of("setWebhook")) > hooks, timeout=30)
        before = len(api.sent(leeds.id))
        api.send_text(hamburg.id, api.add_user("Anna"), text)
        await api.wait_sent(leeds.id, before + 1, timeout=30)
    finally:
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), 20)
    assert process.returncode == 0, log.read_text()
    return log.read_text()


def _no_secrets(text: str) -> None:
    assert TOKEN not in text and TOKEN.split(":")[1] not in text
    assert SECRET not in text


async def test_json_logs_at_info_parse_line_by_line_and_hold_no_message_text(
    bot: RunningBot, api: LocalBotApi, pair: tuple[City, City], tmp_path: Path
) -> None:
    hamburg, leeds = pair
    await bot.stop()
    env = _environment(bot, api, "INFO", "json")
    text = await _relay_once(api, env, tmp_path / "info.log", hamburg, leeds, "Vielen Dank!")
    records = [json.loads(line) for line in text.splitlines()]  # every line is one JSON object
    assert records and all({"time", "level", "logger", "msg"} <= set(r) for r in records)
    assert any(r["msg"].startswith("bridgebot is running") for r in records)
    assert any(r["msg"].startswith("receiving updates by webhook") for r in records)
    assert "Vielen Dank" not in text and "Thank you" not in text
    _no_secrets(text)


async def test_logfmt_logs_at_debug_never_show_the_token_or_the_webhook_secret(
    bot: RunningBot, api: LocalBotApi, pair: tuple[City, City], tmp_path: Path
) -> None:
    hamburg, leeds = pair
    await bot.stop()
    env = _environment(bot, api, "DEBUG", "logfmt")
    text = await _relay_once(api, env, tmp_path / "debug.log", hamburg, leeds, "Guten Morgen!")
    lines = text.splitlines()
    assert any("setWebhook" in line for line in lines), "PTB logs the setWebhook call at DEBUG"
    assert any("<secret>" in line for line in lines)
    bad = [line for line in lines if not LOGFMT_LINE.match(line)]
    assert not bad, bad[:3]
    _no_secrets(text)


def _record(msg: str, *args: object, exc: bool = False, **extra: object) -> logging.LogRecord:
    exc_info = None
    if exc:
        try:
            raise ValueError("bad\nthing")
        except ValueError:
            exc_info = sys.exc_info()
    record = logging.LogRecord("bridgebot.test", logging.WARNING, __file__, 1, msg, args, exc_info)
    record.__dict__.update(extra)
    return record


def test_logfmt_quotes_what_needs_it_and_keeps_tracebacks_on_one_line() -> None:
    line = LogfmtFormatter().format(_record("chat %s: %s", -100, 'say "x"', exc=True, chat_id=-100, tries=[1, 2]))
    assert "\n" not in line and LOGFMT_LINE.match(line), line
    assert ' level=warning logger=bridgebot.test msg="chat -100: say \\"x\\""' in line
    assert ' chat_id=-100 tries=[1,2] exc="Traceback' in line
    assert "ValueError: bad\\nthing" in line


def test_json_records_carry_extra_fields_and_the_exception() -> None:
    record = json.loads(JsonFormatter().format(_record("sent %d", 3, exc=True, chat_id=-100)))
    assert record["msg"] == "sent 3" and record["level"] == "warning" and record["chat_id"] == -100
    assert record["time"].endswith("Z") and "ValueError: bad\nthing" in record["exc"]


@pytest.mark.parametrize("log_format", ["logfmt", "json"])
def test_configure_logging_installs_one_redacting_handler(log_format: str) -> None:
    root = logging.getLogger()
    saved, level = root.handlers[:], root.level
    try:
        configure_logging(Settings(token=TOKEN, webhook_secret=SECRET, log_format=log_format))
        (handler,) = root.handlers
        record = _record("calling %s with %s", TOKEN, SECRET)
        assert handler.filter(record)
        line = handler.format(record)
        assert TOKEN not in line and SECRET not in line and "<token>" in line and "<secret>" in line
    finally:
        root.handlers[:] = saved
        root.setLevel(level)


def test_mail_server_passwords_are_redacted_from_log_lines() -> None:
    from bridgebot.config import load_settings

    env = {
        "BRIDGEBOT_EMAIL_ADDRESS": "bot@city.example",
        "BRIDGEBOT_SMTP_URL": "smtps://bot:smtp%2Fpw@mail.city.example",
        "BRIDGEBOT_IMAP_URL": "imaps://bot:imap-pw@mail.city.example/INBOX",
    }
    root = logging.getLogger()
    saved, level = root.handlers[:], root.level
    try:
        configure_logging(load_settings(None, env))
        (handler,) = root.handlers
        record = _record("login %s then %s", "smtp/pw", "imap-pw")
        assert handler.filter(record)
        assert handler.format(record).count("<secret>") == 2
    finally:
        root.handlers[:] = saved
        root.setLevel(level)
