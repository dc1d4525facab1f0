"""A text input that shows control characters instead of sending them to the terminal.

Textual's Input draws its value as it is: a note or source holding ESC ]0;… BEL would
retitle the terminal when edited, and a pasted escape sequence would run. This Input
draws them as every screen does (displayable_in_field): a control picture for a C0
control (␛, ␇, tab and newline too) or DEL, an escape for the rest (`\\x9b`, `\\u202e`:
drawn as U+FFFD, a C1 control read as a stray byte where the panel said `\\x9b31m`,
qa21 #12). The value itself stays exact: only the drawing, the cursor's cell and a
click's position go through the shown text. It relies on Input's `_value`,
`_position_to_cell`, `_cell_offset_to_index` and `render_line` (textual is pinned in
pyproject.toml; tests/functional/test_note_prompt_controls.py checks the drawing).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.strip import Strip
from textual.widgets import Input

from workbench.core.terminal_text import displayable_in_field


class LiteralInput(Input):
    def shown(self) -> tuple[str, list[int]] | None:
        """The value as drawn and where each of its characters starts there (None: as
        it is)."""
        return None if self.password else displayable_in_field(self.value)

    @property
    def _value(self) -> Text:
        shown = self.shown()
        if shown is None:
            return super()._value
        text = Text(shown[0], no_wrap=True, overflow="ignore", end="")
        return self.highlighter(text) if self.highlighter is not None else text

    def _position_to_cell(self, position: int) -> int:
        shown = self.shown()
        if shown is None:
            return super()._position_to_cell(position)
        text, starts = shown
        return cell_len(text[: starts[min(position, len(starts) - 1)]])

    def _cell_offset_to_index(self, offset: int) -> int:
        """The position in the value of a click at cell `offset`: an escape is one
        character of the value."""
        shown = self.shown()
        if shown is None:
            return super()._cell_offset_to_index(offset)
        text, starts = shown
        wanted = offset + self.scroll_offset.x
        cells = 0
        for index in range(len(starts) - 1):
            cells += cell_len(text[starts[index] : starts[index + 1]])
            if cells > wanted:
                return index
        return len(starts) - 1

    def render_line(self, y: int) -> Strip:
        """Input's line, with the cursor and the selection drawn over the shown text's
        characters for the value's (Input stylizes them by the value's positions)."""
        shown = self.shown()
        if y != 0 or shown is None or not self.has_focus:
            return super().render_line(y)
        starts = shown[1]
        result = self._value
        max_content_width = self.scrollable_content_region.width
        if not self.selection.is_empty:
            start, end = sorted(self.selection)
            style = self.get_component_rich_style("input--selection")
            result.stylize_before(style, starts[start], starts[end])
        if self._cursor_visible:
            cursor = self.cursor_position
            if self.cursor_at_end:
                result.pad_right(1)
            low = starts[cursor]
            high = starts[cursor + 1] if cursor + 1 < len(starts) else low + 1
            result.stylize(self.get_component_rich_style("input--cursor"), low, high)
        console = self.app.console
        options = self.app.console_options.update_width(self.content_width)
        segments = list(console.render(result, options))
        scroll_x, _ = self.scroll_offset
        strip = Strip(segments).crop(scroll_x, scroll_x + max_content_width + 1)
        strip = strip.extend_cell_length(max_content_width + 1)
        return strip.apply_style(self.rich_style)
