"""A whole database's content, out of one engine and into another (what copy-db does)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ENGINES, location_of
from store_helpers import MakeAnnotation

from store import StoreWriteError
from store.opening import open_store
from store.protocol import DatabaseContent, Store
from workbench.core.annotation import ORPHANED


def filled(store: Store, make: MakeAnnotation) -> None:
    """Every kind of thing a database holds: annotations of two analysts, an orphan,
    history with undo, articles, positions and ledger decisions."""
    store.remember_article("a1", "First [report]", "0" * 64, 3, "sentencex 1")
    store.remember_article("a2", "Second", "1" * 64, 5)
    first = store.save(make(index=0, source="Kim", note="note\\n\\x1b[31m"))
    store.save(first.toggled("denial"))
    store.undo()
    store.save(make(index=1, tags=("denial",), status="refuted"))
    store.import_annotations(
        [
            make(article_id="a2", annotator="bob", index=2),
            make(article_id="a2", index=1, anchor_state=ORPHANED, note="orphan"),
        ]
    )
    store.set_position("a1", 1)
    store.save_ledger_decision({"action": "merge", "groups": ["g-1", "g-2", "g-3"]})


@pytest.mark.parametrize("target_engine", ENGINES)
def test_content_restored_elsewhere_is_the_same_content(
    store: Store,
    target_engine: str,
    make: MakeAnnotation,
    request: pytest.FixtureRequest,
    tmp_path: Path,
) -> None:
    filled(store, make)
    content = store.content()
    assert len(content.annotations) == 4 and len(content.history) == 6
    location = location_of(target_engine, request, tmp_path / "copy" / "annotations.json")
    with open_store(location, "carol") as target:
        target.restore(content)
        assert target.content() == content
        assert target.all() == store.all()
        assert target.orphans() == store.orphans()
        assert target.history() == store.history()
        assert target.position("alice") == ("a1", 1)
    if location is not None:  # what was restored is on disk (or on the server)
        with open_store(location, "carol", read_only=True) as reopened:
            assert reopened.content() == content


def test_content_goes_only_into_an_empty_database(store: Store, make: MakeAnnotation) -> None:
    store.save(make())
    before = store.content()
    with pytest.raises(StoreWriteError, match="not empty"):
        store.restore(DatabaseContent(annotations=[make(index=2).to_record()]))
    assert store.content() == before
