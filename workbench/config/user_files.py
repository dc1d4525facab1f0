"""A report or export must not be written over one of the user's workbench files.

`export -o ~/.config/workbench/settings.toml` replaced the settings with an export,
and every command after it stopped on "not a valid TOML settings file" (polish19); the
keymap, state.json and the summary keeper's key went as silently. The database's own
files are the store's to name (store.own_file_refusal); these are the ones
config/locations.py places. A file under another name (a link) is the same file.
"""

from __future__ import annotations

import os
from pathlib import Path

from workbench.config.locations import keymap_path, settings_path, state_path
from workbench.config.snapshot_key import snapshot_key_path
from workbench.core.terminal_text import name_printable


def _user_files() -> list[tuple[str, Path]]:
    """Each file of the user's with what it is, where it is now (the environment may
    have moved it)."""
    return [
        ("workbench's settings file", settings_path()),
        ("workbench's keymap", keymap_path()),
        ("workbench's state file (what it remembers between runs)", state_path()),
        ("workbench's key for the summaries it keeps", snapshot_key_path()),
    ]


def _same(target: str, path: Path) -> bool:
    if os.path.realpath(path) == target:
        return True
    try:
        return os.path.samefile(target, path)
    except OSError:
        return False


def user_file_refusal(target: Path | str | None) -> str | None:
    """Why a report or export must not be written to `target` (one line naming it), or
    None: it is one of the user's workbench files (settings, keymap, state, key)."""
    if not target:
        return None
    real = os.path.realpath(target)
    for what, path in _user_files():
        if _same(real, path):
            return (
                f"{name_printable(target)} is {what} "
                f"({name_printable(path)}): writing there would replace it; choose another file"
            )
    return None
