"""No store takes U+0000 (workbench/core/nul_text.py): refused at the store's own door.

The import and the TUI's prompts refuse a NUL before it reaches a store; a direct call
(an accepted suggestion whose source came from an article text holding one) did not, so
a file database took what the team store cannot hold (im8, tr8 T3). Both stores refuse
it here, in the same words, naming the record and its field, before anything is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from store.errors import StoreWriteError
from workbench.core.annotation import Annotation
from workbench.core.nul_text import NUL_WORDS, nul_field


def refuse_nul(path: Path | None, record: Mapping[str, Any], what: str) -> None:
    """StoreWriteError naming `what` and its field when a string of `record` holds U+0000."""
    field = nul_field(record)
    if field is not None:
        raise StoreWriteError(path, f"{what}: its {field} {NUL_WORDS}")


def refuse_nul_annotation(path: Path | None, annotation: Annotation) -> None:
    """refuse_nul for an annotation, named by its analyst, article and sentence."""
    refuse_nul(
        path,
        annotation.to_record(),
        f"{annotation.annotator}'s annotation of {annotation.article_id!r}, "
        f"sentence {annotation.index + 1}",
    )
