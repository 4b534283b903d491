"""Reading a file the user named, safely: regular files only, the size checked before a byte is read.

A FIFO, a device (/dev/zero, /dev/urandom), a socket or a folder is refused with one line; opening uses
O_NONBLOCK so a FIFO with no writer cannot hang the open itself, and the read never goes past the limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from counterpoint.ingest.document import IngestError


def read_regular_file(path: str | Path, limit: int, what: str = "import") -> bytes:
    """The bytes of `path`, refused with IngestError unless it is a regular file of at most `limit` bytes."""
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise IngestError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise IngestError(f"{path} is a folder; give the documents inside it") from None
    except OSError as exc:
        raise IngestError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IngestError(f"{path} is a folder; give the documents inside it")
        if not stat.S_ISREG(info.st_mode):
            raise IngestError(f"{path} is {_kind(info.st_mode)}, not a regular file; nothing was read")
        if info.st_size > limit:
            raise IngestError(
                f"{path.name} is {info.st_size / 2**20:,.1f} MB, over the {_size(limit)} {what} limit; "
                "nothing was read"
            )
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:  # the file grew while it was read
            raise IngestError(f"{path.name} is over the {_size(limit)} {what} limit; nothing was read")
        return b"".join(chunks)
    except OSError as exc:
        raise IngestError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _size(size: int) -> str:
    return f"{size // 2**20} MB" if size >= 2**20 and size % 2**20 == 0 else f"{size:,}-byte"
