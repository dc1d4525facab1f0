"""A store error that escapes a screen ends the app with one line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import AnnotationStore, CorruptDatabaseError
from workbench.core.corpus.articles import Corpus
from workbench.tui.app import WorkbenchApp


async def test_damage_found_while_reading_exits_with_the_one_line_message(
    bundled: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "annotations.json"
    store = AnnotationStore.open(database, annotator="tester")
    app = WorkbenchApp(store, corpus=bundled, keymap={})
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()

        def damaged(*args: object, **kwargs: object) -> None:
            raise CorruptDatabaseError(database, "annotation 7: KeyError('quote')", database)

        monkeypatch.setattr(store, "get", damaged)
        await pilot.press("j")
    store.close()
    assert app.return_code == 1
    assert app.store_failure is not None  # `annotate` prints it as its one line, then exits 1
    assert app.store_failure.startswith(f"{database} cannot be read (annotation 7:")
    assert "workbench repair --db" in app.store_failure
