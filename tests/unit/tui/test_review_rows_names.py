"""polish20 named the Anchoring filter of annotations on an article the app did not open
"article not opened" (it said "article missing", which read as if a file were lost), and
kept the old name as an alias, ARTICLE_MISSING, that code went on using. One name now;
the reports' JSON key stays "article_missing" (its schema)."""

from __future__ import annotations

from dataclasses import fields

from workbench.core.analysis.summary.model import AnchoringSection
from workbench.tui.screens import review
from workbench.tui.state import review_rows
from workbench.tui.state.review_rows import (
    ANCHORING_FILTERS,
    MOVED,
    ORPHANED,
    TO_CHECK,
    ReviewRow,
)


def test_the_anchoring_filter_of_articles_not_opened_has_one_name() -> None:
    assert ANCHORING_FILTERS == (TO_CHECK, ORPHANED, "article not opened", MOVED)
    assert review_rows.ARTICLE_NOT_OPENED == "article not opened"
    assert not hasattr(review_rows, "ARTICLE_MISSING"), "the old name, kept as an alias"


def test_the_code_names_those_annotations_not_opened_and_the_json_keeps_its_key() -> None:
    """fix22a: ReviewRow.article_missing, the review's article_missing() and
    AnchoringSection.article_missing still used the old words; the JSON list keeps its
    key, "article_missing" (the report's schema)."""
    row_fields = {field.name for field in fields(ReviewRow)}
    section_fields = {field.name for field in fields(AnchoringSection)}
    assert "article_not_opened" in row_fields and "article_missing" not in row_fields
    assert "article_not_opened" in section_fields and "article_missing" not in section_fields
    assert hasattr(review, "article_not_opened") and not hasattr(review, "article_missing")
    assert [name for name, _ in AnchoringSection().lists()][-1] == "article_missing"
