"""The project file: one SQLite database per dossier, and the typed API the GUI and the CLI call."""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Sequence
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

from counterpoint.errors import UserError
from counterpoint.store import locking
from counterpoint.store.base import BUSY_TIMEOUT_MS, SQLITE_MAGIC, parse_date, quote_fts
from counterpoint.store.dossier import Dossier
from counterpoint.store.migrations import MIGRATION_SET, migrations, pending_names

__all__ = ["Project", "ProjectError", "parse_date", "quote_fts"]


class ProjectError(UserError):
    """The file can't be used as a Counterpoint project (missing, not a project, corrupt, newer)."""


def check_project_file(path: Path) -> None:
    """Raise ProjectError unless `path` is a Counterpoint project; opens it read-only, writes nothing.

    SQLite may create the -wal and -shm files of a read-only connection; when the file turns out not to
    be a project, those are removed again, so a refused file is left exactly as it was found.
    """
    sidecars = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    existed = [p.exists() for p in sidecars]
    try:
        _check_project_file(path)
    except ProjectError:
        for sidecar, was_there in zip(sidecars, existed, strict=True):
            if not was_there:
                with suppress(OSError):
                    sidecar.unlink()
        raise


def _check_project_file(path: Path) -> None:
    # A FIFO or a device as the project would hang the first read (or never end): regular files only.
    try:
        mode = path.stat().st_mode
    except OSError:
        mode = stat.S_IFREG  # the open below says what is wrong
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        raise ProjectError(f"{path} is not a regular file (a pipe or a device), so not a project file")
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except IsADirectoryError:
        raise ProjectError(f"{path} is a folder, not a project file") from None
    except PermissionError:
        raise ProjectError(f"{path} can't be read: permission denied") from None
    if head != SQLITE_MAGIC:
        raise ProjectError(f"{path} is not a Counterpoint project (it is not an SQLite database)")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ProjectError(f"{path} can't be opened: {exc}") from None
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        marker = None
        if "project_info" in tables:
            row = conn.execute("SELECT value FROM project_info WHERE key = 'application'").fetchone()
            marker = row[0] if row else None
        if marker != "counterpoint":
            raise ProjectError(f"{path} is an SQLite database but not a Counterpoint project")
        known = {m.name for m in migrations()._migrations}
        if "_sqlite_migrations" in tables:
            applied = {
                row[0]
                for row in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
                )
            }
            newer = applied - known
            if newer:
                raise ProjectError(
                    f"{path} was written by a newer Counterpoint (schema {max(newer)}); update to open it"
                )
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"{path} is damaged and can't be opened as a project ({exc})") from None
    finally:
        conn.close()


def connect(path: Path | str) -> sqlite3.Connection:
    """A connection set up the way every connection to a project must be."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def backup_before_migrating(path: Path, names: Sequence[str]) -> Path:
    """Copy the project aside (a consistent SQLite backup) before its schema changes."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.before-{names[0]}-{stamp}.bak")
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(str(target))
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


class Project(Dossier):
    """An open project file. One per thread: SQLite connections are not shared across threads."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        super().__init__(path, conn)
        self.backup_path: Path | None = None
        self._lock_key: str | None = None

    # -- opening and closing ---------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = False,
        sql_dir: Path | None = None,
        lock: bool = True,
    ) -> Project:
        """Open a project file, creating it if `create` and it does not exist, migrating it if needed.

        With `lock` (the default, for anything that writes) a second process opening the same project
        is refused with ProjectLocked; pass lock=False to read alongside the process that has it open.
        """
        path = Path(path).expanduser()
        new = not path.exists() or (path.is_file() and path.stat().st_size == 0)
        if new and not create:
            raise ProjectError(f"{path} does not exist")
        if new:
            if not path.parent.is_dir():
                raise ProjectError(f"can't create {path}: the folder {path.parent} does not exist")
        else:
            check_project_file(path)
        lock_key = locking.acquire(path) if lock else None
        try:
            backup = None
            if not new:
                pending = pending_names(path, sql_dir)
                if pending:
                    backup = backup_before_migrating(path, pending)
            try:
                conn = connect(path)
            except sqlite3.Error as exc:
                raise ProjectError(f"can't open {path}: {exc}") from None
            project = cls(path, conn)
            project.backup_path = backup
            project._lock_key = lock_key
            try:
                migrations(sql_dir).apply(project.db)
            except Exception:
                conn.close()
                if new:
                    with suppress(OSError):
                        path.unlink()
                raise
        except BaseException:
            locking.release(lock_key)
            raise
        return project

    def close(self) -> None:
        with suppress(sqlite3.Error):
            self.conn.execute("PRAGMA optimize")
        self.conn.close()
        key, self._lock_key = self._lock_key, None
        locking.release(key)

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
