"""qa21 #11: started inside the corpus folder (`annotate .`), the summary's `w` proposed
./summary.md and then refused it ("inside ., where the articles are read from")."""

from __future__ import annotations

from pathlib import Path

from workbench.tui.output_folder import outside


def test_a_folder_inside_the_articles_folder_gives_way_to_the_one_above(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    assert outside(corpus, [Path(corpus)]) == tmp_path.resolve()
    assert outside(corpus / "sub", [corpus]) == tmp_path.resolve()
    assert outside(tmp_path, [corpus]) == tmp_path
    assert outside(corpus, [corpus / "a.txt"]) == corpus  # a file read: its folder is free
