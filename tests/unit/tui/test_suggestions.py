"""The annotate screen's suggestions without widgets: computed once per article, shown as
the settings say, and recorded as provenance."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from workbench.config.settings import SuggestionSettings
from workbench.core.analysis.suggestions.suggest import Suggestion, suggest
from workbench.core.annotation import Anchor, Annotation, Suggested
from workbench.core.corpus.articles import Article, Corpus, load_corpus
from workbench.tui.state.suggestions import (
    KEPT_ARTICLES,
    SUGGESTED_SENTENCES,
    ArticleSuggestions,
    ArticleTooLong,
    accepted,
    keeps_own_source,
    overrules,
    with_provenance,
)

TEXT = (
    "Title\n"
    "Defense Secretary Lloyd Austin said on Monday that North Korean troops were in Kursk. "
    "He said 10,000 troops had crossed the border. "
    "The weather, that Monday, was cold"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    return load_corpus([tmp_path])


def ready(suggestions: ArticleSuggestions, article: Article) -> ArticleSuggestions:
    assert suggestions.wanted(article)
    suggestions.keep(article, suggestions.compute(article))
    return suggestions


def new_annotation(article: Article, index: int, **values: object) -> Annotation:
    sentence = article.sentences[index]
    anchor = Anchor.in_text(
        article.id, article.sha256, article.text, index, sentence.start, sentence.end
    )
    return Annotation.new(anchor, "ana", **values)


def test_an_article_is_computed_once_and_read_without_computing(corpus: Corpus) -> None:
    calls: list[str] = []

    def counting(article: Article) -> Sequence[Suggestion]:
        calls.append(article.id)
        return suggest(article)

    article = corpus.articles[0]
    suggestions = ArticleSuggestions(suggester=counting)
    assert suggestions.shown(article, 2) is None, "nothing before the worker is done"
    assert suggestions.wanted(article) and not suggestions.wanted(article), "asked once"
    suggestions.keep(article, suggestions.compute(article))
    assert not suggestions.wanted(article) and suggestions.is_ready(article)
    for _ in range(3):
        shown = suggestions.shown(article, 2)
        assert shown is not None and shown.tags == ("claim", "attribution")
    assert calls == [article.id]
    assert suggestions.source(article, 2) == "He", "as the guideline records it (qa17 Q2)"
    assert suggestions.shown(article, 3) is None, "no tag suggested: nothing shown"
    assert suggestions.shown(article, 99) is None


def test_a_failed_worker_is_asked_again(corpus: Corpus) -> None:
    article = corpus.articles[0]
    suggestions = ArticleSuggestions()
    assert suggestions.wanted(article)
    suggestions.abandon(article)
    assert suggestions.wanted(article)


def test_settings_turn_suggestions_off_and_set_the_lowest_score(corpus: Corpus) -> None:
    article = corpus.articles[0]
    off = ArticleSuggestions(SuggestionSettings(enabled=False))
    assert not off.wanted(article)
    off.keep(article, suggest(article))
    assert off.shown(article, 2) is None and off.source(article, 2) is None
    strict = ready(ArticleSuggestions(SuggestionSettings(lowest_score=1.0)), article)
    assert strict.shown(article, 2) is None
    scores = suggest(article)[2].scores
    between = (min(scores["claim"], scores["attribution"]) + 1e-6, 1.0)
    if scores["claim"] < scores["attribution"]:
        partial = ready(ArticleSuggestions(SuggestionSettings(True, between[0])), article)
        shown = partial.shown(article, 2)
        assert shown is not None and shown.tags == ("attribution",) and shown.source == "He"


def test_only_the_last_articles_are_kept(tmp_path: Path) -> None:
    for number in range(KEPT_ARTICLES + 2):
        (tmp_path / f"{number:03d}.txt").write_text(f"T{number}\nOfficials said so.")
    articles = load_corpus([tmp_path]).articles
    suggestions = ArticleSuggestions()
    for article in articles:
        ready(suggestions, article)
    assert not suggestions.is_ready(articles[0]) and suggestions.is_ready(articles[-1])
    assert suggestions.wanted(articles[0]), "dropped: asked again when read again"


def test_provenance_is_the_suggestion_shown_at_the_first_save(corpus: Corpus) -> None:
    article = corpus.articles[0]
    suggestions = ready(ArticleSuggestions(), article)
    shown = suggestions.shown(article, 2)
    assert shown is not None
    claim = with_provenance(new_annotation(article, 2).toggled("claim"), shown)
    assert claim.suggestion == replace(shown, outcome="changed")
    other = Suggested(shown.version, ("denial",), None, None, shown.scores)
    assert with_provenance(claim, other) == claim, "the first one is kept"
    assert with_provenance(new_annotation(article, 2), None).suggestion is None
    taken = accepted(claim.changed(note="checked", status="supported"), shown)
    assert (taken.tags, taken.source) == (shown.tags, "He")
    assert taken.suggestion_outcome == "accepted"
    assert (taken.note, taken.status) == ("checked", "supported")
    no_source = Suggested(shown.version, ("claim",), None, None, shown.scores)
    kept = accepted(claim.changed(source="Pentagon"), no_source)
    assert kept.source == "Pentagon" and kept.tags == ("claim",)


def test_accepting_never_overrules_what_the_analyst_recorded(corpus: Corpus) -> None:
    article = corpus.articles[0]
    shown = ready(ArticleSuggestions(), article).shown(article, 2)
    assert shown is not None and shown.source == "He" and shown.resolved_source
    blank = new_annotation(article, 2)
    assert not overrules(None, shown) and not overrules(blank, shown)
    assert not overrules(blank.changed(note="to check", status="disputed"), shown)
    assert not overrules(blank.changed(tags=shown.tags), shown), "the same tags"
    assert not overrules(blank.changed(source=shown.resolved_source), shown)
    assert overrules(blank.toggled("denial"), shown), "other tags"
    assert not overrules(blank.changed(source="Pentagon"), shown), "another source: kept"
    assert keeps_own_source(blank.changed(source="Pentagon"), shown)
    assert not keeps_own_source(blank.changed(source=shown.resolved_source), shown)
    no_source = Suggested(shown.version, shown.tags, None, None, shown.scores)
    assert not keeps_own_source(blank.changed(source="Pentagon"), no_source), "added"


def test_accepting_keeps_a_source_the_analyst_recorded(corpus: Corpus) -> None:
    """qa4 Q1, Q2: "Pat Ryder" typed for "He", then Enter, became "He"; a source of the
    analyst's own blocked the suggested tags. The tags are taken, the source kept."""
    article = corpus.articles[0]
    shown = ready(ArticleSuggestions(), article).shown(article, 2)
    assert shown is not None and shown.resolved_source
    blank = new_annotation(article, 2)
    resolved = accepted(blank.changed(source=shown.resolved_source), shown)
    assert (resolved.tags, resolved.source) == (shown.tags, shown.resolved_source)
    assert resolved.suggestion_outcome == "accepted"
    own = accepted(blank.changed(source="Custom Name"), shown)
    assert (own.tags, own.source, own.suggestion_outcome) == (shown.tags, "Custom Name", "changed")
    assert accepted(blank, shown).source == shown.source, "none recorded: the suggested one"


def test_an_article_too_long_to_suggest_for_is_refused_with_its_length(tmp_path: Path) -> None:
    """A book-length text would hold a worker for minutes (and the app's quit behind it):
    refused, saying why, as a failed computation is (the screen notifies it once)."""
    sentence = "The minister said the bridge would reopen in May. "
    long = Article("long", tmp_path / "long.txt", "Long\n" + sentence * SUGGESTED_SENTENCES)
    assert len(long.sentences) > SUGGESTED_SENTENCES
    suggestions = ArticleSuggestions(SuggestionSettings())
    with pytest.raises(ArticleTooLong, match=f"{len(long.sentences):,} sentences"):
        suggestions.compute(long)
    short = Article("short", tmp_path / "short.txt", "Short\n" + sentence * 3)
    assert suggestions.compute(short)
