"""The summary screen's header: whose summary, its counts and notes, and the key hint, in
at most HEADER_ROWS lines fitted to the width.

Textual-free. The header was one text wrapped by Textual: at 80x24 it took three lines
for one analyst and four with every analyst's notes ("… · 169 on 5 article(s) not read
(tab 5) · …"), the rows the ledger's table lost (qa18 F12). Here its parts are packed
into lines whole, never cut inside one: the counts first, then the hint after them (on a
line of its own when the counts fit in one), its keys by need, those that do not fit
left to the footer and `?`. Counts and notes that do not fit in HEADER_ROWS lines are
said in the detail pane, above the highlighted row ("Also: …"), never dropped. A mode's
prompt ("merging group 3: …") is state, not a hint: it always has the last line, the
counts the lines before it (hdr19: passed as the hint, it was dropped at 80x24).
No line is wider than the header, so it is two lines at any width (polish20: under 75
columns the merge prompt wrapped to a third line, under 52 the first count too): a mode
prompt has shorter forms (fitted_mode), and a count too long for a line of its own is
cut at a word with "…" there and said whole in the detail pane.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from workbench.tui.state.column_widths import cut_at_word

HEADER_ROWS = 2
"""The header's lines at most: the tables keep the screen at 80x24."""
PARTS = " · "
"""Between two counts, and between two keys of the hint."""
HINT_APART = " │ "
"""Between the counts and the hint on one line."""


@dataclass(frozen=True, slots=True)
class Header:
    lines: list[str]
    """What the header shows, each line at most the width."""
    left: list[str]
    """The counts and notes that did not fit whole: the detail pane says them."""


def _packed(parts: Sequence[str], width: int, start: str = "") -> tuple[str, int]:
    """`start` then as many of `parts` as fit in `width` cells (the first always, when
    `start` is empty), and how many."""
    line, taken = start, 0
    for part in parts:
        joined = f"{line}{PARTS}{part}" if line else part
        if line and cell_len(joined) > width:
            break
        line, taken = joined, taken + 1
    return line, taken


def fitted_mode(forms: Sequence[str], width: int) -> str:
    """The first of a mode prompt's `forms` (longest first) that fits in `width` cells,
    else the last cut at a word: the prompt is one line at any width."""
    for form in forms:
        if cell_len(form) <= width:
            return form
    return cut_at_word(forms[-1], width) if forms else ""


def header(
    lead: str, counts: Sequence[str], hints: Sequence[str], width: int, mode: str = ""
) -> Header:
    """`lead` ("Summary of ana │ ") before `counts` (in order of need: what is always
    said first), then `hints` (keys by need), in at most HEADER_ROWS lines of `width`.
    A `mode` prompt stands for the hints and always has the last line."""
    width = max(width, 1)
    parts = list(counts)
    lines: list[str] = []
    cut: list[str] = []
    rows = HEADER_ROWS - 1 if mode else HEADER_ROWS
    while parts and len(lines) < rows:
        first = f"{lead}{parts[0]}" if not lines else parts[0]
        line, taken = _packed(parts[1:], width, first)
        if cell_len(line) > width:  # one count alone, too long for the line
            cut.append(parts[0])
            line = cut_at_word(line, width)
        lines.append(line)
        parts = parts[1 + taken :]
    if not lines:
        lines.append(cut_at_word(lead.rstrip(" │"), width))
    if mode:
        lines.append(cut_at_word(mode, width))
    elif len(lines) < HEADER_ROWS:
        hint, _ = _packed(hints, width)
        if hint:
            lines.append(cut_at_word(hint, width))
    elif not parts and hints:
        last = lines[-1]
        rest, taken = _packed(hints, width - cell_len(last) - cell_len(HINT_APART))
        if taken and cell_len(last) + cell_len(HINT_APART) + cell_len(rest) <= width:
            lines[-1] = f"{last}{HINT_APART}{rest}"
    return Header(lines, cut + parts)
