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
from typing import TYPE_CHECKING, TypeVar

from workbench.cli.common import one_line, warn
from workbench.core.analysis.kept.code import code_digest
from workbench.core.analysis.kept.key import JsonValue, articles_digest, output_key
from workbench.core.analysis.kept.output import DamagedOutput, KeptOutput, streamed

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from store.kept_summaries import KeptSummaries
    from workbench.cli.summary_request import Request

T = TypeVar("T")
WHAT = "workbench summary"
FORMATS = ("md", "json")


def summary_key(
    request: Request, output_format: str, token: str, code: str, nobody: bool = False
) -> str | None:
    """The key of `request`'s summary in `output_format` on the database whose content
    token is `token`, computed by the code of digest `code`; None when an input cannot
    be read (then nothing is served). `nobody`: the summary of one analyst with no
    annotated sentence, kept apart (`kept_keys`: tr11 T1)."""
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
    if nobody:
        inputs["nobody"] = True
    return output_key(WHAT, inputs)


def served(request: Request, output_format: str) -> KeptOutput | None:
    """The kept output of `request`, if one was kept for these very inputs; None to
    compute (none kept, or one damaged: named on stderr)."""

    def decoded(kept: KeptSummaries, key: str) -> KeptOutput | None:
        data = kept.get(key)
        if data is None:
            return None
        try:
            return KeptOutput.decode(data)
        except DamagedOutput as error:
            say_damaged(key, request, error)
            return None

    return looked_up(request, output_format, decoded)


def served_into(
    request: Request, output_format: str, write: Callable[[Iterable[bytes]], int]
) -> int | None:
    """Serve the kept output of `request` through `write` (which writes the bytes it is
    given to a temporary file and puts it in place only once they are all written, as
    `-o FILE` does): the entry goes from the store to the file a part at a time, checked
    as it is read, never held whole. Standard error is said once every part has checked,
    before the file is put in place (the computing command says it before it writes).
    Returns write()'s exit status, or the kept one; None to compute (none kept, or one
    damaged: named on stderr, and nothing put in place)."""
    from store.kept_summaries import EntryDamaged

    def streamed_into(kept: KeptSummaries, key: str) -> int | None:
        with kept.streamed(key) as parts:
            if parts is None:
                return None
            try:
                return checked_written(parts, write)
            except EntryDamaged:
                return None  # named in the store's warnings
            except DamagedOutput as error:
                say_damaged(key, request, error)
                return None

    return looked_up(request, output_format, streamed_into)


def looked_up(
    request: Request, output_format: str, use: Callable[[KeptSummaries, str], T | None]
) -> T | None:
    """use(kept, key) on the kept outputs of `request`'s database and the key its output
    in `output_format` has now; None without a key (PATHs, a content that cannot be
    pinned down) or a store to ask. The store's warnings (damage) are said after."""
    from store import StoreError, kept_summaries

    if request.paths:
        return None
    try:
        with kept_summaries(request.location) as kept:
            keys = kept_keys(kept, request, output_format)
            if not keys:
                return None
            found = None
            for key in keys:
                found = use(kept, key)
                if found is not None:
                    break
            warnings = list(kept.warnings)
    except (StoreError, OSError):
        return None  # cannot tell what the content is: computed, as before
    warn(warnings)  # a damaged entry, named: it is computed instead
    return found


def checked_written(parts: Iterable[bytes], write: Callable[[Iterable[bytes]], int]) -> int:
    """write() of the standard output of the kept output read as `parts`, its standard
    error said after the last part checked; DamagedOutput or EntryDamaged (raised
    through write, which puts nothing in place) when it does not."""
    from workbench.cli.recorded import replay

    head, stdout = streamed(parts)

    def checked() -> Iterator[bytes]:
        yield from stdout
        replay(head.stderr)

    return write(checked()) or head.status


def kept_keys(kept: KeptSummaries, request: Request, output_format: str) -> list[str]:
    """The keys `request`'s output in `output_format` may be kept under in `kept` now;
    none when nothing can be served (the content cannot be pinned down: unreadable, or a
    server not answering, which gets no second try; rv5 R5: three connection timeouts
    before the command failed). One analyst's summary with no annotated sentence is kept
    apart: `--annotator NAME` refuses an analyst with no annotations where the same
    analyst's summary asked without the flag reports nothing (qa7 Q9), so it is served
    only to a request without the flag (tr11 T1: it was served to both)."""
    from store.content_token import settled

    token = kept.token()
    if not settled(token):
        return []
    code = code_digest()
    keys = [summary_key(request, output_format, token, code)]
    if request.annotator is not None and not request.named:
        keys.append(summary_key(request, output_format, token, code, nobody=True))
    return [key for key in keys if key is not None]


def say_damaged(key: str, request: Request, error: DamagedOutput) -> None:
    print(
        f"workbench: warning: kept summary {key[:12]} of {one_line(request.shown)} "
        f"is damaged ({one_line(str(error))}); computed instead",
        file=sys.stderr,
    )
