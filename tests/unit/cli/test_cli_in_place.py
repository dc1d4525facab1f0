"""qa10 Q9 addendum 2: an annotation kept at its sentence but marked "reanchored" (a role
read from its neighbours whose surroundings nothing shows unchanged) was stored so while
import printed "0 moved, 0 to check, 0 orphaned" (and reanchor "1 unchanged"): the
reports now count it apart, as stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from store import AnnotationStore
from tests.fixtures.anchored import annotate, article, run

TITLE = "North Korean troops in Russia: what the two sides say about the numbers"
ROLE = "The ministry said the troops had arrived in Kursk on Monday."
OLD = article(f"{TITLE}\n{ROLE} Officials counted 3,000 soldiers at the border.\n")
NEW = f"{TITLE}\n{ROLE} Officials counted 3,500 soldiers at the border.\n"
COUNTED = ", 1 in place to confirm (the article changed around)"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "story.txt").write_text(NEW, encoding="utf-8")
    return folder


def test_reanchor_counts_one_kept_in_place_but_marked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, folder: Path
) -> None:
    db = tmp_path / "db.json"
    with AnnotationStore.open(db, annotator="ana") as store:
        store.save(annotate(OLD, 1, "ana", source="The ministry"))
    code, out, err = run(capsys, "reanchor", str(folder), "--db", str(db), "--annotator", "ana")
    assert code == 0, err
    assert out == f"story: 1 unchanged, 0 moved, 0 to check, 0 orphaned{COUNTED}\n"
    with AnnotationStore.open(db, annotator="ana", read_only=True) as store:
        (held,) = store.all()
    assert (held.index, held.anchor_state) == (1, "reanchored")


def test_import_counts_one_kept_in_place_but_marked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, folder: Path
) -> None:
    made = tmp_path / "made.json"
    with AnnotationStore.open(made, annotator="ana") as store:
        store.save(annotate(OLD, 1, "ana", source="The ministry"))
    exported = tmp_path / "ana.json"
    assert run(capsys, "export", "--db", str(made), "-o", str(exported))[0] == 0
    db = tmp_path / "db.json"
    code, out, err = run(
        capsys, "import", str(exported), "--db", str(db), "--articles", str(folder)
    )
    assert code == 0, err
    assert out.splitlines()[1] == (
        f"made on other versions of the articles, re-anchored: 0 moved, 0 to check, "
        f"0 orphaned{COUNTED}"
    )
    with AnnotationStore.open(db, annotator="ana", read_only=True) as store:
        (held,) = store.all()
    assert (held.index, held.anchor_state) == (1, "reanchored")
