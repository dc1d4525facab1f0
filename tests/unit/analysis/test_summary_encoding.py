"""The summary's fast paths give what the plain ones give, byte for byte.

On a generated database (the bench's synthetic articles and annotations, smaller):
the JSON through orjson against json.dumps, a build with the previous build's cache
against a fresh one, and the accumulator's patched summary against a rebuild.
"""

from __future__ import annotations

import json
from functools import cache

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.synthetic import synthetic_annotations, synthetic_articles
from tests.fixtures.gold import load_gold
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.analysis.summary.build import SummaryCache, SummarySettings, build_summary
from workbench.core.analysis.summary.incremental import SummaryAccumulator
from workbench.core.analysis.summary.model import Summary, _plain_float
from workbench.core.annotation import Annotation
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import load_corpus
from workbench.core.terminal_text import json_safe

ANALYST = "analyst"


@cache
def generated() -> tuple[list[Annotation], list[ArticleInfo]]:
    """4,000 annotations of two analysts on 300 articles (as `make bench` makes 100,000)."""
    articles = synthetic_articles(300)
    annotations = sorted(synthetic_annotations(articles, 4_000), key=lambda a: a.key)
    infos = [ArticleInfo(a.id, a.id, None, len(a.spans), None, None) for a in articles]
    return annotations, infos


def plain_json(summary: Summary) -> bytes:
    """What the summary command wrote before orjson."""
    text = json.dumps(summary.to_json(), ensure_ascii=False, indent=2, check_circular=False)
    return json_safe(text + "\n").encode("utf-8")


def test_generated_summaries_encode_as_json_dumps_does() -> None:
    annotations, infos = generated()
    for whose in (ANALYST, None):
        summary = build_summary(annotations, infos, SummarySettings(annotator=whose))
        assert summary.to_json_bytes() == plain_json(summary)


def test_the_json_comes_in_pieces_that_join_into_the_document() -> None:
    annotations, infos = generated()
    summary = build_summary(annotations, infos, SummarySettings(annotator=ANALYST))
    parts = list(summary.json_parts())
    assert len(parts) > len(summary.articles) + len(summary.ledger)  # never held whole
    assert b"".join(parts) == plain_json(summary)
    empty = build_summary([], [], SummarySettings())
    assert empty.to_json_bytes() == plain_json(empty) and b'"ledger": [],' in plain_json(empty)


def test_a_piece_with_a_float_orjson_writes_otherwise_goes_through_json_dumps() -> None:
    annotations, infos = generated()
    tiny = SummarySettings(ledger=LedgerSettings(figure_bonus=1e-05), annotator=ANALYST)
    summary = build_summary(annotations[:300], infos, tiny)
    written = summary.to_json_bytes()
    assert written == plain_json(summary) and b'"figure_bonus": 1e-05' in written


def test_a_build_with_the_previous_builds_cache_is_the_same_summary() -> None:
    annotations, infos = generated()
    summary_settings = SummarySettings(annotator=ANALYST)
    fresh = build_summary(annotations, infos, summary_settings)
    kept = SummaryCache()
    assert build_summary(annotations, infos, summary_settings, cache=kept) == fresh
    assert kept.texts and kept.sources
    assert build_summary(annotations, infos, summary_settings, cache=kept) == fresh
    fewer = annotations[: len(annotations) // 2]
    assert build_summary(fewer, infos, summary_settings, cache=kept) == build_summary(
        fewer, infos, summary_settings
    )


def test_patched_summaries_of_generated_annotations_are_the_rebuilt_ones() -> None:
    annotations, infos = generated()
    summary_settings = SummarySettings(annotator=ANALYST)
    accumulator = SummaryAccumulator(annotations, infos, summary_settings)
    accumulator.summary()
    current = {a.key: a for a in annotations}
    mine = [a for a in annotations if a.annotator == ANALYST]
    for number, annotation in enumerate(mine[::97]):
        after = annotation.changed(
            status="disputed" if annotation.status != "disputed" else "supported",
            note=f"looked at {number}",
            tags=tuple(set(annotation.tags) ^ {"attribution"}) or ("attribution",),
        )
        accumulator.apply(annotation, after)
        current[after.key] = after
    patched = accumulator.summary()
    assert accumulator.rebuilds == 1
    assert patched == build_summary(
        [current[key] for key in sorted(current)], infos, summary_settings
    )


@settings(max_examples=300)
@given(st.floats(allow_nan=True, allow_infinity=True))
def test_a_float_called_plain_is_written_alike_by_orjson_and_json(value: float) -> None:
    if _plain_float(value):
        assert orjson.dumps(value).decode() == json.dumps(value)


def test_text_orjson_refuses_or_writes_otherwise_goes_through_json_dumps() -> None:
    corpus = load_corpus()
    claims = [a for a in load_gold(corpus) if "claim" in a.tags]
    hostile = [
        claims[0].changed(note="bell \x07 escape \x1b[31m C1 \x9b bidi \u202e end"),
        claims[1].changed(source="Mr. \x1b]0;title\x07 Kim"),
    ]
    infos = [ArticleInfo.of(a) for a in corpus]
    summary = build_summary([*hostile, *claims[2:]], infos, SummarySettings())
    written = summary.to_json_bytes()
    assert written == plain_json(summary) and b"\\u009b" in written
    lone = claims[0].changed(note="lone \ud800 surrogate")
    summary = build_summary([lone, *claims[1:]], infos, SummarySettings())
    written = summary.to_json_bytes()
    assert written == plain_json(summary) and b"lone \\ud800 surrogate" in written
