"""Which words of an old quote a new sentence no longer has, to show them marked.

An annotation to check sits on a sentence only like the one tagged; the difference may
be one figure in forty words ("30" became "300"). Marking the old quote's words that
are gone, and showing the stretch around the first of them when the line is short,
makes the difference impossible to miss.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

Part = tuple[str, bool]
"""A stretch of text, and whether it is changed (not in the other text)."""

_WORDS = re.compile(r"\s+|\S+")


def changed_words(old: str, new: str) -> list[Part]:
    """`old` cut into stretches, each marked True where its words are not in `new`."""
    old_words = _WORDS.findall(old)
    matcher = SequenceMatcher(None, old_words, _WORDS.findall(new), autojunk=False)
    parts: list[Part] = []
    for tag, low, high, _new_low, _new_high in matcher.get_opcodes():
        if low == high:
            continue  # words only the new text has: nothing of the old to mark
        text = "".join(old_words[low:high])
        changed = tag != "equal" and not text.isspace()
        if parts and parts[-1][1] == changed:
            parts[-1] = (parts[-1][0] + text, changed)
        else:
            parts.append((text, changed))
    return parts


def around_first_change(parts: list[Part], width: int) -> list[Part]:
    """The parts cut to about `width` characters, starting a little before the first
    changed one so that it shows ("…" where text was left out)."""
    total = sum(len(text) for text, _changed in parts)
    if total <= width:
        return parts
    first = 0
    for text, changed in parts:
        if changed:
            break
        first += len(text)
    start = max(0, min(first - width // 4, total - width))
    shown: list[Part] = [("…", False)] if start else []
    at = 0
    for text, changed in parts:
        low, high = max(start - at, 0), min(start + width - at, len(text))
        if low < high:
            shown.append((text[low:high], changed))
        at += len(text)
    if start + width < total:
        shown.append(("…", False))
    return shown
