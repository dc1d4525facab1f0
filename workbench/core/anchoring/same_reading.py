"""Whether a source read from its neighbours names the same speaker on a changed text.

"He added …" with the source typed "He" (no speaker accepted) means whoever the article
names around it (qa6 Q25). Kept at its index on a changed text, it is marked
re-anchored unless nothing shows its reading may have changed. Re-anchoring keeps no old
text, but the annotations made on it recorded their sentences' words: the current text
with each changed sentence's words put back is the old text exactly when its sha256 is
the one those annotations name (a proof, never a guess: `recovered_text`). With both
texts, the speaker is read on each as the summary reads it (Speakers): the same
speaker, and the annotation is as it was made; another, and it is marked (qa10 Q9: an
edit of two sentences marked three others whose sentences did not change, and the
analyst was asked to confirm what nothing had changed). Without the old text the start
of the text shown unchanged decides, as before (same_start.py, placement._kept_state).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from workbench.core.analysis.sources.speakers import Speakers
from workbench.core.annotation import CURRENT, Annotation
from workbench.core.corpus.sentences import Sentence, split_sentences


@dataclass
class KnownText:
    """An article's text as the speaker resolver reads it (speakers.ArticleText)."""

    id: str
    text: str
    sha256: str = field(init=False)

    def __post_init__(self) -> None:
        self.sha256 = sha256_of(self.text)

    @cached_property
    def sentences(self) -> list[Sentence]:
        return split_sentences(self.id, self.text)


def sha256_of(text: str) -> str:
    """The name of a text, as Article names it (its UTF-8 bytes' sha256)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def recovered_text(
    text: str, sha256: str, moves: Iterable[tuple[Annotation, Annotation]]
) -> str | None:
    """The text named `sha256`, when `text` with each sentence that changed under an
    annotation made on it given back its words as tagged is exactly that text; else
    None. `moves`: (before, after) of the article's annotations placed on `text`."""
    changed: dict[tuple[int, int], str] = {}
    for before, after in moves:
        if before.article_sha256 != sha256 or after.article_sha256 == sha256:
            continue
        span = (after.start, after.end)
        if text[after.start : after.end] == before.quote:
            continue
        if changed.setdefault(span, before.quote) != before.quote:
            return None  # two versions of one sentence: not one text
    pieces: list[str] = []
    reach = 0
    for (start, end), quote in sorted(changed.items()):
        if start < reach:
            return None
        pieces.extend((text[reach:start], quote))
        reach = end
    pieces.append(text[reach:])
    old = "".join(pieces)
    return old if sha256_of(old) == sha256 else None


def same_speakers(
    article_id: str,
    old: str,
    new: str,
    kept: Sequence[tuple[Annotation, Annotation]],
) -> list[bool]:
    """For each (before, after) of `kept` (annotations made on the text `old`, at their
    index on `new`): True when its source names the same speaker on both texts, as the
    summary would read it on each (nobody on both counts as the same)."""
    if not kept:
        return []
    old_text, new_text = KnownText(article_id, old), KnownText(article_id, new)
    # read by the resolver on each text alone: a provenance names the speaker of the
    # text it was made on only, and marks a record moved onto another as made earlier
    befores = [replace(before, suggestion=None) for before, _after in kept]
    afters = [replace(after, anchor_state=CURRENT, suggestion=None) for _before, after in kept]
    on_old = Speakers(befores, {article_id: old_text}, _no_title)
    on_new = Speakers(afters, {article_id: new_text}, _no_title)
    return [
        on_old.speaker(before) == on_new.speaker(after)
        for before, after in zip(befores, afters, strict=True)
    ]


def _no_title(_article_id: str) -> str:
    return ""
