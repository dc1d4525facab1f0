"""Outside text headed to a terminal: what a terminal would obey is shown instead.

Article text, file names, imported fields and error messages quoting them come from
outside. Written raw, an ESC or C1 control starts an escape sequence (retitle the
window, clear the screen, plant a hyperlink), BEL rings, backspace overwrites, and a
bidi override or isolate reorders what follows. This module is the one place that
decides which characters are unsafe and how they are shown:

- C0 controls except newline and tab, DEL, C1 controls (U+0080-U+009F), the bidi
  overrides and isolates (U+202A-U+202E, U+2066-U+2069), and lone surrogates (a file
  name that is not UTF-8 reaches Python as U+DC80-U+DCFF).
- `printable` (terminal streams: the command line) writes them as Python-style escapes:
  `\\x1b`, `\\x9b`, `\\u202e`. ASCII only, so they read the same in any terminal and
  font, can be searched for, and look like what a programmer would type; a backslash in
  the text itself is left alone, because the output is for people (json output is for
  programs, and is exact).
- `displayable` (text the TUI draws) shows C0 controls and DEL as the one-cell Unicode
  control pictures (␛, ␇, ␡) the screen has always used, and the rest as escapes;
  `displayable_in_field` shows a field being edited alike (tab and newline as pictures)
  and says where each character of the text is drawn (the field's cursor).
- `json_safe` escapes them inside serialized JSON as \\uXXXX, which is the same JSON
  value: json output stays exact and still cannot drive a terminal.
"""

from __future__ import annotations

import os
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from functools import cache

_UNSAFE_CLASS = r"\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
UNSAFE = re.compile(f"[{_UNSAFE_CLASS}]")
"""One character a terminal must never receive raw (newline and tab are fine)."""
UNSAFE_ON_ONE_LINE = re.compile(rf"[\n\t\u2028\u2029{_UNSAFE_CLASS}]")
"""The same, and newline and tab too: for a message that must stay one line; and LINE
and PARAGRAPH SEPARATOR (U+2028, U+2029), which a terminal does not obey but a line
reader that honours Unicode line breaks (str.splitlines, an editor) cuts the line at:
a file name or a sentence printed on one line held one raw (tr14 T3)."""
UNSAFE_IN_JSON = re.compile(r"[\x7f-\x9f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")
"""What serialized JSON may still hold raw: the JSON encoder escapes only C0. LINE and
PARAGRAPH SEPARATOR too (U+2028, U+2029), though a terminal does not obey them: a line
reader that honours Unicode line breaks (str.splitlines) would cut a JSON line there
(qa5 Q15: `sentences --json`); NEL (U+0085) is in the C1 range already."""
_UNSAFE_JSON_BYTES = re.compile(rb"\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xa8-\xae]|\xe2\x81[\xa6-\xa9]")
_UNSAFE_JSON_LEADS = (
    re.compile(rb"\xc2[\x80-\x9f]"),
    re.compile(rb"\xe2(?:\x80[\xa8-\xae]|\x81[\xa6-\xa9])"),
)
"""_UNSAFE_JSON_BYTES but DEL as patterns that each begin with one byte, which the
regular expression engine looks for at C speed: three to four times faster over a JSON
document than the alternation, which it tries at every byte (a 117 MB summary: 0.31 s to
0.07 s); the alternation is kept for the substitution, rarely needed."""
_MNEMONICS = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape(char: str) -> str:
    """The visible escape of one character: `\\x1b`, `\\r`, `\\u202e`."""
    mnemonic = _MNEMONICS.get(char)
    if mnemonic is not None:
        return mnemonic
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _escaped(match: re.Match[str]) -> str:
    return escape(match.group())


def printable(text: str, *, single_line: bool = False) -> str:
    """`text` safe to write to a terminal; with `single_line`, newline and tab escaped too."""
    pattern = UNSAFE_ON_ONE_LINE if single_line else UNSAFE
    if pattern.search(text) is None:
        return text
    return pattern.sub(_escaped, text)


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return escape(match.group())


_SCREEN_UNSAFE = re.compile(rf"[\t{_UNSAFE_CLASS}]")
_SCREEN_UNSAFE_ON_ONE_LINE = UNSAFE_ON_ONE_LINE
_SCREEN_FOLDED = {"\t": " ", "\n": " "}


def _on_screen(match: re.Match[str]) -> str:
    return _SCREEN_FOLDED.get(match.group()) or _picture(match)


def displayable(text: str, *, single_line: bool = False) -> str:
    """`text` for a screen the program draws: control pictures for C0 and DEL, escapes
    for the rest; a tab becomes a space, and with `single_line` so does a newline."""
    pattern = _SCREEN_UNSAFE_ON_ONE_LINE if single_line else _SCREEN_UNSAFE
    if pattern.search(text) is None:
        return text
    return pattern.sub(_on_screen, text)


def _in_field(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else escape(char)


def displayable_in_field(text: str) -> tuple[str, list[int]] | None:
    """`text` for a field being edited, as `displayable` shows it everywhere else:
    control pictures for C0 (tab and newline too: in a field they are kept) and DEL,
    escapes for the rest (`\\x9b`, `\\u202e`); and where each of its characters starts
    in what is shown, then where the end is (a cursor at a position of the text is drawn
    there). None when nothing in `text` needs it. Drawn as U+FFFD, a C1 control read as
    a stray byte where the panel showed `\\x9b` (qa21 #12)."""
    if UNSAFE_ON_ONE_LINE.search(text) is None:
        return None
    parts: list[str] = []
    starts: list[int] = []
    shift = last = 0  # how much longer the shown text is so far; the text's next char
    for found in UNSAFE_ON_ONE_LINE.finditer(text):
        at = found.start()
        starts.extend(range(last + shift, at + shift))
        shown = _in_field(found.group())
        starts.append(at + shift)
        parts += (text[last:at], shown)
        shift += len(shown) - 1
        last = at + 1
    starts.extend(range(last + shift, len(text) + shift + 1))
    parts.append(text[last:])
    return "".join(parts), starts


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def printable_bytes(data: bytes) -> bytes:
    """UTF-8 text made `printable` (a report written to a terminal named by `-o`)."""
    return printable(data.decode("utf-8", errors="replace")).encode("utf-8")


def json_safe(serialized: str) -> str:
    """Serialized JSON with the unsafe characters the encoder left raw as \\uXXXX escapes.

    They can only occur inside JSON strings, where the escape means the same character,
    so the document decodes to exactly the same value.
    """
    if UNSAFE_IN_JSON.search(serialized) is None:
        return serialized
    return UNSAFE_IN_JSON.sub(_json_escape, serialized)


def _json_escape_bytes(match: re.Match[bytes]) -> bytes:
    return f"\\u{ord(match.group().decode('utf-8')):04x}".encode("ascii")


_C0_IN_JSON_BYTES = re.compile(rb"[\x00-\x08\x0b-\x1f]")
_C0_BYTES = tuple(bytes([code]) for code in (*range(0x00, 0x09), *range(0x0B, 0x20)))
"""Each C0 control but tab and newline, looked for one at a time: a byte search is
memchr, about 1 ms for 50 MB, where one regular expression over them takes 300 ms."""


def _c0_escape(match: re.Match[bytes]) -> bytes:
    return b"\\u%04x" % match.group()[0]


def json_safe_for_terminal(serialized: bytes) -> bytes:
    """`json_safe_bytes`, and raw C0 controls but tab and newline escaped as well. A JSON
    encoder never leaves one raw, but a document this process did not make just now (a
    kept summary whose checksums were recomputed by hand, tr7 T2) could hold ESC; a
    pipe (`| head`) takes it to the terminal as surely as standard output does."""
    safe = json_safe_bytes(serialized)
    if not any(code in safe for code in _C0_BYTES):
        return safe
    return _C0_IN_JSON_BYTES.sub(_c0_escape, safe)


def json_safe_bytes(serialized: bytes) -> bytes:
    """`json_safe` for UTF-8 encoded JSON (an export); the bytes of a safe document
    are returned as they are (ASCII without DEL is: the search is then skipped, it is
    several times slower than the check)."""
    if b"\x7f" not in serialized and (
        serialized.isascii() or not any(lead.search(serialized) for lead in _UNSAFE_JSON_LEADS)
    ):
        return serialized
    return _UNSAFE_JSON_BYTES.sub(_json_escape_bytes, serialized)


_FORMAT = (
    (0x00AD, 0x00AD), (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD),
    (0x070F, 0x070F), (0x0890, 0x0891), (0x08E2, 0x08E2), (0x180E, 0x180E),
    (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F),
    (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD), (0x110CD, 0x110CD),
    (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
)  # fmt: skip
"""Unicode's format characters (category Cf: a soft hyphen, a zero-width space, a bidi
control, a tag), as ranges (U+13439-U+1343F: Unicode 15's; tests/unit/test_terminal_text.py
checks them against the running Python's Unicode database): a table, so that what draws
nothing is one list a regular expression can be made of (figures/quantities.py)."""
_IGNORABLE = (
    (0x034F, 0x034F), (0x17B4, 0x17B5), (0x180B, 0x180F), (0xFE00, 0xFE0F),
    (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)  # fmt: skip
"""Unicode's Default_Ignorable_Code_Point outside category Cf that take no cell (a
grapheme joiner, Khmer inherent vowels, variation selectors, ...): marks that draw
nothing (tr9 T5)."""
_BLANK = ((0x115F, 0x1160), (0x2800, 0x2800), (0x3164, 0x3164), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8))
"""The rest of Default_Ignorable_Code_Point, and the blank Braille pattern: letters that
draw a blank cell (the Hangul fillers), or unassigned (U+FFF0-FFF8). Invisible in a name
(it reads as a space, or as nothing), but a gap between two digits, not nothing."""


def _merged(ranges: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """`ranges` sorted, those that touch or overlap made one."""
    merged: list[tuple[int, int]] = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(high, merged[-1][1]))
        else:
            merged.append((low, high))
    return tuple(merged)


INVISIBLE = _merged((*_FORMAT, *_IGNORABLE, *_BLANK))
"""Every character that draws nothing, as ranges of code points (is_invisible)."""
_INVISIBLE_LOWS = [low for low, _high in INVISIBLE]


def is_invisible(character: str) -> bool:
    """True for a character that draws nothing: a format character (Cf: a zero-width
    space, a bidi control), one of _IGNORABLE or of _BLANK."""
    point = ord(character)
    if point < _INVISIBLE_LOWS[0]:
        return False  # ASCII and Latin-1 letters: most of what is asked
    at = bisect_right(_INVISIBLE_LOWS, point) - 1
    return at >= 0 and point <= INVISIBLE[at][1]


BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
"""The format characters that order what is shown around them (marks, embeddings,
overrides, isolates): a text that gained one may read differently on screen."""
_BIDI = re.compile(f"[{''.join(sorted(BIDI_CONTROLS))}]")


def _class_of(ranges: Iterable[tuple[int, int]], leaving_out: re.Pattern[str] = UNSAFE) -> str:
    """The inside of a regular expression's [...] that matches `ranges` but what
    `leaving_out` finds (the ranges split where it finds a character: a search each,
    not a test of each of their 4,000 characters, which took milliseconds of every
    start)."""
    kept: list[tuple[int, int]] = []
    for low, high in _merged(ranges):
        start = low
        for unsafe in leaving_out.finditer("".join(map(chr, range(low, high + 1)))):
            if start < low + unsafe.start():
                kept.append((start, low + unsafe.start() - 1))
            start = low + unsafe.end()
        if start <= high:
            kept.append((start, high))
    return "".join(
        re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        for low, high in kept
    )


@cache
def shown_as_nothing() -> str:
    """What draws nothing, takes no cell and is drawn as it is (not escaped, as a bidi
    control is), as the inside of a regular expression's [...]: "4<U+200B>0" shows as
    "40" on every screen, so figures/quantities.py reads 40 (tr15 T6; rv15 R9: it kept a
    list of its own). Made when first asked (about 0.2 ms), not at every start."""
    return _class_of((*_FORMAT, *_IGNORABLE))


def format_characters_but_bidi() -> str:
    """Every format character (Cf: a soft hyphen, a zero-width space, a tag) but the
    BIDI_CONTROLS, as the inside of a regular expression's [...]: what anchoring reads
    as nothing when it compares a sentence with the one tagged (anchoring/placement.py
    same_words). Not the ignorables (a variation selector picks another glyph) nor a
    bidi control (it reorders what is shown: rv10 R11)."""
    return _class_of(_FORMAT, _BIDI)


def name_printable(name: str | os.PathLike[str]) -> str:
    """A name (an article's file name, an analyst's, a path) in one line of terminal
    output: `printable`, and each character that draws nothing escaped too (a zero-width
    space, a bidi mark, a joiner: is_invisible), so that two names are never
    shown alike: "alpha" and "alpha" + U+200B are two articles (tr13 T6), "db.json" and
    "db" + U+200B + ".json" two databases (tr15 T4). For names only: in text a joiner
    makes an emoji, or a Persian word."""
    return invisible_shown(printable(os.fspath(name), single_line=True))


_NAME_FOLDS = str.maketrans({"\n": "\\n", "\t": "\\t"})
"""A newline or tab in a name, escaped as name_printable does: `displayable` folds them
to a space, and "004_nl" + LF + "name" read as a file named "004_nl name" (qa21 #10)."""


def name_displayable(name: str | os.PathLike[str]) -> str:
    """name_printable for a screen the program draws (`displayable`, one line)."""
    return invisible_shown(displayable(os.fspath(name).translate(_NAME_FOLDS), single_line=True))


def invisible_shown(text: str) -> str:
    """`text` with each character that draws nothing escaped (`\\u200b`), and each
    separator but the ASCII space (a no-break space, an en space, a line or paragraph
    separator: `alpha\\xa0beta` is not `alpha beta`, tr14 T3), the rest as it is: a
    name that the screen or the terminal then makes safe (a skipped file's)."""
    if text.isascii():
        return text
    return "".join(escape(char) if _hidden_in_name(char) else char for char in text)


def _hidden_in_name(char: str) -> bool:
    return is_invisible(char) or (char != " " and unicodedata.category(char) in ("Zs", "Zl", "Zp"))
