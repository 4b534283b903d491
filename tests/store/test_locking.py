"""A project open in one process is refused, with a message, to a second process that would write."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from counterpoint.store import Project
from counterpoint.store.locking import ProjectLocked, lock_path

HOLDER = textwrap.dedent(
    """
    import sys
    from counterpoint.store import Project

    project = Project.open(sys.argv[1])
    print("open", flush=True)
    sys.stdin.readline()
    project.close()
    print("closed", flush=True)
    """
)


@pytest.fixture
def held(tmp_path: Path, sample_project: Project):  # type: ignore[no-untyped-def]
    path = sample_project.path
    sample_project.close()
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdin is not None
    assert child.stdout.readline().strip() == "open"
    yield path, child
    if child.poll() is None:
        child.kill()
        child.wait()


def test_a_second_process_is_refused_while_the_first_has_it_open(held) -> None:  # type: ignore[no-untyped-def]
    path, child = held
    with pytest.raises(ProjectLocked, match=r"open in another Counterpoint process \(process \d+"):
        Project.open(path)
    # Reading beside it is allowed.
    with Project.open(path, lock=False) as reader:
        assert reader.count_statements() == 6
    child.stdin.write("\n")
    child.stdin.flush()
    assert child.stdout.readline().strip() == "closed"
    child.wait()
    with Project.open(path) as project:
        project.add_statement("Donald Trump", "Now it is mine to edit.")
    assert not lock_path(path).exists()


def test_the_lock_goes_when_the_holder_is_killed(held) -> None:  # type: ignore[no-untyped-def]
    path, child = held
    child.kill()
    child.wait()
    with Project.open(path) as project:
        assert project.count_statements() == 6


def test_one_process_may_open_its_project_twice(project_path: Path) -> None:
    first = Project.open(project_path, create=True)
    second = Project.open(project_path)  # a worker thread's own connection
    second.close()
    first.add_statement("A", "still writable")
    first.close()
    assert not lock_path(project_path).exists()


def test_the_cli_says_so_in_one_line(held, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    from counterpoint.cli import main

    path, _ = held
    assert main(["add", str(path), "--speaker", "X", "--text", "second process words"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "open in another Counterpoint process" in err
    assert main(["list", str(path), "--json"]) == 0
