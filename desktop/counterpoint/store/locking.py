"""One process at a time writes a project: an advisory lock on a file beside it (NAME.lock).

The lock is not taken on the database file itself: closing any other descriptor of that file would
cancel SQLite's own POSIX locks. Within one process the lock is shared (the GUI's worker threads open
their own connections), so a process-wide table counts who holds it; that table is the one piece of
module state here, and it has to be, since the lock belongs to the process.
"""

from __future__ import annotations

import errno
import os
import socket
import stat
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
            fd = _open_lock_file(project, path)
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


def _open_lock_file(project: Path, path: Path) -> int:
    """Open NAME.lock, never through a link: in a shared folder anyone may put a symbolic or hard link
    there, and truncating its target would destroy a file the user can write."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags, 0o644)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UserError(
                f"can't lock {project}: {path.name} is a symbolic link, not a lock file; "
                "it was left as it is (remove it if nobody has the project open)"
            ) from None
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise UserError(
                f"can't write to {project}: its folder {project.parent} is read-only ({exc.strerror}); "
                "`list` and `export` can still read it"
            ) from None
        raise UserError(f"can't lock {project}: {exc.strerror}") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1:
        os.close(fd)
        what = "not a regular file" if not stat.S_ISREG(info.st_mode) else "a link to another file"
        raise UserError(
            f"can't lock {project}: {path.name} is {what}, not a lock file; it was left as it is "
            "(remove it if nobody has the project open)"
        )
    return fd


def _is_ours(path: str, fd: int) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.lstat(path))
    except OSError:
        return False


def release(key: str | None) -> None:
    if key is None or fcntl is None:
        return
    with _guard:
        fd, count = _held[key]
        if count > 1:
            _held[key] = (fd, count - 1)
            return
        del _held[key]
        if _is_ours(key, fd):  # never unlink what another hand put in its place
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
