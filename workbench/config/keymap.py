"""keymap.toml as read: its entries (binding id -> keys) and the line of each.

Reading the file is config's; checking each entry against the keys Textual reports and
the bindings of every screen needs Textual, so it is workbench/tui/keymap.py's, which
turns a KeymapFile into a Keymap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.config.locations import keymap_path
from workbench.config.toml_file import (
    ConfigFileError,
    toml_document,
    toml_text,
    written_entry,
    written_table,
)


class KeymapError(ConfigFileError):
    """The keymap file exists but cannot be used at all (unreadable, not TOML)."""


@dataclass(frozen=True)
class KeymapFile:
    """The file's entries (tables flattened to dotted ids), the line of each (0 when not
    found), and the tables that hold no entry."""

    path: Path
    entries: dict[str, Any]
    lines: dict[str, int]
    empty_tables: list[str] = field(default_factory=list)


@dataclass
class Keymap:
    """The entries that can be used (binding id -> keys) and why the others cannot."""

    bindings: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def entry_lines(text: str) -> dict[str, int]:
    """The line of each `id = ...` entry, under its dotted id when it sits in a `[table]`
    (TOML reads `[review]` then `search = ...` as `review.search = ...`), and of each
    `[table]` header under the table's name."""
    lines: dict[str, int] = {}
    table = ""
    for number, line in enumerate(text.splitlines(), start=1):
        header = written_table(line)
        if header is not None:
            table = header
            lines.setdefault(table, number)
            continue
        name = written_entry(line)
        if name is not None:
            lines.setdefault(f"{table}.{name}" if table else name, number)
    return lines


def flat_entries(entries: dict[str, Any], prefix: str = "") -> tuple[dict[str, Any], list[str]]:
    """The entries with every table's keys as dotted ids ("review": {"search": "f"} is
    "review.search": "f", as TOML itself reads `review.search = "f"`), and the tables that
    hold no entry at all."""
    flat: dict[str, Any] = {}
    empty: list[str] = []
    for name, value in entries.items():
        dotted = f"{prefix}{name}"
        if isinstance(value, dict):
            inner, inner_empty = flat_entries(value, f"{dotted}.")
            flat.update(inner)
            empty.extend(inner_empty if inner or inner_empty else [dotted])
        else:
            flat[dotted] = value
    return flat, empty


def read_keymap_file(path: Path | None = None) -> KeymapFile:
    """The keymap file's entries (none when there is no file); KeymapError when it cannot
    be read or is not TOML. The file is read once: its entries and their lines are of
    the same text (a byte-order mark left out of both)."""
    path = path or keymap_path()
    try:
        text = toml_text(path, "keymap")
        entries = {} if text is None else toml_document(text, path, "keymap")
    except ConfigFileError as error:
        raise KeymapError(str(error)) from None
    if text is None or not entries:
        return KeymapFile(path, {}, {})
    flat, empty = flat_entries(entries)
    return KeymapFile(path, flat, entry_lines(text), empty)
