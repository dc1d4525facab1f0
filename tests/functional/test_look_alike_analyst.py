"""qa10 Q29: `--annotator "Ana "` on ana's database opened an empty workbench with no
word: her 73 tags looked gone, and what she tagged was counted as a second analyst's."""

from __future__ import annotations

from pathlib import Path

from store import AnnotationStore
from tests.fixtures.anchored import annotate
from tests.functional.test_review import settle
from workbench.core.corpus.articles import Corpus
from workbench.tui.app import WorkbenchApp


def notices(app: WorkbenchApp) -> list[str]:
    return [notification.message for notification in app._notifications]


async def opened_as(path: Path, name: str, bundled: Corpus) -> list[str]:
    with AnnotationStore.open(path, annotator=name) as store:
        app = WorkbenchApp(store, corpus=bundled, keymap={})
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(app, pilot)
            return notices(app)


async def test_a_name_differing_only_in_case_from_an_analyst_here_is_said(
    tmp_path: Path, bundled: Corpus
) -> None:
    path = tmp_path / "db.json"
    article = bundled.articles[0]
    with AnnotationStore.open(path, annotator="ana") as store:
        store.save(annotate(article, 2, "ana"))
    said = await opened_as(path, "Ana", bundled)
    assert any(
        notice.startswith("You are 'Ana'; this database holds the annotations of 'ana'")
        and "--annotator ana" in notice
        for notice in said
    )
    assert not any("You are" in notice for notice in await opened_as(path, "ana", bundled))
    assert not any("You are" in notice for notice in await opened_as(path, "bob", bundled))
