"""qa21 #12: a database on a read-only mount was refused at start with "not saved: cannot
create the lock file: the file system is read-only", though its lock file was there and
nothing was being saved. The refusal now says what is true (the database cannot be
opened for writing, and why) and what still works on it; nothing is changed."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

import store.lock as lock_module
from store import AnnotationStore, StoreWriteError
from tests.fixtures.anchored import annotate, article
from workbench.cli.main import main
from workbench.tui.app import WorkbenchApp

STORY = article("Troops\nThe ministry said 12,000 troops were sent.\n", "000_troops")
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT


def refused_for_writing(code: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The lock file's open for writing fails with `code`, as on a read-only mount (the
    tests run as root, which writes to a chmod 555 folder anyway)."""
    real_open = os.open

    def open_(path: str | os.PathLike[str], flags: int, *args: int, **kw: int) -> int:
        if str(path).endswith(".lock") and flags & WRITE_FLAGS:
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args, **kw)

    monkeypatch.setattr(lock_module.os, "open", open_)


def files_of(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def never_run(self: WorkbenchApp) -> None:
    raise AssertionError("the screen opened")


def test_a_read_only_mount_is_said_as_such_not_as_a_save_that_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "db" / "ann.json"
    with AnnotationStore.open(database, annotator="ana") as store:
        store.save(annotate(STORY, 1, "ana", tags=("claim",)))
    assert database.with_name("ann.json.lock").exists()
    before = files_of(database.parent)
    refused_for_writing(errno.EROFS, monkeypatch)
    monkeypatch.setattr(WorkbenchApp, "run", never_run)
    assert main(["annotate", "--db", str(database), "--annotator", "ana"]) == 1
    said = capsys.readouterr().err
    assert said.startswith("workbench: cannot open ann.json for writing: its folder ")
    assert "is on a read-only file system; nothing was changed" in said
    assert "annotate --read-only" in said and "summary" in said and "export" in said
    assert "not saved" not in said and "create" not in said, said
    assert files_of(database.parent) == before
    # and what it names does work there
    capsys.readouterr()
    assert main(["export", "--db", str(database), "--annotator", "ana"]) == 0
    assert "12,000 troops" in capsys.readouterr().out


@pytest.mark.parametrize("lock_there", [True, False])
def test_permission_denied_names_the_file_or_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lock_there: bool
) -> None:
    database = tmp_path / "ann.json"
    AnnotationStore.open(database, annotator="ana").close()
    if not lock_there:
        database.with_name("ann.json.lock").unlink()
    refused_for_writing(errno.EACCES, monkeypatch)
    with pytest.raises(StoreWriteError) as refused:
        AnnotationStore.open(database, annotator="ana")
    said = str(refused.value)
    assert said.startswith("cannot open ann.json for writing: ")
    if lock_there:
        assert "its lock file ann.json.lock may not be written (permission denied)" in said
    else:
        assert "may not be written (permission denied)" in said and "its folder" in said
