"""qa21 #2: a file renamed and tagged again under its new name was counted twice by
`workbench summary` (14 sentences in 2 articles, every figure twice), with no word that
the two "articles" are one text. The summary now says so, on stderr and in the report."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import AnnotationStore
from tests.fixtures.anchored import annotate, article, run
from workbench.core.analysis.summary.scope import one_text_under_two_ids

TEXT = "Report\nThe ministry said 40 people died.\nPolice confirmed the figure.\n"
SAID = (
    "030_nums and 030_nums_v2 are one text (the same bytes) annotated under each file "
    "name: its sentences and figures are counted once under each"
)


def test_a_text_tagged_under_two_names_is_said_in_the_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.json"
    with AnnotationStore.open(db, annotator="ana") as store:
        for name in ("030_nums", "030_nums_v2"):
            store.save(annotate(article(TEXT, name), 1, "ana"))
    code, out, err = run(capsys, "summary", "--db", str(db), "--annotator", "ana")
    assert code == 0
    assert f"workbench: {SAID}" in err
    assert SAID in out


def test_only_a_text_under_two_ids_is_said() -> None:
    one, other = article(TEXT, "a"), article(TEXT.replace("40", "41"), "b")
    single = [annotate(one, 1), annotate(one, 2), annotate(other, 1)]
    assert one_text_under_two_ids(single) == []
    twice = [*single, annotate(article(TEXT, "c"), 1)]
    assert one_text_under_two_ids(twice) == [
        SAID.replace("030_nums_v2", "c").replace("030_nums", "a")
    ]
