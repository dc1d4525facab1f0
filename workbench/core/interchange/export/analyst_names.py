"""An analyst name the import refuses, refused by the export that would carry it (tr10 T4).

An older workbench took analyst names the import now refuses: "All" (`--annotator all`
means every analyst), or a name with white space at an end or a character that draws
nothing ("bob" and a zero-width space: another analyst who looks like bob). Their
annotations are real work, so a database holding them opens and is read as before; but a
json or jsonl export carrying one was a file its own import refused, found out only by
whoever received it. The export says so instead, naming the analyst and how many of
their annotations, and writes nothing; the way on is to export the other analysts, or
to copy the whole database as it is (`copy-db`, which holds any name the store holds).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from workbench.core.annotation import reserved_name_reason


def refused_name_words(annotators: Iterable[str]) -> str | None:
    """Why an export of annotations by `annotators` (one name per annotation) would be
    refused by its own import, or None: the first refused name in order, with its count
    and the others'."""
    counts = Counter(annotators)
    refused = [
        (name, found[0])
        for name in sorted(counts)
        if (found := reserved_name_reason(name)) is not None
    ]
    if not refused:
        return None
    name, reason = refused[0]
    others = f" (and {len(refused) - 1} more such analyst(s))" if len(refused) > 1 else ""
    return (
        f"nothing exported: {counts[name]} annotation(s) are by an analyst whose name an "
        f"older workbench took and the import refuses{others}: {reason}. A file holding "
        "it could not be imported; export each other analyst with --annotator NAME, or "
        "copy the whole database as it is with `workbench copy-db`"
    )
