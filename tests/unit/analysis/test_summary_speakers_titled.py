"""qa7 Q10 a: "The Pentagon spokesman said …" and, two sentences on, "Air Force Maj. Gen.
Pat Ryder, the Pentagon spokesman, told reporters …": typed as the sentences say them,
the summary listed two speakers. A body's spokesman is the one person his article names
with that title (sources/titled.py); none or two, or the annotation moved: as typed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.fixtures.anchored import annotate
from workbench.core.analysis.sources.titled import titled_person, titled_role
from workbench.core.analysis.summary.build import build_summary
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import Article

SAID = "The Pentagon spokesman said the North Koreans had entered combat last week."
NAMED = "Air Force Maj. Gen. Pat Ryder, the Pentagon spokesman, told reporters on Monday."


def rows(*body: str, moved: bool = False) -> dict[str, tuple[str, ...]]:
    on = Article("a", Path("a.txt"), "\n\n".join(("Troops in Kursk", *body)) + "\n")
    said = annotate(on, 1, "qa", source="Pentagon spokesman")
    if moved:
        said = replace(said, anchor_state="reanchored")
    named = annotate(on, 2, "qa", source="Pat Ryder")
    summary = build_summary([said, named], [ArticleInfo.of(on)], texts={"a": on})
    return {row.canonical: row.variants for row in summary.sources}


def test_a_spokesman_is_the_person_his_article_names_with_the_title() -> None:
    assert rows(SAID, NAMED) == {"Pat Ryder": ("Pat Ryder", "Pentagon spokesman → Pat Ryder")}


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ((SAID, NAMED, "Pentagon spokesman John Kirby said so too."), "two people: as typed"),
        ((SAID, "Pat Ryder told reporters on Monday."), "nobody named with it"),
    ],
)
def test_none_or_two_named_with_the_title_leave_it_as_typed(
    body: tuple[str, ...], kept: str
) -> None:
    assert "Pentagon spokesman" in rows(*body), kept


def test_a_moved_annotation_is_not_read_on_the_new_text() -> None:
    assert "Pentagon spokesman" in rows(SAID, NAMED, moved=True)


def test_only_a_bodys_spokesman_is_a_title() -> None:
    assert titled_role("the Pentagon spokesman") == "Pentagon spokesman"
    assert titled_role("spokesman") is None and titled_role("the spokesman") is None
    assert titled_role("Kremlin spokesman Dmitry Peskov") is None  # a name: as typed
    assert titled_role("U.S. official") is None
    assert titled_person("Pentagon spokesman Pat Ryder said.", "Pentagon spokesman") == (
        "Pat Ryder"
    )
