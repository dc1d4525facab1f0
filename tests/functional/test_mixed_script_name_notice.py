"""qa21 #6: opening the app as "аna" (a Cyrillic "а") on a database of ana's work said
nothing: the header read "аna", like ana's, and "tagged 0/7". The start says the name
mixes scripts, and names the analyst it looks like, escaped apart."""

from __future__ import annotations

from pathlib import Path

from store import AnnotationStore
from tests.fixtures.anchored import annotate, article
from workbench.core.corpus.articles import load_corpus
from workbench.tui.app import WorkbenchApp

TEXT = "Report\nThe ministry said 40 people died.\nPolice confirmed the figure.\n"


async def opening_notices(db: Path, folder: Path, annotator: str) -> list[str]:
    with AnnotationStore.open(db, annotator=annotator) as store:
        app = WorkbenchApp(store, corpus=load_corpus([folder]), keymap={})
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            return [notification.message for notification in pilot.app._notifications]


async def test_a_name_mixing_scripts_is_said_at_the_start(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    story = article(TEXT, "story")
    with AnnotationStore.open(db, annotator="ana") as store:
        store.save(annotate(story, 1, "ana"))
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "story.txt").write_text(TEXT, encoding="utf-8")
    said = await opening_notices(db, folder, "\u0430na")
    assert any("analyst name \\u0430na mixes Latin and Cyrillic letters" in n for n in said)
    assert any(
        "You are '\\u0430na'; this database holds the annotations of 'ana'" in n for n in said
    )
    assert not [n for n in await opening_notices(db, folder, "ana") if "mixes" in n]
