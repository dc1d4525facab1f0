"""Reading a TOML file of the user's (settings.toml, keymap.toml) without ever hanging.

A missing file is no file ({}); one that exists but cannot be used raises
ConfigFileError, whose message names the file (and, where the caller can tell, the
line): the caller decides whether that refuses a command or is reported and skipped.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from workbench.core.files.regular import read_regular
from workbench.core.terminal_text import name_printable

MOST_BYTES = 1 << 20
"""A settings or keymap file holds a few lines: one larger is none (a sparse file of
gigabytes there was read whole by every command: 2 GiB took 79 s and 4.2 GB, tr18)."""


class ConfigFileError(ValueError):
    """A user's file that exists but cannot be used; each problem names it (and the line).

    `problems` holds every problem found, one line each, so that a file with four
    mistakes is fixed in one go; str() puts them on one line."""

    def __init__(self, *problems: str) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(problems))


def read_toml(path: Path, what: str) -> dict[str, Any]:
    """The TOML document at `path`, {} when there is none; ConfigFileError when unreadable."""
    text = toml_text(path, what)
    return {} if text is None else toml_document(text, path, what)


def toml_text(path: Path, what: str) -> str | None:
    """The text of the file at `path`, read once, None when there is none; ConfigFileError
    when it cannot be read or is not UTF-8. A caller that needs the lines too (the
    keymap's entries, named by line) parses this text: read again, the file was opened
    twice at every start, and could have changed in between."""
    try:
        raw = read_regular(path, MOST_BYTES)  # a FIFO there must not hang the start
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ConfigFileError(
            f"{name_printable(path)}: cannot read {what} ({error.strerror})"
        ) from None
    try:  # a byte-order mark (Notepad's "UTF-8") is no part of the document, as for
        # articles and imports (tr9 T8: every command refused "at line 1, column 1")
        return raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as error:
        raise ConfigFileError(
            f"{name_printable(path)}: not a valid TOML {what} ({error})"
        ) from None


def toml_document(text: str, path: Path, what: str) -> dict[str, Any]:
    """`text` (of the file at `path`) as a TOML document; ConfigFileError naming the file
    when it is not one."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigFileError(
            f"{name_printable(path)}: not a valid TOML {what} ({error})"
        ) from None
    except RecursionError:  # tomllib reads nested arrays and tables by recursion (tr17:
        # a thousand '[' ended every command in a traceback)
        raise ConfigFileError(
            f"{name_printable(path)}: not a {what} workbench reads (nested too deeply)"
        ) from None


WRITTEN_KEY = r"""(?:"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'|([A-Za-z0-9_.-]+))"""
"""A key as a line of TOML writes it: a basic string (escapes and all), a literal
string, or bare; its groups are what key_as_read takes."""

_TABLE = re.compile(rf"\s*\[\s*{WRITTEN_KEY}\s*\]")
_ENTRY = re.compile(rf"\s*{WRITTEN_KEY}\s*=")


def key_as_read(basic: str | None, literal: str | None, bare: str | None) -> str:
    """The key TOML reads from WRITTEN_KEY's groups: a basic string's escapes decoded
    ("tog\\u00e9" is togé), so the line of an entry written with an escape is found
    by the key the file means (tr11 T2)."""
    if basic is not None:
        try:
            return next(iter(tomllib.loads(f'"{basic}" = 0')))
        except (tomllib.TOMLDecodeError, StopIteration):
            return basic
    return literal if literal is not None else bare or ""


def written_table(line: str) -> str | None:
    """The table a `[table]` line opens, as read; None for another line."""
    found = _TABLE.match(line)
    return key_as_read(*found.groups()) if found else None


def written_entry(line: str) -> str | None:
    """The key of a `key = ...` line, as read; None for another line."""
    found = _ENTRY.match(line)
    return key_as_read(*found.groups()) if found else None
