"""A spokesman named by the body's title ("Pentagon spokesman"): the person his article
names with that title.

News writes the title first and the name later: "The Pentagon spokesman said …", then
"Air Force Maj. Gen. Pat Ryder, the Pentagon spokesman, told reporters …". Typed as
the sentence says it, "Pentagon spokesman" was a source of its own beside "Pat Ryder",
and the ledger's "sources:" line read as two speakers (qa7 Q10 a). A source that is a
body's spokesman (no name, a qualifier before the role word) is the one person its
article names with exactly that title, in apposition ("NAME, the TITLE") or before the
name ("TITLE NAME"); none or two: as typed.
"""

from __future__ import annotations

import re
from functools import cache

from workbench.core.analysis.lexicon import NAME_PREFIXES
from workbench.core.analysis.sources.grouping import parse_source

SPOKES = frozenset(("spokesman", "spokeswoman", "spokesperson"))
"""The role words of one person speaking for a body."""

_NAME = r"((?:[A-Z][\w.’'-]*\s+){0,5}[A-Z][\w’'-]+)"
"""A run of capitalised words ("Air Force Maj. Gen. Pat Ryder")."""


def titled_role(source: str) -> str | None:
    """The title of a cleaned source that names a body's spokesman ("Pentagon
    spokesman" from "the Pentagon spokesman"), else None."""
    words = source.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if len(words) < 2 or words[-1].lower() not in SPOKES:
        return None
    if parse_source(source)[0] != "group":
        return None  # a name in it ("Kremlin spokesman Dmitry Peskov"): a person as typed
    return " ".join(words)


def titled_person(text: str, title: str) -> str | None:
    """The one person `text` names with `title`, by name without rank or title ("Pat
    Ryder" of "Air Force Maj. Gen. Pat Ryder"), else None (nobody, or two people)."""
    found: dict[tuple[str, ...], str] = {}
    for match in _named(title).finditer(text):
        words = next(group for group in match.groups() if group).split()
        while words and words[0].lower().rstrip(".") in NAME_PREFIXES:
            words = words[1:]  # "Air Force Maj. Gen. Pat Ryder": the name is "Pat Ryder"
        kind, tokens = parse_source(" ".join(words))
        if kind == "person" and len(tokens) > 1:
            found.setdefault(tokens, " ".join(words))
    return next(iter(found.values())) if len(found) == 1 else None


@cache
def _named(title: str) -> re.Pattern[str]:
    words = r"\s+".join(map(re.escape, title.split()))
    return re.compile(
        rf"{_NAME},\s+(?:(?i:the|a|an)\s+)?(?i:{words})\b"  # NAME, the TITLE
        rf"|(?i:{words}),?\s+{_NAME}"  # TITLE NAME, TITLE, NAME
    )
