"""`bridgebot models`: real tiny Argos packages installed, listed (with pivots), replaced and removed;
damaged archives refused; an unreachable index failing within seconds; a local index end to end,
including fetching the sentence splitter so that translating afterwards needs no network."""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import logging
import re
import socket
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bridgebot import cli_models
from bridgebot.translation import packages
from bridgebot.translation.argos import argos, use_models_dir
from tests.conftest import PACKAGES


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bridgebot")
    cli_models.add_parser(parser.add_subparsers(dest="command", required=True))
    return parser


def models_cli(models: Path, *argv: str) -> int:
    """`bridgebot models ARGV...` in-process, the way cli.py calls it."""
    return cli_models.run(_parser().parse_args(["models", *argv]), models)


@pytest.fixture
def models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, models_dir: Path) -> Iterator[Path]:
    """A fresh models directory and MiniSBD cache; the session's Argos directory is restored after."""
    directory = tmp_path / "cli-models"
    monkeypatch.delenv("BRIDGEBOT_ARGOS_INDEX", raising=False)
    monkeypatch.delenv("BRIDGEBOT_MINISBD_URL", raising=False)
    # Tests that ran `bridgebot.cli.main` leave a root log handler on their (closed) captured stderr;
    # its "--- Logging error ---" reports would land in this test's stderr, which is asserted on.
    monkeypatch.setattr(logging, "raiseExceptions", False)
    use_models_dir(directory)
    monkeypatch.setattr(argos("sbd").minisbd_models, "cache_dir", str(tmp_path / "minisbd-cache"))
    yield directory
    use_models_dir(models_dir)
    argos("translate").get_installed_languages.cache_clear()


def _rewrite(source: Path, target: Path, *, drop: str | None = None, metadata: dict | None = None) -> Path:
    """A copy of a real package without the entries under `drop`, or with changed metadata."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            if drop and f"/{drop}" in item.filename:
                continue
            data = old.read(item)
            if metadata is not None and item.filename.endswith("/metadata.json"):
                data = json.dumps({**json.loads(data), **metadata}).encode()
            new.writestr(item, data)
    return target


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Server:
    """A loopback HTTP server serving fixed bodies by path, like the Argos index and its download host."""

    def __init__(self) -> None:
        self.routes: dict[str, bytes] = {}
        self.requests: list[str] = []
        routes, requests = self.routes, self.requests

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                requests.append(self.path)
                body = routes.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def index(self, entries: list[dict]) -> str:
        self.routes["/index.json"] = json.dumps(entries).encode()
        return f"{self.url}/index.json"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[_Server]:
    served = _Server()
    yield served
    served.close()


def _entry(from_code: str, to_code: str, link: str, **extra: object) -> dict:
    return {"from_code": from_code, "to_code": to_code, "package_version": "0.1", "links": [link], **extra}


# --- install-file, list, remove ------------------------------------------------------------------


def test_install_files_list_pivots_and_remove(models: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        models_cli(models, "install-file", str(PACKAGES / "de_en.argosmodel"), str(PACKAGES / "en_es.argosmodel")) == 0
    )
    out = capsys.readouterr().out
    assert "installed de -> en v0.1 (sentence splitter bundled)" in out
    assert "installed en -> es v0.1" in out

    assert [(p.from_code, p.to_code, p.has_offline_splitter) for p in packages.installed_pairs()] == [
        ("de", "en", True),
        ("en", "es", True),
    ]
    assert ("de", "es", "pivot") in packages.pivot_report()
    assert ("es", "de", "missing") in packages.pivot_report()

    assert models_cli(models, "list") == 0
    listing = capsys.readouterr()
    lines = listing.out.splitlines()
    assert lines[0].split() == ["FROM", "TO", "VERSION", "SPLITTER", "PATH"]
    assert lines[1].split()[:4] == ["de", "en", "0.1", "bundled"]
    assert lines[2].split()[:4] == ["en", "es", "0.1", "bundled"]
    assert "Through English (no direct package): de->es" in listing.out
    assert "es->de" in listing.out.split("Not available")[1]
    assert "warning" not in listing.err

    assert models_cli(models, "list", "--languages", "de,es,zh") == 0
    out = capsys.readouterr().out
    assert "Through English (no direct package): de->es" in out
    assert "de->zh" in out.split("Not available")[1]

    assert models_cli(models, "remove", "de", "en") == 0
    assert "removed de -> en v0.1" in capsys.readouterr().out
    assert [(p.from_code, p.to_code) for p in packages.installed_pairs()] == [("en", "es")]
    assert models_cli(models, "list") == 0
    out = capsys.readouterr().out
    assert "de " not in out and "Through English" not in out
    assert models_cli(models, "remove", "de", "en") == 1
    err = capsys.readouterr().err
    assert err.startswith("error: no de->en package is installed (installed: en->es)")
    assert "Traceback" not in err


def test_empty_models_dir_lists_nothing(models: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert models_cli(models, "list") == 0
    assert "No language packages installed" in capsys.readouterr().out


def test_reinstalling_a_pair_replaces_it(models: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert models_cli(models, "install-file", str(PACKAGES / "en_de.argosmodel")) == 0
    assert models_cli(models, "install-file", str(PACKAGES / "en_de.argosmodel")) == 0
    assert len(list(models.iterdir())) == 1
    newer = _rewrite(PACKAGES / "en_de.argosmodel", tmp_path / "newer.argosmodel", metadata={"package_version": "0.2"})
    assert models_cli(models, "install-file", str(newer)) == 0
    assert "installed en -> de v0.2" in capsys.readouterr().out
    assert [(p.to_code, p.version) for p in packages.installed_pairs()] == [("de", "0.2")]
    assert len(list(models.iterdir())) == 1
    assert not list(models.parent.glob(".cli-models-replaced-*"))  # nothing left aside
    # A leftover folder where a package unpacks (an interrupted copy) is replaced, not merged into.
    (models / "translate-en_zh-tiny").mkdir()
    (models / "translate-en_zh-tiny" / "stray.txt").write_text("x")
    assert models_cli(models, "install-file", str(PACKAGES / "en_zh.argosmodel")) == 0
    assert not (models / "translate-en_zh-tiny" / "stray.txt").exists()
    assert packages.broken_packages() == []
    assert [(p.from_code, p.to_code) for p in packages.installed_pairs()] == [("en", "de"), ("en", "zh")]


def test_failed_install_keeps_the_installed_package(
    models: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert models_cli(models, "install-file", str(PACKAGES / "en_de.argosmodel")) == 0
    newer = _rewrite(PACKAGES / "en_de.argosmodel", tmp_path / "newer.argosmodel", metadata={"package_version": "0.2"})

    def disk_full(path: Path) -> None:
        with zipfile.ZipFile(path) as archive:
            archive.extract(archive.namelist()[0], models)  # a half-unpacked folder
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(argos("package"), "install_from_path", disk_full)
    assert models_cli(models, "install-file", str(newer)) == 1
    err = capsys.readouterr().err
    assert "newer.argosmodel: installing failed (OSError" in err and "No space left" in err
    assert [(p.to_code, p.version) for p in packages.installed_pairs()] == [("de", "0.1")]
    assert packages.broken_packages() == []
    assert (next(models.iterdir()) / "model" / "model.bin").is_file()


def _zip(path: Path, entries: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def test_damaged_archives_are_refused_and_install_nothing(
    models: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = {"pkg/model/model.bin": b"x", "pkg/sentencepiece.model": b"x"}
    meta = json.dumps({"from_code": "en", "to_code": "de"})
    truncated = tmp_path / "truncated.argosmodel"
    truncated.write_bytes((PACKAGES / "en_de.argosmodel").read_bytes()[:5000])
    cases = {
        truncated: "not an .argosmodel archive (not a zip file, or truncated)",
        _zip(tmp_path / "no-metadata.argosmodel", good): "metadata.json is missing",
        _zip(tmp_path / "no-model.argosmodel", {"pkg/metadata.json": meta, "pkg/sentencepiece.model": b"x"}): (
            "model/model.bin is missing"
        ),
        _zip(tmp_path / "two-tops.argosmodel", {**good, "pkg/metadata.json": meta, "other/x": b"x"}): (
            "exactly one top folder, this one has 2 (other, pkg)"
        ),
        _zip(tmp_path / "no-codes.argosmodel", {**good, "pkg/metadata.json": json.dumps({"from_code": "en"})}): (
            "metadata.json has no to_code"
        ),
        _zip(tmp_path / "bad-json.argosmodel", {**good, "pkg/metadata.json": "{not json"}): (
            "metadata.json is not valid JSON"
        ),
        tmp_path / "absent.argosmodel": "no such file",
    }
    for path, problem in cases.items():
        assert models_cli(models, "install-file", str(path)) == 1, path
        err = capsys.readouterr().err
        assert err.startswith(f"error: {path}: "), err
        assert problem in err, err
        assert err.count("\n") == 1 and "Traceback" not in err
    assert not any(models.iterdir())


def test_one_bad_file_does_not_keep_the_good_ones_out(
    models: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.argosmodel"
    bad.write_bytes(b"not a zip")
    assert models_cli(models, "install-file", str(bad), str(PACKAGES / "zh_en.argosmodel")) == 1
    captured = capsys.readouterr()
    assert "bad.argosmodel: not an .argosmodel archive" in captured.err
    assert "installed zh -> en" in captured.out
    assert [(p.from_code, p.to_code) for p in packages.installed_pairs()] == [("zh", "en")]


def test_list_warns_about_missing_splitter_and_broken_folders(
    models: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stripped = _rewrite(PACKAGES / "es_en.argosmodel", tmp_path / "es_en.argosmodel", drop="minisbd/")
    info = packages.install_file(stripped)
    assert not info.has_offline_splitter and not info.splitter_cached
    (models / "leftover").mkdir()
    assert models_cli(models, "list") == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[1].split()[:4] == ["es", "en", "0.1", "MISSING"]
    assert "warning: es->en has no offline sentence splitter" in captured.err
    assert "bridgebot models install es en" in captured.err
    assert f"warning: {models / 'leftover'} is not a loadable package" in captured.err


# --- install from an index -----------------------------------------------------------------------


def test_an_unreachable_index_is_one_clear_error(
    models: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/index.json"
    monkeypatch.setenv("BRIDGEBOT_ARGOS_INDEX", url)
    assert models_cli(models, "install", "de", "en") == 1  # one refused connection, no retries until RecursionError
    err = capsys.readouterr().err
    assert err.startswith(f"error: The Argos package index at {url} cannot be reached (ConnectError")
    assert "Download the .argosmodel file elsewhere and use `bridgebot models install-file PATH`." in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not any(models.iterdir())


def test_index_that_is_not_an_index(
    models: Path, server: _Server, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/index.json"] = b"<html>captive portal</html>"
    monkeypatch.setenv("BRIDGEBOT_ARGOS_INDEX", f"{server.url}/index.json")
    assert models_cli(models, "install", "de", "en") == 1
    assert "cannot be reached (JSONDecodeError" in capsys.readouterr().err
    monkeypatch.setenv("BRIDGEBOT_ARGOS_INDEX", f"{server.url}/missing.json")
    assert models_cli(models, "install", "de", "en") == 1
    err = capsys.readouterr().err
    assert "cannot be reached (HTTP 404 Not Found). Download" in err and err.count("\n") == 1


def test_install_from_a_local_index(
    models: Path, server: _Server, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = (PACKAGES / "en_zh.argosmodel").read_bytes()
    server.routes["/pkg/en_zh.argosmodel"] = archive
    index = server.index(
        [
            _entry("en", "zh", f"{server.url}/pkg/en_zh.argosmodel"),
            _entry("en", "es", f"{server.url}/pkg/en_es.argosmodel"),
            _entry("de", "en", f"{server.url}/pkg/de_en.argosmodel"),
        ]
    )
    monkeypatch.setenv("BRIDGEBOT_ARGOS_INDEX", index)

    seen: list[tuple[int, int | None]] = []
    info = packages.install_from_index("en", "zh", progress=lambda done, total: seen.append((done, total)))
    assert (info.from_code, info.to_code, info.version, info.has_offline_splitter) == ("en", "zh", "0.1", True)
    assert seen and seen[-1] == (len(archive), len(archive))
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert json.loads(next(models.glob("*/metadata.json")).read_text())["to_code"] == "zh"
    assert argos("translate").translate("the bridge is open", "en", "zh") == "桥开放了"

    with pytest.raises(packages.PackageError) as missing:
        packages.install_from_index("en", "ja")
    assert str(missing.value) == f"the index at {index} has no en->ja package; from en it offers: es, zh"

    # Through the CLI, with stderr not a terminal: percentage lines, then the result.
    assert models_cli(models, "install", "en", "zh") == 0
    captured = capsys.readouterr()
    assert "installed en -> zh v0.1 (sentence splitter bundled)" in captured.out
    lines = captured.err.splitlines()
    assert len(lines) >= 2 and all(re.fullmatch(r"downloading: \d+% \(\d+ KB of \d+ KB\)", line) for line in lines)
    assert lines[-1] == f"downloading: 100% ({len(archive) / 1024:.0f} KB of {len(archive) / 1024:.0f} KB)"
    assert "\r" not in captured.err
    assert len(list(models.iterdir())) == 1
    assert models_cli(models, "install", "fr", "en") == 1
    assert "has no fr->en package; it has nothing from fr" in capsys.readouterr().err


def test_progress_bar_on_a_terminal() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Tty()
    bar = cli_models.ProgressPrinter(stream)
    bar(0, 2048)
    bar(2048, 2048)
    assert stream.getvalue().startswith("\rdownloading [") and stream.getvalue().endswith("100%  2 KB / 2 KB\n")


def test_install_fetches_the_sentence_splitter_so_translation_is_offline(
    models: Path, tmp_path: Path, server: _Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    stripped = _rewrite(PACKAGES / "en_zh.argosmodel", tmp_path / "en_zh.argosmodel", drop="minisbd/")
    server.routes["/en_zh.argosmodel"] = stripped.read_bytes()
    with zipfile.ZipFile(PACKAGES / "en_zh.argosmodel") as original:
        onnx = original.read(next(n for n in original.namelist() if n.endswith("minisbd/en.onnx")))
    server.routes["/minisbd/en.onnx"] = onnx
    # A relative link, and the index's checksum and size, as a mirror may give them.
    entry = _entry(
        "en",
        "zh",
        "en_zh.argosmodel",
        sha256=hashlib.sha256(stripped.read_bytes()).hexdigest(),
        size=stripped.stat().st_size,
    )
    monkeypatch.setenv("BRIDGEBOT_ARGOS_INDEX", server.index([entry]))
    monkeypatch.setenv("BRIDGEBOT_MINISBD_URL", f"{server.url}/minisbd/")

    info = packages.install_from_index("en", "zh")
    assert not info.has_offline_splitter and info.splitter_cached
    cached = Path(argos("sbd").minisbd_models.cache_dir) / "en.onnx"
    assert cached.read_bytes() == onnx
    assert server.requests == ["/index.json", "/en_zh.argosmodel", "/minisbd/en.onnx"]

    # The real Argos path now splits sentences with the fetched model: no download (there is no network).
    monkeypatch.setattr(argos("sbd").minisbd_models, "REPO_URL", "http://127.0.0.1:9/")
    assert argos("translate").translate("the bridge is open", "en", "zh") == "桥开放了"
    assert packages.installed_pairs()[0].works_offline


def test_splitter_that_cannot_be_fetched_is_reported(
    models: Path, tmp_path: Path, server: _Server, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stripped = _rewrite(PACKAGES / "de_en.argosmodel", tmp_path / "de_en.argosmodel", drop="minisbd/")
    server.routes["/de_en.argosmodel"] = stripped.read_bytes()
    monkeypatch.setenv("BRIDGEBOT_ARGOS_INDEX", server.index([_entry("de", "en", f"{server.url}/de_en.argosmodel")]))
    monkeypatch.setenv("BRIDGEBOT_MINISBD_URL", f"http://127.0.0.1:{_closed_port()}/")
    assert models_cli(models, "install", "de", "en") == 1
    err = capsys.readouterr().err
    assert "error: the package is installed, but the sentence splitter for de (de) could not be fetched" in err
    assert "run the install again while online" in err
    cache = Path(argos("sbd").minisbd_models.cache_dir)
    assert not cache.exists() or not any(cache.iterdir())  # no partial file minisbd would take for a model
    assert [(p.from_code, p.works_offline) for p in packages.installed_pairs()] == [("de", False)]


def test_corrupt_download_is_refused(
    models: Path, server: _Server, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = (PACKAGES / "en_de.argosmodel").read_bytes()
    server.routes["/en_de.argosmodel"] = archive
    server.routes["/cut.argosmodel"] = archive[:4000]
    monkeypatch.setenv(
        "BRIDGEBOT_ARGOS_INDEX",
        server.index(
            [
                _entry("en", "de", f"{server.url}/en_de.argosmodel", sha256="0" * 64),
                _entry("de", "en", f"{server.url}/cut.argosmodel"),
                _entry("zh", "en", f"{server.url}/gone.argosmodel"),
            ]
        ),
    )
    assert models_cli(models, "install", "en", "de") == 1
    assert "is corrupt: sha256" in capsys.readouterr().err
    assert models_cli(models, "install", "de", "en") == 1
    assert "not an .argosmodel archive" in capsys.readouterr().err
    assert models_cli(models, "install", "zh", "en") == 1
    assert f"download of {server.url}/gone.argosmodel failed (HTTP 404 Not Found)" in capsys.readouterr().err
    assert not any(models.iterdir())
