"""Guess who is speaking in a sentence from its reporting cue.

Pre-fills the source prompt: the analyst confirms or corrects it with one key, so a
good-enough guess beats an empty box. Returns None when there is no reporting cue with
a speaker. The guess follows the guideline, through the suggester's source extraction
(attribution.py, naming.py): the shortest span naming the speaker as it stands
("General Ryder", "U.S. officials", "Pat Ryder" for "Air Force Maj. Gen. Pat Ryder");
a pronoun stays a pronoun (the suggester, which reads the whole article, resolves it).
"""

from __future__ import annotations

from workbench.core.analysis.suggestions.attribution import find_attribution
from workbench.core.analysis.suggestions.naming import guideline_span
from workbench.core.analysis.suggestions.tokens import tokenize


def guess_source(sentence: str) -> str | None:
    """The speaker named by the sentence's reporting cue, or None."""
    tokens = tokenize(sentence)
    found = find_attribution(tokens)
    if found is None or found.source is None:
        return None
    return tokens.span_text(*guideline_span(tokens, found.source))
