"""A report is never written over the database or one of its files (qa4 Q8)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from store_helpers import MakeAnnotation

from store import AnnotationStore, StoreError, own_file_refusal
from store.errors import CompanionFileError, LinkedFileError, NotADatabaseError
from store.own_files import database_file_named
from store.repair import repair
from workbench.cli.main import main

COMPANIONS = [
    "journal",
    "journal.next",
    "journal.12",
    "history",
    "lock",
    "repairing",
    "readings",
    "readings.tail",
    "readings.sealed",
    "kept",
    "v2.bak",
    "damaged-20261130T1500.journal",
]


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "annotations.json"
    with AnnotationStore.open(path, annotator="ana"):
        pass
    return path


def test_the_database_itself_by_any_spelling(database: Path, tmp_path: Path) -> None:
    assert database_file_named(database, database) == database
    assert database_file_named(database, tmp_path / "sub" / ".." / database.name) == database
    link = tmp_path / "link.json"
    link.symlink_to(database)
    assert database_file_named(database, link) == database
    assert database_file_named(link, database) == database  # the database named by its link


@pytest.mark.parametrize("companion", COMPANIONS)
def test_every_companion_even_before_it_exists(database: Path, companion: str) -> None:
    target = database.with_name(f"{database.name}.{companion}")
    assert database_file_named(database, target) == target


def test_a_hard_link_to_one_of_its_files(database: Path, tmp_path: Path) -> None:
    history = database.with_name(database.name + ".history")
    history.write_text("")
    other = tmp_path / "elsewhere" / "copy-of-history"
    other.parent.mkdir()
    os.link(history, other)
    assert database_file_named(database, other) == history


@pytest.mark.parametrize(
    "name", ["annotations.json.md", "annotations.md", "report.json", "annotations.json.journal.x"]
)
def test_files_that_only_look_alike_may_be_written(database: Path, name: str) -> None:
    assert database_file_named(database, database.with_name(name)) is None


def test_a_server_database_has_no_files_here(tmp_path: Path) -> None:
    assert own_file_refusal("postgresql://host/db", tmp_path / "db") is None


def test_the_refusal_names_the_target_and_the_file(database: Path) -> None:
    journal = database.with_name(database.name + ".journal")
    said = own_file_refusal(database, journal)
    assert said is not None
    assert said.startswith(f"{journal} is a file of the database ({journal})")
    assert "the database (" in (own_file_refusal(database, database) or "")


def test_another_workbench_database_is_refused_too(database: Path, tmp_path: Path) -> None:
    """rv5 R4: `summary --db team.json -o personal.json` replaced the analyst's own."""
    personal = tmp_path / "personal.json"
    with AnnotationStore.open(personal, annotator="ana"):
        pass
    for target in (personal, personal.with_name("personal.json.journal")):
        said = own_file_refusal(database, target)
        assert said is not None and f"workbench database {personal}" in said
    bare = tmp_path / "copied" / "snapshot.json"  # a snapshot copied alone
    bare.parent.mkdir()
    bare.write_bytes(personal.read_bytes())
    assert own_file_refusal(database, bare) is not None
    export = tmp_path / "export.json"
    export.write_text('{"schema_version": 3, "annotations": []}')
    assert own_file_refusal(database, export) is None
    assert own_file_refusal(database, tmp_path / "new-report.md") is None


@pytest.mark.parametrize("companion", COMPANIONS)
def test_a_databases_file_is_never_opened_or_repaired_as_a_database(
    database: Path, companion: str, make: MakeAnnotation
) -> None:
    """qa5 Q16: `repair --db FILE.journal` (as the open of that path advised) moved the
    journal aside and wrote an empty database in its place: the saved tags were lost."""
    with AnnotationStore.open(database, annotator="ana") as store:
        store.save(make())
    named = database.with_name(f"{database.name}.{companion}")  # there or not
    before = {p.name: p.read_bytes() for p in database.parent.iterdir() if p.is_file()}
    for attempt in (
        lambda: AnnotationStore.open(named, annotator="ana"),
        lambda: AnnotationStore.open(named, annotator="ana", read_only=True),
        lambda: repair(named),
    ):
        with pytest.raises(CompanionFileError, match=f"give --db {database}"):
            attempt()
    after = {p.name: p.read_bytes() for p in database.parent.iterdir() if p.is_file()}
    assert after == before, "nothing moved, written or created"
    with AnnotationStore.open(database, annotator="ana", read_only=True) as store:
        assert store.count() == 1


def test_the_cli_names_the_database_to_give(
    database: Path, make: MakeAnnotation, capsys: pytest.CaptureFixture[str]
) -> None:
    with AnnotationStore.open(database, annotator="ana") as store:
        store.save(make())
    journal = f"{database}.journal"
    for argv in (
        ["repair", "--db", journal],
        ["export", "--db", journal],
        ["copy-db", str(database), f"{database}.history"],
    ):
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert "of the workbench database" in err and f"give --db {database}" in err, err


@pytest.mark.parametrize("companion", ["journal", "journal.next", "journal.12", "history"])
def test_a_file_of_record_that_is_a_link_refuses_every_open_and_repair(
    database: Path, tmp_path: Path, companion: str
) -> None:
    """tr7 T1: a link planted at FILE.journal was read as a damaged journal (and repair
    advised); at FILE.history repair said "opens without damage". Nothing is read or
    written through it, and the refusal names the link."""
    victim = tmp_path / "notes.txt"
    victim.write_text("precious\n")
    link = database.with_name(f"{database.name}.{companion}")
    if link.exists():
        link.unlink()
    link.symlink_to(victim)
    for read_only in (False, True):
        with pytest.raises(LinkedFileError, match=f"{link.name} is a symbolic link"):
            AnnotationStore.open(database, annotator="ana", read_only=read_only)
    with pytest.raises(LinkedFileError):
        repair(database)
    assert victim.read_text() == "precious\n" and link.is_symlink()


NOT_DATABASES = [
    ("kursk.txt", b"Troops sent to Kursk\nThe ministry said 3,000.\n", "it is not a JSON object"),
    ("report.md", b"# Fact-checking summary\n", "it is not a JSON object"),
    ("list.json", b"[1, 2]", "it is not a JSON object"),
    (
        "export.json",
        b'{"schema_version": 3, "exported_at": "x", "articles": [], "annotations": []}',
        "it is a workbench export): import it with `workbench import",
    ),
    ("other.json", b'{"a": [1]}', "it is JSON, but not a database's tables"),
]


@pytest.mark.parametrize(("name", "content", "named"), NOT_DATABASES, ids=lambda v: str(v)[:12])
def test_a_file_that_is_plainly_no_database_is_refused_and_never_repaired(
    tmp_path: Path, name: str, content: bytes, named: str
) -> None:
    """qa6 Q9: an article, a report or an export given as --db was called damaged, and
    the advised repair moved it aside and wrote an empty database under its name."""
    path = tmp_path / name
    path.write_bytes(content)
    for read_only in (False, True):
        with pytest.raises(NotADatabaseError, match=re.escape(named)):
            AnnotationStore.open(path, annotator="ana", read_only=read_only)
    with pytest.raises(NotADatabaseError):
        repair(path)
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no lock, nothing moved
    assert path.read_bytes() == content


def test_a_folder_given_as_the_database_is_refused_naming_what_db_takes(tmp_path: Path) -> None:
    """qa9 Q21: `--db FOLDER` by mistake was told to "move the folder out of the way",
    which would move the analyst's work aside for a database to take its place."""
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine\n")
    named = (
        f"{folder} is not a workbench database (it is a folder): --db takes a database file "
        f"(e.g. {folder / 'annotations.json'}) or a postgresql:// URL"
    )
    for read_only in (False, True):
        with pytest.raises(NotADatabaseError) as caught:
            AnnotationStore.open(folder, annotator="ana", read_only=read_only)
        assert str(caught.value) == named
    with pytest.raises(NotADatabaseError, match="it is a folder"):
        repair(folder)
    assert [p.name for p in tmp_path.iterdir()] == ["work"]  # no lock, nothing moved
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_a_database_from_before_snapshots_and_a_new_one_still_open(tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    old.write_bytes(b'{"annotations": {}}')  # TinyDB's tables: migrated on open
    AnnotationStore.open(old, annotator="ana").close()
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    AnnotationStore.open(empty, annotator="ana").close()


@pytest.mark.parametrize("companion", ["lock", "journal", "history"])
def test_a_file_the_store_writes_in_place_that_has_a_second_name_is_not_written(
    database: Path, tmp_path: Path, make: MakeAnnotation, companion: str
) -> None:
    """tr7 T1 residue: a hard link (a `cp -al` backup tree, an `ln` by mistake) at the
    lock file had the other name's file truncated to a pid, and one at the readings
    tail or journal grew it; O_NOFOLLOW stops links by name only."""
    with AnnotationStore.open(database, annotator="ana") as store:
        store.save(make(index=0))
    own = database.with_name(f"{database.name}.{companion}")
    victim = tmp_path / "notes.txt"
    os.link(own, victim)
    before = victim.read_bytes()

    said: list[str] = []
    try:
        with AnnotationStore.open(database, annotator="ana") as store:
            store.save(make(index=1))
        said = store.warnings  # the history is appended by the fold at close: a warning
    except StoreError as error:
        said = [str(error)]
    assert any("hard link" in line or "second name" in line for line in said), said
    assert victim.read_bytes() == before


@pytest.mark.parametrize("damaged", [1, 40], ids=["first byte", "first 40 bytes"])
def test_a_lone_snapshot_whose_first_bytes_are_damaged_is_named_damaged(
    tmp_path: Path, make: MakeAnnotation, damaged: int
) -> None:
    """rv7 R3: a snapshot copied alone (a backup restore, an attachment) with its first
    byte damaged was "not a workbench database (it is not a JSON object)" to open and
    repair alike. Its meta table near the start or its checksum at the end says what it
    is: the open names the damage and repair keeps the file aside."""
    made = tmp_path / "made" / "annotations.json"
    made.parent.mkdir()
    with AnnotationStore.open(made, annotator="ana") as store:
        store.save(make())
    lone = tmp_path / "annotations.json"
    raw = bytearray(made.read_bytes())
    raw[:damaged] = b"\x00" * damaged
    lone.write_bytes(bytes(raw))
    for read_only in (False, True):
        with pytest.raises(StoreError, match="damaged") as refused:
            AnnotationStore.open(lone, annotator="ana", read_only=read_only)
        assert not isinstance(refused.value, NotADatabaseError)
    report = repair(lone)
    assert [kept.read_bytes() for _, kept in report.moved] == [bytes(raw)]


def test_a_second_name_at_the_next_journal_is_not_written_through(
    database: Path, tmp_path: Path
) -> None:
    """tr9 T6: a hard link at FILE.journal.next had the other name's file truncated to a
    journal's start mark when the journal was sealed."""
    from store.segments import fresh_journal_path, make_fresh_journal, start_mark

    victim = tmp_path / "notes.txt"
    victim.write_text("precious user notes\n")
    os.link(victim, fresh_journal_path(database))
    fresh = make_fresh_journal(database, 9)
    assert victim.read_text() == "precious user notes\n"
    assert fresh.read_bytes() == start_mark(9) and fresh.stat().st_nlink == 1
