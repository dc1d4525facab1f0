"""A change to an annotation in an analyst's words: what `u` says it undid.

"Undid: claim on “Kursk: troops seen”, sentence 12" is read at a glance; "Undid a change
to 003_e663f5f9bf7bc169, sentence 12" is not. The words describe the change as it was
first made (before -> after): its undo says "Undid: …", its redo "Redid: …".
Sentences are numbered from 1, as the header and every list show them. The title is
the caller's (short, as shown elsewhere); the front end sanitises the whole line.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from workbench.core.annotation import CURRENT, DEFAULT_STATUS, Annotation, status_words

QUOTED_CHARS = 30
"""A source longer than this is cut in a message (the panel shows it whole)."""


@dataclass(frozen=True, slots=True)
class ChangeSides:
    """One annotation before and after a change (None: no annotation), the change's
    action ("reanchor" is told apart; the others are read from the sides) and how many
    annotations its step changed (an article's re-anchoring moves several at once)."""

    before: Annotation | None
    after: Annotation | None
    action: str = "save"
    count: int = 1

    @property
    def sentence(self) -> int:
        """The sentence as people number it (the index is from 0)."""
        shown = self.after if self.after is not None else self.before
        return (shown.index if shown is not None else 0) + 1


def what_changed(before: Annotation | None, after: Annotation | None) -> str:
    """The fields a change made, in a few words: "claim", "denial removed",
    "source “Mr. Austin”", "note", "status disputed", "annotation deleted"; "change" if
    nothing shown differs (only its place in the text, say)."""
    if after is None:
        if before is None:
            return "change"
        only_tags = before.source is None and not before.note and before.status == DEFAULT_STATUS
        if before.tags and only_tags:
            return " and ".join(before.tags) + " removed"
        return "annotation deleted"
    old = before if before is not None else _blank_like(after)
    parts: list[str] = []
    added = [tag for tag in after.tags if tag not in old.tags]
    removed = [tag for tag in old.tags if tag not in after.tags]
    if added:
        parts.append(" and ".join(added))
    if removed:
        parts.append(" and ".join(removed) + " removed")
    if after.source != old.source:
        parts.append(f"source “{_cut(after.source)}”" if after.source else "source removed")
    if after.note != old.note:
        parts.append("note" if after.note else "note removed")
    if after.status != old.status:
        parts.append(f"status {status_words(after.status)}")
    if old.anchor_state != after.anchor_state and after.anchor_state == CURRENT:
        parts.append("place confirmed")
    return ", ".join(parts) or "change"


def describe_change(sides: ChangeSides, title: str) -> str:
    """The change with its article's (short) title and sentence number:
    "claim on “Title”, sentence 12"; "re-anchoring of “Title” (5 annotations)"."""
    where = f"“{title}”"
    if sides.action == "reanchor":
        plural = "annotation" if sides.count == 1 else "annotations"
        return f"re-anchoring of {where} ({sides.count} {plural})"
    before, after = sides.before, sides.after
    if before is not None and before.is_orphan:
        if after is None:
            return f"deleted orphan of {where}"
        if not after.is_orphan:
            return f"orphan re-attached on {where}, sentence {sides.sentence}"
    shown = after if after is not None else before
    if shown is not None and shown.is_orphan:  # its sentence is gone: not the one there now
        place = f"an orphan (was sentence {sides.sentence})"
    else:
        place = f"sentence {sides.sentence}"
    return f"{what_changed(sides.before, sides.after)} on {where}, {place}"


def _cut(text: str | None) -> str:
    plain = " ".join((text or "").split())
    return plain if len(plain) <= QUOTED_CHARS else plain[: QUOTED_CHARS - 1] + "…"


def _blank_like(annotation: Annotation) -> Annotation:
    """The annotation as it was before anything was recorded on its sentence."""
    return replace(
        annotation, tags=(), source=None, note="", status=DEFAULT_STATUS, anchor_state=CURRENT
    )
