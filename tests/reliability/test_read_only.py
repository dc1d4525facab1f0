"""Read-only commands write nothing, see every acknowledged change, and work beside a writer.

`export`, `summary`, `agree` and `annotate --read-only` open the database without the
lock. On a database left as a crash leaves it (a sealed segment no compaction folded, a
journal of changes, a torn last line), each must leave every file byte for byte as it
was, still see every change, and name the torn line on stderr. While the real app holds
the database, `export` must include a tag the app saved a moment before; and while a
writer compacts in the background again and again, every read-only open must succeed
and hold every write acknowledged before it began.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from store import AnnotationStore
from workbench.cli.main import main
from workbench.core.annotation import Anchor, Annotation
from workbench.core.corpus.articles import Corpus, load_corpus
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.annotate import AnnotateScreen
from workbench.tui.widgets.annotation_panel import AnnotationPanel

from .helpers import app_holding, copy_database, database_files

TORN = b'0badc0de {"ops":[["annotations","9",{"note":"half'


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus()


def annotation(corpus: Corpus, index: int, note: str) -> Annotation:
    article = corpus.articles[0]
    sentence = article.sentences[index]
    anchor = Anchor.in_text(
        article.id, article.sha256, article.text, index, sentence.start, sentence.end
    )
    return Annotation.new(anchor, "alice", tags=("claim",), note=note)


def crashed_database(corpus: Corpus, folder: Path) -> tuple[Path, list[str]]:
    """A database as a kill in the middle of a session leaves it: a snapshot and its
    history, a sealed segment that no compaction folded, a journal of changes, and half a
    line at its end. Returns its path and the notes of every annotation it holds."""
    original = folder / "original" / "annotations.json"
    with AnnotationStore.open(original, annotator="alice") as opened:
        notes = [opened.save(annotation(corpus, i, f"snapshot {i}")).note for i in range(3)]
    opened = AnnotationStore.open(original, annotator="alice")
    notes += [opened.save(annotation(corpus, i, f"segment {i}")).note for i in range(3, 5)]
    opened._storage.begin_compaction()  # sealed, never run: as a kill in a compaction leaves it
    notes += [opened.save(annotation(corpus, i, f"journal {i}")).note for i in range(5, 7)]
    opened.set_position(corpus.articles[0].id, 6)
    database = copy_database(original, folder / "crashed")
    opened.close()
    with database.with_name(database.name + ".journal").open("ab") as journal:
        journal.write(TORN)
    return database, notes


def run(capsys: pytest.CaptureFixture[str], *arguments: str | Path) -> tuple[int, str, str]:
    code = main([str(argument) for argument in arguments])
    out, err = capsys.readouterr()
    return code, out, err


def test_read_only_commands_change_no_byte_and_see_every_change(
    corpus: Corpus,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    figures: Counter[str],
) -> None:
    database, notes = crashed_database(corpus, tmp_path)
    journal = database.with_name(database.name + ".journal")
    exported = tmp_path / "out" / "export.json"
    exported.parent.mkdir()
    commands: list[list[str | Path]] = [
        ["export", "--db", database],
        ["export", "--db", database, "--history", "-o", exported],
        ["export", "--db", database, "--format", "jsonl"],
        ["summary", "--db", database, "--format", "json"],
        ["summary", "--db", database, "-o", tmp_path / "out" / "summary.md"],
        ["export", "--db", database, "-o", tmp_path / "out" / "again.json"],
        ["agree", exported, tmp_path / "out" / "again.json"],
    ]
    before = database_files(database)
    for command in commands:
        code, _out, err = run(capsys, *command)
        assert code == 0, (command, err)
        assert database_files(database) == before, f"{command[0]} changed the database"
        if command[0] != "agree":
            assert f"{journal}: dropped an incomplete last change ({len(TORN)} bytes)" in err
        figures["read-only commands: files unchanged"] += 1
    document = json.loads(exported.read_text())
    assert sorted(record["note"] for record in document["annotations"]) == sorted(notes)
    assert len(document["history"]) == len(notes)


async def test_annotate_read_only_refuses_every_edit_visibly(
    corpus: Corpus, tmp_path: Path, figures: Counter[str]
) -> None:
    database, _notes = crashed_database(corpus, tmp_path)
    before = database_files(database)
    store = AnnotationStore.open(database, annotator="alice", read_only=True)
    app = WorkbenchApp(store, corpus=corpus, keymap={})
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AnnotateScreen)
        panel = screen.query_one(AnnotationPanel)
        assert app.session is not None and app.session.place.sentence == 6, "position restored"
        notices = [notice.message for notice in app._notifications]
        assert any("dropped an incomplete last change" in notice for notice in notices)
        for keys in (["c"], ["x"], ["C"], ["j", "d"], ["u"], ["ctrl+r"]):
            await pilot.press(*keys)
            assert "read-only" in (panel.error or screen.last_error), (keys, panel.error)
            figures["read-only commands: edits refused in annotate --read-only"] += 1
        assert app.store.get(corpus.articles[0].id, 6) is not None
        assert "read-only" in str(screen.query_one("#title-line").render())
    store.close()
    assert database_files(database) == before


@pytest.fixture
def tagging_app(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen[str], str]]:
    """The real app holding a database, after tagging one sentence: (database, process,
    the "ack ARTICLE INDEX claim" line it printed once the tag was saved)."""
    database = tmp_path / "db" / "annotations.json"
    database.parent.mkdir()
    with app_holding(database, "--tag-and-hold") as (child, printed):
        (ack,) = printed
        assert ack.startswith("ack "), printed
        yield database, child, ack


def test_export_during_a_live_session_includes_the_tag_saved_a_moment_before(
    tagging_app: tuple[Path, subprocess.Popen[str], str],
    tmp_path: Path,
    figures: Counter[str],
    deadline: Callable[[float], None],
) -> None:
    deadline(300)
    database, child, ack = tagging_app
    _, article_id, index, _ = ack.split(" ")
    environment = {**os.environ, "WORKBENCH_ANNOTATOR": "second"}
    before = database_files(database)
    # `summary` is one analyst's by default: every analyst's here, as export is
    commands = (
        ["export"],
        ["export", "-o", str(tmp_path / "x.json")],
        ["summary", "--annotator", "all"],
    )
    for command in commands:
        result = subprocess.run(
            [sys.executable, "-m", "workbench", *command, "--db", str(database)],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            env=environment,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        assert database_files(database) == before, f"{command} changed the held database"
        figures["read-only commands: run beside the app holding the database"] += 1
    document = json.loads((tmp_path / "x.json").read_text())
    tagged = [(a["article_id"], a["index"], a["tags"]) for a in document["annotations"]]
    assert tagged == [(article_id, int(index), ["claim"])]
    assert child.poll() is None, "the app is still running"


WRITER = """
import sys
import store.journal
from store import AnnotationStore
from workbench.core.annotation import Anchor, Annotation

store.journal.MIN_COMPACTION_BYTES = 8 * 1024
TEXT = "One sentence here. " * 40
opened = AnnotationStore.open(sys.argv[1], annotator="writer")
for number in range(int(sys.argv[2])):
    index = number % 40
    anchor = Anchor.in_text(f"a{number // 40}", "0" * 64, TEXT, index, 19 * index, 19 * index + 18)
    opened.save(Annotation.new(anchor, "writer", tags=("claim",), note=str(number)))
    print(number, flush=True)
opened.close()
"""


def read_while_writing(tmp_path: Path, writes: int, figures: Counter[str]) -> None:
    """A writer saves `writes` new annotations, compacting every few saves in the
    background; meanwhile read-only opens must each succeed and hold every write
    acknowledged before the open began."""
    database = tmp_path / "annotations.json"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(database), str(writes)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None and writer.stderr is not None
    acknowledged = [-1]

    def follow() -> None:
        assert writer.stdout is not None
        for line in writer.stdout:
            acknowledged[0] = int(line)

    follower = threading.Thread(target=follow, daemon=True)
    follower.start()
    opens = 0
    while writer.poll() is None or opens == 0:
        before_open = acknowledged[0]
        if before_open < 0:
            time.sleep(0.01)
            continue
        with AnnotationStore.open(database, annotator="reader", read_only=True) as reader:
            notes = {int(a.note) for a in reader.all("writer")}
            assert reader.warnings == [], reader.warnings
        missing = set(range(before_open + 1)) - notes
        assert not missing, f"a read-only open missed acknowledged writes {sorted(missing)[:5]}"
        opens += 1
    follower.join(timeout=30)
    assert writer.wait(timeout=30) == 0, writer.stderr.read()
    writer.stdout.close()
    writer.stderr.close()
    figures["read-only commands: opens while the writer compacted"] += opens


def test_read_only_opens_while_the_writer_compacts(
    tmp_path: Path, figures: Counter[str], deadline: Callable[[float], None]
) -> None:
    deadline(120)
    read_while_writing(tmp_path, 400, figures)


@pytest.mark.stress
def test_read_only_opens_while_the_writer_compacts_at_length(
    tmp_path: Path, figures: Counter[str], deadline: Callable[[float], None]
) -> None:
    deadline(900)
    read_while_writing(tmp_path, 8000, figures)


def test_annotate_read_only_opens_the_store_read_only_and_prints_its_warnings(
    corpus: Corpus,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The command line's part: the flag reaches the store, the torn line reaches stderr
    before the screen would open, and nothing is written (the screen itself: above)."""
    database, _notes = crashed_database(corpus, tmp_path)
    before = database_files(database)
    opened: list[bool] = []

    def screen(self: WorkbenchApp) -> None:
        opened.append(self.store.read_only)

    monkeypatch.setattr(WorkbenchApp, "run", screen)
    assert main(["annotate", "--read-only", "--db", str(database)]) == 0
    assert opened == [True]
    assert "dropped an incomplete last change" in capsys.readouterr().err
    assert database_files(database) == before
