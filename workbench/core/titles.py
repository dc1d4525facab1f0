"""An article's title as a reader sees it: a Markdown heading without its syntax.

A `.md` article's first line is usually "# Kyiv: **troops** [seen](https://…)"; the
title shown in the header, the article list and the summary is "Kyiv: troops seen".
Only the title is cleaned: the article text, and every offset into it, stay as written.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)|\s+#+\s*$")
_CODE = re.compile(r"(`+)(.+?)\1")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_STAR = re.compile(r"(?<![*\w])\*(?=\S)(.+?)(?<=\S)\*(?![*\w])")
_UNDERSCORE = re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!~>|])")
_PROTECTED = "\x00{}\x00"


def markdown_title(line: str) -> str:
    """`line` (a Markdown title line) without heading marks, emphasis, links or code."""
    kept: list[str] = []

    def protect(text: str) -> str:
        kept.append(text)
        return _PROTECTED.format(len(kept) - 1)

    text = _ESCAPE.sub(lambda match: protect(match.group(1)), line)
    text = _CODE.sub(lambda match: protect(match.group(2).strip()), text)
    text = _HEADING.sub("", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    for pattern in (_STRONG, _STAR, _UNDERSCORE, _STRIKE):
        text = pattern.sub(lambda match: match.group(match.lastindex or 0), text)
    for number, original in enumerate(kept):
        text = text.replace(_PROTECTED.format(number), original)
    return " ".join(text.split())
