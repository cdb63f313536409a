"""The layering of docs/architecture.md, checked on the imports: the rules and the store speak no Telegram."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "bridgebot"
TELEGRAM_FREE = ("services", "translation", "store")


def _imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", TELEGRAM_FREE)
def test_the_layer_imports_nothing_of_telegram(layer: str) -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(n for n in _imported(path) if n.split(".")[0] == "telegram")
        for path in (PACKAGE / layer).rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_the_check_sees_a_telegram_import(tmp_path: Path) -> None:
    module = tmp_path / "leak.py"
    module.write_text("from telegram.constants import MessageLimit\nimport telegram.error as e\n")
    assert _imported(module) == {"telegram.constants", "telegram.error"}
