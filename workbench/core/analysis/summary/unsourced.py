"""Attributions and denials tagged with no source: the analyst's omission, not the article's.

"unattributed" says nobody in the article is said to speak the sentence; an attribution
or a denial left without a source says the analyst did not record who does. Reported in
the same word, the omission could not be seen (qa10 Q24): it is named apart, and counted
in the report's caveats.
"""

from __future__ import annotations

from collections.abc import Iterable

from workbench.core.annotation import Annotation

NO_SOURCE_RECORDED = "no source recorded"
_NEEDING_A_SOURCE = ("attribution", "denial")
"""The tags that say a source speaks the sentence (docs/GUIDELINES: a denial is a source's)."""


def no_source_words(annotation: Annotation) -> str:
    """What a judgement with no source is called: 'attribution tagged, no source
    recorded' (or 'denial tagged, ...') when its tags say a source speaks it, else
    'unattributed'."""
    for tag in _NEEDING_A_SOURCE:
        if tag in annotation.tags:
            return f"{tag} tagged, {NO_SOURCE_RECORDED}"
    return "unattributed"


def lacks_recorded_source(annotation: Annotation) -> bool:
    """An attribution or a denial whose analyst left the source empty."""
    return not (annotation.source or "").strip() and any(
        tag in annotation.tags for tag in _NEEDING_A_SOURCE
    )


def unsourced_caveat(annotations: Iterable[Annotation]) -> str | None:
    """The caveat counting them, or None when there is none."""
    counts = {tag: 0 for tag in _NEEDING_A_SOURCE}
    seen: set[object] = set()
    for annotation in annotations:
        if not lacks_recorded_source(annotation) or annotation.key in seen:
            continue  # most have a source: their key is never made (100,000 lines)
        seen.add(annotation.key)
        counts["attribution" if "attribution" in annotation.tags else "denial"] += 1
    if not any(counts.values()):
        return None
    told = " and ".join(
        f"{count} {tag}{'' if count == 1 else 's'}" for tag, count in counts.items() if count
    )
    return (
        f"{told} tagged with no source recorded: listed as “{NO_SOURCE_RECORDED}”, not "
        "as unattributed (the analyst left the source empty; the article may name one)"
    )
