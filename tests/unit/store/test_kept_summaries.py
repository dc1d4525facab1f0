"""Kept summaries beside a file database: the content token moves with every write of any
writer, a keep obeys the race rule, reading writes nothing, damage and a full disk are
named (never raised, never served), and FILE.kept is never database content."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from store_helpers import flip_byte, states

import store.content_token
import store.derived_bound
import store.kept
import store.kept_file
import store.kept_format
import store.line_format
from store import AnnotationStore, kept_summaries
from store.content_token import file_token, token_state
from store.file_states import replayed_files
from store.kept import FileKept
from store.kept_file import MAX_ENTRIES, KeptFile, kept_path
from store.kept_summaries import EntryDamaged
from store.lock import recorded_saved, saved_line
from store.repair import repair
from store.replay import database_files
from tests.fixtures.anchored import STORY, annotate, article
from tests.reliability.faults import FAULTS, Fault, Injector
from workbench.core.analysis.ledger.decisions import Merge
from workbench.core.anchoring.placement import plan_article
from workbench.core.corpus.sentences import segmenter_stamp

OLD = article(STORY)
NEW = article(STORY.replace("\n", "\nEditor's note: a paragraph was added.\n", 1))
MERGE = Merge(("g-1111111111", "g-2222222222")).to_record()


@pytest.fixture
def database(db_path: Path) -> Path:
    """A database with three annotations of OLD (sentences 1, 3, 4) and OLD remembered."""
    with AnnotationStore.open(db_path, annotator="alice") as store:
        for index in (1, 3, 4):
            store.save(annotate(OLD, index, "alice"))
        store.remember_article(OLD.id, OLD.title, OLD.sha256, len(OLD.sentences), "s1")
    return db_path


@pytest.fixture
def kept(database: Path) -> Iterator[FileKept]:
    with FileKept(database) as opened:
        yield opened


Write = Callable[[AnnotationStore], Any]


def reanchored(store: AnnotationStore) -> Any:
    plan = plan_article(NEW, store.in_article(NEW.id))
    return store.reanchor(
        plan, title=NEW.title, sentences=len(NEW.sentences), segmenter=segmenter_stamp()
    )


def undone_then(step: Write) -> Write:
    def write(store: AnnotationStore) -> Any:
        store.save(annotate(OLD, 0, "alice"))
        store.undo()
        return step(store)

    return write


WRITES: dict[str, Write] = {
    "save": lambda store: store.save(annotate(OLD, 0, "alice")),
    "save by another analyst": lambda store: store.save(annotate(OLD, 1, "bob")),
    "edit a tag": lambda store: store.save(
        store.get(OLD.id, 1).toggled("denial")  # type: ignore[union-attr]
    ),
    "delete": lambda store: store.delete(OLD.id, 1),
    "undo": lambda store: store.undo(),
    "redo": undone_then(lambda store: store.redo()),
    "import": lambda store: store.import_annotations([annotate(OLD, 0, "carol")]),
    "reanchor": reanchored,
    "ledger decision": lambda store: store.save_ledger_decision(MERGE),
    "article remembered": lambda store: store.remember_article("other", "Other", "1" * 64, 3, "s1"),
}


@pytest.mark.parametrize("name", list(WRITES))
def test_every_kind_of_write_changes_the_token(database: Path, kept: FileKept, name: str) -> None:
    before = kept.token()
    with AnnotationStore.open(database, annotator="alice") as store:
        opened = kept.token()
        WRITES[name](store)
        during = kept.token()  # seen while the writer is still open
    after = kept.token()
    assert during != opened  # seen at once, while the writer is still open
    assert after != before
    assert kept.token() == after  # stable while nothing writes


def test_a_compaction_changes_the_token_only_when_it_rewrites_files(
    database: Path, kept: FileKept
) -> None:
    """The same content in new bytes: a new token, so a recompute, never a wrong serve
    (telling equal content apart from equal bytes would mean parsing it)."""
    with AnnotationStore.open(database, annotator="alice") as store:
        store._storage.compact()
        idle = kept.token()
        store._storage.compact()
        assert kept.token() == idle
        store.save(annotate(OLD, 0, "alice"))
        saved = kept.token()
        store._storage.compact()
        assert kept.token() != saved


def test_the_token_is_stable_and_a_read_only_open_leaves_it(database: Path, kept: FileKept) -> None:
    first = kept.token()
    with AnnotationStore.open(database, annotator="alice", read_only=True) as reader:
        reader.all()
    assert kept.token() == first
    assert first.startswith("file:")


@pytest.mark.parametrize(
    "which", ["snapshot", "journal", "history", "lock's saved change beyond the journal"]
)
def test_any_byte_changed_by_any_writer_changes_the_token(
    database: Path, kept: FileKept, which: str
) -> None:
    """What an older workbench, a tool or a restore does to the files, unparsed."""
    with AnnotationStore.open(database, annotator="alice") as store:
        store.save(annotate(OLD, 0, "alice"))  # the journal holds a change
        store._storage.sync()
        before = kept.token()
        file = {
            "snapshot": database,
            "journal": database.with_name(database.name + ".journal"),
            "history": database.with_name(database.name + ".history"),
        }.get(which)
        if file is not None:
            flip_byte(file, file.stat().st_size // 2)
        else:
            lock = database.with_name(database.name + ".lock")
            pid, _saved = lock.read_bytes().split(b"\n", 1)
            beyond = (recorded_saved(database) or 0) + 1  # a copy put back behind it
            lock.write_bytes(pid + b"\n" + saved_line(beyond))
        assert kept.token() != before


def test_a_kept_entry_is_served_under_its_key_only(kept: FileKept) -> None:
    token = kept.token()
    assert kept.put_many({"md": b"# summary\n", "json": b"{}"}, token)
    assert kept.get("md") == b"# summary\n"
    assert kept.get("json") == b"{}"
    assert kept.get("other") is None
    assert kept.put("empty", b"", token)
    assert kept.get("empty") == b""
    assert kept.get("md") == b"# summary\n"  # kept beside it: same token
    assert kept.warnings == []


def test_a_keep_after_a_write_is_refused_by_the_race_rule(database: Path, kept: FileKept) -> None:
    token = kept.token()  # the keeper's T1, before its read-only open
    with AnnotationStore.open(database, annotator="alice") as store:
        store.save(annotate(OLD, 0, "alice"))  # a write while the keeper computes
    assert kept.put("md", b"stale", token) is False
    assert not kept_path(database).exists()
    assert kept.warnings == []


def test_entries_of_an_older_token_are_dropped_and_the_file_stays_bounded(
    database: Path, kept: FileKept
) -> None:
    assert kept.put("old", b"x" * 1000, kept.token())
    with AnnotationStore.open(database, annotator="alice") as store:
        store.save(annotate(OLD, 0, "alice"))
    token = kept.token()
    assert kept.put("new", b"y", token)
    assert kept.get("old") is None
    for number in range(MAX_ENTRIES + 3):
        assert kept.put(f"k{number}", b"z", token)
    assert kept.get(f"k{MAX_ENTRIES + 2}") == b"z"
    assert kept.get("new") is None  # the oldest went first, named (rv16 R5)
    assert (
        f"kept summary new in {kept_path(database)} dropped (more than 21 kept)"
        in (kept.warnings[0])
    )
    assert kept_path(database).stat().st_size < 2000


def test_reading_writes_nothing_and_creates_nothing(database: Path, kept: FileKept) -> None:
    before = states(database)
    kept.token()
    assert kept.get("md") is None  # no FILE.kept: nothing created
    assert states(database) == before
    assert kept.put("md", b"kept", kept.token())
    before = states(database)
    with kept_summaries(database) as reader:
        assert reader.get("md") == b"kept"
        reader.token()
    assert states(database) == before


def test_nothing_is_kept_beside_no_database(tmp_path: Path) -> None:
    missing = tmp_path / "none.json"
    with kept_summaries(missing) as kept:
        assert kept.put("md", b"x", kept.token()) is False
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("offset", "reason"),
    [(-1, "checksum mismatch"), (12, "checksum mismatch"), (None, "bytes long, but")],
    ids=["entry", "header", "cut short"],
)
def test_damage_is_named_not_served_and_mended_by_the_next_keep(
    database: Path, kept: FileKept, offset: int | None, reason: str
) -> None:
    token = kept.token()
    kept.put("md", b"the kept summary", token)
    file = kept_path(database)
    if offset is None:
        file.write_bytes(file.read_bytes()[:-3])
    else:
        flip_byte(file, offset if offset >= 0 else file.stat().st_size + offset)
    assert kept.get("md") is None
    assert kept.get("md") is None
    assert len(kept.warnings) == 1  # said once
    assert kept.warnings[0].startswith(f"kept summary md in {file} damaged (")
    assert kept.warnings[0].endswith("); computed instead")
    assert reason in kept.warnings[0]
    assert kept.put("json", b"{}", token)
    assert kept.get("json") == b"{}"
    assert kept.get("md") is None  # the damaged entry was dropped, not carried over
    assert len(kept.warnings) == 2  # and said to be (rv16 R5)
    assert f"in {file} dropped (" in kept.warnings[1]


def test_a_fifo_in_place_of_the_kept_file_does_not_hang_a_reader(
    database: Path, kept: FileKept
) -> None:
    os.mkfifo(kept_path(database))
    assert kept.get("md") is None
    assert kept.warnings == [
        f"kept summary md in {kept_path(database)} not read (a FIFO (named pipe), not a regular "
        "file); computed instead"
    ]
    assert kept.put("md", b"x", kept.token()) is False  # never renamed over the FIFO
    assert kept.warnings[-1].startswith(f"summary not kept in {kept_path(database)} (")


def test_a_symbolic_link_in_place_of_the_kept_file_is_neither_read_nor_written_through(
    database: Path, kept: FileKept, tmp_path: Path
) -> None:
    """tr7 T1: the keeper's atomic write followed a link planted at FILE.kept and replaced
    the analyst's own file it pointed at; a reader called that file damaged."""
    victim = tmp_path / "notes.txt"
    victim.write_text("precious\n")
    kept_path(database).symlink_to(victim)
    assert kept.get("md") is None
    assert "a symbolic link, not a regular file" in kept.warnings[0]
    assert kept.put("md", b"# summary\n", kept.token()) is False
    assert kept.warnings[-1].startswith(f"summary not kept in {kept_path(database)} (")
    assert victim.read_text() == "precious\n"
    assert kept_path(database).is_symlink()


@pytest.mark.parametrize("fault", FAULTS, ids=lambda fault: fault.name)
def test_a_full_disk_is_a_warning_never_an_error(
    database: Path, kept: FileKept, monkeypatch: pytest.MonkeyPatch, fault: Fault
) -> None:
    token = kept.token()
    assert kept.put("md", b"first", token)
    before = states(database)
    injector = Injector(monkeypatch, database.parent)
    injector.inject(fault)
    assert kept.put("json", b"second", token) is False
    injector.lift()
    assert kept.warnings == [
        f"summary not kept in {kept_path(database)} ({fault.reason}); it is computed until "
        "it is kept"
    ]
    assert states(database) == before  # the old file whole, no temporary left
    assert kept.get("md") == b"first"


def test_the_kept_file_is_not_database_content(database: Path, kept: FileKept) -> None:
    kept.put("md", b"kept", kept.token())
    file = kept_path(database)
    assert file not in database_files(database)
    assert file.name not in replayed_files(database)
    with AnnotationStore.open(database, annotator="alice") as store:
        content = store.content()
    copied = database.parent / "copy" / "annotations.json"
    with AnnotationStore.open(copied, annotator="alice") as target:
        target.restore(content)
    assert not kept_path(copied).exists()
    saved = file.read_bytes()
    flip_byte(database.with_name(database.name + ".history"), 40)
    token = kept.token()
    report = repair(database)
    assert all(".kept" not in str(moved) for pair in report.moved for moved in pair)
    assert file.read_bytes() == saved  # left where it was, untouched
    assert kept.token() != token  # a repair is a write


def test_a_symbolic_link_to_the_database_shares_its_kept_file(
    database: Path, kept: FileKept, tmp_path: Path
) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(database)
    with kept_summaries(link) as through_link:
        assert through_link.token() == kept.token()
        assert through_link.put("md", b"kept", through_link.token())
    assert kept.get("md") == b"kept"
    assert not kept_path(link).exists()


def test_a_stale_temporary_of_a_killed_keeper_is_removed_by_the_next_keep(
    database: Path, kept: FileKept
) -> None:
    stale = database.parent / f".{kept_path(database).name}.abcd1234.tmp"
    young = database.parent / f".{kept_path(database).name}.efgh5678.tmp"
    stale.write_bytes(b"half")
    young.write_bytes(b"being written")
    os.utime(stale, (1, 1))
    assert kept.put("md", b"x", kept.token())
    assert not stale.exists()
    assert young.exists()  # perhaps another keeper's, being written


def test_a_file_replaced_while_hashed_is_hashed_again(
    database: Path, kept: FileKept, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A compaction replacing the snapshot under the token: never a mixture of two states."""
    real = store.content_token._prefix_digest
    replaced: list[Path] = []

    def replacing_once(file: Path, *args: Any) -> bytes:
        if not replaced and file == database:
            with AnnotationStore.open(database, annotator="alice") as writer:
                writer.save(annotate(OLD, 0, "alice"))  # closes: compacts, replaces FILE
            replaced.append(file)
        return real(file, *args)

    monkeypatch.setattr(store.content_token, "_prefix_digest", replacing_once)
    token = kept.token()
    monkeypatch.undo()
    assert replaced
    assert token == kept.token()  # the state after the write, not a mixture


def test_a_database_that_cannot_be_read_has_a_token_nothing_is_kept_under(
    tmp_path: Path,
) -> None:
    fifo = tmp_path / "annotations.json"
    os.mkfifo(fifo)
    with kept_summaries(fifo) as kept:
        token = kept.token()  # never blocks on the FIFO
        assert token.startswith("unsettled:") and token != kept.token()
        assert kept.put("md", b"x", token) is False
    assert sorted(p.name for p in tmp_path.iterdir()) == ["annotations.json"]


def test_files_hashed_on_threads_give_the_same_token(
    database: Path, kept: FileKept, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = kept.token()
    monkeypatch.setattr(store.content_token, "PARALLEL_BYTES", 0)
    assert kept.token() == alone


def test_a_keep_never_takes_the_room_the_database_needs(
    database: Path, kept: FileKept, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache must not make the next save fail for a full disk (review rv5 R1)."""
    size = sum(file.stat().st_size for file in database_files(database))
    room = store.kept_file.FREE_MARGIN + size + store.kept_format.MAX_HEADER
    monkeypatch.setattr(store.kept_file, "free_bytes", lambda _folder: room + 99)
    assert kept.put("md", b"x" * 100, kept.token()) is False
    assert kept.warnings == [
        f"summary not kept in {kept_path(database)} (too little free space left for the "
        "database); it is computed until it is kept"
    ]
    assert not kept_path(database).exists()
    assert kept.put("md", b"x" * 99, kept.token())


def streamed_bytes(kept: FileKept, key: str) -> bytes | None:
    with kept.streamed(key) as parts:
        return None if parts is None else b"".join(parts)


def test_a_streamed_entry_is_the_kept_bytes_checked_as_read(
    database: Path, kept: FileKept, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store.kept_file, "PART", 4)  # an entry of several parts
    token = kept.token()
    assert kept.put_many({"md": b"the kept summary", "json": b"{}"}, token)
    assert streamed_bytes(kept, "md") == b"the kept summary"
    assert streamed_bytes(kept, "other") is None
    flip_byte(kept_path(database), kept_path(database).stat().st_size - 1)  # json's bytes
    parts: list[bytes] = []
    with kept.streamed("json") as found, pytest.raises(EntryDamaged):
        assert found is not None
        parts.extend(found)
    assert parts, "its parts came before the checksum could say"
    assert kept.warnings == [
        f"kept summary json in {kept_path(database)} damaged (checksum mismatch); computed instead"
    ]
    kept_path(database).write_bytes(kept_path(database).read_bytes()[:-1])
    assert streamed_bytes(kept, "md") is None, "a file cut short: not even begun"


def test_a_recorded_file_digest_stands_for_the_file_while_its_stat_holds(
    database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The racily-clean rule (content_token.py): a digest is recorded only for a file
    changed RACY_SECONDS before the hashing began, and used only while its device, inode,
    size and both times are the same; a rewrite of the same length moves the change time."""
    monkeypatch.setattr(store.content_token, "RECORDED_BYTES", 0)
    fresh = token_state(database)
    assert fresh.digests == (), "files just written: nothing recorded"
    monkeypatch.setattr(store.content_token, "RACY_SECONDS", -60)  # as if changed long ago
    state = token_state(database)
    names = {digest.name for digest in state.digests}
    assert database.name in names and database.name + ".journal" not in names
    assert state.token == fresh.token
    forged = [
        dataclasses.replace(digest, sha256="0" * 64)
        for digest in state.digests
        if digest.name == database.name
    ]
    assert file_token(database, forged) != state.token, "a recorded digest is used unread"
    assert file_token(database, state.digests) == state.token
    time.sleep(0.02)  # past the clock's tick
    data = bytearray(database.read_bytes())
    data[-2:-1] = b" "  # the same length, other bytes
    before = database.stat()
    database.write_bytes(bytes(data))
    os.utime(database, ns=(before.st_atime_ns, before.st_mtime_ns))  # mtime put back
    assert file_token(database, forged) == file_token(database), "hashed again"
    assert file_token(database) != state.token


def test_a_keep_records_the_file_digests_and_a_reader_uses_them(
    database: Path, kept: FileKept, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store.content_token, "RECORDED_BYTES", 0)
    monkeypatch.setattr(store.content_token, "RACY_SECONDS", -60)
    token = kept.token()
    assert kept.put("md", b"kept", token)
    recorded = KeptFile(database, []).digests()
    assert {digest.name for digest in recorded} >= {database.name, database.name + ".history"}
    hashed: list[Path] = []
    real = store.content_token._prefix_digest
    monkeypatch.setattr(
        store.content_token,
        "_prefix_digest",
        lambda file, *rest: hashed.append(file) or real(file, *rest),
    )
    with kept_summaries(database) as reader:
        assert reader.token() == token
    assert hashed == [], "every large file's digest taken from FILE.kept"
    header = kept_path(database).read_bytes().split(b"\n", 1)[0]
    assert b'"files"' in header
    odd = store.kept_format.header(
        store.line_format.encode({"kept": 1, "token": token, "entries": [], "files": [["x"]]})
    )
    assert odd.digests == (), "a list not of the form written records nothing"


def test_a_new_token_over_the_same_snapshot_parses_it_once(
    database: Path, kept: FileKept, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A keeper following an app session asks at every save's token whether the journal
    reaches the snapshot's number (positions end it); the snapshot unchanged is not
    parsed again, a new snapshot is."""
    monkeypatch.setattr(store.content_token, "RECORDED_BYTES", 0)
    monkeypatch.setattr(store.content_token, "RACY_SECONDS", -60)  # as if written long ago
    monkeypatch.setattr(store.kept, "_SNAPSHOT_NUMBERS", {})
    parsed: list[Path] = []
    real = store.kept.load_snapshot
    monkeypatch.setattr(store.kept, "load_snapshot", lambda path: parsed.append(path) or real(path))

    def saved_and_moved(writer: AnnotationStore, index: int) -> bool:
        """Whether what the token now holds may be kept (asked at once: a keeper's way)."""
        writer.save(annotate(OLD, index, "alice", note=f"seen {len(parsed)}"))
        writer.set_position(OLD.id, index + 1)  # the journal ends with a position
        return kept.keepable(kept.token())

    writer = AnnotationStore.open(database, annotator="alice")
    assert saved_and_moved(writer, 0) and saved_and_moved(writer, 2)
    assert len(parsed) == 1, "one snapshot, parsed once"
    writer.close()  # folds the journal: a new snapshot
    with AnnotationStore.open(database, annotator="alice") as writer:
        assert saved_and_moved(writer, 5)
    assert len(parsed) == 2


def test_an_entry_larger_than_a_summary_of_the_database_can_be_is_refused_unread(
    database: Path, kept: FileKept, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rv15 R10: a hostile FILE.kept entry of many gigabytes (a sparse file, its checksum
    made for it) was read whole before anything refused it. Its size is checked first:
    named as too large, never read, served or carried over by the next keep."""
    monkeypatch.setattr(store.derived_bound, "ENTRY_FLOOR", 1 << 20, raising=False)
    token = kept.token()
    size = 2 << 20  # past the floor, and four times the database's bytes
    assert size > 4 * sum(file.stat().st_size for file in database_files(database))
    listed = [["md", size, hashlib.sha256(bytes(size)).hexdigest()]]
    file = kept_path(database)
    with file.open("wb") as handle:
        handle.write(store.line_format.encode({"kept": 1, "token": token, "entries": listed}))
        handle.truncate(handle.tell() + size)  # sparse: no bytes written
    read: list[int] = []
    real_pread = os.pread

    def pread(fd: int, count: int, offset: int) -> bytes:
        read.append(count)
        return real_pread(fd, count, offset)

    monkeypatch.setattr(os, "pread", pread)
    assert kept.get("md") is None
    with kept.streamed("md") as parts:
        assert parts is None
    assert max(read) < size // 2  # the header only, never the entry
    assert len(kept.warnings) == 1
    assert kept.warnings[0].startswith(f"kept summary md in {file} damaged (too large: 2,097,152")
    assert kept.warnings[0].endswith("not read); computed instead")
    assert kept.put("json", b"{}", token)
    assert max(read) < size // 2  # the next keep drops it unread
    assert kept.get("md") is None and kept.get("json") == b"{}"
    assert file.stat().st_size < 1000


def test_an_entry_too_large_for_a_reader_is_refused_at_the_keep_and_named(
    database: Path, kept: FileKept, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rv16 R4: the entry size limit was checked on read only: an entry kept over it was
    refused at every read (named damaged) and kept again at every keep. The keep refuses
    it, says so, and keeps the others given."""
    monkeypatch.setattr(store.derived_bound, "ENTRY_FLOOR", 1 << 20)
    token = kept.token()
    assert kept.put("md", b"# summary\n", token)
    too_large = bytes(2 << 20)
    assert kept.put_many({"json": too_large, "other": b"{}"}, token) is False
    file = kept_path(database)
    assert kept.warnings == [
        f"summary json not kept in {file} (2,097,152 bytes, where a summary of this "
        "database holds at most 1,048,576); it is computed instead"
    ]
    assert file.stat().st_size < 1000, "never written"
    assert kept.get("json") is None and kept.get("other") == b"{}"
    assert kept.get("md") == b"# summary\n"
    assert len(kept.warnings) == 1, "nothing damaged to read"
    assert kept.put("json", too_large, token) is False  # alone: nothing written


def test_an_entry_of_another_key_too_large_now_is_named_when_the_keep_drops_it(
    database: Path, kept: FileKept, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rv16 R5: an oversized entry under another key was dropped by the next keep
    without a word (the limit follows the database's size: one kept within it can be
    past it later)."""
    token = kept.token()
    monkeypatch.setattr(store.derived_bound, "ENTRY_FLOOR", 4 << 20)
    assert kept.put("big", bytes(2 << 20), token)
    monkeypatch.setattr(store.derived_bound, "ENTRY_FLOOR", 1 << 20)
    assert kept.put("md", b"# summary\n", token)
    assert kept.get("big") is None and kept.get("md") == b"# summary\n"
    assert kept.warnings == [
        f"kept summary big in {kept_path(database)} dropped (too large: 2,097,152 bytes, "
        "where a summary holds 1,048,576); computed until kept again"
    ]
