"""Fuzz (hypothesis): any article text through segmentation, the store, export and import.

For each generated text: it loads as an article or is refused with a reason (as a file
would be); its sentences are exact, ordered, trimmed spans that lose no text; every
sentence is saved through an on-disk store with generated tags, source and note; the
journal replays and the snapshot reloads to the same annotations; and a json and a jsonl
export, re-imported into an empty store, give back exactly the same annotations.
"""

from __future__ import annotations

import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store import AnnotationStore
from workbench.core.annotation import STATUSES, TAGS, Anchor, Annotation
from workbench.core.corpus.articles import Article, ArticleError, decode_article
from workbench.core.corpus.sentences import Sentence
from workbench.core.interchange.export.formats import render
from workbench.core.interchange.export.prepare import prepare_export
from workbench.core.interchange.importing import read_import

from .helpers import copy_database

TOKENS = [
    "The", "minister", "said", "Mr.", "U.S.", "Gen.", "Jan.", "3.5", "No.", "e.g.",
    " ", " ", "  ", "\t", ".", ". ", "! ", "? ", "...", "…", ",", ";", "\n", "\n\n", "\r\n",
    "“", "”", '"', "'", "(", ")", "[", "]", "[bold]", "[/]", "[link=x]", "\x1b[31m", "\x07",
    "—", "-", "e\u0301", "👨‍👩‍👧", "🇺🇦", "قال", "השר", "中文", "\u2028", "\u0085", "\x00",
    "\ufeff", "\u202e", "Ret.", "A.", "B.", "said:", "denied", "“Yes. No.”", '"Go. Now."',
]  # fmt: skip
"""Pieces of prose and of trouble: abbreviations, quotes, markup, controls, scripts."""

article_texts = st.one_of(
    st.lists(st.sampled_from(TOKENS), max_size=120).map("".join),
    st.text(st.characters(codec="utf-8"), max_size=400),
    st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=8)), max_size=60).map("".join),
)
notes = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40)
"""What an analyst can type as a source or note: anything but NUL, which no store takes
(workbench/core/nul_text.py: the prompts and import refuse it, as the team store would)."""

QUICK = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
STRESS = settings(QUICK, max_examples=5_000)
SCRATCH = "/dev/shm" if Path("/dev/shm").is_dir() else None
"""Memory-backed when available: this test checks content, not durability (the kill
tests do), and thousands of fsyncs on a disk would make it slow."""


def check_sentences(text: str, sentences: list[Sentence]) -> None:
    """Exact offsets, in order, trimmed, within a paragraph, and no text lost."""
    paragraphs = text.split("\n")
    starts = [0]
    for paragraph in paragraphs[:-1]:
        starts.append(starts[-1] + len(paragraph) + 1)
    covered: set[int] = set()
    end = 0
    for number, sentence in enumerate(sentences):
        assert sentence.index == number
        assert end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and "\n" not in sentence.text
        assert starts[sentence.paragraph] <= sentence.start
        assert any(not c.isspace() and unicodedata.category(c)[0] != "P" for c in sentence.text)
        covered.update(range(sentence.start, sentence.end))
        end = sentence.end
    for paragraph, first in zip(paragraphs, starts, strict=True):
        if all(c.isspace() or unicodedata.category(c)[0] == "P" for c in paragraph):
            continue  # blank or nothing but punctuation: no sentence, by design
        lost = [p for p, c in enumerate(paragraph, first) if not c.isspace() and p not in covered]
        assert not lost, f"characters outside every sentence at {lost[:5]}"


def annotate(article: Article, data: st.DataObject) -> list[Annotation]:
    annotations = []
    for sentence in article.sentences:
        anchor = Anchor.in_text(
            article.id, article.sha256, article.text, sentence.index, sentence.start, sentence.end
        )
        annotation = Annotation.new(
            anchor,
            "fuzzer",
            tags=tuple(data.draw(st.sets(st.sampled_from(TAGS)))),
            source=data.draw(st.none() | notes),
            note=data.draw(notes),
            status=data.draw(st.sampled_from(STATUSES)),
        )
        annotations.append(annotation)
    return annotations


def round_trip(text: str, data: st.DataObject, figures: Counter[str]) -> None:
    figures["fuzz: article texts tried"] += 1
    try:
        article = Article("fuzz", Path("fuzz.txt"), decode_article(text.encode()))
    except ArticleError as error:
        assert str(error), "a refused text must say why"
        figures["fuzz: texts refused as articles (empty, NUL)"] += 1
        return
    check_sentences(article.text, article.sentences)
    with tempfile.TemporaryDirectory(dir=SCRATCH) as folder:
        database = Path(folder) / "db" / "annotations.json"
        with AnnotationStore.open(database, annotator="fuzzer") as opened:
            saved = [opened.save(annotation) for annotation in annotate(article, data)]
            kept = sorted((a for a in saved if not a.is_blank), key=lambda a: a.key)
            assert opened.all() == kept
            with AnnotationStore.open(copy_database(database, Path(folder) / "crash"), "x") as c:
                assert c.all() == kept, "the journal replays to what was saved"
        with AnnotationStore.open(database, annotator="fuzzer") as reopened:
            assert reopened.all() == kept, "the snapshot reloads to what was saved"
        for format_name in ("json", "jsonl"):
            exported = Path(folder) / f"export.{format_name}"
            exported.write_bytes(render(format_name, prepare_export(kept)))
            batch = read_import(exported, known_articles={article.id})
            with AnnotationStore.open(None, annotator="other") as empty:
                report = empty.import_annotations(batch.annotations)
                assert (report.added, report.updated, report.skipped) == (len(kept), 0, 0)
                assert empty.all() == kept
    figures["fuzz: sentences segmented, stored and round-tripped"] += len(article.sentences)
    figures["fuzz: annotations written and verified"] += len(kept)


@QUICK
@given(text=article_texts, data=st.data())
def test_any_text_survives_segmentation_storage_and_round_trip(
    text: str, data: st.DataObject, figures: Counter[str], deadline: Callable[[float], None]
) -> None:
    deadline(60)
    round_trip(text, data, figures)


@pytest.mark.stress
@STRESS
@given(text=article_texts, data=st.data())
def test_many_texts_survive_segmentation_storage_and_round_trip(
    text: str, data: st.DataObject, figures: Counter[str], deadline: Callable[[float], None]
) -> None:
    deadline(60)
    round_trip(text, data, figures)
