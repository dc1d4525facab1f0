"""The speaker an annotation's source names without reading its article: the source as
recorded, or, for a pronoun or a role shown resolved by the suggestion the analyst kept
("He → Pat Ryder", "minister → José Peña"), the speaker it resolved to; a pronoun nobody
resolved names no one. Exports publish it (interchange/export/speaker.py: qa7 Q5) and
`agree` compares it (qa13 Q8: "minister" and "José Peña" were two sources).
"""

from __future__ import annotations

from collections.abc import Iterable

from workbench.core.analysis.lexicon import SOURCE_PRONOUNS
from workbench.core.analysis.sources.grouping import group_sources, source_index, titles_written
from workbench.core.analysis.sources.women import TypedSource, women_named
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


def named_speaker_index(annotations: Iterable[Annotation]) -> dict[str, str]:
    """Each named speaker's spelling -> the name the summary's source grouping counts it
    under among `annotations`, a title joining a full name only where a sentence typed
    with that name writes it (grouping's titles_written), a woman's honorific a full name
    the annotations show to be a woman's (women_named). Exports and `agree` read one
    index, so they name a speaker as each other and the summary do."""
    typed = [(a, name) for a in annotations if (name := named_speaker(a))]
    women = women_named(TypedSource(a.source or "", n, a.quote, a.article_id) for a, n in typed)
    named = [(name, a.quote) for a, name in typed]
    return source_index(group_sources((name for name, _ in named), titles_written(named), women))
