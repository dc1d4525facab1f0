"""Article text is shown literally: markup stays text, control characters become visible."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.terminal_text import UNSAFE
from workbench.tui.literal import literal, visible


def test_markup_is_kept_as_text() -> None:
    for text in ("[Mr. Putin]", "[/]", "[bold]x[/bold]", "[link=https://x]y[/link]", "[and]"):
        assert literal(text).plain == text


def test_escape_sequences_are_shown_not_obeyed() -> None:
    shown = visible("\x1b[31mred\x1b[0m\x07")
    assert "\x1b" not in shown and "\x07" not in shown
    assert shown == "␛[31mred␛[0m␇"


def test_single_line_folds_newlines() -> None:
    assert visible("a\nb", single_line=True) == "a b"
    assert visible("a\nb") == "a\nb"


def test_c1_controls_and_bidi_overrides_are_shown_as_escapes() -> None:
    assert visible("a\x9b31mb\u202ec\u2066d\x7f") == "a\\x9b31mb\\u202ec\\u2066d␡"


@given(st.text())
def test_nothing_invisible_survives(text: str) -> None:
    shown = visible(text, single_line=True)
    assert not UNSAFE.search(shown) and "\n" not in shown
    if not UNSAFE.search(text) and "\n" not in text and "\t" not in text:
        assert shown == text


@given(st.text())
def test_content_shows_what_visible_gives(text: str) -> None:
    """Textual's own strip of control codes is not needed: nothing it strips is left."""
    for single_line in (False, True):
        shown = visible(text, single_line=single_line)
        assert literal(text, single_line=single_line).plain == shown
        assert not any(code in shown for code in "\x07\x08\x0b\x0c\r")
