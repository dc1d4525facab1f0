"""What `workbench repair` says a repaired database opens with (qa14 Q22: "it opens
with 84 annotations" above "Kept: the snapshot (85 annotations)" read as one lost; the
85th was an orphan, kept)."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import AnnotationStore
from tests.fixtures.anchored import STORY, annotate, article, run
from workbench.core.anchoring.reanchoring import plans, store_plans


def test_repair_counts_the_orphans_it_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.json"
    old = article(STORY)
    with AnnotationStore.open(db, annotator="ana") as store:
        store.save(annotate(old, 1, "ana"))
        store.save(annotate(old, 3, "ana", tags=("denial",)))
        cut = article(STORY.replace("Moscow denied any deployment. ", ""))
        store_plans(store, list(plans(store, [cut])))
        assert (store.count(), store.orphan_count()) == (1, 1)
    db.with_name(db.name + ".journal").write_bytes(b"")  # cut short: repair is asked for
    code, out, _err = run(capsys, "repair", "--db", str(db))
    assert code == 0
    assert out.startswith(f"Repaired {db}: it opens with 1 annotation and 1 orphaned one.\n")
