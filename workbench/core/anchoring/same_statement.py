"""Whether a similar sentence can still be the one an annotation was made on.

Similarity reads a sentence's frame: "Officials said 5,000 troops were sent to Russia."
and "NATO said 7,000 troops were sent to Russia." score above the threshold, yet when
the publisher deletes the first, putting the analyst's verdict on the second (even "to
check") makes NATO's figure a refuted claim of the officials (qa5 Q5). A correction
changes one thing: the figure (3,000 → 3,500), a word, a spelling. A candidate that has
lost both the annotation's speaker and one of its figures states something else, said
by someone else: it is not the sentence, whatever its frame.

The speaker is the annotation's recorded source when the quote names it, else the one
the quote's reporting cue names (suggestions/speaker.py); a figure is a number written
in digits. An annotation with neither is judged by similarity alone, as before.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from workbench.core.analysis.figures.quote_cap import too_long
from workbench.core.analysis.suggestions.speaker import guess_source
from workbench.core.annotation import Annotation

SPEAKER_WORD_RATIO = 80.0
"""How alike (rapidfuzz ratio, 0-100) a word of the candidate must be to each word of the
speaker for the speaker to be still there: a fixed typo ("Officals") keeps it."""

_FIGURE = re.compile(r"\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_SEPARATORS = str.maketrans("", "", ",\u00a0\u202f ")
_WORD = re.compile(r"\w+")


def figures(text: str) -> frozenset[str]:
    """The numbers written in digits in `text`, thousands separators dropped ("5 000" and
    "5,000" are both "5000")."""
    return frozenset(found.translate(_SEPARATORS) for found in _FIGURE.findall(text))


def speaker(annotation: Annotation) -> str | None:
    """Who the annotated sentence has speaking: the analyst's source when the quote
    names it (the analyst's reading wins), else the quote's reporting cue, else None."""
    if annotation.source and _names(annotation.quote, annotation.source):
        return annotation.source
    return _guessed(annotation.quote)


@lru_cache(maxsize=4096)
def _guessed(quote: str) -> str | None:
    """None for a quote longer than a sentence can be (quote_cap.too_long: a text pasted
    whole, whose reading is quadratic in its length): judged by similarity alone."""
    return None if too_long(quote) else guess_source(quote)


def _names(sentence: str, name: str) -> bool:
    """True when every word of `name` is in `sentence`, allowing a typo."""
    words = _WORD.findall(sentence.casefold())
    return all(
        any(fuzz.ratio(wanted, word) >= SPEAKER_WORD_RATIO for word in words)
        for wanted in _WORD.findall(name.casefold())
    )


def can_be_the_same(annotation: Annotation, candidate: str) -> bool:
    """False when `candidate` has lost both the annotated sentence's speaker and one of
    its figures: another statement by another speaker, not an edit of the sentence."""
    lost_figure = bool(figures(annotation.quote) - figures(candidate))
    if not lost_figure:
        return True
    who = speaker(annotation)
    return who is None or _names(candidate, who)
