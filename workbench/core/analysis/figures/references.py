"""Numbers that point somewhere rather than count: "(see footnote 3)", "page 12",
"alert(1)".

A bare number after a word that refers to a place in a text (a footnote, a page, a
section) numbers that place; one alone in parentheses right after a word ("alert(1)",
"f(2)") is an argument, code or a formula. Neither counts anything, yet the figure
reader took "3" for three North Korean dead and "1" for one soldier, flagged against
the real figures in the conflict table (qa21 #8). Only plain numbers (no "about", no
currency, no thousands) right after such a word; "3 pages" counts pages and is no
reference, and "figure" is left out ("the figure 300 was disputed" is a toll).
"""

from __future__ import annotations

import re

REFERENCE_WORDS = frozenset(
    ["footnote", "footnotes", "endnote", "endnotes", "note", "notes", "fn", "page", "pages",
     "p", "pp", "chapter", "section", "sec", "paragraph", "para", "fig", "annex",
     "appendix", "exhibit"]
)  # fmt: skip
"""Words a number after which names a place in a document, not a count."""

_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?\s*$")
_PLAIN = re.compile(r"\d{1,4}")


def is_reference(sentence: str, start: int, end: int) -> bool:
    """Whether the plain number at sentence[start:end] numbers a place in a text
    ("footnote 3", "p. 12") or is a call's argument ("alert(1)")."""
    if not _PLAIN.fullmatch(sentence, start, end):
        return False
    if (
        start >= 2
        and sentence[start - 1] == "("
        and sentence[end : end + 1] == ")"
        and sentence[start - 2].isalnum()
    ):
        return True  # "alert(1)": a call, no space before its parenthesis
    word = _WORD_BEFORE.search(sentence, max(0, start - 20), start)
    return word is not None and word.group(1).lower() in REFERENCE_WORDS
