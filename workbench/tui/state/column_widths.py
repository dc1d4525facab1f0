"""Column widths that use the width a table is given.

Each column has a smallest width (its label, or what stays readable) and a largest (what
is worth showing in a cell; None for the one column that takes whatever room is left,
usually the text). A column is as wide as its longest cell, within those bounds, and the
growing column takes the room left; when there is none, the columns give up room in
proportion to what they have above their smallest, the growing one counted as wanting
up to a third of the table (else the text, what identifies a row, stayed at its
smallest while names and figures kept theirs: qa4 Q4); a column that names a row (the
Sources tab's source) keeps its width up to a third of the table, the others giving up
room first (qa13 Q11); an article's title keeps its width up to a sixth of the table
(polish19: at 160 columns the ledger cut titles to 21 cells, "U.S. Cites ‘Indicatio",
at 250 to 36, while the short title has at most 40), and a title cut short ends at a
word with "…" (cut_at_word), so that it reads as cut. What such a column keeps is never
what would make the table scroll sideways (_within).
So a wide terminal has no blank columns and no name cut short that would fit
("Ukrainian President Volodymyr Zelenskyy"), and a narrow one keeps every column at
least readable (the table scrolls sideways; the detail pane shows the row in full).
A table whose columns would not fit otherwise leaves out its spare ones, those the detail
pane shows too (shown_columns): at 80 columns the Sources tab shows each source with
its counts without a sideways scroll, its kind and other spellings in the pane (fx14).

Textual-free: the summary screen measures its rows and sets the widths.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len

CELL_PADDING = 2
"""A DataTable cell's padding, one column either side."""

GROWING_SHARE = 3
"""The growing column wants up to 1/GROWING_SHARE of the table when room is short."""
NAME_SHARE = 3
"""A source's name keeps up to 1/NAME_SHARE of the table (ColumnSpec.keeps)."""
TITLE_SHARE = 6
"""An article's title keeps up to 1/TITLE_SHARE of the table: its short title whole from
some 250 columns, 20 cells at 120, while the source and figures keep 9 there."""
STATUS_SHARE = 8
"""A status keeps up to 1/STATUS_SHARE of the table ("inconclusive" whole from some 96
columns), and gives up that room before a title or a name does (_within)."""
ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """A column's label and the bounds of its width."""

    label: str
    smallest: int
    largest: int | None
    """None: the column that grows into the room the others leave."""
    keeps: int = 0
    """0: gives up room with the others. Else a column that names a row, which keeps its
    width when room is short, up to 1/keeps of the table, the others giving up room
    first: a source's name a third (NAME_SHARE; qa13 Q11: at 80 columns "Ingrid Sæt"
    while "also written" kept its room), an article's title a sixth (TITLE_SHARE), a
    status an eighth (STATUS_SHARE)."""
    cut_at_word: bool = False
    """The growing column's cells too long for it are cut at a word with "…" too
    (shows_cut): an article's title; a sentence's text runs to the table's edge."""
    spare: int = 0
    """0: always shown. Else a column the detail pane shows too, left out when the table
    would otherwise scroll sideways: the highest rank first, a rank's columns together
    (shown_columns)."""


def content_widths(specs: Sequence[ColumnSpec], rows: Iterable[Sequence[str]]) -> list[int]:
    """Each column's longest cell (or label), in terminal cells."""
    widths = [cell_len(spec.label) for spec in specs]
    for row in rows:
        for number, cell in enumerate(row):
            length = cell_len(cell)
            if length > widths[number]:
                widths[number] = length
    return widths


def shown_columns(specs: Sequence[ColumnSpec], content: Sequence[int], room: int) -> list[int]:
    """The positions of the columns a table `room` cells wide shows: every one when they
    fit at the least they keep (fitted), else without its spare columns, the highest
    rank first, until the rest fit (or none is left to leave out)."""
    share = room // GROWING_SHARE
    shown = list(range(len(specs)))
    for rank in sorted({spec.spare for spec in specs if spec.spare}, reverse=True):
        least = sum(_kept(specs[n], _wanted(specs[n], content[n], share), room) for n in shown)
        if least + CELL_PADDING * len(shown) <= room:
            break
        shown = [n for n in shown if specs[n].spare != rank]
    return shown


def _wanted(spec: ColumnSpec, width: int, share: int) -> int:
    """A column's width when there is room: its longest cell, within its bounds (the
    growing column's largest is a share of the table)."""
    return max(spec.smallest, min(width, share if spec.largest is None else spec.largest))


def _kept(spec: ColumnSpec, wanted: int, room: int) -> int:
    """What a column keeps when room is short: its smallest, or a name's width."""
    if not spec.keeps:
        return spec.smallest
    return max(spec.smallest, min(wanted, room // spec.keeps))


def _within(specs: Sequence[ColumnSpec], kept: list[int], room: int) -> list[int]:
    """What the columns keep, a naming column's width above its smallest given up as
    far as the table would otherwise scroll sideways (at 100 columns a title kept 16
    cells and pushed the ledger's text out of sight; the text stays in view first); the
    column keeping the smallest share (a status) gives up first."""
    over = sum(kept) + CELL_PADDING * len(kept) - room
    for number in sorted(range(len(specs)), key=lambda n: -specs[n].keeps):
        if over <= 0:
            break
        less = min(kept[number] - specs[number].smallest, over)
        kept[number] -= less
        over -= less
    return kept


def fitted(specs: Sequence[ColumnSpec], content: Sequence[int], room: int) -> list[int]:
    """The width of each column in a table `room` cells wide (padding counted)."""
    share = room // GROWING_SHARE
    wanted = [_wanted(spec, width, share) for spec, width in zip(specs, content, strict=True)]
    free = room - CELL_PADDING * len(specs) - sum(wanted)
    if free >= 0:
        growing = next((n for n, spec in enumerate(specs) if spec.largest is None), None)
        if growing is not None:
            wanted[growing] += free
        return wanted
    kept = _within(
        specs, [_kept(spec, width, room) for spec, width in zip(specs, wanted, strict=True)], room
    )
    spare = [width - least for width, least in zip(wanted, kept, strict=True)]
    total = sum(spare)
    if total <= -free:
        return kept
    cut = -free
    given = [spare_width * cut // total for spare_width in spare]
    left = cut - sum(given)
    for number in sorted(range(len(specs)), key=lambda n: -spare[n]):
        if left == 0:
            break
        if given[number] < spare[number]:
            given[number] += 1
            left -= 1
    return [width - less for width, less in zip(wanted, given, strict=True)]


def shows_cut(spec: ColumnSpec) -> bool:
    """Whether a cell too long for the column is cut with "…" (cut_at_word), not clipped:
    every column of bounded width (qa20 #8: clipped, "unverifi", "Pat Ryde" and "South
    Korea's National Intell" read as typos), and the growing one when it holds titles."""
    return spec.largest is not None or spec.cut_at_word


def cut_at_word(text: str, width: int) -> str:
    """`text` in at most `width` cells: whole when it fits, else cut with "…" after its
    last word that ends in the cut's last third (inside a word when none does: at 20
    cells "U.S. Cites ‘Indicat…" says more than "U.S. Cites…"), counted in cells."""
    if cell_len(text) <= width:
        return text
    if width < 2:
        return ELLIPSIS[:width]
    end = _cells_end(text, width - 1)
    cut = text[:end]
    space = cut.rfind(" ")
    if not text[end].isspace() and space >= end * 2 // 3 and space > 0:
        cut = cut[:space]
    return cut.rstrip(" ,;:–—-") + ELLIPSIS


def window_start(text: str, width: int, first: int, end: int) -> int:
    """Where a cut of `text` to `width` cells (with "…" either side) begins so that
    text[first:end] shows: 0 when it does from the start, else at a word about a quarter
    of the width before it (the Anchoring tab's changed words: at 120 columns its "as
    tagged" cell read "The ministry said…", cut before the "3,000" it was there to mark)."""
    if cell_len(text[:end]) <= width - 1:
        return 0
    start = max(0, first - width // 4)
    if start and not text[start - 1].isspace():
        space = text.find(" ", start, first)
        start = start if space == -1 else space + 1
    return start


def _cells_end(text: str, width: int) -> int:
    """How many of `text`'s characters fit in `width` cells (it has more)."""
    if text.isascii() and text.isprintable():  # one cell a character: no walk
        return width
    end, cells = 0, 0
    while cells + cell_len(text[end]) <= width:
        cells += cell_len(text[end])
        end += 1
    return end
