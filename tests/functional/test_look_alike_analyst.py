"""qa10 Q29: `--annotator "Ana "` on ana's database opened an empty workbench with no
word: her 73 tags looked gone, and what she tagged was counted as a second analyst's.
qa14 Q11: so did the login name standing in for an analyst nobody named."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

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


async def test_an_analyst_named_by_the_login_alone_is_told_whose_work_is_here(
    tmp_path: Path, bundled: Corpus
) -> None:
    """qa14 Q11: ana tagged with --annotator ana, then opened the corpus in a shell
    without WORKBENCH_ANNOTATOR: the workbench opened as the login name, "tagged 0/11
    here", nothing naming whose work it showed, and her 41 tags looked gone."""
    path = tmp_path / "db.json"
    article = bundled.articles[0]
    with AnnotationStore.open(path, annotator="ana") as store:
        store.save(annotate(article, 2, "ana"))
        store.save(annotate(article, 3, "ana"))
    with AnnotationStore.open(path, annotator="bob") as store:
        store.save(annotate(article, 2, "bob"))
    with AnnotationStore.open(path, annotator="root") as store:
        app = WorkbenchApp(store, corpus=bundled, keymap={}, login_named=True)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            said = notices(app)
            header = str(app.screen.query_one("#title-line", Static).render())
    assert any(
        notice.startswith("You are 'root', your login name")
        and "'ana' (2), 'bob' (1), none of them yours" in notice
        and "--annotator NAME" in notice
        for notice in said
    )
    assert header.startswith("root │ ")


async def test_the_annotate_header_names_the_analyst(tmp_path: Path, bundled: Corpus) -> None:
    with AnnotationStore.open(tmp_path / "db.json", annotator="bób") as store:
        app = WorkbenchApp(store, corpus=bundled, keymap={})
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            header = str(app.screen.query_one("#title-line", Static).render())
    assert header.startswith(f"bób │ {bundled.name} │ ")
