"""A summary kept by writers, served by `workbench summary` only for its very inputs.

The key (core/analysis/kept/key.py) covers every input of the command's output, as run()
in cli/summary.py reads them:
- the database's content, as the store's token says it (store/kept.py: every content
  file's bytes, the readings beside them; on a server, every table a summary reads);
- the code: every file of workbench/ and store/, the Python, the installed libraries;
- the request as resolved: whose summary (the flag, else $WORKBENCH_ANNOTATOR, else the
  login name; None for all), the annotator the store is opened as, the ledger settings
  (settings.toml and the thresholds given), the anchoring threshold, the format;
- the database as messages name it (an analyst with no annotations is told where);
- the bundled articles' bytes (pronouns are resolved on them; with no remembered
  articles they are the corpus).
What the key leaves out is decided again by the serving command exactly as by the
computing one: where standard output goes (a terminal, a pipe, --output FILE), whether
standard error is a terminal (recorded.py), the terminal's encoding. With PATHs nothing
is served: the articles are read.
"""

from __future__ import annotations

import dataclasses
import sys
from typing import TYPE_CHECKING

from workbench.cli.common import one_line, warn
from workbench.core.analysis.kept.code import code_digest
from workbench.core.analysis.kept.key import JsonValue, articles_digest, output_key
from workbench.core.analysis.kept.output import DamagedOutput, KeptOutput

if TYPE_CHECKING:
    from workbench.cli.summary_request import Request

WHAT = "workbench summary"
FORMATS = ("md", "json")


def summary_key(request: Request, output_format: str, token: str, code: str) -> str | None:
    """The key of `request`'s summary in `output_format` on the database whose content
    token is `token`, computed by the code of digest `code`; None when an input cannot
    be read (then nothing is served)."""
    if request.paths:
        return None
    articles = articles_digest()
    if articles is None:
        return None
    inputs: dict[str, JsonValue] = {
        "token": token,
        "code": code,
        "format": output_format,
        "annotator": request.annotator,
        "opener": request.opener,
        "ledger": {
            name: list(value) if isinstance(value, tuple) else value
            for name, value in dataclasses.asdict(request.ledger).items()
        },
        "fuzzy": request.fuzzy,
        "shown": request.shown,
        "bundled articles": articles,
    }
    return output_key(WHAT, inputs)


def served(request: Request, output_format: str) -> KeptOutput | None:
    """The kept output of `request`, if one was kept for these very inputs; None to
    compute (none kept, or one damaged: named on stderr)."""
    from store import StoreError, kept_summaries
    from store.content_token import settled

    if request.paths:
        return None
    try:
        with kept_summaries(request.location) as kept:
            token = kept.token()
            if not settled(token):  # unreadable, or a server not answering: no second try
                return None  # (rv5 R5: three connection timeouts before the command failed)
            key = summary_key(request, output_format, token, code_digest())
            data = None if key is None else kept.get(key)
            warnings = list(kept.warnings)
    except (StoreError, OSError):
        return None  # cannot tell what the content is: computed, as before
    warn(warnings)  # a damaged entry, named: it is computed instead
    if data is None or key is None:
        return None
    try:
        return KeptOutput.decode(data)
    except DamagedOutput as error:
        print(
            f"workbench: warning: kept summary {key[:12]} of {one_line(request.shown)} "
            f"is damaged ({one_line(str(error))}); computed instead",
            file=sys.stderr,
        )
        return None
