"""What the summary says about anchoring: annotations to check, orphans, missing articles.

Re-anchoring never puts an annotation on a sentence silently: a similar-sentence move is
"to check" until the analyst confirms it, an annotation with no sentence left is an
orphan (on none), and one whose article is not in the corpus (a renamed file) is listed
as not opened (the report's "Article missing", JSON "article_missing"). The summary
lists all three so that none is lost from view.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping

from workbench.core.analysis.summary.model import AnchoringSection
from workbench.core.annotation import Annotation
from workbench.core.corpus.titles import short_titles


def anchoring_section(
    placed: Iterable[Annotation],
    orphans: Iterable[Annotation],
    known_articles: Collection[str] | None = None,
    as_tagged: Callable[[Annotation], Annotation | None] | None = None,
    remembered: Mapping[str, str | None] | None = None,
) -> AnchoringSection:
    """The summary's anchoring section. `known_articles` are the corpus's article ids;
    without a corpus, no article is called missing. `as_tagged` tells how an
    annotation to check was tagged, where it is known (anchoring/as_tagged.py).
    `remembered`: the titles the database remembers (article id -> title), to name the
    missing articles by."""
    annotations = list(placed)
    missing = (
        []
        if known_articles is None
        else [a for a in annotations if a.article_id not in known_articles]
    )
    check = tuple(a for a in annotations if a.anchor_state == "check" and a not in missing)
    tagged = {} if as_tagged is None else {a.key: as_tagged(a) for a in check}
    return AnchoringSection(
        check=check,
        tagged={key: version for key, version in tagged.items() if version is not None},
        orphaned=tuple(orphans),
        article_not_opened=tuple(missing),
        titles=short_titles(
            (article_id, title)
            for article_id in dict.fromkeys(a.article_id for a in missing)
            if (title := (remembered or {}).get(article_id))
        ),
    )
