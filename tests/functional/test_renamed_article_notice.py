"""qa21 #2: an annotated file renamed opened "tagged 0/7" with no word on the annotate
screen, while `workbench summary PATH` named the rename; the app now says so at the
start, naming both files and how to carry the annotations over."""

from __future__ import annotations

from pathlib import Path

from store import AnnotationStore
from tests.fixtures.anchored import annotate, article
from workbench.core.corpus.articles import load_corpus
from workbench.tui.app import WorkbenchApp

TEXT = "Report\nThe ministry said 40 people died.\nPolice confirmed the figure.\n"


async def opening_notices(db: Path, folder: Path) -> list[str]:
    with AnnotationStore.open(db, annotator="ana") as store:
        app = WorkbenchApp(store, corpus=load_corpus([folder]), keymap={})
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            return [notification.message for notification in pilot.app._notifications]


async def test_a_renamed_article_file_is_said_at_the_start(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    with AnnotationStore.open(db, annotator="ana") as store:
        for index in (1, 2):
            store.save(annotate(article(TEXT, "030_nums"), index, "ana"))
    folder = tmp_path / "rn"
    folder.mkdir()
    (folder / "030_nums_v2.txt").write_text(TEXT, encoding="utf-8")
    said = [n for n in await opening_notices(db, folder) if "renamed" in n]
    assert len(said) == 1
    assert "2 annotation(s) (every analyst's) of 1 article(s)" in said[0]
    assert "030_nums (now 030_nums_v2)" in said[0]
    # the files as named, with their suffix: an id is no file name (rv21 #3)
    assert "rename the file back (e.g. 030_nums_v2.txt to 030_nums.txt)" in said[0]
    (folder / "030_nums_v2.txt").rename(folder / "030_nums.txt")
    assert not [n for n in await opening_notices(db, folder) if "renamed" in n]


async def test_another_article_missing_is_not_called_renamed(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    with AnnotationStore.open(db, annotator="ana") as store:
        store.save(annotate(article(TEXT, "030_nums"), 1, "ana"))
    folder = tmp_path / "other"
    folder.mkdir()
    (folder / "031_other.txt").write_text("Other\nA different story entirely.\n", encoding="utf-8")
    assert not [n for n in await opening_notices(db, folder) if "renamed" in n]
