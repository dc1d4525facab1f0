"""What the summary says about anchoring: annotations to check, orphans, missing articles.

Re-anchoring never puts an annotation on a sentence silently: a similar-sentence move is
"to check" until the analyst confirms it, an annotation with no sentence left is an
orphan (on none), and one whose article is not in the corpus (a renamed file) is listed
as "article missing". The summary lists all three so that none is lost from view.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from workbench.core.annotation import Annotation


def entry(annotation: Annotation) -> dict[str, Any]:
    """One listed annotation; `index` is an orphan's old index (on the text it was made on)."""
    return {
        "key": list(annotation.key),
        "article_id": annotation.article_id,
        "index": annotation.index,
        "annotator": annotation.annotator,
        "quote": annotation.quote,
        "tags": list(annotation.tags),
        "source": annotation.source,
        "anchor_state": annotation.anchor_state,
    }


def anchoring_section(
    placed: Iterable[Annotation],
    orphans: Iterable[Annotation],
    known_articles: Collection[str] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """The summary's "anchoring" entry. `known_articles` are the corpus's article ids;
    without a corpus, no article is called missing."""
    annotations = list(placed)
    return {
        "check": [entry(a) for a in annotations if a.anchor_state == "check"],
        "orphaned": [entry(a) for a in orphans],
        "article_missing": []
        if known_articles is None
        else [entry(a) for a in annotations if a.article_id not in known_articles],
    }
