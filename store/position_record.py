"""A cursor position record: the one kind of journal line that holds no content.

The app journals where the analyst is on every navigation key (annotation_store
set_position). No summary, export of annotations or kept output reads it, so the content
token leaves such lines out (journal_digest.py) and a session that journaled nothing
else leaves the journal as it is at its end (journal.py). Told apart only when certain:
exactly the line the writer writes, nothing more or less.
"""

from __future__ import annotations

from typing import Any

POSITIONS_TABLE = "positions"
_LINE_KEYS = frozenset({"seq", "ops", "history"})
_POSITION_KEYS = frozenset({"annotator", "article_id", "index"})


def is_position_record(payload: Any) -> bool:
    """True if a decoded journal line is exactly {"seq", "ops", "history"}: a sequence
    number, no history, and one put into the positions table of a document of exactly
    {annotator: str, article_id: str, index: int}."""
    if type(payload) is not dict or payload.keys() != _LINE_KEYS:
        return False
    seq, ops, history = payload["seq"], payload["ops"], payload["history"]
    if type(seq) is not int or seq <= 0 or type(history) is not list or history:
        return False
    if type(ops) is not list or len(ops) != 1 or type(ops[0]) is not list or len(ops[0]) != 3:
        return False
    table, doc_id, document = ops[0]
    if table != POSITIONS_TABLE or type(doc_id) is not str or type(document) is not dict:
        return False
    return (
        document.keys() == _POSITION_KEYS
        and type(document["annotator"]) is str
        and type(document["article_id"]) is str
        and type(document["index"]) is int
    )
