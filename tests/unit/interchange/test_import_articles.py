"""Which articles an import remembers: those its annotations landed on that the database
has not seen, as the corpus has them now, else as the file describes them."""

from __future__ import annotations

from pathlib import Path

from workbench.core.corpus.articles import load_corpus
from workbench.core.corpus.sentences import segmenter_stamp
from workbench.core.interchange.importing import articles_to_remember

SHA = "a" * 64


def test_corpus_first_then_the_file_s_list_and_never_what_is_remembered(tmp_path: Path) -> None:
    (tmp_path / "here.txt").write_text("Here\nOne sentence. Two sentences.", encoding="utf-8")
    corpus = load_corpus([tmp_path]).by_id
    here = corpus["here"]
    listed = [
        {"id": "here", "title": "Old title", "sha256": SHA, "sentences": 9},
        {"id": "far", "title": "Far away", "sha256": SHA, "sentences": 4},
        {"id": "unseen", "title": None, "sha256": SHA},
        {"id": "known", "title": "Known", "sha256": SHA, "sentences": 2},
        {"id": "unused", "title": "Unused", "sha256": SHA, "sentences": 2},
    ]
    found = articles_to_remember(
        ["far", "here", "unseen", "known", "far"], {"known"}, corpus, listed
    )
    assert [(a.article_id, a.title, a.sha256, a.sentences, a.segmenter) for a in found] == [
        ("far", "Far away", SHA, 4, None),
        ("here", here.title, here.sha256, len(here.sentences), segmenter_stamp()),
    ]
