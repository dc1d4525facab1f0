"""The summary screen at any width: a detail pane shows the highlighted row whole at
80×24, tables use a wide terminal's width, and the palette and `w` behave (issue 15)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input

from store import AnnotationStore
from tests.fixtures.gold import load_gold
from workbench.core.annotation import Annotation
from workbench.core.corpus.articles import Corpus
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.confirm import ConfirmPrompt
from workbench.tui.screens.prompt import TextPrompt
from workbench.tui.screens.summary import (
    LEDGER_COLUMNS,
    REFIT_DELAY,
    TABLE_SCROLLBAR,
    WRITE_REPORT,
    SummaryScreen,
)
from workbench.tui.state.column_widths import CELL_PADDING
from workbench.tui.widgets.detail_pane import DetailPane

ZELENSKYY = "Ukrainian President Volodymyr Zelenskyy"


@pytest.fixture
def gold(bundled: Corpus, store: AnnotationStore) -> list[Annotation]:
    annotations = [replace(note, annotator=store.annotator) for note in load_gold(bundled)]
    store.import_annotations(annotations)
    return store.all()


async def open_summary(app: WorkbenchApp, pilot: Any) -> SummaryScreen:
    await pilot.press("S")
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, SummaryScreen) and screen.summary is not None
    return screen


def detail(screen: SummaryScreen) -> str:
    return screen.query_one("#summary-detail", DetailPane).text


def column_widths(table: DataTable[Any]) -> list[int]:
    return [column.width for column in table.columns.values()]


async def test_at_80_by_24_the_detail_pane_shows_the_highlighted_line_whole(
    make_app: Any, gold: list[Annotation]
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_summary(app, pilot)
        pane = screen.query_one("#summary-detail")
        assert pane.region.height >= 4 and pane.region.width == 80
        table = screen.query_one("#ledger-table", DataTable)
        assert table.region.height >= 5, "the table keeps rows to move through"
        long = max(range(len(screen.lines)), key=lambda n: len(screen.lines[n].sentence.quote))
        table.move_cursor(row=long)
        await pilot.pause()
        line = screen.lines[long]
        shown = detail(screen)
        assert f"Text: {line.sentence.quote}" in shown, "the whole text, not the column's"
        assert line.sentence.canonical_source is None or line.sentence.canonical_source in shown
        with_figures = next(
            n for n, item in enumerate(screen.lines) if "at least 10,000" in item.sentence.quote
        )
        table.move_cursor(row=with_figures)
        await pilot.pause()
        # as the article hedged it (qa5 Q11): what the analyst copies
        assert "Figures: at least 10,000 North Korean troops" in detail(screen)
        # Every column keeps its smallest width: the rest of a row is a sideways scroll away.
        widths = column_widths(table)
        assert all(w >= spec.smallest for w, spec in zip(widths, LEDGER_COLUMNS, strict=True))
        assert table.virtual_size.width > table.size.width
        # The pane draws only what is in view; Tab and End reach its last line.
        app.animation_level = "none"
        biggest = max(range(len(screen.lines)), key=lambda n: screen.lines[n].group_size)
        table.move_cursor(row=biggest)
        await pilot.pause()
        pane = screen.query_one("#summary-detail", DetailPane)
        assert len(pane.lines_drawn) > pane.size.height, "taller than the pane"
        await pilot.press("tab")
        assert pane.has_focus
        await pilot.press("end")
        bottom = pane.render_line(pane.size.height - 1).text.strip()
        assert bottom == pane.lines_drawn[-1].strip()
        await pilot.press("2")
        assert "Why: " in detail(screen)
        await pilot.press("4")
        assert "Also written:" in detail(screen)


async def test_a_wide_terminal_gives_the_tables_its_width(
    make_app: Any, gold: list[Annotation]
) -> None:
    app = make_app()
    async with app.run_test(size=(250, 50)) as pilot:
        screen = await open_summary(app, pilot)
        room = 250 - TABLE_SCROLLBAR
        ledger = screen.query_one("#ledger-table", DataTable)
        assert sum(column_widths(ledger)) + CELL_PADDING * len(LEDGER_COLUMNS) == room
        await pilot.press("4")
        sources = screen.query_one("#sources-table", DataTable)
        rows = [sources.get_row_at(n)[0].plain for n in range(sources.row_count)]
        assert ZELENSKYY in rows
        assert column_widths(sources)[0] >= len(ZELENSKYY), "not cut when there is room"
        # Narrower again: fitted to the new width, the other spellings left out first
        # (the detail pane says them).
        await pilot.resize_terminal(100, 30)
        await pilot.pause(REFIT_DELAY + 0.2)
        assert "also written" not in [column.label.plain for column in sources.columns.values()]
        assert column_widths(sources)[0] >= len(ZELENSKYY), "its room goes to the name"
        await pilot.resize_terminal(80, 24)
        await pilot.pause(REFIT_DELAY + 0.2)
        assert column_widths(sources)[0] < len(ZELENSKYY)


async def test_merge_split_and_the_report_are_in_the_palette(
    make_app: Any, gold: list[Annotation], store: AnnotationStore
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_summary(app, pilot)
        commands = {command.title: command for command in app.get_system_commands(screen)}
        assert {"Merge", "Split", WRITE_REPORT} <= set(commands)
        assert "(m)" in commands["Merge"].help and "(w)" in commands[WRITE_REPORT].help
        position = next(
            n for n, line in enumerate(screen.lines) if line.role == "claim" and line.group_size > 1
        )
        screen.query_one("#ledger-table", DataTable).move_cursor(row=position)
        await commands["Split"].callback()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [d["action"] for d in store.ledger_decisions()] == ["split"]


async def test_w_asks_before_overwriting_a_report(
    make_app: Any, gold: list[Annotation], tmp_path: Path
) -> None:
    target = tmp_path / "report.md"
    target.write_text("the analyst's own notes\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await open_summary(app, pilot)
        await pilot.press("w")
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmPrompt)
        await pilot.press("n")
        assert isinstance(app.screen, TextPrompt), "asked for another file"
        assert target.read_text(encoding="utf-8") == "the analyst's own notes\n"
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmPrompt)
        await pilot.press("y")
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("# Fact-checking summary")


async def test_u_undoes_the_last_merge_and_says_so(
    make_app: Any, gold: list[Annotation], store: AnnotationStore
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        screen = await open_summary(app, pilot)
        assert screen.summary is not None
        groups = len(screen.summary.ledger)
        singles = [
            n
            for n, line in enumerate(screen.lines)
            if line.role == "claim" and line.group_size == 1
        ][:2]
        table = screen.query_one("#ledger-table", DataTable)
        for row in singles:
            table.move_cursor(row=row)
            await pilot.press("m")
        await settle(app, pilot)
        assert len(screen.summary.ledger) == groups - 1

        await pilot.press("u")
        await settle(app, pilot)
        assert len(screen.summary.ledger) == groups, "the merge is undone"
        said = [notification.message for notification in app._notifications]
        assert "Undid: merge of 2 claim groups." in said
        assert [d["action"] for d in store.ledger_decisions()] == ["merge", "undo"]

        await pilot.press("ctrl+r")
        await settle(app, pilot)
        assert len(screen.summary.ledger) == groups - 1, "and redone"

        split_row = next(
            n for n, line in enumerate(screen.lines) if line.role == "claim" and line.group_size > 1
        )
        member = screen.lines[split_row]
        table.move_cursor(row=split_row)
        await pilot.press("x")
        await settle(app, pilot)
        await pilot.press("u")
        await settle(app, pilot)
        said = [notification.message for notification in app._notifications]
        title = screen.title_of(member.sentence.article_id)
        where = f"sentence {member.sentence.index + 1} of “{title}”"
        assert f"Undid: split of a claim ({where}) from its group." in said
        assert screen.lines[table.cursor_row].key == member.key, "the cursor follows the claim"
        await pilot.press("u", "u")
        await settle(app, pilot)
        await pilot.press("u")
        assert "Nothing to undo." in [n.message for n in app._notifications]


async def test_u_after_a_status_change_says_the_status_was_undone(
    make_app: Any, gold: list[Annotation], store: AnnotationStore
) -> None:
    """qa7 Q10 j: `u` here after `v 4` on the annotate screen said "Undid a change to
    the claim, attribution of …": the tags did not change, the status did."""
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        assert app.session is not None
        tagged = next(a for a in gold if a.status != "disputed")
        app.session.go_to(tagged.article_id, tagged.index)
        await pilot.press("v", "4")
        await pilot.pause()
        changed = store.get(tagged.article_id, tagged.index)
        assert changed is not None and changed.status != tagged.status
        await open_summary(app, pilot)
        await pilot.press("u")
        await settle(app, pilot)
        said = [notification.message for notification in app._notifications][-1]
        assert said.startswith("Undid: status "), said
        assert f"sentence {tagged.index + 1}." in said
        restored = store.get(tagged.article_id, tagged.index)
        assert restored is not None and restored.status == tagged.status


async def test_the_header_shows_every_line_of_its_counts_at_120_columns(
    make_app: Any, bundled: Corpus, store: AnnotationStore
) -> None:
    """qa7 Q10 d: at 120 columns the counts wrapped onto a third line the two-line
    header cut ("… 6 still to check, not counted in the"), and the key hint with it.
    Every line it has is shown; it has two at most, what does not fit said in the pane
    (polish19)."""
    from textual.content import Content
    from textual.widgets import Static

    notes = [replace(note, annotator=store.annotator) for note in load_gold(bundled)]
    store.import_annotations(
        [replace(n, anchor_state="check") if i % 9 == 0 else n for i, n in enumerate(notes)]
    )
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_summary(app, pilot)
        status = screen.query_one("#summary-status", Static)
        shown = status.render()
        assert isinstance(shown, Content)
        lines = shown.wrap(status.content_size.width)
        assert len(lines) == 2 and status.content_size.height == len(lines)
        assert len(shown.plain.splitlines()) == 2, "no line wraps"
        said = shown.plain + detail(screen)
        assert "still to check, not counted in the tables" in said
        assert "2 things measured have conflicting figures" in shown.plain


async def test_at_80_by_24_the_header_takes_two_lines_and_the_pane_says_the_rest(
    bundled: Corpus, store: AnnotationStore
) -> None:
    """qa18 F12: every analyst's summary of three of the five articles wrapped its header
    to four lines at 80x24 ("… · 32 on 2 article(s) not read (tab 5)" and the keys), the
    ledger's rows the lines it took. Two lines now; what does not fit is in the pane,
    whichever row is highlighted, and the ledger keeps its rows."""
    from textual.widgets import Static

    from workbench.config.settings import SuggestionSettings
    from workbench.core.corpus.articles import Corpus as Articles

    gold = [replace(note, annotator=store.annotator) for note in load_gold(bundled)]
    store.import_annotations(
        [*gold, *(replace(n, annotator="bob", status="refuted") for n in gold[:5])]
    )
    three = Articles(bundled.articles[:3], [])
    app = WorkbenchApp(
        store, corpus=three, keymap={}, suggestions=SuggestionSettings(enabled=False)
    )
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_summary(app, pilot)
        await pilot.press("a", "end", "enter")  # every analyst's
        for _ in range(3):
            await settle(app, pilot)
        status = screen.query_one("#summary-status", Static)
        header = str(status.render())
        assert status.region.height == 2 and len(header.splitlines()) == 2, header
        assert header.startswith("Summary of all analysts │ 49 sentences · 41 claim groups")
        assert "5 judged differently (≠)" in header
        not_read = "32 on 2 article(s) not read (tab 5)"
        for row in (0, 3):
            screen.query_one("#ledger-table", DataTable).move_cursor(row=row)
            await pilot.pause()
            assert detail(screen).startswith(f"Also: {not_read}\n"), detail(screen)
        assert screen.query_one("#ledger-table", DataTable).region.height >= 10
        await pilot.resize_terminal(160, 30)  # refitted: room for all of it
        await pilot.pause(REFIT_DELAY + 0.2)
        header = str(status.render())
        assert not_read in header and "Also:" not in detail(screen)


async def settle(app: WorkbenchApp, pilot: Any) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_palette_command_says_its_keys_and_id_once_not_its_title_twice(
    make_app: Any,
) -> None:
    """qa14 Q24: each command's help line repeated its title with the key after it, so
    the palette read every command twice."""
    app = make_app()
    async with app.run_test(size=(80, 24)):
        commands = {command.title: command for command in app.get_system_commands(app.screen)}
    accept = commands["Accept the suggestion (tags and source) and go to the next sentence"]
    assert accept.help == "(⏎) · keymap id accept_suggestion"
    keyed = [command for command in commands.values() if "keymap id" in command.help]
    assert len(keyed) > 10 and all(command.title not in command.help for command in keyed)


async def test_at_80_by_24_the_merge_prompt_shows_however_many_the_counts(
    make_app: Any, bundled: Corpus, store: AnnotationStore
) -> None:
    """hdr19: after the first `m` the merge prompt was passed as the key hint, and at
    80x24 with counts on both lines it was dropped: nothing said merge mode was on.
    It is state, not a hint: it always has a line of the header."""
    from textual.widgets import Static

    notes = [replace(note, annotator=store.annotator) for note in load_gold(bundled)]
    store.import_annotations(
        [replace(n, anchor_state="check") if i % 9 == 0 else n for i, n in enumerate(notes)]
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_summary(app, pilot)
        status = screen.query_one("#summary-status", Static)
        before = str(status.render())
        assert len(before.splitlines()) == 2 and screen.header_left, "counts fill both lines"
        table = screen.query_one("#ledger-table", DataTable)
        row = next(n for n, line in enumerate(screen.lines) if line.role == "claim")
        table.move_cursor(row=row)
        await pilot.press("m")
        await pilot.pause()
        group = screen.lines[row].group_number
        header = str(status.render())
        assert f"merging group {group}: highlight another group and press m" in header, header
        assert "(Escape cancels)" in header
        assert status.region.height == 2 and len(header.splitlines()) == 2, header
        assert header.startswith("Summary of ")
        said = header + detail(screen)
        assert "still to check, not counted in the tables" in said, "counts moved, not dropped"
        await pilot.press("escape")
        await pilot.pause()
        assert "merging group" not in str(status.render())
