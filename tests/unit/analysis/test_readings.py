"""Readings kept beside the database: the codec, the keys, the fingerprint, and a summary
that is the same whether it reads its quotes and pronouns or restores them."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.summary_digest import STORY, bundled_annotations
from workbench.core.analysis.ledger import readings as readings_module
from workbench.core.analysis.ledger.claim_text import ClaimText, claim_text
from workbench.core.analysis.ledger.readings import (
    Readings,
    analyser_files,
    analyser_fingerprint,
    decode_claim_text,
    encode_claim_text,
    quote_key,
    speaker_key,
)
from workbench.core.analysis.new_readings import NewReadings
from workbench.core.analysis.sources.speakers import forget_answers
from workbench.core.analysis.summary.build import SummaryCache, SummarySettings, build_summary
from workbench.core.analysis.summary.markdown import render_markdown
from workbench.core.annotation import Annotation
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import Article, load_corpus


class FakeReadingsStore:
    """The two readings methods of the Store protocol, over a dict (as the store keeps
    them: JSON values, written and read through orjson)."""

    def __init__(self) -> None:
        self.kept: dict[str, dict[str, bytes]] = {}

    def readings(self, fingerprint: str) -> Mapping[str, Any]:
        return {key: orjson.loads(v) for key, v in self.kept.get(fingerprint, {}).items()}

    def add_readings(self, fingerprint: str, records: Mapping[str, Any]) -> None:
        kept = self.kept.setdefault(fingerprint, {})
        for key, record in records.items():
            kept.setdefault(key, orjson.dumps(record))


def through_json(text: ClaimText, quote: str) -> ClaimText | None:
    record = encode_claim_text(text)
    if record is None:
        return None
    return decode_claim_text(orjson.loads(orjson.dumps(record)), quote)


def assert_same(restored: ClaimText, read: ClaimText) -> None:
    assert restored == read
    assert restored.keys == read.keys
    assert [m.mentions for m in restored.measures] == [m.mentions for m in read.measures]
    assert [q.topic for q in restored.quantities] == [q.topic for q in read.quantities]
    assert [q.vague for q in restored.quantities] == [q.vague for q in read.quantities]


FRAGMENTS = [
    "10,000",
    "3,000",
    "1.2 million",
    "$5 million",
    "between 200 and 300 people",
    "North Korean troops",
    "soldiers",
    "at least",
    "about",
    "up to",
    "thousands of",
    "were killed",
    "wounded",
    "square miles",
    "in Kursk",
    "in Russia",
    "on Tuesday",
    "by December",
    "another",
    "each",
    "Storm Ilka",
    "Venmark received",
    "arms",
    "Ukrainians",
    "said",
    "Mr. Putin",
    ",",
    ".",
    "’s",
    "1e400",
    "-0",
    "\ud800",
]


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=14).map(
            " ".join
        ),
    )
)
def test_a_reading_comes_back_exactly(quote: str) -> None:
    read = claim_text(quote)
    restored = through_json(read, quote)
    if restored is None:  # a string JSON cannot hold: never kept, read each time
        with pytest.raises(UnicodeEncodeError):
            quote.encode("utf-8")
        return
    assert_same(restored, read)


def test_every_bundled_sentence_comes_back_exactly() -> None:
    sentences = [s.text for article in load_corpus() for s in article.sentences]
    with_figures = 0
    for sentence in sentences:
        read = claim_text(sentence)
        restored = through_json(read, sentence)
        assert restored is not None
        assert_same(restored, read)
        with_figures += bool(read.measures)
    assert with_figures > 20, "the figures' readings are exercised"


def test_keys_name_the_text_they_were_read_on() -> None:
    assert quote_key("Troops arrived.") != quote_key("Troops arrived")
    assert quote_key("a\ud800") != quote_key("a")  # any str has a key
    sha = "ab" * 32
    assert speaker_key(sha, 3, "he") != speaker_key(sha, 4, "he")
    assert speaker_key(sha, 3, "he") != speaker_key(sha, 3, "she")
    assert speaker_key(sha, 3, "he") != speaker_key("cd" * 32, 3, "he")


def test_the_fingerprint_covers_the_code_that_reads() -> None:
    root = readings_module._PACKAGE_ROOT
    names = {path.relative_to(root).as_posix() for path in analyser_files()}
    for expected in (
        "workbench/core/analysis/ledger/claim_text.py",
        "workbench/core/analysis/ledger/readings.py",
        "workbench/core/analysis/figures/quantities.py",
        "workbench/core/analysis/figures/measures.py",
        "workbench/core/analysis/lexicon.py",
        "workbench/core/analysis/sources/speakers.py",
        "workbench/core/analysis/suggestions/suggest.py",
        "workbench/core/analysis/suggestions/tokens.py",
        "workbench/core/analysis/suggestions/resolve.py",
        "workbench/core/corpus/sentences.py",
    ):
        assert expected in names
    assert len(analyser_fingerprint()) == 64
    assert analyser_fingerprint() == analyser_fingerprint()


def test_a_change_to_the_figures_code_changes_the_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = readings_module._PACKAGE_ROOT
    shutil.copytree(
        root / "workbench",
        tmp_path / "workbench",
        ignore=shutil.ignore_patterns("__pycache__", "tui", "cli"),
    )
    monkeypatch.setattr(readings_module, "_PACKAGE_ROOT", tmp_path)
    fingerprint = readings_module.analyser_fingerprint.__wrapped__
    before = fingerprint()
    assert before == analyser_fingerprint(), "the same code, the same fingerprint"
    measures = tmp_path / "workbench/core/analysis/figures/measures.py"
    measures.write_text(measures.read_text() + "\n# a changed figure reading\n")
    assert fingerprint() != before


def test_another_unicode_database_or_rapidfuzz_changes_the_fingerprint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Readings made by another Python (its Unicode database splits words differently)
    or another rapidfuzz are never restored: a team's PostgreSQL readings mix machines."""
    import unicodedata

    import rapidfuzz

    fingerprint = readings_module.analyser_fingerprint.__wrapped__
    before = fingerprint()
    monkeypatch.setattr(unicodedata, "unidata_version", "99.0.0")
    after_unicode = fingerprint()
    assert after_unicode != before
    monkeypatch.setattr(rapidfuzz, "__version__", "0.0.1")
    assert fingerprint() not in (before, after_unicode)


# --- a summary with and without readings ----------------------------------------------


def story_articles() -> list[Article]:
    return [Article("story", Path("story.txt"), STORY), *load_corpus()]


def summary_bytes(
    annotations: list[Annotation],
    articles: list[Article],
    readings: Readings | None = None,
    cache: SummaryCache | None = None,
    annotator: str | None = None,
) -> tuple[bytes, bytes]:
    forget_answers()  # as a new process: no article's answers kept
    summary = build_summary(
        annotations,
        [ArticleInfo.of(article) for article in articles],
        SummarySettings(annotator=annotator),
        cache=cache,
        texts={article.id: article for article in articles},
        readings=readings,
    )
    return summary.to_json_bytes(), render_markdown(summary).encode()


def test_a_summary_is_the_same_with_readings_restored() -> None:
    articles = story_articles()
    annotations = bundled_annotations(articles)
    store = FakeReadingsStore()
    fingerprint = analyser_fingerprint()

    first = Readings(store.readings(fingerprint))
    plain = summary_bytes(annotations, articles, first)
    assert plain == summary_bytes(annotations, articles), "the same as with no readings"
    quotes = [key for key in first.added if key.startswith("q:")]
    speakers = [key for key in first.added if key.startswith("s:")]
    assert len(quotes) == len({a.quote for a in annotations if {"claim", "denial"} & set(a.tags)})
    assert speakers, "the typed-over pronouns were read and their speakers kept"
    # the summary screen's way: the quotes' readings encoded only when kept, in batches
    deferred = Readings(store.readings(fingerprint), deferred=True)
    assert summary_bytes(annotations, articles, deferred) == plain
    assert set(deferred.added) == set(speakers), "quotes wait to be encoded"
    batches = list(deferred.batches(size=3))
    assert len(batches) > 2 and {k: v for b in batches for k, v in b.items()} == first.added
    assert list(deferred.batches()) == [deferred.added], "each quote encoded once"
    store.add_readings(fingerprint, first.added)
    # each annotation is named by its own provenance: the pronouns the reviewer typed
    # over were read in "all" beside the accepted ones, so their summary reads none
    theirs = Readings(store.readings(fingerprint))
    summary_bytes(annotations, articles, theirs, annotator="reviewer")
    assert not theirs.added
    store.add_readings(fingerprint, theirs.added)

    for annotator in (None, "reviewer"):
        restored = Readings(store.readings(fingerprint))
        assert summary_bytes(annotations, articles, restored, annotator=annotator) == (
            summary_bytes(annotations, articles, annotator=annotator)
        )
        assert restored.used > 0 and not restored.added, "nothing read again"

    cache = SummaryCache()
    restored = Readings(store.readings(fingerprint))
    assert summary_bytes(annotations, articles, restored, cache) == plain
    assert cache.texts.reader is None, "the cache does not keep the restored readings"

    # the summary screen's way: the readings handed over with its cache, used once
    cache = SummaryCache(readings=Readings(store.readings(fingerprint)))
    given = cache.readings
    assert summary_bytes(annotations, articles, cache=cache) == plain
    assert cache.readings is None and given is not None and given.used > 0


def test_readings_under_another_fingerprint_or_of_another_text_are_never_used() -> None:
    articles = story_articles()
    annotations = bundled_annotations(articles)
    plain = summary_bytes(annotations, articles)
    quotes = sorted({a.quote for a in annotations if "claim" in a.tags})
    wrong = encode_claim_text(claim_text("12,000 Ukrainian soldiers were killed in Kursk."))
    store = FakeReadingsStore()
    # the same keys, under an older analyser: readings that would change the summary
    store.add_readings("0" * 64, {quote_key(quote): wrong for quote in quotes})
    fingerprint = analyser_fingerprint()
    restored = Readings(store.readings(fingerprint))
    assert summary_bytes(annotations, articles, restored) == plain
    assert restored.used == 0

    # another quote's reading is found under that quote's key only
    store.add_readings(fingerprint, {quote_key("Some other sentence with 5 troops."): wrong})
    restored = Readings(store.readings(fingerprint))
    assert summary_bytes(annotations, articles, restored) == plain
    assert restored.used == 0


def test_a_damaged_reading_is_read_again() -> None:
    articles = story_articles()
    annotations = bundled_annotations(articles)
    first = Readings()
    plain = summary_bytes(annotations, articles, first)
    damaged: dict[str, Any] = {
        key: ["not", "a reading"] if key.startswith("q:") else 7 for key in first.added
    }
    restored = Readings(damaged)
    assert summary_bytes(annotations, articles, restored) == plain
    assert restored.used == 0
    assert set(restored.added) >= set(damaged), "replaced by what was read"


def test_a_read_only_summary_collects_nothing() -> None:
    articles = story_articles()
    annotations = bundled_annotations(articles)
    readings = Readings({}, collect=False)
    assert summary_bytes(annotations, articles, readings) == summary_bytes(annotations, articles)
    assert readings.added == {}


def test_what_a_writer_keeps_is_all_a_summary_reads() -> None:
    articles = story_articles()
    annotations = bundled_annotations(articles)
    texts = {article.id: article for article in articles}
    noted = NewReadings()
    assert list(noted.noting(annotations)) == annotations
    kept = noted.read(texts)
    assert any(key.startswith("s:") for key in kept) and any(k.startswith("q:") for k in kept)
    assert noted.read(texts, known=set(kept)) == {}, "what the store holds is not read again"

    store = FakeReadingsStore()
    store.add_readings(analyser_fingerprint(), kept)
    for annotator in (None, "reviewer"):
        restored = Readings(store.readings(analyser_fingerprint()))
        assert summary_bytes(annotations, articles, restored, annotator=annotator) == (
            summary_bytes(annotations, articles, annotator=annotator)
        )
        assert not restored.added, "a summary reads nothing the writer did not keep"

    untouched = NewReadings()
    untouched.note(replace(annotations[0], tags=("attribution",), source="Officials"))
    assert not untouched and untouched.read(texts) == {}
