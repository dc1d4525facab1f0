"""tr13 T2: a folder whose file names are written in another Unicode form than the
database's (a Mac's copy of the desk's folder) opened its articles untagged without a
word; the app now says so at the start, naming both spellings."""

from __future__ import annotations

from pathlib import Path

from store import AnnotationStore
from tests.fixtures.anchored import annotate, article
from workbench.core.corpus.articles import load_corpus
from workbench.tui.app import WorkbenchApp

TEXT = "Crónica\nEl ministro dijo que 40 personas murieron.\nLa policía confirmó la cifra.\n"
COMPOSED, DECOMPOSED = "010_Jos\u00e9", "010_Jose\u0301"


async def opening_notices(db: Path, folder: Path) -> list[str]:
    with AnnotationStore.open(db, annotator="ana") as store:
        app = WorkbenchApp(store, corpus=load_corpus([folder]), keymap={})
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            return [notification.message for notification in pilot.app._notifications]


async def test_a_folder_in_another_unicode_form_than_the_database_is_said(
    tmp_path: Path,
) -> None:
    db = tmp_path / "db.json"
    with AnnotationStore.open(db, annotator="ana") as store:
        store.save(annotate(article(TEXT, DECOMPOSED), 1, "ana"))
    mac, desk = tmp_path / "mac", tmp_path / "desk"
    for folder, name in ((mac, DECOMPOSED), (desk, COMPOSED)):
        folder.mkdir()
        (folder / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    said = [n for n in await opening_notices(db, desk) if "another Unicode form" in n]
    assert len(said) == 1
    assert "holds 1 annotation(s) of 1 article(s)" in said[0]
    assert "'010_Jose\\u0301' (this folder's: '010_Jos\\xe9')" in said[0]
    assert not [n for n in await opening_notices(db, mac) if "another Unicode form" in n]
