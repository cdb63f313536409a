"""Settings: a TOML file overridden by the environment, and one-line errors naming the key."""

from pathlib import Path

import pytest

from bridgebot.cli import main
from bridgebot.config import ConfigError, load_settings


def test_environment_overrides_the_config_file(tmp_path: Path) -> None:
    config = tmp_path / "bridgebot.toml"
    config.write_text('token = "111:file-token-aaaaaaaaaaaaaaaaaaaa"\nadmins = [1, 2]\nlog_level = "debug"\n')
    env = {"BRIDGEBOT_TOKEN": "222:env-token-bbbbbbbbbbbbbbbbbbbbbb", "BRIDGEBOT_DB": str(tmp_path / "x.db")}
    settings = load_settings(config, env)
    assert settings.token == "222:env-token-bbbbbbbbbbbbbbbbbbbbbb"
    assert settings.admins == frozenset({1, 2})
    assert settings.log_level == "DEBUG"
    assert settings.db_path == tmp_path / "x.db"


def test_admins_from_a_comma_separated_variable() -> None:
    assert load_settings(None, {"BRIDGEBOT_ADMINS": " 10, 20 ,"}).admins == frozenset({10, 20})


@pytest.mark.parametrize(
    ("env", "key"),
    [
        ({"BRIDGEBOT_ADMINS": "12,bob"}, "BRIDGEBOT_ADMINS"),
        ({"BRIDGEBOT_LOG_LEVEL": "LOUD"}, "BRIDGEBOT_LOG_LEVEL"),
        ({"BRIDGEBOT_TELEGRAM_BASE_URL": "ftp://x"}, "BRIDGEBOT_TELEGRAM_BASE_URL"),
        ({"BRIDGEBOT_TOKEN": "two words"}, "BRIDGEBOT_TOKEN"),
        (
            {"BRIDGEBOT_WEBHOOK_URL": "http://bot.example.org/hook", "BRIDGEBOT_WEBHOOK_SECRET": "s"},
            "BRIDGEBOT_WEBHOOK_URL",
        ),
        ({"BRIDGEBOT_WEBHOOK_URL": "https://bot.example.org/hook"}, "BRIDGEBOT_WEBHOOK_SECRET"),
        ({"BRIDGEBOT_WEBHOOK_SECRET": "has spaces in it"}, "BRIDGEBOT_WEBHOOK_SECRET"),
        ({"BRIDGEBOT_WEBHOOK_SECRET": "x" * 257}, "BRIDGEBOT_WEBHOOK_SECRET"),
        ({"BRIDGEBOT_WEBHOOK_PORT": "0"}, "BRIDGEBOT_WEBHOOK_PORT"),
        ({"BRIDGEBOT_WEBHOOK_LISTEN": "http://0.0.0.0"}, "BRIDGEBOT_WEBHOOK_LISTEN"),
        ({"BRIDGEBOT_HEALTH_PORT": "70000"}, "BRIDGEBOT_HEALTH_PORT"),
        ({"BRIDGEBOT_HEALTH_PORT": "eighty"}, "BRIDGEBOT_HEALTH_PORT"),
        ({"BRIDGEBOT_LOG_FORMAT": "xml"}, "BRIDGEBOT_LOG_FORMAT"),
    ],
)
def test_invalid_value_names_its_key(env: dict[str, str], key: str) -> None:
    with pytest.raises(ConfigError, match=f"^{key}: "):
        load_settings(None, env)


def test_unknown_key_in_file_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('tokn = "x"\n')
    with pytest.raises(ConfigError, match=r"^tokn: unknown setting"):
        load_settings(config, {})


def test_webhook_and_health_settings_and_their_defaults(tmp_path: Path) -> None:
    defaults = load_settings(None, {})
    assert defaults.webhook_url is None and defaults.webhook_listen == "127.0.0.1" and defaults.webhook_port == 8443
    assert defaults.health_listen == "127.0.0.1" and defaults.health_port == 8080 and defaults.log_format == "logfmt"
    config = tmp_path / "bridgebot.toml"
    config.write_text('webhook_url = "https://bot.example.org/tg"\nwebhook_secret = "Abc_123-x"\nhealth_port = 0\n')
    settings = load_settings(config, {"BRIDGEBOT_WEBHOOK_PORT": "9000", "BRIDGEBOT_LOG_FORMAT": "JSON"})
    assert settings.webhook_url == "https://bot.example.org/tg" and settings.webhook_secret == "Abc_123-x"
    assert settings.webhook_port == 9000 and settings.health_port == 0 and settings.log_format == "json"
    # Plain http only for a receiver on this machine (the local Bot API server of the tests and the demo).
    assert load_settings(None, {"BRIDGEBOT_WEBHOOK_URL": "http://127.0.0.1:8443/", "BRIDGEBOT_WEBHOOK_SECRET": "s"})


def test_a_webhook_url_in_the_file_without_a_secret_names_the_file_key(tmp_path: Path) -> None:
    config = tmp_path / "bridgebot.toml"
    config.write_text('webhook_url = "https://bot.example.org/tg"\n')
    with pytest.raises(ConfigError, match=r"^webhook_secret: required when webhook_url is set"):
        load_settings(config, {})


def test_secrets_are_hidden_from_repr_and_logs(caplog: pytest.LogCaptureFixture) -> None:
    import logging

    from bridgebot.config import RedactToken

    env = {"BRIDGEBOT_WEBHOOK_URL": "https://b.example.org/", "BRIDGEBOT_WEBHOOK_SECRET": "hush_hush_123"}
    settings = load_settings(None, {**env, "BRIDGEBOT_TOKEN": "333:secret-secret-secret-secret"})
    assert "hush_hush_123" not in repr(settings)
    logger = logging.getLogger("test.redact")
    logger.addFilter(RedactToken(settings.token, settings.webhook_secret))
    try:
        with caplog.at_level(logging.DEBUG, "test.redact"):
            logger.debug("setWebhook with %s", {"secret_token": "hush_hush_123"})
            try:
                raise RuntimeError("https://api.telegram.org/bot333%3Asecret-secret-secret-secret/getMe failed")
            except RuntimeError:
                logger.exception("boom")
    finally:
        logger.filters.clear()
    text = caplog.text + "".join(r.exc_text or "" for r in caplog.records)
    assert "hush_hush_123" not in text and "secret-secret" not in text
    assert "<secret>" in text and "<token>" in text


def test_token_is_hidden_from_repr() -> None:
    settings = load_settings(None, {"BRIDGEBOT_TOKEN": "333:secret-secret-secret-secret"})
    assert "secret" not in repr(settings)


def test_cli_prints_one_line_for_a_bad_setting(monkeypatch, capsys, tmp_path: Path) -> None:
    monkeypatch.setenv("BRIDGEBOT_ADMINS", "not-a-number")
    monkeypatch.setenv("BRIDGEBOT_DB", str(tmp_path / "db.sqlite3"))
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert err.strip().count("\n") == 0
    assert err.startswith("error: BRIDGEBOT_ADMINS:")
    assert "Traceback" not in err


def test_run_without_token_explains_botfather_and_fails(monkeypatch, capsys, tmp_path: Path) -> None:
    monkeypatch.delenv("BRIDGEBOT_TOKEN", raising=False)
    monkeypatch.setenv("BRIDGEBOT_DB", str(tmp_path / "db.sqlite3"))
    assert main(["run"]) != 0
    err = capsys.readouterr().err
    assert "@BotFather" in err
    assert "/newbot" in err


def test_the_example_config_in_deploy_is_valid() -> None:
    example = Path(__file__).parent.parent / "deploy" / "bridgebot.example.toml"
    settings = load_settings(example, {})
    assert settings.rate_group_per_minute == 20 and settings.log_level == "INFO"


def test_unreachable_telegram_is_one_line_not_a_traceback(monkeypatch, capsys, tmp_path: Path) -> None:
    monkeypatch.setenv("BRIDGEBOT_TOKEN", "123:abcdefghijklmnopqrstuvwxyz")
    monkeypatch.setenv("BRIDGEBOT_TELEGRAM_BASE_URL", "http://127.0.0.1:9/bot")
    monkeypatch.setenv("BRIDGEBOT_DB", str(tmp_path / "db.sqlite3"))
    monkeypatch.setenv("BRIDGEBOT_MODELS_DIR", str(tmp_path / "models"))
    assert main(["run"]) == 4
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1].startswith("error: cannot reach the Telegram Bot API at http://127.0.0.1:9/bot")
    assert "abcdefghijklmnopqrstuvwxyz" not in err and "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ["--config", "{config}", "db", "migrate"],
        ["db", "--config", "{config}", "migrate"],
        ["db", "migrate", "--config", "{config}"],
    ],
    ids=["before the command", "after the command", "after the action"],
)
def test_the_config_file_counts_wherever_it_is_given(monkeypatch, tmp_path: Path, argv: list[str]) -> None:
    monkeypatch.delenv("BRIDGEBOT_DB", raising=False)
    config = tmp_path / "bridgebot.toml"
    config.write_text(f'db = "{tmp_path / "from-file.sqlite3"}"\n')
    assert main([arg.format(config=config) for arg in argv]) == 0
    assert (tmp_path / "from-file.sqlite3").exists()


def test_the_language_detector_is_chosen_by_file_or_environment(tmp_path: Path) -> None:
    assert load_settings(None, {}).language_detector == "py3langid"
    config = tmp_path / "bridgebot.toml"
    config.write_text('language_detector = "langdetect"\n')
    assert load_settings(config, {}).language_detector == "langdetect"
    assert load_settings(config, {"BRIDGEBOT_LANGUAGE_DETECTOR": " Py3LangId "}).language_detector == "py3langid"
    config.write_text('language_detector = "fasttext"\n')
    with pytest.raises(ConfigError, match=r"^language_detector: 'fasttext' is not one of py3langid, langdetect"):
        load_settings(config, {})


def test_check_refuses_an_unknown_language_detector_in_one_line(monkeypatch, capsys, tmp_path: Path) -> None:
    monkeypatch.setenv("BRIDGEBOT_DB", str(tmp_path / "bridgebot.sqlite3"))
    monkeypatch.setenv("BRIDGEBOT_LANGUAGE_DETECTOR", "fasttext")
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert err == "error: BRIDGEBOT_LANGUAGE_DETECTOR: 'fasttext' is not one of py3langid, langdetect\n"


EMAIL_ENV = {
    "BRIDGEBOT_EMAIL_ADDRESS": "bridgebot@city.example",
    "BRIDGEBOT_SMTP_URL": "smtp://bot%40city.example:p%40ss%3Aw0rd@mail.city.example:587",
    "BRIDGEBOT_IMAP_URL": "imaps://bot%40city.example:p%40ss%3Aw0rd@mail.city.example/Bridge%20Inbox",
}


def test_email_settings_are_parsed_with_percent_encoded_credentials() -> None:
    email = load_settings(None, EMAIL_ENV).email
    assert email is not None
    assert email.address == "bridgebot@city.example" and email.domain == "city.example"
    assert (email.smtp.scheme, email.smtp.host, email.smtp.port) == ("smtp", "mail.city.example", 587)
    assert (email.smtp.username, email.smtp.password, email.smtp.starttls) == ("bot@city.example", "p@ss:w0rd", True)
    assert (email.imap.port, email.imap.tls, email.imap.mailbox) == (993, True, "Bridge Inbox")


def test_email_is_off_unless_all_three_are_set() -> None:
    assert load_settings(None, {}).email is None
    with pytest.raises(ConfigError, match=r"^BRIDGEBOT_IMAP_URL: required for e-mail partners"):
        load_settings(None, {key: value for key, value in EMAIL_ENV.items() if key != "BRIDGEBOT_IMAP_URL"})


def test_email_keys_in_the_config_file(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text(
        'email_address = "bot@city.example"\n'
        'smtp_url = "smtp://u:p@127.0.0.1:2525?starttls=off"\n'
        'imap_url = "imap://u:p@127.0.0.1:1143/INBOX"\n'
    )
    email = load_settings(config, {}).email
    assert email is not None and email.smtp.starttls is False and email.imap.scheme == "imap"


@pytest.mark.parametrize(
    ("env", "key"),
    [
        ({"BRIDGEBOT_EMAIL_ADDRESS": "not an address"}, "BRIDGEBOT_EMAIL_ADDRESS"),
        ({"BRIDGEBOT_EMAIL_ADDRESS": "bot+tag@city.example"}, "BRIDGEBOT_EMAIL_ADDRESS"),
        ({"BRIDGEBOT_SMTP_URL": "http://u:p@mail.example"}, "BRIDGEBOT_SMTP_URL"),
        ({"BRIDGEBOT_SMTP_URL": "smtp://mail.example:587"}, "BRIDGEBOT_SMTP_URL"),
        ({"BRIDGEBOT_SMTP_URL": "smtp://u:p@mail.example:99999"}, "BRIDGEBOT_SMTP_URL"),
        ({"BRIDGEBOT_SMTP_URL": "smtp://u:p@mail.example:587?starttls=off"}, "BRIDGEBOT_SMTP_URL"),
        ({"BRIDGEBOT_SMTP_URL": "smtp://u:p@mail.example:587?tls=maybe"}, "BRIDGEBOT_SMTP_URL"),
        ({"BRIDGEBOT_IMAP_URL": "imap://u:p@:143/INBOX"}, "BRIDGEBOT_IMAP_URL"),
        ({"BRIDGEBOT_IMAP_URL": "smtp://u:p@mail.example"}, "BRIDGEBOT_IMAP_URL"),
    ],
)
def test_invalid_email_setting_names_its_key_in_one_line(env: dict[str, str], key: str) -> None:
    with pytest.raises(ConfigError, match=f"^{key}: [^\n]+$"):
        load_settings(None, {**EMAIL_ENV, **env})


def test_mail_passwords_never_appear_where_settings_are_printed() -> None:
    settings = load_settings(None, EMAIL_ENV)
    printed = f"{settings!r} {settings.email!r} {settings.email.smtp} {settings.email.imap.redacted()}"
    assert "p@ss:w0rd" not in printed and "p%40ss" not in printed
    assert "imaps://bot%40city.example:***@mail.city.example:993/Bridge Inbox" in printed
