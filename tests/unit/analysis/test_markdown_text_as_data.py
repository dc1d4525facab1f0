"""The Markdown report shows outside text as written, to a Markdown reader too (tr17).

A quote, source or note is data: `_cell` escapes what a reader would take for markup.
`__init__` was read as "_*init*_" (an underscore escaped at each end only), `~~x~~` was
struck through (GitHub's Markdown, as a report is read there) and `&amp;` read as "&".
Each cell is rendered here by markdown-it (CommonMark, with GFM's tables and
strikethrough: Textual's own Markdown reader) and must read back as the text it holds.
"""

from __future__ import annotations

import html
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from workbench.core.analysis.summary.markdown import _cell

READER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
SPECIAL = "ab_ é1.-+!()\\|*`[]<>#~&;=:/"


def read_back(cell: str) -> str:
    """What a Markdown reader shows of `cell` in a table row: its text, tags dropped."""
    rendered = READER.render(f"| h |\n|---|\n| {cell} |\n")
    body = rendered.split("<td>", 1)[1].split("</td>", 1)[0]
    return html.unescape(re.sub(r"<[^>]*>", "", body))


@settings(max_examples=300, deadline=None)
@example("__init__")
@example("status ~~supported~~ now")
@example("AT&amp;T &#x202E; &copy;")
@example("(__bold__) and _it_ and snake_case and a__b")
@example("**x** `code` [l](http://x) ![i](http://x/i.png) <b>x</b>")
@given(st.text(alphabet=st.sampled_from(SPECIAL), max_size=30))
def test_a_cell_reads_back_as_the_text_it_holds(text: str) -> None:
    plain = " ".join(text.split())
    assert read_back(_cell(plain)).strip() == plain.strip()


def test_the_marks_that_were_read_as_markup() -> None:
    assert _cell("__init__") == "\\_\\_init\\_\\_"
    assert _cell("~~struck~~") == "\\~\\~struck\\~\\~"
    assert _cell("&amp;") == "\\&amp;"
    assert _cell("snake_case a__b") == "snake_case a__b"
