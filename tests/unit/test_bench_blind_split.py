"""The blind set and its split: what docs/SUGGESTIONS.md reports on is what the file
records (the split is recomputed from its seed, never edited by hand)."""

from __future__ import annotations

from bench.suggest_eval import BLIND, blind_halves, load_held_out


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
