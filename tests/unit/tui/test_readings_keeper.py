"""The app's writers of readings (tui/state/readings_keeper.py): the summary screen keeps
what its first build read, and a claim or source saved is read off the key's path."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from store import AnnotationStore
from tests.fixtures.anchored import STORY, annotate, article
from tests.fixtures.gold import load_gold
from tests.fixtures.restores import Restores
from workbench.core.analysis.ledger import readings as readings_module
from workbench.core.analysis.ledger.readings import analyser_fingerprint, quote_key, speaker_key
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.corpus.articles import Corpus, load_corpus
from workbench.tui.state.live_summary import LiveSummary
from workbench.tui.state.readings_keeper import ReadingsKeeper
from workbench.tui.state.summary_view import read_summary
from workbench.tui.state.workspace import Workspace


def test_the_summary_screen_keeps_what_its_first_build_read_and_restores_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = load_corpus()
    db = tmp_path / "db.json"
    gold = [replace(note, annotator="ana") for note in load_gold(corpus)]
    with AnnotationStore.open(db, annotator="ana") as store:
        store.import_annotations(gold)
        live = LiveSummary(corpus.by_id)
        first, _ = read_summary(Workspace(store, corpus), "ana", LedgerSettings(), live)
        kept = store.readings(analyser_fingerprint())
    claims = {a.quote for a in gold if {"claim", "denial"} & set(a.tags)}
    assert {quote_key(quote) for quote in claims} <= set(kept)

    restored = Restores(monkeypatch)
    with AnnotationStore.open(db, annotator="ana") as store:
        live = LiveSummary(corpus.by_id)
        again, _ = read_summary(Workspace(store, corpus), "ana", LedgerSettings(), live)
        assert restored.count == len(claims), "every quote restored, none read"
        assert live.cache.readings is None, "the screen's cache does not hold them after"
        read_summary(Workspace(store, corpus), None, LedgerSettings(), live)
        assert restored.count == len(claims), "a cache holding the quotes restores none again"
    assert again.summary.to_json_bytes() == first.summary.to_json_bytes()


def test_a_claim_or_a_source_saved_is_read_and_kept_off_the_key_path(tmp_path: Path) -> None:
    story = article(STORY)
    corpus = Corpus([story], [])
    with AnnotationStore.open(tmp_path / "db.json", annotator="ana") as store:
        workspace = Workspace(store, corpus)
        keeper = ReadingsKeeper(workspace)
        try:
            workspace.write(story, lambda: annotate(story, 1))
            workspace.write(story, lambda: annotate(story, 5, tags=("attribution",)))
            workspace.write(
                story, lambda: annotate(story, 4, tags=("attribution",), source="The spokesman")
            )
            assert keeper.wait()
            kept = store.readings(analyser_fingerprint())
            assert quote_key(story.sentences[1].text) in kept
            assert quote_key(story.sentences[5].text) not in kept, "nothing to read in it"
            assert speaker_key(story.sha256, 4, "The spokesman") in kept
        finally:
            keeper.close()


def test_a_read_only_summary_reads_what_is_missing_and_writes_nothing(tmp_path: Path) -> None:
    """The summary screen on a read-only store restores what is kept, reads the rest,
    gives the store nothing (adding would raise there) and changes no file."""
    corpus = load_corpus()
    db = tmp_path / "db.json"
    gold = [replace(note, annotator="ana") for note in load_gold(corpus)]
    with AnnotationStore.open(db, annotator="ana") as store:
        store.import_annotations(gold)
        claims = sorted({a.quote for a in gold if {"claim", "denial"} & set(a.tags)})
        half = readings_module.Readings({}, collect=True)
        for quote in claims[: len(claims) // 2]:
            half.claim_text(quote)
        store.add_readings(analyser_fingerprint(), half.added)
    files = {path.name: path.stat().st_mtime_ns for path in tmp_path.iterdir()}
    with AnnotationStore.open(db, annotator="ana", read_only=True) as store:
        live = LiveSummary(corpus.by_id)
        shown, _ = read_summary(Workspace(store, corpus), "ana", LedgerSettings(), live)
        keeper = ReadingsKeeper(Workspace(store, corpus))
        assert keeper.wait()
        keeper.close()
    assert {path.name: path.stat().st_mtime_ns for path in tmp_path.iterdir()} == files
    with AnnotationStore.open(tmp_path / "none.json", annotator="ana") as plain:
        plain.import_annotations(gold)
        alone, _ = read_summary(
            Workspace(plain, corpus), "ana", LedgerSettings(), LiveSummary(corpus.by_id)
        )
    assert shown.summary.to_json_bytes() == alone.summary.to_json_bytes()
