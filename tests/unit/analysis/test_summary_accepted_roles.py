"""qa5 Q14: a role the suggester resolved and the analyst accepted ("agency → South
Korean intelligence service", stored as the provenance's resolved_source) is counted
under that speaker, as a pronoun is, and listed among its spellings as "agency → …".
Bundled 004, sentences 35–40: one body, one source of six claims, not three sources."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from workbench.core.analysis.sources import speakers
from workbench.core.analysis.suggestions.suggest import SUGGESTER_VERSION, suggest
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.analysis.summary.incremental import SummaryAccumulator
from workbench.core.annotation import Anchor, Annotation, Suggested
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import Article, load_corpus
from workbench.tui.state.review_speakers import ReviewSpeakers

ARTICLE = "004_82a9f5469afd3e09"
SERVICE = "South Korean intelligence service"
SENTENCES = range(34, 40)
"""Sentences 35–40 as `workbench suggest` numbers them (from 1)."""


@cache
def article() -> Article:
    return load_corpus().by_id[ARTICLE]


def accepted(index: int, annotator: str = "alice") -> Annotation:
    """The sentence saved with its suggestion accepted as is (Enter in the TUI)."""
    found = article()
    sentence = found.sentences[index]
    anchor = Anchor.in_text(
        found.id, found.sha256, found.text, sentence.index, sentence.start, sentence.end
    )
    shown = next(s for s in suggest(found) if s.index == index)
    provenance = Suggested(
        SUGGESTER_VERSION, shown.tags, shown.source, shown.resolved_source, dict(shown.scores)
    )
    return Annotation.new(
        anchor, annotator, tags=shown.tags, source=shown.source, suggestion=provenance
    )


def sources(
    annotations: list[Annotation], texts: bool = True
) -> dict[str, tuple[int, tuple[str, ...]]]:
    speakers.forget_answers()
    summary = build_summary(
        annotations,
        [ArticleInfo.of(article())],
        SummarySettings(annotator="alice"),
        texts={ARTICLE: article()} if texts else None,
    )
    return {row.canonical: (row.sentences, row.variants) for row in summary.sources}


def test_the_suggester_resolves_the_agency_and_it() -> None:
    shown = {
        a.index: (a.source, a.suggestion and a.suggestion.resolved_source)
        for a in map(accepted, SENTENCES)
    }
    assert shown[34] == (SERVICE, None)
    assert {shown[i] for i in (35, 36, 37, 38)} == {("agency", SERVICE)}
    assert shown[39] == ("it", SERVICE)


def test_an_accepted_role_counts_under_its_speaker() -> None:
    for texts in (True, False):
        found = sources([accepted(i) for i in SENTENCES], texts)
        assert list(found) == [SERVICE]
        count, variants = found[SERVICE]
        assert count == 6
        assert variants == (
            SERVICE,
            f"agency → {SERVICE}",
            f"it → {SERVICE}",
        )


def test_a_role_typed_without_a_suggestion_is_read_as_its_sentence_writes_it() -> None:
    """The same spelling typed by hand (no provenance) is the role "the agency" its
    sentence writes, read the same way (qa8 Q7: a leading article is not part of a
    source's name): one source, not "agency" apart. Without the text it stays as typed."""
    typed = replace(accepted(35), suggestion=None)
    annotations = [*(accepted(i) for i in SENTENCES if i != 35), typed]
    assert sources(annotations) == {
        SERVICE: (6, (SERVICE, f"agency → {SERVICE}", f"it → {SERVICE}"))
    }
    found = sources(annotations, texts=False)
    assert found["agency"][0] == 1
    assert found[SERVICE][0] == 5


def test_the_review_filter_names_the_accepted_role_as_the_summary_does() -> None:
    annotations = [accepted(i) for i in SENTENCES]
    typed = replace(accepted(36, "bob"), suggestion=None)
    speakers.forget_answers()
    review = ReviewSpeakers(
        [*annotations, typed], [ArticleInfo.of(article())], {ARTICLE: article()}
    )
    assert {review.of(a) for a in annotations} == {SERVICE}
    assert review.of(typed) == SERVICE  # read on its text as "the agency" (qa8 Q7)
    every, by_spelling = review.typed_as(SERVICE)
    assert "agency" in every and "agency" not in by_spelling, "read row by row"


def test_accepting_the_role_rebuilds_the_live_summary() -> None:
    """The same spelling, now held with the speaker accepted: the live summary names
    it anew, as a rebuild does."""
    start = [accepted(i) for i in SENTENCES]
    typed = replace(start[1], suggestion=None)
    start[1] = typed
    info, chosen, texts = (
        [ArticleInfo.of(article())],
        SummarySettings(annotator="alice"),
        {ARTICLE: article()},
    )
    live = SummaryAccumulator(start, info, chosen, texts=texts)
    assert live.summary() == build_summary(start, info, chosen, texts=texts)
    now = accepted(35)
    live.apply(typed, now)
    after = [now if a is typed else a for a in start]
    assert live.summary() == build_summary(after, info, chosen, texts=texts)
    assert "agency" not in {row.canonical for row in live.summary().sources}
