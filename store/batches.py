"""Re-anchorings written in batches of whole articles (both stores)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from workbench.core.anchoring.placement import ArticlePlan

Planned = tuple[ArticlePlan, str, int]
"""An article's plan, title and sentence count (as reanchor_articles takes them)."""


def by_changes(plans: Iterable[Planned], changes: int) -> Iterator[list[Planned]]:
    """Whole articles' plans in batches of about `changes` changed annotations each
    (a batch ends with the article that reaches it)."""
    batch: list[Planned] = []
    size = 0
    for item in plans:
        batch.append(item)
        size += len(item[0].changes)
        if size >= changes:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch
