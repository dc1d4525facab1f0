"""Repair keeps every change it can trust and names each loss as an analyst reads it.

The cases of QA pass 1 (findings 4, 5, 13 and 14), each on a database like the one it
was found on: an analyst's snapshot of three annotations and its history, then a session
left by a crash, whose journal interleaves positions (each move is a line) with tags and
ends with a source change. Each test damages a copy, runs the real commands in process
and checks both the report and the annotations the repaired database holds.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections import Counter
from pathlib import Path

import pytest

from store import AnnotationStore
from workbench.core.annotation import Anchor, Annotation

from .helpers import Run, database_files

ARTICLE = "000_story"
TITLE = "Troops cross the border"
SENTENCES = [f"Officials said {n} units moved on day {n}." for n in range(12)]
TEXT = TITLE + "\n\n" + " ".join(SENTENCES) + "\n"
SHA = hashlib.sha256(TEXT.encode()).hexdigest()


def claim(index: int) -> Annotation:
    """The claim tag on sentence `index` (0-based; the report counts from 1)."""
    start = TEXT.index(SENTENCES[index - 1]) if index else 0
    start = TEXT.index(SENTENCES[index], start)
    anchor = Anchor.in_text(ARTICLE, SHA, TEXT, index + 1, start, start + len(SENTENCES[index]))
    return Annotation.new(anchor, "carol", tags=("claim",))


@pytest.fixture(scope="module")
def crashed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Sentences 1-3 tagged in the snapshot; then, in the journal: a move and a tag for
    each of sentences 4-9 and a source for sentence 9, and a crash (the lock file holds
    the last change saved)."""
    path = tmp_path_factory.mktemp("qa") / "db.json"
    with AnnotationStore.open(path, annotator="carol") as store:
        store.remember_article(ARTICLE, TITLE, SHA, len(SENTENCES) + 1)
        for index in range(3):
            store.save(claim(index))
    store = AnnotationStore.open(path, annotator="carol")
    for index in range(3, 9):
        store.set_position(ARTICLE, index + 1)
        store.save(claim(index))
    saved = store.get(ARTICLE, 9)
    assert saved is not None
    store.save(saved.changed(source="HeSomeone"))
    copy = path.with_name("crashed") / path.name
    copy.parent.mkdir()
    for name in database_files(path):
        shutil.copyfile(path.with_name(name), copy.with_name(name))
    store.close()
    return copy


@pytest.fixture
def db(crashed: Path, tmp_path: Path) -> Path:
    for source in crashed.parent.iterdir():
        shutil.copyfile(source, tmp_path / source.name)
    return tmp_path / crashed.name


def journal(db: Path) -> list[bytes]:
    return db.with_name(db.name + ".journal").read_bytes().splitlines(keepends=True)


def write_journal(db: Path, lines: list[bytes]) -> None:
    db.with_name(db.name + ".journal").write_bytes(b"".join(lines))


def kind(line: bytes) -> str:
    """ "start", "position", "save N" (the sentence index) or "source"."""
    payload = json.loads(line[9:])
    if payload.get("start"):
        return "start"
    table, _doc, document = payload["ops"][0]
    if table == "positions":
        return "position"
    if document.get("source"):
        return "source"
    return f"save {document['index']}"


def line_of(db: Path, wanted: str) -> int:
    """The 0-based position of the first journal line of that kind."""
    return next(n for n, line in enumerate(journal(db)) if kind(line) == wanted)


def delete_line(db: Path, wanted: str) -> tuple[int, int]:
    """Delete the first journal line of that kind: (its position, its change number)."""
    lines = journal(db)
    at = line_of(db, wanted)
    write_journal(db, lines[:at] + lines[at + 1 :])
    return at, int(json.loads(lines[at][9:])["seq"])


def repaired(run: Run, db: Path, figures: Counter[str]) -> str:
    """`workbench repair`: exit 0, every file it names exists, and the database opens
    with no warning; returns the report."""
    code, out, err = run("repair", "--db", db)
    assert (code, err) == (0, ""), out + err
    for line in out.splitlines():
        if " -> " in line:
            assert db.with_name(line.split(" -> ")[1].strip()).exists(), line
    with AnnotationStore.open(db, annotator="carol") as reopened:
        assert reopened.warnings == []
    figures["repair: reports checked against the database"] += 1
    return out


def tagged(db: Path) -> dict[int, tuple[tuple[str, ...], str | None]]:
    """Sentence index (from 0: the title is 0) -> (tags, source) of every annotation."""
    with AnnotationStore.open(db, annotator="carol", read_only=True) as store:
        return {a.index: (a.tags, a.source) for a in store.all()}


EVERY = {index + 1: (("claim",), None) for index in range(9)} | {9: (("claim",), "HeSomeone")}


def test_the_fixture_is_the_qa_database(db: Path) -> None:
    kinds = [kind(line) for line in journal(db)]
    assert kinds == ["start"] + [k for n in range(4, 10) for k in ("position", f"save {n}")] + [
        "source"
    ]
    assert tagged(db) == EVERY


def test_a_line_repeated_exactly_loses_nothing(db: Path, run: Run, figures: Counter[str]) -> None:
    """QA finding 5: repair kept 12 of 17 annotations and listed a change still there."""
    lines = journal(db)
    at = line_of(db, "save 5")
    write_journal(db, [*lines[: at + 1], lines[at], *lines[at + 1 :]])
    code, _, err = run("export", "--db", db)
    assert code == 1 and f"line {at + 2} repeats change" in err
    report = repaired(run, db, figures)
    assert f"db.json.journal line {at + 2} repeats line {at + 1} exactly" in report
    assert "Lost: nothing." in report
    assert tagged(db) == EVERY


def test_a_missing_line_that_only_moved_loses_no_annotation(
    db: Path, run: Run, figures: Counter[str]
) -> None:
    """QA finding 5: one deleted positions-only line discarded the 6 changes after it."""
    at, seq = delete_line(db, "position")
    report = repaired(run, db, figures)
    assert f"journal: change {seq} is missing before db.json.journal line {at + 1}" in report
    assert (
        f"change {seq}: no annotation was changed in it (the history records on either side "
        "follow each other): at most a position, an article seen or a ledger decision"
    ) in report
    assert tagged(db) == EVERY


def test_a_missing_tag_keeps_every_change_after_it(
    db: Path, run: Run, figures: Counter[str]
) -> None:
    _at, seq = delete_line(db, "save 6")
    report = repaired(run, db, figures)
    assert (
        f"change {seq}: 1 change(s) to annotations whose text is gone; which annotations is "
        "not known"
    ) in report
    assert tagged(db) == {n: tags for n, tags in EVERY.items() if n != 6}


def test_a_damaged_source_change_is_named_as_the_analyst_sees_it(
    db: Path, run: Run, figures: Counter[str]
) -> None:
    """QA finding 5: "line 16: unreadable (checksum mismatch)" said nothing of what was
    lost, and a source change read "(no tags)" elsewhere."""
    lines = journal(db)
    last = bytearray(lines[-1])
    digit = last.index(b'"at":"') + 8  # inside a timestamp: the text still parses
    last[digit] ^= 1
    write_journal(db, [*lines[:-1], bytes(last)])
    report = repaired(run, db, figures)
    assert f"db.json.journal line {len(lines)} (byte" in report
    assert "cannot be trusted (checksum mismatch)" in report
    assert (
        f"as far as its damaged text reads: carol's annotation on sentence 10 of "
        f'"{TITLE}" ({ARTICLE}): source "HeSomeone" (was none)'
    ) in report
    assert tagged(db) == EVERY | {9: (("claim",), None)}


def test_a_lost_snapshot_is_named_by_its_own_name(
    db: Path, run: Run, figures: Counter[str]
) -> None:
    """QA finding 5: the report named a FILE.damaged-… snapshot it never created."""
    db.unlink()
    report = repaired(run, db, figures)
    assert "  db.json (the snapshot): missing\n" in report
    assert "db.json -> " not in report  # nothing to move aside
    assert "the claim-ledger merge and split decisions" in report
    assert tagged(db) == EVERY


def test_whole_lines_cut_from_the_live_journal_are_refused_then_named(
    db: Path, run: Run, figures: Counter[str]
) -> None:
    """QA finding 14: export went on with one annotation fewer and exit 0. The lock file
    records the last change saved, so the cut is seen by every command."""
    exported = db.with_name("export.json")
    assert run("export", "--db", db, "-o", exported)[0] == 0
    lines = journal(db)
    write_journal(db, lines[:-2])
    last, saved = (json.loads(line[9:])["seq"] for line in (lines[-3], lines[-1]))
    before = database_files(db)
    for command in (["export"], ["summary"], ["import", exported]):
        code, out, err = run(*command, "--db", db)
        assert (code, out) == (1, "")
        assert (
            err.count("\n") == 1
            and (
                f"it ends at change {last}, but db.json.lock records change {saved} as saved: "
                f"changes {last + 1} to {saved} are missing from its end"
            )
            in err
        ), err
    assert database_files(db) == before
    report = repaired(run, db, figures)
    assert f"changes {last + 1} to {saved} are missing from the journal's end" in report
    assert f"changes {last + 1} to {saved}: what they held is not known" in report
    assert tagged(db) == {n: tags for n, tags in EVERY.items() if n != 9}
    assert run("export", "--db", db)[0] == 0
    figures["damage: whole lines cut from the live journal, refused"] += 1


def test_without_its_lock_file_a_cut_journal_cannot_be_seen(db: Path, run: Run) -> None:
    """The known limit (docs/RELIABILITY.md): the record of what was saved lives in the
    lock file; a copy made without it has nothing to compare the journal with."""
    write_journal(db, journal(db)[:-2])
    db.with_name(db.name + ".lock").unlink()
    code, out, _ = run("export", "--db", db)
    assert code == 0 and len(json.loads(out)["annotations"]) == len(EVERY) - 1


def history_line(db: Path, number: int) -> tuple[Path, list[bytes]]:
    history = db.with_name(db.name + ".history")
    lines = history.read_bytes().splitlines(keepends=True)
    assert len(lines) > number
    return history, lines


def test_a_damaged_history_record_is_refused_by_export_then_repaired(
    db: Path, run: Run, figures: Counter[str], tmp_path: Path
) -> None:
    """QA finding 4: export --history sent the user to repair, repair said nothing was
    wrong, and writers went on appending to the damaged history."""
    history, lines = history_line(db, 1)
    damaged = bytearray(lines[1])
    damaged[damaged.index(b'"status":"') + 1] ^= 0x02  # status -> qtatus
    history.write_bytes(lines[0] + bytes(damaged) + b"".join(lines[2:]))
    code, _, err = run("export", "--db", db, "--history")
    assert code == 1 and "db.json.history cannot be read (line 2 (byte" in err
    # A writer: the first compaction checks the history before appending to it, finds
    # the damage, says so, and appends nothing (every change stays in the journal).
    exported = tmp_path / "one.json"
    assert run("export", "--db", db, "-o", exported)[0] == 0
    data = history.read_bytes()
    code, _, err = run("import", exported, "--db", db, "--annotator", "carol")
    assert code == 0
    assert f"{history}: line 2 (byte" in err and "the history of changes cannot be" in err
    assert "nothing more is added to it until `workbench repair --db" in err
    assert history.read_bytes() == data
    report = repaired(run, db, figures)
    assert "db.json.history line 2 (byte" in report and "cannot be trusted" in report
    assert (
        "the record of 1 past change(s) (the annotations themselves are not affected)"
    ) in report
    assert f'carol\'s annotation on sentence 3 of "{TITLE}" ({ARTICLE}): made with claim' in (
        report
    )
    assert tagged(db) == EVERY
    code, out, err = run("export", "--db", db, "--history")
    assert (code, err) == (0, "")
    assert len(json.loads(out)["history"]) == len(EVERY) + 1 - 1  # every record but one
    figures["damage: history records damaged, named and repaired"] += 1


def test_a_damaged_last_history_record_is_named_on_opening(
    db: Path, run: Run, tmp_path: Path
) -> None:
    """Opening checks the last acknowledged record (one short read): every command names
    the damage; the writer still works, keeping its changes in the journal."""
    with AnnotationStore.open(db, annotator="carol") as store:
        pass  # fold the crash's journal, so the history's last record is acknowledged
    history, lines = history_line(db, 1)
    last = bytearray(lines[-1])
    last[last.index(b'"status":"') + 1] ^= 0x02
    history.write_bytes(b"".join(lines[:-1]) + bytes(last))
    code, _, err = run("export", "--db", db)
    assert code == 0
    assert "its last acknowledged record (byte" in err and "cannot be trusted" in err
    data = history.read_bytes()
    with AnnotationStore.open(db, annotator="carol") as store:
        assert any("nothing more is added to it" in warning for warning in store.warnings)
        store.delete(ARTICLE, 1)
    assert history.read_bytes() == data
    assert 1 not in tagged(db)


@pytest.mark.parametrize(
    "command",
    [
        ["export"],
        ["summary"],
        ["repair"],
        ["reanchor"],
        ["import", "file.json"],
        ["annotate"],
        ["export", "--history"],
    ],
)
def test_a_database_that_is_a_link_loop_is_named_as_one(
    tmp_path: Path, run: Run, command: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA finding 13: import sent the user to repair, repair and export said there was no
    database, and repair left a stray lock file."""
    from workbench.tui.app import WorkbenchApp

    monkeypatch.setattr(WorkbenchApp, "run", lambda self: pytest.fail("the screen opened"))
    loop = tmp_path / "loop.json"
    os.symlink("loop.json", loop)
    source = tmp_path / "source" / "db.json"
    with AnnotationStore.open(source, annotator="carol") as store:
        store.save(claim(0))
    assert run("export", "--db", source, "-o", tmp_path / "file.json")[0] == 0
    before = sorted(os.listdir(tmp_path))
    command = [str(tmp_path / part) if part == "file.json" else part for part in command]
    code, out, err = run(*command, "--db", loop)
    assert (code, out) == (1, "")
    assert err == (
        f"workbench: {loop} is a loop of symbolic links ({loop} -> loop.json): there is "
        "nothing behind it; nothing was read or created\n"
    )
    assert sorted(os.listdir(tmp_path)) == before


def test_a_saved_last_line_zeroed_at_its_end_is_not_called_never_acknowledged(
    db: Path, run: Run, figures: Counter[str]
) -> None:
    """QA pass 2: the end of the last line zeroed by the disk (its newline with it) read as
    a write cut short, "never acknowledged", beside "journal: N changes (every one)",
    though the lock file records it as saved and the report named it as lost."""
    lines = journal(db)
    saved = json.loads(lines[-1][9:])["seq"]
    lines[-1] = lines[-1][:-40] + b"\0" * 40
    write_journal(db, lines)
    report = repaired(run, db, figures)
    assert "never acknowledged" not in report and "(every one)" not in report
    assert f"a change cut short ({len(lines[-1]):,} bytes) after it was saved" in report
    assert f"change {saved}: what it held is not known" in report


# -- qa2 R2: an intact change that is only out of order is kept, in its place.


def swap_with_next(db: Path, wanted: str) -> tuple[int, int, int]:
    """Swap the first journal line of that kind with the line after it: (its position,
    its change number, the next line's change number)."""
    lines = journal(db)
    at = line_of(db, wanted)
    lines[at], lines[at + 1] = lines[at + 1], lines[at]
    write_journal(db, lines)
    return at, int(json.loads(lines[at + 1][9:])["seq"]), int(json.loads(lines[at][9:])["seq"])


@pytest.mark.parametrize("wanted", ["save 5", "save 9"])
def test_two_intact_lines_swapped_lose_nothing(
    db: Path, run: Run, figures: Counter[str], wanted: str
) -> None:
    """Change 30 after change 31, each whole: repair named change 30 lost ("whose text
    is gone") and put the annotation back as it was before it. Every change is kept, in
    the order of its number: "save 9" is followed by the source change of the same
    annotation, which must stay the last word (applied where it stands it would not)."""
    at, seq, following = swap_with_next(db, wanted)
    code, _, err = run("export", "--db", db)
    assert code == 1 and f"line {at + 1} comes after a missing change ({seq})" in err
    report = repaired(run, db, figures)
    assert (
        f"db.json.journal line {at + 2} is change {seq}, out of order after change "
        f"{following}: put back in its place, nothing lost"
    ) in report
    assert "Lost: nothing." in report
    assert tagged(db) == EVERY
