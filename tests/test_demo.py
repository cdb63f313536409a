"""`bridgebot demo`: the scripted conversation plays through against the real bot, its transcript shows
each group's view (translations, the commitment, the follow-up, the report), and the command needs no
token, no network and leaves nothing behind."""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from bridgebot.demo.run import play
from bridgebot.demo.view import text_width, wrap

ROOT = Path(__file__).resolve().parent.parent
CITIES = ("Hamburg", "Leeds", "Hangzhou")


def columns(transcript: str) -> dict[str, str]:
    """Each group's column of the transcript as one text, wrapped lines joined by spaces."""
    cells: dict[str, list[str]] = {city: [] for city in CITIES}
    for line in transcript.splitlines():
        parts = re.split(r" │(?: |$)", line)
        if len(parts) == 3:
            for city, part in zip(CITIES, parts, strict=True):
                cells[city].append(part.strip())
    return {city: " ".join(part for part in lines if part) for city, lines in cells.items()}


def _env(home: Path, tmp: Path) -> dict[str, str]:
    """A fresh user: no BRIDGEBOT_* settings, no XDG directories, an empty home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIDGEBOT_", "XDG_", "ARGOS_", "MPL"))}
    env.update(HOME=str(home), TMPDIR=str(tmp), NO_COLOR="", PYTHONPATH=str(ROOT))
    return env


async def test_demo_shows_each_group_its_own_language(tmp_path: Path) -> None:
    out = io.StringIO()
    await play(out, tmp_path, fast=True, color=False, width=120)
    transcript = out.getvalue()
    assert "\x1b[" not in transcript  # plain text when not asked for colour
    hamburg, leeds, hangzhou = (columns(transcript)[city] for city in CITIES)

    # Onboarding: each group got its answer in its language.
    assert "Hamburg" in hamburg and "Leeds" in leeds and "Hangzhou" in hangzhou
    assert re.search(r"/partnership join [A-Z2-9]{4}-[A-Z2-9]{4}", leeds)
    assert re.search(r"/partnership join [A-Z2-9]{4}-[A-Z2-9]{4}", hangzhou)
    # Relayed with translation: the original in one group, the translation and the quoted original elsewhere.
    assert "Anna Guten Morgen!" in hamburg
    assert "Anna · Hamburg Good morning! ┃ Guten Morgen!" in leeds
    assert "早上好！" in hangzhou  # German to Chinese through English
    assert "Tom · Leeds Die Delegation kommt am Montag an. ┃ The delegation arrives on Monday." in hamburg
    assert "代表团星期一到达。" in hangzhou
    assert "The meeting is on Friday. ┃ 会议在星期五。" in leeds
    assert "Das Treffen ist am Freitag." in hamburg
    # The commitment, announced in every group in its language.
    assert "/commit wir schicken das budget bis Freitag" in hamburg
    assert re.search(r"📌 #1 .*wir schicken das budget", hamburg)
    assert re.search(r"📌 #1 .*we will send the budget", leeds)
    assert re.search(r"📌#1.*我们会发送预算", hangzhou.replace(" ", ""))
    # The follow-up fired after the clock moved: the note in each group's language.
    assert "/followup #1 tomorrow 10:00 please read" in leeds
    assert re.search(r"⏰[^⏰]*#1[^⏰]*bitte lesen", hamburg)
    assert re.search(r"⏰[^⏰]*#1[^⏰]*please read", leeds.split("/followup #1 tomorrow 10:00 please read", 1)[1])
    assert re.search(r"⏰[^⏰]*#1[^⏰]*请阅读", hangzhou.replace(" ", ""))
    assert "Vielen Dank!" in hamburg and "Thank you very much!" in leeds
    # /report: the text and the chart, in Leeds where it was asked for.
    report = leeds.split("/report", 1)[1]
    assert "📊" in report and "Hamburg–Leeds–Hangzhou" in report and "[picture]" in report
    assert "/report" not in hamburg and "/report" not in hangzhou


def test_the_command_needs_no_token_and_leaves_nothing_behind(tmp_path: Path) -> None:
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "bridgebot", "demo"],
        env=_env(home, tmp),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    leeds = columns(done.stdout)["Leeds"]
    assert "Good morning! ┃ Guten Morgen!" in leeds
    assert "\x1b[" not in done.stdout  # a pipe is no terminal
    assert list(home.iterdir()) == []  # nothing in ~/.local/share, ~/.cache, ~/.config
    assert list(tmp.iterdir()) == []  # the temporary directory is removed


def test_ctrl_c_stops_the_demo_cleanly(tmp_path: Path) -> None:
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "bridgebot", "demo"],
        env=_env(home, tmp),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        for line in process.stdout:  # the bot is up and onboarding has begun
            if "/setup" in line:
                break
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 130, stderr
    assert "demo interrupted" in stdout
    assert "Traceback" not in stderr
    assert list(tmp.iterdir()) == []


def test_wrapping_counts_wide_characters_and_keeps_punctuation_with_its_word() -> None:
    text = "✅ 本群已加入“Hamburg–Leeds–Hangzhou”，目前共连接 3 个城市。"
    lines = [text[start:end] for start, end in wrap(text, 20)]
    assert all(text_width(line) <= 20 for line in lines)
    assert not any(line.startswith(("，", "。")) for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    long = "a supercalifragilistic word"
    assert [long[start:end] for start, end in wrap(long, 8)] == ["a", "supercal", "ifragili", "stic", "word"]


def test_demo_clock_starts_on_a_tuesday_morning() -> None:
    from bridgebot.demo.run import DemoClock, demo_start

    for day in range(1, 8):
        start = demo_start(datetime(2026, 12, day, 15, 0, tzinfo=UTC))
        assert start.weekday() == 1 and start.hour == 8
        assert 0 <= (start.date() - datetime(2026, 12, day).date()).days < 7
    clock = DemoClock(datetime(2026, 12, 1, 8, 0, tzinfo=UTC))
    clock.jump_to(datetime(2026, 12, 2, 10, 0, tzinfo=UTC))
    assert datetime(2026, 12, 2, 10, 0, tzinfo=UTC) <= clock() < datetime(2026, 12, 2, 10, 1, tzinfo=UTC)
