"""Without an article's text (a `summary` without PATH), a source accepted from a
suggestion is still named by its provenance when the annotation was made on the text
the store last saw: the summary is the one the texts give (qa3 F14); what is left
unresolved is counted, and nothing stale is believed."""

from __future__ import annotations

from dataclasses import replace

from tests.unit.analysis.test_summary_speakers_provenance import accepted, corpus
from workbench.core.analysis.sources import speakers
from workbench.core.analysis.sources.grouping import clean_source
from workbench.core.analysis.sources.nation_roles import holder_of, holders, nation_role
from workbench.core.analysis.sources.speakers import PLAIN, source_kind, unread_sources
from workbench.core.analysis.sources.titled import titled_role
from workbench.core.analysis.summary.build import SummarySettings, build_summary
from workbench.core.analysis.summary.markdown import render_markdown
from workbench.core.annotation import Annotation
from workbench.core.corpus.article_info import ArticleInfo
from workbench.core.corpus.articles import Article


def built(
    annotations: list[Annotation], infos: list[ArticleInfo], articles: list[Article] | None
) -> tuple[bytes, str]:
    speakers.forget_answers()
    summary = build_summary(
        annotations,
        infos,
        SummarySettings(),
        texts=None if articles is None else {a.id: a for a in articles},
    )
    return summary.to_json_bytes(), render_markdown(summary)


def typed(annotations: list[Annotation]) -> list[Annotation]:
    """Those with a source read on the text ("A senior … official" is as typed)."""
    return [
        a
        for a in annotations
        if a.source
        and source_kind(a.source) != PLAIN
        and not speakers.indefinite(a.source, a.quote)
    ]


def named_elsewhere(annotation: Annotation, articles: list[Article]) -> bool:
    """A role of a people its own article names nobody in (qa7 Q13): read through the
    other articles' texts, so only a summary given them names its person."""
    said = speakers.accepted_speaker(annotation) or annotation.source or ""
    role = nation_role(said)
    if role is None:
        return False
    article = next(a for a in articles if a.id == annotation.article_id)
    return holder_of(role, holders(article.text, article.sentences)) is None


def test_provenance_names_the_speaker_without_the_text() -> None:
    articles = corpus()
    annotations = [
        a
        for a in accepted(articles)
        if not named_elsewhere(a, articles)
        and titled_role(clean_source(a.source or "")) is None  # read in its text (Q10 a)
    ]
    infos = [ArticleInfo.of(article) for article in articles]
    assert typed(annotations)
    with_texts = built(annotations, infos, articles)
    assert "→" in with_texts[1]
    assert built(annotations, infos, None) == with_texts
    assert unread_sources(annotations, None, {i.article_id: i.sha256 or "" for i in infos}) == (
        0,
        0,
    )


def test_another_remembered_text_keeps_accepted_speakers_only() -> None:
    """On another text than the one the store remembers, an accepted speaker still
    names its source (the analyst's judgement); the others are left unresolved."""
    articles = corpus()
    annotations = accepted(articles)
    stale = [replace(info, sha256="0" * 64) for info in (ArticleInfo.of(a) for a in articles)]
    _, markdown = built(annotations, stale, None)
    assert "→" in markdown and "(unresolved, in" in markdown
    shas = {info.article_id: info.sha256 or "" for info in stale}
    sources = {
        (a.article_id, a.index, a.source)
        for a in typed(annotations)
        if speakers.accepted_speaker(a) is None
    }
    assert sources
    count = unread_sources(annotations, None, shas)
    assert count == (len(sources), len({article for article, _, _ in sources}))
    typed_over = [replace(a, suggestion=None) for a in annotations]
    infos = [ArticleInfo.of(article) for article in articles]
    every = {(a.article_id, a.index, a.source) for a in typed(annotations)}
    assert unread_sources(typed_over, None, {i.article_id: i.sha256 or "" for i in infos})[0] == (
        len(every)
    )
    assert unread_sources(typed_over, {a.id: a for a in articles}, {}) == (0, 0)
