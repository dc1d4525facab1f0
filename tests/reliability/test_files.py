"""Symbolic links are followed, and temporary files do not pile up.

A database or an export target given as a symlink: the write goes to the link's target,
atomically, and the link stays a link (before, `import` and `export -o` replaced the link
with a regular file and left the target stale). Temporary files: the writer removes its
database's stale ones when it opens, a failed or terminated export removes its own, and
only SIGKILL can leave one (docs/RELIABILITY.md says where).
"""

from __future__ import annotations

import errno
import json
import os
import signal
from collections import Counter
from pathlib import Path

import pytest

import workbench.core.files.atomic
from store import AnnotationStore
from workbench.cli.main import main
from workbench.core.annotation import Anchor, Annotation

TEXT = "The minister said the plan works. Officials denied it."


def annotation(index: int, note: str = "") -> Annotation:
    start, end = [(0, 33), (34, 54)][index]
    anchor = Anchor.in_text("a1", "0" * 64, TEXT, index, start, end)
    return Annotation.new(anchor, "alice", tags=("claim",), note=note)


@pytest.fixture
def export_file(tmp_path: Path) -> Path:
    source = tmp_path / "source" / "db.json"
    with AnnotationStore.open(source, annotator="alice") as opened:
        opened.save(annotation(0, "imported"))
    exported = tmp_path / "export.json"
    assert main(["export", "--db", str(source), "-o", str(exported)]) == 0
    return exported


def notes(path: Path) -> list[str]:
    with AnnotationStore.open(path, annotator="alice", read_only=True) as opened:
        return [a.note for a in opened.all()]


def test_a_database_given_as_a_symlink_stays_a_link_and_its_target_is_written(
    tmp_path: Path, export_file: Path, figures: Counter[str]
) -> None:
    target = tmp_path / "data" / "real.json"
    with AnnotationStore.open(target, annotator="alice") as opened:
        opened.save(annotation(1, "before"))
    link = tmp_path / "home" / "db.json"
    link.parent.mkdir()
    link.symlink_to(Path("..") / "data" / "real.json")
    assert main(["import", str(export_file), "--db", str(link), "--corpus", str(tmp_path)]) == 0
    with AnnotationStore.open(link, annotator="alice") as opened:
        opened.save(annotation(1, "after"))
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert sorted(notes(link)) == sorted(notes(target)) == ["after", "imported"]
    assert sorted(p.name for p in link.parent.iterdir()) == ["db.json"], "files beside the link"
    assert (tmp_path / "data" / "real.json.journal").exists()
    figures["files: writes through a symlink, link kept"] += 2


def test_export_onto_a_symlink_writes_its_target(
    database: Path, tmp_path: Path, figures: Counter[str]
) -> None:
    target = tmp_path / "out" / "real-export.json"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "export-link.json"
    link.symlink_to(target)
    for arguments in (["export", "-o", str(link)], ["summary", "-o", str(link)]):
        assert main([*arguments, "--db", str(database)]) == 0
        assert link.is_symlink() and link.resolve() == target.resolve()
        assert target.read_text() != "old"
        figures["files: writes through a symlink, link kept"] += 1
    assert list(tmp_path.glob(".*.tmp")) == [] and list(target.parent.glob(".*.tmp")) == []


def test_the_writer_removes_this_databases_stale_temporary_files(
    database: Path, tmp_path: Path, figures: Counter[str]
) -> None:
    stale = [tmp_path / ".db.json.a1b2c3d4.tmp", tmp_path / ".db.json.repairing.zz_99xyz.tmp"]
    others = [
        tmp_path / ".db.json.old.a1b2c3d4.tmp",  # another database's (db.json.old)
        tmp_path / ".export.json.a1b2c3d4.tmp",  # an export's
        tmp_path / ".db.json.a1b2c3d4.tmp.keep",
    ]
    for file in stale + others:
        file.write_bytes(b"x" * 1000)
    AnnotationStore.open(database, annotator="alice", read_only=True).close()
    assert all(file.exists() for file in stale), "a read-only open removed a file"
    AnnotationStore.open(database, annotator="alice").close()
    assert [file.exists() for file in stale] == [False, False]
    assert all(file.exists() for file in others)
    figures["files: stale temporary files removed by the writer"] += len(stale)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A database of one annotation."""
    path = tmp_path / "db.json"
    with AnnotationStore.open(path, annotator="alice") as opened:
        opened.save(annotation(0))
    return path


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder to export to."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_a_failed_export_leaves_no_temporary_file(
    database: Path,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    figures: Counter[str],
) -> None:
    def full(descriptor: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(workbench.core.files.atomic, "write_fully", full)
    assert main(["export", "--db", str(database), "-o", str(out / "x.json")]) == 1
    assert capsys.readouterr().err.startswith(f"workbench: cannot write {out / 'x.json'}: ")
    assert list(out.iterdir()) == []
    figures["files: failed or terminated exports that left no temporary file"] += 1


def test_sigterm_during_an_export_removes_its_temporary_file(
    database: Path, out: Path, monkeypatch: pytest.MonkeyPatch, figures: Counter[str]
) -> None:
    write = workbench.core.files.atomic.write_fully

    def terminated_while_writing(descriptor: int, data: bytes) -> None:
        write(descriptor, data[:10])
        assert len(list(out.iterdir())) == 1, "the temporary file exists while writing"
        os.kill(os.getpid(), signal.SIGTERM)  # `kill PID` from another terminal
        write(descriptor, data[10:])

    monkeypatch.setattr(workbench.core.files.atomic, "write_fully", terminated_while_writing)
    previous = signal.getsignal(signal.SIGTERM)
    with pytest.raises(SystemExit) as stopped:
        main(["export", "--db", str(database), "-o", str(out / "x.json")])
    assert stopped.value.code == 128 + signal.SIGTERM
    assert list(out.iterdir()) == []
    assert signal.getsignal(signal.SIGTERM) == previous
    figures["files: failed or terminated exports that left no temporary file"] += 1


def test_json_written_through_a_link_is_the_export(tmp_path: Path, export_file: Path) -> None:
    """The control: the export through a link is the same file as a direct one."""
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "target.json")  # dangling until the export creates it
    source = export_file.with_name("source") / "db.json"
    assert main(["export", "--db", str(source), "-o", str(link)]) == 0
    exported = json.loads((tmp_path / "target.json").read_text())
    assert exported["annotations"] == json.loads(export_file.read_text())["annotations"]
