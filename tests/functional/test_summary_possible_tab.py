"""The summary screen's Possible tab (7): figures that may measure the same thing and
disagree, apart from the rule's conflicts, with the reader's probability and why, and
when they were found (said to be from before a change patched in since)."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Input, Static

from store import AnnotationStore
from tests.fixtures.gold import load_gold
from tests.fixtures.waiting import until
from tests.functional.test_summary_reach import detail, open_summary
from tests.functional.test_summary_screen import assert_tables_show, settle
from workbench.core.analysis.summary.model import POSSIBLE_WHAT
from workbench.core.analysis.summary.possible import MEASURED
from workbench.core.annotation import Annotation
from workbench.core.corpus.articles import Corpus


def gold_of(store: AnnotationStore, bundled: Corpus) -> list[Annotation]:
    return [replace(note, annotator=store.annotator) for note in load_gold(bundled)]


async def change_one_status(app: Any, pilot: Any, store: AnnotationStore, bundled: Corpus) -> None:
    """The first gold annotation's status changed through the app's workspace, as a tag
    change made while the summary is open, and the screen left to follow it."""
    first = gold_of(store, bundled)[0]
    mine = store.get(first.article_id, first.index)
    assert mine is not None and app.workspace is not None
    status = "refuted" if mine.status != "refuted" else "supported"
    app.workspace.write(bundled.by_id[mine.article_id], lambda: mine.changed(status=status))
    await settle(app, pilot)


async def open_possible_tab(app: Any, pilot: Any) -> Any:
    """The summary screen, opened on its Possible tab (7)."""
    screen = await open_summary(app, pilot)
    await pilot.press("7")
    await pilot.pause()
    return screen


def heading(screen: Any) -> str:
    return str(screen.query_one("#possible-heading", Static).render())


async def test_the_possible_tab_lists_the_readers_pairs_apart_from_the_conflicts(
    make_app: Any, store: AnnotationStore, bundled: Corpus
) -> None:
    store.import_annotations(gold_of(store, bundled))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_summary(app, pilot)
        assert screen.view is not None and screen.summary is not None
        found = screen.view.possible.found
        assert found is not None and found.pairs
        conflicts = screen.query_one("#conflicts-table", DataTable)
        await pilot.press("7")
        await pilot.pause()
        table = screen.query_one("#possible-table", DataTable)
        assert table.row_count == len(found.pairs)
        said = heading(screen)
        assert POSSIBLE_WHAT in said and "found with the summary at" in said
        assert "changes since" not in said
        first = found.pairs[0]
        assert table.get_row_at(0)[0].plain == f"{first.probability:.2f}"
        pane = detail(screen)
        assert MEASURED in pane and first.why in pane
        low, high = first.figures
        assert f"sentence {low.index + 1}" in pane and f"sentence {high.index + 1}" in pane
        # the rule's conflicts are the rule's alone: no possible pair among them
        ruled = {
            frozenset((f.article_id, f.index) for f in (c.figures[p.low], c.figures[p.high]))
            for c in screen.summary.conflicts
            for p in c.pairs
        }
        assert not ruled & {
            frozenset((f.article_id, f.index) for f in pair.figures) for pair in found.pairs
        }
        assert conflicts.row_count == 0 or conflicts.row_count == len(screen.conflict_entries)


async def test_each_pair_says_what_the_rule_reads_of_it_at_80_by_24(
    make_app: Any, store: AnnotationStore, bundled: Corpus
) -> None:
    """Why the rule does not flag each pair ("a time on one side only: november") is a
    column of its own, and in the row's pane where the column is cut or left out."""
    store.import_annotations(gold_of(store, bundled))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_possible_tab(app, pilot)
        assert screen.view is not None and screen.view.possible.found is not None
        pairs = screen.view.possible.found.pairs
        assert pairs
        table = screen.query_one("#possible-table", DataTable)
        labels = [column.label.plain for column in table.columns.values()]
        assert "the rule reads" in labels
        column = labels.index("the rule reads")
        assert {pair.rule.aspect for pair in pairs} >= {"times"}
        for number, pair in enumerate(pairs[:8]):
            table.move_cursor(row=number)
            await pilot.pause()
            said = pair.rule.said()
            assert said in table.get_row_at(number)[column].plain or said.startswith(
                table.get_row_at(number)[column].plain.rstrip("…")
            )
            assert f"The rule reads {said}" in detail(screen)


async def test_after_a_change_the_tab_says_its_pairs_are_from_before_it(
    make_app: Any, store: AnnotationStore, bundled: Corpus
) -> None:
    store.import_annotations(gold_of(store, bundled))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_possible_tab(app, pilot)
        assert "changes since" not in heading(screen)
        await change_one_status(app, pilot, store, bundled)
        assert screen.view is not None and screen.view.possible.stale
        assert "changes since are not in them" in heading(screen)
        assert screen.query_one("#possible-table", DataTable).row_count == len(
            screen.view.possible.found.pairs  # type: ignore[union-attr]
        )
        await pilot.press("1")  # assert_tables_show shows each tab after the ledger's
        await pilot.pause()
        assert_tables_show(screen)


async def test_after_a_change_the_reports_pairs_are_found_again_off_the_ui_thread(
    make_app: Any, store: AnnotationStore, bundled: Corpus, tmp_path: Path, monkeypatch: Any
) -> None:
    """rv15 R8: after a change, `w` found the possible conflicts again on the UI thread
    (about 12 s at 100,000 annotations, the screen frozen); a worker finds them, then the
    report's file is asked for and the report holds them."""
    from workbench.tui.screens import summary as summary_screen

    on_ui_thread: list[bool] = []
    finding = summary_screen.with_possible

    def recorded(*args: Any, **kwargs: Any) -> Any:
        on_ui_thread.append(threading.current_thread() is threading.main_thread())
        return finding(*args, **kwargs)

    monkeypatch.setattr(summary_screen, "with_possible", recorded)
    store.import_annotations(gold_of(store, bundled))
    target = tmp_path / "report.md"
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_summary(app, pilot)
        await change_one_status(app, pilot, store, bundled)
        assert screen.view is not None and screen.view.possible.stale
        await pilot.press("w")
        await until(pilot, lambda: bool(app.screen.query(Input)), 60)
        assert on_ui_thread == [False]
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await until(pilot, target.exists, 60)
    assert "## Possible conflicts (check)" in target.read_text(encoding="utf-8")
