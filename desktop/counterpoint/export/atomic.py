"""Writing export files safely: check the folder first, write a temporary file beside the target, rename.

A reader never sees half a report, and a failed export leaves the previous file as it was.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

from counterpoint.errors import UserError


def check_output_path(path: Path) -> Path:
    """The absolute target for an export, or a UserError that says in one line what is wrong."""
    path = Path(path).expanduser()
    if path.name in ("", ".", ".."):
        raise UserError(f"{path} is not a file name; give the file to write, e.g. report.pdf")
    if path.is_dir():
        raise UserError(f"{path} is a folder; give the file to write inside it, e.g. {path / 'report.pdf'}")
    folder = path.parent.resolve() if str(path.parent) else Path.cwd()
    if not folder.exists():
        raise UserError(f"can't write {path}: the folder {folder} does not exist")
    if not folder.is_dir():
        raise UserError(f"can't write {path}: {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UserError(f"can't write {path}: the folder {folder} is not writable")
    if path.exists() and not os.access(path, os.W_OK):
        raise UserError(f"can't write {path}: the file is read-only")
    return folder / path.name


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it replaces `path` in one rename."""
    target = check_output_path(path)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise UserError(f"can't write {target}: {exc.strerror}") from None
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        with open(temp, "rb+") as written:
            os.fsync(written.fileno())
        # mkstemp makes the file private (0600); an export should get the user's usual permissions.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, target)
        _sync_folder(target.parent)
    except OSError as exc:
        raise UserError(f"can't write {target}: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); where folders can't be opened, the rename still stands."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def write_bytes(path: Path, data: bytes) -> Path:
    with atomic_path(path) as temp:
        temp.write_bytes(data)
    return check_output_path(path)


def write_text(path: Path, text: str) -> Path:
    return write_bytes(path, text.encode("utf-8"))


def write_with(path: Path, writer: Callable[[Path], None]) -> Path:
    """Let `writer` fill a temporary file (e.g. Qt's QPdfWriter, which wants a file name), then rename it."""
    with atomic_path(path) as temp:
        writer(temp)
    return check_output_path(path)


def safe_file_name(name: str, *, default: str = "export", max_length: int = 80) -> str:
    """A file name made from data (a comparison's title): no folders, no dot-files, no control characters."""
    name = unicodedata.normalize("NFC", name)
    name = re.sub(r"[\x00-\x1f\x7f/\\:*?\"<>|]+", " ", name)
    name = " ".join(name.split()).strip(" .")
    name = name[:max_length].rstrip(" .")
    if not name or name in (".", ".."):
        return default
    return name
