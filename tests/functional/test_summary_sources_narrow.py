"""At 80 columns the summary's Sources tab gives the speaker's name its room before the
other columns (qa13 Q11: names were cut to 10 cells, "Ingrid Sæt", while "also written"
kept its own)."""

from __future__ import annotations

from dataclasses import replace

from rich.cells import cell_len
from textual.widgets import DataTable

from store import AnnotationStore
from tests.fixtures.gold import load_gold
from tests.functional.test_summary_screen import open_summary
from workbench.core.corpus.articles import Corpus


async def test_at_80_columns_the_sources_names_keep_their_room(
    make_app, store: AnnotationStore, bundled: Corpus
) -> None:  # type: ignore[no-untyped-def]
    store.import_annotations(
        [replace(note, annotator=store.annotator) for note in load_gold(bundled)]
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_summary(app, pilot)
        await pilot.press("4")
        await pilot.pause()
        table = screen.query_one("#sources-table", DataTable)
        name, *_ = table.columns.values()
        labels = [column.label.plain for column in table.columns.values()]
        names = [table.get_row_at(n)[0].plain for n in range(table.row_count)]
    person = "Andriy Kovalenko"
    assert person in names and name.width >= cell_len(person)
    assert "also written" not in labels, "the name before its other spellings (in the pane)"
