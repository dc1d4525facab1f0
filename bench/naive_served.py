"""A kept summary served the way `workbench summary` served it before tok7, for
bench/kept_served.py to run as a process against the command.

    python -m bench.naive_served DB ANNOTATOR json|md OUTPUT

What the command's served path did then: the store's engines, the anchoring placement
and the segmenter imported (the settings and the store's package imported them); the
content token taken by hashing every content file (no recorded digest); the entry read
whole and checked, decoded, then written to OUTPUT atomically; with OUTPUT "-" to
standard output as the command writes it (through the terminal streams), a report
decoded from UTF-8 once more and a JSON document checked part by part with the one
alternation it used (terminal_text._UNSAFE_JSON_BYTES). Exit status 3 if nothing was
kept for these inputs (the bench then refuses its figure: it would time nothing).
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
from workbench.cli.output import real_stream, terminal_streams
from workbench.cli.recorded import replay
from workbench.cli.summary import written
from workbench.cli.summary_request import asked
from workbench.core.analysis.kept.code import code_digest
from workbench.core.analysis.kept.output import TEXT, KeptOutput
from workbench.core.terminal_text import _UNSAFE_JSON_BYTES, _json_escape_bytes

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
    if output != "-":
        replay(kept.stderr)
        return written(kept.text if kept.kind == TEXT else kept.parts(), output) or kept.status
    with terminal_streams():
        replay(kept.stderr)
        if kept.kind == TEXT:
            sys.stdout.write(str(kept.stdout, "utf-8"))  # decoded again, as it was
        else:
            stream = real_stream(sys.stdout)
            stream.flush()
            for part in kept.parts():
                stream.buffer.write(json_safe_as_it_was(part))
        sys.stdout.flush()
    return kept.status


def json_safe_as_it_was(part: bytes) -> bytes:
    """terminal_text.json_safe_bytes before tok7: the alternation searched at every byte."""
    if part.isascii() and b"\x7f" not in part:
        return part
    if _UNSAFE_JSON_BYTES.search(part) is None:
        return part
    return _UNSAFE_JSON_BYTES.sub(_json_escape_bytes, part)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
