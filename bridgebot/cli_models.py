"""`bridgebot models ...`: manage the Argos language packages the bot translates with."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bridgebot.translation.argos import use_models_dir

EPILOG = """examples:
  bridgebot models list
  bridgebot models install de en          download from the Argos index (needs internet)
  bridgebot models install-file de_en.argosmodel en_de.argosmodel
  bridgebot models remove de en

Pairs without a direct package are translated through English when both halves are installed."""


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "models",
        help="list, install and remove translation models",
        description="Manage the Argos Translate packages in the models directory (BRIDGEBOT_MODELS_DIR).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="models_command", required=True, metavar="ACTION")
    sub.add_parser("list", help="installed pairs, and which pairs pivot through English")
    install = sub.add_parser("install", help="download and install FROM->TO from the Argos index")
    install.add_argument("from_code", metavar="FROM")
    install.add_argument("to_code", metavar="TO")
    install_file = sub.add_parser("install-file", help="install .argosmodel files from disk")
    install_file.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    remove = sub.add_parser("remove", help="uninstall the FROM->TO package")
    remove.add_argument("from_code", metavar="FROM")
    remove.add_argument("to_code", metavar="TO")
    return parser


def _progress(done: int, total: int | None) -> None:
    if total:
        width = 30
        filled = width * done // total
        line = f"\r[{'#' * filled}{'.' * (width - filled)}] {100 * done // total:3d}%  {done // 1024} KB"
    else:
        line = f"\r{done // 1024} KB"
    if sys.stderr.isatty() or done == total:
        print(line, end="" if done != total else "\n", file=sys.stderr, flush=True)


def _list() -> int:
    from bridgebot.translation import packages

    pairs = packages.installed_pairs()
    if not pairs:
        print("no language packages installed (bridgebot models install-file PATH, or install FROM TO)")
        return 0
    print("installed:")
    for pair in pairs:
        note = "" if pair.offline_splitter else "  (no offline sentence splitter: will download on first use)"
        print(f"  {pair.from_code} -> {pair.to_code}  v{pair.version}{note}")
    report = packages.pivot_report()
    pivots = [f"{s}->{t}" for s, t, kind in report if kind == "pivot"]
    missing = [f"{s}->{t}" for s, t, kind in report if kind == "missing"]
    if pivots:
        print("through English: " + ", ".join(pivots))
    if missing:
        print("not available: " + ", ".join(missing))
    return 0


def run(args: argparse.Namespace, models_dir: Path) -> int:
    use_models_dir(models_dir)
    from bridgebot.translation import packages

    try:
        if args.models_command == "list":
            return _list()
        if args.models_command == "install":
            info = packages.install_from_index(args.from_code, args.to_code, progress=_progress)
            print(f"installed {info.from_code} -> {info.to_code} v{info.version}")
        elif args.models_command == "install-file":
            for path in args.paths:
                info = packages.install_file(path)
                print(f"installed {info.from_code} -> {info.to_code} v{info.version} from {path}")
        elif args.models_command == "remove":
            info = packages.remove(args.from_code, args.to_code)
            print(f"removed {info.from_code} -> {info.to_code}")
    except packages.PackageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0
