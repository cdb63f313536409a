"""Installing, listing and removing Argos language packages, without surprises.

Why this module exists instead of argostranslate's own package functions:

- argostranslate's index functions retry an unreachable index until RecursionError, minutes later
  (docs/architecture.md), so the index is fetched here with httpx and a short timeout, and an unreachable index
  is one clear error within seconds that points at the offline route (`install-file`).
- `install_from_path` unzips whatever it is given into the packages directory, and Argos treats every
  folder there as a package: one half-extracted or foreign folder breaks every translation. So every
  archive is checked before it is unpacked, and a replaced package is kept aside until its successor
  is known to load.
- Sentence splitting is where offline use breaks: a package without `minisbd/*.onnx` makes MiniSBD
  download its model at the first translation. `install_from_index` fetches that model at install
  time, while the network is there, into the cache Argos' MiniSBDSentencizer reads.

Nothing here prints or knows about Telegram; the CLI (`bridgebot.cli_models`) renders the results.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from bridgebot.private_files import private_dir
from bridgebot.translation.argos import argos, models_dir

PIVOT = "en"
INDEX_ENV = "BRIDGEBOT_ARGOS_INDEX"
# Where MiniSBD models are downloaded from; a mirror for servers that only reach an internal host.
MINISBD_ENV = "BRIDGEBOT_MINISBD_URL"
REQUIRED_FILES = ("metadata.json", "model/model.bin", "sentencepiece.model")

Progress = Callable[[int, int | None], None]
"""progress(done_bytes, total_bytes); total is None when neither the server nor the index says."""


class PackageError(Exception):
    """A package cannot be listed, installed or removed; the message says what is wrong and what to do."""


@dataclass(frozen=True, slots=True)
class PairInfo:
    """One installed translation package, as an admin needs to see it."""

    from_code: str
    to_code: str
    version: str
    path: Path
    has_offline_splitter: bool
    """True when the package dir bundles `minisbd/*.onnx`, so splitting sentences needs no network."""
    splitter_cached: bool = False
    """True when no splitter is bundled but MiniSBD's model for the language is already in the cache
    Argos reads (fetched by `install_from_index`): offline too, as long as that cache is kept."""

    @property
    def works_offline(self) -> bool:
        return self.has_offline_splitter or self.splitter_cached


@dataclass(frozen=True, slots=True)
class BrokenPackage:
    """A folder in the models directory that Argos cannot load (and that would break Argos' own listing)."""

    path: Path
    reason: str


# --- listing -------------------------------------------------------------------------------------


def _scan() -> tuple[list[Any], list[BrokenPackage]]:
    """Argos packages in the models directory, loaded one by one.

    argostranslate's get_installed_packages() raises on the first folder without metadata.json; loading
    each folder separately lets `list` show the good packages and name the bad folder.
    """
    package_cls = argos("package").Package
    packages: list[Any] = []
    broken: list[BrokenPackage] = []
    root = models_dir()
    for path in sorted(root.iterdir()) if root.is_dir() else []:
        if not path.is_dir():
            continue
        try:
            package = package_cls(path)
        except Exception as exc:  # Argos raises FileNotFoundError, JSONDecodeError, KeyError...
            broken.append(BrokenPackage(path, f"{exc.__class__.__name__}: {exc}"))
            continue
        if getattr(package, "type", "translate") != "translate":
            continue  # e.g. legacy "sbd" packages: not a language pair
        if not package.from_code or not package.to_code:
            broken.append(BrokenPackage(path, "metadata.json names no from_code/to_code"))
            continue
        packages.append(package)
    return packages, broken


def _splitter_name(lang: str) -> str:
    """The MiniSBD model MiniSBDSentencizer picks for `lang` (same mapping and English fallback)."""
    sbd = argos("sbd")
    name = sbd.MiniSBDSentencizer.LANGUAGE_CODE_MAPPING.get(lang, lang)
    return name if name in sbd.minisbd_models.list_models() else "en"


def _splitter_cache_file(lang: str) -> Path:
    sbd = argos("sbd")
    return Path(sbd.minisbd_models.cache_dir) / sbd.minisbd_models.MODELS[_splitter_name(lang)]


def _bundles_splitter(path: Path) -> bool:
    return any((path / "minisbd").glob("*.onnx"))


def _info(package: Any) -> PairInfo:
    path = Path(package.package_path)
    bundled = _bundles_splitter(path)
    cached = not bundled and _splitter_cache_file(package.from_code).is_file()
    return PairInfo(package.from_code, package.to_code, str(package.package_version), path, bundled, cached)


def installed_pairs() -> list[PairInfo]:
    """Installed translation packages, sorted by (from, to)."""
    packages, _ = _scan()
    return sorted((_info(p) for p in packages), key=lambda i: (i.from_code, i.to_code))


def broken_packages() -> list[BrokenPackage]:
    """Folders in the models directory that are not loadable packages (Argos would fail on them)."""
    return _scan()[1]


def pivot_report(languages: Iterable[str] | None = None) -> list[tuple[str, str, str]]:
    """(from, to, "direct" | "pivot" | "missing") for every ordered pair of `languages`.

    "pivot" means through English (X->en and en->Y installed), the same rule the engine routes by.
    By default the languages are all those seen in installed packages.
    """
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


# --- installing from a file ----------------------------------------------------------------------


def validate_archive(path: Path) -> tuple[str, dict[str, Any]]:
    """(top folder, metadata) if `path` is a complete .argosmodel; PackageError naming the problem otherwise.

    Checked before anything is unpacked, because Argos itself only checks that the file is a zip.
    """
    path = Path(path)
    if not path.is_file():
        raise PackageError(f"{path}: no such file")
    if not zipfile.is_zipfile(path):
        raise PackageError(f"{path}: not an .argosmodel archive (not a zip file, or truncated)")
    try:
        with zipfile.ZipFile(path) as archive:
            names = [name for name in archive.namelist() if name.strip("/")]
            if not names:
                raise PackageError(f"{path}: the archive is empty")
            tops = sorted({name.split("/", 1)[0] for name in names})
            if len(tops) != 1:
                shown = ", ".join(tops[:5]) + (", ..." if len(tops) > 5 else "")
                raise PackageError(
                    f"{path}: an .argosmodel holds exactly one top folder, this one has {len(tops)} ({shown})"
                )
            top = tops[0]
            if top in (".", "..") or names[0].startswith("/") or not any(n.startswith(f"{top}/") for n in names):
                raise PackageError(f"{path}: the archive's top entry {top!r} is not a package folder")
            missing = [required for required in REQUIRED_FILES if f"{top}/{required}" not in names]
            if missing:
                raise PackageError(f"{path}: {', '.join(missing)} {'is' if len(missing) == 1 else 'are'} missing")
            bad = archive.testzip()
            if bad is not None:
                raise PackageError(f"{path}: {bad} is damaged (CRC mismatch)")
            metadata = json.loads(archive.read(f"{top}/metadata.json"))
    except PackageError:
        raise
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise PackageError(f"{path}: unreadable archive ({exc})") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise PackageError(f"{path}: metadata.json is not valid JSON ({exc})") from None
    if not isinstance(metadata, dict):
        raise PackageError(f"{path}: metadata.json is not a JSON object")
    for key in ("from_code", "to_code"):
        if not isinstance(metadata.get(key), str) or not metadata[key]:
            raise PackageError(f"{path}: metadata.json has no {key}")
    return top, metadata


def _find(from_code: str, to_code: str) -> Any | None:
    for package in _scan()[0]:
        if (package.from_code, package.to_code) == (from_code, to_code):
            return package
    return None


def install_file(path: Path) -> PairInfo:
    """Validate and install one .argosmodel; an installed package of the same pair is replaced.

    The old package (and any unloadable leftover in the target folder) is moved aside first and only
    deleted once the new one loads, so a failure leaves the models directory as it was.
    """
    path = Path(path)
    top, metadata = validate_archive(path)
    from_code, to_code = metadata["from_code"], metadata["to_code"]
    root = models_dir()
    target = root / top
    existing = _find(from_code, to_code)
    aside: list[Path] = []
    if existing is not None:
        aside.append(Path(existing.package_path))
    if target.exists() and target not in aside:
        other = next((p for p in _scan()[0] if Path(p.package_path) == target), None)
        if other is not None:
            raise PackageError(
                f"{path}: would unpack into {target}, which holds the {other.from_code}->{other.to_code} package; "
                f"remove that first (bridgebot models remove {other.from_code} {other.to_code})"
            )
        aside.append(target)  # a leftover that is no package: it would break Argos anyway
    staging = _staging_dir(root)
    moved: list[Path] = []
    try:
        for folder in aside:
            folder.rename(staging / str(len(moved)))
            moved.append(folder)
        argos("package").install_from_path(path)
        installed = _find(from_code, to_code)
        if installed is None or Path(installed.package_path) != target:
            raise PackageError(f"{path}: unpacked, but Argos cannot load {target}")
    except BaseException as exc:  # Ctrl-C too: never leave the old package only in the staging folder
        if target not in aside or target in moved:  # never delete an original that could not be moved
            shutil.rmtree(target, ignore_errors=True)  # a half-unpacked folder would break Argos
        _restore(moved, staging)
        _clear_language_cache()
        if isinstance(exc, PackageError) or not isinstance(exc, Exception):
            raise
        raise PackageError(f"{path}: installing failed ({exc.__class__.__name__}: {exc})") from None
    shutil.rmtree(staging, ignore_errors=True)
    return _info(installed)


def _restore(moved: list[Path], staging: Path) -> None:
    """Put packages moved aside back; keep the staging folder (and say where) if that fails."""
    try:
        for index, folder in enumerate(moved):
            (staging / str(index)).rename(folder)
    except OSError as exc:
        raise PackageError(
            f"installing failed and the previous package could not be put back ({exc}); it is in {staging}"
        ) from None
    shutil.rmtree(staging, ignore_errors=True)


def _staging_dir(root: Path) -> Path:
    """Where replaced packages wait: beside the models directory, where Argos does not look.

    Inside it only when it is a mount point of its own (a container volume), since renaming across
    file systems fails; Argos would see that folder for the moment of the install.
    """
    parent = root.parent
    if parent.stat().st_dev == root.stat().st_dev:
        try:
            return Path(tempfile.mkdtemp(prefix=f".{root.name}-replaced-", dir=parent))
        except OSError:
            pass  # parent not writable
    return Path(tempfile.mkdtemp(prefix=f".{root.name}-replaced-", dir=root))


def _clear_language_cache() -> None:
    """Argos caches the installed languages; clear it whenever the directory changes behind its back."""
    argos("translate").get_installed_languages.cache_clear()


def remove(from_code: str, to_code: str) -> PairInfo:
    """Uninstall the from->to package; PackageError if it is not installed."""
    package = _find(from_code, to_code)
    if package is None:
        have = ", ".join(f"{p.from_code}->{p.to_code}" for p in installed_pairs()) or "none"
        raise PackageError(f"no {from_code}->{to_code} package is installed (installed: {have})")
    info = _info(package)
    argos("package").uninstall(package)
    return info


# --- installing from the index -------------------------------------------------------------------


def index_url() -> str:
    """The index to use: $BRIDGEBOT_ARGOS_INDEX (a mirror, or a test server), else Argos' own setting."""
    return os.environ.get(INDEX_ENV) or str(argos("settings").remote_package_index)


def _fetch_index(url: str, timeout: float) -> list[dict[str, Any]]:
    try:
        response = httpx.get(url, timeout=timeout, follow_redirects=True)
        response.raise_for_status()
        index = response.json()
    except (httpx.HTTPError, ValueError) as exc:
        raise PackageError(
            f"The Argos package index at {url} cannot be reached ({_reason(exc)}). Download the .argosmodel file "
            "elsewhere and use `bridgebot models install-file PATH`."
        ) from None
    if not isinstance(index, list):
        raise PackageError(f"{url} is not an Argos package index (expected a JSON list of packages)")
    return [entry for entry in index if isinstance(entry, dict)]


def _reason(exc: Exception) -> str:
    """One line for an error message: httpx's status errors span lines and repeat the URL."""
    if isinstance(exc, httpx.HTTPStatusError):
        return f"HTTP {exc.response.status_code} {exc.response.reason_phrase}".strip()
    text = " ".join(str(exc).split())
    return f"{exc.__class__.__name__}: {text}" if text else exc.__class__.__name__


def _version_key(entry: dict[str, Any]) -> tuple[int, ...]:
    parts = []
    for part in str(entry.get("package_version", "0")).split("."):
        parts.append(int(part) if part.isdigit() else 0)
    return tuple(parts)


def install_from_index(
    from_code: str, to_code: str, *, timeout: float = 10, progress: Progress | None = None
) -> PairInfo:
    """Download the newest from->to package from the index, verify it, install it, make it work offline.

    Raises PackageError within about `timeout` seconds when the index is unreachable (argostranslate's
    own functions would recurse for minutes), and when the sentence splitter cannot be fetched: the
    package is installed then, but translating would still need the network.
    """
    url = index_url()
    index = _fetch_index(url, timeout)
    matches = [
        entry
        for entry in index
        if entry.get("from_code") == from_code
        and entry.get("to_code") == to_code
        and entry.get("type", "translate") == "translate"
    ]
    if not matches:
        offered = sorted({str(e.get("to_code")) for e in index if e.get("from_code") == from_code})
        hint = f"from {from_code} it offers: {', '.join(offered)}" if offered else f"it has nothing from {from_code}"
        raise PackageError(f"the index at {url} has no {from_code}->{to_code} package; {hint}")
    entry = max(matches, key=_version_key)
    links = [link for link in entry.get("links") or [] if isinstance(link, str) and link]
    if not links:
        raise PackageError(f"the index at {url} lists {from_code}->{to_code} without a download link")
    link = str(httpx.URL(url).join(links[0]))
    with _download_dir() as tmp:
        archive = Path(tmp) / f"{from_code}_{to_code}.argosmodel"
        _download(link, archive, timeout, progress, expected_size=_int_or_none(entry.get("size")))
        _verify_checksum(archive, entry, link)
        info = install_file(archive)
    if not info.has_offline_splitter:
        fetch_splitter(from_code, timeout=timeout)
        info = _info(_find(from_code, to_code))
    return info


def _download_dir() -> tempfile.TemporaryDirectory[str]:
    """Scratch space for a download: beside the models (packages can be large for a /tmp in RAM)."""
    try:
        return tempfile.TemporaryDirectory(prefix=".bridgebot-download-", dir=models_dir().parent)
    except OSError:
        return tempfile.TemporaryDirectory(prefix="bridgebot-download-")


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _download(
    url: str, target: Path, timeout: float, progress: Progress | None, *, expected_size: int | None = None
) -> None:
    """Stream `url` into `target`, reporting progress; a short or oversized body is an error."""
    done = 0
    total = expected_size
    try:
        with httpx.stream("GET", url, timeout=timeout, follow_redirects=True) as response:
            response.raise_for_status()
            length = _int_or_none(response.headers.get("content-length"))
            if length is not None and response.headers.get("content-encoding") in (None, "identity"):
                total = length
            with target.open("wb") as out:
                for chunk in response.iter_bytes(1 << 16):
                    out.write(chunk)
                    done += len(chunk)
                    if progress is not None:
                        progress(done, total)
    except httpx.HTTPError as exc:
        raise PackageError(f"download of {url} failed ({_reason(exc)})") from None
    except OSError as exc:
        raise PackageError(f"download of {url} could not be saved ({exc})") from None
    if total is not None and done != total:
        raise PackageError(f"download of {url} stopped at {done} of {total} bytes")
    if expected_size is not None and done != expected_size:
        raise PackageError(f"download of {url} has {done} bytes, the index says {expected_size}")


def _verify_checksum(archive: Path, entry: dict[str, Any], link: str) -> None:
    """Check a sha256 when the index gives one (`sha256`, or `checksum` as "sha256:<hex>" or hex)."""
    expected = entry.get("sha256") or entry.get("checksum")
    if not isinstance(expected, str) or not expected:
        return
    expected = expected.lower().removeprefix("sha256:")
    digest = hashlib.sha256()
    with archive.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    if digest.hexdigest() != expected:
        raise PackageError(f"download of {link} is corrupt: sha256 {digest.hexdigest()}, the index says {expected}")


def fetch_splitter(lang: str, *, timeout: float = 10) -> Path:
    """Download MiniSBD's model for `lang` into the cache Argos' MiniSBDSentencizer reads; return its path.

    Done here rather than through minisbd's get_model_file(): that one uses urlretrieve with no timeout.
    The file is written under a temporary name and renamed, because minisbd takes any file with the
    right name for a finished download.
    """
    sbd = argos("sbd")
    name = _splitter_name(lang)
    filename = sbd.minisbd_models.MODELS[name]
    target = _splitter_cache_file(lang)
    if target.is_file() and target.stat().st_size > 0:
        return target
    base = os.environ.get(MINISBD_ENV) or sbd.minisbd_models.REPO_URL
    url = base.rstrip("/") + "/" + filename
    private_dir(target.parent)
    partial = target.with_name(f".{filename}.part")
    try:
        _download(url, partial, timeout, None)
        if partial.stat().st_size == 0:
            raise PackageError(f"download of {url} is empty")
        partial.replace(target)
    except PackageError as exc:
        partial.unlink(missing_ok=True)
        raise PackageError(
            f"the package is installed, but the sentence splitter for {lang} ({name}) could not be fetched: {exc}. "
            f"Translating from {lang} would try to download it; run the install again while online, or use "
            "a package that bundles minisbd/*.onnx"
        ) from None
    return target
