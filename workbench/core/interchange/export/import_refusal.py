"""What the import refuses, refused by the json or jsonl export that would carry it.

A file its own import refuses is found out only by whoever receives it. The export
checks what the import checks of a record by itself and against the file's own article
list, where a record the store holds can still fail it:

- an analyst name an older workbench took and the import now refuses (tr10 T4): "All"
  (`--annotator all` means every analyst), a name with white space at an end or a
  character that draws nothing ("bob" and a zero-width space). Their annotations are real
  work, so a database holding them opens and is read as before;
- a sentence index beyond its article's sentences, on the very text the article list
  names (tr11 T8: a server row edited by SQL was read and exported as whole);
- a time in the future (tr11 T8: a machine whose clock was ahead stamped it).

The export writes nothing then, naming the record and why, and the way on: export each
other analyst, or copy the whole database as it is (`copy-db`, which holds any record the
store holds).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from workbench.core.annotation import reserved_name_reason
from workbench.core.interchange.export.data import ExportData
from workbench.core.interchange.export.shape import CLOCK_MARGIN

COPY = "copy the whole database as it is with `workbench copy-db`"


def export_refusal(data: ExportData[Any]) -> str | None:
    """Why the import would refuse the json or jsonl document of `data` (its annotations
    are stored records), or None."""
    records: Sequence[Mapping[str, Any]] = data.annotations
    return (
        refused_name_words(record["annotator"] for record in records)
        or _beyond_article(records, data.articles)
        or _in_the_future(records)
    )


def refused_name_words(annotators: Iterable[str]) -> str | None:
    """Why an export of annotations by `annotators` (one name per annotation) would be
    refused by its own import, or None: the first refused name in order, with its count
    and the others'."""
    counts = Counter(annotators)
    refused = [
        (name, found[0])
        for name in sorted(counts)
        if (found := reserved_name_reason(name)) is not None
    ]
    if not refused:
        return None
    name, reason = refused[0]
    others = f" (and {len(refused) - 1} more such analyst(s))" if len(refused) > 1 else ""
    return (
        f"nothing exported: {counts[name]} annotation(s) are by an analyst whose name an "
        f"older workbench took and the import refuses{others}: {reason}. A file holding "
        f"it could not be imported; export each other analyst with --annotator NAME, or {COPY}"
    )


def _beyond_article(
    records: Sequence[Mapping[str, Any]], articles: Sequence[Mapping[str, Any]]
) -> str | None:
    """The first record on a listed article's text whose sentence index is past that
    text's sentences (the import refuses it where the article is read), in words."""
    counts = {
        (article["id"], article["sha256"]): article["sentences"]
        for article in articles
        if type(article.get("sentences")) is int
    }
    if not counts:
        return None
    for record in records:
        count = counts.get((record["article_id"], record["article_sha256"]))
        if count is not None and record["index"] >= count and record["anchor_state"] != "orphaned":
            return (
                f"nothing exported: {_named(record)} has index {record['index']} (sentence "
                f"{record['index'] + 1}), beyond its article's {count} sentences on the text "
                "it names: the database holds it damaged (a server row edited outside "
                "workbench?), and the import refuses it; correct or delete it, or " + COPY
            )
    return None


def _in_the_future(records: Sequence[Mapping[str, Any]]) -> str | None:
    """The first record stamped later than the import takes (a wrong clock), in words."""
    latest = (datetime.now(UTC).replace(tzinfo=None) + CLOCK_MARGIN).isoformat()
    for record in records:
        for name in ("created_at", "updated_at"):
            if record[name][:-1] > latest:  # both ISO 8601 of one form: compared as text
                return (
                    f"nothing exported: {_named(record)} has {name} {record[name]}, in the "
                    "future: the clock of the machine that made it was wrong, and the import "
                    "refuses it (the newer version wins an import, so it would win every "
                    f"later one); {COPY}, or export once that time has passed"
                )
    return None


def _named(record: Mapping[str, Any]) -> str:
    return (
        f"the annotation of {record['annotator']!r} on article {record['article_id']!r}, "
        f"sentence {record['index'] + 1}"
    )
