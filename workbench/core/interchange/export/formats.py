"""The export formats: what `workbench export --format` and the TUI's export dialog offer.

One registry: each format's name, renderer, default file name (and so its suffix),
whether it can carry the change history, whether it can be written straight from the
store's records, and which orphans and annotations still to check it leaves out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from workbench.core.annotation import Annotation
from workbench.core.interchange.export.claimreview import is_review, render_claimreview
from workbench.core.interchange.export.data import ExportData
from workbench.core.interchange.export.native import render_json, render_jsonl
from workbench.core.interchange.export.w3c import render_w3c

Renderer = Callable[[ExportData[Any]], bytes]
"""ExportData (of Annotations, or of stored records for a format `from_records`) to
the whole document, UTF-8."""


def _every_orphan(_orphan: Annotation) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One export format and what a caller needs to know to offer and write it."""

    name: str
    render: Renderer
    default_file: str
    """The file name the TUI suggests; distinct per format, so two exports side by
    side never overwrite each other."""
    purpose: str = ""
    """What the format is for, in one short line: the TUI's export dialog offers each
    with it (polish20: the dialog listed four names and nothing more)."""
    history: bool = False
    """Can carry the change history (--history)."""
    from_records: bool = False
    """Writes each annotation as its stored record: made from store.records(), without
    building an Annotation for each (most of an export's time at 100,000)."""
    decisions: bool = False
    """Carries the analysts' ledger decisions (merge, split, their undo and redo)."""
    orphans_left_out: Callable[[Annotation], bool] | None = None
    """For a format that places every annotation on a sentence, so leaves orphans out:
    which orphans it would have held (json and jsonl carry them with anchor_state).
    Such a format leaves out annotations still to check too (`anchor_state` "check":
    moved onto a changed sentence, not confirmed there): it could only publish them as
    made on that sentence, which nobody did (qa5 Q5)."""

    @property
    def suffix(self) -> str:
        return PurePath(self.default_file).suffix


FORMATS: dict[str, ExportFormat] = {
    export_format.name: export_format
    for export_format in (
        ExportFormat(
            "json",
            render_json,
            "workbench-export.json",
            "everything, for import or a backup",
            history=True,
            from_records=True,
            decisions=True,
        ),
        ExportFormat(
            "jsonl",
            render_jsonl,
            "workbench-export.jsonl",
            "one annotation a line, for scripts",
            from_records=True,
            decisions=True,
        ),
        ExportFormat(
            "w3c",
            render_w3c,
            "workbench-export.w3c.jsonld",
            "W3C Web Annotation, for annotation tools",
            orphans_left_out=_every_orphan,
        ),
        ExportFormat(
            "claimreview",
            render_claimreview,
            "workbench-claimreview.jsonld",
            "schema.org ClaimReview: verdicts to publish",
            orphans_left_out=is_review,
        ),
    )
}
DEFAULT_FORMAT = "json"


def render(format_name: str, data: ExportData[Any]) -> bytes:
    """The export as UTF-8 bytes, ready to write once; KeyError for an unknown format."""
    return FORMATS[format_name].render(data)
