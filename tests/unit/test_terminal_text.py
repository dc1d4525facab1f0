"""The one sanitiser for text headed to a terminal, and JSON that stays the same value."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from workbench.core import terminal_text
from workbench.core.terminal_text import (
    UNSAFE,
    UNSAFE_ON_ONE_LINE,
    displayable,
    displayable_in_field,
    json_safe,
    json_safe_bytes,
    json_safe_for_terminal,
    printable,
)

HOSTILE = "a\x1b]0;t\x07b\x1b[2J\x9b31m\x08\x7f\u202e\u2066\udcff\x00"


def test_every_unsafe_character_becomes_a_readable_escape() -> None:
    assert printable(HOSTILE) == (
        "a\\x1b]0;t\\x07b\\x1b[2J\\x9b31m\\x08\\x7f\\u202e\\u2066\\udcff\\x00"
    )


def test_newline_and_tab_stay_unless_the_text_must_be_one_line() -> None:
    assert printable("a\nb\tc\rd") == "a\nb\tc\\rd"
    assert printable("a\nb\tc\rd", single_line=True) == "a\\nb\\tc\\rd"


def test_ordinary_text_is_returned_as_it_is() -> None:
    text = "[Mr. Putin] said “no” — 中文 👍🏽 café \\x1b"
    assert printable(text) is text
    assert displayable(text) is text


def test_the_screen_shows_control_pictures_and_escapes() -> None:
    assert displayable("a\x1b[31m\x07\x7f\x9b\u202e\tb\nc") == "a␛[31m␇␡\\x9b\\u202e b\nc"
    assert displayable("a\nb", single_line=True) == "a b"


def test_an_input_field_shows_what_the_screen_shows_and_where_each_character_is() -> None:
    """qa21 #12: a C1 control was drawn as U+FFFD in the note prompt, `\\x9b` elsewhere."""
    shown = displayable_in_field("a\x1b\x9b3\u202e\n\tb")
    assert shown == ("a␛\\x9b3\\u202e␊␉b", [0, 1, 2, 6, 7, 13, 14, 15, 16])
    assert displayable_in_field("plain") is None


@given(st.text())
def test_a_field_shows_each_character_where_it_says(text: str) -> None:
    found = displayable_in_field(text)
    if found is None:
        assert UNSAFE_ON_ONE_LINE.search(text) is None
        return
    shown, starts = found
    assert UNSAFE_ON_ONE_LINE.search(shown) is None
    assert len(starts) == len(text) + 1 and starts[-1] == len(shown)
    for index, char in enumerate(text):
        piece = shown[starts[index] : starts[index + 1]]
        assert (piece == char) == (UNSAFE_ON_ONE_LINE.match(char) is None), (char, piece)


@given(st.text())
def test_nothing_a_terminal_would_obey_survives(text: str) -> None:
    for shown in (printable(text), displayable(text), (displayable_in_field(text) or [text])[0]):
        assert UNSAFE.search(shown) is None
    assert "\n" not in printable(text, single_line=True)


@given(st.recursive(st.text() | st.integers(), lambda inner: st.lists(inner, max_size=3)))
def test_json_safe_is_the_same_json_value(value: object) -> None:
    serialized = json.dumps({"v": value}, ensure_ascii=False)
    safe = json_safe(serialized)
    assert json.loads(safe) == json.loads(serialized)
    assert UNSAFE.search(safe) is None
    if not any(0xD800 <= ord(ch) <= 0xDFFF for ch in serialized):
        encoded = serialized.encode("utf-8")
        assert json.loads(json_safe_bytes(encoded)) == json.loads(encoded)
        assert UNSAFE.search(json_safe_bytes(encoded).decode("utf-8")) is None


def test_json_bytes_without_anything_unsafe_are_returned_as_they_are() -> None:
    data = json.dumps({"quote": "“Hi” — ©"}, ensure_ascii=False).encode("utf-8")
    assert json_safe_bytes(data) is data
    assert json_safe_bytes('{"a": "\x9b\u202e\x7f"}'.encode()) == b'{"a": "\\u009b\\u202e\\u007f"}'


@given(st.lists(st.sampled_from([b"a", b"\x7f", b"\xc2", b"\xe2", b"\x80", b"\x81", b"\x9f",
                                  b"\xa6", b"\xa8", b"\xaa", b"\xae", b"\xaf", b"\xbf"]),
                max_size=12))  # fmt: skip
def test_json_bytes_are_checked_as_the_escape_would_find_them(pieces: list[bytes]) -> None:
    """The fast check (a pattern per leading byte) finds what the substitution escapes."""
    data = b"".join(pieces)
    escaped = terminal_text._UNSAFE_JSON_BYTES.sub(terminal_text._json_escape_bytes, data)
    assert (json_safe_bytes(data) is data) == (escaped == data)


def test_json_on_its_way_to_a_terminal_has_raw_c0_escaped_too() -> None:
    """tr7 T2: a kept summary whose checksums were recomputed by hand put ESC and BEL on
    the terminal (an encoder never leaves C0 raw, so json_safe_bytes let them through)."""
    forged = '\x1b]0;PWNED\x07\x1b[2J{"a": "\x1b\x9b"}\r\n\t'.encode()
    safe = json_safe_for_terminal(forged)
    assert safe == (b'\\u001b]0;PWNED\\u0007\\u001b[2J{"a": "\\u001b\\u009b"}\\u000d\n\t')
    encoded = json.dumps({"quote": "a\nb"}, indent=2).encode()
    assert json_safe_for_terminal(encoded) is encoded


def test_what_draws_nothing_is_one_table_that_holds_every_format_character() -> None:
    """rv15 R9: one list of what draws nothing, from which is_invisible and the class of
    characters read as nothing between digits (figures/quantities.py) are both made: it
    holds every format character of the running Python's Unicode database, and only
    those (or later versions' ones, unassigned here) besides the ignorables listed."""
    import re
    import unicodedata

    from workbench.core.analysis.figures import quantities

    listed = {chr(p) for low, high in terminal_text._FORMAT for p in range(low, high + 1)}
    for point in range(0x110000):
        character = chr(point)
        if unicodedata.category(character) == "Cf":
            assert character in listed and terminal_text.is_invisible(character), hex(point)
    assert {unicodedata.category(c) for c in listed} <= {"Cf", "Cn"}
    drawn_as_nothing = re.compile(f"[{terminal_text.shown_as_nothing()}]")
    assert quantities._INVISIBLE is terminal_text.shown_as_nothing()  # the one list
    invisible = [chr(p) for low, high in terminal_text.INVISIBLE for p in range(low, high + 1)]
    for character in invisible:
        blank = any(low <= ord(character) <= high for low, high in terminal_text._BLANK)
        shown_raw = not terminal_text.UNSAFE.match(character)
        assert bool(drawn_as_nothing.match(character)) == (shown_raw and not blank)
    assert not drawn_as_nothing.search("".join(map(chr, range(0x20, 0x7F))) + "\u00a0 \n\t")
