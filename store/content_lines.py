"""A whole database's content as journal lines for the file store (copy-db's target).

Each line holds about LINE_BYTES of puts and history records, so that a database of a
million annotations is never one line built in memory; the lines are staged and the
last commits them all (staging.py), so the copy is all or nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import orjson

from store.ops import Op
from store.protocol import DatabaseContent

LINE_BYTES = 1 << 20
Line = tuple[list[Op], list[dict[str, Any]]]


def content_lines(
    content: DatabaseContent, new_id: Callable[[str], str], first_history_id: int
) -> Iterator[Line]:
    """The lines that put `content` into empty tables; new_id(table) names documents."""
    ops: list[Op] = []
    history: list[dict[str, Any]] = []
    size = 0
    for table, documents in (
        ("annotations", content.annotations),
        ("articles", content.articles),
        ("ledger", content.ledger),
        (
            "positions",
            [
                {"annotator": annotator, "article_id": article_id, "index": index}
                for annotator, article_id, index in content.positions
            ],
        ),
    ):
        for document in documents:
            ops.append([table, new_id(table), dict(document)])
            size += len(orjson.dumps(document))
            if size >= LINE_BYTES:
                yield ops, history
                ops, history, size = [], [], 0
    for offset, entry in enumerate(content.history):
        history.append({"id": first_history_id + offset, **entry})
        size += len(orjson.dumps(entry))
        if size >= LINE_BYTES:
            yield ops, history
            ops, history, size = [], [], 0
    yield ops, history
