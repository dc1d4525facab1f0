"""The rows beside the annotations (articles seen, ledger decisions), read as checked
records.

A row edited by SQL or written by another tool can hold what the store never writes (a
sentence count of -3, a decision that is a JSON array). Read leniently, it was shown in
the summary, exported, and copied home by copy-db into a file no command would open; or
it ended every command in a traceback (tr9 T1, T3). Each row passes the check the file
store makes of its records (snapshot_records), and a failure names the row, as a damaged
annotations row is named (rows.annotation_of_row).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from store.errors import DamagedRowError
from store.snapshot_records import article_problem

ARTICLES = (
    "SELECT article_id, title, sha256, sentences, segmenter, remembered_at "
    "FROM articles ORDER BY seq"
)
LEDGER = "SELECT decision, id FROM ledger_decisions ORDER BY id"


def article_of_row(row: Sequence[Any]) -> dict[str, Any]:
    """An ARTICLES row as the file store keeps the record (segmenter only once known);
    DamagedRowError naming it if the store never writes such a record."""
    article_id, title, sha256, sentences, segmenter, remembered_at = row
    record: dict[str, Any] = {
        "article_id": article_id,
        "title": title,
        "sha256": sha256,
        "sentences": sentences,
    }
    if segmenter is not None:
        record["segmenter"] = segmenter
    record["remembered_at"] = remembered_at
    problem = article_problem(record)
    if problem is not None:
        raise DamagedRowError(article_id, problem, table="articles")
    return record


def decision_of_row(row: Sequence[Any]) -> dict[str, Any]:
    """A LEDGER row's decision; DamagedRowError naming the row if it is not an object (one
    this version cannot read is named where the ledger is read)."""
    decision, row_id = row
    if not isinstance(decision, dict):
        shown = repr(decision)
        raise DamagedRowError(
            row_id, f"{shown[:60]} is not a decision (a JSON object)", table="ledger_decisions"
        )
    return dict(decision)
