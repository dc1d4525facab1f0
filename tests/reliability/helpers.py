"""Helpers shared by the reliability tests: the files of a database, and what is on screen."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.app import App
from textual.geometry import Region

from workbench.tui.widgets.sentence_view import SentenceView


def database_files(database: Path) -> dict[str, bytes]:
    """Every file that belongs to `database` (snapshot, journal, history, lock, backups)."""
    return {
        path.name: path.read_bytes()
        for path in sorted(database.parent.iterdir())
        if path.name.startswith(database.name) and path.is_file()
    }


def copy_database(database: Path, folder: Path) -> Path:
    """A copy of `database`'s files in an empty `folder`, as a crash left them; returns the
    copy's path. Checking the copy leaves the original exactly as the crash left it."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, data in database_files(database).items():
        (folder / name).write_bytes(data)
    return folder / database.name


def sentence_view_text(app: App[None]) -> str:
    """What the sentence view has drawn, its lines joined by spaces."""
    view = app.screen.query_one(SentenceView)
    width, height = view.size
    lines = view.render_lines(Region(0, 0, width, height))
    return " ".join(line.text.rstrip() for line in lines)
