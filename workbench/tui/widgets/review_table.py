"""The review table: one line per annotation, every cell rendered literally.

Columns have fixed widths so that adding rows never measures every cell again, and
cells are Content (DataTable would parse plain strings as markup: "[Mr. Putin]").
Rows are keyed by their position in the list the screen shows, so the screen can
update one row in place after an edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import DataTable

from workbench.core.annotation import TAGS, Annotation
from workbench.tui.literal import literal
from workbench.tui.review_rows import COLUMNS, ReviewRow

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
COLUMN_LABELS: dict[str, str] = {"sentence": "#"}
TAG_LETTERS: dict[str, tuple[str, str]] = {
    "claim": ("C", "bold blue"),
    "attribution": ("A", "bold green"),
    "denial": ("D", "bold red"),
}


def tags_cell(annotation: Annotation) -> Content:
    """One coloured letter per tag in canonical order, a dot where a tag is off."""
    parts: list[str | tuple[str, str]] = []
    for tag in TAGS:
        letter, style = TAG_LETTERS[tag]
        parts.append((letter, style) if tag in annotation.tags else ("·", "dim"))
    return Content.assemble(*parts)


def sentence_cell(annotation: Annotation) -> Content:
    """The sentence number; "?" marks one to check, an orphan (on no sentence) has none."""
    if annotation.is_orphan:
        return Content("—").stylize("bold $warning")
    if annotation.anchor_state == "check":
        return Content(f"{annotation.index + 1}?").stylize("bold $warning")
    return literal(str(annotation.index + 1))


def article_cell(row: ReviewRow) -> Content:
    if row.article_missing:
        return Content("✗ ").stylize("bold $warning") + literal(row.article_label, single_line=True)
    return literal(row.article_label, single_line=True)


def row_cells(row: ReviewRow) -> list[Content]:
    """The cells of one row, in COLUMNS order."""
    note = row.annotation
    cells = {
        "article": article_cell(row),
        "sentence": sentence_cell(note),
        "tags": tags_cell(note),
        "source": literal(note.source or "", single_line=True),
        "status": literal(note.status.replace("_", " ")),
        "note": literal(note.note, single_line=True),
        "text": literal(note.quote, single_line=True),
        "annotator": literal(note.annotator, single_line=True),
    }
    return [cells[column] for column in COLUMNS]


class ReviewTable(DataTable[Content]):
    """A row-cursor DataTable whose Enter opens the highlighted sentence."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open", id="review.open"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        for column in COLUMNS:
            self.add_column(
                COLUMN_LABELS.get(column, column), width=COLUMN_WIDTHS[column], key=column
            )

    def show_rows(self, rows: Sequence[ReviewRow]) -> None:
        """Replace every row at once (the cursor returns to the top)."""
        self.clear()
        self.append_rows(0, [row_cells(row) for row in rows])

    def append_rows(self, first: int, cells: Sequence[Sequence[Content]]) -> None:
        """Add rows whose cells were made elsewhere (in a worker), keyed from `first` on.

        The screen fills a long result a batch at a time, so that no single call keeps
        the UI thread busy for more than a frame.
        """
        for position, row in enumerate(cells, start=first):
            self.add_row(*row, key=str(position))

    def update_row(self, position: int, row: ReviewRow) -> None:
        """Show a changed annotation in the row at `position`."""
        for column, cell in zip(COLUMNS, row_cells(row), strict=True):
            self.update_cell(str(position), column, cell)
