"""settings.toml read once: its text and document, which every section's check and every
problem's "FILE line N" are taken from.

A start read the file seven times or more (the start-up check once per section and once
more per [ledger] key to name its line, then [suggestions] and [anchoring] again as the
corpus opened); the command line now reads it once and hands this to the app. A file
edited meanwhile cannot give the start-up report one content and the thresholds another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.config.locations import settings_path
from workbench.config.toml_file import (
    ConfigFileError,
    toml_document,
    toml_text,
    written_entry,
    written_table,
)
from workbench.core.terminal_text import name_printable


@dataclass(frozen=True, slots=True)
class SettingsFile:
    """The settings file as read once: `text` None when there is none; `error` when it
    exists but cannot be used (unreadable, not UTF-8, not TOML), raised by `document`."""

    path: Path
    text: str | None = None
    parsed: dict[str, Any] = field(default_factory=dict)
    error: ConfigFileError | None = None

    @property
    def document(self) -> dict[str, Any]:
        """The TOML document ({} for no file); ConfigFileError when it cannot be used."""
        if self.error is not None:
            raise self.error
        return self.parsed

    def where(self, table: str, key: str | None = None) -> str:
        """ "FILE line N" of `[table]` (or of `key` inside it), for a message; just FILE
        when the line cannot be found."""
        name = name_printable(self.path)
        current = ""
        for number, line in enumerate((self.text or "").splitlines(), start=1):
            header = written_table(line)
            if header is not None:
                current = header
                if key is None and current == table:
                    return f"{name} line {number}"
                continue
            entry = written_entry(line)
            if (key is not None and entry is not None) and (
                (current, entry) == (table, key) or (current == "" and entry == f"{table}.{key}")
            ):
                return f"{name} line {number}"
        return name


def read_settings(path: Path | None = None) -> SettingsFile:
    """The settings file at `path` (the user's by default), read now, once."""
    path = path or settings_path()
    try:
        text = toml_text(path, "settings file")
        parsed = {} if text is None else toml_document(text, path, "settings file")
    except ConfigFileError as error:
        return SettingsFile(path, error=error)
    return SettingsFile(path, text, parsed)


def settings_of(source: Path | SettingsFile | None) -> SettingsFile:
    """`source` as read: a SettingsFile as it is, a path (or the user's file) read now."""
    return source if isinstance(source, SettingsFile) else read_settings(source)
