"""A report's article rows count each article's sentences as the database remembers them
when it counted that very text with this very segmenter, and on the text otherwise: an
article edited since (or counted by another segmenter) is counted from its text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store import AnnotationStore
from tests.fixtures.anchored import STORY, annotate, article, story_folder
from workbench.cli.main import main
from workbench.core.analysis.summary.scope import article_rows
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import load_corpus
from workbench.core.corpus.sentences import segmenter_stamp

EDITED = STORY.replace("No comment was given.\n", "No comment was given. Nor was one asked.\n")


def remembered(text: str, sentences: int, segmenter: str | None) -> ArticleInfo:
    return ArticleInfo("story", "Troops sent to Kursk", article(text).sha256, sentences, segmenter)


def test_the_same_text_is_counted_as_remembered_without_segmenting_it() -> None:
    counted = len(article(STORY).sentences)
    story = article(STORY)
    (row,) = article_rows([story], [remembered(STORY, counted, segmenter_stamp())])
    assert row == ArticleInfo("story", "Troops sent to Kursk", story.sha256, counted)
    assert not story.is_segmented


def test_an_edited_article_is_counted_from_its_text() -> None:
    edited = article(EDITED)
    stale = remembered(STORY, len(article(STORY).sentences), segmenter_stamp())
    (row,) = article_rows([edited], [stale])
    assert row.sentences == len(article(EDITED).sentences) == stale.sentences + 1
    assert row.sha256 == edited.sha256


@pytest.mark.parametrize("segmenter", [None, "sentencex 0.0.1, repairs 0"])
def test_a_count_another_segmenter_made_is_not_taken(segmenter: str | None) -> None:
    story = article(STORY)
    (row,) = article_rows([story], [remembered(STORY, 99, segmenter)])
    assert row.sentences == len(article(STORY).sentences)


def test_summary_of_an_edited_article_counts_it_from_its_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`workbench summary PATH` on an article edited since the database last saw it."""
    database = tmp_path / "db.json"
    story = article(STORY)
    with AnnotationStore.open(database, annotator="ana") as store:
        store.remember_article(
            story.id, story.title, story.sha256, len(story.sentences), segmenter_stamp()
        )
        store.import_annotations([annotate(story, 1, "ana")])
    folder = story_folder(tmp_path)
    counts: list[int] = []
    for text in (STORY, EDITED):
        (folder / "story.txt").write_text(text, encoding="utf-8")
        arguments = ["summary", "--db", str(database), "--annotator", "ana", "--format", "json"]
        assert main([*arguments, str(folder)]) == 0
        (row,) = json.loads(capsys.readouterr().out)["articles"]
        counts.append(row["sentences"])
    (now,) = load_corpus([str(folder)]).articles
    assert counts == [len(story.sentences), len(now.sentences)]
    assert counts[1] == counts[0] + 1
