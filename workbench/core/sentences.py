"""Sentence segmentation with exact code-point offsets.

Paragraphs are lines; a sentence never crosses one. The segmenter itself is a
maintained library (see docs/decisions/segmentation.md); this module only maps its
output back onto exact offsets and repairs what news text needs.
"""

from __future__ import annotations

from dataclasses import dataclass

import sentencex


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: text[start:end] of its article, whitespace trimmed."""

    article_id: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int


def sentence_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) for every sentence of `text`, in order."""
    spans: list[tuple[int, int, int]] = []
    offset = 0
    for paragraph, line in enumerate(text.split("\n")):
        cursor = 0
        if line.strip():
            for piece in sentencex.segment("en", line):
                stripped = piece.strip()
                if not stripped:
                    continue
                found = line.find(stripped, cursor)
                if found < 0:
                    continue
                start, end = offset + found, offset + found + len(stripped)
                cursor = found + len(stripped)
                spans.append((start, end, paragraph))
        offset += len(line) + 1
    return spans


def split_sentences(article_id: str, text: str) -> list[Sentence]:
    """The sentences of one article."""
    return [
        Sentence(article_id, index, start, end, text[start:end], paragraph)
        for index, (start, end, paragraph) in enumerate(sentence_spans(text))
    ]
