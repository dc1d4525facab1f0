"""Not a conflict on the summary screen (qa20 #2): `d` on a conflict's row dismisses its
pair with the reason typed, the counts and the Conflicts tab drop it, the tab's last rows
list it under "Dismissed by the analyst" with who and why (the reason drawn literally),
`u` undoes it, `r` restores it, and the dismissal is the store's: a restarted app shows it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Input

from store import AnnotationStore
from tests.fixtures.gold import load_gold
from tests.functional.test_summary_screen import SIZE, gold, open_summary, settle
from workbench.core.corpus.articles import Corpus
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.summary import (
    DISMISS_WORDS,
    RESTORE_WORDS,
    SummaryScreen,
    measured_words,
)
from workbench.tui.state.suggestions import SuggestionSettings
from workbench.tui.widgets.detail_pane import DetailPane

__all__ = ["gold"]  # the fixture, used by name

REASON = "[b]two fires[/b] \x1b[31m"


def app_on(store: AnnotationStore, bundled: Corpus) -> WorkbenchApp:
    return WorkbenchApp(
        store, corpus=bundled, keymap={}, suggestions=SuggestionSettings(enabled=False)
    )


def conflicts_table(screen: SummaryScreen) -> DataTable[Any]:
    return screen.query_one("#conflicts-table", DataTable)


def row_of(screen: SummaryScreen, topic: str) -> int:
    return next(n for n, (c, _) in enumerate(screen.conflict_entries) if c.topic == topic)


def topics(screen: SummaryScreen) -> set[str]:
    assert screen.summary is not None
    return {conflict.topic for conflict in screen.summary.conflicts}


def pane(screen: SummaryScreen) -> str:
    return "\n".join(screen.query_one(DetailPane)._lines)


async def test_dismiss_undo_restore_and_a_restart(tmp_path: Path, bundled: Corpus) -> None:
    path = tmp_path / "db.json"
    with AnnotationStore.open(path, annotator="tester") as store:
        store.import_annotations([replace(a, annotator="tester") for a in load_gold(bundled)])
        app = app_on(store, bundled)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            screen = await open_summary(app, pilot)
            assert measured_words(screen.view) == "2 things measured have conflicting figures"
            await pilot.press("2")
            conflicts_table(screen).move_cursor(row=row_of(screen, "square miles"))
            await pilot.press("d")
            await pilot.pause()
            prompt = app.screen.query_one(Input)
            prompt.value = REASON
            await pilot.press("enter")
            await settle(app, pilot)
            assert "square miles" not in topics(screen)
            assert measured_words(screen.view) == "1 thing measured has conflicting figures"
            (record,) = store.ledger_decisions()
            assert record["action"] == "dismiss" and record["reason"] == " ".join(REASON.split())
            # listed apart, last on the Conflicts tab, with who and why, drawn literally
            table = conflicts_table(screen)
            last = table.row_count - 1
            assert screen.view is not None and last == len(screen.view.conflict_rows)
            table.move_cursor(row=last)
            await pilot.pause()
            said = pane(screen)
            assert "Dismissed by the analyst" in said and "Dismissed by tester (" in said
            assert "[b]two fires[/b]" in said and "\x1b" not in said
            # u undoes it
            await pilot.press("u")
            await settle(app, pilot)
            assert "square miles" in topics(screen)
            assert measured_words(screen.view) == "2 things measured have conflicting figures"
            # again, without a reason, then r restores it
            conflicts_table(screen).move_cursor(row=row_of(screen, "square miles"))
            await pilot.press("d")
            await pilot.pause()
            await pilot.press("enter")
            await settle(app, pilot)
            assert "square miles" not in topics(screen)
            assert screen.summary is not None and screen.summary.dismissed[0].by[0].reason is None
            table = conflicts_table(screen)
            table.move_cursor(row=table.row_count - 1)
            await pilot.press("r")
            await settle(app, pilot)
            assert "square miles" in topics(screen) and screen.summary.dismissed == ()
            # dismissed once more, and left so for the restart
            conflicts_table(screen).move_cursor(row=row_of(screen, "square miles"))
            await pilot.press("d")
            await pilot.pause()
            await pilot.press("escape")  # Escape dismisses nothing
            await settle(app, pilot)
            assert "square miles" in topics(screen)
            await pilot.press("d")
            await pilot.pause()
            await pilot.press("enter")
            await settle(app, pilot)
            assert "square miles" not in topics(screen)
        actions = [record["action"] for record in store.ledger_decisions()]
        assert actions == ["dismiss", "undo", "dismiss", "restore", "dismiss"]
    with AnnotationStore.open(path, annotator="tester") as restarted:
        app = app_on(restarted, bundled)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_summary(app, pilot)
            assert "square miles" not in topics(screen)
            assert screen.summary is not None and len(screen.summary.dismissed) == 1
            assert measured_words(screen.view) == "1 thing measured has conflicting figures"


async def test_dismiss_works_on_a_possible_conflict_and_refuses_elsewhere(
    tmp_path: Path, bundled: Corpus
) -> None:
    path = tmp_path / "db.json"
    with AnnotationStore.open(path, annotator="tester") as store:
        store.import_annotations([replace(a, annotator="tester") for a in load_gold(bundled)])
        app = app_on(store, bundled)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            screen = await open_summary(app, pilot)
            await pilot.press("d")  # on the Ledger tab: said where it works
            await pilot.pause()
            assert store.ledger_decisions() == []
            assert any("Conflicts tab" in str(n.message) for n in app._notifications)
            await pilot.press("7")
            assert screen.view is not None and screen.view.possible.found is not None
            pairs = screen.view.possible.found.pairs
            assert pairs, "the gold story has possible conflicts"
            first = pairs[0]
            await pilot.press("d")
            await pilot.pause()
            await pilot.press("enter")
            await settle(app, pilot)
            (record,) = store.ledger_decisions()
            assert [f["text"] for f in record["figures"]] == [
                f.quantity.text for f in first.figures
            ]
            # the analyst's own claims, not the reader's pass that read them (rv21 #2)
            assert [f["key"] for f in record["figures"]] == [
                ["tester", f.article_id, f.index] for f in first.figures
            ]
            found = screen.view.possible.found
            assert found is not None and first.figures not in [p.figures for p in found.pairs]
            spots = {(f.article_id, f.index) for f in first.figures}
            assert all({(f.article_id, f.index) for f in p.figures} != spots for p in found.pairs)


async def test_help_and_the_palette_name_dismiss_and_restore(make_app, gold) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_summary(app, pilot)
        commands = {c.help: c.title for c in app.get_system_commands(screen)}
        await pilot.press("question_mark")
        rows = app.screen.rows  # type: ignore[attr-defined]
    assert commands["(d) · keymap id summary.dismiss"] == DISMISS_WORDS
    assert commands["(r) · keymap id summary.restore"] == RESTORE_WORDS
    own = [(keys, binding_id) for keys, _what, binding_id in rows]
    assert ("d", "summary.dismiss") in own and ("r", "summary.restore") in own
