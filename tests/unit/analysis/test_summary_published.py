"""qa20 #3: the Markdown report is what a fact-checker publishes, so its possible
conflicts carry a plain caveat, not the reader's measurement, and neither they nor the
unlinked denials carry the reader's features or the denial threshold; the screen and the
JSON still say those."""

from __future__ import annotations

from tests.unit.analysis.test_summary_possible import bundled, possible_section
from workbench.core.analysis.summary.markdown import render_markdown
from workbench.core.analysis.summary.possible import MEASURED, with_possible
from workbench.core.analysis.summary.possible_caveat import published_caveat, real_in_ten

DEVELOPER_WORDS = ("precision", "recall", "blind set", "conflict-model", "the words around both")


def test_the_share_is_the_measured_counts_pooled() -> None:
    assert real_in_ten("6 of 8 there were conflicts, 50 of 85 over blind sets 2-17") == 6
    assert real_in_ten("7 of 8 there") == 9
    assert real_in_ten("no counts") is None
    assert real_in_ten(MEASURED) is not None, "MEASURED gives the counts the caveat says"


def test_the_report_says_the_caveat_and_not_the_measurement() -> None:
    summary = with_possible(bundled())
    assert summary.possible is not None and summary.possible.pairs
    section = possible_section(render_markdown(summary))
    assert published_caveat() in section
    assert f"about {real_in_ten()} in 10 it listed were real conflicts" in published_caveat()
    assert not [word for word in DEVELOPER_WORDS if word in section], section
    assert "names in both sentences" not in section
    data = summary.to_json()["possible_conflicts"]
    assert any("the words around both" in pair["why"] for pair in data["pairs"]), "JSON keeps it"


def test_with_no_possible_conflict_the_section_says_only_that() -> None:
    summary = with_possible(bundled(same_source=True, one_article=True))
    assert summary.possible is not None and summary.possible.pairs == ()
    section = possible_section(render_markdown(summary))
    assert section == "## Possible conflicts (check)\n\nNo possible conflicts.\n"
