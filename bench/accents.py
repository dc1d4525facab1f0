"""Accents taken off for search (matching.without_accents) on sentences full of accented
names, against the textbook way: decompose, drop every mark, compose again.

Every sentence the search indexes and every review row's text goes through it (qa13 Q1:
"Pena" must find Peña); English news text holds no accented letter and costs one scan.
The sentences are the bundled articles' with an accented name in place of every third
word: a Spanish, Polish or Vietnamese story.
"""

from __future__ import annotations

import re
import unicodedata
from functools import partial

from bench.report import Figure, Naive, Samples
from bench.timing import timed
from bench.workspace import Workspace
from workbench.core.corpus.articles import load_corpus
from workbench.core.corpus.matching import without_accents

NAMES = ("Peña", "Kovač", "Sæther", "Wiśniewska", "Kjølvik", "Nguyễn", "Łódź", "Müller")
COPIES = 100
_MARKS = re.compile(r"[\u0300-\u036f]+")


def run(space: Workspace) -> list[Figure]:
    sentences = [s.text for article in load_corpus() for s in article.sentences]
    accented = [accent(text, number) for number, text in enumerate(sentences)] * COPIES
    repeats = max(3, space.scale.slow_repeats)
    folding = Samples(tuple(timed(partial(fold_all, accented)) for _ in range(repeats)))
    decomposing = Samples(tuple(timed(partial(decompose_all, accented)) for _ in range(repeats)))
    naive = Naive("NFKD, every mark dropped, NFC, for each sentence", decomposing)
    size = f"{len(accented):,} sentences, every third word an accented name"
    return [Figure("accents taken off for search (without_accents)", size, folding, naive=naive)]


def accent(text: str, number: int) -> str:
    """`text` with an accented name in place of every third word."""
    words = text.split(" ")
    for place in range(number % 3, len(words), 3):
        words[place] = NAMES[(number + place) % len(NAMES)]
    return " ".join(words)


def fold_all(texts: list[str]) -> None:
    for text in texts:
        without_accents(text)


def decompose_all(texts: list[str]) -> None:
    for text in texts:
        unicodedata.normalize("NFC", _MARKS.sub("", unicodedata.normalize("NFKD", text)))
