"""A table of rows whose Home and End go to the first and the last row.

DataTable reads Home and End as "leftmost" and "rightmost column" whatever its cursor:
with a row cursor they only scrolled the table sideways, and the highlighted row stayed
where it was (qa18 F6). Here they do what ctrl+Home and ctrl+End do, as in a list.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import DataTable


class RowTable(DataTable[Content]):
    """A row-cursor DataTable: Home and End move the cursor to the first and last row."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "scroll_top", "First row", show=False),
        Binding("end", "scroll_bottom", "Last row", show=False),
    ]

    def __init__(self, *, id: str | None = None, zebra_stripes: bool = False) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=zebra_stripes)
