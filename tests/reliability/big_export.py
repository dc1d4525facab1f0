"""A large jsonl export, generated: for the bounded-memory import test (and by hand).

Usage: big_export.py FILE MEBIBYTES. Annotations of 200 articles by one analyst, each
with a quote of about 150 characters, context, a note and a source, as `workbench
export --format jsonl` writes them: about 700 bytes a line.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ARTICLES = 200
QUOTE = "North Korean troops were seen near the border, officials said on Tuesday, " * 2
TIME = "2024-11-05T12:00:00.000000Z"


def header() -> dict[str, object]:
    return {
        "schema_version": 2,
        "exported_at": TIME,
        "articles": [
            {"id": f"big-{number:03d}", "title": f"Article {number}", "sha256": "0" * 64}
            for number in range(ARTICLES)
        ],
    }


def record(number: int) -> dict[str, object]:
    index = number // ARTICLES
    return {
        "article_id": f"big-{number % ARTICLES:03d}",
        "article_sha256": "0" * 64,
        "index": index,
        "start": 10 * index,
        "end": 10 * index + len(QUOTE),
        "quote": QUOTE,
        "prefix": "The report continued: ",
        "suffix": " More followed later.",
        "annotator": "analyst",
        "tags": ["claim", "attribution"],
        "source": "officials",
        "note": f"checked against the ministry statement, item {number}",
        "status": "unverified",
        "created_at": TIME,
        "updated_at": TIME,
        "anchor_state": "current",
    }


def write_export(path: Path, mebibytes: int) -> int:
    """Write about `mebibytes` MiB; returns the number of annotations."""
    limit = mebibytes << 20
    count = 0
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps(header()) + "\n")
        while out.tell() < limit:
            out.write("\n".join(json.dumps(record(count + n)) for n in range(1000)) + "\n")
            count += 1000
    return count


if __name__ == "__main__":
    print(write_export(Path(sys.argv[1]), int(sys.argv[2])))
