"""Helpers shared by the reliability tests: the files of a database, what is on screen, and
the real program run as a separate process."""

from __future__ import annotations

import contextlib
import inspect
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from textual.app import App
from textual.geometry import Region
from textual.notifications import SeverityLevel

from workbench.tui.app import WorkbenchApp
from workbench.tui.widgets.sentence_view import SentenceView

Run = Callable[..., tuple[int, str, str]]
"""The `run` fixture: a command run in process, (exit code, stdout, stderr)."""


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


TAGGER = Path(__file__).with_name("app_tagger.py")
PEAK_OF_CHILD = """
import resource, subprocess, sys
code = subprocess.call(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)
sys.exit(code)
"""
"""Runs a command and prints its peak RSS. A child forked from pytest itself would count
pytest's own pages too, so the command is started from this small process instead."""


def import_in_child(file: Path, database: Path, timeout: float = 120) -> tuple[int, str, int]:
    """Run the real `workbench import`; return (exit code, stderr, its peak RSS in bytes)."""
    command = [sys.executable, "-m", "workbench", "import", str(file), "--db", str(database)]
    result = subprocess.run(
        [sys.executable, "-c", PEAK_OF_CHILD, *command],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return result.returncode, result.stderr, int(result.stdout)


@contextlib.contextmanager
def app_holding(
    database: Path, mode: str = "--hold"
) -> Iterator[tuple[subprocess.Popen[str], list[str]]]:
    """The real app (app_tagger.py) holding `database`, once it has printed "ready": the
    process and the lines it printed before (with --tag-and-hold, the ack of its tag).
    Killed on the way out."""
    child = subprocess.Popen(
        [sys.executable, str(TAGGER), str(database), "0", mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stderr is not None
    try:
        before: list[str] = []
        for line in child.stdout:
            if line == "ready\n":
                break
            before.append(line.strip())
        else:
            raise AssertionError(f"the app did not start: {child.stderr.read()}")
        yield child, before
    finally:
        child.kill()
        child.wait(timeout=30)
        child.stdout.close()
        child.stderr.close()
