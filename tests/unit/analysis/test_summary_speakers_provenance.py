"""A pronoun source accepted from a suggestion is named by its provenance, not read again:
the summary is byte for byte the one resolution gives, and stale provenance is ignored."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from workbench.core.analysis.lexicon import PRONOUNS
from workbench.core.analysis.sources import speakers
from workbench.core.analysis.sources.grouping import clean_source
from workbench.core.analysis.sources.speakers import PLAIN, source_kind
from workbench.core.analysis.suggestions.suggest import SUGGESTER_VERSION, suggest
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.analysis.summary.markdown import render_markdown
from workbench.core.annotation import Anchor, Annotation, Suggested
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import Article, load_corpus

STORY = (
    "Troops Enter Combat\n"
    "Air Force Maj. Gen. Pat Ryder, the Pentagon spokesman, told reporters on Monday that "
    "the troops had entered combat. He added: “We do have indications of casualties.” "
    "The spokesman said more details would follow.\n"
    "President Vladimir Putin told reporters that the reports were a provocation. "
    "He said Russia would decide its own affairs. They said more were coming."
)


def corpus() -> list[Article]:
    return [Article("story", Path("story.txt"), STORY), *load_corpus()]


def accepted(articles: list[Article]) -> list[Annotation]:
    """Every sentence the suggester attributes, saved as suggested (provenance kept)."""
    annotations = []
    for article in articles:
        for suggestion in suggest(article):
            if suggestion.source is None or "attribution" not in suggestion.tags:
                continue
            sentence = article.sentences[suggestion.index]
            anchor = Anchor.in_text(
                article.id, article.sha256, article.text, sentence.index, sentence.start,
                sentence.end,
            )  # fmt: skip
            provenance = Suggested(
                version=SUGGESTER_VERSION,
                tags=suggestion.tags,
                source=suggestion.source,
                resolved_source=suggestion.resolved_source,
                scores=dict(suggestion.scores),
            )
            annotations.append(
                Annotation.new(
                    anchor,
                    "ana",
                    tags=suggestion.tags,
                    source=suggestion.source,
                    suggestion=provenance,
                )
            )
    return annotations


def built(annotations: list[Annotation], articles: list[Article]) -> tuple[bytes, str]:
    speakers.forget_answers()
    summary = build_summary(
        annotations,
        [ArticleInfo.of(a) for a in articles],
        SummarySettings(),
        texts={a.id: a for a in articles},
    )
    return summary.to_json_bytes(), render_markdown(summary)


def built_unbelieved(
    annotations: list[Annotation], articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> tuple[bytes, str]:
    """The summary with every pronoun resolved on its text, no provenance believed."""
    with monkeypatch.context() as unbelieved:
        unbelieved.setattr(speakers, "told_speaker", lambda _annotation: None)
        return built(annotations, articles)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The texts resolution reads (typed_speakers calls), by their first words."""
    seen: list[str] = []
    real = speakers.typed_speakers  # type: ignore[attr-defined]

    def counting(text: str, *rest: object) -> object:
        seen.append(text[:20])
        return real(text, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(speakers, "typed_speakers", counting)
    yield seen
    speakers.forget_answers()


def test_provenance_gives_the_summary_resolution_gives(
    reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = corpus()
    annotations = accepted(articles)
    pronouns = [a for a in annotations if source_kind(clean_source(a.source or "")) != PLAIN]
    assert any(a.suggestion and a.suggestion.resolved_source for a in pronouns)
    told = built(annotations, articles)
    read_told = len(reads)
    reads.clear()
    resolved = built_unbelieved(annotations, articles, monkeypatch)
    assert told == resolved
    assert "he → Pat Ryder" in resolved[1]
    # an article is read only for a role the suggester resolved to nobody
    unresolved = {
        a.article_id
        for a in pronouns
        if a.suggestion
        and not a.suggestion.resolved_source
        and (a.source or "").lower() not in PRONOUNS
    }
    assert read_told == len(unresolved) < len(reads)


@pytest.mark.parametrize(
    "stale",
    [
        pytest.param("version", id="another suggester version"),
        pytest.param("source", id="the analyst changed the source"),
    ],
)
def test_stale_provenance_is_not_believed(
    reads: list[str], stale: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = Article("story", Path("story.txt"), STORY)
    he = accepted([story])
    lying = []
    for annotation in he:
        suggestion = annotation.suggestion
        if suggestion is not None and suggestion.resolved_source is not None:
            suggestion = replace(suggestion, resolved_source="Nobody Real")
            if stale == "version":
                suggestion = replace(suggestion, version="rules-0")
            else:
                suggestion = replace(suggestion, source="she")
        lying.append(replace(annotation, suggestion=suggestion))
    summary = built(lying, [story])
    assert summary == built_unbelieved(lying, [story], monkeypatch)
    assert "Nobody Real" not in summary[1]
    assert "he → Pat Ryder" in summary[1]


def test_provenance_made_on_another_text_is_not_believed(
    reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    story = Article("story", Path("story.txt"), STORY)
    he = accepted([story])
    target = next(a for a in he if a.source == "He" and a.suggestion)
    assert target.suggestion is not None
    other = replace(
        target,
        article_sha256="0" * 64,
        suggestion=replace(target.suggestion, resolved_source="Nobody Real"),
    )
    # first the annotation on this text (the article is read on it), then one made on
    # another text whose provenance must not be taken for this one's
    summary = built([*he, other], [story])
    assert summary == built_unbelieved([*he, other], [story], monkeypatch)
    assert "Nobody Real" not in summary[1]


def test_a_speaker_named_on_an_earlier_text_is_read_again_on_the_new_one() -> None:
    """rev R1: re-anchoring gives an annotation the new text's sha256 and keeps its
    provenance; "He" named Vladimir Putin on the old text, but a sentence inserted
    before it makes him Sergei Lavrov on the new one. The provenance is marked as made
    on an earlier text, so the summary reads the new text (and, without it, says so)."""
    from workbench.core.anchoring.placement import plan_article

    old = Article("story", Path("story.txt"), STORY)
    inserted = "Foreign Minister Sergei Lavrov told reporters the reports were false. "
    new = Article(
        "story", Path("story.txt"), STORY.replace("He said Russia", inserted + "He said Russia")
    )
    moved = [placement.after for placement in plan_article(new, accepted([old])).placements]
    he = next(a for a in moved if a.source == "He" and a.quote.startswith("He said Russia"))
    assert he.article_sha256 == new.sha256 and he.suggestion is not None
    assert he.suggestion.resolved_source == "Vladimir Putin", "what was shown, kept"
    assert speakers.told_speaker(he) is None, "not believed on the new text"

    def speaker_of(texts: dict[str, Article] | None) -> list[str]:
        speakers.forget_answers()
        summary = build_summary(moved, [ArticleInfo.of(new)], SummarySettings(), texts=texts)
        return [v for row in summary.sources for v in row.variants if v.startswith("he ")]

    assert "he → Sergei Lavrov" in speaker_of({"story": new})
    assert not any("Vladimir Putin" in v for v in speaker_of(None))


def test_a_moved_annotation_s_provenance_is_not_believed() -> None:
    """Re-anchored before provenance was marked as made on an earlier text (records
    already stored): its anchor state says it moved, so the text is read again."""
    he = next(a for a in accepted(corpus()) if speakers.told_speaker(a))
    for state in ("reanchored", "check"):
        assert speakers.told_speaker(replace(he, anchor_state=state)) is None
