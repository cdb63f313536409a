"""The one door to `argostranslate`.

argostranslate reads its directories from the environment *at import time* and creates them, so
importing it anywhere else first would pin packages to the user's home. Everything in bridgebot that
needs Argos calls `use_models_dir()` and then imports through `argos()`; importing bridgebot itself
never loads Argos or a model.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from types import ModuleType

from bridgebot.private_files import private_dir

_models_dir: Path | None = None


def use_models_dir(models_dir: Path) -> None:
    """Point Argos (packages, MiniSBD cache, downloads) at `models_dir`, before or after import."""
    global _models_dir
    models_dir = private_dir(Path(models_dir).expanduser().resolve())
    _models_dir = models_dir
    os.environ["ARGOS_PACKAGES_DIR"] = str(models_dir)
    # Argos takes every folder in the packages directory for a package, so its own state (the
    # MiniSBD cache, downloads) lives beside it rather than inside.
    state = private_dir(models_dir.parent / f".{models_dir.name}-argos")
    os.environ.setdefault("XDG_DATA_HOME", str(state / "data"))
    os.environ.setdefault("XDG_CACHE_HOME", str(state / "cache"))
    os.environ.setdefault("XDG_CONFIG_HOME", str(state / "config"))
    # Argos would otherwise try a GPU probe and log noise on CPU-only servers.
    os.environ.setdefault("ARGOS_DEVICE_TYPE", "cpu")
    settings = importlib.import_module("argostranslate.settings")
    settings.package_data_dir = models_dir
    settings.package_dirs = [models_dir]


def models_dir() -> Path:
    if _models_dir is None:
        raise RuntimeError("use_models_dir() must be called before Argos is used")
    return _models_dir


def argos(name: str) -> ModuleType:
    """Import `argostranslate.<name>` once the models directory is set."""
    models_dir()
    return importlib.import_module(f"argostranslate.{name}")
