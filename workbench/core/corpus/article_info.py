"""What is known of an article without its text: the store remembers it, the corpus gives it.

A summary names articles by title and counts their sentences, an export catalogues
their titles and hashes, re-anchoring compares hashes and segmenters: none of them
needs the text. The store keeps one flat record per article (`to_record()`); everyone
else reads this type, keyed by `article_id`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from workbench.core.corpus.articles import Article


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """One article as remembered or seen; a field is None when it is not known."""

    article_id: str
    title: str | None = None
    sha256: str | None = None
    """The hash of the text as last seen."""
    sentences: int | None = None
    """How many sentences the segmenter found in it."""
    segmenter: str | None = None
    """The segmenter that counted them (segmenter_stamp()), once it has been seen with one."""
    remembered_at: str | None = None

    @classmethod
    def of(cls, article: Article) -> ArticleInfo:
        """The article as the corpus has it now (segments it, if not done yet)."""
        return cls(article.id, article.title, article.sha256, len(article.sentences))

    def to_record(self) -> dict[str, Any]:
        """The store's flat record: the known fields only."""
        record: dict[str, Any] = {"article_id": self.article_id}
        for name in ("title", "sha256", "sentences", "segmenter", "remembered_at"):
            value = getattr(self, name)
            if value is not None:
                record[name] = value
        return record

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> ArticleInfo:
        """A stored record; a field of the wrong type is read as not known."""
        sentences = record.get("sentences")
        return cls(
            article_id=str(record["article_id"]),
            title=_text(record.get("title")),
            sha256=_text(record.get("sha256")),
            sentences=sentences if type(sentences) is int else None,
            segmenter=_text(record.get("segmenter")),
            remembered_at=_text(record.get("remembered_at")),
        )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
