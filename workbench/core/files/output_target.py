"""A report or export must not be written where it would replace or join the articles.

The CLI's `-o FILE` and the TUI's report and export dialogs ask the same question,
so both refuse with the same words (tr8 T1: the TUI had overwritten an article after
a bare "exists. Overwrite it?").
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from workbench.core.terminal_text import name_printable


def output_among_articles(paths: Iterable[Path | str], output: Path | str | None) -> str | None:
    """Why OUTPUT must not be written because of the articles read, or None: it is one
    of the PATHs (the report would replace an article, the only copy of a page since
    edited), or inside a PATH folder (read as an article the next time: qa6 Q21)."""
    if not output:
        return None
    target = os.path.realpath(output)
    for path in paths:
        read = os.path.realpath(path)
        inside = os.path.isdir(read) and target.startswith(read.rstrip(os.sep) + os.sep)
        if target == read or (inside and os.path.exists(target)):
            return (
                f"{name_printable(output)} is one of the articles read: writing there would "
                "replace it; choose another file"
            )
        if inside:
            return (
                f"{name_printable(output)} is inside {name_printable(path)}, where the articles "
                "are read from: it would be read as an article the next time; choose a file "
                "outside it"
            )
    return None
