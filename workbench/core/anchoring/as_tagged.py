"""What an annotation re-anchoring moved looked like when the analyst made it.

An annotation marked to check sits on a sentence that is only like the one tagged, and
its quote, offsets and surroundings are the new sentence's: the analyst must see the old
quote beside the new sentence before confirming ("30 troops" may now read "300
troops"). The old version is the `before` of the re-anchoring that moved it, in the
plan (an article re-anchored in memory) or in the history (one re-anchored and stored
earlier, by any command). A later re-anchoring keeps an unconfirmed annotation to
check, so the version wanted is the one before the first of its moves: the one the
analyst made, or last confirmed.

An annotation is followed across moves from record to record: each version known is
kept under where the annotation is now (`Where`: its analyst, article, text, sentence and
creation time, and whether it is an orphan), which the store holds one annotation at
a time, and moves with it when a record moves it. Its creation time alone does not tell
two apart (an7's residue: annotations of a hand-made or imported file may share one,
and an orphan of the same time re-attached in the same plan made the one to check
forget how it was tagged).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from workbench.core.anchoring.placement import ArticlePlan
from workbench.core.annotation import Annotation

MOVED_STATES = frozenset({"check", "reanchored"})
"""States of an annotation that re-anchoring moved and the analyst has not confirmed."""

Identity = tuple[str, str, str]
"""(annotator, article_id, created_at): one annotation, wherever re-anchoring put it."""


def identity(annotation: Annotation) -> Identity:
    return (annotation.annotator, annotation.article_id, annotation.created_at)


Where = tuple[str, str, str, int, str, bool]
"""(annotator, article_id, article_sha256, index, created_at, orphaned): where one
annotation is now; no two stored annotations share it (one analyst's placed ones never
share a sentence of a text, and an orphan is named by the rest)."""


def where(annotation: Annotation) -> Where:
    return (
        annotation.annotator,
        annotation.article_id,
        annotation.article_sha256,
        annotation.index,
        annotation.created_at,
        annotation.is_orphan,
    )


class ChangeOf(Protocol):
    """A history record, as far as this needs one (store.Change has it)."""

    @property
    def before(self) -> Annotation | None: ...
    @property
    def after(self) -> Annotation | None: ...


class TaggedVersions:
    """Each moved, unconfirmed annotation's version as tagged, by where it is now.

    A confirmation forgets the version, but keeps it aside while the annotation stays
    where it was confirmed: an undo of the confirmation puts it back to check on the
    same sentence of the same text, and it was tagged as before (qa14 Q17: the
    confirmed version was taken for the one tagged, "the same words" shown beside a
    changed figure). A re-anchoring moves it onto another text: the version confirmed
    is then the one tagged. A deletion keeps both aside too: the annotation made again
    where it was (a redo of its undo) was tagged as before, not "imported already
    moved" (tr15 T5: an undo and redo lost the words tagged from the panel, the
    summary and the export's tagged_on)."""

    def __init__(self) -> None:
        self._tagged: dict[Where, Annotation] = {}
        self._confirmed: dict[Where, Annotation] = {}
        self._deleted: dict[Where, tuple[Annotation | None, Annotation | None]] = {}

    def __len__(self) -> int:
        return len(self._tagged)

    def record(self, before: Annotation | None, after: Annotation | None) -> None:
        """Follow one change of one annotation (a history record, a placement)."""
        earlier = self._tagged.pop(where(before), None) if before is not None else None
        aside = self._confirmed.pop(where(before), None) if before is not None else None
        if after is None:
            if before is not None and (earlier is not None or aside is not None):
                self._deleted[where(before)] = (earlier, aside)
            return
        key = where(after)
        if before is None and key in self._deleted:  # made again where it was deleted
            earlier, aside = self._deleted.pop(key)
            if after.anchor_state in MOVED_STATES and earlier is not None:
                self._tagged[key] = earlier
            elif aside is not None:
                self._confirmed[key] = aside
            return
        if after.anchor_state not in MOVED_STATES or before is None:
            self._tagged.pop(key, None)  # confirmed, made here, or imported so: not known
            kept = earlier or aside
            if kept is not None and before is not None and where(before) == key:
                self._confirmed[key] = kept  # confirmed, or edited since, in its place
            return
        if before.anchor_state not in MOVED_STATES:
            undone = aside is not None and where(before) == key  # y undone: as before it
            self._tagged[key] = aside if undone and aside is not None else before
            return
        if earlier is not None:
            self._tagged[key] = earlier
        elif before.anchor_state == "reanchored":
            self._tagged[key] = before  # moved by its exact quote: that is the quote tagged
        else:
            self._tagged.pop(key, None)

    def follow(self, changes: Iterable[ChangeOf]) -> TaggedVersions:
        """Follow the changes, oldest first (a store's history)."""
        for change in changes:
            self.record(change.before, change.after)
        return self

    def follow_plan(self, plan: ArticlePlan) -> None:
        """Follow an article's re-anchoring (stored, or shown from memory)."""
        for placement in plan.placements:
            if placement.changed:
                self.record(placement.before, placement.after)

    def of(self, annotation: Annotation) -> Annotation | None:
        """The annotation as tagged (its quote and place on the text it was made on), or
        None: not moved, confirmed since, or not known (imported already moved)."""
        if annotation.anchor_state not in MOVED_STATES:
            return None
        return self._tagged.get(where(annotation))

    def fill_from(self, other: TaggedVersions) -> None:
        """Take `other`'s versions of the annotations these do not know (these are
        newer: followed as they happened, while `other` was read)."""
        for key, version in other._tagged.items():
            self._tagged.setdefault(key, version)
        for key, version in other._confirmed.items():
            self._confirmed.setdefault(key, version)
        for key, versions in other._deleted.items():
            self._deleted.setdefault(key, versions)


def versions_of(
    annotations: Iterable[Annotation],
    history: Callable[[], Iterable[ChangeOf]],
    plans: Iterable[ArticlePlan] = (),
) -> TaggedVersions:
    """How `annotations` to check were tagged: from the history (read only when one of
    them is to check: it is the whole audit trail) and the plans that placed them in
    memory (a read-only view's)."""
    versions = TaggedVersions()
    if any(annotation.anchor_state == "check" for annotation in annotations):
        versions.follow(history())
        for plan in plans:
            versions.follow_plan(plan)
    return versions


Tagged = Callable[[Annotation], Annotation | None]
"""How an annotation to check was tagged (TaggedVersions.of)."""


def tagged_reader(
    history: Callable[[], Iterable[ChangeOf]], plans: Iterable[ArticlePlan] = ()
) -> Callable[[Iterable[Annotation]], Tagged]:
    """What an export asks (from_store.export_bytes's `as_tagged`): given the records to
    check, how each was tagged, from the history and the view's plans."""
    return lambda moved: versions_of(moved, history, plans).of
