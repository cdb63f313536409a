"""Files and folders that only the bot's user can read, whatever the process umask.

The database holds officers' names, Telegram ids and every relayed message; backups and exports are
copies of it. With the usual umask of 022 SQLite would create them readable by every local account
(and its -wal/-shm files take the database's mode), so the bot sets the modes itself rather than
trusting the service manager's UMask: new files are 0600, new folders 0700.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
_GROUP_OTHER = 0o077


def private_dir(path: Path) -> Path:
    """Create `path` and its missing parents as 0700 folders.

    A folder that already exists keeps its mode: it may be an admin's home or a shared mount, which is
    not the bot's to change (the service manager and the image create the state folder 0700).
    """
    path = Path(path)
    missing = []
    folder = path
    while not os.path.lexists(folder):
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue  # created meanwhile by someone else: theirs, keep its mode
        folder.chmod(DIR_MODE)  # mkdir's mode passes through the umask; chmod's does not
    return path


def private_file(path: Path) -> None:
    """Create `path`, empty, as 0600 if it is missing; otherwise take group and other access away.

    Access is never added: a file an admin made read-only stays read-only for the owner.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
    except FileExistsError:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        if mode & _GROUP_OTHER:
            os.chmod(path, mode & ~_GROUP_OTHER)
        return
    try:
        os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)


def write_private_text(path: Path, text: str) -> None:
    """Write `text` to `path` (an export) so that only the bot's user can read it."""
    private_dir(Path(path).parent)
    private_file(path)
    Path(path).write_text(text, encoding="utf-8")
