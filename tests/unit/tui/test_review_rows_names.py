"""polish20 named the Anchoring filter of annotations on an article the app did not open
"article not opened" (it said "article missing", which read as if a file were lost), and
kept the old name as an alias, ARTICLE_MISSING, that code went on using. One name now;
the reports' JSON key stays "article_missing" (its schema)."""

from __future__ import annotations

from workbench.tui.state import review_rows
from workbench.tui.state.review_rows import ANCHORING_FILTERS, MOVED, ORPHANED, TO_CHECK


def test_the_anchoring_filter_of_articles_not_opened_has_one_name() -> None:
    assert ANCHORING_FILTERS == (TO_CHECK, ORPHANED, "article not opened", MOVED)
    assert review_rows.ARTICLE_NOT_OPENED == "article not opened"
    assert not hasattr(review_rows, "ARTICLE_MISSING"), "the old name, kept as an alias"
