"""Article text is data: make it safe to show literally.

Textual's Content never parses markup, but control characters (ESC, BEL, CR, NUL...)
would still reach the terminal or break layout. They are shown as visible symbols.
"""

from __future__ import annotations

from textual.content import Content

_CONTROL_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)}
_CONTROL_PICTURES[0x7F] = "\u2421"  # DEL
_CONTROL_PICTURES.update({code: "\ufffd" for code in range(0x80, 0xA0)})
_CONTROL_PICTURES.pop(ord("\n"))
_CONTROL_PICTURES[ord("\t")] = " "
_TRANSLATION = str.maketrans(_CONTROL_PICTURES)
_SINGLE_LINE = str.maketrans({**_CONTROL_PICTURES, ord("\n"): " "})


def visible(text: str, *, single_line: bool = False) -> str:
    """`text` with control characters replaced by visible symbols."""
    return text.translate(_SINGLE_LINE if single_line else _TRANSLATION)


def literal(text: str, style: str = "", *, single_line: bool = False) -> Content:
    """Content that shows `text` exactly as written, never as markup."""
    content = Content(visible(text, single_line=single_line))
    return content.stylize(style) if style else content
