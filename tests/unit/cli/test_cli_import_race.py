"""An import that loses a race on a PostgreSQL database (another session writes the
sentence it is writing, between its read and its write) fails loudly, writes nothing,
and names the file it did not import (tr15)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from store import AnnotationStore, open_store
from store.postgres.store import PostgresStore
from tests.fixtures.anchored import STORY, annotate, article, run, story_folder
from workbench.core.annotation import Annotation

OLD = article(STORY)


@pytest.mark.pg_server
def test_an_import_that_loses_a_race_names_its_file_and_writes_nothing(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    pg_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WORKBENCH_ANNOTATOR", "ana")
    folder = story_folder(tmp_path)
    with AnnotationStore.open(tmp_path / "other.json", annotator="ana") as store:
        store.save(annotate(OLD, 3, "ana", note="imported"))
    exported = tmp_path / "ana’s week.json"
    code, _, err = run(capsys, "export", "--db", str(tmp_path / "other.json"), "-o", str(exported))
    assert code == 0, err
    with open_store(pg_url, "ana") as store:
        store.save(annotate(OLD, 1, "ana", note="held before"))
    read = PostgresStore._stored
    raced: list[bool] = []

    def read_then_raced(self: PostgresStore, connection: Any, wanted: Sequence[Annotation]) -> Any:
        found = read(self, connection, wanted)  # what the import read: the sentence is free
        if not raced and any(a.note == "imported" for a in wanted):
            raced.append(True)
            with open_store(pg_url, "ana") as other:  # another session writes it meanwhile
                other.save(annotate(OLD, 3, "ana", note="the other session's"))
        return found

    monkeypatch.setattr(PostgresStore, "_stored", read_then_raced)
    code, out, err = run(capsys, "import", str(exported), "--db", pg_url, "--articles", str(folder))
    assert raced and (code, out) == (1, ""), out
    assert err.startswith(f"workbench: {exported} not imported: "), err
    assert err.rstrip().endswith("sentence 4 changed meanwhile; nothing was written"), err
    with open_store(pg_url, "ana", read_only=True) as store:
        assert sorted((a.index, a.note) for a in store.all()) == [
            (1, "held before"),
            (3, "the other session's"),
        ]
