"""Fixtures for driving the app with Pilot: an in-memory or on-disk store, bundled corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from store import AnnotationStore
from workbench.config.settings import SuggestionSettings
from workbench.core.corpus.articles import Corpus, load_corpus
from workbench.tui.app import StartAt, WorkbenchApp


@pytest.fixture(autouse=True)
def private_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """What the app remembers between runs (the export folder) stays in the test's folder."""
    folder = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    return folder


@pytest.fixture(scope="session")
def bundled() -> Corpus:
    corpus = load_corpus()
    for article in corpus:
        article.sentences  # noqa: B018 - segment once for the whole session
    return corpus


@pytest.fixture
def store(tmp_path: Path) -> Iterator[AnnotationStore]:
    with AnnotationStore.open(tmp_path / "annotations.json", annotator="tester") as opened:
        yield opened


@pytest.fixture
def make_app(bundled: Corpus, store: AnnotationStore):  # type: ignore[no-untyped-def]
    def make(start: StartAt | None = None, **kwargs: object) -> WorkbenchApp:
        """Suggestions off unless asked for: they arrive from a worker, and a test's keys
        must not depend on whether it has finished (test_suggestions_screen.py)."""
        kwargs.setdefault("suggestions", SuggestionSettings(enabled=False))
        return WorkbenchApp(store, corpus=bundled, start=start, keymap={}, **kwargs)  # type: ignore[arg-type]

    return make
