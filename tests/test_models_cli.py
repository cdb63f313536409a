"""`bridgebot models`: install, list (with pivots), remove, and clear failures without a network."""

from __future__ import annotations

import json
import time
import zipfile
from pathlib import Path

import pytest
from aiohttp import web

from bridgebot.cli import main
from tests.conftest import PACKAGES


@pytest.fixture
def models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, models_dir: Path) -> Path:
    """A fresh, empty models directory for the CLI (the session's Argos directory is unaffected)."""
    directory = tmp_path / "cli-models"
    monkeypatch.setenv("BRIDGEBOT_MODELS_DIR", str(directory))
    monkeypatch.setenv("BRIDGEBOT_DB", str(tmp_path / "db.sqlite3"))
    yield directory
    from bridgebot.translation.argos import use_models_dir

    use_models_dir(models_dir)


def test_install_list_and_remove(models: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "install-file", str(PACKAGES / "de_en.argosmodel"), str(PACKAGES / "en_es.argosmodel")]) == 0
    assert "installed de -> en" in capsys.readouterr().out
    assert main(["models", "list"]) == 0
    listing = capsys.readouterr().out
    assert "de -> en" in listing and "en -> es" in listing
    assert "through English: de->es" in listing
    assert "no offline sentence splitter" not in listing
    assert main(["models", "remove", "de", "en"]) == 0
    assert "removed de -> en" in capsys.readouterr().out
    assert main(["models", "list"]) == 0
    assert "de -> en" not in capsys.readouterr().out
    assert main(["models", "remove", "de", "en"]) == 1
    assert "no de->en package" in capsys.readouterr().err


def test_damaged_archives_are_refused_and_install_nothing(
    models: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    truncated = tmp_path / "truncated.argosmodel"
    truncated.write_bytes((PACKAGES / "en_de.argosmodel").read_bytes()[:5000])
    assert main(["models", "install-file", str(truncated)]) == 1
    assert "not an .argosmodel archive" in capsys.readouterr().err
    empty = tmp_path / "no-metadata.argosmodel"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("pkg/model/model.bin", b"x")
        archive.writestr("pkg/sentencepiece.model", b"x")
    assert main(["models", "install-file", str(empty)]) == 1
    assert "metadata.json is missing" in capsys.readouterr().err
    assert not any(models.iterdir())


def test_unreachable_index_fails_within_seconds(
    models: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BRIDGEBOT_ARGOS_INDEX", "http://127.0.0.1:9/index.json")
    started = time.monotonic()
    assert main(["models", "install", "de", "en"]) == 1
    assert time.monotonic() - started < 10
    err = capsys.readouterr().err
    assert "cannot be reached" in err and "install-file" in err and "Traceback" not in err


async def test_install_from_a_reachable_index(models: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = (PACKAGES / "en_zh.argosmodel").read_bytes()

    async def index(request: web.Request) -> web.Response:
        base = f"http://127.0.0.1:{request.url.port}"
        entries = [{"from_code": "en", "to_code": "zh", "package_version": "0.1", "links": [f"{base}/en_zh"]}]
        return web.json_response(entries)

    async def package(request: web.Request) -> web.Response:
        return web.Response(body=archive)

    app = web.Application()
    app.router.add_get("/index.json", index)
    app.router.add_get("/en_zh", package)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    monkeypatch.setenv("BRIDGEBOT_ARGOS_INDEX", f"http://127.0.0.1:{port}/index.json")
    try:
        from bridgebot.translation import packages
        from bridgebot.translation.argos import use_models_dir

        use_models_dir(models)
        seen: list[tuple[int, int | None]] = []
        info = await _in_thread(
            lambda: packages.install_from_index("en", "zh", progress=lambda d, t: seen.append((d, t)))
        )
        assert (info.from_code, info.to_code) == ("en", "zh") and info.offline_splitter
        assert seen[-1] == (len(archive), len(archive))
        missing = await _in_thread(lambda: _raises(lambda: packages.install_from_index("en", "ja")))
        assert "no en->ja package" in missing and "zh" in missing
    finally:
        await runner.cleanup()
    assert json.loads((next(models.glob("*/metadata.json"))).read_text())["to_code"] == "zh"


async def _in_thread(func):
    import asyncio

    return await asyncio.get_running_loop().run_in_executor(None, func)


def _raises(func) -> str:
    from bridgebot.translation.packages import PackageError

    try:
        func()
    except PackageError as error:
        return str(error)
    raise AssertionError("no PackageError")
