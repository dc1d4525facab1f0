"""U+0000 (NUL) in text: one rule for both stores.

PostgreSQL's text cannot hold a NUL character (nor can its jsonb: "unsupported Unicode
escape sequence"), while a file database could; so an annotation that holds one would be
a file database's alone, lost or refused on the way to the team store (tr8 T3). No store
takes one: an import refuses it naming the file and the JSON path (as it refuses a lone
surrogate), the TUI's note and source prompts refuse it, and copy-db to a server names
the record of an old file database that holds one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

NUL = "\x00"

NUL_WORDS = "holds a NUL character (U+0000), which the team store (PostgreSQL) cannot hold"
"""What is wrong, after the name of what holds it."""


def holds_nul(value: object) -> bool:
    """True for a string holding U+0000."""
    return isinstance(value, str) and NUL in value


def nul_field(record: Mapping[str, Any], inside: str = "") -> str | None:
    """The name of the first field of `record` (a nested one as "suggestion.source")
    whose string holds U+0000; None if none does."""
    for name, value in record.items():
        if holds_nul(value) or (isinstance(value, list) and any(map(holds_nul, value))):
            return f"{inside}{name}"
        if isinstance(value, Mapping):
            found = nul_field(value, f"{inside}{name}.")
            if found is not None:
                return found
    return None
