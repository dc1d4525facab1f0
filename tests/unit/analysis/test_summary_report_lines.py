"""The Markdown report as a fact-checker publishes it (fx14, issue 15): a source ending in
a full stop ends its sentence once ("sources: U.S."), another analyst's judgement says
its status in words ("in progress", not "in_progress"), a denial two analysts judged
differently is listed once per judgement, not once more under the other's line, and a
group's figures say whose sentence gives them."""

from __future__ import annotations

from dataclasses import replace

from tests.fixtures.anchored import annotate, article
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.analysis.summary.markdown import render_markdown
from workbench.core.annotation import Annotation
from workbench.core.corpus.article_info import ArticleInfo

STORY = article(
    "Troops in Kursk\n"
    "North Korean troops have been sent to Russia, U.S. confirms.\n"
    "Moscow's envoy dismissed the reports as rumors on Monday.\n"
)
ATTRIBUTED = ("claim", "attribution")
DENIES = ("attribution", "denial")


def report(annotations: list[Annotation], annotator: str | None = None) -> str:
    settings = SummarySettings(annotator=annotator)
    return render_markdown(build_summary(annotations, [ArticleInfo.of(STORY)], settings))


def test_a_source_ending_in_a_full_stop_ends_its_sentence_once() -> None:
    confirms = annotate(STORY, 1, "alice", tags=ATTRIBUTED, source="U.S.")
    text = report([confirms], "alice")
    assert "; sources: U.S.\n" in text
    assert "U.S.." not in text


def test_another_analysts_status_is_said_in_words() -> None:
    """bob read the headline as a denial, still in progress: alice's claim line says so."""
    alice = annotate(STORY, 1, "alice", tags=ATTRIBUTED, source="U.S.")
    bob = replace(alice, annotator="bob", tags=DENIES, status="in_progress")
    text = report([alice, bob])
    assert "≠ bob judged it: attribution, denial, in progress, source U.S." in text
    assert "in_progress" not in text


def test_a_denial_judged_differently_is_listed_once_per_judgement() -> None:
    alice = annotate(STORY, 2, "alice", tags=DENIES, source="Moscow's envoy")
    bob = replace(alice, annotator="bob", source="the envoy")
    text = report([alice, bob])
    envoy = [line for line in text.splitlines() if "dismissed the reports" in line]
    assert len(envoy) == 2, "alice's judgement and bob's, each on its line"
    assert "judged it" not in text, "not again under the other's line"


def test_a_groups_figures_say_whose_sentence_gives_them() -> None:
    """Two sentences giving the same figures read as four figures, unlabelled."""
    story = article(
        "Losses\n"
        "The agency said at least 100 soldiers were killed and 1,000 wounded.\n"
        "The agency said again that at least 100 soldiers were killed and 1,000 wounded.\n"
    )
    said = [
        annotate(story, index, "alice", tags=ATTRIBUTED, source="the agency") for index in (1, 2)
    ]
    summary = build_summary(said, [ArticleInfo.of(story)], SummarySettings(annotator="alice"))
    (figures,) = [line for line in render_markdown(summary).splitlines() if "Figures:" in line]
    first, second = figures.removeprefix("Figures: ").split(" · ")
    assert first.startswith("*Losses*, sentence 2: at least 100 ")
    assert second.startswith("*Losses*, sentence 3: at least 100 ")
