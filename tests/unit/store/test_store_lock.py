"""One writer at a time: a second open, here or in another process, is refused."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_helpers import MakeAnnotation, crash_copy, database_files

from store import AnnotationStore, DatabaseLockedError, StoreWriteError
from store.lock import lock_path, recorded_saved
from workbench.core.annotation import Annotation

SECOND_PROCESS = """
import sys
from store import AnnotationStore, DatabaseLockedError, StoreWriteError
from store.lock import lock_path, recorded_saved
try:
    AnnotationStore.open(sys.argv[1], annotator="bob")
except DatabaseLockedError as error:
    print(error)
    sys.exit(3)
"""


def test_a_second_open_in_this_process_is_refused(db_path: Path) -> None:
    with AnnotationStore.open(db_path, annotator="alice"):
        with pytest.raises(DatabaseLockedError) as caught:
            AnnotationStore.open(db_path, annotator="alice")
        assert caught.value.pid == os.getpid()
        assert str(db_path) in str(caught.value)
        assert str(os.getpid()) in str(caught.value)


def test_another_process_gets_an_error_naming_file_and_pid(
    db_path: Path, make: MakeAnnotation
) -> None:
    with AnnotationStore.open(db_path, annotator="alice") as opened:
        opened.save(make())
        before = database_files(db_path)
        result = subprocess.run(
            [sys.executable, "-c", SECOND_PROCESS, str(db_path)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 3, result.stderr
        assert str(db_path) in result.stdout
        assert f"process {os.getpid()}" in result.stdout
        assert database_files(db_path) == before


def test_the_lock_is_released_on_close(db_path: Path) -> None:
    AnnotationStore.open(db_path, annotator="alice").close()
    with AnnotationStore.open(db_path, annotator="bob") as again:
        assert again.count() == 0


def test_a_failed_open_releases_the_lock(db_path: Path) -> None:
    db_path.write_bytes(b"{broken")
    with pytest.raises(Exception, match="cannot be read"):
        AnnotationStore.open(db_path, annotator="alice")
    db_path.write_bytes(b"")
    AnnotationStore.open(db_path, annotator="alice").close()


def test_a_symbolic_link_in_place_of_the_lock_file_is_refused_and_its_target_untouched(
    db_path: Path, tmp_path: Path
) -> None:
    # Before QA pass 2 the writer followed it: the target's content was replaced by a pid.
    victim = tmp_path / "notes.txt"
    victim.write_text("precious content\n")
    lock_path(db_path).symlink_to(victim)
    with pytest.raises(StoreWriteError, match="the lock file is a symbolic link"):
        AnnotationStore.open(db_path, annotator="alice")
    assert victim.read_text() == "precious content\n"
    assert lock_path(db_path).is_symlink()
    assert recorded_saved(db_path) is None  # a read-only open does not read through it


def test_a_fifo_in_place_of_the_lock_file_is_refused_without_blocking(db_path: Path) -> None:
    os.mkfifo(lock_path(db_path))
    with pytest.raises(StoreWriteError, match="the lock file is not a regular file"):
        AnnotationStore.open(db_path, annotator="alice")


@pytest.mark.parametrize("how", ["removed", "replaced"])
def test_a_lock_file_removed_while_open_stops_its_writer_before_it_overwrites_another(
    db_path: Path, make: MakeAnnotation, how: str
) -> None:
    """tr7 T6: after `rm FILE.lock` (a "stale lock" cleanup) a second writer opened on a
    new lock, both wrote lines at their own offsets of one journal, and both screens said
    saved while each overwrote the other's. The first writer now refuses every write and
    its fold at close; the second writer's tags stay."""
    first = AnnotationStore.open(db_path, annotator="alice")
    first.save(make(index=0, annotator="alice"))
    lock_path(db_path).unlink()
    if how == "replaced":
        lock_path(db_path).write_text("1\n")
    with AnnotationStore.open(db_path, annotator="bob") as second:
        second.save(make(index=1, annotator="bob"))
        with pytest.raises(StoreWriteError, match=f"the lock file {lock_path(db_path).name} was"):
            first.save(make(index=2, annotator="alice"))
        with pytest.raises(StoreWriteError, match="writes nothing more"):
            first.save(make(index=3, annotator="alice"))  # and every later one
        second.save(make(index=4, annotator="bob"))
    first.close()  # folds nothing over what the second writer wrote
    assert any("lock file" in warning for warning in first.warnings)
    with AnnotationStore.open(db_path, annotator="carol", read_only=True) as reader:
        assert sorted((a.annotator, a.index) for a in reader.all()) == [
            ("alice", 0),
            ("bob", 1),
            ("bob", 4),
        ]


def test_an_import_taken_back_after_the_lock_went_cuts_nothing_of_the_other_writer(
    db_path: Path, make: MakeAnnotation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rv7 R7: with FILE.lock removed during an import, the import was taken back by
    cutting the journal both writers held, and the second writer's acknowledged tag with
    it."""
    import store.annotation_store

    monkeypatch.setattr(store.annotation_store, "IMPORT_LINE_BYTES", 1)  # a line a record
    first = AnnotationStore.open(db_path, annotator="alice")
    first.save(make(index=0, annotator="alice"))
    opened: list[AnnotationStore] = []

    def incoming() -> Iterator[Annotation]:
        yield make(article_id="imp", index=0, annotator="carol")
        lock_path(db_path).unlink()
        opened.append(AnnotationStore.open(db_path, annotator="bob"))
        opened[0].save(make(index=1, annotator="bob"))  # acknowledged
        yield make(article_id="imp", index=1, annotator="carol")

    journal = db_path.with_name(db_path.name + ".journal")
    with pytest.raises(StoreWriteError):
        first.import_annotations(incoming())
    size = journal.stat().st_size
    opened[0].save(make(index=2, annotator="bob"))
    assert journal.stat().st_size > size and b"\0" not in journal.read_bytes()
    copy = crash_copy(db_path, db_path.parent / "crash")  # bob's session killed now
    with AnnotationStore.open(copy, annotator="x", read_only=True) as reader:
        held = sorted((a.annotator, a.index) for a in reader.all())
    assert ("bob", 1) in held and ("bob", 2) in held
    opened[0].close()
    first.close()
