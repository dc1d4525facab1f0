"""What a writer keeps once it has written: the readings of the annotations it wrote.

A summary restores the readings the store keeps (ledger/readings.py) instead of reading
quotes and pronouns again; the store keeps only what writers give it. A writer (import
after its commit, the annotate screen after a claim, denial or source save, re-anchoring)
notes the annotations it wrote here and, off the path the analyst waits on, reads what a
summary of them would read: each claim or denial quote, and the speaker of each pronoun
or bare-role source whose article's text it has (the text the annotation was made on).
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator, Mapping
from dataclasses import replace

from workbench.core.analysis.ledger.readings import Readings, Record, quote_key, speaker_key
from workbench.core.analysis.sources.grouping import clean_source
from workbench.core.analysis.sources.speakers import (
    PLAIN,
    ArticleText,
    Speakers,
    source_kind,
    told_speaker,
)
from workbench.core.annotation import CURRENT, Annotation


class NewReadings:
    """The annotations a writer wrote that a summary reads something of (`note`), and
    those readings (`read`)."""

    def __init__(self) -> None:
        self.quotes: set[str] = set()
        """Quotes of claims and denials."""
        self.sources: list[Annotation] = []
        """Annotations with a pronoun or bare-role source."""
        self._kinds: dict[str, int] = {}

    def note(self, annotation: Annotation) -> None:
        tags = annotation.tags
        if "claim" in tags or "denial" in tags:
            self.quotes.add(annotation.quote)
        source = annotation.source
        if source and source.strip():
            kind = self._kinds.get(source)
            if kind is None:
                kind = self._kinds[source] = source_kind(clean_source(source))
            if kind != PLAIN:
                self.sources.append(annotation)

    def noting(self, annotations: Iterable[Annotation]) -> Iterator[Annotation]:
        """`annotations` as they are, each noted on its way (a stream stays a stream)."""
        for annotation in annotations:
            self.note(annotation)
            yield annotation

    def __bool__(self) -> bool:
        return bool(self.quotes or self.sources)

    def read(
        self, texts: Mapping[str, ArticleText] | None, known: Container[str] = ()
    ) -> dict[str, Record]:
        """The readings of what was noted whose key is not in `known` (what the store
        holds already): every quote's, and the speaker of every source whose article's
        text `texts` has as the annotation was made on, unless its accepted suggestion
        tells it (every summary believes that one; another analyst's annotation of the
        same source there without one is read for its own summary)."""
        readings = Readings()
        for quote in self.quotes:
            if quote_key(quote) not in known:
                readings.claim_text(quote)
        wanted = []
        for annotation in self.sources:
            article = None if texts is None else texts.get(annotation.article_id)
            if article is None or article.sha256 != annotation.article_sha256:
                continue
            key = speaker_key(
                annotation.article_sha256, annotation.index, clean_source(annotation.source or "")
            )
            if key not in known and told_speaker(annotation) is None:
                # read on the text it is on now, moved or not: what a summary reads once
                # the analyst confirms a moved one there
                wanted.append(replace(annotation, anchor_state=CURRENT, suggestion=None))
        if wanted:
            Speakers(wanted, texts, str, None, readings)
        return readings.added
