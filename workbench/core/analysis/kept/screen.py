"""The key of the summary screen's kept summary: every input of the screen's read.

The summary screen builds its Summary from the store (its content), the app's articles
as opened (re-anchoring in memory and pronouns on their texts; every article is a row),
the analyst, the ledger settings, the anchoring threshold and the code
(tui/state/summary_view.py read_summary). A keeper that made it from the same inputs
keeps it under this key (cli/screen_keeper.py); the screen serves it only for this very
key (tui/state/summary_served.py). Unlike `workbench summary`'s key (cli/kept_summary.py)
there is no output format, terminal or standard error: the screen shows the model.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable

from workbench.core.analysis.kept.key import JsonValue, output_key
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.corpus.articles import Article

WHAT = "workbench summary screen"


def corpus_digest(articles: Iterable[Article]) -> str:
    """sha256 over what the screen's read takes of each article, in the corpus's order:
    its id, its title and its text's sha256 (its sentences follow from the text and the
    code; where its file lies is read by nothing the summary shows)."""
    digest = hashlib.sha256()
    for article in articles:
        for part in (article.id, article.title, article.sha256):
            data = part.encode("utf-8", "surrogateescape")
            digest.update(b"%d:%s" % (len(data), data))
    return digest.hexdigest()


def screen_key(
    token: str,
    code: str,
    analyst: str | None,
    ledger: LedgerSettings,
    threshold: float,
    corpus: str,
) -> str:
    """The key of the screen's summary of `analyst` (None: every analyst's) on the
    database whose content token is `token`, the code of digest `code`, the articles of
    digest `corpus` (corpus_digest)."""
    inputs: dict[str, JsonValue] = {
        "token": token,
        "code": code,
        "analyst": analyst,
        "ledger": {
            name: list(value) if isinstance(value, tuple) else value
            for name, value in dataclasses.asdict(ledger).items()
        },
        "threshold": threshold,
        "articles": corpus,
    }
    return output_key(WHAT, inputs)
