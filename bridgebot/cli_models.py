"""`bridgebot models ...`: manage the Argos language packages the bot translates with.

Only argument parsing and human-readable output live here; the work is in
`bridgebot.translation.packages`, so the same functions serve the CLI, `check` and tests. Every
expected failure is a `PackageError`, printed as one `error: ...` line (an admin on a server wants the
reason and the next step, not a traceback).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bridgebot.translation.argos import use_models_dir

if TYPE_CHECKING:
    from bridgebot.translation.packages import PairInfo

DESCRIPTION = """\
Manage the Argos Translate packages the bot translates with. They live in the models directory
(BRIDGEBOT_MODELS_DIR, or models_dir in the config file). A pair without its own package is
translated through English when both halves (FROM->en and en->TO) are installed."""

EPILOG = """\
examples:
  bridgebot models list
  bridgebot models list --languages de,zh,es    which of these pairs are direct, via English, missing
  bridgebot models install de en                download de->en from the Argos index (needs internet)
  bridgebot models install-file translate-de_en-1_9.argosmodel translate-en_de-1_9.argosmodel
  bridgebot models remove de en

offline servers: download the .argosmodel files on another machine (https://www.argosopentech.com/argospm/index/)
and use install-file. Packages that bundle a sentence splitter (minisbd/*.onnx) work fully offline.

environment:
  BRIDGEBOT_ARGOS_INDEX   package index URL for `install` (a mirror; default: Argos' public index)
  BRIDGEBOT_MINISBD_URL   base URL of MiniSBD sentence-splitter models (a mirror)"""


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add `models` and its actions to the main CLI; returns the parser so the caller can add options."""
    parser = subparsers.add_parser(
        "models",
        help="list, install and remove translation models",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="models_command", required=True, metavar="ACTION")

    listing = sub.add_parser(
        "list",
        help="installed pairs, pairs through English, missing pairs and splitter warnings",
        description="Show the installed packages, which pairs are translated through English, which are "
        "missing, and packages that would need the network to split sentences.",
    )
    listing.add_argument(
        "--languages",
        metavar="LANGS",
        type=lambda text: [code.strip() for code in text.split(",") if code.strip()],
        help="comma-separated language codes to report pairs for (default: every language of an installed package)",
    )

    install = sub.add_parser(
        "install",
        help="download and install FROM->TO from the Argos index",
        description="Download the FROM->TO package from the Argos package index, verify it, install it,\n"
        "and fetch its sentence splitter so that later translation needs no network.\n"
        "Needs internet access (or BRIDGEBOT_ARGOS_INDEX pointing at a reachable mirror);\n"
        "without it, fails within seconds: use install-file then.",
        epilog="example:\n  bridgebot models install de en",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    install.add_argument("from_code", metavar="FROM", help="source language code, e.g. de")
    install.add_argument("to_code", metavar="TO", help="target language code, e.g. en")
    install.add_argument(
        "--timeout", type=float, default=10, metavar="SECONDS", help="network timeout (default: %(default)s)"
    )

    install_file = sub.add_parser(
        "install-file",
        help="install .argosmodel files from disk (works offline)",
        description="Check and install .argosmodel files. An installed package of the same pair is replaced.\n"
        "A damaged archive is refused before anything is unpacked; the other files are still installed.",
        epilog="example:\n  bridgebot models install-file ~/Downloads/translate-de_en-1_9.argosmodel",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    install_file.add_argument("paths", nargs="+", type=Path, metavar="PATH", help=".argosmodel file")

    remove = sub.add_parser(
        "remove",
        help="uninstall the FROM->TO package",
        description="Uninstall the FROM->TO package from the models directory.",
        epilog="example:\n  bridgebot models remove de en",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    remove.add_argument("from_code", metavar="FROM")
    remove.add_argument("to_code", metavar="TO")
    return parser


class ProgressPrinter:
    """Download progress on stderr: a redrawn bar on a terminal, a line per 10% in logs and pipes."""

    def __init__(self, stream: TextIO | None = None, *, label: str = "downloading") -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.label = label
        self.last_step = -1
        self.last_draw = 0.0
        self.finished = False

    def __call__(self, done: int, total: int | None) -> None:
        if self.tty:
            now = time.monotonic()
            if now - self.last_draw < 0.1 and done != total:
                return
            self.last_draw = now
            if total:
                width = 30
                filled = width * min(done, total) // total
                bar = "#" * filled + "." * (width - filled)
                line = f"\r{self.label} [{bar}] {100 * done // total:3d}%  {_size(done)} / {_size(total)}"
            else:
                line = f"\r{self.label} {_size(done)}"
            self.stream.write(line)
            if done == total:
                self.stream.write("\n")
                self.finished = True
            self.stream.flush()
            return
        if total:
            step = min(100, (100 * done // total) // 10 * 10)
            if step > self.last_step:
                self.last_step = step
                self.stream.write(f"{self.label}: {step}% ({_size(done)} of {_size(total)})\n")
                self.stream.flush()
        elif done // (10 << 20) > self.last_step:  # unknown size: a line per 10 MB
            self.last_step = done // (10 << 20)
            self.stream.write(f"{self.label}: {_size(done)}\n")
            self.stream.flush()

    def close(self) -> None:
        """End a bar left mid-line (an interrupted download) so the error starts on its own line."""
        if self.tty and self.last_draw and not self.finished:
            self.stream.write("\n")
            self.stream.flush()


def _size(count: int) -> str:
    if count < 1 << 20:
        return f"{count / 1024:.0f} KB"
    return f"{count / (1 << 20):.1f} MB"


def _splitter_note(pair: PairInfo) -> str:
    if pair.has_offline_splitter:
        return "bundled"
    if pair.splitter_cached:
        return "cached"
    return "MISSING"


def _list(languages: list[str] | None) -> int:
    from bridgebot.translation import packages

    pairs = packages.installed_pairs()
    for broken in packages.broken_packages():
        print(
            f"warning: {broken.path} is not a loadable package ({broken.reason}); Argos fails on it: remove it",
            file=sys.stderr,
        )
    if not pairs:
        print("No language packages installed. Use `bridgebot models install-file PATH` or `install FROM TO`.")
    else:
        rows = [("FROM", "TO", "VERSION", "SPLITTER", "PATH")]
        rows += [(p.from_code, p.to_code, p.version, _splitter_note(p), str(p.path)) for p in pairs]
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        for row in rows:
            print("  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True)) + "  " + row[4])
    report = packages.pivot_report(languages)
    pivots = [f"{s}->{t}" for s, t, kind in report if kind == "pivot"]
    missing = [f"{s}->{t}" for s, t, kind in report if kind == "missing"]
    if pivots:
        print()
        print("Through English (no direct package): " + ", ".join(pivots))
    if missing:
        print()
        print("Not available (no direct package, no route through English): " + ", ".join(missing))
    for pair in pairs:
        if not pair.works_offline:
            print(
                f"warning: {pair.from_code}->{pair.to_code} has no offline sentence splitter: the first translation "
                f"from {pair.from_code} will try to download one. Run `bridgebot models install {pair.from_code} "
                f"{pair.to_code}` while online, or install a package that bundles minisbd/*.onnx.",
                file=sys.stderr,
            )
    return 0


def _describe(info: PairInfo) -> str:
    splitter = {
        "bundled": "sentence splitter bundled",
        "cached": "sentence splitter fetched",
        "MISSING": "no offline sentence splitter",
    }[_splitter_note(info)]
    return f"{info.from_code} -> {info.to_code} v{info.version} ({splitter})"


def run(args: argparse.Namespace, models_dir: Path) -> int:
    """Run one `models` action against `models_dir`; 0 on success, 1 with an `error:` line otherwise."""
    use_models_dir(models_dir)
    from bridgebot.translation import packages

    try:
        if args.models_command == "list":
            return _list(getattr(args, "languages", None))
        if args.models_command == "install":
            progress = ProgressPrinter()
            try:
                info = packages.install_from_index(
                    args.from_code, args.to_code, timeout=getattr(args, "timeout", 10), progress=progress
                )
            finally:
                progress.close()
            print(f"installed {_describe(info)}")
        elif args.models_command == "install-file":
            # Each file on its own: one damaged download should not keep the good ones out.
            failed = 0
            for path in args.paths:
                try:
                    info = packages.install_file(path)
                except packages.PackageError as exc:
                    print(f"error: {exc}", file=sys.stderr)
                    failed += 1
                else:
                    print(f"installed {_describe(info)} from {path}")
            return 1 if failed else 0
        elif args.models_command == "remove":
            info = packages.remove(args.from_code, args.to_code)
            print(f"removed {info.from_code} -> {info.to_code} v{info.version}")
        else:  # pragma: no cover - argparse rejects other actions
            print(f"error: unknown models action {args.models_command!r}", file=sys.stderr)
            return 1
    except packages.PackageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0
