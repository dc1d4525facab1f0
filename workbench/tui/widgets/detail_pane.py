"""A scrolling pane of plain text that renders only the lines in view.

The summary screen's detail pane shows the highlighted row in full, and a ledger group
at 100,000 annotations runs to thousands of lines (the first: 5,566 lines, 1 MB). A
Static renders all of them into strips, each re-render leaving thousands of cyclic
strips for the collector; this pane keeps the text as lines of str, wraps them to its
width as Textual wraps Content, and makes a strip only for a line drawn (Textual's Line
API: ScrollView.render_line).

Text is data: it is made displayable first (control codes as visible symbols) and is
never read as markup.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from textual.content import Content
from textual.events import Resize
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from workbench.tui.literal import visible


class DetailPane(ScrollView, can_focus=True):
    """Shows one text, wrapped to the pane's width; arrows, Page Up/Down, Home and End
    scroll it when focused."""

    DEFAULT_CSS = """
    DetailPane {
        overflow-x: hidden;
        overflow-y: auto;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: list[str] = [""]
        """The text's lines, displayable."""
        self._wrapped: list[str] = self._lines
        """The lines as drawn at the wrapped width (the same list when none is longer)."""
        self._wrapped_at = 0
        """The width the lines were wrapped to (0: not yet)."""

    @property
    def text(self) -> str:
        """The text shown, as made displayable (unwrapped)."""
        return "\n".join(self._lines)

    @property
    def lines_drawn(self) -> list[str]:
        """The lines as wrapped to the pane's width (not to be changed)."""
        return self._wrapped

    def show(self, text: str) -> None:
        """Show `text` from its first line (nothing changes when it is already shown: a
        live update leaves the analyst's place in it)."""
        lines = visible(text).split("\n")
        if lines == self._lines:
            return
        self._lines = lines
        self._wrapped_at = 0
        self._wrap()
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()

    def on_resize(self, event: Resize) -> None:
        self._wrap()

    def _wrap(self) -> None:
        """Wrap the lines to the width, less the scrollbar's when they overflow the
        height (as a Static in a scrolling container would be)."""
        width, height = self.size
        if width <= 0:
            return
        wrapped = self._wrapped_to(width)
        if len(wrapped) > height:
            width = max(width - self.styles.scrollbar_size_vertical, 1)
            wrapped = self._wrapped_to(width)
        self._wrapped = wrapped
        self._wrapped_at = width
        self.virtual_size = Size(width, len(wrapped))
        self.refresh()

    def _wrapped_to(self, width: int) -> list[str]:
        if width == self._wrapped_at:
            return self._wrapped
        lines = self._lines
        if all(cell_len(line) <= width for line in lines):
            return lines
        wrapped: list[str] = []
        for line in lines:
            if cell_len(line) <= width:
                wrapped.append(line)
            else:
                wrapped.extend(part.plain for part in Content(line).wrap(width))
        return wrapped

    def render_line(self, y: int) -> Strip:
        """The line drawn `y` rows below the top of the pane."""
        style = self.rich_style
        width = self.size.width
        index = self.scroll_offset.y + y
        if not 0 <= index < len(self._wrapped):
            return Strip.blank(width, style)
        line = self._wrapped[index]
        return Strip([Segment(line, style)], cell_len(line)).crop_extend(0, width, style)
