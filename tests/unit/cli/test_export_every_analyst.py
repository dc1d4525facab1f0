"""qa21 #12: `export --annotator all` answered "no annotations by all …; analysts there:
ana, bob", though "all", in any case, is no analyst's name and means every analyst for
`summary`. It exports every analyst's annotations, as leaving --annotator out does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store import AnnotationStore
from tests.fixtures.anchored import annotate, article, run

TEXT = "Report\nThe ministry said 40 people died.\nPolice confirmed the figure.\n"


@pytest.mark.parametrize("spelling", ["all", "ALL", " All "])
def test_annotator_all_exports_every_analyst(
    spelling: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.json"
    story = article(TEXT, "story")
    for name in ("ana", "bob"):
        with AnnotationStore.open(db, annotator=name) as store:
            store.save(annotate(story, 1, name))
    every = tmp_path / "every.json"
    assert run(capsys, "export", "--db", str(db), "-o", str(every))[0] == 0
    given_all = tmp_path / "all.json"
    code, _, err = run(
        capsys, "export", "--db", str(db), "--annotator", spelling, "-o", str(given_all)
    )
    assert code == 0, err
    exported = json.loads(given_all.read_text(encoding="utf-8"))
    assert sorted(a["annotator"] for a in exported["annotations"]) == ["ana", "bob"]
    assert exported["annotations"] == json.loads(every.read_text(encoding="utf-8"))["annotations"]
