"""What the team store cannot hold is refused at every store's own door.

No store takes U+0000 (workbench/core/nul_text.py), an id or analyst name longer than the
server's index holds, or a count past a PostgreSQL integer (workbench/core/team_limits.py).
The import and the TUI's prompts refuse them before they reach a store; a direct call (an
accepted suggestion whose source came from an article text holding a NUL) did not, so a
file database took what the team store cannot hold, and the server refused it in its own
words (im8, tr8 T3, tr9 T13). Both stores refuse it here, in the same words, naming the
record and its field, before anything is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from store.errors import StoreWriteError
from workbench.core.annotation import Annotation
from workbench.core.nul_text import NUL_WORDS, nul_field
from workbench.core.team_limits import limit_problem, shown


def refuse_nul(path: Path | None, record: Mapping[str, Any], what: str) -> None:
    """StoreWriteError naming `what` and its field when a string of `record` holds U+0000
    (all a ledger decision, JSON on the server, is checked for)."""
    field = nul_field(record)
    if field is not None:
        raise StoreWriteError(path, f"{what}: its {field} {NUL_WORDS}")


def refuse_junk_decision(path: Path | None, record: Mapping[str, Any], what: str) -> None:
    """refuse_nul, and StoreWriteError naming `what` when `record` is no ledger decision
    the store writes (what it refuses where it reads one: an unknown action, a merge of
    another shape), before anything is written (tr7 T3's ledger part)."""
    from store.snapshot_records import decision_problem

    refuse_nul(path, record, what)
    problem = decision_problem(record)
    if problem is not None:
        raise StoreWriteError(path, f"{what} is not one the store writes: {problem}")


def refuse_unholdable(path: Path | None, record: Mapping[str, Any], what: str) -> None:
    """refuse_nul, and StoreWriteError naming `what` and its field when its id, analyst
    name or count is past what the team store's columns hold."""
    refuse_nul(path, record, what)
    problem = limit_problem(record)
    if problem is not None:
        raise StoreWriteError(path, f"{what}: its {problem[0]} {problem[1]}")


def refuse_unholdable_annotation(path: Path | None, annotation: Annotation) -> None:
    """refuse_unholdable for an annotation, named by its analyst, article and sentence."""
    refuse_unholdable(
        path,
        annotation.to_record(),
        f"the annotation of {shown(annotation.annotator)} on article "
        f"{shown(annotation.article_id)}, sentence {annotation.index + 1}",
    )
