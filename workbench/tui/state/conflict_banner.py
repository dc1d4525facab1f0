"""The summary screen's banner over its tables: the things measured whose figures
conflict, and the denials aimed at no claim group, in at most BANNER_ROWS lines.

Textual-free. The banner was one text wrapped into three lines and cut after them: at
80x24 two conflicts left the denials' line cut inside a name ("… by Interior Ministry,
Katarina") and the pointer to the Denials tab gone (qa17 Q5). Here each part takes one
line of its own, fitted to the width: a heading too long ends with "…", the denials'
line names its deniers whole while they fit and counts the others ("and 3 more", "by 3
source(s)"), and
headings that do not fit in the rows left are counted on a line that says where they
are listed. Refitted when the width changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size

BANNER_ROWS = 3
"""The banner's lines (its max-height in app.tcss): the tables keep the screen."""


def banner_lines(
    headings: Sequence[str],
    denials: int,
    deniers: Sequence[str],
    width: int,
    rows: int = BANNER_ROWS,
) -> list[str]:
    """The banner's lines, each at most `width` cells: `headings` ("⚠ killed: 12, 47"),
    then, with `denials`, the line saying how many answer no claim group and by whom."""
    width = max(width, 1)
    room = rows - (1 if denials else 0)
    shown = list(headings)
    if len(shown) > room:
        kept = max(room - 1, 0)
        more = len(shown) - kept
        shown = [
            *shown[:kept],
            f"+{more} more things measured with conflicting figures (tab 2, Conflicts)",
        ]
    lines = [cut_to(line, width) for line in shown]
    if denials:
        lines.append(denial_line(denials, deniers, width))
    return lines


def denial_line(denials: int, deniers: Sequence[str], width: int) -> str:
    """'N denial(s) aimed at no claim group (tab 6, Denials), by A, B and 2 more': the
    deniers named whole, as many as fit in `width` cells ('by 3 source(s)' when not
    one does)."""
    head = f"{denials} denial(s) aimed at no claim group (tab 6, Denials)"
    counted = f"{head}, by {len(deniers)} source(s)"
    best = cut_to(counted if deniers and cell_len(counted) <= width else head, width)
    for named in range(1, len(deniers) + 1):
        rest = len(deniers) - named
        line = f"{head}, by {', '.join(deniers[:named])}" + (f" and {rest} more" if rest else "")
        if cell_len(line) > width:
            break
        best = line
    return best


def cut_to(text: str, width: int) -> str:
    """`text` in at most `width` cells, ending with "…" when cut."""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(width - 1, 0)).rstrip() + "…"
