"""tr11 T12: on a team server another session's save filled the review table again with
the highlight on its first row, and the analyst's next key (d, c, v, x ...) changed
another annotation than the one they were looking at. The highlight stays on the
annotation it was on; a key that changes a row waits until the table is filled again."""

from __future__ import annotations

from store import AnnotationStore, StoreEvent
from tests.fixtures.anchored import annotate
from tests.functional.test_review import gold, open_review, settle  # noqa: F401
from workbench.core.annotation import Annotation
from workbench.core.corpus.articles import Corpus
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.summary import SummaryScreen
from workbench.tui.state.summary_view import LedgerLine
from workbench.tui.widgets.review_table import ReviewTable

SIZE = (120, 36)


async def test_another_sessions_save_above_leaves_the_highlight_on_its_annotation(
    bundled: Corpus,
    store: AnnotationStore,
    gold: list[Annotation],  # noqa: F811
) -> None:
    app = WorkbenchApp(store, corpus=bundled, keymap={})
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_review(app, pilot)
        tagged = {(a.article_id, a.index) for a in gold}
        position = next(
            n
            for n, shown in enumerate(screen.shown)
            if n > 0
            and any(
                (shown.annotation.article_id, i) not in tagged
                for i in range(shown.annotation.index)
            )
        )
        await pilot.press(*["down"] * position)
        found = screen.highlighted()
        assert found is not None and found[0] == position
        row = found[1]
        chosen = row.annotation
        article = bundled.by_id[chosen.article_id]
        above = next(i for i in range(chosen.index) if (article.id, i) not in tagged)
        # the analyst's other session (or a colleague's rows shown) tags a sentence above
        store.import_annotations([annotate(article, above, store.annotator)])
        assert app.workspace is not None
        app.workspace.receive_store_event(StoreEvent("annotations", store.annotator, (article.id,)))
        await settle(app, pilot)
        table = screen.query_one(ReviewTable)
        assert screen.shown[table.cursor_row].key == row.key
        await pilot.press("d")
        await pilot.pause()
        stored = store.get(article.id, chosen.index)
        assert stored is not None and "denial" in stored.tags
        newcomer = store.get(article.id, above)
        assert newcomer is not None and "denial" not in newcomer.tags


async def test_a_change_above_leaves_the_summary_ledgers_highlight_on_its_line(
    make_app,  # type: ignore[no-untyped-def]
    bundled: Corpus,
    gold: list[Annotation],  # noqa: F811
) -> None:
    """T12's summary part: the analyst's other session changed claims above the line
    highlighted; the lines shifted under the highlight, and m, x or Enter then acted on
    another claim."""
    from tests.functional.test_summary_screen import ledger_table, open_summary

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_summary(app, pilot)
        first = screen.lines[0]
        position = next(
            n for n, line in enumerate(screen.lines) if n > 2 and line.group_id != first.group_id
        )
        ledger_table(screen).move_cursor(row=position)
        await pilot.pause()
        held = screen.lines[position]
        member = first.sentence.annotation
        assert app.workspace is not None
        app.workspace.write(bundled.by_id[member.article_id], lambda: member.changed(tags=()))
        await settle(app, pilot)
        now = ledger_table(screen).cursor_row
        assert screen.lines[now].key == held.key and now != position


async def highlight_a_line_below_the_first_group(
    screen: SummaryScreen,
    pilot,  # type: ignore[no-untyped-def]
) -> tuple[int, LedgerLine, Annotation]:
    """Put the ledger's highlight on a line of another group than the first, a few rows
    down: (its row, the line, a claim of the first group, above it)."""
    from tests.functional.test_summary_screen import ledger_table

    first = screen.lines[0]
    position = next(
        n for n, line in enumerate(screen.lines) if n > 2 and line.group_id != first.group_id
    )
    ledger_table(screen).move_cursor(row=position)
    await pilot.pause()
    return position, screen.lines[position], first.sentence.annotation


def removed_by_another_session(
    app: WorkbenchApp, store: AnnotationStore, annotation: Annotation
) -> None:
    """The analyst's other session on the team server removes `annotation`: only the
    store's event tells this one, which computes the summary again from the store."""
    store.delete(annotation.article_id, annotation.index)
    assert app.workspace is not None
    app.workspace.receive_store_event(
        StoreEvent("annotations", store.annotator, (annotation.article_id,))
    )


async def test_another_sessions_save_leaves_the_summary_ledgers_highlight_on_its_line(
    make_app,  # type: ignore[no-untyped-def]
    bundled: Corpus,
    store: AnnotationStore,
    gold: list[Annotation],  # noqa: F811
) -> None:
    """rv11 R9: T12's summary part on the path it was reported on. A change only the store
    tells of (the analyst's other session on the team server) has the summary computed
    again from the store, and the highlight stayed on the row number it was on: the next
    x acted on another claim than the one the analyst was looking at."""
    from tests.functional.test_summary_screen import ledger_table, open_summary

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_summary(app, pilot)
        position, held, above = await highlight_a_line_below_the_first_group(screen, pilot)
        removed_by_another_session(app, store, above)
        await settle(app, pilot)
        assert screen.reading is False
        now = ledger_table(screen).cursor_row
        assert now != position
        assert screen.lines[now].key == held.key and screen.lines[now].role == held.role


async def test_the_ledgers_highlight_is_held_while_its_tab_is_hidden(
    make_app,  # type: ignore[no-untyped-def]
    bundled: Corpus,
    store: AnnotationStore,
    gold: list[Annotation],  # noqa: F811
) -> None:
    """rv11 R9: the ledger's table is emptied while another tab is shown and filled again
    at the row it was on; after another session's change that row is another line."""
    from tests.functional.test_summary_screen import ledger_table, open_summary

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_summary(app, pilot)
        position, held, above = await highlight_a_line_below_the_first_group(screen, pilot)
        await pilot.press("2")  # the Conflicts tab: the ledger's table is emptied
        await settle(app, pilot)
        removed_by_another_session(app, store, above)
        await settle(app, pilot)
        await pilot.press("1")
        await settle(app, pilot)
        now = ledger_table(screen).cursor_row
        assert now != position
        assert screen.lines[now].key == held.key and screen.lines[now].role == held.role


async def test_a_highlighted_ledger_line_another_session_removed_is_said_gone(
    make_app,  # type: ignore[no-untyped-def]
    bundled: Corpus,
    store: AnnotationStore,
    gold: list[Annotation],  # noqa: F811
) -> None:
    """rv11 R9: when the line highlighted is gone the highlight lands on another line;
    the analyst is told before their next key acts on it."""
    from tests.functional.test_summary_screen import ledger_table, open_summary

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_summary(app, pilot)
        position = next(
            n
            for n, line in enumerate(screen.lines)
            if n > 2 and line.role == "claim" and line.group_size == 1
        )
        ledger_table(screen).move_cursor(row=position)
        await pilot.pause()
        gone = screen.lines[position].sentence.annotation
        removed_by_another_session(app, store, gone)
        await settle(app, pilot)
        assert all(line.key != gone.key for line in screen.lines)
        said = [notification.message for notification in app._notifications]
        assert any("no longer in the ledger" in message for message in said), said
