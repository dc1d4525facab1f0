"""The export formats by name: what `workbench export --format` and the TUI offer."""

from __future__ import annotations

from collections.abc import Callable

from workbench.core.interchange.export.claimreview import render_claimreview
from workbench.core.interchange.export.data import ExportData
from workbench.core.interchange.export.native import render_json, render_jsonl
from workbench.core.interchange.export.w3c import render_w3c

Renderer = Callable[[ExportData], bytes]

FORMATS: dict[str, Renderer] = {
    "json": render_json,
    "jsonl": render_jsonl,
    "w3c": render_w3c,
    "claimreview": render_claimreview,
}
DEFAULT_FORMAT = "json"
HISTORY_FORMATS = frozenset({"json"})
"""Formats that can carry the change history (--history)."""


def render(format_name: str, data: ExportData) -> bytes:
    """The export as UTF-8 bytes, ready to write once; KeyError for an unknown format."""
    return FORMATS[format_name](data)
