"""The review table: one line per annotation, every cell rendered literally.

Columns have set widths, so that adding rows never measures every cell again; the
text column gets what the others leave of the terminal's width (column_widths). Cells
are Content (DataTable would parse plain strings as markup: "[Mr. Putin]"). The screen
addresses rows by their position in the list it shows, to update one in place after an
edit or take out a deleted orphan's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.style import Style
from textual.widgets.data_table import ColumnKey

from workbench.core.annotation import TAGS, Annotation, status_words
from workbench.tui.literal import literal
from workbench.tui.state.review_rows import COLUMNS, ReviewRow
from workbench.tui.state.review_speakers import ReviewSpeakers, shown_source
from workbench.tui.widgets.row_table import RowTable
from workbench.tui.widgets.tag_palette import TAG_CLASSES, TagStyles, tag_rules, tag_styles

COLUMN_WIDTHS: dict[str, int] = {
    "article": 14,
    "sentence": 4,
    "tags": 4,
    "source": 16,
    "status": 12,
    "note": 10,
    "text": 70,
    "annotator": 10,
}
NARROWEST: dict[str, int] = {"article": 8, "source": 8, "status": 8, "note": 4, "annotator": 6}
"""How far the columns that give way to the text shrink on a narrow terminal. The
annotator's column stays on screen: whose a row is decides whether `c`, `s` and `v` are
refused, and it went beyond the right edge (one letter at 120 columns, none at 80: qa10
Q25); at 6 cells "ana" and "anders" still read apart."""
TEXT_WANTED = 40
"""Text width the other columns give way to."""
TEXT_LEAST = 20
CELL_PADDING = 2
SCROLLBAR = 2
COLUMN_LABELS: dict[str, str] = {"sentence": "#"}
TAG_LETTERS: dict[str, str] = {"claim": "C", "attribution": "A", "denial": "D"}


def column_widths(width: int) -> dict[str, int]:
    """Each column's width in a table `width` cells wide: the text column gets what the
    others leave. When that is less than TEXT_WANTED, article, source, status, note and
    annotator narrow, down to NARROWEST."""
    widths = dict(COLUMN_WIDTHS)
    others = [name for name in COLUMNS if name != "text"]
    room = width - SCROLLBAR - CELL_PADDING * (len(others) + 1)
    text = room - sum(widths[name] for name in others)
    for name, narrowest in NARROWEST.items():
        if text >= TEXT_WANTED:
            break
        give = min(widths[name] - narrowest, TEXT_WANTED - text)
        widths[name] -= give
        text += give
    widths["text"] = max(text, TEXT_LEAST)
    return widths


def tags_cell(annotation: Annotation, styles: TagStyles) -> Content:
    """One letter per tag in canonical order, in the tag palette's colour (`styles`:
    ReviewTable.tag_styles), a dot where a tag is off."""
    parts: list[tuple[str, Style | str]] = []
    for tag in TAGS:
        parts.append((TAG_LETTERS[tag], styles[tag]) if tag in annotation.tags else ("·", "dim"))
    return Content.assemble(*parts)


def sentence_cell(annotation: Annotation) -> Content:
    """The sentence number; "?" marks one to check, an orphan (on no sentence) has none."""
    if annotation.is_orphan:
        return Content("—").stylize("bold $warning")
    if annotation.anchor_state == "check":
        return Content(f"{annotation.index + 1}?").stylize("bold $warning")
    return literal(str(annotation.index + 1))


def article_cell(row: ReviewRow) -> Content:
    if row.article_not_opened:
        return Content("✗ ").stylize("bold $warning") + literal(row.article_label, single_line=True)
    return literal(row.article_label, single_line=True)


def source_cell(annotation: Annotation, speakers: ReviewSpeakers | None) -> Content:
    """The source, and the speaker it names when that is another name (shown_source)."""
    return literal(shown_source(annotation, speakers), single_line=True)


def row_cells(
    row: ReviewRow, styles: TagStyles, speakers: ReviewSpeakers | None = None
) -> list[Content]:
    """The cells of one row, in COLUMNS order (made in a worker: `styles` are values;
    `speakers` the screen's latest, None until read)."""
    note = row.annotation
    cells = {
        "article": article_cell(row),
        "sentence": sentence_cell(note),
        "tags": tags_cell(note, styles),
        "source": source_cell(note, speakers),
        "status": literal(status_words(note.status)),
        "note": literal(note.note, single_line=True),
        "text": literal(note.quote, single_line=True),
        "annotator": literal(note.annotator, single_line=True),
    }
    return [cells[column] for column in COLUMNS]


class ReviewTable(RowTable):
    """A row-cursor DataTable whose Enter opens the highlighted sentence."""

    COMPONENT_CLASSES: ClassVar[set[str]] = set(TAG_CLASSES)
    """A tag's letter: bold, in the tag palette's colour (widgets/tag_palette.py)."""
    DEFAULT_CSS = tag_rules("ReviewTable")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open", id="review.open"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, zebra_stripes=True)

    def on_mount(self) -> None:
        widths = column_widths(self.app.size.width)
        for column in COLUMNS:
            self.add_column(COLUMN_LABELS.get(column, column), width=widths[column], key=column)

    def on_resize(self, event: events.Resize) -> None:
        self.fit_columns(event.size.width)

    def fit_columns(self, width: int) -> None:
        """Widen or narrow the columns for `width` (column_widths). DataTable has no call
        for this: its Column.width is set, and its render caches (made at the old
        widths) cleared, as its own width changes do (textual is pinned)."""
        changed = False
        for key, wanted in column_widths(width).items():
            column = self.columns.get(ColumnKey(key))
            if column is not None and column.width != wanted:
                column.width = wanted
                changed = True
        if changed:
            self._clear_caches()
            self._require_update_dimensions = True
            self.refresh()

    def append_rows(self, cells: Sequence[Sequence[Content]]) -> None:
        """Add rows whose cells were made elsewhere (in a worker), at the end.

        The screen fills a long result a batch at a time, so that no single call keeps
        the UI thread busy for more than a frame.
        """
        for row in cells:
            self.add_row(*row)

    def tag_styles(self) -> TagStyles:
        """How the tags' letters look now (resolved here, on the UI thread, for the
        workers that make cells)."""
        return tag_styles(self)

    def update_row(
        self, position: int, row: ReviewRow, speakers: ReviewSpeakers | None = None
    ) -> None:
        """Show a changed annotation in the row at `position`."""
        key = self.ordered_rows[position].key
        cells = row_cells(row, self.tag_styles(), speakers)
        for column, cell in zip(COLUMNS, cells, strict=True):
            self.update_cell(key, column, cell)

    def update_sources(
        self, rows: Sequence[ReviewRow], speakers: ReviewSpeakers, start: int = 0
    ) -> None:
        """Show the speakers just read in the source cells of `rows`, the rows shown in
        order from the table's row `start` (only the cells that change are drawn again)."""
        for ordered, row in zip(self.ordered_rows[start:], rows, strict=False):
            cell = source_cell(row.annotation, speakers)
            if self.get_cell(ordered.key, "source") != cell:
                self.update_cell(ordered.key, "source", cell)

    def remove_at(self, position: int) -> None:
        """Take the row at `position` out (a deleted orphan: nothing is left to show)."""
        self.remove_row(self.ordered_rows[position].key)
