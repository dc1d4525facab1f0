"""The blind set and its split: what docs/SUGGESTIONS.md reports on is what the file
records (the split is recomputed from its seed, never edited by hand)."""

from __future__ import annotations

import hashlib
import re

from bench.suggest_eval import (
    BLIND,
    BLIND2,
    BLIND3,
    BLIND4,
    BLIND5,
    BLIND6,
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


def test_blind_set_3_is_the_annotators_file_whole() -> None:
    """Its header records the handed-over file's sha256 and the frozen commit that ran
    it; the text after the marker line is that file byte for byte."""
    data = BLIND3.read_bytes()
    recorded = re.search(rb"sha256\s+#?\s*([0-9a-f]{64})", data)
    assert recorded is not None
    assert re.search(rb"by rules-4 frozen \(commit [0-9a-f]{7,40}", data)
    body = data[data.index(BLIND3_MARKER) + len(BLIND3_MARKER) :]
    assert hashlib.sha256(body).hexdigest() == recorded.group(1).decode()
    articles = load_held_out(BLIND3)
    sentences = [s for article in articles for s in article.sentences]
    assert (len(articles), len(sentences)) == (12, 300)
    assert sum("denial" in s.tags for s in sentences) == 91


def test_blind_set_4_is_the_annotators_file_whole() -> None:
    """Its header records the handed-over file's sha256 and the frozen commit that ran
    it; the text after the marker line is that file byte for byte."""
    data = BLIND4.read_bytes()
    recorded = re.search(rb"sha256\s+#?\s*([0-9a-f]{64})", data)
    assert recorded is not None
    assert re.search(rb"by rules-5 frozen \(commit [0-9a-f]{7,40}", data)
    body = data[data.index(BLIND3_MARKER) + len(BLIND3_MARKER) :]
    assert hashlib.sha256(body).hexdigest() == recorded.group(1).decode()
    articles = load_held_out(BLIND4)
    sentences = [s for article in articles for s in article.sentences]
    assert (len(articles), len(sentences)) == (14, 309)
    assert sum("denial" in s.tags for s in sentences) == 110


def test_blind_set_5_is_the_annotators_file_whole() -> None:
    """Its header records the handed-over file's sha256 and the frozen commit that ran
    it; the text after the marker line is that file byte for byte."""
    data = BLIND5.read_bytes()
    recorded = re.search(rb"sha256\s+#?\s*([0-9a-f]{64})", data)
    assert recorded is not None
    assert re.search(rb"by rules-6 frozen \(commit [0-9a-f]{7,40}", data)
    body = data[data.index(BLIND3_MARKER) + len(BLIND3_MARKER) :]
    assert hashlib.sha256(body).hexdigest() == recorded.group(1).decode()
    articles = load_held_out(BLIND5)
    sentences = [s for article in articles for s in article.sentences]
    assert (len(articles), len(sentences)) == (14, 310)
    assert sum("denial" in s.tags for s in sentences) == 111


def test_blind_set_6_is_the_annotators_file_whole() -> None:
    """Its header records the handed-over file's sha256 and the frozen commit that ran
    it; the text after the marker line is that file byte for byte."""
    data = BLIND6.read_bytes()
    recorded = re.search(rb"sha256\s+#?\s*([0-9a-f]{64})", data)
    assert recorded is not None
    assert re.search(rb"by rules-6\+denial-model-1 frozen \(commit [0-9a-f]{7,40}", data)
    body = data[data.index(BLIND3_MARKER) + len(BLIND3_MARKER) :]
    assert hashlib.sha256(body).hexdigest() == recorded.group(1).decode()
    articles = load_held_out(BLIND6)
    sentences = [s for article in articles for s in article.sentences]
    assert (len(articles), len(sentences)) == (16, 307)
    assert sum("denial" in s.tags for s in sentences) == 79
