"""keymap.toml as read: its entries (binding id -> keys) and the line of each.

Reading the file is config's; checking each entry against the keys Textual reports and
the bindings of every screen needs Textual, so it is workbench/tui/keymap.py's, which
turns a KeymapFile into a Keymap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.config.locations import keymap_path
from workbench.config.toml_file import ConfigFileError, read_toml
from workbench.core.files.regular import read_regular


class KeymapError(ConfigFileError):
    """The keymap file exists but cannot be used at all (unreadable, not TOML)."""


@dataclass(frozen=True)
class KeymapFile:
    """The file's entries as written, and the line of each (0 when not found)."""

    path: Path
    entries: dict[str, Any]
    lines: dict[str, int]


@dataclass
class Keymap:
    """The entries that can be used (binding id -> keys) and why the others cannot."""

    bindings: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def entry_lines(text: str) -> dict[str, int]:
    """The line of each top-level `id = ...` entry (a keymap is one flat table)."""
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        found = re.match(r"""\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_.-]+))\s*=""", line)
        if found:
            lines.setdefault(next(group for group in found.groups() if group), number)
    return lines


def read_keymap_file(path: Path | None = None) -> KeymapFile:
    """The keymap file's entries (none when there is no file); KeymapError when it cannot
    be read or is not TOML."""
    path = path or keymap_path()
    try:
        entries = read_toml(path, "keymap")
    except ConfigFileError as error:
        raise KeymapError(str(error)) from None
    if not entries:
        return KeymapFile(path, {}, {})
    return KeymapFile(path, entries, entry_lines(read_regular(path).decode("utf-8")))
