"""A text input that shows control characters instead of sending them to the terminal.

Textual's Input draws its value as it is: a note or source holding ESC ]0;… BEL would
retitle the terminal when edited, and a pasted escape sequence would run. This Input
draws each control character or bidi override as one visible symbol (␛, ␇, �), one for
one so the cursor stays where it is in the text; the value itself stays exact.
It relies on Input's `_value` and `_position_to_cell` (textual is pinned in
pyproject.toml; tests/functional/test_terminal_safety.py checks the drawing).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Input

from workbench.core.terminal_text import displayable_in_place


class LiteralInput(Input):
    @property
    def _value(self) -> Text:
        if self.password:
            return super()._value
        text = Text(displayable_in_place(self.value), no_wrap=True, overflow="ignore", end="")
        return self.highlighter(text) if self.highlighter is not None else text

    def _position_to_cell(self, position: int) -> int:
        return cell_len(displayable_in_place(self.value[:position]))
