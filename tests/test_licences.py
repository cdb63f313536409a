"""bridgebot is MIT: no direct runtime dependency may be under a strong copyleft licence (GPL, AGPL),
which would bind everyone who ships the bot. LGPL (python-telegram-bot) is fine for a dependency used
as a library."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_STRONG_COPYLEFT = re.compile(r"(?<![L])\b(?:A?GPL)\b|(?<!Lesser )General Public License", re.IGNORECASE)


def _licence_texts(name: str) -> list[str]:
    meta = metadata(name)
    texts = [meta.get("License-Expression") or "", (meta.get("License") or "").splitlines()[0:1]]
    classifiers = [c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return [t if isinstance(t, str) else " ".join(t) for t in texts] + classifiers


def test_no_runtime_dependency_is_gpl() -> None:
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    offending = {}
    for requirement in dependencies:
        name = re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0]
        found = [text for text in _licence_texts(name) if _STRONG_COPYLEFT.search(text)]
        if found:
            offending[name] = found
    assert offending == {}
