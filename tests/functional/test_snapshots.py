"""A few snapshot tests guarding the look (each costs seconds, so only a few)."""

from __future__ import annotations

from textual.pilot import Pilot

from store import AnnotationStore
from workbench.core.corpus.articles import Corpus
from workbench.tui.app import StartAt, WorkbenchApp


async def settle(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def app_on(bundled: Corpus, article: int = 2, sentence: int = 7) -> WorkbenchApp:
    store = AnnotationStore.open(None, annotator="snapshot")
    return WorkbenchApp(
        store,
        corpus=bundled,
        start=StartAt(article_id=bundled.articles[article].id, sentence=sentence),
        keymap={},
    )


def test_annotate_screen(snap_compare, bundled: Corpus) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(
        app_on(bundled), press=["c", "a"], terminal_size=(80, 24), run_before=settle
    )


def test_help_screen(snap_compare, bundled: Corpus) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(
        app_on(bundled), press=["question_mark"], terminal_size=(80, 24), run_before=settle
    )


def test_article_list(snap_compare, bundled: Corpus) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(
        app_on(bundled), press=["C", "C", "o"], terminal_size=(80, 24), run_before=settle
    )
