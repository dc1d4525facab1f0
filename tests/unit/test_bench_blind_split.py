"""The blind set and its split: what docs/SUGGESTIONS.md reports on is what the file
records (the split is recomputed from its seed, never edited by hand)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from bench.suggest_eval import (
    BLIND,
    BLIND2,
    BLIND3,
    BLIND4,
    BLIND5,
    BLIND6,
    BLIND7,
    blind_halves,
    load_held_out,
)


def recorded(prefix: str) -> list[str]:
    for line in BLIND.read_text(encoding="utf-8").splitlines():
        if line.startswith(prefix):
            return line.removeprefix(prefix).split()
    raise AssertionError(f"{BLIND} records no {prefix!r} line")


def test_the_seeded_split_is_the_one_the_file_records() -> None:
    development, test = blind_halves(load_held_out(BLIND))
    assert [a.id for a in development] == sorted(recorded("# split-dev:"), key=_file_order)
    assert [a.id for a in test] == recorded("# split-test:")
    assert len(development) == len(test) == 6


def test_the_blind_set_is_whole() -> None:
    articles = load_held_out(BLIND)
    sentences = [s for article in articles for s in article.sentences]
    assert len(articles) == 12
    assert len(sentences) == 280
    assert sum("denial" in s.tags for s in sentences) == 63


def _file_order(name: str) -> int:
    return [a.id for a in load_held_out(BLIND)].index(name)


def test_blind_set_2_is_the_annotators_file_whole() -> None:
    """Its header records the handed-over file's sha256; the text after the header is
    that file byte for byte."""
    data = BLIND2.read_bytes()
    recorded = re.search(rb"sha256\s+#?\s*([0-9a-f]{64})", data)
    assert recorded is not None
    start = data.index(b"# Blind evaluation set 2")
    assert hashlib.sha256(data[start:]).hexdigest() == recorded.group(1).decode()
    articles = load_held_out(BLIND2)
    sentences = [s for article in articles for s in article.sentences]
    assert (len(articles), len(sentences)) == (12, 310)
    assert sum("denial" in s.tags for s in sentences) == 63


BLIND3_MARKER = b"# ---- the annotator's file follows, byte for byte ----\n"


@pytest.mark.parametrize(
    ("path", "version", "articles", "sentences", "denials"),
    [
        (BLIND3, rb"rules-4", 12, 300, 91),
        (BLIND4, rb"rules-5", 14, 309, 110),
        (BLIND5, rb"rules-6", 14, 310, 111),
        (BLIND6, rb"rules-6\+denial-model-1", 16, 307, 79),
        (BLIND7, rb"rules-7\+denial-model-2", 16, 332, 103),
    ],
    ids=["blind3", "blind4", "blind5", "blind6", "blind7"],
)
def test_a_blind_set_is_the_annotators_file_whole(
    path: Path, version: bytes, articles: int, sentences: int, denials: int
) -> None:
    """Its header records the handed-over file's sha256 and the frozen commit that ran
    it; the text after the marker line is that file byte for byte."""
    data = path.read_bytes()
    recorded = re.search(rb"sha256\s+#?\s*([0-9a-f]{64})", data)
    assert recorded is not None
    assert re.search(rb"by " + version + rb" frozen \(commit [0-9a-f]{7,40}", data)
    body = data[data.index(BLIND3_MARKER) + len(BLIND3_MARKER) :]
    assert hashlib.sha256(body).hexdigest() == recorded.group(1).decode()
    read = load_held_out(path)
    read_sentences = [s for article in read for s in article.sentences]
    assert (len(read), len(read_sentences)) == (articles, sentences)
    assert sum("denial" in s.tags for s in read_sentences) == denials
