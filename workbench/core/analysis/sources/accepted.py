"""The speaker an annotation's source names without reading its article: the source as
recorded, or, for a pronoun or a role shown resolved by the suggestion the analyst kept
("He → Pat Ryder", "minister → José Peña"), the speaker it resolved to; a pronoun nobody
resolved names no one. Exports publish it (interchange/export/speaker.py: qa7 Q5) and
`agree` compares it (qa13 Q8: "minister" and "José Peña" were two sources).
"""

from __future__ import annotations

from workbench.core.analysis.lexicon import SOURCE_PRONOUNS
from workbench.core.annotation import Annotation


def named_speaker(annotation: Annotation) -> str | None:
    """The statement's speaker, or None (no source, or a pronoun with no speaker
    accepted)."""
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
