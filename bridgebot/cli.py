"""The `bridgebot` command: run, demo, check, db and models.

Every failure an admin can cause (bad config, locked database, missing token) ends as one line on
stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path

from bridgebot import __version__, cli_models
from bridgebot.config import ConfigError, Settings, load_settings
from bridgebot.logs import configure_logging
from bridgebot.store.db import StoreError

EXIT_CONFIG = 2
EXIT_STORE = 3
EXIT_TELEGRAM = 4

NO_TOKEN = """\
bridgebot needs a Telegram bot token. In Telegram, open a chat with @BotFather, send /newbot, choose a
name and a username ending in "bot", and BotFather answers with a token like 123456789:AAE...; then
send /setprivacy to BotFather, pick your bot and choose Disable, so the bot can read the messages of
the partner groups it bridges. Start bridgebot with that token in the environment:
    BRIDGEBOT_TOKEN=123456789:AAE... bridgebot run
or put `token = "..."` in a config file and run `bridgebot run --config bridgebot.toml`."""


def _config_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """Accept --config at any level: `bridgebot --config F db backup P` and `bridgebot db backup P --config F`.

    Below the top, the default is SUPPRESS so that a subcommand without --config keeps the value given earlier.
    """
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        default=None if top else argparse.SUPPRESS,
        help="TOML settings file (environment variables override it)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bridgebot",
        description="Bridges the Telegram groups of partner cities, translated offline, "
        "with commitments and follow-ups.",
        epilog="Settings come from --config FILE and BRIDGEBOT_* environment variables "
        "(BRIDGEBOT_TOKEN, BRIDGEBOT_TELEGRAM_BASE_URL, BRIDGEBOT_DB, BRIDGEBOT_MODELS_DIR, "
        "BRIDGEBOT_ADMINS, BRIDGEBOT_LOG_LEVEL).",
    )
    parser.add_argument("--version", action="version", version=f"bridgebot {__version__}")
    _config_option(parser, top=True)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sub.add_parser(
        "run",
        help="run the bot (long polling, or a webhook when webhook_url is set)",
        description="Run the bot until stopped.",
    )

    demo = sub.add_parser(
        "demo",
        help="see the bot work offline: three partner cities, no token and no network needed",
        description="Play a scripted conversation of three partner cities against the real bot, offline: a local "
        "Telegram Bot API server, tiny language models, everything in a temporary directory.",
    )
    demo.add_argument("--fast", action="store_true", help="no pauses between the steps")

    sub.add_parser(
        "check",
        help="validate the configuration, the database and the language models",
        description="Check that the bot can start: settings, database, and language models.",
    )

    db = sub.add_parser("db", help="database maintenance", description="Database maintenance.")
    db_sub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    db_sub.add_parser("migrate", help="apply pending schema migrations")
    backup = db_sub.add_parser("backup", help="write a consistent copy of the database (safe while the bot runs)")
    backup.add_argument("path", type=Path, help="file to write")
    export = db_sub.add_parser("export", help="partnerships, groups, commitments and their history as JSON or CSV")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument("--output", type=Path, help="file to write (default: standard output)")

    cli_models.add_parser(sub)
    for command in _subcommands(parser):
        if command is not demo:
            _config_option(command)
    return parser


def _subcommands(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """Every parser below this one, at any depth."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                found += [child, *_subcommands(child)]
    return found


def _run(settings: Settings) -> int:
    if not settings.token:
        print(NO_TOKEN, file=sys.stderr)
        return EXIT_CONFIG
    from telegram.error import InvalidToken, NetworkError

    from bridgebot.app import serve

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, stop.set)
        await serve(settings, stop)

    try:
        asyncio.run(main())
    except InvalidToken:
        print("error: Telegram rejected the token (BRIDGEBOT_TOKEN); check it with @BotFather", file=sys.stderr)
        return EXIT_TELEGRAM
    except NetworkError as exc:
        where = settings.telegram_base_url or "api.telegram.org"
        print(f"error: cannot reach the Telegram Bot API at {where} ({exc})", file=sys.stderr)
        return EXIT_TELEGRAM
    return 0


def _check(settings: Settings) -> int:
    """Everything `run` needs, each on one line; exit 1 if any of it is missing."""
    from bridgebot.store.db import connect
    from bridgebot.store.repository import Repository
    from bridgebot.translation import packages
    from bridgebot.translation.argos import use_models_dir

    async def languages() -> dict[str, set[str]]:
        async with connect(settings.db_path) as conn:
            return await Repository(conn).partnership_languages()

    in_use = asyncio.run(languages())
    print(f"config: ok (database {settings.db_path}, models {settings.models_path})")
    problems = 0
    if not settings.token:
        print("token: missing (set BRIDGEBOT_TOKEN)")
        problems += 1
    elif not settings.token_looks_valid():
        print("token: does not look like a BotFather token (digits:letters)")
        problems += 1
    else:
        print("token: ok")
    use_models_dir(settings.models_path)
    for name, langs in sorted(in_use.items()):
        missing = [f"{s}->{t}" for s, t, kind in packages.pivot_report(langs) if kind == "missing"]
        if missing:
            problems += 1
            print(f"models for {name} ({', '.join(sorted(langs))}): missing {', '.join(missing)}")
        else:
            print(f"models for {name} ({', '.join(sorted(langs))}): ok")
    if datetime.now(UTC).year < 2024:
        print(f"clock: the system clock says {datetime.now(UTC):%Y-%m-%d}; due dates and nudges need the real time")
        problems += 1
    return 1 if problems else 0


def _db(args: argparse.Namespace, settings: Settings) -> int:
    from bridgebot.private_files import write_private_text
    from bridgebot.store import maintenance

    if args.db_command == "migrate":
        applied = asyncio.run(maintenance.migrate(settings.db_path))
        print(f"applied: {', '.join(applied)}" if applied else "database is up to date")
    elif args.db_command == "backup":
        asyncio.run(maintenance.backup(settings.db_path, args.path))
        print(f"backup written to {args.path}")
    elif args.db_command == "export":
        text = asyncio.run(maintenance.export(settings.db_path, args.format))
        if args.output:
            write_private_text(args.output, text)
        else:
            sys.stdout.write(text)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "demo":  # self-contained: neither the config file nor BRIDGEBOT_* apply
        from bridgebot.demo.run import main as demo

        return demo(fast=args.fast)
    try:
        settings = load_settings(args.config)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    configure_logging(settings)
    try:
        if args.command == "run":
            return _run(settings)
        if args.command == "check":
            return _check(settings)
        if args.command == "db":
            return _db(args, settings)
        return cli_models.run(args, settings.models_path)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_STORE
    except KeyboardInterrupt:
        return 130
