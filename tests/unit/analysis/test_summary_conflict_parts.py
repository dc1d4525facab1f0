"""qa5 Q4 and Q13: the report lists every pair of a conflict's figures that conflicts (a
pair left out reads as two figures that agree), and one heading per thing measured
(Serbian and Cuban troops are two disputes, not four figures of one)."""

from __future__ import annotations

from tests.fixtures.anchored import annotate, article
from workbench.core.analysis.summary import conflict_parts as parts_module
from workbench.core.analysis.summary.build import SummarySettings, build_summary, origin_name
from workbench.core.analysis.summary.conflict_parts import conflict_parts
from workbench.core.analysis.summary.markdown import render_markdown
from workbench.core.analysis.summary.model import Summary
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import Article
from workbench.tui.state.summary_detail import conflict_detail

FOUR = article(
    "Troop Report Two\n"
    "Kyiv said 9,000 North Korean troops had been sent to Russia.\n"
    "Seoul said 8,000 North Korean soldiers had been sent to Russia.\n"
    "Officials said 12,000 North Korean troops had been sent to Russia.\n"
    "NATO said 15,000 North Korean troops had been sent to Russia.\n"
)
TWO_DISPUTES = article(
    "Qualifier Report\n"
    "Kyiv said fewer than 5,000 Serbian troops had been sent to Russia.\n"
    "NATO said 8,000 Serbian troops had been sent to Russia.\n"
    "Kyiv said over 10,000 Cuban troops had been sent to Russia.\n"
    "NATO said 9,000 Cuban troops had been sent to Russia.\n"
)


def summary_of(story: Article) -> Summary:
    """Every sentence a claim of the speaker it opens with."""
    annotations = [
        annotate(story, n, source=sentence.text.split()[0], tags=("claim", "attribution"))
        for n, sentence in enumerate(story.sentences)
        if n
    ]
    return build_summary(annotations, [ArticleInfo.of(story)], SummarySettings(annotator="ana"))


def test_every_conflicting_pair_is_listed() -> None:
    summary = summary_of(FOUR)
    (conflict,) = summary.conflicts
    assert len(conflict.pairs) < 6, "the ledger keeps the farthest counterparts only"
    report = render_markdown(summary)
    assert "Why they conflict (all 6 pairs):" in report
    assert "9,000 troops (Kyiv) vs 12,000 troops (Officials): both sent to Russia" in report


def test_a_huge_conflict_says_what_its_list_shows(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(parts_module, "EVERY_PAIR_UP_TO", 3)
    summary = summary_of(FOUR)
    (conflict,) = summary.conflicts
    report = render_markdown(summary)
    assert (
        f"Why they conflict ({len(conflict.pairs)} pairs: each figure against the figures "
        "farthest from it; with 4 figures, other pairs are not listed):"
    ) in report


def test_two_disputes_under_one_topic_get_a_heading_each() -> None:
    summary = summary_of(TWO_DISPUTES)
    (conflict,) = summary.conflicts
    assert conflict.topic == "troops"
    titles = summary.short_titles()
    parts = conflict_parts(conflict, lambda figure: origin_name(figure, titles))
    assert [(part.label, part.conflict.values) for part in parts] == [
        ("Serbian", (5_000.0, 8_000.0)),
        ("Cuban", (9_000.0, 10_000.0)),
    ]
    report = render_markdown(summary)
    assert "### ⚠ troops — Serbian: 5,000, 8,000\n" in report
    assert "### ⚠ troops — Cuban: 9,000, 10,000\n" in report
    cuban = next(n for n, f in enumerate(conflict.figures) if f.quantity.value == 9_000)
    shown = conflict_detail(conflict, cuban, titles, 1)
    assert shown.startswith("⚠ troops — Cuban: 9,000, 10,000\n")
    assert "Serbian" not in shown


def test_one_dispute_keeps_its_topic_alone() -> None:
    summary = summary_of(FOUR)
    assert "### ⚠ North Korean troops: 8,000, 9,000, 12,000, 15,000\n" in render_markdown(summary)


def test_two_disputes_of_like_words_are_numbered_apart() -> None:
    story = article(
        "Two Fronts\n"
        "Kyiv said 5,000 Serbian troops had been sent to Kursk.\n"
        "NATO said 8,000 Serbian troops had been sent to Kursk.\n"
        "Kyiv said 20,000 Serbian troops had been sent to Belgorod.\n"
        "NATO said 30,000 Serbian troops had been sent to Belgorod.\n"
    )
    summary = summary_of(story)
    headings = [line for line in render_markdown(summary).splitlines() if line.startswith("### ⚠")]
    assert len(headings) == len(set(headings)), headings
    assert headings == [
        "### ⚠ troops — Serbian, in Kursk: 5,000, 8,000",
        "### ⚠ troops — Serbian, in Belgorod: 20,000, 30,000",
    ]


def test_parts_told_apart_by_what_happened_are_named_by_it() -> None:
    """qa10 Q22: "people — part 1 of 2" / "part 2 of 2" named neither the missing nor
    the displaced, which the reasons under them said."""
    story = article(
        "Flood Toll\n"
        "Rescuers said 45 people were missing.\n"
        "Police said 22 people were missing.\n"
        "Charities said 15,000 people had been evacuated.\n"
        "Officials said 9,500 people had been evacuated.\n"
    )
    headings = [
        line for line in render_markdown(summary_of(story)).splitlines() if line.startswith("### ⚠")
    ]
    assert headings == [
        "### ⚠ missing people: 22, 45",
        "### ⚠ displaced people: 9,500, 15,000",
    ]
