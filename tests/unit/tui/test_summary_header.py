"""The summary screen's header in at most two lines, its parts never cut inside
(tui/state/summary_header.py; qa18 F12: four lines at 80x24, the ledger's rows gone)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from workbench.tui.state.summary_header import HEADER_ROWS, PARTS, fitted_mode, header

LEAD = "Summary of all analysts │ "
COUNTS = [
    "49 sentences · 41 claim groups",
    "2 things measured have conflicting figures",
    "5 judged differently (≠)",
    "32 on 2 article(s) not read (tab 5)",
]
HINTS = ["1–7 tabs", "Enter opens", "Tab: details", "m m merge", "x split", "u undo"]


def test_wide_the_counts_take_one_line_and_the_hint_the_next() -> None:
    shown = header(LEAD, COUNTS, HINTS, 200)
    assert shown.lines == [LEAD + PARTS.join(COUNTS), PARTS.join(HINTS)]
    assert shown.left == []


def test_at_80_columns_two_lines_and_what_does_not_fit_is_left_for_the_pane() -> None:
    shown = header(LEAD, COUNTS, HINTS, 78)
    assert shown.lines == [
        "Summary of all analysts │ 49 sentences · 41 claim groups",
        "2 things measured have conflicting figures · 5 judged differently (≠)",
    ]
    assert shown.left == ["32 on 2 article(s) not read (tab 5)"], "said, not dropped"


def test_the_hint_follows_counts_that_end_on_the_second_line() -> None:
    """Its keys by need, as many as fit: the others are in the footer and `?`."""
    shown = header("Summary of ana │ ", COUNTS[:2], HINTS, 78)
    assert shown.lines == [
        "Summary of ana │ 49 sentences · 41 claim groups",
        "2 things measured have conflicting figures │ 1–7 tabs · Enter opens",
    ]
    assert shown.left == []


def test_a_message_stands_for_the_counts() -> None:
    shown = header(LEAD, ["computing the summary…"], HINTS, 78)
    assert shown.lines[0] == LEAD + "computing the summary…"
    assert shown.lines[1].startswith("1–7 tabs")


@given(
    st.lists(st.text(alphabet="ab ≠北", min_size=1, max_size=30), max_size=8, unique=True),
    st.integers(20, 250),
)
def test_never_more_than_two_lines_and_every_count_said_once(counts: list[str], width: int) -> None:
    shown = header("Summary of x │ ", counts, HINTS, width)
    assert len(shown.lines) <= HEADER_ROWS
    assert all(cell_len(line) <= width for line in shown.lines), "none wraps (polish20)"
    said = PARTS.join(shown.lines).removeprefix("Summary of x │ ")
    kept = list(counts)
    for count in shown.left:  # each said in the pane is one of the counts
        kept.remove(count)
    at = 0
    for count in kept:  # the others said whole in the header, in order
        at = said.index(count, at) + len(count)


def test_a_count_too_long_for_a_line_is_cut_there_and_said_whole_in_the_pane() -> None:
    """polish20: at 45 columns the first count wrapped the header to a third line."""
    shown = header("Summary of tester │ ", COUNTS[:2], HINTS, 45)
    assert shown.lines == [
        "Summary of tester │ 49 sentences · 41 claim…",
        "2 things measured have conflicting figures",
    ]
    assert shown.left == ["49 sentences · 41 claim groups"]


MERGING = "merging group 12: highlight another group and press m (Escape cancels)"


def test_a_mode_prompt_at_78_columns_takes_the_last_line_and_the_counts_move_to_the_pane() -> None:
    """hdr19: passed as the hint, the merge prompt was dropped when the counts filled
    both lines; nothing said merge mode was on."""
    shown = header(LEAD, COUNTS, HINTS, 78, mode=MERGING)
    assert shown.lines == ["Summary of all analysts │ 49 sentences · 41 claim groups", MERGING]
    assert shown.left == COUNTS[1:], "said in the pane, not dropped"


def test_a_mode_prompt_stands_for_the_hint_when_the_counts_fit_in_one_line() -> None:
    shown = header("Summary of ana │ ", COUNTS[:1], HINTS, 78, mode=MERGING)
    assert shown.lines == ["Summary of ana │ 49 sentences · 41 claim groups", MERGING]
    assert shown.left == []


@given(st.lists(st.text(alphabet="ab ≠北", min_size=1, max_size=30), max_size=8))
def test_a_mode_prompt_is_always_the_last_line(counts: list[str]) -> None:
    shown = header("Summary of x │ ", counts, HINTS, 78, mode=MERGING)
    assert len(shown.lines) <= HEADER_ROWS and shown.lines[-1] == MERGING


@given(st.integers(1, 120))
def test_a_mode_prompt_takes_the_longest_form_that_fits_and_one_line_at_any_width(
    width: int,
) -> None:
    """polish20: under 75 columns the merge prompt wrapped to a third line."""
    forms = (MERGING, "merging group 12: m on another · Esc cancels")
    mode = fitted_mode(forms, width)
    assert cell_len(mode) <= width
    assert mode == (MERGING if width >= len(MERGING) else mode)
    if len(forms[1]) <= width < len(MERGING):
        assert mode == forms[1]
    shown = header(LEAD, COUNTS, HINTS, width, mode=mode)
    assert len(shown.lines) <= HEADER_ROWS and shown.lines[-1] == mode
    assert all(cell_len(line) <= width for line in shown.lines)
