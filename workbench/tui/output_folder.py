"""Where the TUI proposes to write a file: the folder of the last export or report
(remembered across runs in workbench/config/state.py), else the current directory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App

from workbench.config.state import StateError, last_export_folder


def default_folder(app: App[Any]) -> Path:
    """The folder of the last export or report, else the current directory."""
    try:
        return last_export_folder() or Path.cwd()
    except StateError as error:
        app.notify(
            str(error), title="Export folder not remembered", severity="warning", markup=False
        )
        return Path.cwd()


def target_of(answer: str, default_name: str) -> Path:
    """The file an answer names: `~` expanded; a folder means the default name in it."""
    path = Path(answer.strip()).expanduser()
    return path / default_name if path.is_dir() else path
