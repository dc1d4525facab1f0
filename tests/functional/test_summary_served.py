"""The summary screen served from the summary kept for its inputs (issue 15): the same
tables as the one it builds, nothing live built until something changes, and a change
read from the store, the tables said to be from before it meanwhile."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from store import AnnotationStore
from tests.fixtures.waiting import until
from tests.functional.test_summary_screen import (
    SIZE,
    assert_tables_show,
    gold,
    held_read,
    open_summary,
    settle,
)
from workbench.cli.screen_keeper import keep_screen
from workbench.core.corpus.articles import Corpus
from workbench.tui.screens.summary import STALE, SummaryScreen
from workbench.tui.state.summary_served import NOT_KEPT
from workbench.tui.state.summary_view import read_summary

__all__ = ["gold"]  # the fixture, used by name


def tables(screen: SummaryScreen) -> list[object]:
    """Every table's columns and rows, the banner, the analysts and the caveats shown."""
    assert screen.view is not None
    return [
        *screen.table_rows(screen.view),
        screen.view.conflict_headings,
        screen.analysts,
        screen.caveats,
    ]


async def test_the_kept_summary_is_shown_as_the_built_one_and_a_change_is_read(  # type: ignore[no-untyped-def]
    make_app, gold, bundled: Corpus, store: AnnotationStore
) -> None:
    assert store.path is not None
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_summary(app, pilot)
        assert not screen.served and screen.live.accumulator is not None
        built = tables(screen)
        shown_summary = screen.summary

    assert keep_screen(Path(store.path), store.annotator, [])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_summary(app, pilot)
        assert screen.served
        assert screen.live.accumulator is None  # nothing live built
        assert tables(screen) == built
        assert screen.summary == shown_summary
        assert_tables_show(screen)
        workspace = app.workspace
        assert workspace is not None

        claim = next(a for a in gold if "claim" in a.tags and a.status != "disputed")
        article = bundled.by_id[claim.article_id]
        workspace.write(article, lambda: claim.changed(status="disputed"))
        assert STALE in status_of(screen)  # the tables said to be from before the change
        await settle(app, pilot)
        assert not screen.served and screen.live.accumulator is not None
        assert screen.summary == read_summary(workspace, screen.analyst, screen.ledger)[0].summary
        assert_tables_show(screen)


async def test_without_a_kept_summary_the_screen_says_so_while_it_computes(  # type: ignore[no-untyped-def]
    make_app, gold, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = held_read(monkeypatch)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S")
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        await until(pilot, lambda: NOT_KEPT in status_of(screen), 10)
        assert "computing the summary" in status_of(screen)
        release.set()
        await settle(app, pilot)
        assert screen.summary is not None and not screen.served
        assert NOT_KEPT not in status_of(screen)


def status_of(screen: SummaryScreen) -> str:
    return str(screen.query_one("#summary-status", Static).render())
