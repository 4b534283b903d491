"""One process at a time writes a project: an advisory lock on a file beside it (NAME.lock).

The lock is not taken on the database file itself: closing any other descriptor of that file would
cancel SQLite's own POSIX locks. Within one process the lock is shared (the GUI's worker threads open
their own connections), so a process-wide table counts who holds it; that table is the one piece of
module state here, and it has to be, since the lock belongs to the process.
"""

from __future__ import annotations

import os
import socket
import threading
from contextlib import suppress
from pathlib import Path

from counterpoint.errors import UserError

try:
    import fcntl
except ImportError:  # Windows: no advisory locks here; opening twice is not refused there
    fcntl = None  # type: ignore[assignment]


class ProjectLocked(UserError):
    """Another process has the project open for writing."""


_guard = threading.Lock()
_held: dict[str, tuple[int, int]] = {}  # lock file -> (descriptor, holders in this process)


def lock_path(project: Path) -> Path:
    return project.with_name(project.name + ".lock")


def acquire(project: Path) -> str | None:
    """Take the project's lock for this process; returns a key for release(), or None without fcntl."""
    if fcntl is None:
        return None
    path = lock_path(project.resolve())
    key = str(path)
    with _guard:
        if key in _held:
            fd, count = _held[key]
            _held[key] = (fd, count + 1)
            return key
        while True:
            try:
                fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                raise UserError(f"can't lock {project}: {exc.strerror}") from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _read_holder(fd)
                os.close(fd)
                raise ProjectLocked(
                    f"{project} is open in another Counterpoint process{holder}; close it there first"
                ) from None
            # The holder before us may have removed the file as we opened it: lock the file that is there.
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(path))
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()} {socket.gethostname()}\n".encode())
        _held[key] = (fd, 1)
        return key


def release(key: str | None) -> None:
    if key is None or fcntl is None:
        return
    with _guard:
        fd, count = _held[key]
        if count > 1:
            _held[key] = (fd, count - 1)
            return
        del _held[key]
        with suppress(OSError):
            os.unlink(key)
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _read_holder(fd: int) -> str:
    try:
        words = os.pread(fd, 200, 0).decode("utf-8", "replace").split()
    except OSError:
        return ""
    if len(words) >= 2 and words[0].isdigit():
        return f" (process {words[0]} on {words[1]})"
    return ""
