"""What the program remembers between runs for convenience: the last export folder.

Kept apart from the annotations and the settings: it is state, not data or
configuration, so it lives where XDG puts state ($XDG_STATE_HOME/workbench/state.json,
usually ~/.local/state/workbench/state.json), per user rather than per database, and
losing it costs nothing but a default. A file that cannot be read or written is named
in a StateError and otherwise ignored; it never stops an export. It is read as
settings.toml is (never blocking, regular files only) and at most MAX_STATE_BYTES of it:
a FIFO there hung the export dialog, and 100,000 '[' ended it in a RecursionError (rv R1).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from workbench.config.locations import state_path
from workbench.core.files.atomic import atomic_write_text
from workbench.core.files.regular import TooLarge, read_regular
from workbench.core.terminal_text import name_printable

MAX_STATE_BYTES = 1 << 20
"""Far more than a folder name or two: a larger state.json is not one workbench wrote."""


class StateError(ValueError):
    """The state file cannot be read or written; the message names it."""


def read_state(path: Path | None = None) -> dict[str, Any]:
    """The remembered values, {} when there are none yet."""
    path = path or state_path()
    try:  # a FIFO in its place must not hang the dialog
        raw = read_regular(path, MAX_STATE_BYTES)
    except FileNotFoundError:
        return {}
    except TooLarge:
        raise StateError(
            f"{name_printable(path)}: larger than {MAX_STATE_BYTES >> 20} MiB, "
            "not a state file workbench wrote"
        ) from None
    except OSError as error:
        raise StateError(
            f"{name_printable(path)}: cannot read ({error.strerror or error})"
        ) from None
    try:
        state = json.loads(raw)
    except (UnicodeDecodeError, ValueError) as error:
        raise StateError(f"{name_printable(path)}: not valid JSON ({error})") from None
    except RecursionError:  # the json module reads nested arrays by recursion
        raise StateError(
            f"{name_printable(path)}: not a state file workbench reads (nested too deeply)"
        ) from None
    if not isinstance(state, dict):
        raise StateError(f"{name_printable(path)}: expected a JSON object")
    return state


def last_export_folder(path: Path | None = None) -> Path | None:
    """The folder of the last export from the TUI, if it still exists."""
    folder = read_state(path).get("export_folder")
    if not isinstance(folder, str):
        return None
    try:
        found = Path(folder).is_dir()
    except OSError:  # a name too long for the system is no folder either
        return None
    return Path(folder) if found else None


def remember_export_folder(folder: Path, path: Path | None = None) -> None:
    """Remember `folder` (made absolute) as the last export folder."""
    path = path or state_path()
    try:
        state = read_state(path)
    except StateError:
        state = {}  # rewritten whole: it only ever held conveniences
    state["export_folder"] = str(folder.absolute())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, json.dumps(state, indent=2) + "\n")
    except OSError as error:
        raise StateError(
            f"{name_printable(path)}: cannot write ({error.strerror or error})"
        ) from None
