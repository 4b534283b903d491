"""The project file: one SQLite database per dossier, and the typed API the GUI and the CLI call."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Sequence
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from counterpoint.store import locking
from counterpoint.store.base import BUSY_TIMEOUT_MS, SQLITE_MAGIC, parse_date, quote_fts
from counterpoint.store.dossier import Dossier
from counterpoint.store.errors import (
    ProjectDamaged,
    ProjectError,
    damaged_message,
    explain,
    is_about_the_file,
    is_damage,
    is_read_only,
)
from counterpoint.store.migrations import FIRST_MIGRATION, MIGRATION_SET, migrations

__all__ = ["Project", "ProjectDamaged", "ProjectError", "parse_date", "quote_fts"]


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection that writes nothing, not even SQLite's -wal and -shm files when the folder
    can't take them: a project in a read-only folder (a mounted archive, a colleague's share) can still be
    listed and exported. Such a file has no -wal file (nobody can write one there), so reading the file
    as immutable misses nothing."""
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        wal = path.with_name(path.name + "-wal")
        if (wal.exists() and wal.stat().st_size) or os.access(path.parent, os.W_OK):
            raise
    conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


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
        conn = connect_read_only(path)
    except sqlite3.Error as exc:
        if is_damage(exc):
            raise ProjectDamaged(damaged_message(path, str(exc))) from None
        raise ProjectError(f"{path} can't be opened: {exc}") from None
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        marker = None
        if "project_info" in tables:
            row = conn.execute("SELECT value FROM project_info WHERE key = 'application'").fetchone()
            marker = row[0] if row else None
        if marker != "counterpoint":
            raise ProjectError(f"{path} is an SQLite database but not a Counterpoint project")
        applied: set[str] = set()
        if "_sqlite_migrations" in tables:
            applied = {
                row[0]
                for row in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
                )
            }
        # The marker is written by the first migration: a file that has it without that migration (or
        # without the tables it made) was made to look like a project, and migrating it would write into
        # someone else's database. Refused before anything is written.
        if FIRST_MIGRATION not in applied or not {"statements", "speakers", "annotations"} <= tables:
            raise ProjectError(
                f"{path} claims to be a Counterpoint project but lacks a project's tables; "
                "it was not opened and nothing was written"
            )
        known = {m.name for m in migrations()._migrations}
        newer = applied - known
        if newer:
            raise ProjectError(
                f"{path} was written by a newer Counterpoint (schema {max(newer)}); update to open it"
            )
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            raise ProjectDamaged(damaged_message(path, str(exc))) from None
        raise explain(exc, path) from None
    finally:
        conn.close()


def check_before_writing(path: Path, sql_dir: Path | None = None) -> list[str]:
    """Refuse to write into a damaged file (a write there may spread the damage, and work saved into it
    may be lost), and return the migrations it still needs. SQLite's quick check reads every page once
    (about 0.1 s for 100,000 statements); it writes nothing."""
    conn = connect_read_only(path)
    try:
        rows = conn.execute("PRAGMA quick_check(20)").fetchall()
        pending = [m.name for m in migrations(sql_dir).pending(sqlite_utils.Database(conn))]
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            raise ProjectDamaged(damaged_message(path, str(exc))) from None
        raise explain(exc, path) from None
    finally:
        conn.close()
    problems = [row[0] for row in rows if row[0] != "ok"]
    if problems:
        detail = problems[0] if len(problems) == 1 else f"{problems[0]}, and {len(problems) - 1} more"
        raise ProjectDamaged(damaged_message(path, detail))
    return pending


def _pending_for_reading(path: Path, sql_dir: Path | None) -> list[str]:
    conn = connect_read_only(path)
    try:
        return [m.name for m in migrations(sql_dir).pending(sqlite_utils.Database(conn))]
    finally:
        conn.close()


def connect(path: Path | str) -> sqlite3.Connection:
    """A connection set up the way every connection to a project must be."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    except BaseException:
        conn.close()
        raise
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
        self.read_only = False
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
        if not lock and not new:
            return cls._open_for_reading(path, sql_dir)
        lock_key = locking.acquire(path) if lock else None
        try:
            backup = None
            if not new:
                pending = check_before_writing(path, sql_dir)
                if pending:
                    backup = backup_before_migrating(path, pending)
            try:
                conn = connect(path)
            except sqlite3.Error as exc:
                raise explain(exc, path) from None
            project = cls(path, conn)
            project.backup_path = backup
            project._lock_key = lock_key
            try:
                migrations(sql_dir).apply(project.db)
            except Exception as exc:
                conn.close()
                if new:
                    with suppress(OSError):
                        path.unlink()
                if isinstance(exc, sqlite3.Error) and is_about_the_file(exc):
                    raise explain(exc, path) from exc
                raise
        except BaseException:
            locking.release(lock_key)
            raise
        return project

    @classmethod
    def _open_for_reading(cls, path: Path, sql_dir: Path | None) -> Project:
        """Open to read beside a writer; in a folder this process can't write to, read-only."""
        try:
            conn = connect(path)
        except sqlite3.Error as exc:
            if not is_read_only(exc):
                raise explain(exc, path) from None
            conn = None
        if conn is None:
            if _pending_for_reading(path, sql_dir):
                raise ProjectError(
                    f"{path} needs an upgrade to this version of Counterpoint, and its folder "
                    f"{path.parent} is read-only; copy it to a folder you can write to"
                )
            project = cls(path, connect_read_only(path))
            project.read_only = True
            return project
        project = cls(path, conn)
        try:
            migrations(sql_dir).apply(project.db)
        except Exception as exc:
            conn.close()
            if isinstance(exc, sqlite3.Error) and is_about_the_file(exc):
                raise explain(exc, path) from exc
            raise
        return project

    def close(self) -> None:
        # statistics are refreshed after writing only: reading a project ("list", "search", a failed import)
        # leaves its file as it was, byte for byte (a backup or sync tool sees no change)
        with suppress(sqlite3.Error):
            if self.conn.total_changes:
                self.conn.execute("PRAGMA optimize")
        self.conn.close()
        key, self._lock_key = self._lock_key, None
        locking.release(key)

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
