"""What the summary says about anchoring: annotations to check, orphans, missing articles.

Re-anchoring never puts an annotation on a sentence silently: a similar-sentence move is
"to check" until the analyst confirms it, an annotation with no sentence left is an
orphan (on none), and one whose article is not in the corpus (a renamed file) is listed
as "article missing". The summary lists all three so that none is lost from view.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from workbench.core.analysis.summary.model import AnchoringSection
from workbench.core.annotation import Annotation


def anchoring_section(
    placed: Iterable[Annotation],
    orphans: Iterable[Annotation],
    known_articles: Collection[str] | None = None,
) -> AnchoringSection:
    """The summary's anchoring section. `known_articles` are the corpus's article ids;
    without a corpus, no article is called missing."""
    annotations = list(placed)
    return AnchoringSection(
        check=tuple(a for a in annotations if a.anchor_state == "check"),
        orphaned=tuple(orphans),
        article_missing=()
        if known_articles is None
        else tuple(a for a in annotations if a.article_id not in known_articles),
    )
