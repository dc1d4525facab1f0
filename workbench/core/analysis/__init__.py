"""The analysis wing: reading news text for what it claims, who says it, who denies it.

Pure and offline. `suggest(article)` proposes tags and a source per sentence
(suggest.py); every word list lives in lexicon.py.
"""

from workbench.core.analysis.suggest import (
    SUGGESTER_VERSION,
    THRESHOLDS,
    Cue,
    Suggestion,
    suggest,
    suggest_sentences,
)

__all__ = ["SUGGESTER_VERSION", "THRESHOLDS", "Cue", "Suggestion", "suggest", "suggest_sentences"]
