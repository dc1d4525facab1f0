"""Where the TUI proposes to write a file: the folder of the last export or report
(remembered across runs in workbench/config/state.py), else the current directory."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual.app import App

from workbench.config.state import StateError, last_export_folder


def default_folder(app: App[Any]) -> Path:
    """The folder of the last export or report, else the current directory; out of the
    folders the articles are read from (a file there would be read as an article, and
    the write is refused: qa21 #11, `annotate .` proposed ./summary.md, then refused it)."""
    try:
        folder = last_export_folder() or Path.cwd()
    except StateError as error:
        app.notify(
            str(error), title="Export folder not remembered", severity="warning", markup=False
        )
        folder = Path.cwd()
    read_from = getattr(app, "read_from", None)
    return outside(folder, read_from() if callable(read_from) else ())


def outside(folder: Path, read: Iterable[Path]) -> Path:
    """`folder`, or the nearest folder above it that no folder of `read` holds."""
    folders = [path.resolve() for path in read if path.is_dir()]
    here = folder.resolve()
    if not any(here == place or place in here.parents for place in folders):
        return folder
    while here.parent != here and any(here == place or place in here.parents for place in folders):
        here = here.parent
    return here


def target_of(answer: str, default_name: str) -> Path:
    """The file an answer names: `~` expanded; a folder means the default name in it."""
    path = Path(answer.strip()).expanduser()
    return path / default_name if path.is_dir() else path
