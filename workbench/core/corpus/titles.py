"""An article's title as a reader sees it: a Markdown heading without its syntax, and a
short title where a cell is narrow.

A `.md` article's first line is usually "# Kyiv: **troops** [seen](https://…)"; the
title shown in the header, the article list and the summary is "Kyiv: troops seen".
Only the title is cleaned: the article text, and every offset into it, stay as written.

Article ids ("000_e663f5f9bf7bc169") name files; people know articles by their titles.
A short title is cut at a word boundary; when two articles' short titles would read the
same, both are lengthened until they differ (and, failing that, the id is added).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

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

SHORT = 40
"""Characters a short title aims at."""
LONGER = (60, 90)
"""Lengths tried, in turn, for titles that read the same when cut at SHORT."""


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


def shorten(title: str, limit: int = SHORT) -> str:
    """The title in at most `limit` characters, cut at a word boundary with '…'."""
    plain = " ".join(title.split())
    if len(plain) <= limit:
        return plain
    cut = plain[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–—-") + "…"


def short_titles(articles: Iterable[tuple[str, str]]) -> dict[str, str]:
    """(id, title) -> {id: short title}, no two alike."""
    titles = dict(articles)
    short = {article_id: shorten(title or article_id) for article_id, title in titles.items()}
    for limit in (*LONGER, None):
        by_text: dict[str, list[str]] = defaultdict(list)
        for article_id, text in short.items():
            by_text[text].append(article_id)
        clashing = [ids for ids in by_text.values() if len(ids) > 1]
        if not clashing:
            break
        for ids in clashing:
            for article_id in ids:
                title = titles[article_id] or article_id
                short[article_id] = (
                    shorten(title, limit) if limit else f"{shorten(title)} ({article_id})"
                )
    return short
