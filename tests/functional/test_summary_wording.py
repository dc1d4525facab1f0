"""The summary screen's words as a person would say them (polish20)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from textual.widgets import Static

from store import AnnotationStore
from tests.fixtures.gold import load_gold
from tests.functional.test_summary_screen import tag_a_story_elsewhere
from workbench.core.corpus.articles import Corpus
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.summary import SummaryScreen


async def open_summary(app: WorkbenchApp, pilot: Any) -> SummaryScreen:
    await pilot.press("S")
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()
    screen = app.screen
    assert isinstance(screen, SummaryScreen) and screen.summary is not None
    return screen


async def test_no_conflict_is_said_as_none_not_as_a_count_of_zero(
    make_app: Any, bundled: Corpus, store: AnnotationStore
) -> None:
    """The header said "1 sentences · 1 claim groups · 0 things measured have conflicting
    figures"."""
    claim = next(note for note in load_gold(bundled) if "claim" in note.tags)
    store.import_annotations([replace(claim, annotator=store.annotator)])
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_summary(app, pilot)
        header = str(screen.query_one("#summary-status", Static).render())
        assert "│ 1 sentence · 1 claim group · no conflicting figures" in header, header
        assert "0 things measured" not in header


async def test_under_75_columns_the_merge_prompt_keeps_the_header_to_two_lines(
    make_app: Any, bundled: Corpus, store: AnnotationStore
) -> None:
    """At 70 columns "merging group 1: highlight another group and press m (Escape
    cancels)" wrapped to a third line, and at 50 the first count did too: the header is
    two lines at any width, the merge prompt in a shorter form."""
    from textual.widgets import DataTable

    store.import_annotations(
        [replace(note, annotator=store.annotator) for note in load_gold(bundled)]
    )
    for width in (70, 50):
        app = make_app()
        async with app.run_test(size=(width, 24)) as pilot:
            screen = await open_summary(app, pilot)
            status = screen.query_one("#summary-status", Static)
            assert status.region.height == 2, str(status.render())
            table = screen.query_one("#ledger-table", DataTable)
            row = next(n for n, line in enumerate(screen.lines) if line.role == "claim")
            table.move_cursor(row=row)
            await pilot.press("m")
            await pilot.pause()
            shown = str(status.render())
            group = screen.lines[row].group_number
            assert status.region.height == 2 and len(shown.splitlines()) == 2, (width, shown)
            assert shown.splitlines()[1].startswith(f"merging group {group}: m on another")
            assert "Esc" in shown, "how to leave merge mode is said"


async def test_an_annotation_of_an_article_not_opened_is_said_so_not_missing(
    make_app: Any, store: AnnotationStore, tmp_path: Path
) -> None:
    """The Anchoring tab and the review's anchoring filter said "article missing" of an
    annotation of another folder's article, kept in the same database: it read as if a
    file were lost, where the analyst had simply opened another folder."""
    from textual.widgets import DataTable, OptionList

    from workbench.tui.screens.choice import ChoicePrompt

    tag_a_story_elsewhere(store, tmp_path)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_summary(app, pilot)
        await pilot.press("5")
        await pilot.pause()
        table = screen.query_one("#anchoring-table", DataTable)
        state, title = (str(cell) for cell in table.get_row_at(0)[:2])
        assert (state, title) == ("article not opened", "Death toll disputed")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("r", "f", "6")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, ChoicePrompt)
        options = prompt.query_one(OptionList)
        shown = [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]
        assert any(line.endswith("article not opened") for line in shown), shown
        assert not any("missing" in line for line in shown)
