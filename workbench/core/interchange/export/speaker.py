"""Who makes a statement, as an export published for other tools names them.

The analyst records a pronoun as the pronoun ("He", the guideline's form) and, when the
suggestion showed "He → Pat Ryder" and the analyst kept it, the speaker it resolves to
in the provenance; the summary names that speaker. ClaimReview (read by search engines
and fact-check aggregators) and the W3C "identifying" body published "He" as the
claim's author (qa7 Q5). They name the speaker the analyst accepted; a pronoun nobody
resolved names no one rather than "He"; any other source is written as recorded.
"""

from __future__ import annotations

from workbench.core.analysis.lexicon import SOURCE_PRONOUNS
from workbench.core.annotation import Annotation


def named_speaker(annotation: Annotation) -> str | None:
    """The statement's speaker as an export names them, or None (no source, or a pronoun
    with no speaker accepted)."""
    source = annotation.source.strip() if annotation.source else ""
    if not source:
        return None
    suggestion = annotation.suggestion
    if (
        suggestion is not None
        and suggestion.resolved_source
        and suggestion.source is not None
        and suggestion.source == annotation.source
    ):
        return suggestion.resolved_source
    return None if source.lower() in SOURCE_PRONOUNS else source
