"""Helpers for the store tests (a module of its own: `conftest` is an ambiguous name)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workbench.core.annotation import Anchor, Annotation

TEXT = "The minister said the figures were wrong. [Mr. Putin] denied it. Nobody else spoke."
SENTENCES = ((0, 41), (42, 64), (65, 84))

MakeAnnotation = Callable[..., Annotation]


def annotation(
    article_id: str = "a1", index: int = 0, annotator: str = "alice", **values: Any
) -> Annotation:
    """A tagged annotation of sentence `index` (claim unless values say otherwise)."""
    start, end = SENTENCES[index % len(SENTENCES)]
    anchor = Anchor.in_text(article_id, "0" * 64, TEXT, index, start, end)
    values.setdefault("tags", ("claim",))
    return Annotation.new(anchor, annotator, **values)


def database_files(path: Path) -> dict[str, bytes]:
    """The bytes of every file of a database, by name."""
    return {f.name: f.read_bytes() for f in sorted(path.parent.iterdir()) if f.is_file()}


def crash_copy(path: Path, destination: Path) -> Path:
    """What a crash would leave on disk: the database's files (snapshot, journal and its
    sealed segments, history) as they are now, without close()."""
    destination.mkdir()
    for source in sorted(path.parent.iterdir()):
        if source.name.startswith(path.name) and not source.name.endswith(".lock"):
            shutil.copyfile(source, destination / source.name)
    return destination / path.name
