"""The file token leaves out what no kept output depends on, and only that: the cursor
positions ending the live journal (each line certainly a position record) and the
number FILE.lock records as saved while it is within the journal. A tag, a line that
merely looks like a position, and a copy put back behind its record all move it."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store import AnnotationStore, CorruptDatabaseError, line_format
from store.kept import FileKept
from store.lock import lock_path, recorded_saved, saved_line
from store.segments import journal_path
from store.snapshot import load_snapshot, write_snapshot
from tests.fixtures.anchored import STORY, annotate, article

OLD = article(STORY)
POSITION = {"annotator": "alice", "article_id": OLD.id, "index": 2}

DECISION = {
    "annotator": "alice",
    "at": "2026-01-01T00:00:00Z",
    "action": "merge",
    "groups": ["g-1", "g-2"],
}
"""A ledger decision as the store writes one."""


@pytest.fixture
def database(db_path: Path) -> Path:
    """Three of alice's annotations, closed: the journal holds only its start mark."""
    with AnnotationStore.open(db_path, annotator="alice") as store:
        for index in (1, 3, 4):
            store.save(annotate(OLD, index, "alice"))
    return db_path


@pytest.fixture
def kept(database: Path) -> Iterator[FileKept]:
    with FileKept(database) as opened:
        yield opened


def journal_lines(database: Path) -> list[bytes]:
    return journal_path(database).read_bytes().splitlines(keepends=True)


def last_seq(database: Path) -> int:
    seq: int = line_format.decode(journal_lines(database)[-1])["seq"]
    return seq


def position_line(seq: int, document: Any = None, **payload: Any) -> bytes:
    """A journal line putting a position record, as the writer writes it, unless
    `document` or `payload` say otherwise."""
    entry = {"seq": seq, "ops": [["positions", "1", document or POSITION]], "history": []}
    return line_format.encode({**entry, **payload})


def appended(database: Path, line: bytes) -> None:
    with journal_path(database).open("ab") as journal:
        journal.write(line)


def content(database: Path) -> dict[str, Any]:
    """What a read-only open reads, positions left out."""
    with AnnotationStore.open(database, annotator="alice", read_only=True) as reader:
        read = reader.content()
    return {
        "annotations": read.annotations,
        "history": read.history,
        "articles": read.articles,
        "ledger": read.ledger,
    }


def test_cursor_moves_leave_the_token_and_a_tag_moves_it(database: Path, kept: FileKept) -> None:
    before = kept.token()
    with AnnotationStore.open(database, annotator="alice") as store:
        assert kept.token() == before, "the first writer open (FILE.lock records its start)"
        for index in (0, 2, 5, 1):
            store.set_position(OLD.id, index)
            assert kept.token() == before
        store._storage.sync()  # FILE.lock now records the last position's number
        assert recorded_saved(database) == last_seq(database)
        assert kept.token() == before
        store.save(annotate(OLD, 0, "alice"))
        tagged = kept.token()
        assert tagged != before
        store.set_position(OLD.id, 3)
        store._storage.sync()
        assert kept.token() == tagged, "moves after a tag: the token of the tag"


def test_a_genuine_position_record_written_by_hand_is_left_out(
    database: Path, kept: FileKept
) -> None:
    before, read = kept.token(), content(database)
    appended(database, position_line(last_seq(database) + 1))
    appended(database, position_line(last_seq(database) + 1, {**POSITION, "index": 7}))
    assert kept.token() == before
    assert content(database) == read


def _other_ops(seq: int) -> bytes:
    ops = [["positions", "1", POSITION], ["positions", "2", POSITION]]
    return line_format.encode({"seq": seq, "ops": ops, "history": []})


def _in_a_note(seq: int) -> bytes:
    """An annotations put whose note quotes a position record's JSON."""
    text = line_format.encode({"seq": 9, "ops": [["positions", "1", POSITION]], "history": []})
    document = {"note": text.decode(), "key": ["alice", OLD.id, 2]}
    return line_format.encode({"seq": seq, "ops": [["annotations", "99", document]], "history": []})


LOOKALIKES: dict[str, Callable[[int], bytes]] = {
    "a note quoting one": _in_a_note,
    "another key in the record": lambda seq: position_line(seq, {**POSITION, "note": "x"}),
    "an index that is a string": lambda seq: position_line(seq, {**POSITION, "index": "2"}),
    "an index that is a boolean": lambda seq: position_line(seq, {**POSITION, "index": True}),
    "an annotator that is not text": lambda seq: position_line(seq, {**POSITION, "annotator": 1}),
    "a history record": lambda seq: position_line(seq, history=[{"id": 1}]),
    "another table": lambda seq: line_format.encode(
        {"seq": seq, "ops": [["articles", "1", POSITION]], "history": []}
    ),
    "two puts": _other_ops,
    "a staged line": lambda seq: position_line(seq, staged=True),
    "a start mark as well": lambda seq: position_line(seq, start=True),
    "a number skipped": lambda seq: position_line(seq + 1),
    "a number repeated": lambda seq: position_line(seq - 1),
    "a checksum that fails": lambda seq: b"00000000" + position_line(seq)[8:],
    "torn (no newline)": lambda seq: position_line(seq)[:-1],
    "cut short": lambda seq: position_line(seq)[:-5] + b"\n",
}


@pytest.mark.parametrize("name", list(LOOKALIKES))
def test_a_line_that_only_looks_like_a_position_moves_the_token(
    database: Path, kept: FileKept, name: str
) -> None:
    before = kept.token()
    appended(database, LOOKALIKES[name](last_seq(database) + 1))
    assert kept.token() != before


def test_a_position_after_an_import_s_staged_lines_moves_the_token(
    database: Path, kept: FileKept
) -> None:
    """A line that is not staged commits the staged lines before it: the import counts."""
    seq = last_seq(database)
    staged = {"seq": seq + 1, "staged": True, "ops": [["ledger", "1", DECISION]]}
    appended(database, line_format.encode({**staged, "history": []}))
    uncommitted, dropped = kept.token(), content(database)
    appended(database, position_line(seq + 2))
    assert kept.token() != uncommitted
    assert content(database) != dropped, "the import now counts"


def test_positions_followed_by_another_line_are_hashed(database: Path, kept: FileKept) -> None:
    """Only the positions ending the journal are left out: the lines after one are
    numbered after it, so without it the journal would have a gap."""
    seq = last_seq(database)
    decision = {"seq": seq + 2, "ops": [["ledger", "9", DECISION]], "history": []}
    tokens = set()
    for index in (2, 7):
        kept_journal = journal_path(database).read_bytes()
        appended(database, position_line(seq + 1, {**POSITION, "index": index}))
        appended(database, line_format.encode(decision))
        tokens.add(kept.token())
        journal_path(database).write_bytes(kept_journal)
    assert len(tokens) == 2


def test_the_first_writer_open_after_a_session_leaves_the_token(
    database: Path, kept: FileKept
) -> None:
    """The session's end compacts and starts a journal whose start mark FILE.lock does
    not record yet; the next writer records it at open."""
    with AnnotationStore.open(database, annotator="alice") as store:
        store.save(annotate(OLD, 0, "alice"))
    at_quit, saved_at_quit = kept.token(), recorded_saved(database)
    with AnnotationStore.open(database, annotator="alice"):
        assert recorded_saved(database) != saved_at_quit
        assert kept.token() == at_quit
    assert kept.token() == at_quit, "nothing written: nothing compacted"


def test_a_session_spent_reading_leaves_the_token_at_its_end(
    database: Path, kept: FileKept
) -> None:
    """A journal of nothing but positions is not folded at close: the snapshot stays,
    the token too, and the next session still finds where the analyst was."""
    before, snapshot = kept.token(), database.read_bytes()
    for index in (2, 5):
        with AnnotationStore.open(database, annotator="alice") as store:
            store.set_position(OLD.id, index)
            store.set_position(OLD.id, index + 1)
        assert kept.token() == before
        assert database.read_bytes() == snapshot
        with AnnotationStore.open(database, annotator="alice", read_only=True) as reader:
            assert reader.position() == (OLD.id, index + 1)
    with AnnotationStore.open(database, annotator="alice") as store:
        store.save(annotate(OLD, 0, "alice"))
    assert database.read_bytes() != snapshot, "content: folded at close"
    assert len(journal_lines(database)) == 1, "the journal holds its start mark only"


def test_a_session_left_short_keeps_its_token_at_its_end_and_after(
    database: Path, kept: FileKept
) -> None:
    """The app's end (leave_short_journal): a tagging session's short journal is left as
    it is, so the token a keeper kept under during its last pause still holds after it,
    through a next session of reading, and every change is read back."""
    snapshot = database.read_bytes()
    store = AnnotationStore.open(database, annotator="alice")
    store.leave_short_journal()
    store.save(annotate(OLD, 0, "alice"))
    store.set_position(OLD.id, 4)
    store._storage.sync()
    paused, read = kept.token(), content(database)
    store.set_position(OLD.id, 5)
    store.close()
    assert kept.token() == paused and database.read_bytes() == snapshot
    assert content(database) == read and len(read["annotations"]) == 4
    with AnnotationStore.open(database, annotator="alice") as store:
        store.leave_short_journal()
        assert store.position() == (OLD.id, 5)
        store.set_position(OLD.id, 1)
    assert kept.token() == paused, "the history still in the journal is no fold due"
    with AnnotationStore.open(database, annotator="alice") as store:
        store.set_position(OLD.id, 2)
    assert kept.token() != paused, "any other writer's end folds it, as before"
    assert content(database) == read and len(journal_lines(database)) == 1


def test_a_long_journal_is_folded_at_the_end_all_the_same(database: Path, kept: FileKept) -> None:
    """What a save would fold (longer than the compaction's threshold) is folded."""
    store = AnnotationStore.open(database, annotator="alice")
    store.leave_short_journal()
    store.save(annotate(OLD, 0, "alice"))
    store._storage._compact_at = 0  # a journal past the threshold, as at 1 MB
    before, read = kept.token(), content(database)
    store.close()
    assert kept.token() != before and len(journal_lines(database)) == 1
    assert content(database) == read


def test_a_copy_without_its_lock_file_keeps_its_token(database: Path, kept: FileKept) -> None:
    """No record is no check: the same open as a record within the journal."""
    token = kept.token()
    lock_path(database).unlink()
    assert kept.token() == token
    AnnotationStore.open(database, annotator="alice").close()
    assert recorded_saved(database) is not None
    assert kept.token() == token


def test_an_older_copy_put_back_never_has_the_copy_s_token(
    database: Path, kept: FileKept, tmp_path: Path
) -> None:
    """What FILE.lock's record is for: the copy is refused, so its token differs from
    the one the copy had (a summary kept then is not served in place of the refusal)."""
    copy = tmp_path / "copy"
    copy.mkdir()
    names = [f.name for f in database.parent.iterdir() if f.name.startswith(database.name)]
    for name in names:
        if not name.endswith(".lock"):
            shutil.copyfile(database.parent / name, copy / name)
    old = kept.token()
    with AnnotationStore.open(database, annotator="alice") as store:
        store.save(annotate(OLD, 0, "alice"))
    for name in names:
        if not name.endswith(".lock"):
            shutil.copyfile(copy / name, database.parent / name)
    assert kept.token() != old
    with pytest.raises(CorruptDatabaseError, match="missing from its end"):
        AnnotationStore.open(database, annotator="alice", read_only=True)


def test_a_record_beyond_the_journal_is_hashed_as_it_is(database: Path, kept: FileKept) -> None:
    within, lock, seq = kept.token(), lock_path(database), last_seq(database)
    tokens = {within}
    for ahead in (1, 2):
        lock.write_bytes(b"1\n" + saved_line(seq + ahead))
        tokens.add(kept.token())
    assert len(tokens) == 3
    lock.write_bytes(b"1\n" + saved_line(seq - 1))
    assert kept.token() == within


def test_nothing_is_kept_where_positions_decide_whether_the_database_opens(
    database: Path, kept: FileKept
) -> None:
    """Files put together by hand: a snapshot holding a number the journal reaches only
    through a position record. Cut that record and the database is refused, with the
    same token: so nothing is kept under it."""
    seq = last_seq(database)
    appended(database, position_line(seq + 1))
    snapshot = load_snapshot(database)
    assert snapshot is not None
    snapshot.tables["meta"]["1"]["journal_seq"] = seq + 1
    write_snapshot(database, snapshot.tables)
    content(database)  # it opens
    token = kept.token()
    assert not kept.put("k", b"summary", token)
    assert kept.get("k") is None
    journal_path(database).write_bytes(b"".join(journal_lines(database)[:-1]))
    assert kept.token() == token
    with pytest.raises(CorruptDatabaseError):
        content(database)


def test_a_summary_kept_during_a_session_stays_while_the_analyst_reads(
    database: Path, kept: FileKept
) -> None:
    with AnnotationStore.open(database, annotator="alice") as store:
        store.set_position(OLD.id, 4)
        token = kept.token()
        assert kept.put("k", b"summary", token)
        store.set_position(OLD.id, 5)
        store._storage.sync()
        assert kept.token() == token
        assert kept.get("k") == b"summary"


ACTIONS = st.lists(
    st.one_of(
        st.tuples(st.just("move"), st.integers(0, 5)),
        st.tuples(st.just("tag"), st.integers(0, 5)),
        st.tuples(st.just("sync"), st.just(0)),
    ),
    max_size=10,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(actions=ACTIONS)
def test_the_token_moves_exactly_when_the_content_does(
    tmp_path_factory: pytest.TempPathFactory, actions: list[tuple[str, int]]
) -> None:
    """Any mix of moves, tags and syncs in one session: equal tokens read equal content,
    and only a tag that changed something moves it."""
    path = tmp_path_factory.mktemp("db") / "annotations.json"
    with AnnotationStore.open(path, annotator="alice") as store:
        store.save(annotate(OLD, 0, "alice"))
    seen: dict[str, dict[str, Any]] = {}
    with FileKept(path) as kept, AnnotationStore.open(path, annotator="alice") as store:
        token, read = kept.token(), content(path)
        seen[token] = read
        for action, index in actions:
            if action == "move":
                store.set_position(OLD.id, index)
            elif action == "tag":
                store.save(annotate(OLD, index, "alice").toggled("denial"))
            else:
                store._storage.sync()
            now, read_now = kept.token(), content(path)
            assert (now == token) == (read_now == read)
            assert seen.setdefault(now, read_now) == read_now
            token, read = now, read_now
