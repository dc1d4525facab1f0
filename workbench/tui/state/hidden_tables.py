"""Only the shown tab's table holds cells; the hidden ones are emptied.

The summary screen has five tables of up to 1,000 rows each, every cell a Content with
its row and line caches: about 20 MB at 100,000 annotations, most of it in the four
tabs not shown. A hidden tab's table is emptied, keeping where its cursor and scroll
were, and filled again from the summary shown when its tab is shown (a few ms for
1,000 rows), so that what it shows is what it would have shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.widgets import DataTable


@dataclass
class HiddenTables:
    """Which tabs' tables do not hold the summary shown, and where each one was."""

    stale: set[str] = field(default_factory=set)
    """Tabs whose table is empty or holds an older summary: filled when shown."""
    places: dict[str, tuple[int, float]] = field(default_factory=dict)
    """(cursor row, scroll offset) of each table as it was emptied."""

    def empty(self, tab: str, table: DataTable[object]) -> None:
        """Empty a hidden tab's table, once (its place kept)."""
        if tab in self.stale:
            return
        self.stale.add(tab)
        if table.row_count:
            self.places[tab] = (table.cursor_row, table.scroll_y)
            table.clear(columns=True)

    def filled(self, tab: str) -> tuple[int, float] | None:
        """The tab's table was filled: where it was when emptied (None: nowhere)."""
        self.stale.discard(tab)
        return self.places.pop(tab, None)
