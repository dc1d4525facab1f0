"""ArticleInfo: the store's article record, read and written back."""

from __future__ import annotations

from pathlib import Path

from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import Article


def test_a_record_reads_back_as_it_was_stored() -> None:
    record = {
        "article_id": "a1",
        "title": "First",
        "sha256": "f" * 64,
        "sentences": 12,
        "segmenter": "sentencex 1.0 / repairs 3",
        "remembered_at": "2024-11-01T00:00:00.000000Z",
    }
    info = ArticleInfo.from_record(record)
    assert info == ArticleInfo(
        "a1", "First", "f" * 64, 12, record["segmenter"], record["remembered_at"]
    )
    assert info.to_record() == record


def test_what_is_not_known_is_none_and_not_written() -> None:
    info = ArticleInfo.from_record({"article_id": "a1", "title": "First"})
    assert (info.sha256, info.sentences, info.segmenter, info.remembered_at) == (None,) * 4
    assert info.to_record() == {"article_id": "a1", "title": "First"}


def test_a_field_of_the_wrong_type_is_read_as_not_known() -> None:
    info = ArticleInfo.from_record(
        {"article_id": "a1", "title": 5, "sha256": None, "sentences": True, "segmenter": ["x"]}
    )
    assert info == ArticleInfo("a1")


def test_an_article_of_the_corpus_gives_its_title_hash_and_sentence_count(tmp_path: Path) -> None:
    text = "A title\nOne sentence here. Another one there.\n"
    article = Article("story", tmp_path / "story.txt", text)
    info = ArticleInfo.of(article)
    assert info == ArticleInfo("story", "A title", article.sha256, len(article.sentences))
