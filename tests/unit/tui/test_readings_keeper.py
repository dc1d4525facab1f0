"""The app's writers of readings (tui/state/readings_keeper.py): the summary screen keeps
what its first build read, and a claim or source saved is read off the key's path."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from store import AnnotationStore
from tests.fixtures.anchored import STORY, annotate, article
from tests.fixtures.gold import load_gold
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

    restored = 0
    decode = readings_module.decode_claim_text

    def counted(record: object) -> object:
        nonlocal restored
        restored += 1
        return decode(record)

    monkeypatch.setattr(readings_module, "decode_claim_text", counted)
    with AnnotationStore.open(db, annotator="ana") as store:
        live = LiveSummary(corpus.by_id)
        again, _ = read_summary(Workspace(store, corpus), "ana", LedgerSettings(), live)
        assert restored == len(claims), "every quote restored, none read"
        assert live.cache.readings is None, "the screen's cache does not hold them after"
        read_summary(Workspace(store, corpus), None, LedgerSettings(), live)
        assert restored == len(claims), "a cache holding the quotes restores none again"
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


def test_a_read_only_workspace_keeps_nothing(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    with AnnotationStore.open(db, annotator="ana"):
        pass
    with AnnotationStore.open(db, annotator="ana", read_only=True) as store:
        keeper = ReadingsKeeper(Workspace(store, Corpus([article(STORY)], [])))
        assert keeper.wait()
        keeper.close()
    assert not any(path.name.endswith(("readings", "readings.tail")) for path in tmp_path.iterdir())
