"""How much of an article's start is shown unchanged since an older text of it.

Re-anchoring keeps no old text, only what each annotation made on it recorded: its
quote and up to 32 characters each side, at their offsets (Anchor.in_text). Where those
pieces, every one found at its own offsets in the current text, join up from the first
character, that start of the text is the old one, character for character. This is
proof, never a guess: a speaker read from the sentences before "He added …" (qa6 Q25)
cannot have changed when everything before it is shown unchanged (rv8 R3: a typo fixed
after it marked it to check all the same). Where the pieces do not join up (a sentence
nobody tagged, longer than the context each side), nothing is shown.
"""

from __future__ import annotations

from collections.abc import Iterable

from workbench.core.annotation import Annotation


def unchanged_start(text: str, sha256: str, annotations: Iterable[Annotation]) -> int:
    """How many characters at the start of `text` are shown to be those of the text
    named `sha256`, by the annotations made on that text (any analyst's, orphans too:
    each records the words around it there); 0 when none shows the first character."""
    pieces: list[tuple[int, int]] = []
    for annotation in annotations:
        if annotation.article_sha256 != sha256:
            continue
        start = annotation.start - len(annotation.prefix)
        end = annotation.end + len(annotation.suffix)
        if start < 0 or text[start:end] != annotation.prefix + annotation.quote + annotation.suffix:
            continue
        pieces.append((start, end))
    reach = 0
    for start, end in sorted(pieces):
        if start > reach:
            break
        reach = max(reach, end)
    return reach
