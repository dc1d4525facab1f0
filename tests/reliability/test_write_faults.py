"""A full disk or a read-only directory while the app tags: "not saved", nothing lost.

Through the real app (Pilot): tags are saved, then the disk fails (see faults.py); the
next tag keys must show the failure in the annotation panel, leave the store exactly as
it was, and not move on; moving to another sentence must not bring the app down; once
the disk recovers, tagging works again; and after reopening, the database holds
everything saved before and after, and nothing that was refused.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import store.journal
from store import AnnotationStore
from workbench.core.corpus.articles import Corpus, load_corpus
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.annotate import AnnotateScreen
from workbench.tui.widgets.annotation_panel import AnnotationPanel

from .faults import FAULTS, NO_NEW_FILES, UNDOABLE, Fault, Injector
from .helpers import copy_database, database_files

SIZE = (100, 30)
Tagged = dict[int, tuple[str, ...]]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus()


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "db" / "annotations.json"


@pytest.fixture
def injector(monkeypatch: pytest.MonkeyPatch, database: Path) -> Iterator[Injector]:
    database.parent.mkdir()
    with monkeypatch.context() as patch:
        yield Injector(patch, database.parent)


def tagged(store: AnnotationStore, article_id: str) -> Tagged:
    return {index: a.tags for index, a in store.for_article(article_id).items()}


def panel_of(app: WorkbenchApp) -> AnnotationPanel:
    assert isinstance(app.screen, AnnotateScreen), f"the app left the annotate screen: {app.screen}"
    return app.screen.query_one(AnnotationPanel)


def sentence_number(app: WorkbenchApp) -> int:
    assert app.session is not None
    return app.session.place.sentence


@pytest.mark.parametrize("fault", FAULTS, ids=lambda fault: fault.name)
async def test_a_failed_write_is_reported_and_nothing_is_lost(
    fault: Fault,
    corpus: Corpus,
    database: Path,
    injector: Injector,
    tmp_path: Path,
    figures: Counter[str],
    deadline: Callable[[float], None],
) -> None:
    deadline(60)
    article = corpus.articles[0].id
    with AnnotationStore.open(database, annotator="tester") as store:
        app = WorkbenchApp(store, corpus=corpus, keymap={})
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("c", "j", "a")
            assert panel_of(app).saved and not panel_of(app).error
            before = tagged(store, article)
            assert before == {0: ("claim",), 1: ("attribution",)}

            injector.inject(fault)
            await pilot.press("d")  # toggles on an existing annotation
            panel = panel_of(app)
            assert panel.error.startswith(f"not saved: {fault.reason}"), panel.error
            assert panel.annotation is not None and panel.annotation.tags == ("attribution",)
            await pilot.press("C")  # tag-and-advance must not advance
            assert panel_of(app).error.startswith("not saved"), panel_of(app).error
            assert panel_of(app).annotation == panel.annotation
            assert sentence_number(app) == 1
            await pilot.press("x", "c")  # clearing, toggling: refused too
            assert panel_of(app).error.startswith("not saved"), panel_of(app).error
            assert tagged(store, article) == before
            assert len(store.history()) == 2
            figures["write faults: refused writes reported"] += injector.failures > 0

            injector.lift()
            await pilot.press("j", "c")
            assert panel_of(app).saved and not panel_of(app).error
            assert tagged(store, article) == {**before, 2: ("claim",)}
    with AnnotationStore.open(copy_database(database, tmp_path / "after"), "tester") as reopened:
        assert tagged(reopened, article) == {**before, 2: ("claim",)}
        assert [change.after.tags for change in reopened.history() if change.after] == [
            ("claim",),
            ("attribution",),
            ("claim",),
        ]
    figures["write faults: scenarios verified after reopening"] += 1


async def test_when_a_failed_write_cannot_be_undone_the_app_stops_writing(
    corpus: Corpus,
    database: Path,
    injector: Injector,
    tmp_path: Path,
    figures: Counter[str],
    deadline: Callable[[float], None],
) -> None:
    deadline(60)
    article = corpus.articles[0].id
    with AnnotationStore.open(database, annotator="tester") as store:
        app = WorkbenchApp(store, corpus=corpus, keymap={})
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("c")
            injector.inject(UNDOABLE)
            await pilot.press("a")
            assert panel_of(app).error.startswith("not saved"), panel_of(app).error
            injector.lift()
            saved_bytes = database_files(database)
            await pilot.press("d")
            assert "read-only until it is reopened" in panel_of(app).error, panel_of(app).error
            assert tagged(store, article) == {0: ("claim",)}
            assert database_files(database) == saved_bytes
    with AnnotationStore.open(copy_database(database, tmp_path / "after"), "tester") as reopened:
        assert tagged(reopened, article) == {0: ("claim",)}
    figures["write faults: scenarios verified after reopening"] += 1


@pytest.mark.parametrize("fault", FAULTS[:1] + FAULTS[3:], ids=lambda fault: fault.name)
async def test_moving_while_the_disk_fails_keeps_the_app_running(
    fault: Fault,
    corpus: Corpus,
    database: Path,
    injector: Injector,
    deadline: Callable[[float], None],
) -> None:
    """Moving records the position (a write): losing it must not take the app down."""
    deadline(60)
    with AnnotationStore.open(database, annotator="tester") as store:
        app = WorkbenchApp(store, corpus=corpus, keymap={})
        async with app.run_test(size=SIZE) as pilot:
            injector.inject(fault)
            await pilot.press("j", "j", "k")
            assert app.is_running and isinstance(app.screen, AnnotateScreen)
            assert sentence_number(app) == 1
            injector.lift()
            await pilot.press("c")
            assert panel_of(app).saved and not panel_of(app).error
        assert tagged(store, corpus.articles[0].id) == {1: ("claim",)}


async def test_a_compaction_that_cannot_make_its_files_keeps_the_app_and_every_tag(
    corpus: Corpus,
    database: Path,
    injector: Injector,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    figures: Counter[str],
    deadline: Callable[[float], None],
) -> None:
    """The tag is durable in the journal; folding it into a new snapshot fails. That must
    be postponed (a warning), neither reported as a lost tag nor crash the app."""
    deadline(60)
    monkeypatch.setattr(store.journal, "MIN_COMPACTION_BYTES", 1)  # compact on every write
    article = corpus.articles[0].id
    opened = AnnotationStore.open(database, annotator="tester")
    app = WorkbenchApp(opened, corpus=corpus, keymap={})
    async with app.run_test(size=SIZE) as pilot:
        injector.inject(NO_NEW_FILES)
        await pilot.press("c", "j", "a")
        assert panel_of(app).saved and not panel_of(app).error, panel_of(app).error
        assert tagged(opened, article) == {0: ("claim",), 1: ("attribution",)}
    opened.close()  # compacting on close fails too: best effort, never an exception
    injector.lift()
    assert any(NO_NEW_FILES.reason in warning for warning in opened.warnings), opened.warnings
    with AnnotationStore.open(copy_database(database, tmp_path / "after"), "tester") as reopened:
        assert tagged(reopened, article) == {0: ("claim",), 1: ("attribution",)}
    figures["write faults: scenarios verified after reopening"] += 1


@pytest.mark.parametrize("removed", ["the database's files", "its folder"])
async def test_files_removed_while_open_are_never_shown_as_saved(
    removed: str, corpus: Corpus, database: Path, injector: Injector
) -> None:
    """qa5 Q19: with the database's files deleted from outside (a cleanup script, a
    slip), the next tags showed "● saved" into an unlinked journal, and were gone at
    quit without a word."""
    import shutil

    article = corpus.articles[0].id
    with AnnotationStore.open(database, annotator="tester") as store:
        app = WorkbenchApp(store, corpus=corpus, keymap={})
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("c")
            assert panel_of(app).saved and not panel_of(app).error
            if removed == "its folder":
                shutil.rmtree(database.parent)
            else:
                for path in database.parent.iterdir():
                    path.unlink()
            await pilot.press("j", "a")
            panel = panel_of(app)
            assert panel.error.startswith("not saved:"), panel.error
            assert "was removed or replaced while the database was open" in panel.error
            assert not panel.saved
            await pilot.press("j", "c")
            assert panel_of(app).error.startswith("not saved:"), "and every write after it"
            assert tagged(store, article) == {0: ("claim",)}
