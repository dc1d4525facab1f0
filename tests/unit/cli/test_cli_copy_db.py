"""`workbench copy-db`, and the other commands on a PostgreSQL URL (--db)."""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import store.annotation_store as file_store
from store import open_store
from store.protocol import DatabaseContent
from workbench.cli.main import main
from workbench.core.annotation import ORPHANED, Anchor, Annotation

TEXT = "Officials said 40 troops left. [Mr. Putin] denied it. Nothing else happened."
SHA = hashlib.sha256(TEXT.encode()).hexdigest()
SPANS = [(0, 30), (31, 53), (54, len(TEXT))]


def annotation(index: int, annotator: str = "alice", **values: Any) -> Annotation:
    start, end = SPANS[index]
    values.setdefault("tags", ("claim",))
    return Annotation.new(
        Anchor.in_text("story", SHA, TEXT, index, start, end), annotator, **values
    )


def filled(location: str | Path) -> DatabaseContent:
    """A database with a bit of everything; its content."""
    with open_store(location, "alice") as store:
        store.remember_article("story", "A story", SHA, 3)
        first = store.save(annotation(0, source="Kim"))
        store.save(first.toggled("denial"))
        store.undo()
        store.import_annotations(
            [annotation(1, "bob"), annotation(2, anchor_state=ORPHANED, note="orphan")]
        )
        store.set_position("story", 1)
        store.save_ledger_decision({"action": "merge", "groups": ["g-1", "g-2"]})
        return store.content()


def content(location: str | Path) -> DatabaseContent:
    with open_store(location, "reader", read_only=True) as store:
        return store.content()


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_file_goes_to_a_server_and_back_losslessly(
    tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "annotations.json"
    original = filled(source)
    code, out, err = run(capsys, "copy-db", str(source), pg_url)
    assert (code, err) == (0, "")
    assert "3 annotations (1 orphaned), 5 history entries" in out
    assert "verified: the exports are identical" in out
    assert content(pg_url) == original
    back = tmp_path / "back" / "annotations.json"
    code, out, err = run(capsys, "copy-db", pg_url, str(back))
    assert (code, err) == (0, "")
    assert content(back) == original
    assert "***" in out or "@" not in pg_url  # the URL's password is never printed


def test_exports_of_the_copy_and_the_original_are_the_same(
    tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "annotations.json"
    filled(source)
    assert run(capsys, "copy-db", str(source), pg_url)[0] == 0

    def exported(database: str) -> dict[str, Any]:
        code, out, _err = run(capsys, "export", "--history", "--db", database)
        assert code == 0
        document: dict[str, Any] = json.loads(out)
        document.pop("exported_at")
        return document

    assert exported(pg_url) == exported(str(source))


def test_import_into_a_server_database_merges_as_into_a_file(
    tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "annotations.json"
    filled(source)
    export = tmp_path / "export.json"
    assert run(capsys, "export", "--db", str(source), "-o", str(export))[0] == 0
    article = tmp_path / "articles" / "story.txt"
    article.parent.mkdir()
    article.write_text(TEXT)
    for database in (str(tmp_path / "other.json"), pg_url):
        arguments = ["import", str(export), "--db", database, "--articles", str(article.parent)]
        code, out, err = run(capsys, *arguments)
        assert code == 0, err
        assert "added 3, updated 0, skipped 0" in out
        code, out, err = run(capsys, *arguments)
        assert "added 0, updated 0, skipped 3" in out


def test_the_target_must_be_empty_and_is_left_as_it_was(
    tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "annotations.json"
    filled(source)
    with open_store(pg_url, "carol") as target:
        target.save(annotation(1, "carol"))
    before = content(pg_url)
    code, out, err = run(capsys, "copy-db", str(source), pg_url)
    assert code == 1 and out == ""
    assert "not empty" in err and len(err.splitlines()) == 1
    assert content(pg_url) == before


def test_a_missing_source_or_the_same_database_twice_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "missing.json")
    code, _out, err = run(capsys, "copy-db", missing, str(tmp_path / "copy.json"))
    assert code == 1 and "no annotation database at" in err
    assert not (tmp_path / "copy.json").exists()
    code, _out, err = run(capsys, "copy-db", missing, missing)
    assert code == 1 and "both the source and the target" in err
    source = tmp_path / "db.json"
    with open_store(source, "alice") as store:
        store.save(annotation(1))
    (tmp_path / "link.json").symlink_to(source)  # said "not empty", naming no reason (fx9)
    (tmp_path / "hard.json").hardlink_to(source)
    for other in ("link.json", "hard.json"):
        code, out, err = run(capsys, "copy-db", str(source), str(tmp_path / other))
        assert (code, out) == (1, "")
        assert "under another name (a link to it): the source and the target are one" in err


def test_a_url_without_the_driver_is_one_line_saying_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in [name for name in sys.modules if name.startswith(("psycopg", "store.postgres"))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "psycopg", None)
    code, out, err = run(capsys, "export", "--db", "postgresql://desk@localhost/news")
    assert (code, out) == (1, "")
    assert (
        err == "workbench: a PostgreSQL database needs the postgres extra: "
        "pip install 'workbench[postgres]' (psycopg 3)\n"
    )


def test_a_server_written_to_while_copied_gives_a_verified_copy_of_its_read(
    tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """tr8 T10: copy-db verified the copy against the server read again, so a colleague's
    tag (or cursor move) after the copy's one consistent read made every copy of a working
    desk 'differ; do not use it'. It is verified against what it copied."""
    import workbench.cli.copy_db as copy_db

    original = filled(pg_url)
    verify = copy_db.difference

    def colleague_then_verify(copied: Any, target: Any) -> str | None:
        with open_store(pg_url, "carol") as colleague:
            colleague.save(annotation(2, "carol"))
        return verify(copied, target)

    monkeypatch.setattr(copy_db, "difference", colleague_then_verify)
    home = tmp_path / "home.json"
    code, out, err = run(capsys, "copy-db", pg_url, str(home))
    assert (code, err) == (0, ""), err
    assert "verified" in out
    assert content(home) == original


def test_a_refused_copy_leaves_every_file_of_the_target_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """tr8 T11: "not empty" was decided after a writer's open of the target, which had
    folded its journal and cut a torn tail: a refused command rewrote the database."""
    source = tmp_path / "annotations.json"
    filled(source)
    target = tmp_path / "target" / "db.json"
    with open_store(target, "carol") as store:
        store.save(annotation(1, "carol"))
    journal = target.with_name("db.json.journal")
    if not journal.exists():  # closing folded it: write one more line, left unfolded
        with open_store(target, "carol") as store:
            store.save(annotation(2, "carol"))
    with journal.open("ab") as handle:
        handle.write(b'{"seq": 99, "torn')  # what a kill -9 mid-line leaves
    before = {path.name: path.read_bytes() for path in target.parent.iterdir()}
    code, out, err = run(capsys, "copy-db", str(source), str(target))
    assert code == 1 and out == "" and "is not empty" in err
    assert {path.name: path.read_bytes() for path in target.parent.iterdir()} == before


@pytest.mark.parametrize(
    "source_kind", ["file", pytest.param("server", marks=pytest.mark.pg_server)]
)
def test_a_fault_on_the_restore_path_is_never_called_verified(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    source_kind: str,
) -> None:
    """rv8 R7: compared with a second restore of the same content, a copy missing what
    the restore dropped was 'verified'. The content read back must be the one copied."""
    from dataclasses import replace

    import store.annotation_store as annotation_store

    source: str | Path = tmp_path / "annotations.json"
    if source_kind == "server":
        source = request.getfixturevalue("pg_url")
    filled(source)
    real = annotation_store.content_lines

    def dropping(content: DatabaseContent, *rest: Any) -> Any:  # the last one not written
        return real(replace(content, annotations=content.annotations[:-1]), *rest)

    monkeypatch.setattr(annotation_store, "content_lines", dropping)
    code, out, err = run(capsys, "copy-db", str(source), str(tmp_path / "copy.json"))
    assert (code, out) == (1, "")
    assert "differs" in err and "do not use it" in err


def old_database(source: Path) -> None:
    """A file database holding U+0000 in a note and an orphan's source."""
    with open_store(source, "alice") as store:
        store.save(annotation(1, source="Kim"))
        store.save(annotation(0, note="nul\x00here"))
        store.import_annotations([annotation(2, anchor_state=ORPHANED, source="x\x00")])


def test_copy_db_to_a_server_names_a_record_holding_a_nul_character(
    tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """tr8 T3: an old file database's note holding U+0000 failed the copy with "PostgreSQL
    text fields cannot contain NUL (0x00) bytes", naming no record. Edited, it copies,
    its history (JSON on the server) still holding the old note."""
    source = tmp_path / "annotations.json"
    with monkeypatch.context() as old_workbench:  # one that took a NUL (no store does now)
        old_workbench.setattr(file_store, "refuse_unholdable_annotation", lambda *_: None)
        old_database(source)
    code, out, err = run(capsys, "copy-db", str(source), pg_url)
    assert (code, out) == (1, "")
    assert err.startswith(
        f"workbench: {source}: the annotation of 'alice' on article 'story', sentence 1: its "
        "note holds a NUL character (U+0000), which the team store (PostgreSQL) cannot hold; "
        "edit it there (it shows as ␀), then copy again (nothing was copied to "
    )
    with open_store(source, "alice") as store:
        held = store.get("story", 0)
        assert held is not None
        store.save(held.changed(note="edited"))
    code, out, err = run(capsys, "copy-db", str(source), pg_url)
    assert code == 1 and "the orphaned annotation of 'alice' on article 'story', once " in err
    assert "sentence 3: its source holds a NUL character" in err
    with open_store(source, "alice") as store:
        (orphan,) = store.orphans()
        store.delete_orphan(orphan)
    code, out, err = run(capsys, "copy-db", str(source), pg_url)
    assert (code, err) == (0, "")
    assert content(pg_url) == content(source)
    with open_store(pg_url, "alice") as server:  # the history's NUL is no obstacle to reading it
        assert server.import_annotations([orphan]).older == 1


def test_copy_db_to_a_server_names_a_record_it_cannot_hold(
    tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """tr9 T13, tr8 T3's second case: an old file database's article id too long for the
    server's index, or a sentence index past its integers (here only in the history, the
    annotation since deleted), failed the copy in PostgreSQL's words, naming no record.
    It is named before the target is opened; a database without one copies."""
    long_id = "story-" + "x" * 1994
    old, history_only, fine = (tmp_path / name / "annotations.json" for name in "abc")
    with monkeypatch.context() as old_workbench:  # one that took them (no store does now)
        old_workbench.setattr(file_store, "refuse_unholdable_annotation", lambda *_: None)
        old_workbench.setattr(file_store, "refuse_unholdable", lambda *_: None)
        with open_store(old, "alice") as store:
            store.save(annotation(0))
            store.remember_article(long_id, "A long one", SHA, 3)
        with open_store(history_only, "alice") as store:
            gone = store.save(replace(annotation(1), index=2**31))
            store.save(gone.toggled("claim"))
    code, out, err = run(capsys, "copy-db", str(old), pg_url)
    assert (code, out) == (1, "")
    assert err.startswith(
        f"workbench: {old}: the remembered article 'story-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'… "
        "(2,000 characters): its article_id is 2,000 bytes long (UTF-8), longer than the team "
        "store (PostgreSQL) can hold in an id or name (1,000 bytes at most); the team store "
        "cannot take it: keep this database in a file (nothing was copied to "
    )
    code, out, err = run(capsys, "copy-db", str(history_only), pg_url)
    assert (code, out) == (1, "")
    assert "history record 1: its sentence index 2147483648 is more than the team store" in err
    filled(fine)
    code, out, err = run(capsys, "copy-db", str(fine), pg_url)
    assert (code, err) == (0, "")  # the server was left empty
    assert content(pg_url) == content(fine)
