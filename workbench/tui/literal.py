"""Article text is data: make it safe to show literally.

Textual's Content never parses markup, but control characters (ESC, BEL, CR, NUL...)
and bidi overrides would still reach the terminal or break layout. They are shown as
visible symbols (␛, ␇) or escapes (\\x9b, \\u202e): `displayable` in
workbench/core/terminal_text.py decides, for the whole program.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from textual.content import Content

from workbench.core.terminal_text import displayable


def visible(text: str, *, single_line: bool = False) -> str:
    """`text` with control characters and bidi overrides replaced by visible symbols."""
    return displayable(text, single_line=single_line)


def within(text: str, cells: int) -> str:
    """`visible(text, single_line=True)` in at most `cells` cells: a longer text is cut and
    ends with how many characters it holds in all. Only its head is looked at, so a 20 MB
    note is drawn in a few lines, not wrapped into 170,000 (tr15 T3: the annotate screen
    took 25 s to open on one, the note hiding the sentence)."""
    shown = visible(text[: cells + 1], single_line=True)
    if len(text) <= cells and cell_len(shown) <= cells:
        return shown
    total = f" … ({len(text):,} characters)"
    return set_cell_size(shown, max(0, cells - len(total))).rstrip() + total


def literal(text: str, style: str = "", *, single_line: bool = False) -> Content:
    """Content that shows `text` exactly as written, never as markup."""
    # visible() leaves none of the codes Textual strips (BEL, BS, VT, FF, CR): its strip
    # would only copy the string (every cell of the summary's tables: 4.7 MB at 100,000)
    content = Content(visible(text, single_line=single_line), strip_control_codes=False)
    return content.stylize(style) if style else content
