"""The data every figure needs, built once per run in one temporary folder.

Building a 100,000-annotation database or writing 10,000 article files takes seconds,
so each is made on first use and shared; a figure that changes a database works on a
copy (`scratch_store`, `scratch_tinydb`) so the others still see the original.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from tinydb import TinyDB

from bench.synthetic import (
    SyntheticArticle,
    in_memory_corpus,
    synthetic_annotations,
    synthetic_articles,
    with_provenance,
    write_corpus,
)
from store import AnnotationStore
from workbench.core.annotation import Annotation
from workbench.core.corpus.articles import Corpus
from workbench.core.corpus.sentences import segmenter_stamp

ANNOTATOR = "analyst"


@dataclass(frozen=True, slots=True)
class Scale:
    """How big and how often: the full run, --quick, and the smoke test's tiny one."""

    articles: int
    sizes: tuple[int, ...]
    """Database sizes, in annotations; the last is the one the targets are about."""
    repeats: int
    """Runs of a fast operation (a write, a lookup, a key press)."""
    slow_repeats: int
    """Runs of an operation of about a second (open, export, summary, a cold start)."""
    naive_repeats: int
    """Runs of a naive alternative that can take a second or more each."""

    @property
    def largest(self) -> int:
        return self.sizes[-1]


FULL = Scale(articles=10_000, sizes=(1_000, 10_000, 100_000), repeats=300, slow_repeats=7,
             naive_repeats=3)  # fmt: skip
QUICK = Scale(articles=10_000, sizes=(1_000, 10_000, 100_000), repeats=100, slow_repeats=3,
              naive_repeats=1)  # fmt: skip


class Workspace:
    """Synthetic corpus and databases under `root`, each made on first use."""

    def __init__(self, root: Path, scale: Scale) -> None:
        self.root = root
        self.scale = scale
        self._stores: dict[int, Path] = {}
        self._tinydbs: dict[int, Path] = {}
        self._scratch = 0

    @cached_property
    def articles(self) -> list[SyntheticArticle]:
        return synthetic_articles(self.scale.articles)

    @cached_property
    def all_annotations(self) -> list[Annotation]:
        return with_provenance(
            synthetic_annotations(self.articles, self.scale.largest), self.corpus
        )

    def annotations(self, size: int) -> list[Annotation]:
        """The first `size` annotations: smaller databases are prefixes of the largest."""
        return self.all_annotations[:size]

    @cached_property
    def corpus_folder(self) -> Path:
        return write_corpus(self.articles, self.root / "corpus")

    @cached_property
    def corpus(self) -> Corpus:
        """The synthetic corpus already in memory and segmented (for in-process figures)."""
        return in_memory_corpus(self.articles, self.root / "corpus")

    def store_db(self, size: int) -> Path:
        """An AnnotationStore database of `size` annotations, its articles remembered."""
        if size not in self._stores:
            path = self.root / f"store-{size}" / "annotations.json"
            self.write_store(path, self.annotations(size))
            self._stores[size] = path
        return self._stores[size]

    def write_store(self, path: Path, annotations: list[Annotation]) -> None:
        """An AnnotationStore database at `path` of `annotations`, their articles remembered."""
        known = {annotation.article_id for annotation in annotations}
        with AnnotationStore.open(path, annotator=ANNOTATOR) as store:
            store.import_annotations(annotations)
            for article in self.corpus.articles:
                if article.id in known:
                    store.remember_article(
                        article.id,
                        article.title,
                        article.sha256,
                        len(article.sentences),
                        segmenter_stamp(),  # as a session of this version remembers it
                    )

    def tinydb_db(self, size: int) -> Path:
        """The same annotations in a plain TinyDB file (default JSONStorage)."""
        if size not in self._tinydbs:
            path = self.root / f"tinydb-{size}.json"
            with TinyDB(path) as db:
                db.insert_multiple(annotation.to_record() for annotation in self.annotations(size))
            self._tinydbs[size] = path
        return self._tinydbs[size]

    def adopt_store(self, size: int) -> bool:
        """Take the `size` database an earlier run left in this folder (--keep), if
        there is one, rather than build it again."""
        path = self.root / f"store-{size}" / "annotations.json"
        if path.exists():
            self._stores[size] = path
        return path.exists()

    def scratch_store(self, size: int) -> Path:
        """A private copy of the `size` database (with its journal) to change freely:
        its content only (no kept summaries, which a figure keeps for itself)."""
        source = self.store_db(size).parent
        target = self.root / f"scratch-{self._next_scratch()}"
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.lock", "*.kept"))
        return target / self.store_db(size).name

    def scratch_tinydb(self, size: int) -> Path:
        target = self.root / f"scratch-{self._next_scratch()}.json"
        shutil.copyfile(self.tinydb_db(size), target)
        return target

    def scratch_path(self, name: str) -> Path:
        """A fresh, not yet existing path for a file of the caller's."""
        folder = self.root / f"scratch-{self._next_scratch()}"
        folder.mkdir()
        return folder / name

    def _next_scratch(self) -> int:
        self._scratch += 1
        return self._scratch
