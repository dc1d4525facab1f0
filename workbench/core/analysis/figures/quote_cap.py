"""How long a quote may be and still be read for figures: as long as a sentence can be.

The segmenter gives its library WINDOW code points at a time and cuts a longer run of
words there (corpus/sentences.py), so a sentence of an article read is no longer (a run
of punctuation marks alone can join one). A longer quote is an imported annotation's,
on an article outside the corpus: a text pasted whole, not a sentence. Reading figures
is superlinear in a quote's length (the bundled articles' text pasted whole as one
quote, 1.78 MB, took `workbench summary` 77 s of CPU, and its import 71 s), so
such a quote is not read for figures at all: it stays a claim or a denial, listed,
counted and grouped by its words, and the summary names it (PossibleConflicts.unread).
"""

from __future__ import annotations

from workbench.core.corpus.sentences import WINDOW

QUOTE_CAP = WINDOW
"""Characters (code points) a quote may hold and still be read for figures."""


def too_long(quote: str) -> bool:
    """Whether `quote` is longer than a sentence of an article: its figures are not read."""
    return len(quote) > QUOTE_CAP
