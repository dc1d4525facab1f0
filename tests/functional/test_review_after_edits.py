"""The review screen after y, x and t (QA finding 9): no row or detail line outlives what
it shows, the re-attach prompt shows the whole old quote, and the text column gets the
width the other columns leave."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import Label, Static

from store import AnnotationStore
from tests.fixtures.anchored import STORY, annotate, article
from tests.functional.test_reanchoring_screens import CORRECTED, corpus_of
from tests.functional.test_review import settle
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.choice import ChoicePrompt
from workbench.tui.screens.review import ReviewScreen
from workbench.tui.widgets.review_table import ReviewTable, column_widths

OLD = article(STORY)


@pytest.fixture
def annotated(store: AnnotationStore) -> AnnotationStore:
    store.save(annotate(OLD, 3, store.annotator, tags=("denial",), note="the denial"))
    store.save(annotate(OLD, 6, store.annotator, tags=("claim",)))
    return store


def detail(screen: ReviewScreen) -> str:
    shown = screen.query_one("#review-detail", Static).render()
    return shown.plain if isinstance(shown, Content) else str(shown)


def status(screen: ReviewScreen) -> str:
    shown = screen.query_one("#review-status", Static).render()
    return shown.plain if isinstance(shown, Content) else str(shown)


async def review(app: WorkbenchApp, pilot, *filter_keys: str) -> ReviewScreen:  # type: ignore[no-untyped-def]
    await settle(app, pilot)
    await pilot.press("r")
    await settle(app, pilot)
    await pilot.press("f", "6", *filter_keys)
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    return screen


async def test_y_updates_the_detail_line_at_once(
    annotated: AnnotationStore, tmp_path: Path
) -> None:
    app = WorkbenchApp(annotated, corpus=corpus_of(tmp_path, CORRECTED), keymap={})
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await review(app, pilot, "2")  # to check
        assert detail(screen).startswith("to check")
        await pilot.press("y")
        assert not detail(screen).startswith("to check")
        assert "No coment was given." in detail(screen)


async def test_a_deleted_orphan_leaves_the_table_and_the_detail_line_says_why(
    annotated: AnnotationStore, tmp_path: Path
) -> None:
    app = WorkbenchApp(annotated, corpus=corpus_of(tmp_path, CORRECTED), keymap={})
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await review(app, pilot, "3")  # orphaned
        assert [row.annotation.note for row in screen.shown] == ["the denial"]
        assert status(screen).startswith("Review │ 1 of 2 annotations")
        await pilot.press("x")
        assert annotated.orphans() == []
        assert screen.shown == [] and screen.query_one(ReviewTable).row_count == 0
        assert status(screen).startswith("Review │ 0 of 1 annotations")
        assert detail(screen) == "No annotation matches the filters (F clears them)."
        await pilot.press("x")  # nothing there to delete: no "changed meanwhile"
        assert not any("meanwhile" in str(n.message) for n in app._notifications)
        await pilot.press("u")
        await settle(app, pilot)
        assert [row.annotation.note for row in screen.shown] == ["the denial"]


async def test_reattaching_the_only_orphan_leaves_no_detail_line(
    annotated: AnnotationStore, tmp_path: Path
) -> None:
    app = WorkbenchApp(annotated, corpus=corpus_of(tmp_path, CORRECTED), keymap={})
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await review(app, pilot, "3")
        await pilot.press("t")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, ChoicePrompt)
        quote = "Moscow denied any deployment."
        said = [str(label.render()) for label in prompt.query(Label)]
        assert any(quote in text for text in said)
        await pilot.press("enter")
        await settle(app, pilot)
        assert screen.shown == []
        assert detail(screen) == "No annotation matches the filters (F clears them)."


async def test_a_long_old_quote_is_shown_whole_in_the_reattach_prompt(
    store: AnnotationStore, tmp_path: Path
) -> None:
    long = "Officials said " + "that the figures were wrong and " * 6 + "nothing else."
    old = article(f"Title\n{long} Nobody answered.\n")
    store.save(annotate(old, 1, store.annotator, note="long"))
    corpus = corpus_of(tmp_path, "Title\nSomething else entirely. Nobody answered.\n")
    app = WorkbenchApp(store, corpus=corpus, keymap={})
    async with app.run_test(size=(100, 36)) as pilot:
        await review(app, pilot, "3")
        await pilot.press("t")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, ChoicePrompt)
        (shown,) = [label for label in prompt.query(Label) if long[:40] in str(label.render())]
        assert long in str(shown.render()).replace("\n", " ")
        assert shown.size.height >= 2  # wrapped, not cut


@pytest.mark.parametrize(("width", "least"), [(80, 20), (100, 30), (120, 40), (200, 100)])
def test_the_text_column_gets_what_the_others_leave(width: int, least: int) -> None:
    """qa10 Q25: the annotator's column fits too (it went beyond the right edge: one
    letter at 120 columns, none at 80), wide enough to tell "ana" from "anders"."""
    widths = column_widths(width)
    assert widths["text"] >= least
    assert widths["annotator"] >= len("anders")
    assert sum(widths[name] + 2 for name in widths) + 2 <= width  # every column fits


async def test_the_text_column_follows_the_terminal_width(
    annotated: AnnotationStore, tmp_path: Path
) -> None:
    app = WorkbenchApp(annotated, corpus=corpus_of(tmp_path, CORRECTED), keymap={})
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await review(app, pilot, "1")  # any
        table = screen.query_one(ReviewTable)
        assert table.columns["text"].width >= 20
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        assert table.columns["text"].width >= 60


async def test_an_annotation_of_a_renamed_article_says_how_to_get_it_back(
    annotated: AnnotationStore, tmp_path: Path
) -> None:
    """QA finding 7: t and x said only that an orphan is re-attached or deleted here."""
    annotated.save(annotate(article(STORY, "renamed"), 2, annotated.annotator, note="gone"))
    app = WorkbenchApp(annotated, corpus=corpus_of(tmp_path, CORRECTED), keymap={})
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await review(app, pilot, "4")  # article not opened
        assert [row.annotation.note for row in screen.shown] == ["gone"]
        for key in ("t", "x", "enter"):
            app._notifications.clear()
            await pilot.press(key)
            (said,) = [str(n.message) for n in app._notifications]
            assert "renamed" in said and "rename it back to renamed.txt" in said, key
        assert app.screen is screen


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_annotator_column_is_on_screen(
    annotated: AnnotationStore, tmp_path: Path, size: tuple[int, int]
) -> None:
    """qa10 Q25: at 120 columns the annotator showed as one letter, at 80 not at all."""
    app = WorkbenchApp(annotated, corpus=corpus_of(tmp_path, CORRECTED), keymap={})
    async with app.run_test(size=size) as pilot:
        screen = await review(app, pilot, "1")  # any
        table = screen.query_one(ReviewTable)
        ends = sum(column.get_render_width(table) for column in table.columns.values())
        assert ends <= table.scrollable_content_region.width
        assert table.columns["annotator"].width >= len("anders")
