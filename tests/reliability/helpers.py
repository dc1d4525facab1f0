"""Helpers shared by the reliability tests: the files of a database, and what is on screen."""

from __future__ import annotations

import inspect
import shutil
from pathlib import Path

from textual.app import App
from textual.geometry import Region
from textual.notifications import SeverityLevel

from workbench.tui.app import WorkbenchApp
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


class RecordingApp(WorkbenchApp):
    """The real app, remembering every notification it showed."""

    CSS_PATH = str(Path(inspect.getfile(WorkbenchApp)).with_name("app.tcss"))
    """A subclass resolves CSS_PATH next to its own module; keep the app's stylesheet."""
    notifications: list[str]

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        if not hasattr(self, "notifications"):
            self.notifications = []
        self.notifications.append(message)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)
