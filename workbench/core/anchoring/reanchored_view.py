"""What read-only readers see: a store's annotations as re-anchoring places them on the
articles as they are now, computed in memory and written nowhere.

`read_only_view` is what `export --articles`, `summary PATH...` and a read-only TUI
read; `current_view` returns the store itself when nothing needs re-anchoring (one
look-up per article), so the common case costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from workbench.core.anchoring import decisions
from workbench.core.anchoring.placement import DEFAULT_THRESHOLD, ArticlePlan, apply_plans
from workbench.core.anchoring.reanchoring import AnchorSource, ArticleReanchoring, plans
from workbench.core.annotation import Annotation
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import Article
from workbench.core.interchange.export.data import ChangeLike
from workbench.core.interchange.export.from_store import ExportSource


class ReanchoredView:
    """A store as it reads once re-anchored, computed in memory and written nowhere: what
    read-only commands show, count and export. Same reads as the store's."""

    def __init__(self, source: ExportSource, found: Sequence[ArticleReanchoring]) -> None:
        self.source = source
        self.plans = [item.plan for item in found]
        placed, orphans = apply_plans([*source.all(), *source.orphans()], self.plans)
        self._placed = sorted(placed, key=lambda annotation: annotation.key)
        self._orphans = orphans
        self._seen = {item.article.id: ArticleInfo.of(item.article) for item in found}

    def all(self, annotator: str | None = None) -> list[Annotation]:
        return [a for a in self._placed if annotator is None or a.annotator == annotator]

    def orphans(
        self, annotator: str | None = None, article_id: str | None = None
    ) -> list[Annotation]:
        return [
            orphan
            for orphan in self._orphans
            if (annotator is None or orphan.annotator == annotator)
            and (article_id is None or orphan.article_id == article_id)
        ]

    def records(
        self, annotator: str | None = None, ordered: bool = True
    ) -> list[Mapping[str, Any]]:
        """The stored-record shape of every annotation, placed ones first (the json and
        jsonl exports write these)."""
        return [a.to_record() for a in [*self.all(annotator), *self.orphans(annotator)]]

    def articles(self) -> list[ArticleInfo]:
        """The remembered articles, those re-anchored here as they are now."""
        remembered = {article.article_id: article for article in self.source.articles()}
        return list({**remembered, **self._seen}.values())

    def history(self) -> Sequence[ChangeLike]:
        return self.source.history()

    def ledger_decisions(self) -> list[dict[str, Any]]:
        """The store's decision records, then the moves that take the decisions with
        their sentences (anchoring/decisions.py), made here and written nowhere."""
        records = self.source.ledger_decisions()
        if not records or not self.plans:
            return records
        remembered = {info.article_id: info.sha256 for info in self.source.articles()}
        return [*records, *decisions.moves(records, self.plans, remembered)]


class ReadableStore(AnchorSource, ExportSource, Protocol):
    """What read_only_view reads."""


def read_only_view(
    source: ReadableStore, articles: Iterable[Article], threshold: float = DEFAULT_THRESHOLD
) -> ReanchoredView:
    """The store's annotations re-anchored on `articles` in memory (nothing is written)."""
    return ReanchoredView(source, list(plans(source, articles, threshold)))


def current_view(
    source: ReadableStore, articles: Iterable[Article], threshold: float = DEFAULT_THRESHOLD
) -> ExportSource:
    """The store itself when every annotation of `articles` fits its text (one look-up per
    article), else read_only_view: what an export or a screen should read."""
    found = list(plans(source, articles, threshold))
    return ReanchoredView(source, found) if found else source


def view_plans(source: object) -> list[ArticlePlan]:
    """The re-anchoring a view made in memory (none for a store): how the annotations it
    moved were tagged (anchoring/as_tagged.py follows them)."""
    return source.plans if isinstance(source, ReanchoredView) else []
