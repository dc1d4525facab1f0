"""A pronoun source accepted from a suggestion is named by its provenance, not read again:
the summary is byte for byte the one resolution gives, and stale provenance is ignored."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from workbench.core.analysis.sources import speakers
from workbench.core.analysis.sources.grouping import clean_source
from workbench.core.analysis.sources.speakers import PLAIN, indefinite, source_kind, told_speaker
from workbench.core.analysis.suggestions.suggest import SUGGESTER_VERSION, suggest
from workbench.core.analysis.summary.build import SourceNames, SummarySettings, build_summary
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
        unbelieved.setattr(speakers, "accepted_speaker", lambda _annotation: None)
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
    # a role resolution leaves plain ("agency → …") is grouped only as accepted (qa5
    # Q14: test_summary_accepted_roles.py): left out here, where reading must agree
    annotations = [
        a
        for a in accepted(articles)
        if source_kind(clean_source(a.source or "")) != PLAIN
        or not (a.suggestion and a.suggestion.resolved_source)
    ]
    pronouns = [a for a in annotations if source_kind(clean_source(a.source or "")) != PLAIN]
    assert any(a.suggestion and a.suggestion.resolved_source for a in pronouns)
    told = built(annotations, articles)
    read_told = len(reads)
    reads.clear()
    resolved = built_unbelieved(annotations, articles, monkeypatch)
    assert told == resolved
    assert "he → Pat Ryder" in resolved[1]
    # an article is read only for a role the suggester resolved to nobody that its
    # provenance does not tell ("Russia's president"; "spokesman" it tells, qa8 Q7)
    unresolved = {
        a.article_id
        for a in pronouns
        if a.suggestion
        and not a.suggestion.resolved_source
        and told_speaker(a) is None
        and not indefinite(clean_source(a.source or ""), a.quote)  # "A senior … official"
    }
    assert read_told == len(unresolved) < len(reads)


def test_the_changed_source_s_provenance_is_not_believed(
    reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The analyst typed another source than the one suggested: nothing was accepted."""
    story = Article("story", Path("story.txt"), STORY)
    lying = []
    for annotation in accepted([story]):
        suggestion = annotation.suggestion
        if suggestion is not None and suggestion.resolved_source is not None:
            suggestion = replace(suggestion, resolved_source="Nobody Real", source="she")
        lying.append(replace(annotation, suggestion=suggestion))
    summary = built(lying, [story])
    assert summary == built_unbelieved(lying, [story], monkeypatch)
    assert "Nobody Real" not in summary[1]
    assert "he → Pat Ryder" in summary[1]


def test_an_accepted_speaker_holds_under_another_suggester_version() -> None:
    """qa5 Q6: what the analyst accepted is a judgement of the sentence, not a cache of
    the suggester's answer: a newer suggester does not re-read it."""
    story = Article("story", Path("story.txt"), STORY)
    older = []
    for annotation in accepted([story]):
        suggestion = annotation.suggestion
        if suggestion is not None and suggestion.resolved_source == "Pat Ryder":
            suggestion = replace(suggestion, version="rules-0", resolved_source="Lloyd Austin")
        older.append(replace(annotation, suggestion=suggestion))
    markdown = built(older, [story])[1]
    assert "he → Lloyd Austin" in markdown and "he → Pat Ryder" not in markdown


def test_each_annotation_is_named_by_its_own_provenance() -> None:
    """Two analysts' "He" on one sentence: each is named by what that analyst accepted,
    never by the other's (one accepted on an earlier text of the article)."""
    story = Article("story", Path("story.txt"), STORY)
    he = accepted([story])
    target = next(a for a in he if a.source == "He" and a.suggestion)
    assert target.suggestion is not None
    other = replace(
        target,
        annotator="bob",
        article_sha256="0" * 64,
        suggestion=replace(target.suggestion, resolved_source="Nobody Real"),
    )
    speakers.forget_answers()
    name = SourceNames([*he, other], [ArticleInfo.of(story)], {"story": story}, None)
    assert (name(target), name(other)) == ("Pat Ryder", "Nobody Real")


def test_the_accepted_speaker_holds_on_an_edited_text() -> None:
    """qa5 Q6 (and rev R1's case): "He" named Vladimir Putin on the text the analyst
    read; a sentence inserted before it would make him Sergei Lavrov on the new text.
    The accepted speaker wins; an annotation that accepted none is "to confirm" (moved,
    not to check: qa10 Q10)."""
    from workbench.core.anchoring.placement import plan_article

    old = Article("story", Path("story.txt"), STORY)
    inserted = "Foreign Minister Sergei Lavrov told reporters the reports were false. "
    new = Article(
        "story", Path("story.txt"), STORY.replace("He said Russia", inserted + "He said Russia")
    )
    made = accepted([old])
    typed = [replace(a, annotator="bob", suggestion=None) for a in made]
    moved = [placement.after for placement in plan_article(new, [*made, *typed]).placements]
    he = next(a for a in moved if a.annotator == "ana" and a.quote.startswith("He said Russia"))
    assert he.article_sha256 == new.sha256 and he.suggestion is not None
    assert he.suggestion.resolved_source == "Vladimir Putin", "what was shown, kept"
    assert speakers.told_speaker(he) == "Vladimir Putin"

    def speaker_of(annotator: str, texts: dict[str, Article] | None) -> set[str]:
        speakers.forget_answers()
        settings = SummarySettings(annotator=annotator)
        summary = build_summary(moved, [ArticleInfo.of(new)], settings, texts=texts)
        return {v for row in summary.sources for v in row.variants if v.startswith("he ")}

    for texts in ({"story": new}, None):
        assert "he → Vladimir Putin" in speaker_of("ana", texts)
        assert not any("Lavrov" in v for v in speaker_of("ana", texts))
        assert "he (to confirm, in “Troops Enter Combat”)" in speaker_of("bob", texts)
        assert not any("Lavrov" in v for v in speaker_of("bob", texts))


def test_a_moved_annotation_keeps_its_accepted_speaker() -> None:
    """Re-anchored before provenance was marked as made on an earlier text (records
    already stored): the accepted speaker still names it."""
    he = next(a for a in accepted(corpus()) if speakers.accepted_speaker(a))
    for state in ("reanchored", "check"):
        assert speakers.told_speaker(replace(he, anchor_state=state)) == speakers.accepted_speaker(
            he
        )
