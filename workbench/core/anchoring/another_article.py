"""Whether a file is another article that happens to have the annotated one's name.

An article's id is its file name, so `report.txt` from another folder reads as an edit
of the `report.txt` an analyst annotated (qa5 Q5): re-anchoring would look for similar
sentences and carry the verdicts over. An edit keeps most of an article; another article
keeps none of it. What is known of the annotated text without storing it is what each
annotation carries: its quote and up to 32 characters on each side (the title, for the
first sentences, and the neighbouring sentences). When none of that is in the new text,
the new text is another article: its annotations are orphaned (kept whole, named by
their text, tried again when the file changes), never placed on a look-alike sentence.
Orphaning rather than refusing keeps the command usable on a folder of which one file
is foreign, and putting the right file back re-attaches them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from workbench.core.annotation import Annotation

MIN_PIECE = 8
"""Shorter pieces of context (a line break and a word) are found in any text by chance."""


def known_pieces(annotation: Annotation) -> list[str]:
    """The stretches of the annotated text around the quote, each within one paragraph,
    long enough to mean something when found again."""
    pieces = [*annotation.prefix.split("\n"), *annotation.suffix.split("\n")]
    stripped = (piece.strip() for piece in pieces)
    return [piece for piece in stripped if len(piece) >= MIN_PIECE]


def is_another_article(text: str, annotations: Iterable[Annotation]) -> bool:
    """True when nothing known of the texts the annotations were made on is in `text`:
    no quote and no piece of their surroundings. False when only the quotes are known
    (a one-sentence article): the sentence rules decide then."""
    pieces: list[str] = []
    text = _composed(text)
    for annotation in annotations:
        if _composed(annotation.quote) in text:
            return False
        pieces.extend(_composed(piece) for piece in known_pieces(annotation))
    return bool(pieces) and not any(piece in text for piece in pieces)


def _composed(text: str) -> str:
    """NFC: the same text saved again decomposed ("e" and a combining accent) is the
    same text, not another article (tr11 T10)."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)
