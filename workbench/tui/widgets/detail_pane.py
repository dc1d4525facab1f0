"""A scrolling pane of plain text that renders only the lines in view.

The summary screen's detail pane shows the highlighted row in full, and a ledger group
at 100,000 annotations runs to thousands of lines (the first: 5,566 lines, 1 MB). A
Static renders all of them into strips, each re-render leaving thousands of cyclic
strips for the collector; this pane keeps the text as lines of str, wraps them to its
width as Textual wraps Content, and makes a strip only for a line drawn (Textual's Line
API: ScrollView.render_line). A long text is wrapped in part as it is shown, enough to
fill the pane, and the rest in a worker thread: wrapping that group's lines took the UI
thread a third of a second on a quiet machine, seconds on a loaded one, as the summary
first showed (issue 15).

Text is data: it is made displayable first (control codes as visible symbols) and is
never read as markup.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from textual import work
from textual.content import Content
from textual.events import Resize
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from workbench.tui.hand_back import hand_back
from workbench.tui.literal import visible

WRAP_AT_ONCE = 200
"""Lines of a text wrapped as it is shown (far more than the pane shows); a longer
text's other lines are wrapped in a worker and drawn once wrapped."""
CHARS_AT_ONCE = 1 << 16
"""And at most about this many characters of them (a first line is always wrapped)."""
LINE_MOST = 20_000
"""Characters of one line drawn (four times a quote the segmenter makes); the rest of a
longer line is named, not drawn. A note of 30 MB (an import takes one) was wrapped whole
on the UI thread each time its group was shown, freezing the summary screen 35 s (tr18)."""


def drawn_line(line: str) -> str:
    """`line` (displayable), cut after LINE_MOST characters with how many more it holds."""
    if len(line) <= LINE_MOST:
        return line
    return f"{line[:LINE_MOST]} … ({len(line) - LINE_MOST:,} more characters not shown)"


def wrapped(lines: list[str], width: int) -> list[str]:
    """`lines` wrapped to `width` cells as Textual wraps Content (`lines` itself when
    none is longer)."""
    lengths = [cell_len(line) for line in lines]
    if all(length <= width for length in lengths):
        return lines
    parts: list[str] = []
    for line, length in zip(lines, lengths, strict=True):
        if length <= width:
            parts.append(line)
        else:
            parts.extend(part.plain for part in Content(line).wrap(width))
    return parts


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
        """The lines as drawn at the wrapped width (of a long text, the first ones until
        a worker has wrapped the others)."""
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
        lines = [drawn_line(visible(line)) for line in text.split("\n")]
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
        narrower = max(width - self.styles.scrollbar_size_vertical, 1)
        if len(self._lines) > min(height, WRAP_AT_ONCE):  # overflows, or is long: wrapped
            # in part now, it keeps the scrollbar's room from the first
            self._wrap_to(narrower)
            return
        self._wrap_to(width)
        if len(self._wrapped) > height:
            self._wrap_to(narrower)

    def _wrap_to(self, width: int) -> None:
        """The first lines (WRAP_AT_ONCE, CHARS_AT_ONCE) wrapped now, the others by a
        worker."""
        if width == self._wrapped_at:
            return
        lines = self._lines
        count = chars = 0
        for line in lines[:WRAP_AT_ONCE]:
            chars += len(line)
            if count and chars > CHARS_AT_ONCE:
                break
            count += 1
        self._draw(wrapped(lines[:count], width), width)
        if len(lines) > count:
            self._wrap_rest(lines, width, count)

    def _draw(self, lines: list[str], width: int) -> None:
        self._wrapped = lines
        self._wrapped_at = width
        self.virtual_size = Size(width, len(lines))
        self.refresh()

    @work(thread=True, exclusive=True, group="detail-wrap", description="detail: wrap")
    def _wrap_rest(self, lines: list[str], width: int, start: int) -> None:
        """(A worker.) The lines from `start` wrapped, then drawn after the first ones if
        the pane still shows that text at that width."""
        rest = wrapped(lines[start:], width)
        hand_back(self, self._wrapped_rest, lines, width, rest)

    def _wrapped_rest(self, lines: list[str], width: int, rest: list[str]) -> None:
        if lines is self._lines and width == self._wrapped_at:
            self._draw([*self._wrapped, *rest], width)

    def render_line(self, y: int) -> Strip:
        """The line drawn `y` rows below the top of the pane."""
        style = self.rich_style
        width = self.size.width
        index = self.scroll_offset.y + y
        if not 0 <= index < len(self._wrapped):
            return Strip.blank(width, style)
        line = self._wrapped[index]
        return Strip([Segment(line, style)], cell_len(line)).crop_extend(0, width, style)
