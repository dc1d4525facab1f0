"""The key of a kept output: a sha256 over every input that can change it.

The inputs are given by name as JSON values (cli/kept_summary.py lists the summary's),
written as canonical JSON (keys sorted, no spaces, ASCII) and hashed with what the key
is for. Nothing is left to chance: an input that cannot be read (a bundled article
unreadable) gives no key, and the command computes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from workbench.core.corpus import articles
from workbench.core.corpus.articles import (
    ArticleError,
    CorpusProblem,
    article_files,
    read_article_bytes,
)

JsonValue = str | int | float | bool | None | list["JsonValue"] | dict[str, "JsonValue"]
KEY_VERSION = 1
"""Raised when what a key covers changes meaning (its inputs are named in the key)."""


def output_key(what: str, inputs: Mapping[str, JsonValue]) -> str:
    """The key of the output of `what` (e.g. "workbench summary") for `inputs`."""
    document = {"what": what, "key version": KEY_VERSION, "inputs": dict(inputs)}
    text = json.dumps(document, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def articles_digest(roots: Iterable[Path] | None = None) -> str | None:
    """sha256 over the article files a corpus of `roots` (None: the bundled articles, as
    load_corpus takes them) loads, each path and its bytes in load order, and the
    problems met listing and reading them; None if one cannot be read.

    Each is read as load_corpus reads it (read_article_bytes: never blocking, refused
    past MAX_ARTICLE_BYTES or at a NUL byte), and a file it refuses is its problem here,
    as there: a huge file among the articles was read whole (rv R4)."""
    digest = hashlib.sha256()
    folders = (articles.BUNDLED_ARTICLES,) if roots is None else tuple(roots)
    for item in article_files(folders):
        problem = item
        if isinstance(item, Path):
            try:
                data = read_article_bytes(item)
            except ArticleError as error:
                problem = CorpusProblem(item, str(error))
            except OSError:
                return None
            else:
                name = str(item).encode("utf-8", "surrogateescape")
                digest.update(b"%d:%s%d:%s" % (len(name), name, len(data), data))
                continue
        entry = f"problem {problem}".encode("utf-8", "surrogateescape")
        digest.update(b"%d:%s" % (len(entry), entry))
    return digest.hexdigest()
