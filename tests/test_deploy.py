"""Deployment files: the systemd unit, the Dockerfile, the compose file, .dockerignore and the README's
walk-through. None of this runs Docker or systemd; it checks what can be checked without them, so that a
typo in a directive, a container running as root or a README naming a command that does not exist fails
here rather than on a city's server."""

from __future__ import annotations

import argparse
import configparser
import dataclasses
import fnmatch
import io
import json
import re
import shutil
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from dockerfile_parse import DockerfileParser
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from bridgebot.cli import build_parser
from bridgebot.config import ENV_PREFIX, Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
UNIT = DEPLOY / "bridgebot.service"
DOCKERFILE = DEPLOY / "Dockerfile"
COMPOSE = DEPLOY / "compose.yaml"
LOCK = ROOT / "requirements.lock"
BUILD_LOCK = ROOT / "requirements-build.lock"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
README = ROOT / "README.md"
SECTION = "## Running it for your partnership"
HEALTH_PORT = Settings().health_port
KNOWN_ENV = {ENV_PREFIX + field.name.upper() for field in dataclasses.fields(Settings)}

# --- systemd -----------------------------------------------------------------------------------------


def _unit() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None, delimiters=("=",))
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read_string(UNIT.read_text())
    return parser


def _verify(unit_text: str, tmp_path: Path) -> tuple[int, list[str]]:
    """`systemd-analyze verify` on a copy whose ExecStart is an executable that exists here.

    verify exits 0 on unknown keys and bad values (systemd ignores them when it loads a unit), so its
    `<file>:<line>: ...` warnings are the failures; lines about this machine (no bus, no such user) do not
    name the file and do not count.
    """
    tool = shutil.which("systemd-analyze")
    if tool is None:
        pytest.skip("systemd-analyze is not installed (apt install systemd); the pure-Python checks still ran")
    unit = tmp_path / "bridgebot.service"
    unit.write_text(re.sub(r"(?m)^ExecStart=\S+", f"ExecStart={sys.executable}", unit_text))
    result = subprocess.run(
        [tool, "verify", "--man=no", str(unit)], capture_output=True, text=True, timeout=60, check=False
    )
    output = (result.stdout + result.stderr).splitlines()
    problems = [line for line in output if re.match(rf"{re.escape(str(unit))}:\d+: ", line)]
    return result.returncode, problems


def test_the_systemd_unit_passes_systemd_analyze_verify(tmp_path: Path) -> None:
    returncode, problems = _verify(UNIT.read_text(), tmp_path)
    assert returncode == 0, problems
    assert problems == []


def test_systemd_analyze_verify_catches_a_broken_unit(tmp_path: Path) -> None:
    """The check above can fail: an unknown directive and a bad value are both reported."""
    broken = UNIT.read_text().replace("Restart=on-failure", "Restart=sometimes\nRestartOften=yes")
    _, problems = _verify(broken, tmp_path)
    assert any("RestartOften" in line for line in problems), problems
    assert any("sometimes" in line for line in problems), problems


def test_the_unit_runs_the_bot_as_a_dedicated_user_and_restarts_it() -> None:
    service = _unit()["Service"]
    assert service.get("User") not in (None, "", "root", "0")
    assert service["ExecStart"].split()[0].endswith("/bridgebot")
    assert service["ExecStart"].split()[1] == "run"
    assert service["Restart"] == "on-failure"
    assert _unit()["Install"]["WantedBy"] == "multi-user.target"


def test_the_unit_is_hardened() -> None:
    service = _unit()["Service"]
    assert service["NoNewPrivileges"] == "yes"
    assert service["ProtectSystem"] in ("strict", "full", "yes")
    assert service["ProtectHome"] in ("yes", "read-only", "tmpfs")
    assert service["PrivateTmp"] == "yes"
    assert service["CapabilityBoundingSet"] == ""
    assert service["SystemCallFilter"].split() == ["@system-service"]
    assert service["UMask"] == "0077"
    assert service["StateDirectoryMode"] == "0700"
    # With ProtectSystem=strict the state directory is the only place it can write: the data_dir of the
    # example config, and $HOME, where Argos caches its sentence splitters.
    assert service["StateDirectory"] == "bridgebot"
    example = load_settings(DEPLOY / "bridgebot.example.toml", {})
    assert example.data_dir == Path("/var/lib/bridgebot")
    assert "HOME=/var/lib/bridgebot" in service["Environment"].split()
    # ExecStart reads this file: the README tells the admin to copy the example there.
    assert "--config /etc/bridgebot/bridgebot.toml" in service["ExecStart"]


# --- Dockerfile ----------------------------------------------------------------------------------------

# Every instruction of the Dockerfile reference (https://docs.docker.com/reference/dockerfile/).
DOCKERFILE_INSTRUCTIONS = {
    "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER",
    "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
}  # fmt: skip


def _parser() -> DockerfileParser:
    # From a file object: with a path, dockerfile-parse writes the file back when content is set.
    return DockerfileParser(fileobj=io.BytesIO(DOCKERFILE.read_bytes()))


def _dockerfile() -> list[dict]:
    return [item for item in _parser().structure if item["instruction"] != "COMMENT"]


def _instructions(name: str, stage: list[dict] | None = None) -> list[dict]:
    return [item for item in (stage or _dockerfile()) if item["instruction"] == name]


def _final_stage() -> list[dict]:
    items = _dockerfile()
    last_from = max(i for i, item in enumerate(items) if item["instruction"] == "FROM")
    return items[last_from:]


def _dockerfile_env() -> dict[str, str]:
    """ENV of the final stage (dockerfile-parse starts over at each FROM)."""
    return dict(_parser().envs)


def _json_list(value: str) -> list[str]:
    parsed = json.loads(value)
    assert isinstance(parsed, list), value
    return parsed


def test_every_dockerfile_instruction_is_a_known_one() -> None:
    items = _dockerfile()
    assert items, "the parser found no instruction"
    unknown = [(item["startline"] + 1, item["instruction"]) for item in items]
    assert [entry for entry in unknown if entry[1] not in DOCKERFILE_INSTRUCTIONS] == []
    assert items[0]["instruction"] in ("FROM", "ARG")


def test_the_image_is_built_on_slim_python_311() -> None:
    for item in _instructions("FROM"):
        image = item["value"].split()[0]
        assert re.fullmatch(r"python:3\.11(\.\d+)?-slim(-\w+)?(@sha256:[0-9a-f]{64})?", image), image


def test_every_stage_starts_from_one_base_image_pinned_by_digest() -> None:
    """A tag moves (a rebuild of python:3.11-slim can change what the image contains); a digest does not."""
    images = {item["value"].split()[0] for item in _instructions("FROM")}
    assert len(images) == 1, images
    (image,) = images
    assert re.fullmatch(r"python:3\.11[\w.-]*@sha256:[0-9a-f]{64}", image), image


def test_the_image_runs_as_a_non_root_user_before_its_command() -> None:
    stage = _final_stage()
    users = [(i, item["value"].strip()) for i, item in enumerate(stage) if item["instruction"] == "USER"]
    cmd = [i for i, item in enumerate(stage) if item["instruction"] == "CMD"]
    assert users and cmd
    last_user_line, user = users[-1]
    assert last_user_line < cmd[-1]
    name = user.split(":")[0]
    assert name not in ("root", "0"), user
    assert _json_list(stage[cmd[-1]]["value"]) == ["bridgebot", "run"]


def _pip_commands() -> list[str]:
    """Every `pip install` and `pip wheel` of the Dockerfile, each up to the next && or ;."""
    runs = " ".join(item["value"] for item in _instructions("RUN"))
    return re.findall(r"pip (?:install|wheel) [^&;|]*", runs)


def test_the_package_is_installed_with_pip_and_without_torch() -> None:
    commands = _pip_commands()
    assert any(re.search(r"(\s|^)\.(\s|$)", command) for command in commands), commands
    assert not any(re.search(r"\b(torch|stanza|argostranslate)\b", command) for command in commands), commands


def test_the_image_installs_exactly_the_locked_dependencies() -> None:
    """Nothing reaches the image unpinned: dependencies and build backends come from the locks with
    their hashes, bridgebot is built without fetching a backend, and the venv takes only those wheels."""
    commands = _pip_commands()
    copied = " ".join(item["value"] for item in _instructions("COPY"))
    for lock in (LOCK, BUILD_LOCK):
        assert lock.name in copied.split(), copied
        assert any(f"-r {lock.name}" in command and "--require-hashes" in command for command in commands), lock
    for command in commands:
        assert "--no-deps" in command, command
        assert "--require-hashes" in command or "--no-build-isolation" in command or "--no-index" in command, command
    venv_installs = [command for command in commands if command.startswith("pip install") and "/wheels/" in command]
    assert venv_installs and all("--no-index" in command for command in venv_installs), commands


def test_database_and_models_are_volumes_named_by_the_settings_the_bot_reads() -> None:
    env = _dockerfile_env()
    bridgebot_env = {key: value for key, value in env.items() if key.startswith(ENV_PREFIX)}
    assert set(bridgebot_env) <= KNOWN_ENV, set(bridgebot_env) - KNOWN_ENV
    settings = load_settings(None, bridgebot_env)
    volumes = [Path(path) for item in _instructions("VOLUME") for path in _json_list(item["value"])]
    assert settings.db_path.parent in volumes
    assert settings.models_path in volumes
    # Argos' state lives beside the models directory and MiniSBD's splitters under $HOME: both on a volume.
    assert Path(env["HOME"]) in volumes
    assert settings.models_path.parent in volumes


def test_only_the_health_port_is_exposed_and_probed() -> None:
    env = _dockerfile_env()
    settings = load_settings(None, {key: value for key, value in env.items() if key.startswith(ENV_PREFIX)})
    exposed = [port for item in _instructions("EXPOSE") for port in item["value"].split()]
    assert exposed == [str(settings.health_port)]
    # Listening on the container's loopback only would make the published port useless.
    assert settings.health_listen == "0.0.0.0"
    (check,) = _instructions("HEALTHCHECK")
    assert " CMD " in f" {check['value']} "
    probe = check["value"].split("CMD", 1)[1]
    assert "curl" not in probe and "wget" not in probe  # neither is in python:3.11-slim
    assert "python" in probe and "http://127.0.0.1:" in probe and "/healthz" in probe
    assert f"'{HEALTH_PORT}'" in probe or f":{HEALTH_PORT}/" in probe


def test_the_healthcheck_command_is_valid_python() -> None:
    (check,) = _instructions("HEALTHCHECK")
    argv = _json_list(check["value"].split("CMD", 1)[1].strip())
    assert argv[:2] == ["python", "-c"]
    compile(argv[2], "<HEALTHCHECK>", "exec")


def _ignored(path: str, patterns: list[str]) -> bool:
    """.dockerignore semantics, near enough: the last matching pattern wins, `!` re-includes."""
    ignored = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        pattern = pattern.removeprefix("!").strip("/")
        candidates = {pattern, pattern.removeprefix("**/")}
        parts = path.split("/")
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        if any(fnmatch.fnmatchcase(prefix, candidate) for candidate in candidates for prefix in prefixes):
            ignored = not negate
    return ignored


def test_dockerignore_keeps_what_the_build_copies_and_drops_local_state() -> None:
    patterns = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    copied = []
    for item in _instructions("COPY"):
        words = [word for word in item["value"].split() if not word.startswith("--")]
        if "--from" not in item["value"]:
            copied += words[:-1]
    assert {"pyproject.toml", "README.md", "bridgebot", "locales"} <= set(copied)
    for source in copied:
        assert (ROOT / source).exists(), source
        assert not _ignored(source, patterns), source
    assert not _ignored("bridgebot/demo/packages/de_en.argosmodel", patterns)
    for local in (".git", ".venv", ".venv-fixtures", "tests", "deploy/bridgebot.env", ".env", "x/__pycache__"):
        assert _ignored(local, patterns), local


def _requirements(dist: metadata.Distribution, extras: set[str]) -> list[Requirement]:
    wanted = []
    for text in dist.requires or []:
        requirement = Requirement(text)
        marker = requirement.marker
        if marker is None or any(marker.evaluate({"extra": extra}) for extra in extras | {""}):
            wanted.append(requirement)
    return wanted


def test_the_package_never_pulls_torch() -> None:
    """What `pip install .` in the image installs, from the metadata of this environment."""
    seen: set[str] = set()
    queue = [(metadata.distribution("bridgebot"), set())]
    while queue:
        dist, extras = queue.pop()
        for requirement in _requirements(dist, extras):
            name = canonicalize_name(requirement.name)
            assert name not in {"torch", "stanza", "spacy", "argostranslate"}, f"{dist.metadata['Name']} -> {name}"
            if name in seen:
                continue
            seen.add(name)
            try:
                queue.append((metadata.distribution(name), set(requirement.extras)))
            except metadata.PackageNotFoundError:
                continue
    assert "argos-translate-lt" in seen
    assert "ctranslate2" in seen


# The platform the image runs on, for the environment markers of the locked requirements.
IMAGE_PLATFORM = {
    "python_version": "3.11",
    "python_full_version": "3.11.15",
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
    "sys_platform": "linux",
    "platform_system": "Linux",
    "platform_machine": "x86_64",
    "os_name": "posix",
}


def _locked(path: Path) -> dict[str, tuple[Version, list[str]]]:
    """name -> (pinned version, sha256 hashes) of a pip-compile lock file."""
    entries = {}
    for line in path.read_text().replace("\\\n", " ").splitlines():
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)((?:\s+--hash=sha256:[0-9a-f]{64})*)", text)
        assert match, f"{path.name}: not `name==version --hash=sha256:...`: {text[:80]}"
        name, version, hashes = match.groups()
        entries[canonicalize_name(name)] = (Version(version), re.findall(r"[0-9a-f]{64}", hashes))
    return entries


def _applies(requirement: Requirement, extras: set[str]) -> bool:
    marker = requirement.marker
    return marker is None or any(marker.evaluate({**IMAGE_PLATFORM, "extra": extra}) for extra in extras | {""})


def test_the_lock_pins_every_dependency_with_hashes() -> None:
    """requirements.lock is what the image installs: it must hold pyproject's dependencies at versions
    they accept, everything they need in turn (checked where this environment has the locked version),
    each with a hash, and neither torch nor a CUDA library."""
    locked = _locked(LOCK)
    assert all(hashes for _, hashes in locked.values()), [name for name, (_, hashes) in locked.items() if not hashes]
    assert not {name for name in locked if name in {"torch", "stanza", "triton"} or name.startswith("nvidia-")}
    queue = [(Requirement(text), set()) for text in PYPROJECT["project"]["dependencies"]]
    queue = [(requirement, set(requirement.extras)) for requirement, _ in queue]
    checked: set[tuple[str, frozenset[str]]] = set()
    while queue:
        requirement, extras = queue.pop()
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{requirement} is not in {LOCK.name}: run `make lock`"
        version, _ = locked[name]
        assert requirement.specifier.contains(version, prereleases=True), f"{LOCK.name} pins {name}=={version}"
        if (name, frozenset(extras)) in checked:
            continue
        checked.add((name, frozenset(extras)))
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        if Version(dist.version) != version:
            continue
        for text in dist.requires or []:
            child = Requirement(text)
            if _applies(child, extras):
                queue.append((child, set(child.extras)))
    assert len(checked) > len(PYPROJECT["project"]["dependencies"])


def test_the_build_lock_pins_the_build_backends_with_hashes() -> None:
    locked = _locked(BUILD_LOCK)
    assert all(hashes for _, hashes in locked.values())
    for text in PYPROJECT["build-system"]["requires"]:
        requirement = Requirement(text)
        version, _ = locked[canonicalize_name(requirement.name)]
        assert requirement.specifier.contains(version), f"{BUILD_LOCK.name} pins {requirement.name}=={version}"
    # langdetect is published as a source distribution only: the image builds it with setuptools.
    assert "setuptools" in locked


def test_the_lock_check_catches_a_missing_hash_and_a_missing_package(tmp_path: Path) -> None:
    broken = tmp_path / "requirements.lock"
    broken.write_text("aiosqlite==0.22.1\n")
    assert _locked(broken) == {"aiosqlite": (Version("0.22.1"), [])}
    broken.write_text("aiosqlite>=0.20 \\\n    --hash=sha256:" + "0" * 64 + "\n")
    with pytest.raises(AssertionError, match="not `name==version"):
        _locked(broken)


# --- compose -----------------------------------------------------------------------------------------


def _compose() -> dict:
    document = yaml.safe_load(COMPOSE.read_text())
    assert isinstance(document, dict)
    return document


def _service() -> dict:
    services = _compose()["services"]
    assert list(services) == ["bridgebot"]
    return services["bridgebot"]


def test_compose_builds_the_dockerfile_and_restarts_the_bot() -> None:
    service = _service()
    context = (COMPOSE.parent / service["build"]["context"]).resolve()
    assert context == ROOT
    assert (context / service["build"]["dockerfile"]).resolve() == DOCKERFILE
    assert service["restart"] == "unless-stopped"


def test_compose_reads_the_token_from_an_env_file() -> None:
    service = _service()
    env_files = service["env_file"]
    env_files = [env_files] if isinstance(env_files, str | dict) else env_files
    paths = [entry["path"] if isinstance(entry, dict) else entry for entry in env_files]
    assert paths
    # No secret in the compose file itself; the example the README copies is in the repository.
    environment = service.get("environment") or {}
    names = environment if isinstance(environment, dict) else [entry.split("=")[0] for entry in environment]
    assert "BRIDGEBOT_TOKEN" not in names
    example = (COMPOSE.parent / f"{paths[0]}.example").read_text()
    assert re.search(r"(?m)^BRIDGEBOT_TOKEN=$", example)
    names = set(re.findall(r"(?m)^#?\s*(BRIDGEBOT_[A-Z_]+)=", example))
    assert names <= KNOWN_ENV, names - KNOWN_ENV


def _bytes(size: str | int) -> int:
    """Compose's byte values: 512m, 3g, 1024k or a plain number."""
    match = re.fullmatch(r"(\d+)([kmg]?)b?", str(size).strip().lower())
    assert match, size
    return int(match.group(1)) * 1024 ** " kmg".index(match.group(2) or " ")


def test_compose_bounds_memory_and_processes() -> None:
    service = _service()
    limits = service.get("deploy", {}).get("resources", {}).get("limits", {})
    memory = service.get("mem_limit", limits.get("memory"))
    pids = service.get("pids_limit", limits.get("pids"))
    assert memory is not None and pids is not None, "compose.yaml sets no memory or pids limit"
    # One loaded language pair takes ~210 MB and the bot keeps max_loaded_pairs of them.
    assert _bytes(memory) >= Settings().max_loaded_pairs * 210 * 1024**2
    assert 64 <= int(pids) <= 4096


def test_compose_keeps_data_and_models_on_named_volumes() -> None:
    service = _service()
    declared = set(_compose()["volumes"])
    mounts = {}
    for entry in service["volumes"]:
        source, target = (entry["source"], entry["target"]) if isinstance(entry, dict) else entry.split(":")[:2]
        assert source in declared, f"{source} is not a named volume"
        mounts[target] = source
    volumes = [path for item in _instructions("VOLUME") for path in _json_list(item["value"])]
    assert sorted(mounts) == sorted(volumes)


def _published(entry: str | dict) -> tuple[str | None, str, str]:
    """(host ip, host port, container port) of a ports entry, short or long syntax."""
    if isinstance(entry, dict):
        return entry.get("host_ip"), str(entry.get("published", "")), str(entry["target"])
    parts = str(entry).split("/")[0].rsplit(":", 2)
    if len(parts) == 3:
        return parts[0].strip("[]"), parts[1], parts[2]
    if len(parts) == 2:
        return None, parts[0], parts[1]
    return None, "", parts[0]


def test_compose_publishes_the_health_port_on_loopback_only() -> None:
    ports = [_published(entry) for entry in _service().get("ports", [])]
    assert (("127.0.0.1", str(HEALTH_PORT), str(HEALTH_PORT))) in ports
    for host_ip, _, container_port in ports:
        assert host_ip in ("127.0.0.1", "::1"), f"port {container_port} is published on every address"


def test_parser_of_compose_ports_sees_a_public_binding() -> None:
    assert _published("8080:8080")[0] is None
    assert _published({"target": 8080, "published": 8080})[0] is None
    assert _published("127.0.0.1:8080:8080/tcp") == ("127.0.0.1", "8080", "8080")


# --- README ------------------------------------------------------------------------------------------


def _section() -> str:
    text = README.read_text()
    assert SECTION in text, f"README.md has no {SECTION!r}"
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    return text[start : end if end != -1 else len(text)]


def _code(markdown: str) -> str:
    """Indented code blocks and `inline code`: where commands are written."""
    blocks = [line for line in markdown.splitlines() if line.startswith("    ")]
    inline = re.findall(r"`([^`]+)`", markdown.replace("\n", " "))
    return "\n".join(blocks + inline)


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


# `bridgebot` as a program (not a user, a path segment or a compose service name followed by the program),
# then its command words and options.
_INVOCATION = re.compile(r"(?<![\w.-])bridgebot((?: +(?!bridgebot\b)[^\s`'\"#|;&]+)+)")


def _invocations(code: str) -> list[list[str]]:
    found = []
    for match in _INVOCATION.finditer(code):
        words = match.group(1).split()
        # A command word, not an option or a path (`-g bridgebot deploy/bridgebot.example.toml`).
        if words and re.fullmatch(r"[A-Za-z][\w-]*", words[0]):
            found.append(words)
    return found


def _check_invocation(words: list[str]) -> list[str]:
    """The command words of one invocation, each checked against the real parser."""
    parser, path = build_parser(), []
    while True:
        choices = _subcommands(parser)
        if not choices:
            return path
        # Skip an option's value: `--config FILE` comes before the action for `models`.
        while words and words[0].startswith("-"):
            words = words[2:] if words[0] == "--config" else words[1:]
        rest = words
        if not rest:
            return path
        assert rest[0] in choices, f"`bridgebot {' '.join([*path, rest[0]])}` is not a command ({sorted(choices)})"
        path.append(rest[0])
        parser, words = choices[rest[0]], rest[1:]


def test_every_repository_file_the_readme_section_names_exists() -> None:
    named = set(re.findall(r"(?<![\w/.-])((?:deploy|scripts|bench|docs)/[\w./-]*\w)", _section()))
    assert named, "the section names no deployment file"
    # A file the admin makes from an example (deploy/bridgebot.env from bridgebot.env.example) counts.
    missing = sorted(p for p in named if not (ROOT / p).exists() and not (ROOT / f"{p}.example").exists())
    assert not missing, f"the README names files that are not in the repository: {missing}"


def test_every_command_the_readme_section_names_exists() -> None:
    invocations = _invocations(_code(_section()))
    commands = {" ".join(_check_invocation(words)) for words in invocations}
    for needed in ("models install", "models install-file", "models list", "check", "db backup"):
        assert needed in commands, f"the section does not show `bridgebot {needed}`"


def test_the_readme_command_check_can_fail() -> None:
    with pytest.raises(AssertionError, match="is not a command"):
        _check_invocation(["models", "fetch", "de", "en"])
    with pytest.raises(AssertionError, match="is not a command"):
        _check_invocation(["backup", "x.sqlite3"])
    assert _invocations("sudo -u bridgebot -H x; docker compose run --rm bridgebot bridgebot check") == [["check"]]
    assert _check_invocation(["models", "--config", "F", "install", "de", "en"]) == ["models", "install"]
