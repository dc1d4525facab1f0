"""Several analysts in one summary: each sentence counts once, disagreements show.

With one analyst each annotation is one sentence. With several, one sentence may carry
several judgements (its tags, status and source). The summary lists each distinct
judgement of a sentence once, naming the analysts who gave it, marks a sentence its
analysts judged differently (a disagreement), and counts sentences, never annotations
twice: a sentence counts under a tag when any analyst gave it, under a status only
when its analysts agree on it.

An annotation still to check (re-anchoring moved it onto a sentence only like the one
tagged, and nobody confirmed it there) is listed, marked, but counted nowhere: its tags,
source and status were given to other words, so counting them would report a judgement
nobody made on this sentence (qa5 Q5). `facts` leave it out; `to_check` says how many.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from workbench.core.annotation import CHECK, Annotation

SentenceKey = tuple[str, int]
"""(article_id, sentence index)."""
Judgement = tuple[tuple[str, ...], str, str | None]
"""(tags, status, canonical source): what analysts can disagree on."""
Notes = tuple[tuple[tuple[str, ...], str], ...]
"""(analysts, note): each distinct note, with the analysts who wrote it."""


class Facts(NamedTuple):
    """One sentence as the summary counts it (a tuple: one is made per sentence)."""

    article_id: str
    sentence_index: int
    tags: Sequence[str]
    """Every tag some analyst gave the sentence."""
    status: str | None
    """The status its analysts agree on, or None when they give different ones."""
    sources: Sequence[str]
    """Canonical sources its analysts named."""
    disagreement: bool


class Line(NamedTuple):
    """One distinct judgement of a sentence: the annotation shown for it and who gave it."""

    annotation: Annotation
    annotators: tuple[str, ...]
    notes: Notes
    to_check: tuple[str, ...] = ()
    """Those of `annotators` whose annotation was moved onto the sentence after its
    article changed and is not confirmed yet: they tagged other words."""


class Analysts:
    """The annotations of a summary seen sentence by sentence.

    `shown` holds one annotation per distinct judgement of each sentence (all of them
    with one analyst); `facts` one entry per sentence. Only sentences recorded by more
    than one analyst cost more than a dictionary entry.
    """

    def __init__(
        self, annotations: Sequence[Annotation], canonical: Callable[[Annotation], str | None]
    ) -> None:
        self.canonical = canonical
        self.names = sorted({a.annotator for a in annotations})
        self.single = len(self.names) < 2
        self._several: dict[SentenceKey, list[Annotation]] = {}
        self._lines: dict[int, Line] = {}
        self.disagreements: set[SentenceKey] = set()
        if self.single:
            self.shown: list[Annotation] = list(annotations)
            self.facts = [self._fact(a) for a in annotations if counted(a)]
            return
        by_sentence: dict[SentenceKey, Annotation | list[Annotation]] = {}
        for annotation in annotations:
            key = (annotation.article_id, annotation.index)
            found = by_sentence.setdefault(key, annotation)
            if found is not annotation:
                if isinstance(found, list):
                    found.append(annotation)
                else:
                    by_sentence[key] = [found, annotation]
        self.shown = []
        self.facts = []
        for key, found in by_sentence.items():
            if not isinstance(found, list):
                self.shown.append(found)
                if counted(found):
                    self.facts.append(self._fact(found))
                continue
            found.sort(key=_annotator)
            self._several[key] = found
            lines = self._judged(found)
            if sum(1 for line in lines if confirmed(line)) > 1:
                self.disagreements.add(key)  # among judgements made on this sentence
            for line in lines:
                self._lines[id(line.annotation)] = line
                self.shown.append(line.annotation)
            made_here = [a for a in found if counted(a)]
            if made_here:
                self.facts.append(self._merged_fact(key, made_here))

    def judgement(self, annotation: Annotation) -> Judgement:
        return (annotation.tags, annotation.status, self.canonical(annotation))

    def _fact(self, annotation: Annotation) -> Facts:
        return single_fact(annotation, self.canonical)

    def _merged_fact(self, key: SentenceKey, found: list[Annotation]) -> Facts:
        """The facts of a sentence from the annotations counted (`found`)."""
        statuses = {a.status for a in found}
        return Facts(
            key[0],
            key[1],
            sorted({tag for a in found for tag in a.tags}),
            statuses.pop() if len(statuses) == 1 else None,
            sorted({s for a in found if (s := self.canonical(a))}),
            key in self.disagreements,
        )

    def _judged(self, annotations: list[Annotation]) -> list[Line]:
        """The distinct judgements of one sentence, in the order of the first analyst."""
        groups: dict[Judgement, list[Annotation]] = {}
        for annotation in annotations:
            groups.setdefault(self.judgement(annotation), []).append(annotation)
        return [
            Line(found[0], tuple(a.annotator for a in found), notes_of(found), to_check(found))
            for found in groups.values()
        ]

    def merged(self, annotation: Annotation) -> Line | None:
        """The line of a sentence several analysts recorded that `annotation` is shown
        as; None for a sentence only its analyst recorded."""
        return self._lines.get(id(annotation))

    def line(self, annotation: Annotation) -> Line:
        """The line `annotation` is shown as (itself, alone, with one analyst)."""
        found = self._lines.get(id(annotation))
        if found is None:
            return Line(
                annotation,
                (annotation.annotator,),
                notes_of((annotation,)),
                to_check((annotation,)),
            )
        return found

    def others(self, annotation: Annotation) -> list[Line]:
        """The other judgements of `annotation`'s sentence made on it (empty without a
        disagreement)."""
        key = (annotation.article_id, annotation.index)
        if key not in self.disagreements:
            return []
        mine = self.judgement(annotation)
        return [
            self.line(other)
            for other in self._several[key]
            if other is self.line(other).annotation
            and self.judgement(other) != mine
            and confirmed(self.line(other))
        ]


def single_fact(annotation: Annotation, canonical: Callable[[Annotation], str | None]) -> Facts:
    """The facts of a sentence only one analyst recorded: that analyst's judgement."""
    source = canonical(annotation) if annotation.source else None
    return Facts(
        annotation.article_id,
        annotation.index,
        annotation.tags,
        annotation.status,
        (source,) if source else (),
        False,
    )


def counted(annotation: Annotation) -> bool:
    """False for an annotation still to check: it is listed, marked, but counted in no
    table (its judgement was made on other words)."""
    return annotation.anchor_state != CHECK


def confirmed(line: Line) -> bool:
    """True when some analyst of the judgement made it on this sentence: one whose every
    analyst is to check is no disagreement with the others (it was made on other words)."""
    return len(line.to_check) < len(line.annotators)


def _annotator(annotation: Annotation) -> str:
    return annotation.annotator


def to_check(annotations: Sequence[Annotation]) -> tuple[str, ...]:
    """The analysts of `annotations` whose annotation is to check (anchor state "check"):
    moved onto this sentence by re-anchoring, never confirmed on this text."""
    return tuple(a.annotator for a in annotations if a.anchor_state == CHECK)


def notes_of(annotations: Sequence[Annotation]) -> Notes:
    """Each distinct note once, with the analysts who wrote it."""
    by_note: dict[str, list[str]] = {}
    for annotation in annotations:
        if annotation.note:
            by_note.setdefault(annotation.note, []).append(annotation.annotator)
    return tuple((tuple(names), note) for note, names in by_note.items())
