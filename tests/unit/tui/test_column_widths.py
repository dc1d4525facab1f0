"""Column widths that use the width a table is given (tui/state/column_widths.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.tui.state.column_widths import (
    CELL_PADDING,
    NAME_SHARE,
    TITLE_SHARE,
    ColumnSpec,
    content_widths,
    cut_at_word,
    fitted,
    shown_columns,
)

SPECS = (
    ColumnSpec("article", 8, 40),
    ColumnSpec("source", 8, 45),
    ColumnSpec("text", 20, None),
)
ZELENSKYY = "Ukrainian President Volodymyr Zelenskyy"


def test_a_wide_table_has_no_blank_column_and_cuts_no_name() -> None:
    content = content_widths(SPECS, [("A story", ZELENSKYY, "x" * 300)])
    widths = fitted(SPECS, content, 250)
    assert widths[0] == len("article") + 1 and widths[1] == len(ZELENSKYY)
    assert sum(widths) + CELL_PADDING * len(SPECS) == 250, "the text takes the rest"


def test_when_room_is_short_the_text_shares_it_with_the_other_columns() -> None:
    """qa4 Q4: at 200 columns the ledger's names and figures kept 40-45 cells each and
    its text, what identifies a claim, stayed at 20 ("In early November, G")."""
    specs = (
        ColumnSpec("article", 8, 40),
        ColumnSpec("source", 8, 45),
        ColumnSpec("analyst", 7, 24),
        ColumnSpec("figures", 8, 40),
        ColumnSpec("text", 20, None),
    )
    content = content_widths(specs, [("a" * 60, ZELENSKYY + " x", "b" * 30, "9" * 50, "x" * 300)])
    widths = fitted(specs, content, 140)
    assert sum(widths) + CELL_PADDING * len(specs) == 140
    assert widths[-1] > 30 and widths[-1] >= max(widths[:-1]) - 10


def test_a_short_text_still_fills_the_room() -> None:
    widths = fitted(SPECS, content_widths(SPECS, [("A", "B", "short")]), 120)
    assert sum(widths) + CELL_PADDING * len(SPECS) == 120


def test_a_narrow_table_shrinks_every_column_but_not_below_its_smallest() -> None:
    content = content_widths(SPECS, [("A long article title here", ZELENSKYY, "y" * 200)])
    widths = fitted(SPECS, content, 80)
    assert sum(widths) + CELL_PADDING * len(SPECS) == 80
    assert all(w >= spec.smallest for w, spec in zip(widths, SPECS, strict=True))
    assert fitted(SPECS, content, 20) == [8, 8, 20], "then the table scrolls sideways"


SOURCES = (
    ColumnSpec("source", 10, 45, keeps=NAME_SHARE),
    ColumnSpec("kind", 7, 7, spare=1),
    ColumnSpec("articles", 8, 8),
    ColumnSpec("sentences", 9, 9),
    ColumnSpec("also written", 12, None, spare=2),
)


def test_a_table_that_would_scroll_sideways_leaves_out_its_spare_columns() -> None:
    """fx14: at 80 columns the Sources tab scrolled sideways for its counts; its kind
    and other spellings, which the detail pane shows, give up their room first."""
    content = content_widths(SOURCES, [(ZELENSKYY, "person", "3", "12", "Zelenskyy; He")])
    assert shown_columns(SOURCES, content, 200) == [0, 1, 2, 3, 4], "room for all"
    assert shown_columns(SOURCES, content, 60) == [0, 1, 2, 3], "other spellings first"
    shown = shown_columns(SOURCES, content, 44)
    assert shown == [0, 2, 3], "then the kind"
    widths = fitted([SOURCES[n] for n in shown], [content[n] for n in shown], 44)
    assert sum(widths) + CELL_PADDING * len(shown) == 44, "no sideways scroll"
    assert shown_columns(SOURCES, content, 20) == [0, 2, 3], "never a column that is not spare"


TITLE = "U.S. Cites ‘Indications’ North Korean…"


def test_a_title_keeps_a_sixth_of_a_table_short_of_room() -> None:
    """polish19: the ledger cut titles to 12 cells at 120 columns, 21 at 160, 36 at 250
    (39 long); now at least a sixth of the table, the others giving up room first."""
    from dataclasses import replace

    from workbench.tui.screens.summary import LEDGER_COLUMNS

    content = content_widths(
        LEDGER_COLUMNS,
        [
            (
                "⚠",
                "12",
                "denies it",
                TITLE,
                "99",
                "tester",
                "in progress",
                ZELENSKYY,
                "9" * 40,
                "x" * 300,
            )
        ],
    )
    giving = [replace(spec, keeps=0) for spec in LEDGER_COLUMNS]
    for room, before, after in ((118, 12, 20), (158, 22, 30), (248, 36, len(TITLE))):
        widths = fitted(LEDGER_COLUMNS, content, room)
        assert fitted(giving, content, room)[3] == before
        assert widths[3] == after >= min(len(TITLE), room // TITLE_SHARE), room
        assert sum(widths) + CELL_PADDING * len(widths) == room, "fills the room"
    # Where the others' smallest leave it less, it keeps what the table has without a
    # sideways scroll (at 100 columns 16 cells pushed the text out of sight) ...
    assert fitted(LEDGER_COLUMNS, content, 108)[3] == 14
    # ... and nothing where the table scrolls sideways anyway (at 80 columns).
    for room in (78, 98):
        widths = fitted(LEDGER_COLUMNS, content, room)
        assert widths == [spec.smallest for spec in LEDGER_COLUMNS], room


def test_a_cut_title_ends_at_a_word_with_an_ellipsis() -> None:
    assert cut_at_word(TITLE, 40) == TITLE, "whole when it fits"
    assert cut_at_word(TITLE, 30) == "U.S. Cites ‘Indications’…"
    assert cut_at_word(TITLE, 20) == "U.S. Cites ‘Indicat…", (
        "inside a word rather than lose a third"
    )
    assert cut_at_word("About 3,000 North Korean soldiers", 25) == "About 3,000 North Korean…"
    assert cut_at_word("About 3,000 North Korean soldiers", 24) == "About 3,000 North…"
    assert cut_at_word("North Korea Starting To Sustain", 12) == "North Korea…"
    assert cut_at_word("北朝鮮の兵士たち", 9) == "北朝鮮の…", "counted in cells"
    assert cut_at_word(TITLE, 1) == "…" and cut_at_word(TITLE, 0) == ""


def test_wide_characters_count_twice() -> None:
    assert content_widths(SPECS, [("北朝鮮", "", "")])[0] == len("article")
    assert content_widths(SPECS, [("北朝鮮の兵士たち", "", "")])[0] == 16


@given(
    st.lists(st.tuples(st.integers(1, 20), st.integers(0, 60)), min_size=1, max_size=8),
    st.integers(0, 300),
)
def test_widths_never_fall_below_the_smallest_and_fill_what_they_can(
    columns: list[tuple[int, int]], room: int
) -> None:
    specs = [ColumnSpec("", smallest, smallest + extra) for smallest, extra in columns]
    specs[-1] = ColumnSpec("", specs[-1].smallest, None)
    content = [spec.smallest + 30 for spec in specs]
    widths = fitted(specs, content, room)
    assert all(w >= spec.smallest for w, spec in zip(widths, specs, strict=True))
    total = sum(widths) + CELL_PADDING * len(specs)
    smallest = sum(spec.smallest for spec in specs) + CELL_PADDING * len(specs)
    assert total == max(room, smallest)
