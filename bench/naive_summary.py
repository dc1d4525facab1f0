"""The summary command written the naive way, for bench/summary.py to run as a process.

    python -m bench.naive_summary TINYDB_FILE json|md OUTPUT

TinyDB's JSONStorage read, every record turned into an Annotation, one analyst's kept,
build_summary, then json.dumps(indent=2) or the Markdown report, written to OUTPUT.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tinydb import TinyDB

from bench.workspace import ANNOTATOR
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.analysis.summary.markdown import render_markdown
from workbench.core.annotation import Annotation


def main(database: str, form: str, output: str) -> int:
    with TinyDB(database) as db:
        records = db.all()
    everyone = [Annotation.from_record(record) for record in records]
    summary = build_summary(
        [a for a in everyone if a.annotator == ANNOTATOR], [], SummarySettings(annotator=ANNOTATOR)
    )
    if form == "json":
        text = json.dumps(summary.to_json(), ensure_ascii=False, indent=2) + "\n"
    else:
        text = render_markdown(summary)
    Path(output).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
