"""Who makes a statement, as an export published for other tools names them.

The analyst records a pronoun as the pronoun ("He", the guideline's form) and, when the
suggestion showed "He → Pat Ryder" and the analyst kept it, the speaker it resolves to
in the provenance; the summary names that speaker. ClaimReview (read by search engines
and fact-check aggregators) and the W3C "identifying" body published "He" as the
claim's author (qa7 Q5). They name the speaker the analyst accepted; a pronoun nobody
resolved names no one rather than "He"; any other source is written as recorded, unless
the summary would count it under a fuller name the export holds: "Commander Sæther" is
published as "Ingrid Sæther" beside her "She", as the summary counts both (qa13 Q4).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from workbench.core.analysis.sources.accepted import named_speaker, named_speaker_index
from workbench.core.analysis.sources.grouping import canonical_source
from workbench.core.annotation import Annotation


def speakers_named(annotations: Iterable[Annotation]) -> Callable[[Annotation], str | None]:
    """named_speaker, each name as the summary's source grouping counts it among the
    speakers of `annotations` (the annotations exported): a spelling it counts under
    another name ("Commander Sæther", "Sæther" under "Ingrid Sæther") is published as
    that name, when a sentence typed with that name writes the title (grouping's
    titles_written); a name with no fuller one stays as recorded ("General Ryder"
    alone)."""
    index = named_speaker_index(annotations)

    def named(annotation: Annotation) -> str | None:
        speaker = named_speaker(annotation)
        if speaker is None:
            return None
        counted = canonical_source(index, speaker)
        return speaker if counted is None or counted == " ".join(speaker.split()) else counted

    return named
