"""A kept summary served the way `workbench summary` served it before tok7, for
bench/kept_served.py to run as a process against the command.

    python -m bench.naive_served DB ANNOTATOR json|md OUTPUT

What the command's served path did then: the store's engines, the anchoring placement
and the segmenter imported (the settings and the store's package imported them); the
content token taken by hashing every content file (no recorded digest); the entry read
whole and checked, decoded, then written to OUTPUT atomically. Exit status 3 if nothing
was kept for these inputs (the bench then refuses its figure: it would time nothing).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import store.annotation_store  # noqa: F401  # imported by the store's package then
import workbench.core.anchoring.placement  # by the settings then
import workbench.core.corpus.sentences  # noqa: F401  # by the corpus module then
from store.content_token import file_token
from store.kept_file import KeptFile
from workbench.cli.kept_summary import summary_key
from workbench.cli.recorded import replay
from workbench.cli.summary import written
from workbench.cli.summary_request import asked
from workbench.core.analysis.kept.code import code_digest
from workbench.core.analysis.kept.output import TEXT, KeptOutput

NOT_KEPT = 3


def main(database: str, annotator: str, form: str, output: str) -> int:
    request = asked(
        argparse.Namespace(
            db=database, annotator=annotator, paths=[], claim_threshold=None,
            denial_threshold=None, output=output,
        )
    )  # fmt: skip
    if isinstance(request, int):
        return request
    path = Path(database)
    key = summary_key(request, form, file_token(path), code_digest())
    data = None if key is None else KeptFile(path, []).get(key)
    if data is None:
        return NOT_KEPT
    kept = KeptOutput.decode(data)
    replay(kept.stderr)
    return written(kept.text if kept.kind == TEXT else kept.parts(), output) or kept.status


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
