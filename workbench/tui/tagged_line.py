"""The line that shows, beside a sentence an annotation was moved onto, what was tagged.

An annotation to check sits on a sentence only like the one the analyst tagged: `y`
must never be pressed blind. The annotate panel, the review screen's detail line and the
summary's Anchoring tab show the old quote with the words the new sentence no longer
has marked ("30" where it now reads "300"), around the first of them when the line is
short; when the words are the same (one of two copies of a sentence), what stood before
it in its paragraph, which is what told the copies apart.
"""

from __future__ import annotations

from textual.content import Content

from workbench.core.analysis.sources.speakers import reads_its_neighbours
from workbench.core.annotation import Annotation
from workbench.core.corpus.changed_words import around_first_change, changed_words
from workbench.tui.literal import visible, within

LABEL = "as tagged: "
CHANGED_STYLE = "bold reverse $warning"
CONTEXT_SHOWN = 40
"""Characters of a copy's paragraph shown before it, when the words are the same."""


def tagged_line(
    annotation: Annotation, tagged: Annotation | None, width: int, history_read: bool = True
) -> Content | None:
    """`as tagged: …` for an annotation to check (None for any other), fitted to
    `width` cells. `tagged` is its version as tagged, None when not known: still being
    read from the history (`history_read` False), or never recorded (imported already
    moved)."""
    shown = tagged_text(annotation, tagged, max(width - len(LABEL), 20), history_read)
    return None if shown is None else Content(LABEL).stylize("$text-muted") + shown


def tagged_text(
    annotation: Annotation, tagged: Annotation | None, width: int, history_read: bool = True
) -> Content | None:
    """tagged_line without its label (a table column's cell)."""
    if annotation.anchor_state != "check":
        return None
    if tagged is None:
        why = (
            "not recorded here (imported already moved): see the file it came from"
            if history_read
            else "reading the history…"
        )
        return Content(why).stylize("italic")
    if tagged.quote == annotation.quote:
        return Content(visible(same_words_where(tagged.prefix), single_line=True))
    parts = around_first_change(changed_words(tagged.quote, annotation.quote), width)
    return Content.assemble(
        *(
            (visible(text, single_line=True), CHANGED_STYLE) if changed else visible(text)
            for text, changed in parts
        )
    )


def same_words_where(prefix: str) -> str:
    """Where a sentence tagged with these very words stood, from the text before it as
    tagged: after what in its paragraph, or, first in it, after which paragraph (qa13
    Q14: "first in its paragraph" alone, of a sentence first in its paragraph before and
    after, named nothing that had changed around it)."""
    earlier, _, before = prefix.rpartition("\n")
    if before:
        return f"the same words, after “…{before[-CONTEXT_SHOWN:]}” in its paragraph"
    ending = earlier.rstrip()[-CONTEXT_SHOWN:]
    if ending:
        return f"the same words, first in its paragraph, after one ending “…{ending}”"
    return "the same words, first in its paragraph"


def reanchored_words(annotation: Annotation, tagged: Annotation | None) -> str:
    """What re-anchoring did to a "reanchored" annotation, and only that (qa10 Q9: one
    kept at its sentence read "moved here … (was sentence 3)" on sentence 3, and the
    analyst learns to confirm without reading): moved, from which sentence; or not
    moved, the article changed around it (a speaker read from its neighbours, "he",
    may now be another); or, where it was tagged not known, re-anchored."""
    if tagged is None:
        return "re-anchored after the article changed"
    if tagged.index != annotation.index:
        return f"moved here after the article changed (was sentence {tagged.index + 1})"
    words = "not moved, the article changed around it"
    if reads_its_neighbours(annotation) and annotation.source:
        words += f": who “{annotation.source}” is may read differently now"
    return words


def source_gone(
    annotation: Annotation, tagged: Annotation | None, cells: int | None = None
) -> str | None:
    """`source “Rescuers” is not in the sentence now · s changes it` for a moved
    annotation whose recorded source its sentence as tagged named and the sentence now
    does not (qa10 Q28: "Rescuers said" corrected to "Rescue officials said", and `y`
    kept "Rescuers" with nothing said); None otherwise. Said beside `y`, never decided
    for the analyst: the source is theirs to change. `cells`: the source shown in at most
    so many (within), for a detail of few lines."""
    source = annotation.source
    if tagged is None or not source or annotation.anchor_state not in ("check", "reanchored"):
        return None
    words = source.casefold()
    if words in tagged.quote.casefold() and words not in annotation.quote.casefold():
        shown = source if cells is None else within(source, cells)
        return f"source “{shown}” is not in the sentence now · s changes it"
    return None
