"""Installing, listing and removing Argos language packages, without surprises.

argostranslate's own index functions retry an unreachable index until RecursionError (DESIGN.md),
so the index is fetched here with httpx and a short timeout, and every archive is checked before
it is unpacked. A package without a bundled sentence splitter gets its MiniSBD model fetched at
install time, while the network is there, so translating later never downloads anything.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import httpx

from bridgebot.translation.argos import argos, models_dir

PIVOT = "en"
Progress = Callable[[int, int | None], None]


class PackageError(Exception):
    """A package cannot be installed or removed; the message says what to do instead."""


@dataclass(frozen=True, slots=True)
class PairInfo:
    from_code: str
    to_code: str
    version: str
    path: Path
    offline_splitter: bool


def _info(package: object) -> PairInfo:
    path = Path(package.package_path)
    splitter = any((path / "minisbd").glob("*.onnx")) or _cached_splitter(package.from_code)
    return PairInfo(package.from_code, package.to_code, str(package.package_version), path, splitter)


def _cached_splitter(lang: str) -> bool:
    sbd = argos("sbd")
    name = sbd.MiniSBDSentencizer.LANGUAGE_CODE_MAPPING.get(lang, lang)
    filename = sbd.minisbd_models.MODELS.get(name)
    return bool(filename) and (Path(sbd.minisbd_models.cache_dir) / filename).is_file()


def installed_pairs() -> list[PairInfo]:
    packages = argos("package").get_installed_packages()
    return sorted((_info(p) for p in packages), key=lambda i: (i.from_code, i.to_code))


def pivot_report(languages: Iterable[str] | None = None) -> list[tuple[str, str, str]]:
    """(from, to, "direct" | "pivot" | "missing") for every ordered pair of `languages`."""
    direct = {(p.from_code, p.to_code) for p in installed_pairs()}
    langs = sorted(set(languages) if languages is not None else {code for pair in direct for code in pair})
    report = []
    for source in langs:
        for target in langs:
            if source == target:
                continue
            if (source, target) in direct:
                kind = "direct"
            elif (source, PIVOT) in direct and (PIVOT, target) in direct:
                kind = "pivot"
            else:
                kind = "missing"
            report.append((source, target, kind))
    return report


def validate_archive(path: Path) -> dict:
    """The package's metadata, if `path` is a complete .argosmodel; PackageError otherwise."""
    if not path.is_file():
        raise PackageError(f"{path}: no such file")
    if not zipfile.is_zipfile(path):
        raise PackageError(f"{path}: not an .argosmodel archive (not a zip file, or truncated)")
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            tops = {name.split("/", 1)[0] for name in names}
            if len(tops) != 1:
                raise PackageError(f"{path}: an .argosmodel holds exactly one top folder, found {len(tops)}")
            top = tops.pop()
            for required in ("metadata.json", "model/model.bin", "sentencepiece.model"):
                if f"{top}/{required}" not in names:
                    raise PackageError(f"{path}: {required} is missing")
            bad = archive.testzip()
            if bad is not None:
                raise PackageError(f"{path}: {bad} is damaged")
            metadata = json.loads(archive.read(f"{top}/metadata.json"))
    except (zipfile.BadZipFile, json.JSONDecodeError, OSError) as exc:
        raise PackageError(f"{path}: unreadable archive ({exc})") from None
    if not metadata.get("from_code") or not metadata.get("to_code"):
        raise PackageError(f"{path}: metadata.json names no from_code/to_code")
    return metadata


def _find(from_code: str, to_code: str) -> object | None:
    for package in argos("package").get_installed_packages():
        if (package.from_code, package.to_code) == (from_code, to_code):
            return package
    return None


def install_file(path: Path) -> PairInfo:
    metadata = validate_archive(path)
    existing = _find(metadata["from_code"], metadata["to_code"])
    if existing is not None:
        argos("package").uninstall(existing)
    argos("package").install_from_path(path)
    installed = _find(metadata["from_code"], metadata["to_code"])
    if installed is None:
        raise PackageError(f"{path}: installed, but Argos does not list it (check {models_dir()})")
    return _info(installed)


def remove(from_code: str, to_code: str) -> PairInfo:
    package = _find(from_code, to_code)
    if package is None:
        raise PackageError(f"no {from_code}->{to_code} package is installed")
    info = _info(package)
    argos("package").uninstall(package)
    return info


def index_url() -> str:
    return os.environ.get("BRIDGEBOT_ARGOS_INDEX") or argos("settings").remote_package_index


def install_from_index(
    from_code: str, to_code: str, *, timeout: float = 10, progress: Progress | None = None
) -> PairInfo:
    url = index_url()
    try:
        response = httpx.get(url, timeout=timeout, follow_redirects=True)
        response.raise_for_status()
        index = response.json()
    except (httpx.HTTPError, ValueError) as exc:
        raise PackageError(
            f"the Argos package index at {url} cannot be reached ({exc.__class__.__name__}). Download the "
            ".argosmodel file on a machine with internet access and use `bridgebot models install-file PATH`."
        ) from None
    matches = [p for p in index if p.get("from_code") == from_code and p.get("to_code") == to_code]
    if not matches:
        offered = sorted(p.get("to_code", "?") for p in index if p.get("from_code") == from_code)
        hint = f" (from {from_code} the index offers: {', '.join(offered)})" if offered else ""
        raise PackageError(f"the index has no {from_code}->{to_code} package{hint}")
    links = matches[0].get("links") or []
    if not links:
        raise PackageError(f"the index lists {from_code}->{to_code} without a download link")
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / f"{from_code}_{to_code}.argosmodel"
        _download(links[0], archive, timeout, progress)
        info = install_file(archive)
    if not info.offline_splitter:
        _fetch_splitter(from_code)
        info = _info(_find(from_code, to_code))
    return info


def _download(url: str, target: Path, timeout: float, progress: Progress | None) -> None:
    try:
        with httpx.stream("GET", url, timeout=timeout, follow_redirects=True) as response:
            response.raise_for_status()
            total = int(response.headers["content-length"]) if "content-length" in response.headers else None
            done = 0
            with target.open("wb") as out:
                for chunk in response.iter_bytes(1 << 16):
                    out.write(chunk)
                    done += len(chunk)
                    if progress is not None:
                        progress(done, total)
    except httpx.HTTPError as exc:
        raise PackageError(f"download of {url} failed ({exc.__class__.__name__}: {exc})") from None
    if total is not None and done != total:
        raise PackageError(f"download of {url} stopped at {done} of {total} bytes")


def _fetch_splitter(lang: str) -> None:
    """Download MiniSBD's model for `lang` into the cache Argos reads, so later use is offline."""
    sbd = argos("sbd")
    name = sbd.MiniSBDSentencizer.LANGUAGE_CODE_MAPPING.get(lang, lang)
    if name not in sbd.minisbd_models.list_models():
        name = "en"
    try:
        sbd.minisbd_models.get_model_file(name)
    except Exception as exc:  # minisbd raises bare Exceptions for network failures
        raise PackageError(
            f"installed, but the sentence splitter for {lang} could not be downloaded ({exc}); "
            "translation would try to download it later"
        ) from None
