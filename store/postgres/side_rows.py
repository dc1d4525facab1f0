"""The rows beside the annotations (history, articles seen, positions, ledger decisions),
read as checked records.

A row edited by SQL or written by another tool can hold what the store never writes (a
sentence count of -3, a decision or a history `after` that is a JSON array). Read
leniently, it was shown in the summary, exported, and copied home by copy-db into a file
no command would open; or it ended every command in a traceback (tr9 T1, T3, T9). Each row
passes the check the file store makes of its records (snapshot_records, trusted), and a
failure names the row, as a damaged annotations row is named (rows.checked_record).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from store.change import Change, entry_problem
from store.errors import DamagedRowError
from store.snapshot_records import article_problem, decision_problem, position_problem
from store.trusted import annotation_of

ARTICLES = (
    "SELECT article_id, title, sha256, sentences, segmenter, remembered_at "
    "FROM articles ORDER BY seq"
)
LEDGER = "SELECT decision, id FROM ledger_decisions ORDER BY id"
HISTORY_COLUMNS = (
    "at, annotator, action, key_annotator, key_article_id, key_index, before, after, id"
)
"""What history_record_of_row reads, in its order."""


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


def position_of_row(row: Sequence[Any]) -> tuple[str, str, int]:
    """A positions row (annotator, article_id, sentence) as (annotator, article_id,
    index); DamagedRowError naming the analyst's row if the store never writes such a
    place (a sentence of -5 set by SQL was read silently, and copy-db took it home into
    a file no command opens, saying "verified": tr10 T3)."""
    annotator, article_id, index = row
    problem = position_problem({"annotator": annotator, "article_id": article_id, "index": index})
    if problem is not None:
        raise DamagedRowError(repr(annotator), problem, table="positions")
    return annotator, article_id, index


def decision_of_row(row: Sequence[Any]) -> dict[str, Any]:
    """A LEDGER row's decision; DamagedRowError naming the row if it is not an object, or
    is one the import refuses by itself (an unknown action, a merge of another shape: read
    as an object, it was exported into a file its own import refused, tr7 T3)."""
    decision, row_id = row
    if not isinstance(decision, dict):
        shown = repr(decision)
        raise DamagedRowError(
            row_id, f"{shown[:60]} is not a decision (a JSON object)", table="ledger_decisions"
        )
    problem = decision_problem(decision)
    if problem is not None:
        raise DamagedRowError(
            row_id, f"not a decision the store writes: {problem}", table="ledger_decisions"
        )
    return dict(decision)


def history_record_of_row(row: Sequence[Any]) -> dict[str, Any]:
    """A HISTORY_COLUMNS row as the file store's history record (without its id);
    DamagedRowError naming the row if its before or after cannot be read as an
    annotation (`export --history` ended in a traceback on a list: tr9 T9). What a
    history record may hold is what the file store reads in one (Change.from_record):
    a record written before a field existed is history, not damage (rv9 R8)."""
    change_of_row(row)
    at, annotator, action, key_annotator, article_id, index, before, after, _row_id = row
    return {
        "at": at,
        "annotator": annotator,
        "action": action,
        "key": [key_annotator, article_id, index],
        "before": before,
        "after": after,
    }


def change_of_row(row: Sequence[Any]) -> Change:
    """A HISTORY_COLUMNS row as a Change; DamagedRowError naming the row if it is none."""
    at, annotator, action, key_annotator, article_id, index, before, after, row_id = row
    problem = entry_problem(at, action)
    if problem is not None:
        raise DamagedRowError(row_id, problem, table="history")
    try:
        return Change(
            key=(str(key_annotator), str(article_id), int(index)),
            before=None if before is None else annotation_of(before),
            after=None if after is None else annotation_of(after),
            at=str(at),
            annotator=str(annotator),
            action=str(action),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        problem = f"it cannot be read as a change ({error!r})"
        raise DamagedRowError(row_id, problem, table="history") from error
